/**
 * One store per page: every element bound to the same feed shares one
 * request and one parsed result. The last good result is kept in web
 * storage, so the next visit shows it at once while it revalidates, and a
 * failed request still has something to show (marked as possibly stale).
 */
import { requestIdle } from '../idle.js';
import { isFeedTitle, isNewsItem } from './formats/item.js';
import { loadFeed, type LoadOptions } from './load.js';
import { type ParsedFeed } from './types.js';
import { LoadError } from '../net/load-error.js';
import { memo } from '../memo.js';

export interface WatchOptions extends Omit<LoadOptions, 'signal'> {
  /** Read every page the feed links to (`next_url`): the whole feed, for browser-side paging. */
  follow?: boolean;
  /**
   * Keep the result in web storage for the next visit. Not for every server
   * page or search, which would only fill the storage.
   */
  keep?: boolean;
}

export interface FeedState {
  /** The items: fresh, or the last good result kept from an earlier visit. */
  feed?: ParsedFeed;
  /** Why the last request failed. */
  error?: LoadError;
  /** True while `feed` is not confirmed by the latest request. */
  stale: boolean;
  /** True while a request runs. */
  loading: boolean;
}

export type FeedListener = (state: FeedState) => void;

/** Pages followed through `next_url` at most, against loops and endless feeds. */
const MAX_PAGES = 20;
/**
 * Items read before the first page is shown (a few pages' worth); the rest
 * are read after it, SLICE at a time between frames, so that the first page
 * of a 5,000-item feed waits for no more than JSON.parse does.
 */
const FIRST_ITEMS = 50;
const SLICE = 500;
/** Versioned: a copy written by another version of this code is not read. */
const STORAGE_PREFIX = 'news-widgets:1:';
/** Items kept in web storage: enough for the first pages, small enough for its quota. */
const STORED_ITEMS = 300;

let oldCopiesRemoved = false;

function storage(): Storage | undefined {
  try {
    const local = localStorage;
    if (!oldCopiesRemoved) removeOldCopies();
    return local;
  } catch {
    return undefined; // Blocked (sandboxed frame, privacy settings): no copy.
  }
}

/** Removes the copies an earlier version wrote (another prefix): never read, they only fill the quota. Once per page. */
export function removeOldCopies(): void {
  oldCopiesRemoved = true;
  for (const name of Object.keys(localStorage)) if (name.startsWith('news-widgets:') && !name.startsWith(STORAGE_PREFIX)) localStorage.removeItem(name);
}

const isCount = (value: unknown) => value === undefined || (typeof value === 'number' && value >= 0 && Number.isFinite(value));

/**
 * The copy kept from an earlier visit, with its dates revived; none when any
 * part of it is not what this code writes (see isNewsItem).
 */
function readStored(key: string): ParsedFeed | undefined {
  try {
    const saved: unknown = JSON.parse(storage()?.getItem(STORAGE_PREFIX + key) ?? 'null', (name, value) =>
      (name === 'published' || name === 'modified') && typeof value === 'string' ? new Date(value) : value);
    if (!saved || typeof saved !== 'object') return undefined;
    const { items, total, totalPages, title } = saved as ParsedFeed;
    const valid = Array.isArray(items) && items.length <= STORED_ITEMS && items.every(isNewsItem) && isCount(total) && isCount(totalPages)
      && isFeedTitle(title);
    return valid ? { items, total, totalPages, title } : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a copy once the browser is idle: it never delays the first page. */
function store(key: string, feed: ParsedFeed): void {
  const write = () => {
    const local = storage();
    const value = JSON.stringify({ ...feed, items: feed.items.slice(0, STORED_ITEMS), nextUrl: undefined });
    try {
      local?.setItem(STORAGE_PREFIX + key, value);
    } catch {
      // Full: drop every copy this code kept, then try once more.
      try {
        for (const name of Object.keys(local!)) if (name.startsWith(STORAGE_PREFIX)) local!.removeItem(name);
        local!.setItem(STORAGE_PREFIX + key, value);
      } catch {
        // Still full: the copy is only a help.
      }
    }
  };
  requestIdle(write, 3000, 200);
}

class Entry {
  state: FeedState;
  readonly listeners = new Set<FeedListener>();
  private controller?: AbortController;
  /** A request has succeeded: later subscribers share its result. */
  private fresh = false;

  constructor(
    readonly key: string,
    private readonly url: string,
    private readonly options: WatchOptions,
  ) {
    const feed = options.keep ? readStored(key) : undefined;
    this.state = { feed, stale: !!feed, loading: false };
  }

  private set(patch: Partial<FeedState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener(this.state));
  }

  /** Starts a request unless one runs or the result is already fresh. */
  ensure(): void {
    if (!this.controller && !this.fresh) void this.refresh();
  }

  abort(): void {
    this.controller?.abort();
    this.controller = undefined;
    this.state = { ...this.state, loading: false };
  }

  async refresh(): Promise<void> {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const { signal } = controller;
    const options = { ...this.options, signal };
    // A new try: until it fails too, the last failure is not news (a retry shows loading).
    this.set({ loading: true, error: undefined });
    let feed: ParsedFeed;
    try {
      feed = await loadFeed(this.url, { ...options, first: FIRST_ITEMS });
    } catch (error) {
      if (this.controller !== controller) return;
      this.controller = undefined;
      const failure = error instanceof LoadError ? error : new LoadError({ kind: 'parse', url: this.url }, error);
      this.set({ error: failure, stale: !!this.state.feed, loading: false });
      return;
    }
    if (this.controller !== controller) return;
    const seen = new Set([new URL(this.url, document.baseURI).href]);
    this.set({ feed, error: undefined, stale: false, loading: !!(feed.unread || (this.options.follow && feed.nextUrl)) });
    if (feed.unread) {
      const { entries, read } = feed.unread;
      const items = feed.items.slice();
      for (let start = 0; start < entries.length; start += SLICE) {
        await new Promise((resolve) => setTimeout(resolve));
        if (this.controller !== controller) return;
        for (const entry of entries.slice(start, start + SLICE)) {
          const item = read(entry);
          if (item) items.push(item);
        }
      }
      feed = { ...feed, items, unread: undefined };
      this.set({ feed, loading: !!(this.options.follow && feed.nextUrl) });
    }
    // The rest of the feed, page by page, after the first page is shown.
    for (let next = feed.nextUrl; this.options.follow && next && !seen.has(next) && seen.size < MAX_PAGES; ) {
      seen.add(next);
      let page: ParsedFeed;
      try {
        page = await loadFeed(next, options);
      } catch {
        break; // What was read stays; the page that failed is left out.
      }
      if (this.controller !== controller) return;
      const ids = new Set(feed.items.map((item) => item.id));
      feed = { ...feed, items: feed.items.concat(page.items.filter((item) => !ids.has(item.id))), nextUrl: page.nextUrl };
      this.set({ feed });
      next = page.nextUrl;
    }
    if (this.controller !== controller) return;
    this.controller = undefined;
    // Fresh once whole: a request stopped part way (no one watching) starts again when someone does.
    this.fresh = true;
    this.set({ loading: false });
    if (this.options.keep) store(this.key, feed);
  }
}

const entries = new Map<string, Entry>();
/**
 * Keys of entries no one watches, oldest first: kept for a quick way back
 * (Back, a tab chosen again), at most IDLE_KEPT; older ones are forgotten,
 * so that every search typed does not keep its answer for the page's life.
 */
const unwatched = new Set<string>();
const IDLE_KEPT = 16;

function entryFor(url: string, options: WatchOptions): Entry {
  // The relay is in the key only when there is one, so earlier stored copies keep their keys.
  const key = JSON.stringify([url, options.format ?? 'auto', options.timezone, options.map ?? null, !!options.follow, !!options.pastEnd,
    ...(options.relay || options.dateFormat ? [options.relay ?? '', options.dateFormat ?? ''] : [])]);
  const entry = memo(entries, key, () => new Entry(key, url, options));
  unwatched.delete(key);
  return entry;
}

function forgetWhenIdle(entry: Entry): void {
  unwatched.add(entry.key);
  if (unwatched.size <= IDLE_KEPT) return;
  const oldest = unwatched.values().next().value!;
  unwatched.delete(oldest);
  entries.delete(oldest);
}

/**
 * Calls `listener` with the feed's state now and whenever it changes, and
 * starts the request if nothing has read this feed yet. The returned
 * function stops listening; when no one listens any more, a running request
 * is aborted.
 */
export function watchFeed(url: string, options: WatchOptions, listener: FeedListener): () => void {
  const entry = entryFor(url, options);
  entry.listeners.add(listener);
  entry.ensure();
  listener(entry.state);
  return () => {
    entry.listeners.delete(listener);
    if (entry.listeners.size) return;
    entry.abort();
    forgetWhenIdle(entry);
  };
}

/** Requests the feed again for everyone who watches it. */
export function refreshFeed(url: string, options: WatchOptions): void {
  void entryFor(url, options).refresh();
}
