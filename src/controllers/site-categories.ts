import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { siteCategories } from '../data/site-categories.js';
import type { CategoryCount } from '../view/feed-index.js';

/**
 * A WordPress site's own categories beside a feed the server pages (each
 * answer is then one page, whose categories are not the site's). The host
 * updates when they come; `pending` until then, however the read ends.
 */
export class SiteCategories implements ReactiveController {
  /** The site's categories; undefined when it has none to give or is not WordPress. */
  categories?: CategoryCount[];
  pending = false;
  /** The latest read: an older one that ends later is dropped. */
  private reading?: Promise<unknown>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Reads the categories of the site whose posts `postsUrl` lists; undefined forgets them. */
  read(postsUrl: string | undefined, relay?: string): void {
    let reading: ReturnType<typeof siteCategories>;
    try {
      reading = postsUrl ? siteCategories(new URL(postsUrl, document.baseURI).href, relay) : undefined;
    } catch {
      reading = undefined; // Not a URL: the feed's own error says so.
    }
    this.reading = reading;
    this.categories = undefined;
    this.pending = !!reading;
    void reading?.then((categories) => {
      if (this.reading !== reading) return;
      this.categories = categories?.length ? categories : undefined;
      this.pending = false;
      this.host.requestUpdate();
    });
  }
}
