/** What every format does to its fields: plain text, safe URLs, a short summary. */
import { FIELD_MAX, safeUrl, toPlainText } from '../text.js';
import type { NewsItem, ParsedFeed } from '../types.js';

const SUMMARY_MAX = 600;
/** Longest title, category or author shown: a feed's 1.3 MB title froze the page for seconds in layout. */
const TITLE_MAX = 300;
const NAME_MAX = 100;
/** Categories and authors of one item, at most. */
const NAMES_MAX = 20;

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A usable id: a non-empty string, or a number written as one. */
function itemId(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim()) return value.trim();
  return undefined;
}

// The mark of a cut excerpt, "[…]", as WordPress ends every one (its RSS too).
const EXCERPT_MARK = /\s*\[(…|\.\.\.)\]$/;

/** Text cut at a word near `max` characters, with an ellipsis. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const at = text.lastIndexOf(' ', max);
  return `${text.slice(0, at > max / 2 ? at : max)}…`;
}

/** A summary: plain text, cut at a word near SUMMARY_MAX characters. */
export function shortText(value: unknown): string | undefined {
  const text = toPlainText(value).replace(EXCERPT_MARK, '');
  return text ? cut(text, SUMMARY_MAX) : undefined;
}

/** A feed's own name (its `title`), plain text: what a merged list shows as an item's source. */
export function feedTitle(value: unknown): string | undefined {
  return cut(toPlainText(scalar(value)), NAME_MAX) || undefined;
}

/** An object standing for one value: `{ rendered }`, `{ name }`, `{ url }`… */
export function scalar(value: unknown): unknown {
  return isObject(value)
    ? (value.rendered ?? value.name ?? value.label ?? value.title ?? value.url ?? value.src ?? value.href)
    : value;
}

/** A field's values as they come: one, or an array of them. */
export interface RawItem {
  id?: unknown;
  title?: unknown;
  url?: unknown;
  summary?: unknown;
  image?: unknown;
  imageAlt?: unknown;
  published?: Date;
  modified?: Date;
  authors?: unknown;
  categories?: unknown;
}

const texts = (value: unknown): string[] =>
  [value ?? []].flat().slice(0, NAMES_MAX).map((entry) => cut(toPlainText(scalar(entry)), NAME_MAX)).filter(Boolean);

/**
 * The item, or undefined when it has nothing to show. An item without a
 * title is titled with the start of its summary; one without an id is known
 * by its URL, else its title.
 */
export function newsItem(raw: RawItem, base: string): NewsItem | undefined {
  const summary = shortText(scalar(raw.summary));
  const title = cut(toPlainText(scalar(raw.title)), TITLE_MAX) || summary?.slice(0, 120);
  const url = safeUrl(scalar(raw.url), base);
  const date = raw.published ?? raw.modified;
  const id = itemId(scalar(raw.id)) ?? url ?? (title && date ? `${title} ${date.toISOString()}` : title);
  if (!title || !id) return undefined;
  return {
    id,
    title,
    url,
    summary: summary === title ? undefined : summary,
    image: safeUrl(scalar(raw.image), base),
    imageAlt: toPlainText(raw.imageAlt) || undefined,
    published: raw.published ?? raw.modified,
    modified: raw.modified,
    authors: texts(raw.authors),
    categories: texts(raw.categories),
  };
}

/** Reads the first `first` entries now, and leaves the rest as `unread`. */
export function readItems(entries: unknown[], read: (entry: unknown) => NewsItem | undefined, first = Infinity): Pick<ParsedFeed, 'items' | 'unread'> {
  const items: NewsItem[] = [];
  for (const entry of entries.slice(0, first)) {
    const item = read(entry);
    if (item) items.push(item);
  }
  return { items, unread: entries.length > first ? { entries: entries.slice(first), read } : undefined };
}

const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
const optional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value);
const isUrl = (value: unknown) => typeof value === 'string' && safeUrl(value) === value;
const isDate = (value: unknown) => value instanceof Date && !Number.isNaN(value.getTime());
/** A feed title as feedTitle makes one, or none: what a stored copy may carry. */
export const isFeedTitle = (value: unknown) => optional(value, (title) => isText(title, NAME_MAX + 1));
const isNames = (value: unknown) => Array.isArray(value) && value.length <= NAMES_MAX && value.every((name) => isText(name, NAME_MAX + 1));

/**
 * True when a value read back from web storage has the shape this code gives
 * an item: plain text within the caps, only absolute http(s) URLs, valid
 * dates. Another script on the page's origin can write that storage, so a
 * copy is trusted no more than a feed (a `javascript:` link, a date that
 * is not one, categories that are not a list).
 */
export function isNewsItem(value: unknown): value is NewsItem {
  if (!isObject(value)) return false;
  return isText(value.id, Infinity) && !!value.id && isText(value.title, TITLE_MAX + 1) && !!value.title
    && optional(value.url, isUrl) && optional(value.image, isUrl)
    && optional(value.summary, (summary) => isText(summary, SUMMARY_MAX + 1)) && optional(value.imageAlt, (alt) => isText(alt, FIELD_MAX))
    && optional(value.published, isDate) && optional(value.modified, isDate)
    && isNames(value.authors) && isNames(value.categories);
}

