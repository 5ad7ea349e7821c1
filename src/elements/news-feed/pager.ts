import { nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import type { Strings } from '../../i18n/strings.js';
import type { PagingMode } from '../../view/paging.js';
import { landmarkName, pagedFeeds } from '../landmark-name.js';
import type { FeedLoader } from './feed-loader.js';
import { renderMore, renderPageNav } from './templates.js';

/** The settings of `<news-feed>` its page controls read. */
export interface PagerHost extends ReactiveElement {
  page: number;
  paging: PagingMode;
  lang: string;
}

/**
 * `<news-feed>`'s page controls (numbered pages or "Xem thêm") and where
 * focus goes after the reader changes the page: to the first item that came
 * with it (a page of its own, or the first of those "Xem thêm" added), once
 * it is shown: at once for a page in the browser, when it comes for a
 * server's page.
 */
export class FeedPager implements ReactiveController {
  /** The item to focus once shown (from 0, over the items shown), or -1. */
  private pending = -1;

  constructor(private readonly host: PagerHost, private readonly loader: FeedLoader) {
    host.addController(this);
  }

  /** The page buttons or the "Xem thêm" button, or nothing when there is one page. */
  render(t: Strings): TemplateResult | typeof nothing {
    const { host, loader } = this;
    const count = loader.listView.pageCount(host.page);
    const page = loader.page;
    if (host.paging === 'more') return page < count ? renderMore(t, host.lang, () => this.goTo(page + 1)) : nothing;
    if (host.paging !== 'pages' || count < 2) return nothing;
    return renderPageNav(t, host.lang, page, count, this.goTo, landmarkName(t.pagination, host, pagedFeeds(host), (feed) => feed));
  }

  private readonly goTo = (page: number): void => {
    // The page shown already: nothing changes, so nothing is to be focused.
    if (page === this.loader.page) return;
    this.host.page = page;
    this.pending = this.host.paging === 'more' ? (page - 1) * this.loader.listView.paging.size : 0;
  };

  hostUpdated(): void {
    // A server's page is shown once its answer has come.
    if (this.pending < 0 || (this.loader.listView.paging.byServer && this.loader.requests.loading)) return;
    // Unless the reader has moved on while the page came (to the search field, say):
    // focus is still in here, or fell to the body with the button it was on.
    const active = document.activeElement;
    if ((this.host.renderRoot as ShadowRoot).activeElement || !active || active === document.body) this.focus(this.pending);
    this.pending = -1;
  }

  private focus(index: number): void {
    const item = this.host.renderRoot.querySelectorAll<HTMLElement>('[part~="item"]')[index];
    if (!item) return;
    const target = item.querySelector<HTMLElement>('a[part~="link"]') ?? item;
    // An item without a link can take focus only when given a tabindex.
    if (target === item) item.tabIndex = -1;
    target.focus();
  }
}
