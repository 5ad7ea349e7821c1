/**
 * What the engine finds in a feed, as data for a configurator: how it can be
 * reached, its format, how many items, which fields they carry, the dates it
 * could not read, the error the element would show, and for other JSON the
 * lists and fields a `map` can name. The same request, decoding and parsers
 * as `<news-feed>`, not a second reader; not part of the paste-in bundle.
 */
import { DEFAULT_TIMEZONE, parseDate, parseDatePattern } from './dates.js';
import { readBody } from './decode.js';
import { isObject, type Json } from './formats/item.js';
import { isJsonFeed } from './formats/json-feed.js';
import { getPath, USUAL } from './formats/mapped.js';
import { corsRefused, DEFAULT_TIMEOUT, requestUrl } from './load.js';
import { jsonFormat, parseFeed, parseMap } from './parse.js';
import type { FeedFormat, FeedMap, NewsItem, ParseContext } from './types.js';
import { fetchWithin } from '../net/fetch-within.js';
import { LoadError, type LoadErrorInfo } from '../net/load-error.js';

/** The fields a diagnosis counts. */
export const INSPECTED_FIELDS = ['title', 'link', 'date', 'summary', 'image', 'category'] as const;
export type InspectedField = (typeof INSPECTED_FIELDS)[number];

/** The format found: `json` is any other JSON, read by the usual names or through `map`. */
export type InspectedFormat = 'jsonfeed' | 'wordpress' | 'rss' | 'atom' | 'json';

/**
 * How this page may read the feed: `direct` (same origin, or CORS allows it),
 * `relay` (only through the relay given), `unreachable` (neither).
 */
export type FeedAccess = 'direct' | 'relay' | 'unreachable';

/** One field of a JSON list's entries: its dotted path and what the first entries hold there. */
export interface JsonField {
  path: string;
  examples: string[];
}

/** A list of objects in a JSON body, which `map.items` can name (`''` is the body itself). */
export interface JsonList {
  path: string;
  count: number;
  fields: JsonField[];
}

export interface InspectOptions {
  /** As `<news-feed>`'s `format`; `auto` by default. */
  format?: FeedFormat;
  /** As `<news-feed>`'s `map`: an object or its JSON text. */
  map?: FeedMap | string;
  /** As `<news-feed>`'s `date-format`. */
  dateFormat?: string;
  /** IANA zone for dates without an offset; Asia/Ho_Chi_Minh by default. */
  timezone?: string;
  /** A feed relay (`/api/feed` of news-widgets-server), tried when the feed refuses this page (CORS). */
  relay?: string;
  /** Milliseconds the request may take; 10,000 by default. */
  timeout?: number;
  signal?: AbortSignal;
}

/** The diagnosis: data only, for the caller to put in words. */
export interface FeedInspection {
  /** The feed's absolute URL. */
  url: string;
  access: FeedAccess;
  /** The `relay` option to use, when `access` is `relay`. */
  relay?: string;
  /** Undefined when no answer could be read. */
  format?: InspectedFormat;
  /** Entries in the answer, read or not. */
  entries: number;
  /** The items the element would show (entries with a title or summary). */
  items: NewsItem[];
  newest?: Date;
  oldest?: Date;
  /** For each field, how many items have it. */
  fields: Record<InspectedField, number>;
  /** Items that carry a date the engine could not read, and a few of those dates as written. */
  unreadDates: { count: number; examples: string[] };
  /** The error `<news-feed>` would report with these options (put in words by its `error(info)`). */
  error?: LoadErrorInfo;
  /** For a JSON answer: the lists of objects in it, for a field picker writing `map`. */
  lists?: JsonList[];
}

const EXAMPLES = 3;
const EXAMPLE_LENGTH = 80;

// Where each format writes an item's date, to show the text of a date that was not read.
const XML_DATES = ['pubDate', 'date', 'published', 'updated', 'issued', 'modified', 'created'];
const JSON_DATES: Record<string, string[]> = {
  jsonfeed: ['date_published', 'date_modified'],
  wordpress: ['date_gmt', 'date'],
};

function writtenDate(entry: unknown, format: InspectedFormat, map: FeedMap | undefined): unknown {
  if (typeof Element !== 'undefined' && entry instanceof Element) {
    const child = [...entry.children].find((node) => XML_DATES.includes(node.localName));
    return child?.textContent?.trim() || undefined;
  }
  if (!isObject(entry)) return undefined;
  if (format === 'json') {
    if (map?.date) return getPath(entry, map.date);
    const byLowerCase = new Map(Object.entries(entry).map(([key, value]) => [key.toLowerCase(), value]));
    return USUAL.date.split(' ').map((name) => byLowerCase.get(name)).find((value) => value != null && value !== '');
  }
  return (JSON_DATES[format] ?? []).map((name) => entry[name]).find((value) => value != null && value !== '');
}

/** A value as a short example: text cut, objects as JSON. */
function example(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > EXAMPLE_LENGTH ? `${text.slice(0, EXAMPLE_LENGTH - 1)}…` : text;
}

/** Dotted paths of the leaves of `entry` (two levels down), arrays read in their first element. */
function leafPaths(entry: Json, prefix = '', depth = 0): string[] {
  return Object.entries(entry).flatMap(([key, value]) => {
    const path = prefix + key;
    const inner = Array.isArray(value) ? value[0] : value;
    return isObject(inner) && depth < 2 ? leafPaths(inner, `${path}.`, depth + 1) : [path];
  });
}

/** Every list of objects in a JSON body, up to three levels down. */
export function jsonLists(body: unknown, path = '', depth = 0): JsonList[] {
  if (Array.isArray(body)) {
    const objects = body.filter(isObject).slice(0, 20);
    if (!objects.length) return [];
    const paths = [...new Set(objects.flatMap((entry) => leafPaths(entry)))];
    const fields = paths.map((field) => ({
      path: field,
      examples: objects.map((entry) => getPath(entry, field)).filter((value) => value != null && value !== '').slice(0, EXAMPLES).map(example),
    }));
    return [{ path, count: body.length, fields }];
  }
  if (!isObject(body) || depth > 2) return [];
  return Object.entries(body).flatMap(([key, value]) => jsonLists(value, path ? `${path}.${key}` : key, depth + 1));
}

// Ways dates are written that parseDate does not read alone, Vietnamese order first.
const DATE_FORMATS = [
  'dd/MM/yyyy HH:mm:ss', 'dd/MM/yyyy HH:mm', 'dd/MM/yyyy', 'HH:mm dd/MM/yyyy', 'HH:mm:ss dd/MM/yyyy',
  "dd/MM/yyyy 'lúc' HH:mm", "HH'g'mm dd/MM/yyyy", "HH'h'mm dd/MM/yyyy", "HH:mm 'ngày' dd/MM/yyyy",
  'dd-MM-yyyy HH:mm:ss', 'dd-MM-yyyy HH:mm', 'dd-MM-yyyy', 'dd.MM.yyyy HH:mm', 'dd.MM.yyyy',
  'yyyy/MM/dd HH:mm:ss', 'yyyy/MM/dd HH:mm', 'yyyy/MM/dd', 'yyyyMMdd',
  "'Ngày' dd/MM/yyyy", "dd 'tháng' MM 'năm' yyyy", "'ngày' d 'tháng' M 'năm' yyyy",
  'M/d/yyyy h:mm:ss a', 'M/d/yyyy h:mm a', 'M/d/yyyy', 'MM-dd-yyyy',
];

/**
 * A `dateFormat` that reads every one of `values`, when parseDate alone does
 * not read them all; undefined when it does, or when no known pattern fits.
 */
export function suggestDateFormat(values: unknown[], timezone = DEFAULT_TIMEZONE): string | undefined {
  const written = values.filter((value): value is string => typeof value === 'string' && value.trim() !== '').map((value) => value.trim());
  if (!written.length || written.every((value) => parseDate(value, timezone))) return undefined;
  return DATE_FORMATS.find((pattern) => written.every((value) => parseDatePattern(value, pattern, timezone)));
}

interface Answer {
  response: Response;
  text: string;
  access: FeedAccess;
  /** The URL asked for: the feed's, or the relay's with the feed's in it. */
  requested: string;
}

/** The feed's answer, read directly, else through the relay when the feed refuses this page. */
async function fetchAnswer(url: string, options: InspectOptions): Promise<Answer> {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const read = async (requested: string, access: FeedAccess): Promise<Answer> => {
    const { response, body } = await fetchWithin(requested, {}, timeout, options.signal, readBody);
    return { response, text: body, access, requested };
  };
  try {
    return await read(url, 'direct');
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const refused = await corsRefused(url, timeout);
    if (!refused) throw new LoadError({ kind: 'network', url }, error);
    if (!options.relay) throw new LoadError({ kind: 'cors', url }, error);
    try {
      return await read(requestUrl(url, options.relay), 'relay');
    } catch (relayError) {
      // The relay itself could not be reached: the feed's refusal is what to fix.
      if (relayError instanceof TypeError) throw new LoadError({ kind: 'cors', url }, relayError);
      throw relayError;
    }
  }
}

/** The format of an answer, as parseFeed would pick it; undefined when it is neither XML nor JSON. */
function formatOf(text: string, format: FeedFormat, map: FeedMap | undefined): InspectedFormat | undefined {
  if (format === 'rss' || (format === 'auto' && !map && /^[\s\uFEFF]*</.test(text))) {
    // The root element, past the declaration, comments and doctype.
    const root = /^(?:[\s\uFEFF]*(?:<\?[^]*?\?>|<!--[^]*?-->|<![^>]*>))*[\s\uFEFF]*<([\w:.-]+)/.exec(text)?.[1];
    return root?.replace(/^.*:/, '') === 'feed' ? 'atom' : 'rss';
  }
  if (format === 'jsonfeed' || format === 'wordpress') return format;
  if (format === 'custom') return 'json';
  try {
    const body: unknown = JSON.parse(text);
    const found = jsonFormat(body, !!map);
    // JSON Feed is the reader of last resort: a body it fails on is some other JSON.
    return found === 'custom' || (found === 'jsonfeed' && !isJsonFeed(body)) ? 'json' : found;
  } catch {
    return undefined;
  }
}

function jsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Reads the feed at `url` as `<news-feed>` would with these options and
 * says what it found. Never rejects for a feed's fault: a failure is
 * `error`, with whatever was learnt before it.
 */
export async function inspectFeed(url: string, options: InspectOptions = {}): Promise<FeedInspection> {
  const fields = Object.fromEntries(INSPECTED_FIELDS.map((field) => [field, 0])) as Record<InspectedField, number>;
  const inspection: FeedInspection = { url, access: 'unreachable', entries: 0, items: [], fields, unreadDates: { count: 0, examples: [] } };
  let answer: Answer;
  let map: FeedMap | undefined;
  try {
    inspection.url = new URL(url, document.baseURI).href;
    map = parseMap(options.map, inspection.url);
    answer = await fetchAnswer(inspection.url, options);
  } catch (error) {
    if (!(error instanceof LoadError)) {
      if (options.signal?.aborted) throw error;
      return { ...inspection, error: { kind: 'network', url } };
    }
    return { ...inspection, error: error.info };
  }
  inspection.access = answer.access;
  if (answer.access === 'relay') inspection.relay = new URL(options.relay!, document.baseURI).href;
  if (!answer.response.ok) return { ...inspection, error: { kind: 'http', url: inspection.url, status: answer.response.status } };

  const format = options.format ?? 'auto';
  const timezone = options.timezone ?? DEFAULT_TIMEZONE;
  inspection.format = formatOf(answer.text, format, map);
  if (inspection.format && inspection.format !== 'rss' && inspection.format !== 'atom') {
    inspection.lists = jsonLists(jsonBody(answer.text));
  }
  const response = { text: answer.text };
  const context: ParseContext = {
    baseUrl: answer.requested === inspection.url ? answer.response.url || inspection.url : inspection.url,
    timezone,
    dateFormat: options.dateFormat,
    map,
    headers: answer.response.headers,
  };
  try {
    // As the element reads it: its error, if any, is the one to show.
    parseFeed(response, format, context);
    // Again with every entry left unread, to meet each one as it was written.
    const { unread } = parseFeed(response, format, { ...context, first: 0 });
    const entries = unread?.entries ?? [];
    inspection.entries = entries.length;
    for (const entry of entries) {
      const item = unread!.read(entry);
      if (!item) continue;
      inspection.items.push(item);
      const date = item.published ?? item.modified;
      const has: Record<InspectedField, boolean> = {
        title: !!item.title, link: !!item.url, date: !!date, summary: !!item.summary, image: !!item.image, category: item.categories.length > 0,
      };
      for (const field of INSPECTED_FIELDS) if (has[field]) fields[field]++;
      if (date) {
        if (!inspection.newest || date > inspection.newest) inspection.newest = date;
        if (!inspection.oldest || date < inspection.oldest) inspection.oldest = date;
        continue;
      }
      const written = writtenDate(entry, inspection.format ?? 'json', map);
      if (written == null || written === '') continue;
      inspection.unreadDates.count++;
      if (inspection.unreadDates.examples.length < EXAMPLES) inspection.unreadDates.examples.push(example(written));
    }
  } catch (error) {
    if (!(error instanceof LoadError)) throw error;
    inspection.error = error.info;
  }
  return inspection;
}
