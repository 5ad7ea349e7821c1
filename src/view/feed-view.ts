/**
 * What a news list shows of a feed's latest answer: the items that match the
 * filters, the page of them shown, the counts, and the categories and days
 * over the whole feed. Pure: no DOM and no element; `<news-feed>` hands it
 * answers, filters and the page asked for, and renders what it holds.
 */
import type { NewsItem, ParsedFeed } from '../feed/types.js';
import { FeedIndex, type CategoryCount, type FeedFilters } from './feed-index.js';
import { Paging } from './paging.js';

export class FeedView {
  paging = new Paging('', 10, 'pages');
  /** The items shown now. */
  shown: NewsItem[] = [];
  /** The answer indexed now. */
  private feed?: ParsedFeed;
  private current?: FeedIndex;
  /** The index of the last answer no server filter narrowed: the tabs' categories and the calendar's days. */
  private whole?: FeedIndex;
  private matching: readonly NewsItem[] = [];

  /** The answer's index, once there is one: search keys are prepared on it while the browser is idle. */
  get index(): FeedIndex | undefined {
    return this.current;
  }

  /** True while a big feed's first page shows and the rest is still read. */
  get reading(): boolean {
    return !!this.feed?.unread;
  }

  /** How many items of the answer match (its items still to read not counted). */
  get matches(): number {
    return this.matching.length;
  }

  /** Forgets the answer: another feed, format or time zone. */
  forget(): void {
    this.feed = this.current = this.whole = undefined;
  }

  /**
   * Indexes a new answer; false when it is the one indexed already. An answer
   * a server filter `narrowed` keeps the categories and days of the last one
   * it did not.
   */
  take(feed: ParsedFeed, zone: string, narrowed: boolean): boolean {
    if (feed === this.feed) return false;
    this.feed = feed;
    this.current = new FeedIndex(feed.items, zone);
    if (!narrowed) this.whole = this.current;
    return true;
  }

  /** Finds the items that pass the filters the browser applies. */
  match(filters: FeedFilters): void {
    if (this.current) this.matching = this.current.filter(filters);
  }

  /** Shows the page asked for, brought into range, of the matching items. */
  show(requested: number): void {
    if (this.current) this.shown = this.paging.slice(this.matching, this.page(requested));
  }

  /** The page shown for the one asked for (see Paging.page). */
  page(requested: number): number {
    const paging = this.paging;
    // In the browser the count is what sets the page in range, not the other way round.
    if (!paging.byServer) return paging.page(requested, this.pageCount(1));
    return paging.page(requested, 0, this.feed && paging.mode === 'more' ? Math.ceil(this.feed.items.length / paging.size) : 0);
  }

  /** How many pages there are, the page asked for being `requested`. */
  pageCount(requested: number): number {
    const page = this.paging.byServer ? this.page(requested) : 1;
    return this.paging.count(this.matching.length, this.unread, page, this.answer);
  }

  /** How many items match the filters, over all pages. */
  total(requested: number): number {
    return this.paging.total(this.matching.length, this.unread, this.page(requested), this.answer);
  }

  categories(): CategoryCount[] {
    return (this.whole ?? this.current)?.categories().map((entry) => ({ ...entry })) ?? [];
  }

  dayCounts(): Map<string, number> {
    return new Map((this.whole ?? this.current)?.dayCounts());
  }

  /** Items of a big feed still being read after its first page was shown: counted ahead. */
  private get unread(): number {
    return this.feed?.unread?.entries.length ?? 0;
  }

  private get answer() {
    const feed = this.feed;
    return feed && { read: feed.items.length, total: feed.total, totalPages: feed.totalPages };
  }
}
