/** The events the elements fire, typed for `addEventListener`. */
import type { FeedErrorKind, NewsItem } from './feed/types.js';

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
}

declare global {
  interface HTMLElementEventMap {
    'news-load': CustomEvent<NewsLoadDetail>;
    'news-error': CustomEvent<NewsErrorDetail>;
    'news-change': CustomEvent<NewsChangeDetail>;
  }
}

/** Fires an event that bubbles out of shadow roots, as every event here does. */
export function emit<T>(target: EventTarget, type: string, detail: T): boolean {
  return target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable: false }));
}
