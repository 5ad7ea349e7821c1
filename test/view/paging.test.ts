import { expect } from '@open-wc/testing';
import type { NewsItem } from '../../src/feed/types.js';
import { MAX_PAGE, MORE_AT_ONCE, pageWindow, Paging } from '../../src/view/paging.js';

const NO_FILTERS = { category: '', date: '', month: '', query: '' };
const items = (count: number): NewsItem[] =>
  Array.from({ length: count }, (_, i) => ({ id: String(i + 1), title: `Tin ${i + 1}`, authors: [], categories: [] }));

describe('paging', () => {
  describe('page buttons (pageWindow)', () => {
    it('shows the first, the last and one page either side of the current, with gaps', () => {
      expect(pageWindow(1, 1)).to.deep.equal([1]);
      expect(pageWindow(1, 3)).to.deep.equal([1, 2, 3]);
      expect(pageWindow(5, 9)).to.deep.equal([1, null, 4, 5, 6, null, 9]);
      // A gap of one page shows the page instead of an ellipsis.
      expect(pageWindow(4, 9)).to.deep.equal([1, 2, 3, 4, 5, null, 9]);
      expect(pageWindow(9, 9)).to.deep.equal([1, null, 8, 9]);
    });

    it('takes no longer for a count of 10^12 than for 9: it never walks the page numbers', () => {
      const started = performance.now();
      expect(pageWindow(1, 1e12)).to.deep.equal([1, 2, null, 1e12]);
      expect(pageWindow(5e11, 1e12)).to.deep.equal([1, null, 5e11 - 1, 5e11, 5e11 + 1, null, 1e12]);
      expect(performance.now() - started).to.be.below(50);
    });
  });

  describe('in the browser (no placeholder in src)', () => {
    const paging = new Paging('/feed.json', 4, 'pages');

    it('reads src once, whatever the page and filters', () => {
      expect(paging.byServer).to.equal(false);
      expect(paging.urls(3, { ...NO_FILTERS, category: 'an-ninh' })).to.deep.equal(['/feed.json']);
      expect(paging.applies('category')).to.equal(false);
    });

    it('counts pages of the matching items and those still being read, and keeps the page in range', () => {
      expect(paging.count(10, 0, 1)).to.equal(3);
      expect(paging.count(10, 6, 1)).to.equal(4);
      expect(paging.count(0, 0, 1)).to.equal(1);
      expect(paging.page(1e300, 3)).to.equal(3);
      expect(paging.page(-2, 3)).to.equal(1);
      expect(paging.page(Number.NaN, 3)).to.equal(1);
      expect(paging.total(10, 6, 1)).to.equal(16);
    });

    it('slices the page shown: numbered pages, "Xem thêm" (pages 1 to n) and none', () => {
      expect(paging.slice(items(10), 3).map((item) => item.id)).to.deep.equal(['9', '10']);
      expect(new Paging('/feed.json', 4, 'more').slice(items(10), 2)).to.have.length(8);
      expect(new Paging('/feed.json', 4, 'none').slice(items(10), 3)).to.have.length(4);
    });

    it('takes 10 items per page for a limit that is not a positive number', () => {
      expect(new Paging('/feed.json', Number.NaN, 'pages').size).to.equal(10);
      expect(new Paging('/feed.json', -3, 'pages').size).to.equal(10);
      expect(new Paging('/feed.json', 2.7, 'pages').size).to.equal(2);
    });
  });

  describe('by the server (placeholders in src)', () => {
    const src = '/api/posts?page={page}&per_page={limit}&skip={offset}&cat={category}&q={q}&day={date}&m={month}';

    it('fills every placeholder, URL-encoded, for the page asked for', () => {
      const paging = new Paging(src, 5, 'pages');
      expect(paging.byServer).to.equal(true);
      expect(paging.urls(3, { category: 'an ninh', query: 'huế & hội', date: '2021-04-28', month: '' })).to.deep.equal([
        '/api/posts?page=3&per_page=5&skip=10&cat=an%20ninh&q=hu%E1%BA%BF%20%26%20h%E1%BB%99i&day=2021-04-28&m=',
      ]);
    });

    it('never fills a placeholder with . or .., which would climb a folder of the URL', () => {
      const paging = new Paging('/api/cat/{category}/posts.json?page={page}', 5, 'pages');
      for (const category of ['..', '.', '...']) {
        const [url] = paging.urls(1, { ...NO_FILTERS, category });
        expect(new URL(url, location.href).pathname).to.equal('/api/cat//posts.json');
      }
      expect(paging.urls(1, { ...NO_FILTERS, category: '..x' })).to.deep.equal(['/api/cat/..x/posts.json?page=1']);
    });

    it('says which filters the server applies, and whether a set one narrows its answer', () => {
      const paging = new Paging('/api/posts?page={page}&categories={category}', 5, 'pages');
      expect(paging.applies('category')).to.equal(true);
      expect(paging.applies('query')).to.equal(false);
      expect(paging.narrowed(NO_FILTERS)).to.equal(false);
      expect(paging.narrowed({ ...NO_FILTERS, query: 'x' })).to.equal(false);
      expect(paging.narrowed({ ...NO_FILTERS, category: '7' })).to.equal(true);
    });

    it('reads pages 1 to n for "Xem thêm"', () => {
      const paging = new Paging('/api?page={page}', 5, 'more');
      expect(paging.urls(3, NO_FILTERS)).to.deep.equal(['/api?page=1', '/api?page=2', '/api?page=3']);
    });

    it('caps a crafted page number: one request for ?news-page=1e300, at most MORE_AT_ONCE pages for "Xem thêm"', () => {
      const pages = new Paging('/api?page={page}', 5, 'pages');
      expect(pages.page(1e300, 0)).to.equal(MAX_PAGE);
      expect(pages.urls(pages.page(1e300, 0), NO_FILTERS)).to.have.length(1);
      const more = new Paging('/api?page={page}', 5, 'more');
      expect(more.page(3000, 0, 0)).to.equal(MORE_AT_ONCE);
      expect(more.urls(more.page(3000, 0, 0), NO_FILTERS)).to.have.length(MORE_AT_ONCE);
      // A reader who has read 30 pages may open the 31st, one click at a time.
      expect(more.page(31, 0, 30)).to.equal(31);
      expect(more.page(40, 0, 30)).to.equal(31);
    });

    it('counts pages from what the server says, capped, else one more while the last page was full', () => {
      const paging = new Paging('/api?page={page}', 10, 'pages');
      expect(paging.count(10, 0, 1, { read: 10, totalPages: 7 })).to.equal(7);
      expect(paging.count(10, 0, 1, { read: 10, total: 45 })).to.equal(5);
      expect(paging.count(10, 0, 1, { read: 10, totalPages: 1e12 })).to.equal(MAX_PAGE);
      expect(paging.count(10, 0, 1, { read: 10, total: 1e300 })).to.equal(MAX_PAGE);
      expect(paging.count(10, 0, 4, { read: 10 })).to.equal(5);
      expect(paging.count(6, 0, 4, { read: 6 })).to.equal(4);
    });

    it("totals by the server's count, else by what was read up to this page", () => {
      const paging = new Paging('/api?page={page}', 10, 'pages');
      expect(paging.total(10, 0, 3, { read: 10, total: 95 })).to.equal(95);
      expect(paging.total(4, 0, 3, { read: 4 })).to.equal(24);
      expect(new Paging('/api?page={page}', 10, 'more').total(24, 0, 3, { read: 24 })).to.equal(24);
    });

    it("shows the server's answer as the page", () => {
      const paging = new Paging('/api?page={page}', 5, 'pages');
      expect(paging.slice(items(5), 4)).to.have.length(5);
      expect(new Paging('/api?page={page}', 5, 'none').slice(items(8), 1)).to.have.length(5);
    });
  });
});
