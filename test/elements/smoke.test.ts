import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/news-feed.js';
import type { NewsFeed } from '../../src/news-feed.js';

describe('smoke', () => {
  it('loads the fixture feed', async () => {
    const el = await fixture<NewsFeed>(html`<news-feed src="/test/fixtures/ward-feed.json"></news-feed>`);
    await oneEvent(el, 'news-load');
    expect(el.status).to.equal('ready');
    expect(el.items.length).to.equal(5);
  });
});
