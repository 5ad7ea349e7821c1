/**
 * Several feeds read as one list (a ward formed from former wards, a
 * province page gathering its wards): newest first, an item that two feeds
 * carry shown once, each item marked with the feed it came from.
 */
import type { NewsItem, ParsedFeed } from './types.js';
import { memo } from '../memo.js';

/** One feed of several, as read: its URL names it when it has no title. */
export interface FeedPart {
  url: string;
  feed: ParsedFeed;
}

/** The name a merged list shows for a feed: its title, else its host. */
export function sourceName(url: string, feed?: ParsedFeed): string {
  if (feed?.title) return feed.title;
  try {
    return new URL(url, document.baseURI).host || url;
  } catch {
    return url;
  }
}

// The earliest date there is: undated items go last, in the order they came.
const UNDATED = -8.64e15;
const time = (item: NewsItem) => (item.published ?? item.modified)?.getTime() ?? UNDATED;

/**
 * An item is the same item in two feeds when it has the same URL; without
 * a URL, the same id. Ids alone are not compared when there is a URL: two
 * WordPress sites both have a post 123.
 */
const sameItemKey = (item: NewsItem) => (item.url !== undefined ? `u${item.url}` : /^https?:/.test(item.id) ? `u${item.id}` : `i${item.id}`);

/**
 * Each feed's items marked with their source, made once per parsed feed:
 * the feeds already read are merged again whenever another one answers,
 * and the search index keeps its work for items it has seen.
 */
const marked = new WeakMap<ParsedFeed, NewsItem[]>();

function markedItems({ url, feed }: FeedPart): NewsItem[] {
  return memo(marked, feed, () => {
    const source = sourceName(url, feed);
    return feed.items.map((item) => ({ ...item, source }));
  });
}

/**
 * One list of every part's items, newest first (same time: the order of the
 * parts, then of each feed), each item once. Entries a part has not read yet
 * are counted in `unread`, never read from here: each part's reader reads
 * its own and the parts are merged again.
 */
export function mergeFeeds(parts: FeedPart[]): ParsedFeed {
  const all = parts.flatMap(markedItems).sort((a, b) => time(b) - time(a));
  const seen = new Set<string>();
  const items = all.filter((item) => {
    const key = sameItemKey(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const unread = parts.flatMap(({ feed }) => feed.unread?.entries ?? []);
  return { items, unread: unread.length ? { entries: unread, read: () => undefined } : undefined };
}
