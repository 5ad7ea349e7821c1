import { expect } from '@open-wc/testing';
import type { NewsItem } from '../../src/feed/types.js';
import { FeedIndex, searchTerms } from '../../src/view/feed-index.js';

const item = (id: string, title: string, categories: string[] = [], published?: string): NewsItem => ({
  id, title, categories, authors: [], published: published ? new Date(published) : undefined,
});

describe('the feed index', () => {
  const items = [
    item('1', 'Hội nghị Đảng ủy phường Hương Trà', ['Đảng, đoàn thể'], '2021-06-21T16:30:00Z'),
    item('2', 'Phường trao quà cho hộ nghèo', ['Kinh tế - Chính trị - Văn hóa - Xã hội'], '2021-06-21T17:30:00Z'),
    item('3', 'Tiêm chủng hóa chất diệt muỗi', ['Thông báo'], '2021-05-02T01:00:00Z'),
    item('4', 'Hoá đơn tiền điện tháng 6', ['Thông báo']),
  ];

  it('builds its word index a slice at a time, and answers the same before it is complete', () => {
    // Items of their own: keys stay with an item once built.
    const index = new FeedIndex(items.map((entry) => ({ ...entry })), 'Asia/Ho_Chi_Minh');
    expect(index.prepareSearch(3)).to.equal(false);
    expect(index.filter({ query: 'hoa' }).map((found) => found.id)).to.deep.equal(['2', '3', '4']);
    expect(index.filter({ query: 'huong tr' }).map((found) => found.id)).to.deep.equal(['1']);
    expect(index.prepareSearch(0)).to.equal(false);
    expect(index.prepareSearch(3)).to.equal(true);
    expect(index.filter({ query: 'hoa' }).map((found) => found.id)).to.deep.equal(['2', '3', '4']);
    expect(index.filter({ query: 'huong tr' }).map((found) => found.id)).to.deep.equal(['1']);
  });

  it('folds an item once, however many indexes hold it (the rest of a big feed read, the next page added)', () => {
    let reads = 0;
    const first = items.map((entry) => {
      const { title, ...rest } = entry;
      return Object.defineProperty({ ...rest }, 'title', { get: () => (reads++, title), enumerable: true }) as NewsItem;
    });
    expect(new FeedIndex(first, 'Asia/Ho_Chi_Minh').prepareSearch()).to.equal(true);
    expect(reads).to.equal(4);
    const more = new FeedIndex([...first, item('5', 'Tin mới về phường')], 'Asia/Ho_Chi_Minh');
    expect(more.prepareSearch()).to.equal(true);
    // Only the new item was folded; the others' keys came with them.
    expect(reads).to.equal(4);
    expect(more.filter({ query: 'moi phuong' }).map((found) => found.id)).to.deep.equal(['5']);
    expect(more.filter({ query: 'phuong' }).map((found) => found.id)).to.deep.equal(['1', '2', '5']);
  });

  it('finds an item once when a term starts several of its words, and in feed order whichever term is rarer', () => {
    const index = new FeedIndex([
      item('a', 'Kế hoạch văn hóa hòa nhập'),
      item('b', 'Hoàng hôn'),
      item('c', 'Hòa giải ở cơ sở, kế hoạch'),
      item('d', 'Trường học'),
    ], 'Asia/Ho_Chi_Minh');
    expect(index.filter({ query: 'hoa' }).map((found) => found.id)).to.deep.equal(['a', 'b', 'c']);
    // "ke" has two items, "hoa" three: the search starts from "ke", the result keeps feed order.
    expect(index.filter({ query: 'hoa ke' }).map((found) => found.id)).to.deep.equal(['a', 'c']);
    expect(index.filter({ query: 'ke hoach' }).map((found) => found.id)).to.deep.equal(['a', 'c']);
    expect(index.filter({ query: 'hoach giai' }).map((found) => found.id)).to.deep.equal(['c']);
    // A word's end, or the middle of a word, is not a word start.
    expect(index.filter({ query: 'oach' }).map((found) => found.id)).to.deep.equal([]);
    expect(index.filter({ query: 'zzz' }).map((found) => found.id)).to.deep.equal([]);
    expect(index.filter({ query: 'truong hoc' }).map((found) => found.id)).to.deep.equal(['d']);
  });

  it('searches ignoring case and marks, at word starts', () => {
    const index = new FeedIndex(items, 'Asia/Ho_Chi_Minh');
    expect(index.filter({ query: 'huong tra' }).map((found) => found.id)).to.deep.equal(['1']);
    expect(index.filter({ query: 'dang' }).map((found) => found.id)).to.deep.equal(['1']);
    expect(index.filter({ query: 'HOA' }).map((found) => found.id)).to.deep.equal(['2', '3', '4']);
  });

  it('filters by category name or slug, and by day and month in its zone', () => {
    const index = new FeedIndex(items, 'Asia/Ho_Chi_Minh');
    expect(index.filter({ category: 'thong-bao' }).map((found) => found.id)).to.deep.equal(['3', '4']);
    expect(index.filter({ category: 'Đảng, đoàn thể' }).map((found) => found.id)).to.deep.equal(['1']);
    expect(index.filter({ date: '2021-06-21' }).map((found) => found.id)).to.deep.equal(['1']);
    expect(index.filter({ date: '2021-06-22' }).map((found) => found.id)).to.deep.equal(['2']);
    expect(index.filter({ month: '2021-05' }).map((found) => found.id)).to.deep.equal(['3']);
    expect(index.filter({ exclude: new Set(['1', '3']) }).map((found) => found.id)).to.deep.equal(['2', '4']);
    // Together: every condition holds.
    expect(index.filter({ category: 'thong-bao', query: 'hoa don' }).map((found) => found.id)).to.deep.equal(['4']);
    expect(index.filter({ category: 'Thông báo', month: '2021-05' }).map((found) => found.id)).to.deep.equal(['3']);
    expect(index.filter({ category: 'thong-bao', exclude: new Set(['4']) }).map((found) => found.id)).to.deep.equal(['3']);
    expect(index.filter({ category: 'khong-co' })).to.deep.equal([]);
    expect([...index.dayCounts()]).to.deep.equal([['2021-06-21', 1], ['2021-06-22', 1], ['2021-05-02', 1]]);
    expect(index.categories().map((category) => [category.slug, category.count])).to.deep.equal([
      ['dang-doan-the', 1], ['kinh-te-chinh-tri-van-hoa-xa-hoi', 1], ['thong-bao', 2],
    ]);
  });

  it('reads a search as a few distinct words: a crafted 400 KB query of one word is one term, and at most 12 are matched', () => {
    const started = performance.now();
    expect(searchTerms('phường '.repeat(60_000))).to.deep.equal(['phuong']);
    expect(performance.now() - started).to.be.below(50);
    const many = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ');
    expect(searchTerms(many)).to.deep.equal(Array.from({ length: 12 }, (_, i) => `w${i}`));
    expect(searchTerms('Hương  Trà hương')).to.deep.equal(['huong', 'tra']);
  });
});
