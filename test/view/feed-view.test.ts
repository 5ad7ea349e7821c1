import { expect } from '@open-wc/testing';
import type { NewsItem, ParsedFeed } from '../../src/feed/types.js';
import { FeedView } from '../../src/view/feed-view.js';
import { Paging } from '../../src/view/paging.js';

const item = (n: number, category: string): NewsItem =>
  ({ id: `tin-${n}`, title: `Tin ${n}`, published: new Date(Date.UTC(2021, 3, 30 - n, 3)), authors: [], categories: [category] });
const feedOf = (count: number, extra: Partial<ParsedFeed> = {}): ParsedFeed =>
  ({ items: Array.from({ length: count }, (_, i) => item(i + 1, i % 2 ? 'An ninh' : 'Nội chính')), ...extra });
const ids = (view: FeedView) => view.shown.map((entry) => entry.id);

describe('FeedView', () => {
  it('shows the page asked for, brought into range, and counts pages and items', () => {
    const view = new FeedView();
    view.paging = new Paging('/feed.json', 4, 'pages');
    const feed = feedOf(10);
    expect(view.take(feed, 'UTC', false)).to.be.true;
    expect(view.take(feed, 'UTC', false), 'the same answer again').to.be.false;
    view.match({});
    view.show(2);
    expect(ids(view)).to.deep.equal(['tin-5', 'tin-6', 'tin-7', 'tin-8']);
    expect([view.pageCount(2), view.total(2), view.matches]).to.deep.equal([3, 10, 10]);
    // Past the end: the last page.
    view.show(9);
    expect(view.page(9)).to.equal(3);
    expect(ids(view)).to.deep.equal(['tin-9', 'tin-10']);
    view.match({ category: 'an ninh' });
    view.show(1);
    expect([view.matches, view.pageCount(1)]).to.deep.equal([5, 2]);
  });

  it('counts the entries a big feed still has to read, and is reading until they are in', () => {
    const view = new FeedView();
    view.paging = new Paging('/feed.json', 4, 'pages');
    view.take(feedOf(4, { unread: { entries: [{}, {}, {}, {}, {}], read: () => undefined } }), 'UTC', false);
    view.match({});
    expect([view.reading, view.total(1), view.pageCount(1)]).to.deep.equal([true, 9, 3]);
  });

  it("keeps the categories and days of the last answer a server filter did not narrow; forgets them with the feed", () => {
    const view = new FeedView();
    view.paging = new Paging('/posts?page={page}&categories={category}', 4, 'pages');
    view.take(feedOf(6), 'UTC', false);
    view.take({ items: [item(1, 'Nội chính')] }, 'UTC', true);
    expect(view.categories().map(({ name, count }) => `${name} ${count}`)).to.deep.equal(['Nội chính 3', 'An ninh 3']);
    expect(view.dayCounts().size).to.equal(6);
    view.forget();
    expect(view.index).to.be.undefined;
    expect(view.categories()).to.deep.equal([]);
  });
});
