/**
 * One feed URL to items: the request with its timeout, retries with backoff
 * for network errors and 5xx (never 4xx), the body decoded in the encoding it
 * declares, then parsed. Every failure becomes a LoadError.
 */
import { readBody } from './decode.js';
import { fetchWithin, type Fetched } from '../net/fetch-within.js';
import { parseFeed, parseMap } from './parse.js';
import { type FeedFormat, type FeedMap, type ParsedFeed } from './types.js';
import { LoadError } from '../net/load-error.js';

export interface LoadOptions {
  format?: FeedFormat;
  timezone: string;
  /** Paths for a custom JSON feed, or their JSON text (the `map` attribute). */
  map?: FeedMap | string;
  /** Milliseconds each attempt may take before it is abandoned. */
  timeout?: number;
  /** Attempts after the first, for network errors and 5xx. */
  retries?: number;
  /** Milliseconds before the first retry; each next wait is twice as long. */
  retryDelay?: number;
  /** How the feed writes dates when not in a standard form (`M/d/yyyy h:mm:ss a`); a map's `dateFormat` wins. */
  dateFormat?: string;
  /** A 400 or 404 answer is an empty page: a server page past the end. */
  pastEnd?: boolean;
  /** Read only this many items now; the rest are left `unread`. */
  first?: number;
  /** Aborts the request; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * A feed relay (`news-widgets-server`'s `/api/feed`): a feed on another
   * origin is asked for as `relay?url=<feed URL>`, so a server that sends no
   * CORS header still reads. The feed's own URL stays its base for relative
   * links and pictures, and the URL its errors name.
   */
  relay?: string;
}

/** The URL to ask for `absolute`: itself, or through the relay when it is on another origin. */
export function requestUrl(absolute: string, relay: string | undefined): string {
  if (!relay || new URL(absolute).origin === location.origin) return absolute;
  const through = new URL(relay, document.baseURI);
  through.searchParams.set('url', absolute);
  return through.href;
}

export const DEFAULT_TIMEOUT = 10_000;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

/** Cross-origin and the server answers an opaque request: CORS refused, not the network. */
export async function corsRefused(url: string, timeout: number): Promise<boolean> {
  if (new URL(url).origin === location.origin) return false;
  try {
    await fetch(url, { mode: 'no-cors', credentials: 'same-origin', signal: AbortSignal.timeout(timeout) });
    return true;
  } catch {
    return false;
  }
}

export async function loadFeed(url: string, options: LoadOptions): Promise<ParsedFeed> {
  const { timeout = DEFAULT_TIMEOUT, retries = 2, retryDelay = 500, signal } = options;
  let absolute: string;
  try {
    absolute = new URL(url, document.baseURI).href;
  } catch (cause) {
    throw new LoadError({ kind: 'network', url }, cause);
  }
  const map = parseMap(options.map, absolute);
  const requested = requestUrl(absolute, options.relay);
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted();
    let failure: LoadError | undefined;
    let answer: Fetched<string> | undefined;
    try {
      // One attempt: the response and its whole body as text, or a timeout LoadError.
      answer = await fetchWithin(requested, {}, timeout, signal, readBody);
    } catch (error) {
      // fetch rejects with a TypeError for a network failure and for a CORS
      // refusal alike. Retried either way: a passing failure of a feed that
      // allows CORS looks the same (an error page sent without its CORS
      // header, a dropped connection). Told apart for the message only once
      // the last attempt failed.
      if (!(error instanceof TypeError)) throw error;
      const refused = attempt >= retries && (await corsRefused(requested, timeout));
      failure = new LoadError({ kind: refused ? 'cors' : 'network', url: absolute }, error);
    }
    if (answer) {
      const { response, body: text } = answer;
      const { status, headers } = response;
      if (response.ok) {
        const feed = parseFeed({ text }, options.format ?? 'auto', {
          // Through the relay the response's URL is the relay's, not the feed's.
          baseUrl: requested === absolute ? response.url || absolute : absolute,
          timezone: options.timezone,
          dateFormat: options.dateFormat,
          map,
          headers,
          first: options.first,
        });
        feed.total ??= Number(headers.get('x-total-count')) || undefined;
        return feed;
      }
      if (options.pastEnd && (status === 400 || status === 404)) return { items: [] };
      failure = new LoadError({ kind: 'http', url: absolute, status });
      if (status < 500) throw failure;
    }
    if (attempt >= retries) throw failure!;
    await sleep(retryDelay * 2 ** attempt, signal);
  }
}
