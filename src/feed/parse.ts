/**
 * From a response body to items: picks the format (or takes the one asked
 * for) and hands the body to that format's parser.
 */
import { isJsonFeed, parseJsonFeed } from './formats/json-feed.js';
import { FeedError, type FeedFormat, type ParseContext, type ParsedFeed } from './types.js';

export interface FeedResponse {
  /** The body as text. */
  text: string;
  /** The Content-Type header, if any. */
  contentType?: string;
}

const FORMAT_NAMES: Record<Exclude<FeedFormat, 'auto'>, string> = {
  jsonfeed: 'JSON Feed',
  wordpress: 'WordPress REST',
  rss: 'RSS/Atom',
  custom: 'JSON',
};

function parseJson(text: string, url: string, format: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new FeedError({ kind: 'parse', url, format }, cause);
  }
}

export function parseFeed(response: FeedResponse, format: FeedFormat, context: ParseContext): ParsedFeed {
  const url = context.baseUrl;
  if (format === 'jsonfeed') return parseJsonFeed(parseJson(response.text, url, FORMAT_NAMES.jsonfeed), context);
  if (format !== 'auto') {
    throw new FeedError({ kind: 'format', url, format: FORMAT_NAMES[format] });
  }
  const body = parseJson(response.text, url, 'JSON');
  if (isJsonFeed(body)) return parseJsonFeed(body, context);
  throw new FeedError({ kind: 'format', url, format: 'JSON Feed', field: 'items' });
}
