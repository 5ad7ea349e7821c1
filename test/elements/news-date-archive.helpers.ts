/** Shared set-up of the <news-date-archive> test files. */
import { fixture, html, oneEvent } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { NewsFeed } from '../../src/news-feed.js';
import type { NewsDateArchive } from '../../src/news-date-archive.js';
import { jsonFeed, respondUrl } from '../helpers.js';

/**
 * Renders the given calendar(s) before a `<news-feed>` of `items` in one
 * container, and waits until the feed has loaded and the calendars drew it.
 */
export async function archiveBesideFeed(archive: TemplateResult, items: Record<string, unknown>[]) {
  const root = await fixture<HTMLDivElement>(html`<div>
    ${archive}
    <news-feed src=${respondUrl({ body: jsonFeed(items) })}></news-feed>
  </div>`);
  const archives = [...root.querySelectorAll<NewsDateArchive>('news-date-archive')];
  const feed = root.querySelector<NewsFeed>('news-feed')!;
  if (feed.status === 'loading') await oneEvent(feed, 'news-load');
  await Promise.all(archives.map((archive) => archive.updateComplete));
  return { root, el: archives[0], archives, feed };
}
