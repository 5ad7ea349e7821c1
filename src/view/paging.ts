/**
 * Paging, in the browser or by the server through placeholders in `src`
 * (`{page}` `{limit}` `{offset}` `{category}` `{date}` `{month}` `{q}`):
 * which URLs to read, which page is shown, how many pages and items there
 * are, and which items the page shows. Pure: no DOM, no element.
 */
import type { NewsItem } from '../feed/types.js';

export type PagingMode = 'pages' | 'more' | 'none';
export type PagedFilter = 'category' | 'date' | 'month' | 'query';
export type FilterValues = Record<PagedFilter, string>;

/** What a server's answer says of its paging. */
export interface ServerAnswer {
  /** Items read, over every page read. */
  read: number;
  total?: number;
  totalPages?: number;
}

const PLACEHOLDER = /\{(page|limit|offset|category|date|month|q)\}/g;
const DEFAULT_SIZE = 10;
/** The highest page number: a crafted link or a server's count (`?news-page=1e300`) must not hang the page. */
export const MAX_PAGE = 10_000;
/** "Xem thêm" on server pages reads pages 1 to n: a link opens at most this many, a click adds one. */
export const MORE_AT_ONCE = 10;

/** The page numbers to show: first, last, and a window round the current; null for a gap. */
export function pageWindow(current: number, count: number, around = 1): (number | null)[] {
  const wanted = [1, ...Array.from({ length: 2 * around + 1 }, (_, i) => current - around + i), count]
    .filter((page, i, all) => page >= 1 && page <= count && all.indexOf(page) === i)
    .sort((a, b) => a - b);
  const pages: (number | null)[] = [];
  let previous = 0;
  for (const page of wanted) {
    // A gap of one page shows that page; a longer one an ellipsis.
    if (page - previous === 2) pages.push(page - 1);
    else if (page - previous > 2) pages.push(null);
    pages.push(page);
    previous = page;
  }
  return pages;
}

/**
 * A filter value fit for a placeholder: `.` and `..` (even encoded) are path
 * steps to a URL, so `?news-category=..` would climb out of
 * `/api/cat/{category}/posts.json`; such a value filters nothing.
 */
const notDots = (value: string) => (/^\.+$/.test(value) ? '' : value);

export class Paging {
  /** Items per page. */
  readonly size: number;
  /** True when the server pages the feed (`{page}` or `{offset}` in `src`). */
  readonly byServer: boolean;
  /** The feeds `src` names: one, or several read as one list. */
  readonly sources: string[];
  /** True when `src` names several feeds and a server placeholder: placeholders need a single feed. */
  readonly misused: boolean;
  private readonly src: string;

  constructor(src: string, limit: number, readonly mode: PagingMode) {
    this.size = Number.isFinite(limit) && limit > 0 ? Math.floor(limit) : DEFAULT_SIZE;
    this.sources = src.split(/\s+/).filter(Boolean);
    // search() ignores the g flag's lastIndex: a test of the one pattern, not a twin of it.
    this.misused = this.sources.length > 1 && src.search(PLACEHOLDER) >= 0;
    this.src = this.sources.length === 1 ? this.sources[0] : '';
    this.byServer = this.src.includes('{page}') || this.src.includes('{offset}');
  }

  /** True when `src` hands this filter to the server (`query` is `{q}`). */
  applies(filter: PagedFilter): boolean {
    return this.src.includes(`{${filter === 'query' ? 'q' : filter}}`);
  }

  /** True when the server applies a filter that is set: its answer is not the whole feed. */
  narrowed(filters: FilterValues): boolean {
    return (Object.keys(filters) as PagedFilter[]).some((filter) => filters[filter] && this.applies(filter));
  }

  /**
   * The page shown for a requested one: from 1; in the browser, the last
   * page for one past the end; by the server, the empty page it answers, up
   * to MAX_PAGE, and with "Xem thêm" at most MORE_AT_ONCE past the pages read.
   */
  page(requested: number, count: number, pagesRead = 0): number {
    const page = Math.max(Number.isFinite(requested) ? Math.floor(requested) : 1, 1);
    if (!this.byServer) return Math.min(page, count);
    return Math.min(page, this.mode === 'more' ? Math.max(MORE_AT_ONCE, pagesRead + 1) : MAX_PAGE);
  }

  /** The URLs to read for a page: `src`, the server's page (pages 1 to n for "Xem thêm"), or each of several feeds. */
  urls(page: number, filters: FilterValues): string[] {
    if (this.misused) return [];
    if (this.sources.length > 1) return this.sources;
    if (!this.src) return [];
    const fill = (n: number) =>
      this.src.replace(PLACEHOLDER, (_, name: string) =>
        encodeURIComponent(
          name === 'page' ? n
          : name === 'limit' ? this.size
          : name === 'offset' ? (n - 1) * this.size
          : notDots(filters[name === 'q' ? 'query' : (name as PagedFilter)]),
        ));
    if (!this.byServer) return [fill(1)];
    return this.mode === 'more' ? Array.from({ length: page }, (_, i) => fill(i + 1)) : [fill(page)];
  }

  /**
   * How many pages: in the browser, of the matching items (and those still
   * being read); by the server, its count, else one more page while the last
   * one read was full.
   */
  count(matching: number, unread: number, page: number, answer?: ServerAnswer): number {
    if (!this.byServer || !answer) return Math.max(1, Math.ceil((matching + unread) / this.size));
    const full = answer.read >= (this.mode === 'more' ? page : 1) * this.size;
    const told = answer.totalPages ?? (answer.total !== undefined ? Math.ceil(answer.total / this.size) : undefined);
    return Math.min(Math.max(1, told ?? page + (full ? 1 : 0)), MAX_PAGE);
  }

  /** How many items match, over all pages: the server's count when it tells one, else what was read. */
  total(matching: number, unread: number, page: number, answer?: ServerAnswer): number {
    if (!this.byServer || !answer) return matching + unread;
    return answer.total ?? (this.mode === 'more' ? 0 : (page - 1) * this.size) + matching;
  }

  /** The items a page shows; the server's answer is that page already. */
  slice(matching: readonly NewsItem[], page: number): NewsItem[] {
    const size = this.size;
    if (this.mode === 'none') return matching.slice(0, size);
    if (this.byServer) return matching.slice();
    if (this.mode === 'more') return matching.slice(0, page * size);
    return matching.slice((page - 1) * size, page * size);
  }
}
