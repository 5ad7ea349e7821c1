import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/news-feed.js';
import '../../src/news-category-tabs.js';
import '../../src/news-search.js';
import type { NewsFeed } from '../../src/news-feed.js';
import type { NewsErrorDetail } from '../../src/events.js';
import { jsonFeed, loadedFixture, requestCount, respondUrl, shadowTexts } from '../helpers.js';

const loaded = (template: ReturnType<typeof html>) => loadedFixture<NewsFeed>(template);
const part = (el: Element, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const titles = (el: NewsFeed) => el.items.map((item) => item.title);
const unique = (name: string) => `${name}-${Math.random()}`;

interface Entry {
  id: string;
  date: string;
  url?: string;
  categories?: string[];
}

const SHARED_URL = 'https://tinh.example.vn/tin/hoi-nghi-chung';

/** A JSON Feed titled "Phường An Hòa". */
const jsonFeedOf = (entries: Entry[]) =>
  jsonFeed(entries.map(({ id, date, url, categories }) => ({ id, title: `Tin ${id}`, url: url ?? `https://anhoa.example.vn/${id}`, date_published: date, tags: categories })), { title: 'Phường An Hòa' });

/** An RSS 2.0 feed titled "Xã Hương Thọ". */
const rssOf = (entries: Entry[]) => `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Xã Hương Thọ</title>${
  entries.map(({ id, date, url, categories }) => `<item><title>Tin ${id}</title><link>${url ?? `https://huongtho.example.vn/${id}`}</link><guid>${id}</guid>
    <pubDate>${new Date(date).toUTCString()}</pubDate>${(categories ?? []).map((name) => `<category>${name}</category>`).join('')}</item>`).join('')
}</channel></rss>`;

/** WordPress REST posts: no feed title, so the host names them. */
const wordpressOf = (entries: Entry[]) => JSON.stringify(entries.map(({ id, date, url }) => ({
  id: Number(id.replace(/\D/g, '')) || 1, link: url ?? `https://binhdien.example.vn/?p=${id}`, title: { rendered: `Tin ${id}` }, excerpt: { rendered: '' },
  date_gmt: date.replace(/Z$/, ''),
})));

const A: Entry[] = [
  { id: 'a1', date: '2021-04-28T08:00:00Z', categories: ['Tin tức'] },
  { id: 'chung-a', date: '2021-04-27T08:00:00Z', url: SHARED_URL },
  { id: 'a2', date: '2021-04-26T08:00:00Z', categories: ['Văn hóa'] },
];
const B: Entry[] = [
  { id: 'b1', date: '2021-04-29T08:00:00Z', categories: ['TIN TUC'] },
  { id: 'chung-b', date: '2021-04-27T08:00:00Z', url: SHARED_URL },
  { id: 'b2', date: '2021-04-25T08:00:00Z' },
];
const C: Entry[] = [{ id: 'c1', date: '2021-04-27T12:00:00Z' }];

const jsonUrl = (key = unique('a'), extra = {}) => respondUrl({ body: jsonFeedOf(A), key, ...extra });
const rssUrl = (key = unique('b'), extra = {}) => respondUrl({ body: rssOf(B), type: 'application/rss+xml', key, ...extra });
const wordpressUrl = (key = unique('c'), extra = {}) => respondUrl({ body: wordpressOf(C), key, ...extra });

describe('<news-feed> with several feeds', () => {
  it('reads a JSON Feed, an RSS and a WordPress site as one list, newest first, an item two feeds carry shown once, each marked with its source', async () => {
    const el = await loaded(html`<news-feed src="${jsonUrl()} ${rssUrl()} ${wordpressUrl()}"></news-feed>`);
    expect(el.status).to.equal('ready');
    // The shared item is A's copy: A comes first in src.
    expect(titles(el)).to.deep.equal(['Tin b1', 'Tin a1', 'Tin c1', 'Tin chung-a', 'Tin a2', 'Tin b2']);
    expect(el.total).to.equal(6);
    expect(shadowTexts(el, '[part~="source"]')).to.deep.equal(['Xã Hương Thọ', 'Phường An Hòa', location.host, 'Phường An Hòa', 'Phường An Hòa', 'Xã Hương Thọ']);
    expect(el.items.map((item) => item.source)).to.deep.equal(['Xã Hương Thọ', 'Phường An Hòa', location.host, 'Phường An Hòa', 'Phường An Hòa', 'Xã Hương Thọ']);
    await expect(el).to.be.accessible();
  });

  it('reads an RSS in windows-1258 beside a JSON Feed', async () => {
    const el = await loaded(html`<news-feed src="${jsonUrl()} ${respondUrl({ file: 'feeds/rss-windows-1258.xml', type: 'application/rss+xml' })}"></news-feed>`);
    expect(titles(el)).to.include('Hội nghị tổng kết công tác Đảng năm 2021');
    expect(titles(el)).to.include('Tin a1');
    expect(el.total).to.equal(4);
  });

  it('hides the source with hide="source"; a single feed shows none', async () => {
    const hidden = await loaded(html`<news-feed hide="source" src="${jsonUrl()} ${rssUrl()}"></news-feed>`);
    expect(hidden.items.length).to.equal(5);
    expect(part(hidden, 'source')).to.have.length(0);
    const single = await loaded(html`<news-feed src=${jsonUrl()}></news-feed>`);
    expect(single.items.length).to.equal(3);
    expect(part(single, 'source')).to.have.length(0);
    expect(single.items[0].source).to.be.undefined;
  });

  it('merges categories by name ignoring case and marks; tabs, search and day counts work on the merged list', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <news-category-tabs></news-category-tabs><news-search></news-search>
      <news-feed src="${jsonUrl()} ${rssUrl()} ${wordpressUrl()}"></news-feed></div>`);
    const el = root.querySelector('news-feed')!;
    await waitUntil(() => el.status === 'ready', 'the merged feed loads');
    expect(el.categories).to.deep.equal([
      { name: 'Tin tức', slug: 'tin-tuc', count: 2 },
      { name: 'Văn hóa', slug: 'van-hoa', count: 1 },
    ]);
    expect([...el.dayCounts.entries()].sort()).to.deep.equal([
      ['2021-04-25', 1], ['2021-04-26', 1], ['2021-04-27', 2], ['2021-04-28', 1], ['2021-04-29', 1],
    ]);
    const tabs = root.querySelector('news-category-tabs')!;
    await tabs.updateComplete;
    const tab = [...tabs.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')].find((node) => node.textContent!.trim() === 'Tin tức')!;
    tab.click();
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Tin b1', 'Tin a1']);
    el.setFilter('category', '');
    el.setFilter('query', 'tin c1');
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Tin c1']);
  });

  it('shows the feeds that answered when one answers 500: a notice names it, one news-error with its URL, and the retry asks only it again', async () => {
    const [keyA, keyB, keyC] = [unique('a'), unique('b'), unique('c')];
    // The failing feed answers 500 to its three tries, then its posts.
    const failing = wordpressUrl(keyC, { status: [500, 500, 500, 200] });
    const parent = document.createElement('div');
    document.body.append(parent);
    const errors: NewsErrorDetail[] = [];
    parent.addEventListener('news-error', (event) => errors.push((event as CustomEvent<NewsErrorDetail>).detail));
    const load = oneEvent(parent, 'news-load');
    const el = await fixture<NewsFeed>(html`<news-feed src="${jsonUrl(keyA)} ${rssUrl(keyB)} ${failing}"></news-feed>`, { parentNode: parent });
    await load;
    // Three tries, 0.5 s and 1 s apart.
    await waitUntil(() => errors.length > 0, 'the failing feed is reported', { timeout: 5000 });
    await el.updateComplete;
    expect(el.status).to.equal('ready');
    expect(titles(el)).to.deep.equal(['Tin b1', 'Tin a1', 'Tin chung-a', 'Tin a2', 'Tin b2']);
    expect(errors).to.have.length(1);
    expect(errors[0].kind).to.equal('http');
    expect(errors[0].status).to.equal(500);
    expect(errors[0].url).to.equal(new URL(failing, location.href).href);
    expect(shadowTexts(el, '[part~="status"]')[0]).to.equal(`Không tải được tin từ ${location.host}; đang hiện tin của các nguồn khác.`);
    const [hitsA, hitsB] = [await requestCount(keyA), await requestCount(keyB)];
    expect(await requestCount(keyC)).to.equal(3);
    await aTimeout(50);
    expect(errors).to.have.length(1);

    part(el, 'retry')[0].click();
    await waitUntil(() => el.items.length === 6, 'the retried feed merges in');
    expect(await requestCount(keyC)).to.equal(4);
    expect([await requestCount(keyA), await requestCount(keyB)]).to.deep.equal([hitsA, hitsB]);
    await el.updateComplete;
    expect(shadowTexts(el, '[part~="status"]')[0]).to.equal('');
    expect(part(el, 'retry')).to.have.length(0);
    expect(el.status).to.equal('ready');
  });

  it('is in error only when every feed fails, with one news-error per feed', async () => {
    const parent = document.createElement('div');
    document.body.append(parent);
    const errors: NewsErrorDetail[] = [];
    parent.addEventListener('news-error', (event) => errors.push((event as CustomEvent<NewsErrorDetail>).detail));
    const missing = [respondUrl({ body: 'Not found', status: 404, type: 'text/plain', key: unique('x') }), respondUrl({ body: '{}', status: 404, key: unique('y') })];
    const el = await fixture<NewsFeed>(html`<news-feed src=${missing.join(' ')}></news-feed>`, { parentNode: parent });
    await waitUntil(() => el.status === 'error', 'every feed failed');
    await el.updateComplete;
    expect(errors.map((error) => error.url)).to.have.members(missing.map((url) => new URL(url, location.href).href));
    expect(errors.every((error) => error.kind === 'http' && error.status === 404)).to.be.true;
    expect(shadowTexts(el, '[part~="status"]')[0]).to.contain('HTTP 404');
    expect(part(el, 'retry')).to.have.length(1);
  });

  it('does not wait for a feed that hangs past the timeout: the others show at once, the notice comes when it times out', async function () {
    this.timeout(20_000);
    const parent = document.createElement('div');
    document.body.append(parent);
    const errors: NewsErrorDetail[] = [];
    parent.addEventListener('news-error', (event) => errors.push((event as CustomEvent<NewsErrorDetail>).detail));
    const hanging = '/__test/hang';
    const started = performance.now();
    const load = oneEvent(parent, 'news-load');
    const el = await fixture<NewsFeed>(html`<news-feed src="${jsonUrl()} ${hanging} ${rssUrl()}"></news-feed>`, { parentNode: parent });
    await load;
    const firstPage = performance.now() - started;
    // The wait for the others after the first answer (1 s), and no more.
    expect(firstPage, `first page after ${Math.round(firstPage)} ms`).to.be.below(3000);
    expect(el.status).to.equal('ready');
    expect(el.items.length).to.equal(5);
    expect(errors).to.have.length(0);
    await waitUntil(() => errors.length > 0, 'the hanging feed times out', { timeout: 15_000 });
    expect(errors[0].kind).to.equal('timeout');
    expect(errors[0].url).to.equal(new URL(hanging, location.href).href);
    await el.updateComplete;
    expect(shadowTexts(el, '[part~="status"]')[0]).to.contain(location.host);
    expect(el.items.length).to.equal(5);
  });

  it('merges a slow feed in without moving the reader\'s page, focus or what they look at', async () => {
    const many = (prefix: string, day: number): Entry[] =>
      Array.from({ length: 6 }, (_, i) => ({ id: `${prefix}${i + 1}`, date: new Date(Date.UTC(2021, 3, day - i, 8)).toISOString() }));
    const quickA = respondUrl({ body: jsonFeedOf(many('a', 20)) });
    const quickB = respondUrl({ body: rssOf(many('b', 19)), type: 'application/rss+xml' });
    // The slow one has the newest news: merged, it would come first.
    const slow = respondUrl({ body: jsonFeedOf(many('s', 30)).replace('Phường An Hòa', 'Xã Phú Mậu'), delay: 2500 });
    const el = await loaded(html`<news-feed limit="4" src="${quickA} ${slow} ${quickB}"></news-feed>`);
    expect(el.total).to.equal(12);
    const pageTwo = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="page"][aria-label="Trang 2"]')!;
    pageTwo.click();
    await el.updateComplete;
    const shownBefore = titles(el);
    // The same day: the order of src (a before b).
    expect(shownBefore).to.deep.equal(['Tin b2', 'Tin a4', 'Tin b3', 'Tin a5']);
    const focused = el.shadowRoot!.activeElement;
    expect(focused?.textContent).to.equal('Tin b2');
    const boxes = part(el, 'item').map((item) => JSON.stringify(item.getBoundingClientRect()));
    let shift = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shift += (entry as PerformanceEntry & { value: number }).value;
    });
    observer.observe({ type: 'layout-shift' });

    await waitUntil(() => el.total === 18, 'the slow feed merges in', { timeout: 5000 });
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    observer.disconnect();
    expect(el.page).to.equal(2);
    expect(titles(el)).to.deep.equal(shownBefore);
    expect(el.shadowRoot!.activeElement).to.equal(focused);
    expect(part(el, 'item').map((item) => JSON.stringify(item.getBoundingClientRect()))).to.deep.equal(boxes);
    expect(shift, 'layout shift').to.be.below(0.001);
    // The next choice shows the merged list: the slow feed's newer news first.
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="page"][aria-label="Trang 1"]')!.click();
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Tin s1', 'Tin s2', 'Tin s3', 'Tin s4']);
    expect(shadowTexts(el, '[part~="source"]')[0]).to.equal('Xã Phú Mậu');
  });

  it('makes one request for a feed that two elements name, alone and among others', async () => {
    const key = unique('shared');
    const shared = jsonUrl(key);
    const root = await fixture<HTMLElement>(html`<div><news-feed src=${shared}></news-feed><news-feed src="${rssUrl()} ${shared}"></news-feed></div>`);
    const [alone, merged] = root.querySelectorAll('news-feed');
    await waitUntil(() => alone.status === 'ready' && merged.status === 'ready', 'both load');
    expect(alone.items.length).to.equal(3);
    expect(merged.items.length).to.equal(5);
    expect(await requestCount(key)).to.equal(1);
  });

  it('fetches each feed on another origin through the relay, and one on this origin directly', async () => {
    const relayKey = unique('relay');
    const other = new URL(rssUrl(), location.href);
    other.hostname = other.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const el = await loaded(html`<news-feed relay=${`/__test/relay?key=${relayKey}`} src="${jsonUrl()} ${other.href}"></news-feed>`);
    expect(el.items.length).to.equal(5);
    expect(el.items.find((item) => item.title === 'Tin b1')?.source).to.equal('Xã Hương Thọ');
    expect(await requestCount(relayKey)).to.equal(1);
  });

  it('refuses server placeholders with several feeds, in words that name the rule, and requests nothing', async () => {
    const key = unique('paged');
    const parent = document.createElement('div');
    document.body.append(parent);
    const error = oneEvent(parent, 'news-error') as Promise<CustomEvent<NewsErrorDetail>>;
    const src = `${jsonUrl()} ${respondUrl({ body: jsonFeedOf(A), key })}&p={page}`;
    const el = await fixture<NewsFeed>(html`<news-feed src=${src}></news-feed>`, { parentNode: parent });
    const { detail } = await error;
    expect(detail.kind).to.equal('format');
    expect(el.status).to.equal('error');
    expect(shadowTexts(el, '[part~="status"]')[0]).to.contain('nhiều nguồn tin').and.contain('{page}');
    expect(part(el, 'retry')).to.have.length(0);
    el.lang = 'en';
    await el.updateComplete;
    expect(shadowTexts(el, '[part~="status"]')[0]).to.contain('several feeds').and.contain('{page}');
    expect(await requestCount(key)).to.equal(0);
  });
});
