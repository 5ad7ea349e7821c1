import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { STATE_KEYS, type ChangeKind, type FilterKey, type FilterState } from '../elements/feed-target.js';

type Key = keyof FilterState;
type State = Record<Key, string>;

interface SyncHost extends ReactiveControllerHost, HTMLElement, FilterState {
  /** True, or the prefix of the parameters' names (`news` when true). */
  syncUrl: boolean | string;
  /** How the change being rendered now was made. */
  readonly changeKind: ChangeKind;
  requestUpdate(name?: PropertyKey, oldValue?: unknown): void;
}

const same = (a: State, b: State) => STATE_KEYS.every((key) => a[key] === b[key]);

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
  }

  /** Each filter's and the page's parameter: `news-category`, or `tb-category` under `sync-url="tb"`; `q` for `query`. */
  private params(): [Key, string][] {
    const prefix = (typeof this.host.syncUrl === 'string' && this.host.syncUrl.trim()) || 'news';
    return STATE_KEYS.map((key) => [key, `${prefix}-${key === 'query' ? 'q' : key}`]);
  }

  /**
   * Takes a control's starting value for a filter the feed does not have
   * (see ChangeKind `start`): it becomes part of the feed's set-up, and a
   * parameter in the URL, even an empty one, still wins over it. False when
   * the URL is not synced now: the feed then simply takes the value.
   */
  start(key: FilterKey, value: string): boolean {
    if (!this.listening) return false;
    this.defaults![key] = value;
    this.restore();
    return true;
  }

  // Before the first update, so the first load already has the URL's filters.
  hostConnected(): void {
    if (this.host.syncUrl) this.listen();
  }

  hostDisconnected(): void {
    this.listening = false;
    window.removeEventListener('popstate', this.onPopState);
  }

  hostUpdated(): void {
    if (!this.host.syncUrl) return this.hostDisconnected();
    // A feed out of the page (kept by a single-page app) leaves the URL alone until it is back.
    if (!this.listening) return this.host.isConnected ? this.listen() : undefined;
    // A tab passed with the arrow keys amends the entry the passing change before it made.
    const passing = this.host.changeKind === 'passing';
    const now = this.state();
    const inUrl = this.read();
    if (same(now, inUrl)) return;
    // Refining a search amends its history entry, so Back returns to the
    // view before the search rather than through every word typed. The page
    // may differ only by the return to page 1 that a new search brings.
    const amend = (passing && this.lastPassing) || (!!now.query && !!inUrl.query && now.query !== inUrl.query
      && STATE_KEYS.every((key) => key === 'query' || key === 'page' || now[key] === inUrl[key]));
    this.lastPassing = passing;
    if (amend) history.replaceState(history.state, '', this.url(now));
    else history.pushState(null, '', this.url(now));
  }

  private listen(): void {
    this.defaults ??= this.state();
    this.listening = true;
    window.addEventListener('popstate', this.onPopState);
    this.restore();
  }

  private state(): State {
    return Object.fromEntries(STATE_KEYS.map((key) => [key, String(this.host[key])])) as State;
  }

  /** The state the query string describes. */
  private read(): State {
    const params = new URLSearchParams(location.search);
    const state = { ...this.defaults! };
    for (const [key, name] of this.params()) state[key] = params.get(name) ?? state[key];
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
    for (const key of STATE_KEYS) (host as unknown as Record<Key, unknown>)[key] = key === 'page' ? Number(state.page) : state[key];
    // Marks the page as set along with the filters even when its number is
    // unchanged, so the feed does not send a restored view back to page 1.
    host.requestUpdate('page', 0);
  }

  private url(state: State): string {
    const params = this.params();
    const names = params.map(([, name]) => name);
    const parts = location.search.slice(1).split('&').filter((part) => part && !names.includes(part.split('=')[0]));
    for (const [key, name] of params) {
      if (state[key] !== this.defaults![key]) parts.push(`${name}=${encodeURIComponent(state[key])}`);
    }
    return location.pathname + (parts.length ? `?${parts.join('&')}` : '') + location.hash;
  }
}
