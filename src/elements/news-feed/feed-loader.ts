import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FeedSource } from '../../controllers/feed-source.js';
import { SiteCategories } from '../../controllers/site-categories.js';
import { isDayKey, isMonthKey, resolveTimeZone } from '../../feed/dates.js';
import type { FeedFormat, FeedMap } from '../../feed/types.js';
import { formatDate } from '../../i18n/format.js';
import { LoadError, type LoadErrorInfo } from '../../net/load-error.js';
import type { CategoryCount } from '../../view/feed-index.js';
import { excludedKeys } from '../../view/exclude.js';
import { FeedView } from '../../view/feed-view.js';
import { Paging, type FilterValues, type PagingMode } from '../../view/paging.js';
import { FILTER_KEYS, type FeedStatus, type FilterKey, type FilterState } from '../feed-target.js';
import { SearchPreparation } from './warm-up.js';

/** The settings of `<news-feed>` that decide what it asks for and shows. */
export interface FeedSettings extends FilterState {
  src: string;
  relay: string;
  format: FeedFormat;
  map: FeedMap | string;
  dateFormat: string;
  timezone: string;
  limit: number;
  paging: PagingMode;
  exclude: string;
  lang: string;
}

/** The settings after which an answer read before no longer holds. */
const READING: (keyof FeedSettings)[] = ['src', 'relay', 'format', 'timezone', 'map', 'dateFormat'];
/** The settings after which other items show, from the same answer. */
const SHOWING: (keyof FeedSettings)[] = ['exclude', 'page', 'limit', 'paging', ...FILTER_KEYS];

/**
 * What `<news-feed>` asks for and shows: from its settings, the requests
 * (the shared store, through FeedSource; a WordPress site's categories under
 * server paging), and their answers indexed into the view that holds the
 * page shown, its search keys prepared while the browser is idle. The
 * element renders what this holds.
 */
export class FeedLoader implements ReactiveController {
  readonly requests: FeedSource;
  readonly listView = new FeedView();
  /** What is wrong with the set-up itself (no `src`, placeholders with several feeds): no request is made. */
  setupError?: LoadError;
  /** A WordPress site's own categories, under server paging. */
  private readonly site: SiteCategories;
  /** The URLs watched now, joined. */
  private watched?: string;
  /** A reload or retry was asked for: its answer is shown, even in the middle of a page being read. */
  private answerAwaited = false;
  private readonly searchPreparation = new SearchPreparation();

  constructor(private readonly host: ReactiveControllerHost & FeedSettings) {
    host.addController(this);
    this.requests = new FeedSource(host);
    this.site = new SiteCategories(host);
  }

  hostUpdated(): void {
    // Once the whole feed is read and shown: never before the first page.
    if (this.settled) this.searchPreparation.schedule(() => this.listView.index);
  }

  hostDisconnected(): void {
    this.searchPreparation.cancel();
  }

  /** `loading`, `ready`, `empty` or `error`. */
  get status(): FeedStatus {
    if (this.requests.status === 'error' || this.setupError) return 'error';
    // The server's next page or filter is on its way; the last answer still shows, busy.
    if (this.requests.status === 'pending') return 'loading';
    // A big feed's first page shows while the rest is read: still loading until then.
    if (this.listView.index && !this.listView.reading) return this.listView.matches ? 'ready' : 'empty';
    return 'loading';
  }

  /** True once the whole feed is read, and the site's categories with it: news-load is due. */
  get settled(): boolean {
    const status = this.status;
    return (status === 'ready' || status === 'empty') && !!this.requests.value && !this.requests.value.unread && !this.site.pending;
  }

  /** The set-up's error, else every URL whose latest request failed. */
  get failures(): LoadError[] {
    return this.setupError ? [this.setupError] : this.requests.failures;
  }

  /** Why the feed cannot be shown: the set-up, else the request. */
  get errorInfo(): LoadErrorInfo {
    return (this.setupError ?? this.requests.error)?.info ?? { kind: 'network', url: this.host.src };
  }

  /** True when asking again may help: not without a usable src, nor when the feed's server refuses this page (CORS). */
  get retryable(): boolean {
    return !this.setupError && this.requests.failures.some((failure) => failure.info.kind !== 'cors');
  }

  get categories(): CategoryCount[] {
    return this.site.categories?.map((entry) => ({ ...entry })) ?? this.listView.categories();
  }

  /** The page shown: the host's `page` brought into range. */
  get page(): number {
    return this.listView.page(this.host.page);
  }

  get zone(): string {
    return resolveTimeZone(this.host.timezone);
  }

  /** Asks for every watched URL again; its answer shows. */
  reload(): void {
    this.answerAwaited = true;
    this.requests.reload();
  }

  /** Asks again for the URLs that failed; their answer shows. */
  retry(): void {
    this.answerAwaited = true;
    this.requests.retry();
  }

  /** From the host's willUpdate: the requests its settings ask for now, and the page it shows. */
  update(changed: Map<PropertyKey, unknown>, firstUpdate: boolean): void {
    const host = this.host;
    const view = this.listView;
    if (READING.some((name) => changed.has(name))) {
      view.forget();
      this.watched = undefined;
    }
    if (changed.has('src') || changed.has('limit') || changed.has('paging')) {
      const paging = (view.paging = new Paging(host.src, host.limit, host.paging));
      // A new object per set-up, so that news-error is sent once for it.
      this.setupError = paging.misused || !paging.sources.length ? new LoadError({ kind: 'format', url: host.src.trim(), field: 'src' }) : undefined;
    }
    // Under server paging each answer is one page: a WordPress site's own
    // categories are read beside it, and news-load waits for them (the tabs draw on them).
    if (changed.has('src') || changed.has('relay')) this.site.read(view.paging.byServer ? view.paging.sources[0] : undefined, host.relay || undefined);
    const filters = this.filterValues();
    this.watch(filters);
    // A filter or the page set by the reader or a script: the page shown follows.
    const viewChanged = SHOWING.some((name) => changed.has(name));
    const feed = this.requests.value;
    let dirty = viewChanged;
    // Another of several feeds came after the first page was shown: it joins
    // the counts and the other pages, but the page being read stays as it is.
    let keepShown = false;
    const shownBefore = view.shown.length > 0;
    if (feed && view.take(feed, this.zone, view.paging.narrowed(filters))) {
      keepShown = this.requests.merged && !viewChanged && !this.answerAwaited && shownBefore;
      this.answerAwaited = false;
      dirty = true;
    }
    if (dirty) view.match(this.ownFilters(filters));
    if (!keepShown && (dirty || firstUpdate)) view.show(host.page);
  }

  /** The filters as applied: a date or month that is not a valid key filters nothing. */
  private filterValues(): FilterValues {
    // A script may set a number: a category's id on the server.
    const value = (key: FilterKey) => String(this.host[key]).trim();
    const date = value('date');
    const month = value('month');
    return { category: value('category'), date: isDayKey(date) ? date : '', month: isMonthKey(month) ? month : '', query: value('query') };
  }

  /** Watches the URLs of the page and filters asked for, when they are others than those watched. */
  private watch(filters: FilterValues): void {
    const { paging } = this.listView;
    const host = this.host;
    const page = this.page;
    const urls = paging.urls(page, filters);
    const watched = urls.join(' ');
    if (watched === this.watched) return;
    this.watched = watched;
    if (!urls.length) return this.requests.reset();
    const byServer = paging.byServer;
    // Without placeholders the whole feed is read, every page it links to.
    this.requests.watch(urls, {
      format: host.format,
      timezone: this.zone,
      map: host.map || undefined,
      relay: host.relay || undefined,
      dateFormat: host.dateFormat || undefined,
      follow: !byServer,
      pastEnd: byServer,
      // A copy for the next visit: the whole feed, or the server's unfiltered first page.
      keep: (!byServer || page === 1) && !paging.narrowed(filters),
    }, paging.sources.length > 1 ? { merge: true } : { firstPage: host.paging === 'more' || !byServer ? 1 : page });
    // Make the date formatter while the request runs, not when the first page is due.
    formatDate(new Date(0), host.lang, this.zone);
  }

  /** The filters the browser applies: those the server applied are not applied again (its categories may be ids). */
  private ownFilters(filters: FilterValues) {
    const own = (key: FilterKey) => (this.listView.paging.applies(key) ? '' : filters[key]);
    const exclude = excludedKeys(this.host.exclude, location.href, document.baseURI);
    return { category: own('category'), date: own('date'), month: own('month'), query: own('query'), exclude };
  }
}
