import { expect } from '@open-wc/testing';
import { mergeFeeds, sourceName } from '../../src/feed/merge.js';
import type { NewsItem, ParsedFeed } from '../../src/feed/types.js';

const item = (id: string, date: string | undefined, url?: string): NewsItem =>
  ({ id, title: `Tin ${id}`, url, published: date ? new Date(date) : undefined, authors: [], categories: [] });

const feed = (items: NewsItem[], title?: string): ParsedFeed => ({ items, title });

describe('mergeFeeds', () => {
  it('lists every feed\'s items newest first, each marked with its feed\'s title, else its host', () => {
    const a = feed([item('a1', '2021-04-28T08:00:00Z', 'https://a.vn/1'), item('a2', '2021-04-20T08:00:00Z', 'https://a.vn/2')], 'Phường An Hòa');
    const b = feed([item('b1', '2021-04-25T08:00:00Z', 'https://b.vn/1'), item('b2', '2021-04-29T08:00:00Z', 'https://b.vn/2')]);
    const merged = mergeFeeds([{ url: 'https://a.vn/rss', feed: a }, { url: 'https://xa-b.example.vn:8443/wp-json/wp/v2/posts', feed: b }]);
    expect(merged.items.map((entry) => entry.id)).to.deep.equal(['b2', 'a1', 'b1', 'a2']);
    expect(merged.items.map((entry) => entry.source)).to.deep.equal(['xa-b.example.vn:8443', 'Phường An Hòa', 'xa-b.example.vn:8443', 'Phường An Hòa']);
    // The feeds' own items are not changed: another element may show a feed alone.
    expect(a.items[0].source).to.be.undefined;
  });

  it('shows an item two feeds carry once: the same URL, else the same id; ids alone never match items with URLs', () => {
    const a = feed([item('1', '2021-04-28T08:00:00Z', 'https://tinh.vn/tin/chung'), item('urn:x:7', '2021-04-27T08:00:00Z'), item('123', '2021-04-26T08:00:00Z', 'https://a.vn/?p=123')]);
    const b = feed([item('99', '2021-04-28T08:00:00Z', 'https://tinh.vn/tin/chung'), item('urn:x:7', '2021-04-27T08:00:00Z'), item('123', '2021-04-26T08:00:00Z', 'https://b.vn/?p=123')]);
    const merged = mergeFeeds([{ url: 'https://a.vn/feed', feed: a }, { url: 'https://b.vn/feed', feed: b }]);
    // Two WordPress sites both have a post 123: two items.
    expect(merged.items.map((entry) => `${entry.id} ${entry.source}`)).to.deep.equal(['1 a.vn', 'urn:x:7 a.vn', '123 a.vn', '123 b.vn']);
  });

  it('keeps the order of the feeds, then of each feed, for the same time, and puts undated items last', () => {
    const a = feed([item('a-undated', undefined, 'https://a.vn/u'), item('a1', '2021-04-28T08:00:00Z', 'https://a.vn/1')]);
    const b = feed([item('b1', '2021-04-28T08:00:00Z', 'https://b.vn/1'), item('b-undated', undefined, 'https://b.vn/u')]);
    const merged = mergeFeeds([{ url: 'https://a.vn/feed', feed: a }, { url: 'https://b.vn/feed', feed: b }]);
    expect(merged.items.map((entry) => entry.id)).to.deep.equal(['a1', 'b1', 'a-undated', 'b-undated']);
  });

  it('counts the entries each feed has still to read, and marks each parsed feed\'s items once', () => {
    const a = { ...feed([item('a1', '2021-04-28T08:00:00Z', 'https://a.vn/1')]), unread: { entries: [{}, {}], read: () => undefined } };
    const b = feed([item('b1', '2021-04-27T08:00:00Z', 'https://b.vn/1')]);
    const first = mergeFeeds([{ url: 'https://a.vn/feed', feed: a }, { url: 'https://b.vn/feed', feed: b }]);
    expect(first.unread?.entries.length).to.equal(2);
    const again = mergeFeeds([{ url: 'https://a.vn/feed', feed: a }, { url: 'https://b.vn/feed', feed: b }]);
    // The same objects: the search index keeps what it learnt of them.
    expect(again.items[0]).to.equal(first.items[0]);
    expect(mergeFeeds([{ url: 'https://b.vn/feed', feed: b }]).unread).to.be.undefined;
  });

  it('names a feed by its title, else its host, else the URL as written', () => {
    expect(sourceName('https://a.vn/rss', { items: [], title: 'Xã Bình Điền' })).to.equal('Xã Bình Điền');
    expect(sourceName('https://a.vn/rss')).to.equal('a.vn');
    expect(sourceName('/tin/feed.json')).to.equal(location.host);
    expect(sourceName('http://[bad')).to.equal('http://[bad');
  });
});
