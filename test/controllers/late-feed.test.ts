// The controls' script runs before the feed's (two script tags, or the feed
// imported later by an app): the controls wait for the feed to be defined,
// and their starting values are still the feed's set-up, not a reader's
// choice. This file must not import news-feed.js before the test does.
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/news-category-tabs.js';
import '../../src/news-search.js';
import '../../src/news-date-archive.js';
import type { NewsFeed } from '../../src/news-feed.js';

const BASE = location.pathname + location.search;

describe('controls whose script runs before the feed is defined', () => {
  afterEach(() => history.replaceState(null, '', BASE));

  it('start the feed with their values: no history entry, and a shared link still wins', async () => {
    // A shared link that names the category (all of them) and the month.
    const shared = `${BASE}${location.search ? '&' : '?'}news-category=&news-month=2021-03`;
    history.replaceState(null, '', shared);
    const length = history.length;
    const root = await fixture<HTMLElement>(html`<div>
      <news-category-tabs value="an-ninh"></news-category-tabs>
      <news-search value="huong tra"></news-search>
      <news-date-archive view="months" value="2021-04"></news-date-archive>
      <news-feed sync-url src="/test/fixtures/ward-feed.json"></news-feed></div>`);
    expect(customElements.get('news-feed')).to.equal(undefined);
    await aTimeout(50);
    await import('../../src/news-feed.js');
    const feed = root.querySelector<NewsFeed>('news-feed')!;
    await waitUntil(() => feed.status === 'ready' || feed.status === 'empty', 'the feed loads');
    await aTimeout(50);
    expect([feed.category, feed.query, feed.month]).to.deep.equal(['', 'huong tra', '2021-03']);
    expect(location.pathname + location.search).to.equal(shared);
    expect(history.length).to.equal(length);
  });
});
