import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { refreshFeed, watchFeed, type FeedState, type WatchOptions } from '../feed/store.js';
import { mergeFeeds } from '../feed/merge.js';
import type { ParsedFeed } from '../feed/types.js';
import type { LoadError } from '../net/load-error.js';

/**
 * How long the first page waits, after the first of several feeds answered,
 * for the others: a slow feed does not hold back those that answered, and
 * merges in when it comes.
 */
export const SOURCE_WAIT = 1000;

/** How the watched URLs make one list. */
export interface WatchShape {
  /** The server's pages from this one on, read as one list ("Xem thêm"). */
  firstPage?: number;
  /** Several feeds merged into one list (`src` with several URLs). */
  merge?: boolean;
}

/**
 * The feed an element shows, from the page's shared store: one URL, the
 * server's pages 1 to n read as one list ("Xem thêm"), or several feeds
 * merged. Watching new URLs drops the old ones first, so an older request
 * is aborted when no other element needs it, and its late answer never
 * reaches this element. Disconnecting stops watching; connecting again
 * picks up where it was.
 */
export class FeedSource implements ReactiveController {
  /** The items to show, possibly stale; undefined until the first answer. */
  value?: ParsedFeed;
  /** Why the request failed: with several feeds, only when every one failed. */
  error?: LoadError;
  /** Every URL whose latest request failed, even those whose copies are shown. */
  failures: LoadError[] = [];
  /** True when `value` was not confirmed by the latest request. */
  stale = false;
  /** True while a request runs. */
  loading = false;
  private urls: string[] = [];
  private options?: WatchOptions;
  private shape: WatchShape = {};
  private states: FeedState[] = [];
  private parts: ParsedFeed[] = [];
  private stops: (() => void)[] = [];
  private connected = false;
  private wait?: ReturnType<typeof setTimeout>;
  private waited = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get status(): 'initial' | 'pending' | 'complete' | 'error' {
    return this.value ? 'complete' : this.error ? 'error' : this.urls.length ? 'pending' : 'initial';
  }

  /** True when the URLs are several feeds merged into one list. */
  get merged(): boolean {
    return !!this.shape.merge;
  }

  /**
   * Shows these URLs from now on. With `pastEnd`, `urls` are the server's
   * pages from `shape.firstPage` on, and only a page after the first may be
   * past the end: a 400 or 404 for page 1 is an error (a wrong `src`), not
   * an empty feed.
   */
  watch(urls: string[], options: WatchOptions, shape: WatchShape = {}): void {
    this.reset();
    this.urls = urls;
    this.options = options;
    this.shape = shape;
    this.start();
  }

  /** Forgets the URLs and anything read. */
  reset(): void {
    this.stop();
    this.urls = [];
    this.parts = [];
    this.failures = [];
    this.value = this.error = undefined;
    this.stale = this.loading = this.waited = false;
  }

  /** Requests every watched URL again. */
  reload(): void {
    this.urls.forEach((url, i) => refreshFeed(url, this.optionsFor(i)));
  }

  /** Requests again only the URLs whose latest request failed. */
  retry(): void {
    this.urls.forEach((url, i) => this.states[i]?.error && refreshFeed(url, this.optionsFor(i)));
  }

  private optionsFor(i: number): WatchOptions {
    return { ...this.options!, pastEnd: !!this.options!.pastEnd && (this.shape.firstPage ?? 1) + i > 1 };
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
    clearTimeout(this.wait);
    this.wait = undefined;
  }

  private combine(): void {
    const states = this.states;
    // While start() subscribes, each listener is called once at once: wait for all.
    if (states.filter(Boolean).length < this.urls.length) return;
    this.failures = states.flatMap((state) => state.error ?? []);
    this.stale = states.some((state) => state.stale);
    this.loading = states.some((state) => state.loading);
    const read = this.merged ? this.readSources() : this.readPages();
    if (!read) return;
    // A new value only when a part changed: the element re-indexes on a new value.
    if (read.length !== this.parts.length || read.some((feed, i) => feed !== this.parts[i])) {
      this.parts = read;
      this.value = !read.length ? undefined
        : this.merged ? mergeFeeds(states.flatMap((state, i) => (state.feed ? [{ url: this.urls[i], feed: state.feed }] : [])))
        : read.length === 1 ? read[0] : { ...read[read.length - 1], items: read.flatMap((feed) => feed.items) };
    }
    this.host.requestUpdate();
  }

  /** Every page, or the pages read before one that failed ("Xem thêm" on server pages). */
  private readPages(): ParsedFeed[] {
    const states = this.states;
    this.error = this.failures[0];
    const feeds = states.map((state) => state.feed);
    const missing = feeds.indexOf(undefined);
    return (missing < 0 ? feeds : states[missing].error ? feeds.slice(0, missing) : []) as ParsedFeed[];
  }

  /**
   * The feeds that answered, once every one has or SOURCE_WAIT after the
   * first did; undefined while waiting. An error only when every one failed.
   */
  private readSources(): ParsedFeed[] | undefined {
    const states = this.states;
    const answered = states.filter((state) => state.feed || state.error).length;
    if (answered < states.length && !this.waited) {
      if (answered && !this.wait) {
        this.wait = setTimeout(() => {
          this.waited = true;
          this.combine();
        }, SOURCE_WAIT);
      }
      return undefined;
    }
    this.waited = true;
    const feeds = states.flatMap((state) => state.feed ?? []);
    this.error = !feeds.length && answered === states.length ? this.failures[0] : undefined;
    return feeds;
  }
}
