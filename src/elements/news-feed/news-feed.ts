import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { FeedLoader, type FeedSettings } from './feed-loader.js';
import { FeedEvents } from './feed-events.js';
import { UrlSyncController } from '../../controllers/url-sync.js';
import { DEFAULT_TIMEZONE } from '../../feed/dates.js';
import type { FeedFormat, FeedMap, NewsItem } from '../../feed/types.js';
import { emit, type NewsChangeDetail } from '../../events.js';
import { strings } from '../../i18n/strings.js';
import type { CategoryCount } from '../../view/feed-index.js';
import type { PagingMode } from '../../view/paging.js';
import { FILTER_KEYS, STATE_KEYS, type ChangeKind, type FeedStatus, type FeedTarget, type FilterKey } from '../feed-target.js';
import { NewsElement, omitEmpty } from '../news-element.js';
import { styles } from './news-feed.styles.js';
import { itemLook, renderFeed, renderSkeleton } from './templates.js';
import { FeedPager } from './pager.js';
import { statusLine } from './status-line.js';
import { prepareTemplates } from './warm-up.js';

export type { FeedStatus } from '../feed-target.js';
export type FeedPaging = PagingMode;
export type FeedLayout = 'list' | 'cards' | 'compact';

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
 * @csspart source - With several feeds, the feed an item came from.
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
export class NewsFeed extends NewsElement implements FeedTarget, FeedSettings {
  static override styles = styles;

  /**
   * Feed URL: JSON Feed, WordPress REST, RSS/Atom or JSON. Several URLs
   * separated by spaces are read as one list, newest first, each item
   * marked with its source.
   */
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

  /** Space-separated parts to leave out: `image summary date category source`. */
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
   * views can be shared and Back works. A value is a prefix for this feed's
   * parameters instead of `news` (`sync-url="tb"`: `tb-category`, `tb-page`…),
   * so that several synced feeds share one page.
   */
  @property({ attribute: 'sync-url', converter: { fromAttribute: (value: string | null) => (value === null ? false : value || true) } })
  syncUrl: boolean | string = false;

  protected readonly urlSync = new UrlSyncController(this);
  private readonly loader = new FeedLoader(this);
  private lastChange: ChangeKind = 'choice';
  private readonly pager = new FeedPager(this, this.loader);
  // After the pager has moved focus: news-error and news-load (news-change is sent in updated()).
  protected readonly events = new FeedEvents(this, this.loader);

  /** `loading`, `ready`, `empty` or `error`. */
  get status(): FeedStatus {
    return this.loader.status;
  }

  /** The items shown now. */
  get items(): NewsItem[] {
    return this.listView.shown.slice();
  }

  /** How many items match the filters, over all pages. */
  get total(): number {
    return this.listView.total(this.page);
  }

  /**
   * Categories over the whole feed, with item counts. While the server pages
   * a WordPress site, the site's own (ids as values); for another server,
   * those of the last answer it did not filter.
   */
  get categories(): CategoryCount[] {
    return this.loader.categories;
  }

  /** Items per day (`YYYY-MM-DD`) over the loaded feed (while the server filters, as `categories`). */
  get dayCounts(): Map<string, number> {
    return this.listView.dayCounts();
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
    this.loader.reload();
  }

  private get listView() {
    return this.loader.listView;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A new filter starts at page 1, unless the page was set with it.
    if (this.hasUpdated && FILTER_KEYS.some((name) => changed.has(name)) && !changed.has('page')) this.page = 1;
    this.loader.update(changed, !this.hasUpdated);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (STATE_KEYS.some((name) => changed.has(name) && changed.get(name) !== undefined)) {
      const { category, date, month, query, page } = this;
      emit<NewsChangeDetail>(this, 'news-change', { category, date, month, query, page });
    }
    this.lastChange = 'choice';
    if (this.status === 'loading' && !this.listView.index) prepareTemplates(itemLook(this, this.loader.zone), strings(this.lang));
  }

  private readonly retry = (): void => this.loader.retry();

  override render(): TemplateResult {
    const t = strings(this.lang);
    const status = this.status;
    const look = itemLook(this, this.loader.zone);
    const line = statusLine(t, status, this.loader.requests, this.loader.errorInfo);
    const retry = this.loader.retryable
      ? html`<button part="retry" class="button" type="button" lang=${this.lang} @click=${this.retry}>${t.retry}</button>`
      : nothing;
    return html`
      <div part="status" class="status ${line.look}" role="status" lang=${this.lang}>${line.text}</div>
      ${status === 'error'
        ? // A server page that failed keeps the page buttons: the reader can go back.
          html`${retry}<slot></slot>${this.listView.paging.byServer && this.listView.index ? this.pager.render(t) : nothing}`
        : status === 'loading' && !this.listView.index
          ? this.renderLoading(!look.hidden('image'))
          : html`${line.beside && line.beside !== 'stale' ? retry : nothing}${renderFeed(this.listView.shown, look, this.loader.requests.loading, this.pager.render(t))}`}
    `;
  }

  private renderLoading(withImage: boolean): TemplateResult {
    // Light-DOM fallback links stay visible until the first items arrive.
    const fallback = [...this.childNodes].some((node) =>
      node.nodeType === Node.ELEMENT_NODE || (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()));
    if (fallback) return html`<div class="feed" aria-busy="true"><slot></slot></div>`;
    return renderSkeleton(Math.min(this.listView.paging.size, 20), withImage);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-feed': NewsFeed;
  }
}
