/** One small JSON request (a counter, a day count), every failure a FeedError. */
import { FeedError } from './types.js';

export interface JsonRequest {
  /** A JSON body to POST; without it, a GET. */
  body?: string;
  /** Milliseconds before the request is abandoned as a timeout. */
  timeout: number;
  /** Aborts the request; the promise then rejects with the abort, not a FeedError. */
  signal: AbortSignal;
  cache?: RequestCache;
}

export async function fetchJson(url: string, { body, timeout, signal, cache }: JsonRequest): Promise<unknown> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, timeout);
  signal.addEventListener('abort', abort);
  try {
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: body ? 'POST' : 'GET',
        body,
        headers: body ? { 'Content-Type': 'application/json' } : undefined,
        credentials: 'same-origin',
        cache,
        signal: controller.signal,
      });
      text = await response.text();
    } catch (error) {
      if (signal.aborted) throw error;
      throw new FeedError(controller.signal.aborted ? { kind: 'timeout', url, seconds: timeout / 1000 } : { kind: 'network', url }, error);
    }
    if (!response.ok) throw new FeedError({ kind: 'http', url, status: response.status });
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new FeedError({ kind: 'parse', url, format: 'JSON' }, error);
    }
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}
