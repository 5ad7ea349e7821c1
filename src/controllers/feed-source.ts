import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { refreshFeed, watchFeed, type FeedState, type WatchOptions } from '../feed/store.js';
import type { ParsedFeed } from '../feed/types.js';
import type { LoadError } from '../net/load-error.js';

/**
 * The feed an element shows, from the page's shared store: one URL, or the
 * server's pages 1 to n read as one list ("Xem thêm"). Watching new URLs
 * drops the old ones first, so an older request is aborted when no other
 * element needs it, and its late answer never reaches this element.
 * Disconnecting stops watching; connecting again picks up where it was.
 */
export class FeedSource implements ReactiveController {
  /** The items to show, possibly stale; undefined until the first answer. */
  value?: ParsedFeed;
  /** Why the latest request failed, even when a stale `value` is still shown. */
  error?: LoadError;
  /** True when `value` was not confirmed by the latest request. */
  stale = false;
  /** True while a request runs. */
  loading = false;
  private urls: string[] = [];
  private options?: WatchOptions;
  private firstPage = 1;
  private states: FeedState[] = [];
  private parts: (ParsedFeed | undefined)[] = [];
  private stops: (() => void)[] = [];
  private connected = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get status(): 'initial' | 'pending' | 'complete' | 'error' {
    return this.value ? 'complete' : this.error ? 'error' : this.urls.length ? 'pending' : 'initial';
  }

  /**
   * Shows these URLs from now on. With `pastEnd`, `urls` are the server's
   * pages from `firstPage` on, and only a page after the first may be past
   * the end: a 400 or 404 for page 1 is an error (a wrong `src`), not an
   * empty feed.
   */
  watch(urls: string[], options: WatchOptions, firstPage = 1): void {
    this.reset();
    this.urls = urls;
    this.options = options;
    this.firstPage = firstPage;
    this.start();
  }

  /** Forgets the URLs and anything read. */
  reset(): void {
    this.stop();
    this.urls = [];
    this.parts = [];
    this.value = this.error = undefined;
    this.stale = this.loading = false;
  }

  /** Requests every watched URL again. */
  reload(): void {
    this.urls.forEach((url, i) => refreshFeed(url, this.optionsFor(i)));
  }

  private optionsFor(i: number): WatchOptions {
    return { ...this.options!, pastEnd: !!this.options!.pastEnd && this.firstPage + i > 1 };
  }

  hostConnected(): void {
    this.connected = true;
    if (!this.stops.length) this.start();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
  }

  /** Asks for the watched URLs, unless the host is out of the document: a detached element requests nothing. */
  private start(): void {
    if (!this.connected) return;
    this.states = [];
    this.stops = this.urls.map((url, i) =>
      watchFeed(url, this.optionsFor(i), (state) => {
        this.states[i] = state;
        this.combine();
      }),
    );
  }

  private stop(): void {
    this.stops.forEach((stop) => stop());
    this.stops = [];
  }

  private combine(): void {
    const states = this.states;
    if (states.filter(Boolean).length < this.urls.length) return;
    const feeds = states.map((state) => state.feed);
    this.error = states.find((state) => state.error)?.error;
    this.stale = states.some((state) => state.stale);
    this.loading = states.some((state) => state.loading);
    // Every part, or the parts read before one that failed ("Xem thêm" on server pages).
    const missing = feeds.indexOf(undefined);
    const read = missing < 0 ? feeds : states[missing].error ? feeds.slice(0, missing) : [];
    // A new value only when a part changed: the element re-indexes on a new value.
    if (read.length !== this.parts.length || read.some((feed, i) => feed !== this.parts[i])) {
      this.parts = read;
      const last = read[read.length - 1];
      this.value = read.length < 2 ? last : { ...last!, items: read.flatMap((feed) => feed!.items) };
    }
    this.host.requestUpdate();
  }
}
