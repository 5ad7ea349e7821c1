/** The events the elements fire, typed for `addEventListener`. */
import type { FeedErrorKind, NewsItem } from './feed/types.js';
import type { LoadErrorInfo } from './net/load-error.js';

export interface NewsLoadDetail {
  /** The items shown now. */
  items: NewsItem[];
  /** How many items match the filters, over all pages. */
  total: number;
}

export interface NewsErrorDetail {
  /** A sentence in the element's language that says what to fix. */
  message: string;
  kind: FeedErrorKind;
  /** The URL that failed. */
  url?: string;
  /** The HTTP status, for `http`. */
  status?: number;
}

/** news-error's detail for a failure, `message` being its sentence in the element's language. */
export function errorDetail(message: string, { kind, url, status }: LoadErrorInfo): NewsErrorDetail {
  return { message, kind, url, status };
}

export interface NewsChangeDetail {
  category: string;
  date: string;
  month: string;
  query: string;
  page: number;
}

/** Detail of the controls' `change` event. */
export interface ValueChangeDetail {
  value: string;
  /** With `href`: the URL about to be opened (the event is then cancelable). */
  href?: string;
}

/** A control's events: `change` with its typed detail, and every element's own. */
export interface ControlEventMap<Detail> extends HTMLElementEventMap {
  change: CustomEvent<Detail>;
}

/**
 * `addEventListener` and `removeEventListener` that know an element's own
 * events: `search.addEventListener('change', (e) => e.detail.value)` type-checks.
 * `change` cannot go into the global HTMLElementEventMap, where it is a plain Event.
 */
export interface TypedEvents<Host, Events> {
  addEventListener<K extends keyof Events>(type: K, listener: (this: Host, event: Events[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof Events>(type: K, listener: (this: Host, event: Events[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementEventMap {
    'news-load': CustomEvent<NewsLoadDetail>;
    'news-error': CustomEvent<NewsErrorDetail>;
    'news-change': CustomEvent<NewsChangeDetail>;
  }
}

/**
 * Fires an event that bubbles out of shadow roots, as every event here does;
 * `cancelable` only for navigation's `change` (navigate.ts). False when a
 * listener cancelled it.
 */
export function emit<T>(target: EventTarget, type: string, detail: T, cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }));
}
