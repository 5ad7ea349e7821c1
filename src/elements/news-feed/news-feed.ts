import { html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { FeedSource } from '../../controllers/feed-source.js';
import { UrlSyncController } from '../../controllers/url-sync.js';
import { DEFAULT_TIMEZONE, isDayKey, isMonthKey, resolveTimeZone } from '../../feed/dates.js';
import { cancelIdle, requestIdle } from '../../feed/idle.js';
import { FeedError, type FeedErrorInfo, type FeedFormat, type FeedMap, type NewsItem, type ParsedFeed } from '../../feed/types.js';
import { FeedIndex, pageWindow, type CategoryCount } from '../../feed/view.js';
import { emit, type NewsChangeDetail, type NewsErrorDetail, type NewsLoadDetail } from '../../events.js';
import { formatDate } from '../../i18n/format.js';
import { strings, type Strings } from '../../i18n/strings.js';
import { NewsElement, omitEmpty } from '../news-element.js';
import { styles } from './news-feed.styles.js';

export type FeedStatus = 'loading' | 'ready' | 'empty' | 'error';
export type FeedPaging = 'pages' | 'more' | 'none';
export type FeedLayout = 'list' | 'cards' | 'compact';
type HideablePart = 'image' | 'summary' | 'date' | 'category';

const FILTERS = ['category', 'date', 'month', 'query'] as const;
type Filter = (typeof FILTERS)[number];
/** Idle work: at most this long a wait for an idle moment; this delay without requestIdleCallback. */
const IDLE_TIMEOUT = 2000;
const IDLE_FALLBACK = 50;
/** Placeholders in `src` that hand paging and filters to the server. */
const PLACEHOLDER = /\{(page|limit|offset|category|date|month|q)\}/g;

/**
 * A made-up item, rendered off the page once while the first feed is on its
 * way: Lit prepares a template the first time it renders it, so the real
 * first page then only clones the prepared templates.
 */
const SAMPLE_ITEM: NewsItem = {
  id: 'sample',
  title: 'sample',
  url: 'https://example.invalid/',
  summary: 'sample',
  image: 'https://example.invalid/',
  published: new Date(0),
  authors: [],
  categories: ['sample'],
};
let templatesPrepared = false;

/**
 * A list of news read from a feed, with paging and filters.
 *
 * @summary The news list: latest news, "Các tin khác", search results.
 *
 * @slot - Fallback content (plain links) shown until the first items render, and again beside an error.
 *
 * @fires news-load - The items shown changed. Detail `{ items, total }`.
 * @fires news-error - The feed could not be read. Detail `{ message, kind, url, status }`.
 * @fires news-change - A filter or the page changed. Detail `{ category, date, month, query, page }`.
 *
 * @csspart status - The message line: loading, empty, error (a polite live region).
 * @csspart list - The list of items.
 * @csspart item - One item.
 * @csspart image - An item's image.
 * @csspart title - An item's heading.
 * @csspart link - The link in an item's heading.
 * @csspart date - An item's date.
 * @csspart category - An item's categories.
 * @csspart summary - An item's summary.
 * @csspart pagination - The page navigation, or the "Xem thêm" button's row.
 * @csspart page - A page button.
 * @csspart more - The "Xem thêm" button.
 * @csspart retry - The retry button shown with an error.
 * @csspart skeleton - The placeholder shown while loading.
 *
 * @cssprop --news-gap - Space between items.
 * @cssprop --news-link-color - Title link color.
 * @cssprop --news-link-hover-color - Title link color on hover.
 * @cssprop --news-muted-color - Color of dates and categories.
 * @cssprop --news-border-color - Lines between items and around cards.
 * @cssprop --news-accent-color - Current page, buttons and focus ring.
 * @cssprop --news-accent-text-color - Text on the accent color.
 * @cssprop --news-title-font-size - Size of item titles.
 * @cssprop --news-title-font-weight - Weight of item titles.
 * @cssprop --news-image-width - Width of the image in the list layout.
 * @cssprop --news-image-ratio - Aspect ratio of images.
 * @cssprop --news-card-min-width - Narrowest card before the grid drops a column.
 * @cssprop --news-radius - Corner radius of cards, images and buttons.
 * @cssprop --news-skeleton-color - Color of the loading placeholder.
 * @cssprop --news-summary-lines - Lines of summary before it is cut.
 * @cssprop --news-error-color - The bar beside an error message.
 * @cssprop --news-focus-color - The focus ring; `--news-accent-color` when unset.
 */
export class NewsFeed extends NewsElement {
  static override styles = styles;

  /** Feed URL: JSON Feed, WordPress REST, RSS/Atom or JSON. */
  @property() src = '';

  /** Feed format; `auto` tells them apart. */
  @property() format: FeedFormat = 'auto';

  /**
   * JSON of dotted paths for a custom feed: `items`, `id`, `title`, `url`,
   * `date`, `summary`, `image`, `category`, `author`, and `dateFormat`.
   */
  @property() map: FeedMap | string = '';

  /** Items per page. */
  @property({ type: Number }) limit = 10;

  /** `pages` (numbered pages), `more` (a "Xem thêm" button) or `none`. */
  @property() paging: FeedPaging = 'pages';

  /** The current page, from 1. */
  @property({ type: Number, reflect: true }) page = 1;

  /** Only items of this category (name or slug, ignoring case and marks). */
  @property({ reflect: true, converter: omitEmpty }) category = '';

  /** `YYYY-MM-DD`: only items published that day in `timezone`. */
  @property({ reflect: true, converter: omitEmpty }) date = '';

  /** `YYYY-MM`: only items published that month in `timezone`. */
  @property({ reflect: true, converter: omitEmpty }) month = '';

  /** Search text, matched against title, summary and categories. */
  @property({ reflect: true, converter: omitEmpty }) query = '';

  /** `list`, `cards` or `compact` (title and date only). */
  @property({ reflect: true }) layout: FeedLayout = 'list';

  /** Space-separated parts to leave out: `image summary date category`. */
  @property() hide = '';

  /** Space-separated item ids or URLs to leave out, e.g. the article being read. */
  @property() exclude = '';

  /**
   * `vi` or `en`: UI text and date formats. The status, buttons and page
   * links carry it for screen readers; the items keep the page's language.
   */
  @property() override lang = 'vi';

  /** IANA time zone for shown dates and the date filter. */
  @property() timezone = DEFAULT_TIMEZONE;

  /** Heading level of item titles, 2 to 6. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** Target of item links, e.g. `_blank`. */
  @property() target = '';

  /**
   * Filters and page are read from the query string (`news-category`,
   * `news-date`, `news-month`, `news-q`, `news-page`) and written back, so
   * views can be shared and Back works. One feed per page should have it.
   */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  protected readonly urlSync = new UrlSyncController(this);
  private readonly task = new FeedSource(this);
  private watched?: string;
  private index?: FeedIndex;
  /** The index of the last answer no server filter narrowed: the tabs' categories and the calendar's days. */
  private wholeIndex?: FeedIndex;
  private indexedFeed?: ParsedFeed;
  private matching: NewsItem[] = [];
  private shown: NewsItem[] = [];
  private announcedItems?: NewsItem[];
  private announcedError?: unknown;
  private pendingFocus = -1;
  private idleHandle?: number;

  /** `loading`, `ready`, `empty` or `error`. */
  get status(): FeedStatus {
    if (this.task.status === 'error' || !this.src) return 'error';
    // The server's next page or filter is on its way; the last answer still shows, busy.
    if (this.task.status === 'pending') return 'loading';
    // A big feed's first page shows while the rest is read: still loading until then.
    if (this.index && !this.indexedFeed?.unread) return this.matching.length ? 'ready' : 'empty';
    return 'loading';
  }

  /** The items shown now. */
  get items(): NewsItem[] {
    return this.shown.slice();
  }

  /** How many items match the filters, over all pages. */
  get total(): number {
    const feed = this.indexedFeed;
    if (!this.serverPaging || !feed) return this.matching.length + this.unreadCount;
    // The server's count when it tells one, else what was read so far.
    return feed.total ?? (this.paging === 'more' ? 0 : (this.currentPage - 1) * this.pageSize) + this.matching.length;
  }

  /**
   * Categories over the whole feed, with item counts. While the server
   * filters, those of the last answer it did not filter.
   */
  get categories(): CategoryCount[] {
    return (this.wholeIndex ?? this.index)?.categories().map((entry) => ({ ...entry })) ?? [];
  }

  /** Items per day (`YYYY-MM-DD`) over the loaded feed (while the server filters, as `categories`). */
  get dayCounts(): Map<string, number> {
    return new Map((this.wholeIndex ?? this.index)?.dayCounts());
  }

  /** Loads the feed again. */
  reload(): void {
    this.task.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.idleHandle !== undefined) cancelIdle(this.idleHandle);
    this.idleHandle = undefined;
  }

  private get zone(): string {
    return resolveTimeZone(this.timezone);
  }

  /** Items of a big feed still being read after its first page was shown: counted ahead. */
  private get unreadCount(): number {
    return this.indexedFeed?.unread?.entries.length ?? 0;
  }

  /** True when `src` has a placeholder for this filter: the server applies it. */
  private serverFilters(name: string): boolean {
    return this.src.includes(`{${name}}`);
  }

  /** True when `src` hands this filter to the server (`query` is `{q}`). */
  private serverApplies(filter: Filter): boolean {
    return this.serverFilters(filter === 'query' ? 'q' : filter);
  }

  /** A filter as applied: a date or month that is not a valid key filters nothing. */
  private filterValue(filter: Filter): string {
    // A script may set a number: a category's id on the server.
    const value = String(this[filter]).trim();
    if (filter === 'date') return isDayKey(value) ? value : '';
    return filter === 'month' && !isMonthKey(value) ? '' : value;
  }

  /** True when the server applies a filter that is set now: its answer is not the whole feed. */
  private get serverFiltered(): boolean {
    return FILTERS.some((filter) => this.filterValue(filter) && this.serverApplies(filter));
  }

  /** True when the server pages the feed (`{page}` or `{offset}` in `src`). */
  private get serverPaging(): boolean {
    return this.serverFilters('page') || this.serverFilters('offset');
  }

  /**
   * The URLs to read: `src`, or with placeholders the server's page for the
   * current filters (pages 1 to n for "Xem thêm").
   */
  private feedUrls(): string[] {
    const size = this.pageSize;
    const fill = (page: number) =>
      this.src.replace(PLACEHOLDER, (_, name: string) => {
        const value =
          name === 'page' ? page
          : name === 'limit' ? size
          : name === 'offset' ? (page - 1) * size
          : this.filterValue(name === 'q' ? 'query' : (name as Filter));
        return encodeURIComponent(value);
      });
    if (!this.src) return [];
    const page = this.serverPaging ? this.currentPage : 1;
    return this.paging === 'more' ? Array.from({ length: page }, (_, i) => fill(i + 1)) : [fill(page)];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('src') || changed.has('format') || changed.has('timezone') || changed.has('map')) {
      this.index = this.wholeIndex = undefined;
      this.indexedFeed = undefined;
      this.watched = undefined;
    }
    // A new filter starts at page 1, unless the page was set with it.
    if (this.hasUpdated && FILTERS.some((name) => changed.has(name)) && !changed.has('page')) this.page = 1;
    const urls = this.feedUrls();
    if (urls.join(' ') !== this.watched) {
      this.watched = urls.join(' ');
      if (urls.length) {
        const serverPaging = this.serverPaging;
        // Without placeholders the whole feed is read, every page it links to.
        this.task.watch(urls, {
          format: this.format,
          timezone: this.zone,
          map: this.map || undefined,
          follow: !serverPaging,
          pastEnd: serverPaging,
          // A copy for the next visit: the whole feed, or the server's unfiltered first page.
          keep: (!serverPaging || this.currentPage === 1) && !this.serverFiltered,
        }, this.paging === 'more' || !serverPaging ? 1 : this.currentPage);
        // Make the date formatter while the request runs, not when the first page is due.
        formatDate(new Date(0), this.lang, this.zone);
      } else this.task.reset();
    }
    const feed = this.task.value;
    let dirty = changed.has('exclude') || FILTERS.some((name) => changed.has(name));
    if (feed && feed !== this.indexedFeed) {
      this.indexedFeed = feed;
      this.index = new FeedIndex(feed.items, this.zone);
      // An answer the server filtered holds only the chosen category's or day's items.
      if (!this.serverFiltered) this.wholeIndex = this.index;
      dirty = true;
    }
    if (dirty && this.index) this.matching = this.index.filter(this.filters());
    if (this.index && (dirty || !this.hasUpdated || ['page', 'limit', 'paging'].some((name) => changed.has(name as keyof NewsFeed)))) {
      this.shown = this.pageItems();
    }
  }

  private filters() {
    const exclude = new Set<string>();
    for (const token of this.exclude.split(/\s+/).filter(Boolean)) {
      exclude.add(token);
      try {
        exclude.add(new URL(token, document.baseURI).href);
      } catch {
        // An id, not a URL.
      }
    }
    // Filters the server applied are not applied again: its categories may be ids.
    const own = (filter: Filter) => (this.serverApplies(filter) ? '' : this.filterValue(filter));
    return { category: own('category'), date: own('date'), month: own('month'), query: own('query'), exclude };
  }

  private get pageSize(): number {
    return Number.isFinite(this.limit) && this.limit > 0 ? Math.floor(this.limit) : 10;
  }

  private get pageCount(): number {
    const feed = this.indexedFeed;
    const size = this.pageSize;
    if (!this.serverPaging || !feed) return Math.max(1, Math.ceil((this.matching.length + this.unreadCount) / size));
    // The server's counts, else one more page while the last one read was full.
    const read = feed.items.length;
    const full = read >= (this.paging === 'more' ? this.currentPage : 1) * size;
    return Math.max(1, feed.totalPages ?? (feed.total !== undefined ? Math.ceil(feed.total / size) : this.currentPage + (full ? 1 : 0)));
  }

  /**
   * The page number in range: a page past the end shows the last one, but a
   * server's page past the end is the empty page it answers.
   */
  private get currentPage(): number {
    const page = Math.max(Number.isFinite(this.page) ? Math.floor(this.page) : 1, 1);
    return this.serverPaging ? page : Math.min(page, this.pageCount);
  }

  private pageItems(): NewsItem[] {
    const size = this.pageSize;
    const page = this.currentPage;
    if (this.serverPaging) return this.paging === 'none' ? this.matching.slice(0, size) : this.matching;
    if (this.paging === 'none') return this.matching.slice(0, size);
    if (this.paging === 'more') return this.matching.slice(0, page * size);
    return this.matching.slice((page - 1) * size, page * size);
  }

  protected override updated(changed: PropertyValues<this>): void {
    const status = this.status;
    const error = this.task.error ?? this.src;
    // A stale copy shown after a failure is reported too: the webmaster has something to fix.
    if ((status === 'error' || this.task.error) && error !== this.announcedError) {
      this.announcedError = error;
      emit<NewsErrorDetail>(this, 'news-error', this.errorDetail());
    }
    // Announced once the whole feed is read, not when its first page is shown.
    if ((status === 'ready' || status === 'empty') && this.task.value && !this.task.value.unread && this.shown !== this.announcedItems) {
      this.announcedItems = this.shown;
      emit<NewsLoadDetail>(this, 'news-load', { items: this.items, total: this.total });
      this.scheduleSearchPrepare();
    }
    const filterChanged = [...FILTERS, 'page' as const].some(
      (name) => changed.has(name) && changed.get(name) !== undefined,
    );
    if (filterChanged) {
      emit<NewsChangeDetail>(this, 'news-change', {
        category: this.category,
        date: this.date,
        month: this.month,
        query: this.query,
        page: this.page,
      });
    }
    if (status === 'loading' && !this.index) this.prepareTemplates();
    if (this.pendingFocus >= 0 && !this.task.loading) {
      // Unless the reader has moved on while the page came (to the search field, say):
      // focus is still in here, or fell to the body with the button it was on.
      const active = document.activeElement;
      if ((this.renderRoot as ShadowRoot).activeElement || !active || active === document.body) this.focusItem(this.pendingFocus);
      this.pendingFocus = -1;
    }
  }

  /** See SAMPLE_ITEM. Once per page, while the browser is idle. */
  private prepareTemplates(): void {
    if (templatesPrepared) return;
    templatesPrepared = true;
    requestIdle(() => {
      // Into an inert document, where the sample's link and image load nothing.
      const inert = document.implementation.createHTMLDocument('');
      // Page 5 of 9: every kind of page button, and a gap.
      render(this.renderFeed([SAMPLE_ITEM], false, this.renderPageNav(strings(this.lang), 5, 9)), inert.body, { creationScope: inert });
    }, IDLE_TIMEOUT, IDLE_FALLBACK);
  }

  /** Search keys are built while the browser is idle, never before the first page. */
  private scheduleSearchPrepare(): void {
    if (!this.index || this.idleHandle !== undefined) return;
    this.idleHandle = requestIdle(() => {
      this.idleHandle = undefined;
      // A slice at a time, so that a 5,000-item feed never holds up a frame;
      // of the index there is now, should a newer one have come meanwhile.
      if (!this.index?.prepareSearch(500)) this.scheduleSearchPrepare();
    }, IDLE_TIMEOUT, IDLE_FALLBACK);
  }

  private errorInfo(): FeedErrorInfo {
    const error = this.task.error;
    if (error instanceof FeedError) return error.info;
    return { kind: this.src ? 'network' : 'format', url: this.src };
  }

  private errorDetail(): NewsErrorDetail {
    const info = this.errorInfo();
    return { message: strings(this.lang).error(info), kind: info.kind, url: info.url, status: info.status };
  }

  private focusItem(index: number): void {
    const items = this.renderRoot.querySelectorAll<HTMLElement>('[part~="item"]');
    const item = items[index];
    if (!item) return;
    const target = item.querySelector<HTMLElement>('a[part~="link"]') ?? item;
    // An item without a link can take focus only when given a tabindex.
    if (target === item) item.tabIndex = -1;
    target.focus();
  }

  private goToPage(page: number): void {
    // The page shown already: nothing changes, so nothing is to be focused.
    if (page === this.currentPage) return;
    this.page = page;
    this.pendingFocus = this.paging === 'more' ? (page - 1) * this.pageSize : 0;
  }

  override render(): TemplateResult {
    const t = strings(this.lang);
    const status = this.status;
    // Items shown though the latest request failed: a copy from an earlier
    // visit (stale), or the pages "Xem thêm" read before the one that failed.
    const failedBeside = this.task.error && status !== 'error' ? (this.task.stale ? 'stale' : 'error') : '';
    const retry = html`<button part="retry" class="button" type="button" lang=${this.lang} @click=${this.reload}>${t.retry}</button>`;
    return html`
      <div part="status" class="status ${failedBeside || status}" role="status" lang=${this.lang}>${this.statusText(t, status, failedBeside)}</div>
      ${status === 'error'
        ? // A server page that failed keeps the page buttons: the reader can go back.
          html`${retry}<slot></slot>${this.serverPaging && this.index ? this.renderPaging(t) : nothing}`
        : status === 'loading' && !this.index
          ? this.renderLoading()
          : html`${failedBeside === 'error' ? retry : nothing}${this.renderFeed(this.shown, this.task.loading, this.renderPaging(t))}`}
    `;
  }

  private renderFeed(items: NewsItem[], busy: boolean, paging: TemplateResult | typeof nothing): TemplateResult {
    return html`<div class="feed" aria-busy=${busy ? 'true' : 'false'}>${this.renderList(items)}</div>${paging}`;
  }

  private statusText(t: Strings, status: FeedStatus, failedBeside: string): string {
    if (failedBeside) return failedBeside === 'stale' ? t.stale : this.errorDetail().message;
    switch (status) {
      case 'loading':
        return t.loading;
      case 'empty':
        return t.empty;
      case 'error':
        return this.errorDetail().message;
      default:
        return '';
    }
  }

  private renderLoading(): TemplateResult {
    // Light-DOM fallback links stay visible until the first items arrive.
    if (this.hasFallback()) return html`<div class="feed" aria-busy="true"><slot></slot></div>`;
    const rows = Array.from({ length: Math.min(this.pageSize, 20) }, () => html`
      <li class="item">
        ${this.isHidden('image') ? nothing : html`<span class="image"></span>`}
        <span class="body"><span class="line"></span><span class="line short"></span></span>
      </li>`);
    return html`<div class="feed" aria-busy="true"><ul part="skeleton" class="list skeleton" aria-hidden="true">${rows}</ul></div>`;
  }

  private hasFallback(): boolean {
    return [...this.childNodes].some((node) =>
      node.nodeType === Node.ELEMENT_NODE || (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()));
  }

  private isHidden(part: HideablePart): boolean {
    if (this.layout === 'compact' && part !== 'date') return true;
    return this.hide.split(/\s+/).includes(part);
  }

  private renderList(items: NewsItem[]): TemplateResult | typeof nothing {
    if (!items.length) return nothing;
    return html`<ul part="list" class="list">${items.map((item) => this.renderItem(item))}</ul>`;
  }

  private renderItem(item: NewsItem): TemplateResult {
    const date = item.published ?? item.modified;
    const level = Math.min(Math.max(Math.floor(this.headingLevel) || 3, 2), 6);
    const showImage = item.image && !this.isHidden('image');
    const showDate = date && !this.isHidden('date');
    const showCategory = item.categories.length > 0 && !this.isHidden('category');
    return html`
      <li part="item" class="item ${showImage ? 'has-image' : ''}">
        ${showImage
          ? html`<img part="image" class="image" src=${item.image!} alt=${item.imageAlt ?? ''}
              loading="lazy" decoding="async" width="400" height="300" />`
          : nothing}
        <div class="body">
          <div part="title" class="title" role="heading" aria-level=${level}>
            ${item.url
              ? html`<a part="link" class="link" href=${item.url} target=${this.target || nothing}
                  rel=${this.target === '_blank' ? 'noopener' : nothing}>${item.title}</a>`
              : html`<span class="link">${item.title}</span>`}
          </div>
          ${showDate || showCategory
            ? html`<p class="meta">
                ${showDate
                  ? html`<time part="date" class="date" datetime=${date.toISOString()}>${formatDate(date, this.lang, this.zone)}</time>`
                  : nothing}
                ${showCategory ? html`<span part="category" class="category">${item.categories.join(', ')}</span>` : nothing}
              </p>`
            : nothing}
          ${item.summary && !this.isHidden('summary') ? html`<p part="summary" class="summary">${item.summary}</p>` : nothing}
        </div>
      </li>`;
  }

  private renderPaging(t: Strings): TemplateResult | typeof nothing {
    const count = this.pageCount;
    const page = this.currentPage;
    if (this.paging === 'more') {
      if (page >= count) return nothing;
      return html`<div part="pagination" class="pagination" lang=${this.lang}>
        <button part="more" class="button" type="button" @click=${() => this.goToPage(page + 1)}>${t.more}</button>
      </div>`;
    }
    return this.paging === 'pages' && count > 1 ? this.renderPageNav(t, page, count) : nothing;
  }

  private renderPageNav(t: Strings, page: number, count: number): TemplateResult {
    const button = (target: number, label: string, text: string | number, current = false) => html`
      <li><button part="page" class="page" type="button" aria-label=${label}
        aria-current=${current ? 'page' : 'false'}
        @click=${() => this.goToPage(target)}>${text}</button></li>`;
    return html`<nav part="pagination" class="pagination" aria-label=${t.pagination} lang=${this.lang}>
      <ul class="pages">
        ${page > 1 ? button(page - 1, t.previousPage, '‹') : nothing}
        ${pageWindow(page, count).map((n) =>
          n === null ? html`<li class="gap" aria-hidden="true">…</li>` : button(n, t.page(n), n, n === page))}
        ${page < count ? button(page + 1, t.nextPage, '›') : nothing}
      </ul>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-feed': NewsFeed;
  }
}
