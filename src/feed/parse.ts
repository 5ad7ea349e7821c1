/**
 * From a response body to items: picks the format (or takes the one asked
 * for) and hands the body to that format's parser.
 */
import { isObject } from './formats/item.js';
import { isJsonFeed, parseJsonFeed } from './formats/json-feed.js';
import { listIn, parseMapped } from './formats/mapped.js';
import { parseXmlFeed } from './formats/rss.js';
import { isWordPress, parseWordPress } from './formats/wordpress.js';
import { type FeedFormat, type FeedMap, type ParseContext, type ParsedFeed } from './types.js';
import { LoadError } from '../net/load-error.js';

export interface FeedResponse {
  /** The body as text (decoded by the charset its Content-Type or XML declaration names: decode.ts). */
  text: string;
}

const FORMAT_NAMES: Record<FeedFormat, string> = {
  auto: 'JSON',
  jsonfeed: 'JSON Feed',
  wordpress: 'WordPress REST',
  rss: 'RSS/Atom',
  custom: 'JSON',
};

function parseJson(text: string, url: string, format: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    // V8 tells where: "… at position 120 (line 5 column 3)".
    const line = /line (\d+)/.exec(String(cause))?.[1];
    throw new LoadError({ kind: 'parse', url, format, line: line ? +line : undefined }, cause);
  }
}

/**
 * The `map` attribute: JSON text or an object, keeping only string paths.
 * Undefined when there is none; a LoadError when it is not JSON.
 */
export function parseMap(value: unknown, url: string): FeedMap | undefined {
  if (!value) return undefined;
  let map = value;
  if (typeof value === 'string') {
    try {
      map = JSON.parse(value);
    } catch (cause) {
      throw new LoadError({ kind: 'parse', url, format: 'map', field: 'map' }, cause);
    }
  }
  if (!isObject(map)) throw new LoadError({ kind: 'parse', url, format: 'map', field: 'map' });
  return Object.fromEntries(Object.entries(map).filter(([, path]) => typeof path === 'string'));
}

/** Which reader `auto` gives a JSON body: the one parseFeed uses, and the diagnosis names. */
export function jsonFormat(body: unknown, mapped: boolean): 'custom' | 'wordpress' | 'jsonfeed' {
  if (mapped || (Array.isArray(body) && !isWordPress(body))) return 'custom';
  if (isWordPress(body)) return 'wordpress';
  // Some other JSON with a list of objects in it: read by the usual names.
  // Without one, the JSON Feed reader says what is missing (`items`).
  return !isJsonFeed(body) && isObject(body) && listIn(body) ? 'custom' : 'jsonfeed';
}

export function parseFeed(response: FeedResponse, format: FeedFormat, context: ParseContext): ParsedFeed {
  const { text } = response;
  if (format === 'rss' || (format === 'auto' && !context.map && /^[\s\uFEFF]*</.test(text))) return parseXmlFeed(text, context);
  const body = parseJson(text, context.baseUrl, FORMAT_NAMES[format]);
  const reader = format === 'auto' ? jsonFormat(body, !!context.map) : format;
  if (reader === 'custom') return parseMapped(body, context);
  if (reader === 'wordpress') return parseWordPress(body, context);
  return parseJsonFeed(body, context);
}
