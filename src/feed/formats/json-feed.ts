/** JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/). */
import { parseDate } from '../dates.js';
import { safeUrl } from '../text.js';
import { type ParseContext, type ParsedFeed } from '../types.js';
import { LoadError } from '../../net/load-error.js';
import { feedTitle, isObject, newsItem, readItems } from './item.js';

/**
 * True when the body looks like a JSON Feed: it says so, or its items have
 * ids. A list under `items` without them is some other JSON.
 */
export function isJsonFeed(body: unknown): boolean {
  if (!isObject(body)) return false;
  if (String(body.version ?? '').includes('jsonfeed.org')) return true;
  if (!Array.isArray(body.items)) return false;
  const first: unknown = body.items[0];
  return !isObject(first) || 'id' in first;
}

export function parseJsonFeed(body: unknown, context: ParseContext): ParsedFeed {
  const base = context.baseUrl;
  if (!isObject(body) || !Array.isArray(body.items)) {
    throw new LoadError({ kind: 'format', url: base, format: 'JSON Feed', field: 'items' });
  }
  // JSON Feed requires an id, yet WordPress plugins and static-site
  // generators leave it out: the URL, else the title and date, stands in.
  const read = (raw: unknown) => (isObject(raw) && newsItem({
      id: raw.id,
      title: raw.title,
      url: raw.url ?? raw.external_url,
      summary: raw.summary || raw.content_text || raw.content_html,
      image: raw.image ?? raw.banner_image,
      published: parseDate(raw.date_published, context.timezone, context.dateFormat),
      modified: parseDate(raw.date_modified, context.timezone, context.dateFormat),
      // 1.1 has authors; 1.0 had one author, at the item or the feed.
      authors: raw.authors ?? raw.author ?? body.authors ?? body.author,
      categories: raw.tags,
    }, base)) || undefined;
  return { ...readItems(body.items, read, context.first), nextUrl: safeUrl(body.next_url, base), title: feedTitle(body.title) };
}
