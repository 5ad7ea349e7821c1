import type { PropertyValues, ReactiveController, ReactiveControllerHost } from 'lit';
import type { NewsItem } from '../feed/types.js';
import type { CategoryCount } from '../feed/view.js';
import { passingChoices, UrlSyncController } from './url-sync.js';

/**
 * What a control may read and set on the `<news-feed>` it drives. A shape,
 * not the class, so controls do not pull in the feed element's code.
 */
export interface FeedTarget extends HTMLElement {
  category: string;
  date: string;
  month: string;
  query: string;
  page: number;
  timezone: string;
  readonly status: 'loading' | 'ready' | 'empty' | 'error';
  readonly items: NewsItem[];
  readonly total: number;
  readonly categories: CategoryCount[];
  readonly dayCounts: Map<string, number>;
}

/** A filter a control can hold as its `value`. */
export type FeedFilter = 'category' | 'date' | 'month' | 'query';

type LinkHost = ReactiveControllerHost & HTMLElement & { for?: string; value?: string };

const FEED_EVENTS = ['news-load', 'news-change', 'news-error'] as const;

/**
 * Finds the `<news-feed>` a control drives: the one whose id is the host's
 * `for`, else the first in the document. Keeps looking as the page changes,
 * so the control may come before the feed, and the feed may be added later
 * or replaced. The host re-renders whenever the feed loads or changes.
 */
export class FeedLinkController implements ReactiveController {
  private current: FeedTarget | null = null;
  private observer?: MutationObserver;
  private queued = false;
  private linkedFor?: string | null;
  // The feed `sync` last agreed with, and the filter value both sides held then.
  private synced: FeedTarget | null = null;
  private seen?: string;
  private readonly onFeedEvent = () => this.host.requestUpdate();

  constructor(
    private readonly host: LinkHost,
    private readonly onLink?: (feed: FeedTarget | null) => void,
  ) {
    host.addController(this);
  }

  /** The feed this control drives, or null (then it navigates instead). */
  get feed(): FeedTarget | null {
    return this.current;
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.queueResolve());
    this.observer.observe(this.host.ownerDocument, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['id'],
    });
    this.resolve();
    // Until the feed's script has run, its properties are not there yet.
    if (!customElements.get('news-feed')) void customElements.whenDefined('news-feed').then(() => this.resolve(true));
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.link(null);
  }

  /** A changed `for` names another feed: look again once the host has updated. */
  hostUpdated(): void {
    if (this.forId() !== this.linkedFor) this.resolve();
  }

  /** Looks again now, e.g. after `for` changed. */
  resolve(force = false): void {
    this.queued = false;
    if (!this.host.isConnected) return;
    const id = (this.linkedFor = this.forId());
    const root = this.host.getRootNode() as Document | ShadowRoot;
    const found = id
      ? (root.getElementById?.(id) ?? this.host.ownerDocument.getElementById(id))
      : this.host.ownerDocument.querySelector('news-feed');
    const feed = found && found.localName === 'news-feed' ? (found as FeedTarget) : null;
    if (force || feed !== this.current) this.link(feed);
  }

  /**
   * Keeps the host's `value` and the feed's `filter` in step; call it from
   * the host's willUpdate. On linking, a feed that already has the filter
   * (from its attribute or the URL) wins, else the host's value is its start.
   * After that a `value` set on the host drives the feed, unless `hold`
   * (text still being typed), and a filter changed on the feed (Back, another
   * control, page code) becomes the host's value.
   */
  sync(filter: FeedFilter, changed: PropertyValues, hold = false): void {
    // Until the feed's script has run its filters are not there yet: keep
    // ours, and link once it has (a starting value set on it now would come
    // after its URL and count as a reader's choice).
    const feed = this.current?.[filter] === undefined ? null : this.current;
    const host = this.host;
    if (feed !== this.synced) {
      this.synced = feed;
      this.seen = undefined;
      if (feed && !feed[filter] && host.value) this.start(filter, host.value);
    } else if (feed && changed.get('value') !== undefined && !hold && host.value !== this.seen) {
      return this.set(filter, host.value!);
    }
    const theirs = feed?.[filter];
    if (theirs !== undefined && theirs !== this.seen) host.value = this.seen = theirs;
  }

  /**
   * Gives the feed the host's own starting value for a filter it does not
   * have: part of the page's set-up, not a reader's choice (no history entry
   * with `sync-url`, where the URL's parameter wins).
   */
  start(filter: FeedFilter, value: string): void {
    if (this.current) UrlSyncController.startFilter(this.current, filter, value);
  }

  /**
   * `sync` at once, from the host's link callback, when the host has a value:
   * a control placed after the feed then starts it before the feed's first
   * update, so the starting value is in its first request and is no change.
   */
  syncOnLink(filter: FeedFilter): void {
    if (this.host.value) this.sync(filter, new Map());
  }

  /** Sets the feed's `filter` to a value the host chose; `passing` as an arrow key passes a tab. */
  set(filter: FeedFilter, value: string, passing = false): void {
    this.seen = value;
    if (passing && this.current) passingChoices.add(this.current);
    if (this.current) this.current[filter] = value;
  }

  private forId(): string | null {
    return this.host.for || this.host.getAttribute('for');
  }

  private queueResolve(): void {
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => this.resolve());
  }

  private link(feed: FeedTarget | null): void {
    const old = this.current;
    if (old && old !== feed) FEED_EVENTS.forEach((type) => old.removeEventListener(type, this.onFeedEvent));
    if (feed && feed !== old) FEED_EVENTS.forEach((type) => feed.addEventListener(type, this.onFeedEvent));
    this.current = feed;
    this.onLink?.(feed);
    this.host.requestUpdate();
  }
}
