import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { FeedSource } from '../../controllers/feed-source.js';
import { UrlSyncController } from '../../controllers/url-sync.js';
import { DEFAULT_TIMEZONE, isDayKey, isMonthKey, resolveTimeZone } from '../../feed/dates.js';
import type { FeedFormat, FeedMap, NewsItem, ParsedFeed } from '../../feed/types.js';
import { emit, type NewsChangeDetail, type NewsErrorDetail, type NewsLoadDetail } from '../../events.js';
import { formatDate } from '../../i18n/format.js';
import { strings, type Strings } from '../../i18n/strings.js';
import { LoadError, type LoadErrorInfo } from '../../net/load-error.js';
import { FeedIndex, type CategoryCount } from '../../view/feed-index.js';
import { Paging, type FilterValues, type PagingMode } from '../../view/paging.js';
import type { ChangeKind, FeedStatus, FeedTarget, FilterKey } from '../feed-target.js';
import { NewsElement, omitEmpty } from '../news-element.js';
import { styles } from './news-feed.styles.js';
import { renderFeed, renderMore, renderPageNav, renderSkeleton, type HideablePart, type ItemLook } from './templates.js';
import { prepareTemplates, SearchPreparation } from './warm-up.js';

export type { FeedStatus } from '../feed-target.js';
export type FeedPaging = PagingMode;
export type FeedLayout = 'list' | 'cards' | 'compact';

const FILTERS: FilterKey[] = ['category', 'date', 'month', 'query'];

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
 * @cssprop --news-title-lines - Lines of title before it is cut (no limit when unset; list and compact layouts: in cards the cut title would also narrow the card's click area).
 * @cssprop --news-meta-lines - Lines of date and categories before they are cut (no limit when unset).
 * @cssprop --news-row-height - Height of every row in the list and compact layouts, to reserve the list's height beforehand.
 * @cssprop --news-error-color - The bar beside an error message.
 * @cssprop --news-focus-color - The focus ring; `--news-accent-color` when unset.
 */
export class NewsFeed extends NewsElement implements FeedTarget {
  static override styles = styles;

  /** Feed URL: JSON Feed, WordPress REST, RSS/Atom or JSON. */
  @property() src = '';

  /**
   * URL of a feed relay (`news-widgets-server`'s `/api/feed`): a feed on
   * another origin is then read through it, so one whose server sends no
   * CORS header still reads. Links and pictures still resolve against the
   * feed's own URL.
   */
  @property() relay = '';

  /** Feed format; `auto` tells them apart. */
  @property() format: FeedFormat = 'auto';

  /**
   * JSON of dotted paths for a custom feed: `items`, `id`, `title`, `url`,
   * `date`, `summary`, `image`, `category`, `author`, and `dateFormat`.
   */
  @property() map: FeedMap | string = '';

  /**
   * How the feed writes its dates when they are not in a standard form, in
   * any format: `dd/MM/yyyy HH:mm`, `M/d/yyyy h:mm:ss a` (ASP.NET with an
   * English culture); `map`'s `dateFormat` is the same for mapped JSON.
   */
  @property({ attribute: 'date-format' }) dateFormat = '';

  /** Items per page. */
  @property({ type: Number }) limit = 10;

  /** `pages` (numbered pages), `more` (a "Xem thêm" button) or `none`. */
  @property() paging: PagingMode = 'pages';

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
  private readonly searchPreparation = new SearchPreparation();
  private lastChange: ChangeKind = 'choice';
  private pager = new Paging('', 10, 'pages');
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
    return this.pager.total(this.matching.length, this.unreadCount, this.currentPage, this.serverAnswer);
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

  /**
   * Sets a filter, the one way the controls change it. `how` says how it was
   * made, for `sync-url`'s history: `start` (a control's starting value, as
   * if it were the feed's attribute; the URL still wins), `choice` (a new
   * history entry) or `passing` (replaces the entry of the passing change
   * before it). A chosen month clears the day, which would win over it.
   */
  setFilter(key: FilterKey, value: string, how: ChangeKind = 'choice'): void {
    if (how === 'start' && this.urlSync.start(key, value)) return;
    this.lastChange = how;
    this[key] = value;
    if (key === 'month' && how !== 'start') this.date = '';
  }

  /** How the change being rendered now was made (see `setFilter`); `sync-url` reads it. */
  get changeKind(): ChangeKind {
    return this.lastChange;
  }

  /** Loads the feed again. */
  reload(): void {
    this.task.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.searchPreparation.cancel();
  }

  private get zone(): string {
    return resolveTimeZone(this.timezone);
  }

  /** Items of a big feed still being read after its first page was shown: counted ahead. */
  private get unreadCount(): number {
    return this.indexedFeed?.unread?.entries.length ?? 0;
  }

  private get serverAnswer() {
    const feed = this.indexedFeed;
    return feed && { read: feed.items.length, total: feed.total, totalPages: feed.totalPages };
  }

  private get pageCount(): number {
    // In the browser the count is what sets the page in range, not the other way round.
    const page = this.pager.byServer ? this.currentPage : 1;
    return this.pager.count(this.matching.length, this.unreadCount, page, this.serverAnswer);
  }

  /** The page shown: `page` brought into range (see Paging.page). */
  private get currentPage(): number {
    const paging = this.pager;
    if (!paging.byServer) return paging.page(this.page, this.pageCount);
    return paging.page(this.page, 0, this.indexedFeed && paging.mode === 'more' ? Math.ceil(this.indexedFeed.items.length / paging.size) : 0);
  }

  /** The filters as applied: a date or month that is not a valid key filters nothing. */
  private filterValues(): FilterValues {
    // A script may set a number: a category's id on the server.
    const value = (key: FilterKey) => String(this[key]).trim();
    const date = value('date');
    const month = value('month');
    return { category: value('category'), date: isDayKey(date) ? date : '', month: isMonthKey(month) ? month : '', query: value('query') };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (['src', 'relay', 'format', 'timezone', 'map', 'dateFormat'].some((name) => changed.has(name as keyof NewsFeed))) {
      this.index = this.wholeIndex = undefined;
      this.indexedFeed = undefined;
      this.watched = undefined;
    }
    if (changed.has('src') || changed.has('limit') || changed.has('paging')) this.pager = new Paging(this.src, this.limit, this.paging);
    const paging = this.pager;
    // A new filter starts at page 1, unless the page was set with it.
    if (this.hasUpdated && FILTERS.some((name) => changed.has(name)) && !changed.has('page')) this.page = 1;
    const filters = this.filterValues();
    const page = this.currentPage;
    const urls = paging.urls(page, filters);
    if (urls.join(' ') !== this.watched) {
      this.watched = urls.join(' ');
      if (urls.length) {
        const byServer = paging.byServer;
        // Without placeholders the whole feed is read, every page it links to.
        this.task.watch(urls, {
          format: this.format,
          timezone: this.zone,
          map: this.map || undefined,
          relay: this.relay || undefined,
          dateFormat: this.dateFormat || undefined,
          follow: !byServer,
          pastEnd: byServer,
          // A copy for the next visit: the whole feed, or the server's unfiltered first page.
          keep: (!byServer || page === 1) && !paging.narrowed(filters),
        }, this.paging === 'more' || !byServer ? 1 : page);
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
      if (!paging.narrowed(filters)) this.wholeIndex = this.index;
      dirty = true;
    }
    if (dirty && this.index) this.matching = this.index.filter(this.ownFilters(filters));
    if (this.index && (dirty || !this.hasUpdated || ['page', 'limit', 'paging'].some((name) => changed.has(name as keyof NewsFeed)))) {
      this.shown = paging.slice(this.matching, this.currentPage);
    }
  }

  /** The filters the browser applies: those the server applied are not applied again (its categories may be ids). */
  private ownFilters(filters: FilterValues) {
    // The article being read is never in its own "Các tin khác".
    const exclude = new Set<string>([location.href.replace(/#.*/, '')]);
    for (const token of this.exclude.split(/\s+/).filter(Boolean)) {
      exclude.add(token);
      try {
        exclude.add(new URL(token, document.baseURI).href);
      } catch {
        // An id, not a URL.
      }
    }
    const own = (key: FilterKey) => (this.pager.applies(key) ? '' : filters[key]);
    return { category: own('category'), date: own('date'), month: own('month'), query: own('query'), exclude };
  }

  protected override updated(changed: PropertyValues<this>): void {
    const status = this.status;
    const error = this.task.error ?? this.src;
    // A stale copy shown after a failure is reported too: the webmaster has something to fix.
    if ((status === 'error' || this.task.error) && error !== this.announcedError) {
      this.announcedError = error;
      const detail = this.errorDetail();
      // Readers see a short sentence; the webmaster finds the fix here and in the event.
      if (detail.kind === 'cors') console.warn(`<news-feed>: ${detail.message}`);
      emit<NewsErrorDetail>(this, 'news-error', detail);
    }
    // Announced once the whole feed is read, not when its first page is shown.
    if ((status === 'ready' || status === 'empty') && this.task.value && !this.task.value.unread && this.shown !== this.announcedItems) {
      this.announcedItems = this.shown;
      emit<NewsLoadDetail>(this, 'news-load', { items: this.items, total: this.total });
      this.searchPreparation.schedule(() => this.index);
    }
    if ([...FILTERS, 'page' as const].some((name) => changed.has(name) && changed.get(name) !== undefined)) {
      const { category, date, month, query, page } = this;
      emit<NewsChangeDetail>(this, 'news-change', { category, date, month, query, page });
    }
    this.lastChange = 'choice';
    if (status === 'loading' && !this.index) prepareTemplates(this.look(), strings(this.lang));
    if (this.pendingFocus >= 0 && !this.task.loading) {
      // Unless the reader has moved on while the page came (to the search field, say):
      // focus is still in here, or fell to the body with the button it was on.
      const active = document.activeElement;
      if ((this.renderRoot as ShadowRoot).activeElement || !active || active === document.body) this.focusItem(this.pendingFocus);
      this.pendingFocus = -1;
    }
  }

  private errorInfo(): LoadErrorInfo {
    const error = this.task.error;
    if (error instanceof LoadError) return error.info;
    return { kind: this.src ? 'network' : 'format', url: this.src };
  }

  private errorDetail(): NewsErrorDetail {
    const info = this.errorInfo();
    return { message: strings(this.lang).error(info), kind: info.kind, url: info.url, status: info.status };
  }

  private focusItem(index: number): void {
    const item = this.renderRoot.querySelectorAll<HTMLElement>('[part~="item"]')[index];
    if (!item) return;
    const target = item.querySelector<HTMLElement>('a[part~="link"]') ?? item;
    // An item without a link can take focus only when given a tabindex.
    if (target === item) item.tabIndex = -1;
    target.focus();
  }

  private readonly goToPage = (page: number): void => {
    // The page shown already: nothing changes, so nothing is to be focused.
    if (page === this.currentPage) return;
    this.page = page;
    this.pendingFocus = this.paging === 'more' ? (page - 1) * this.pager.size : 0;
  };

  private isHidden(part: HideablePart): boolean {
    if (this.layout === 'compact' && part !== 'date') return true;
    return this.hide.split(/\s+/).includes(part);
  }

  private look(): ItemLook {
    // The host's lang is the UI's; the feed's own text keeps the page's language.
    const textLang = this.hasAttribute('lang') ? (this.parentElement?.closest('[lang]')?.getAttribute('lang') ?? '') : undefined;
    return { lang: this.lang, textLang, zone: this.zone, headingLevel: this.headingLevel, target: this.target, hidden: (part) => this.isHidden(part) };
  }

  override render(): TemplateResult {
    const t = strings(this.lang);
    const status = this.status;
    // Items shown though the latest request failed: a copy from an earlier
    // visit (stale), or the pages "Xem thêm" read before the one that failed.
    const failedBeside = this.task.error && status !== 'error' ? (this.task.stale ? 'stale' : 'error') : '';
    // Retrying cannot help without a src, or when the feed's server refuses this page (CORS).
    const retry = this.src && this.errorInfo().kind !== 'cors'
      ? html`<button part="retry" class="button" type="button" lang=${this.lang} @click=${this.reload}>${t.retry}</button>`
      : nothing;
    return html`
      <div part="status" class="status ${failedBeside || status}" role="status" lang=${this.lang}>${this.statusText(t, status, failedBeside)}</div>
      ${status === 'error'
        ? // A server page that failed keeps the page buttons: the reader can go back.
          html`${retry}<slot></slot>${this.pager.byServer && this.index ? this.renderPaging(t) : nothing}`
        : status === 'loading' && !this.index
          ? this.renderLoading()
          : html`${failedBeside === 'error' ? retry : nothing}${renderFeed(this.shown, this.look(), this.task.loading, this.renderPaging(t))}`}
    `;
  }

  private statusText(t: Strings, status: FeedStatus, failedBeside: string): string {
    const failure = () => (this.errorInfo().kind === 'cors' ? t.unreadable : this.errorDetail().message);
    if (failedBeside) return failedBeside === 'stale' ? t.stale : failure();
    return status === 'loading' ? t.loading : status === 'empty' ? t.empty : status === 'error' ? failure() : '';
  }

  private renderLoading(): TemplateResult {
    // Light-DOM fallback links stay visible until the first items arrive.
    const fallback = [...this.childNodes].some((node) =>
      node.nodeType === Node.ELEMENT_NODE || (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()));
    if (fallback) return html`<div class="feed" aria-busy="true"><slot></slot></div>`;
    return renderSkeleton(Math.min(this.pager.size, 20), !this.isHidden('image'));
  }

  private renderPaging(t: Strings): TemplateResult | typeof nothing {
    const count = this.pageCount;
    const page = this.currentPage;
    if (this.paging === 'more') return page < count ? renderMore(t, this.lang, () => this.goToPage(page + 1)) : nothing;
    return this.paging === 'pages' && count > 1 ? renderPageNav(t, this.lang, page, count, this.goToPage) : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-feed': NewsFeed;
  }
}
