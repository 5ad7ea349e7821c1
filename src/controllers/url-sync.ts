import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Key = 'category' | 'date' | 'month' | 'query' | 'page';
type State = Record<Key, string>;

interface SyncHost extends ReactiveControllerHost, HTMLElement {
  syncUrl: boolean;
  category: string;
  date: string;
  month: string;
  query: string;
  page: number;
  requestUpdate(name?: PropertyKey, oldValue?: unknown): void;
}

/** The feed's filters and page, and their names in the query string. */
const PARAMS: [Key, string][] = [
  ['category', 'news-category'],
  ['date', 'news-date'],
  ['month', 'news-month'],
  ['query', 'news-q'],
  ['page', 'news-page'],
];

/**
 * Feeds whose next change is a passing one: a tab reached with the arrow
 * keys. It amends the entry the passing change before it made, so a reader
 * arrowing along the tabs adds one step of history, not one per tab.
 */
export const passingChoices = new WeakSet<HTMLElement>();

/** Each feed's controller, for `startFilter`. */
const controllers = new WeakMap<HTMLElement, UrlSyncController>();

const same = (a: State, b: State) => PARAMS.every(([key]) => a[key] === b[key]);

/**
 * `<news-feed sync-url>`: filters and page come from the page's query string
 * when the feed connects, every later change is written back with
 * `pushState`, and Back and Forward restore them. A parameter that is absent
 * means the value the feed started with (its attributes), so a link to the
 * bare page shows the feed as the webmaster set it up. Other parameters and
 * the hash are kept exactly as written.
 */
export class UrlSyncController implements ReactiveController {
  // The feed's own settings, before the URL changed them.
  private defaults?: State;
  private listening = false;
  private lastPassing = false;
  private readonly onPopState = () => this.restore();

  constructor(private readonly host: SyncHost) {
    host.addController(this);
    controllers.set(host, this);
  }

  /**
   * Sets a filter the feed does not have to a control's own starting value
   * (`<news-category-tabs value="an-ninh">`). It is part of the feed's
   * set-up, as if the feed had the attribute: it adds no history, and a
   * parameter in the URL, even an empty one, still wins over it.
   */
  static startFilter(feed: HTMLElement, key: Exclude<Key, 'page'>, value: string): void {
    const sync = controllers.get(feed);
    if (sync?.listening) {
      sync.defaults![key] = value;
      sync.restore();
    } else (feed as unknown as State)[key] = value;
  }

  // Before the first update, so the first load already has the URL's filters.
  hostConnected(): void {
    if (this.host.syncUrl) this.start();
  }

  hostDisconnected(): void {
    this.listening = false;
    window.removeEventListener('popstate', this.onPopState);
  }

  hostUpdated(): void {
    if (!this.host.syncUrl) return this.hostDisconnected();
    // A feed out of the page (kept by a single-page app) leaves the URL alone until it is back.
    if (!this.listening) return this.host.isConnected ? this.start() : undefined;
    const passing = passingChoices.delete(this.host);
    const now = this.state();
    const inUrl = this.read();
    if (same(now, inUrl)) return;
    // Refining a search amends its history entry, so Back returns to the
    // view before the search rather than through every word typed. The page
    // may differ only by the return to page 1 that a new search brings.
    const amend = (passing && this.lastPassing) || (!!now.query && !!inUrl.query && now.query !== inUrl.query
      && PARAMS.every(([key]) => key === 'query' || key === 'page' || now[key] === inUrl[key]));
    this.lastPassing = passing;
    if (amend) history.replaceState(history.state, '', this.url(now));
    else history.pushState(null, '', this.url(now));
  }

  private start(): void {
    this.defaults ??= this.state();
    this.listening = true;
    window.addEventListener('popstate', this.onPopState);
    this.restore();
  }

  private state(): State {
    return Object.fromEntries(PARAMS.map(([key]) => [key, String(this.host[key])])) as State;
  }

  /** The state the query string describes. */
  private read(): State {
    const params = new URLSearchParams(location.search);
    const state = { ...this.defaults! };
    for (const [key, name] of PARAMS) state[key] = params.get(name) ?? state[key];
    // A junk page number is page 1, as the feed shows it.
    state.page = String(Math.max(1, Math.floor(Number(state.page)) || 1));
    return state;
  }

  private restore(): void {
    // Back or Forward ends a walk along the tabs: the next one is a step of its own.
    this.lastPassing = false;
    const host = this.host;
    const state = this.read();
    if (same(state, this.state())) return;
    for (const [key] of PARAMS) (host as unknown as Record<Key, unknown>)[key] = key === 'page' ? Number(state.page) : state[key];
    // Marks the page as set along with the filters even when its number is
    // unchanged, so the feed does not send a restored view back to page 1.
    host.requestUpdate('page', 0);
  }

  private url(state: State): string {
    const names = PARAMS.map(([, name]) => name);
    const parts = location.search.slice(1).split('&').filter((part) => part && !names.includes(part.split('=')[0]));
    for (const [key, name] of PARAMS) {
      if (state[key] !== this.defaults![key]) parts.push(`${name}=${encodeURIComponent(state[key])}`);
    }
    return location.pathname + (parts.length ? `?${parts.join('&')}` : '') + location.hash;
  }
}
