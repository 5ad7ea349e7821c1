/**
 * What `<news-feed exclude>` leaves out: each token as written (an id or a
 * URL) and as a URL resolved against the page, and always the page being
 * read, so that an article is never in its own "Các tin khác".
 */
export function excludedKeys(exclude: string, page: string, base: string): Set<string> {
  const keys = new Set<string>([page.replace(/#.*/, '')]);
  for (const token of exclude.split(/\s+/).filter(Boolean)) {
    keys.add(token);
    try {
      keys.add(new URL(token, base).href);
    } catch {
      // An id, not a URL.
    }
  }
  return keys;
}
