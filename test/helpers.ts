/** Helpers shared by the browser tests. */
import { fixture, oneEvent } from '@open-wc/testing';
import type { TemplateResult } from 'lit';

/** A URL on the test server that answers with exactly this response. */
export function respondUrl(options: {
  /** With `key`, a list: the nth request gets the nth body (the last repeats). */
  body?: string | string[];
  b64?: string;
  /** With `key`, a list: the nth request gets the nth status (the last repeats). */
  status?: number | number[];
  type?: string;
  delay?: number;
  key?: string;
  /** With `key`: the first `fail` requests answer `failStatus` (503). */
  fail?: number;
  /** A status, or `drop` to cut the connection (a network error). */
  failStatus?: number | 'drop';
  /** A file in test/fixtures to answer with. */
  file?: string;
  headers?: Record<string, string>;
  /** Send the body this many bytes at a time, `chunkDelay` ms apart (2). */
  chunk?: number;
  chunkDelay?: number;
}): string {
  const params = new URLSearchParams();
  for (const body of [options.body ?? []].flat()) params.append('body', body);
  if (options.b64 !== undefined) params.set('b64', options.b64);
  if (options.file !== undefined) params.set('file', options.file);
  for (const status of [options.status ?? []].flat()) params.append('status', String(status));
  if (options.type !== undefined) params.set('type', options.type);
  if (options.delay !== undefined) params.set('delay', String(options.delay));
  if (options.key !== undefined) params.set('key', options.key);
  if (options.fail !== undefined) params.set('fail', String(options.fail));
  if (options.failStatus !== undefined) params.set('failStatus', String(options.failStatus));
  if (options.chunk !== undefined) params.set('chunk', String(options.chunk));
  if (options.chunkDelay !== undefined) params.set('chunkDelay', String(options.chunkDelay));
  for (const [name, value] of Object.entries(options.headers ?? {})) params.set(`h.${name}`, value);
  return `/__test/respond?${params}`;
}

/** A JSON Feed body with the given items. */
export function jsonFeed(items: Record<string, unknown>[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Test', items, ...extra });
}

/** `count` simple items, newest first, one a day back from 2021-06-30. */
export function makeItems(count: number, make: (i: number) => Record<string, unknown> = () => ({})) {
  return Array.from({ length: count }, (_, i) => ({
    id: `item-${i + 1}`,
    url: `https://example.vn/tin/${i + 1}`,
    title: `Tin số ${i + 1}`,
    date_published: new Date(Date.UTC(2021, 5, 30, 3) - i * 86_400_000).toISOString(),
    ...make(i),
  }));
}

export async function requestCount(key: string): Promise<number> {
  const response = await fetch(`/__test/hits?key=${encodeURIComponent(key)}`);
  return ((await response.json()) as { hits: number }).hits;
}

/** How many requests named `key` the client abandoned while the server delayed them. */
export async function abortedCount(key: string): Promise<number> {
  const response = await fetch(`/__test/hits?key=${encodeURIComponent(key)}`);
  return ((await response.json()) as { aborted: number }).aborted;
}

/**
 * Renders an element and waits for its first news-load, listening on a parent
 * from the start so that an early event is not missed.
 */
export async function loadedFixture<T extends HTMLElement & { updateComplete: Promise<boolean> }>(
  template: TemplateResult,
): Promise<T> {
  const parent = document.createElement('div');
  document.body.append(parent);
  const load = oneEvent(parent, 'news-load');
  const el = await fixture<T>(template, { parentNode: parent });
  await load;
  await el.updateComplete;
  return el;
}

/** Text of every node matching `selector` in the element's shadow root. */
export function shadowTexts(element: Element, selector: string): string[] {
  return [...element.shadowRoot!.querySelectorAll(selector)].map((node) => node.textContent!.trim());
}

interface NavigateEvent extends Event {
  readonly destination: { readonly url: string };
  readonly cancelable: boolean;
}

/**
 * Records every navigation the test page starts, and cancels it (the
 * Navigation API's cancelable `navigate` event), so that a test that must
 * stay on its page can check it did, and one that fails does not take the
 * test runner's page away. `stop()` ends the watch.
 */
export function watchNavigations(): { urls: string[]; stop: () => void } {
  const navigation = (window as unknown as { navigation: EventTarget }).navigation;
  const urls: string[] = [];
  const listener = (event: Event) => {
    const navigate = event as NavigateEvent;
    urls.push(navigate.destination.url);
    if (navigate.cancelable) navigate.preventDefault();
  };
  navigation.addEventListener('navigate', listener);
  return { urls, stop: () => navigation.removeEventListener('navigate', listener) };
}
