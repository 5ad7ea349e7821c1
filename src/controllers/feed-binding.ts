import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChangeKind, FeedTarget, FilterKey } from '../elements/feed-target.js';

type BoundHost = ReactiveControllerHost & HTMLElement & { for?: string; value: string };

export interface BindingOptions {
  /** The feed's filter the control's `value` stands for. */
  key: () => FilterKey;
  /** A value the control can hold (a day key for the calendar); the feed's other values read as empty. */
  accepts?: (value: string) => boolean;
  /** False while the control only navigates (`href`): it follows the feed but never sets it. */
  drives?: () => boolean;
  /** True while the control's value is still being made (text being typed): it does not drive the feed yet. */
  holding?: () => boolean;
}

const FEED_EVENTS = ['news-load', 'news-change', 'news-error'] as const;

/**
 * Sets a feed's filter through `setFilter`; a `<news-feed>` of an older
 * release on the same page (two copies loaded) has none, and takes the
 * property, as it always did.
 */
function setFilter(feed: FeedTarget, key: FilterKey, value: string, how?: ChangeKind): void {
  if (typeof feed.setFilter === 'function') feed.setFilter(key, value, how);
  else feed[key] = value;
}

const always = () => true;

/**
 * Binds a control's `value` to one filter of a `<news-feed>`: the tabs to
 * `category`, the search to `query`, the calendar to `date` or `month`.
 *
 * Finding the feed: the one whose id is the host's `for`, else the first in
 * the document; it keeps looking as the page changes, so the control may
 * come before the feed, and the feed may be added later or replaced. The
 * host re-renders whenever the feed loads or changes.
 *
 * Who wins: the feed owns the filter. On linking, a feed that already has
 * the filter (from its attribute or the URL) wins; else the control's value
 * is its starting value (`setFilter(key, value, 'start')`). After that a
 * change on the feed's side (Back, another control, page code) becomes the
 * control's value, and a value set on the control drives the feed.
 */
export class FeedBinding implements ReactiveController {
  private current: FeedTarget | null = null;
  private observer?: MutationObserver;
  private queued = false;
  private linkedFor?: string | null;
  // The feed `sync` last agreed with, and the filter value both sides held then.
  private synced: FeedTarget | null = null;
  private seen?: string;
  private readonly onFeedEvent = () => this.host.requestUpdate();

  constructor(
    private readonly host: BoundHost,
    private readonly options: BindingOptions,
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

  /** Looks for the feed again now. */
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

  /** Keeps the host's `value` and the feed's filter in step (see the class); call it from the host's willUpdate. */
  sync(): void {
    // Until the feed's script has run its filters are not there yet: keep
    // ours, and link once it has (a start set on it now would come after its URL).
    const { host, options } = this;
    const key = options.key();
    const feed = this.current?.[key] === undefined ? null : this.current;
    if (feed !== this.synced) {
      this.synced = feed;
      this.seen = undefined;
    }
    if (!feed) return;
    const accepts = options.accepts ?? always;
    const drives = options.drives?.() ?? true;
    const theirs = () => (accepts(feed[key]) ? feed[key] : '');
    let value = theirs();
    if (this.seen === undefined) {
      if (!value && host.value && accepts(host.value) && drives) {
        setFilter(feed, key, host.value, 'start');
        host.value = value = theirs();
      } else if (value || !host.value) host.value = value;
    } else if (value !== this.seen) host.value = value;
    else if (host.value !== value && drives && !options.holding?.() && (!host.value || accepts(host.value))) {
      setFilter(feed, key, (value = host.value));
    }
    this.seen = value;
  }

  /** The reader chose `value` on the control: it becomes the feed's filter. */
  choose(value: string, how: ChangeKind = 'choice'): void {
    this.host.value = this.seen = value;
    if (this.current) setFilter(this.current, this.options.key(), value, how);
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
    // A control placed after the feed starts it at once, before the feed's
    // first update, so its starting value is in the first request and is no change.
    if (this.host.value && (this.options.drives?.() ?? true)) this.sync();
    this.host.requestUpdate();
  }
}
