// <news-feed> meeting the feeds and networks of real sites: formats, server-side
// paging and filters, one request per page, the saved copy, actionable errors.
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/news-feed.js';
import '../../src/news-category-tabs.js';
import '../../src/news-date-archive.js';
import type { NewsFeed } from '../../src/news-feed.js';
import type { NewsErrorDetail, NewsLoadDetail } from '../../src/events.js';
import { framePage } from '../frame.js';
import { abortedCount, jsonFeed, makeItems, requestCount, respondUrl, shadowTexts, loadedFixture } from '../helpers.js';

const key = (name: string) => `${name}-${Math.random().toString(36).slice(2)}`;

const loaded = (template: ReturnType<typeof html>) => loadedFixture<NewsFeed>(template);

/** Renders a feed element and waits for its news-error. */
async function failed(template: ReturnType<typeof html>): Promise<{ el: NewsFeed; detail: NewsErrorDetail }> {
  const parent = document.createElement('div');
  document.body.append(parent);
  const error = oneEvent(parent, 'news-error') as Promise<CustomEvent<NewsErrorDetail>>;
  const el = await fixture<NewsFeed>(template, { parentNode: parent });
  const { detail } = await error;
  await el.updateComplete;
  return { el, detail };
}

const titles = (el: NewsFeed) => shadowTexts(el, '[part~="title"]');
const status = (el: NewsFeed) => shadowTexts(el, '[part~="status"]')[0];
const pageButton = (el: NewsFeed, label: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="page"][aria-label="${label}"]`);

/** The query of every request the test server saw under `name`. */
async function requested(name: string): Promise<URLSearchParams[]> {
  const response = await fetch(`/__test/requests?key=${encodeURIComponent(name)}`);
  return ((await response.json()) as { url: string }[]).map((entry) => new URLSearchParams(entry.url));
}

/** A WordPress posts endpoint over 23 posts, paged by the server. */
const wordpress = (name: string, query = 'page={page}&per_page={limit}') => `/__test/wp-posts?key=${name}&total=23&${query}`;

describe('<news-feed> against a crafted page number or page count', () => {
  it('a page of 1e300 (from a shared link) asks the server once, for a capped page, and the tab stays responsive', async () => {
    const name = `huge-page-${Math.random()}`;
    const started = performance.now();
    const el = await fixture<NewsFeed>(html`<news-feed src=${wordpress(name)} page="1e300"></news-feed>`);
    await waitUntil(() => el.status !== 'loading', 'the server answers', { timeout: 5000 });
    expect(performance.now() - started).to.be.below(3000);
    expect(await requestCount(name)).to.equal(1);
    const [request] = await (await fetch(`/__test/requests?key=${encodeURIComponent(name)}`)).json();
    expect(request.url).to.contain('page=10000&');
  });

  it('"Xem thêm" opened at page 3000 asks for at most 10 pages at once', async () => {
    const name = `huge-more-${Math.random()}`;
    const el = await fixture<NewsFeed>(html`<news-feed paging="more" src=${wordpress(name)} page="3000"></news-feed>`);
    await waitUntil(() => el.status !== 'loading', 'the pages answer', { timeout: 5000 });
    await aTimeout(100);
    expect(await requestCount(name)).to.be.at.most(10);
    expect(el.items.length).to.equal(23);
  });
});

describe('<news-feed> reads the feeds sites publish', () => {
  it('shows an RSS feed served in windows-1258 in Vietnamese', async () => {
    const el = await loaded(html`<news-feed src=${respondUrl({ file: 'feeds/rss-windows-1258.xml', type: 'application/rss+xml' })}></news-feed>`);
    expect(titles(el)).to.deep.equal(['Hội nghị tổng kết công tác Đảng năm 2021']);
    expect(shadowTexts(el, '[part~="date"]')).to.deep.equal(['21/06/2021']);
  });

  it('shows WordPress posts with their featured image, its text alternative and category names', async () => {
    const el = await loaded(html`<news-feed src=${respondUrl({ file: 'feeds/wordpress-posts.json' })}></news-feed>`);
    expect(titles(el)[0]).to.equal('Hội nghị sơ kết 6 tháng “đầu năm” – Đảng ủy & UBND phường');
    const image = el.shadowRoot!.querySelector<HTMLImageElement>('[part~="image"]')!;
    expect(image.getAttribute('src')).to.contain('hoi-nghi-so-ket-768x512.jpg');
    expect(image.alt).to.equal('Quang cảnh hội nghị');
    expect(shadowTexts(el, '[part~="category"]')[0]).to.equal('Tin tức & Sự kiện, Đảng, đoàn thể');
    await expect(el).to.be.accessible();
  });

  it('reads any JSON through the map attribute', async () => {
    const map = JSON.stringify({ items: 'data.posts', id: 'postId', title: 'tieuDe', url: 'duongDan', date: 'ngayDang', dateFormat: 'dd/MM/yyyy HH:mm', category: 'chuyenMuc.ten' });
    const el = await loaded(html`<news-feed src=${respondUrl({ file: 'feeds/custom-portal.json' })} map=${map}></news-feed>`);
    expect(titles(el)).to.deep.equal(['Phường Thanh Bình đạt chuẩn văn minh đô thị', 'Lịch cắt điện ngày 22/6']);
    expect(shadowTexts(el, '[part~="date"]')).to.deep.equal(['21/06/2021', '20/06/2021']);
    expect(el.categories.map((category) => category.name)).to.deep.equal(['Tin tức - Sự kiện', 'Văn hóa - Xã hội', 'Thông báo']);
    // The javascript: link of the second item is not a link.
    expect(el.shadowRoot!.querySelectorAll('a[part~="link"]')).to.have.length(1);
  });

  it('takes map as an object property too, and reloads when it changes', async () => {
    const el = await loaded(html`<news-feed src=${respondUrl({ file: 'feeds/custom-portal.json' })} .map=${{ items: 'data.posts', title: 'tieuDe' }}></news-feed>`);
    expect(titles(el)[1]).to.equal('Lịch cắt điện ngày 22/6');
    const load = oneEvent(el, 'news-load');
    el.map = { items: 'data.posts', title: 'duongDan' };
    await load;
    expect(titles(el)[0]).to.equal('/tin-tuc/chi-tiet/9001');
  });

  it('says so when map is not JSON', async () => {
    const { el, detail } = await failed(html`<news-feed src=${respondUrl({ file: 'feeds/custom-portal.json' })} map="{items: data.posts}"></news-feed>`);
    expect(detail.kind).to.equal('parse');
    expect(status(el)).to.equal('Thuộc tính map không phải JSON hợp lệ.');
  });

  it('shows the first page of a big feed before the rest is read, and announces the whole feed', async () => {
    const el = await fixture<NewsFeed>(html`<news-feed src=${'/__test/wp-posts?total=2000&per_page=2000'}></news-feed>`);
    const load = oneEvent(el, 'news-load') as Promise<CustomEvent<NewsLoadDetail>>;
    let announced = false;
    el.addEventListener('news-load', () => (announced = true));
    // The moment the first items are in the page: the rest is read in later tasks.
    let atFirstPage: { titles: number; total: number; status: string; announced: boolean } | undefined;
    const observer = new MutationObserver(() => {
      if (!atFirstPage && titles(el).length) atFirstPage = { titles: titles(el).length, total: el.total, status: el.status, announced };
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    await waitUntil(() => atFirstPage, 'the first page shows');
    observer.disconnect();
    // Counted ahead while the rest is read, so the pages do not jump.
    expect(atFirstPage).to.deep.equal({ titles: 10, total: 2000, status: 'loading', announced: false });
    const { detail } = await load;
    expect(detail.total).to.equal(2000);
    expect(el.dayCounts.size).to.equal(2000);
    expect(pageButton(el, 'Trang 200')).to.exist;
  });

  it('follows next_url and pages through the whole feed', async () => {
    const el = await loaded(html`<news-feed src="/test/fixtures/feeds/jsonfeed-1.1.json" limit="2"></news-feed>`);
    await waitUntil(() => el.total === 3, 'the second page is read');
    expect(pageButton(el, 'Trang 2')).to.exist;
  });
});

describe('<news-feed> with paging and filters handed to the server', () => {
  it('asks the server for each page, and pages by its X-WP-Total', async () => {
    const name = key('server-pages');
    const el = await loaded(html`<news-feed src=${wordpress(name)}></news-feed>`);
    expect(titles(el)).to.have.length(10);
    expect(titles(el)[0]).to.equal('Bài số 1 – Tin tức');
    expect(el.total).to.equal(23);
    expect(shadowTexts(el, '[part~="page"]')).to.deep.equal(['1', '2', '3', '›']);
    const load = oneEvent(el, 'news-load') as Promise<CustomEvent<NewsLoadDetail>>;
    pageButton(el, 'Trang 3')!.click();
    const { detail } = await load;
    expect(detail.items.map((item) => item.title)).to.deep.equal(['Bài số 21 – Tin tức', 'Bài số 22 – Thông báo', 'Bài số 23 – Tin tức']);
    expect(detail.total).to.equal(23);
    expect((await requested(name)).map((query) => [query.get('page'), query.get('per_page')])).to.deep.equal([['1', '10'], ['3', '10']]);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('Bài số 21 – Tin tức');
  });

  it('shows a page past the end as an empty page, not an error', async () => {
    const el = await loaded(html`<news-feed src=${wordpress(key('past-end'))} page="5"></news-feed>`);
    expect(el.status).to.equal('empty');
    expect(status(el)).to.equal('Không có tin nào');
    expect(el.items).to.deep.equal([]);
  });

  it('keeps the page buttons when a later server page fails, so the reader can go back', async () => {
    const pageFailsKey = key('page-fails');
    const src = `${respondUrl({ key: pageFailsKey, body: [jsonFeed(makeItems(10)), 'Gone'], status: [200, 410] })}&page={page}`;
    const el = await loaded(html`<news-feed src=${src}></news-feed>`);
    const error = oneEvent(el, 'news-error') as Promise<CustomEvent<NewsErrorDetail>>;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[aria-label="Trang sau"]')!.click();
    expect((await error).detail.status).to.equal(410);
    await el.updateComplete;
    expect(el.status).to.equal('error');
    expect(el.shadowRoot!.querySelectorAll('[part~="retry"]')).to.have.length(1);
    const back = el.shadowRoot!.querySelector<HTMLButtonElement>('[aria-label="Trang trước"]')!;
    back.click();
    await el.updateComplete;
    // Page 1 again, from the answer already read: no new request.
    expect([el.page, el.status, el.items.length]).to.deep.equal([1, 'ready', 10]);
    expect(await requestCount(pageFailsKey)).to.equal(2);
  });

  it('reports a 400 or 404 for the first page as the error it is: a wrong src, not an empty feed', async () => {
    for (const paging of ['pages', 'more']) {
      // WordPress with its REST API turned off, or a typo in the address.
      const src = `${respondUrl({ status: 404, body: '{"code":"rest_no_route"}' })}&p=${paging}&page={page}`;
      const { el, detail } = await failed(html`<news-feed src=${src} paging=${paging}></news-feed>`);
      expect([el.status, detail.kind, detail.status], paging).to.deep.equal(['error', 'http', 404]);
      expect(status(el)).to.contain('404');
    }
  });

  it('"Xem thêm" asks for the next page only', async () => {
    const name = key('server-more');
    const el = await loaded(html`<news-feed src=${wordpress(name)} paging="more"></news-feed>`);
    const load = oneEvent(el, 'news-load');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="more"]')!.click();
    await load;
    await el.updateComplete;
    expect(titles(el)).to.have.length(20);
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('Bài số 11 – Tin tức');
    expect((await requested(name)).map((query) => query.get('page'))).to.deep.equal(['1', '2']);
    const last = oneEvent(el, 'news-load');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="more"]')!.click();
    await last;
    await el.updateComplete;
    expect(titles(el)).to.have.length(23);
    expect(el.shadowRoot!.querySelector('[part~="more"]')).to.equal(null);
  });

  it('hands category and search to the server, and does not filter again in the browser', async () => {
    const name = key('server-filters');
    const el = await loaded(html`<news-feed src=${wordpress(name, 'page={page}&per_page={limit}&categories={category}&search={q}')}></news-feed>`);
    // "2" is the category's id on the server; no item is named "2".
    let load = oneEvent(el, 'news-load');
    el.category = '2';
    await load;
    expect(el.total).to.equal(11);
    expect(el.items.every((item) => item.categories[0] === 'Thông báo')).to.equal(true);
    load = oneEvent(el, 'news-load');
    el.query = 'số 1';
    await load;
    const last = (await requested(name)).pop()!;
    expect([last.get('categories'), last.get('search'), last.get('page')]).to.deep.equal(['2', 'số 1', '1']);
    expect(el.items.map((item) => item.title)).to.deep.equal(['Bài số 10 – Thông báo', 'Bài số 12 – Thông báo', 'Bài số 14 – Thông báo', 'Bài số 16 – Thông báo', 'Bài số 18 – Thông báo']);
  });

  it('hands the server a category id a script sets as a number, and no day for text that is not one', async () => {
    const name = key('server-values');
    const el = await loaded(html`<news-feed src=${wordpress(name, 'page={page}&per_page={limit}&categories={category}&day={date}')}></news-feed>`);
    expect(el.total).to.equal(23);
    const load = oneEvent(el, 'news-load');
    el.category = 2 as unknown as string;
    el.date = '29/06/2021';
    await load;
    expect(el.total).to.equal(11);
    const last = (await requested(name)).pop()!;
    expect([last.get('categories'), last.get('day')]).to.deep.equal(['2', '']);
  });

  it("keeps the unfiltered feed's categories and days for the tabs and calendar while the server filters", async () => {
    const tags = ['Nội chính', 'An ninh', 'Thông báo'];
    const all = makeItems(9, (i) => ({ tags: [tags[i % 3]] }));
    const bodies = [all, all.filter((_, i) => tags[i % 3] === 'An ninh'), all.filter((item) => item.date_published.startsWith('2021-06-29'))];
    const src = `${respondUrl({ body: bodies.map((items) => jsonFeed(items)), key: key('server-facets') })}&cat={category}&day={date}`;
    const root = await fixture<HTMLElement>(html`<div>
      <news-category-tabs></news-category-tabs><news-date-archive></news-date-archive>
      <news-feed src=${src}></news-feed></div>`);
    const el = root.querySelector('news-feed')!;
    const tabs = root.querySelector('news-category-tabs')!;
    const archive = root.querySelector('news-date-archive')!;
    await waitUntil(() => el.status === 'ready', 'the unfiltered feed loads');
    const days = [...el.dayCounts];
    expect(days).to.have.length(9);

    let load = oneEvent(el, 'news-load');
    el.category = 'an-ninh';
    await load;
    await tabs.updateComplete;
    expect(el.items).to.have.length(3);
    expect(el.categories.map((entry) => entry.name)).to.deep.equal(tags);
    expect(shadowTexts(tabs, '[role="tab"]')).to.deep.equal(['Tất cả', ...tags]);
    expect(shadowTexts(tabs, '[aria-selected="true"]')).to.deep.equal(['An ninh']);
    expect([...el.dayCounts]).to.deep.equal(days);

    load = oneEvent(el, 'news-load');
    el.category = '';
    el.date = '2021-06-29';
    await load;
    await archive.updateComplete;
    expect(el.items.map((item) => item.id)).to.deep.equal(['item-2']);
    expect([...el.dayCounts]).to.deep.equal(days);
    // Every day with news stays a day to choose, not only the one shown.
    const newsDays = archive.shadowRoot!.querySelectorAll('[part~="has-news"]');
    expect(newsDays).to.have.length(9);
  });

  it('keeps a copy of the unfiltered first page only, not of every page and search', async () => {
    const name = key('server-kept');
    const el = await loaded(html`<news-feed src=${wordpress(name, 'page={page}&per_page={limit}&search={q}')}></news-feed>`);
    const load = oneEvent(el, 'news-load');
    el.query = 'số 2';
    await load;
    const next = oneEvent(el, 'news-load');
    el.page = 2;
    await next;
    const kept = () => Object.keys(localStorage).filter((entry) => entry.startsWith('news-widgets:') && entry.includes(name));
    await waitUntil(() => kept().length, 'the first page is kept', { timeout: 4000 });
    // Idle callbacks run in turn: once this one has run, any other copy would be written.
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 }));
    expect(kept()).to.have.length(1);
    expect(kept()[0]).to.contain('page=1&').and.contain('search=');
    expect(kept()[0]).to.not.contain('search=s');
  });

  it('keeps no copy of an answer the server filtered, paged or not', async () => {
    const name = key('server-filter-kept');
    const el = await loaded(html`<news-feed src=${`${respondUrl({ body: jsonFeed(makeItems(3)) })}&k=${name}&cat={category}`}></news-feed>`);
    const load = oneEvent(el, 'news-load');
    el.category = 'thong-bao';
    await load;
    const kept = () => Object.keys(localStorage).filter((entry) => entry.startsWith('news-widgets:') && entry.includes(name));
    await waitUntil(() => kept().length, 'the unfiltered feed is kept', { timeout: 4000 });
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 }));
    expect(kept()).to.have.length(1);
    expect(kept()[0]).to.contain('cat="');
  });

  it('without a count from the server, offers a next page while the pages come full', async () => {
    const el = await loaded(html`<news-feed src=${wordpress(key('no-totals'), 'page={page}&per_page={limit}&noTotals')}></news-feed>`);
    expect(shadowTexts(el, '[part~="page"]')).to.deep.equal(['1', '2', '›']);
    const load = oneEvent(el, 'news-load');
    el.page = 3;
    await load;
    await el.updateComplete;
    expect(titles(el)).to.have.length(3);
    expect(pageButton(el, 'Trang sau')).to.equal(null);
  });

  it('is loading while the server\'s next page is on its way, with the last page still shown', async () => {
    const el = await loaded(html`<news-feed src=${wordpress(key('pending-page'), 'page={page}&per_page={limit}&delay=600&delayPage=2')}></news-feed>`);
    expect(el.status).to.equal('ready');
    const load = oneEvent(el, 'news-load');
    el.page = 2;
    await el.updateComplete;
    expect(el.status).to.equal('loading');
    expect(titles(el)).to.have.length(10);
    expect(el.shadowRoot!.querySelector('.feed')!.getAttribute('aria-busy')).to.equal('true');
    await load;
    expect(el.status).to.equal('ready');
    expect(titles(el)[0]).to.equal('Bài số 11 – Tin tức');
  });

  it('keeps the pages "Xem thêm" read when the next one fails, with the error and a retry beside them', async () => {
    const name = key('more-fails');
    const src = `${respondUrl({ key: name, status: [200, 503], body: jsonFeed(makeItems(5)), headers: { 'X-Total-Count': '15' } })}&p={page}`;
    const el = await loaded(html`<news-feed paging="more" limit="5" src=${src}></news-feed>`);
    expect(titles(el)).to.have.length(5);
    const failed = oneEvent(el, 'news-error') as Promise<CustomEvent<NewsErrorDetail>>;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="more"]')!.click();
    const { detail } = await failed;
    await el.updateComplete;
    expect(detail.status).to.equal(503);
    expect(titles(el)).to.have.length(5);
    expect(status(el)).to.equal(detail.message);
    expect(el.shadowRoot!.querySelector('[part~="status"]')!.className).to.contain('error');
    expect(el.shadowRoot!.querySelector('[part~="retry"]')!.textContent!.trim()).to.equal('Thử lại');
    await expect(el).to.be.accessible();
  });

  it('aborts the request for a page left before it came, and its late answer never shows', async () => {
    const name = key('late-page');
    const el = await loaded(html`<news-feed src=${wordpress(name, 'page={page}&per_page={limit}&delay=800&delayPage=2')}></news-feed>`);
    el.page = 2;
    await el.updateComplete;
    await aTimeout(100);
    const load = oneEvent(el, 'news-load');
    el.page = 3;
    await load;
    await aTimeout(900);
    expect(titles(el)[0]).to.equal('Bài số 21 – Tin tức');
    expect(await abortedCount(name)).to.equal(1);
  });
});

describe('<news-feed> one store per page', () => {
  it('elements bound to the same feed share one request', async () => {
    const name = key('shared');
    const src = respondUrl({ body: jsonFeed(makeItems(12)), key: name, delay: 100 });
    const page = await fixture(html`<div>
      <news-feed src=${src}></news-feed>
      <news-feed src=${src} layout="compact" limit="5"></news-feed>
    </div>`);
    const [list, box] = page.querySelectorAll<NewsFeed>('news-feed');
    await waitUntil(() => list.status === 'ready' && box.status === 'ready', 'both render');
    expect(titles(list)).to.have.length(10);
    expect(titles(box)).to.have.length(5);
    expect(await requestCount(name)).to.equal(1);
    // Reloading one reloads the feed for both, with one request.
    const load = oneEvent(box, 'news-load');
    list.reload();
    await load;
    expect(await requestCount(name)).to.equal(2);
  });
});

describe('<news-feed> keeps the last good result for the next visit', () => {
  const feedPage = (src: string) => framePage(`<news-feed src="${src}"></news-feed>`, "import '/src/news-feed.ts';");
  const frameFeed = (frame: HTMLIFrameElement) => frame.contentDocument!.querySelector('news-feed') as NewsFeed;
  const storedCopy = (name: string) => Object.keys(localStorage).some((entry) => entry.startsWith('news-widgets:') && entry.includes(name));

  /** A first visit that reads the feed and keeps a copy. */
  async function firstVisit(src: string, name: string) {
    const frame = await feedPage(src);
    await waitUntil(() => frameFeed(frame).status === 'ready', 'the first visit shows the feed');
    await waitUntil(() => storedCopy(name), 'a copy is kept', { timeout: 4000 });
    frame.remove();
  }

  it('shows the saved copy at once while it asks again, then the fresh feed', async () => {
    const name = key('revalidate');
    const src = respondUrl({ key: name, delay: 800, body: [jsonFeed(makeItems(3, (i) => ({ title: `Tin cũ ${i + 1}` }))), jsonFeed(makeItems(3, (i) => ({ title: `Tin mới ${i + 1}` })))] });
    await firstVisit(src, name);
    const frame = await feedPage(src);
    const el = frameFeed(frame);
    await el.updateComplete;
    expect(el.status).to.equal('ready');
    expect(titles(el)[0]).to.equal('Tin cũ 1');
    await waitUntil(() => titles(el)[0] === 'Tin mới 1', 'the fresh feed replaces the copy', { timeout: 4000 });
    expect(status(el)).to.equal('');
    frame.remove();
  });

  it('when the feed fails, shows the saved copy marked as possibly out of date, and reports the failure', async () => {
    const name = key('stale');
    const src = respondUrl({ key: name, status: [200, 503], body: jsonFeed(makeItems(3)) });
    await firstVisit(src, name);
    const frame = await feedPage(src);
    const el = frameFeed(frame);
    const error = oneEvent(el, 'news-error') as Promise<CustomEvent<NewsErrorDetail>>;
    const { detail } = await error;
    await el.updateComplete;
    expect(detail).to.deep.include({ kind: 'http', status: 503 });
    expect(el.status).to.equal('ready');
    expect(titles(el)).to.deep.equal(['Tin số 1', 'Tin số 2', 'Tin số 3']);
    const notice = el.shadowRoot!.querySelector<HTMLElement>('[part~="status"]')!;
    expect(notice.textContent!.trim()).to.equal('Không tải được tin mới; đang hiện bản đã lưu, có thể đã cũ.');
    expect(notice.getBoundingClientRect().height).to.be.greaterThan(10);
    frame.remove();
  });
});

describe('<news-feed> errors a webmaster can act on', () => {
  it('names a CORS refusal, the header to add and the relay in news-error; readers get one short sentence', async () => {
    const url = new URL(respondUrl({ body: jsonFeed(makeItems(1)) }), location.href);
    url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const { el, detail } = await failed(html`<news-feed src=${url.href}></news-feed>`);
    expect(detail.kind).to.equal('cors');
    expect(detail.message).to.contain('không cho phép trang này đọc').and.contain('Access-Control-Allow-Origin').and.contain('relay');
    expect(status(el)).to.equal('Không đọc được nguồn tin này từ trang hiện tại.');
  });

  it('says it got a web page where a feed should be', async () => {
    const page = '<!DOCTYPE html><html><head><title>Tin tức</title></head><body><h1>Tin tức</h1></body></html>';
    const { el, detail } = await failed(html`<news-feed lang="en" src=${respondUrl({ body: page, type: 'text/html' })}></news-feed>`);
    expect(detail.kind).to.equal('format');
    expect(status(el)).to.contain('is not valid RSS/Atom').and.contain('(got HTML)');
  });

  it('says on which line the JSON is broken, and which format it tried', async () => {
    const { el } = await failed(html`<news-feed format="jsonfeed" src=${respondUrl({ body: '{\n "items": [\n  {"id": 1,}\n ]\n}' })}></news-feed>`);
    expect(status(el)).to.contain('không đọc được như JSON Feed (lỗi ở dòng 3)');
  });

  it('names the HTTP status, the URL and what to check', async () => {
    const src = respondUrl({ status: 403, body: 'Forbidden', type: 'text/plain' });
    const { el, detail } = await failed(html`<news-feed src=${src}></news-feed>`);
    expect(detail).to.deep.include({ kind: 'http', status: 403 });
    expect(status(el)).to.contain('lỗi HTTP 403: nguồn tin không cho đọc công khai').and.contain(new URL(src, location.href).href.slice(0, 60));
  });

  it('says which field is missing in a WordPress answer', async () => {
    const body = JSON.stringify({ code: 'rest_no_route', message: 'No route', data: { status: 404 } });
    const { el } = await failed(html`<news-feed format="wordpress" src=${respondUrl({ body })}></news-feed>`);
    expect(status(el)).to.equal(`Nguồn tin ${new URL(respondUrl({ body }), location.href).href.slice(0, 117)}… không đúng định dạng WordPress REST: không có trường title.rendered (nhận được rest_no_route).`);
  });
});
