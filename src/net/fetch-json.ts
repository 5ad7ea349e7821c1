/** One small JSON request (a counter, a day count), every failure a LoadError. */
import { fetchWithin, type Fetched } from './fetch-within.js';
import { LoadError } from './load-error.js';

export interface JsonRequest {
  /** A JSON body to POST; without it, a GET. */
  body?: string;
  /** Milliseconds before the request is abandoned as a timeout. */
  timeout: number;
  /** Aborts the request; the promise then rejects with the abort, not a LoadError. */
  signal: AbortSignal;
  cache?: RequestCache;
}

export async function fetchJson(url: string, { body, timeout, signal, cache }: JsonRequest): Promise<unknown> {
  let answer: Fetched<string>;
  try {
    answer = await fetchWithin(url, {
      method: body ? 'POST' : 'GET',
      body,
      headers: body ? { 'Content-Type': 'application/json' } : undefined,
      cache,
    }, timeout, signal, (response) => response.text());
  } catch (error) {
    // A timeout is a LoadError already; the caller's own abort stays as it is.
    if (error instanceof LoadError || signal.aborted) throw error;
    throw new LoadError({ kind: 'network', url }, error);
  }
  const { response, body: text } = answer;
  if (!response.ok) throw new LoadError({ kind: 'http', url, status: response.status });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LoadError({ kind: 'parse', url, format: 'JSON' }, error);
  }
}
