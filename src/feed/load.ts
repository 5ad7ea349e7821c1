/** Fetches one feed URL and parses it, turning every failure into a FeedError. */
import { parseFeed } from './parse.js';
import { FeedError, type FeedFormat, type ParsedFeed } from './types.js';

export interface LoadOptions {
  format?: FeedFormat;
  timezone: string;
  /** Milliseconds before the request is abandoned. */
  timeout?: number;
  /** Aborts the request (a newer one replaced it); rejects with an AbortError. */
  signal?: AbortSignal;
}

export const DEFAULT_TIMEOUT = 10_000;

export async function loadFeed(url: string, options: LoadOptions): Promise<ParsedFeed> {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort);
  const absolute = new URL(url, document.baseURI).href;
  try {
    let response: Response;
    let text: string;
    try {
      response = await fetch(absolute, { signal: controller.signal, credentials: 'same-origin' });
      if (!response.ok) throw new FeedError({ kind: 'http', url: absolute, status: response.status });
      text = await response.text();
    } catch (error) {
      if (error instanceof FeedError) throw error;
      if (options.signal?.aborted) throw error;
      if (timedOut) throw new FeedError({ kind: 'timeout', url: absolute, seconds: Math.round(timeout / 1000) }, error);
      throw new FeedError({ kind: 'network', url: absolute }, error);
    }
    return parseFeed(
      { text, contentType: response.headers.get('content-type') ?? undefined },
      options.format ?? 'auto',
      { baseUrl: response.url || absolute, timezone: options.timezone },
    );
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
