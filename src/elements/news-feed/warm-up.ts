/**
 * Work done ahead while the browser is idle, so that neither the first page
 * nor the first search of a big feed waits for it.
 */
import { render } from 'lit';
import { cancelIdle, requestIdle } from '../../idle.js';
import type { NewsItem } from '../../feed/types.js';
import type { Strings } from '../../i18n/strings.js';
import type { FeedIndex } from '../../view/feed-index.js';
import { renderFeed, renderPageNav, type ItemLook } from './templates.js';

/** Idle work: at most this long a wait for an idle moment; this delay without requestIdleCallback. */
const IDLE_TIMEOUT = 2000;
const IDLE_FALLBACK = 50;
/** Items put in the search index per idle slice (their keys folded first where need be): a slice never holds up a frame for long. */
const SEARCH_SLICE = 500;
/** Another slice starts only with this many ms of the idle moment left. */
const SLICE_ROOM = 10;

/**
 * A made-up item, rendered off the page once while the first feed is on its
 * way: Lit prepares a template the first time it renders it, so the real
 * first page then only clones the prepared templates.
 */
const SAMPLE_ITEM: NewsItem = {
  id: 'sample',
  title: 'sample',
  url: 'https://example.invalid/',
  summary: 'sample',
  image: 'https://example.invalid/',
  published: new Date(0),
  authors: [],
  categories: ['sample'],
};
let templatesPrepared = false;

/** See SAMPLE_ITEM. Once per page, while the browser is idle. */
export function prepareTemplates(look: ItemLook, t: Strings): void {
  if (templatesPrepared) return;
  templatesPrepared = true;
  requestIdle(() => {
    // Into an inert document, where the sample's link and image load nothing.
    const inert = document.implementation.createHTMLDocument('');
    // Page 5 of 9: every kind of page button, and a gap.
    const nav = renderPageNav(t, look.lang, 5, 9, () => {});
    render(renderFeed([SAMPLE_ITEM], look, false, nav), inert.body, { creationScope: inert });
  }, IDLE_TIMEOUT, IDLE_FALLBACK);
}

/** Builds an index's search keys a slice at a time while the browser is idle, never before the first page. */
export class SearchPreparation {
  private handle?: number;

  /** `index` is asked at each slice, so a newer index that came meanwhile is the one prepared. */
  schedule(index: () => FeedIndex | undefined): void {
    // prepareSearch(0) only says whether the index is complete: most updates find it so.
    if (this.handle !== undefined || index()?.prepareSearch(0) !== false) return;
    this.handle = requestIdle((deadline) => {
      this.handle = undefined;
      // Slices while the idle moment has room for another (one without requestIdleCallback).
      let done: boolean;
      do done = index()?.prepareSearch(SEARCH_SLICE) !== false;
      while (!done && (deadline?.timeRemaining() ?? 0) > SLICE_ROOM);
      if (!done) this.schedule(index);
    }, IDLE_TIMEOUT, IDLE_FALLBACK);
  }

  cancel(): void {
    if (this.handle !== undefined) cancelIdle(this.handle);
    this.handle = undefined;
  }
}
