/** JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/). */
import { parseDate } from '../dates.js';
import { safeUrl, toPlainText } from '../text.js';
import { FeedError, type NewsItem, type ParseContext, type ParsedFeed } from '../types.js';

const SUMMARY_MAX = 600;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when the body looks like a JSON Feed. */
export function isJsonFeed(body: unknown): boolean {
  return isObject(body) && (String(body.version ?? '').includes('jsonfeed.org') || Array.isArray(body.items));
}

/** A summary: plain text, cut at a word near SUMMARY_MAX characters. */
export function shortText(value: unknown): string | undefined {
  const text = toPlainText(value);
  if (!text) return undefined;
  if (text.length <= SUMMARY_MAX) return text;
  const cut = text.lastIndexOf(' ', SUMMARY_MAX);
  return `${text.slice(0, cut > SUMMARY_MAX / 2 ? cut : SUMMARY_MAX)}…`;
}

function authorNames(item: Json): string[] {
  const list = Array.isArray(item.authors) ? item.authors : item.author ? [item.author] : [];
  return list
    .map((author) => toPlainText(isObject(author) ? author.name : author))
    .filter(Boolean);
}

function itemId(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim()) return value.trim();
  return undefined;
}

export function parseJsonFeed(body: unknown, context: ParseContext): ParsedFeed {
  if (!isObject(body) || !Array.isArray(body.items)) {
    throw new FeedError({ kind: 'format', url: context.baseUrl, format: 'JSON Feed', field: 'items' });
  }
  const items: NewsItem[] = [];
  for (const raw of body.items) {
    if (!isObject(raw)) continue;
    const id = itemId(raw.id);
    if (!id) continue;
    const summary = shortText(raw.summary) ?? shortText(raw.content_text) ?? shortText(raw.content_html);
    // An item with no title is still news: JSON Feed allows it; show the start of its text.
    const title = toPlainText(raw.title) || (summary ? summary.slice(0, 120) : '');
    if (!title) continue;
    items.push({
      id,
      title,
      url: safeUrl(raw.url, context.baseUrl) ?? safeUrl(raw.external_url, context.baseUrl),
      summary: summary === title ? undefined : summary,
      image: safeUrl(raw.image, context.baseUrl) ?? safeUrl(raw.banner_image, context.baseUrl),
      published: parseDate(raw.date_published, context.timezone),
      modified: parseDate(raw.date_modified, context.timezone),
      authors: authorNames(raw),
      categories: Array.isArray(raw.tags) ? raw.tags.map(toPlainText).filter(Boolean) : [],
    });
  }
  return { items, nextUrl: safeUrl(body.next_url, context.baseUrl) };
}
