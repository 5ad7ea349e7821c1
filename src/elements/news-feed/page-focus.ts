import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * After the reader changes the page, focus goes to the first item that
 * came with it (a page of its own, or the first of those "Xem thêm" added),
 * once it is shown: at once for a page in the browser, when it comes for a
 * server's page.
 */
export class PageFocus implements ReactiveController {
  private pending = -1;

  /** `shown` says whether the items asked for are shown yet. */
  constructor(private readonly host: ReactiveElement, private readonly shown: () => boolean) {
    host.addController(this);
  }

  /** Focuses the item at `index` (from 0, over the items shown) once it is shown. */
  request(index: number): void {
    this.pending = index;
  }

  hostUpdated(): void {
    if (this.pending < 0 || !this.shown()) return;
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
