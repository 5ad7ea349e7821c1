/**
 * The one shape the controls see of `<news-feed>`: its filter state, what it
 * shows, and the one way to change a filter. `NewsFeed implements` it; the
 * controls import only this type, not the feed element's code.
 */
import type { NewsItem } from '../feed/types.js';
import type { CategoryCount } from '../view/feed-index.js';

/** A filter a control can hold as its `value`. */
export type FilterKey = 'category' | 'date' | 'month' | 'query';
/** Every filter, in the order news-change and the query string list them. */
export const FILTER_KEYS: readonly FilterKey[] = ['category', 'date', 'month', 'query'];

/** The feed's filters and page: `news-change`'s detail, and what `sync-url` writes. */
export interface FilterState {
  category: string;
  date: string;
  month: string;
  query: string;
  page: number;
}

/** The filters, then the page: `news-change`'s detail and `sync-url`'s parameters. */
export const STATE_KEYS: readonly (keyof FilterState)[] = [...FILTER_KEYS, 'page'];

/**
 * How a filter was changed, which decides its history entry under `sync-url`:
 * - `start`: a control's own starting value, part of the page's set-up, as if
 *   the feed had the attribute: no history entry, and a parameter in the URL
 *   still wins;
 * - `choice`: a reader's choice: a new history entry;
 * - `passing`: a choice passed through on the way to another (a tab reached
 *   with the arrow keys): it replaces the entry the passing change before it
 *   made, so arrowing along the tabs is one step of history, not one per tab.
 */
export type ChangeKind = 'start' | 'choice' | 'passing';

export type FeedStatus = 'loading' | 'ready' | 'empty' | 'error';

export interface FeedTarget extends HTMLElement, FilterState {
  timezone: string;
  readonly status: FeedStatus;
  readonly items: NewsItem[];
  readonly total: number;
  readonly categories: CategoryCount[];
  readonly dayCounts: Map<string, number>;
  /** Sets a filter (the page goes back to 1); `how` says how, for `sync-url`'s history. */
  setFilter(key: FilterKey, value: string, how?: ChangeKind): void;
}
