/** A request with a time limit: the one place a feed request gives up waiting. */
import { LoadError } from './load-error.js';

/** A response and its body, as `read` gave it. */
export interface Fetched<T> {
  response: Response;
  body: T;
}

/**
 * fetch() and `read` of the body, both within `timeout` ms; past it, a
 * timeout LoadError. When `signal` aborts, it rejects with the signal's reason.
 */
export async function fetchWithin<T>(
  url: string,
  init: RequestInit,
  timeout: number,
  signal: AbortSignal | undefined,
  read: (response: Response) => Promise<T>,
): Promise<Fetched<T>> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const onAbort = () => controller.abort(signal!.reason);
  signal?.addEventListener('abort', onAbort);
  try {
    const response = await fetch(url, { ...init, credentials: 'same-origin', signal: controller.signal });
    return { response, body: await read(response) };
  } catch (error) {
    if (timedOut) throw new LoadError({ kind: 'timeout', url, seconds: Math.ceil(timeout / 1000) }, error);
    throw error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
