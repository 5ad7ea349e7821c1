import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit, errorDetail, type NewsLoadDetail } from '../../events.js';
import type { NewsItem } from '../../feed/types.js';
import { strings } from '../../i18n/strings.js';
import type { LoadError } from '../../net/load-error.js';
import type { FeedTarget } from '../feed-target.js';
import type { FeedLoader } from './feed-loader.js';

/**
 * `<news-feed>`'s news-error and news-load, each sent once for what it is
 * about: one news-error per failed feed (again when a retry fails; a stale
 * copy shown after a failure too: the webmaster has something to fix), and
 * news-load once the whole feed is read, not when its first page is shown.
 */
export class FeedEvents implements ReactiveController {
  private announcedItems?: NewsItem[];
  private readonly announcedErrors = new WeakSet<LoadError>();

  constructor(private readonly host: ReactiveControllerHost & FeedTarget, private readonly loader: FeedLoader) {
    host.addController(this);
  }

  hostUpdated(): void {
    const { host, loader } = this;
    for (const failure of loader.failures) {
      if (this.announcedErrors.has(failure)) continue;
      this.announcedErrors.add(failure);
      const detail = errorDetail(strings(host.lang).error(failure.info), failure.info);
      // Readers see a short sentence; the webmaster finds the fix here and in the event.
      if (detail.kind === 'cors') console.warn(`<news-feed>: ${detail.message}`);
      emit(host, 'news-error', detail);
    }
    if (loader.settled && loader.listView.shown !== this.announcedItems) {
      this.announcedItems = loader.listView.shown;
      emit<NewsLoadDetail>(host, 'news-load', { items: host.items, total: host.total });
    }
  }
}
