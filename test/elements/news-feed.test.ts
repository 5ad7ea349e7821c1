import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/news-feed.js';
import type { NewsFeed } from '../../src/news-feed.js';
import type { NewsChangeDetail, NewsErrorDetail, NewsLoadDetail } from '../../src/events.js';
import { jsonFeed, makeItems, requestCount, respondUrl, shadowTexts, loadedFixture, watchNavigations } from '../helpers.js';

const WARD_FEED = '/test/fixtures/ward-feed.json';

const loaded = (template: ReturnType<typeof html>) => loadedFixture<NewsFeed>(template);

const part = (el: Element, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];

describe('<news-feed> on JSON Feed', () => {
  it('renders the items as a list of headed links', async () => {
    const el = await loaded(html`<news-feed src=${WARD_FEED}></news-feed>`);
    expect(el.status).to.equal('ready');
    const list = el.shadowRoot!.querySelector('ul[part="list"]')!;
    expect(list.querySelectorAll(':scope > li[part~="item"]').length).to.equal(5);
    const headings = part(el, 'title');
    expect(headings[0].getAttribute('role')).to.equal('heading');
    expect(headings[0].getAttribute('aria-level')).to.equal('3');
    const link = part(el, 'link')[0] as HTMLAnchorElement;
    expect(link.textContent).to.equal('Hội nghị tổng kết công tác năm 2021 của Đảng ủy phường');
    expect(link.href).to.equal(new URL('/tin-tuc/hoi-nghi-tong-ket-nam-2021', location.href).href);
  });

  it('shows entity-escaped markup as text: no element is made from it, no handler in it runs', async () => {
    const ran = globalThis as { __ran?: number };
    delete ran.__ran;
    const el = await loaded(html`<news-feed src="/test/fixtures/feeds/rss-html5-entities.xml" layout="list"></news-feed>`);
    const root = el.shadowRoot!;
    const summaries = shadowTexts(el, '[part~="summary"]');
    expect(summaries[2]).to.equal('<img src=x onerror=top.__ran=1> <img src=x onerror=top.__ran=2> và <script>top.__ran=3</script>');
    expect(shadowTexts(el, '[part~="title"]')[0]).to.equal('Đăng ký hộ kinh doanh – hướng dẫn mới…');
    // The items carry no picture: any <img> or <script> here came from feed text.
    expect(root.querySelectorAll('img, script').length).to.equal(0);
    await aTimeout(50);
    expect(ran.__ran).to.equal(undefined);
  });

  it('resolves relative image URLs against the feed, lazy-loads them, and reserves their box', async () => {
    const el = await loaded(html`<news-feed src=${WARD_FEED}></news-feed>`);
    const image = part(el, 'image')[0] as HTMLImageElement;
    expect(image.src).to.equal(new URL('/test/fixtures/images/hoi-nghi.svg', location.href).href);
    expect(image.loading).to.equal('lazy');
    expect(image.hasAttribute('alt')).to.be.true;
    expect(image.getAttribute('width')).to.equal('400');
    expect(getComputedStyle(image).aspectRatio).to.not.equal('auto');
  });

  it('shows dates as dd/MM/yyyy on the day they are in Hồ Chí Minh City', async () => {
    const el = await loaded(html`<news-feed src=${WARD_FEED}></news-feed>`);
    const date = part(el, 'date')[0];
    expect(date.textContent).to.equal('28/04/2021');
    expect(date.getAttribute('datetime')).to.equal('2021-04-27T20:30:00.000Z');
  });

  it('shows dates in another time zone and in English', async () => {
    const utc = await loaded(html`<news-feed src=${WARD_FEED} timezone="UTC"></news-feed>`);
    expect(part(utc, 'date')[0].textContent).to.equal('27/04/2021');
    const en = await loaded(html`<news-feed src=${WARD_FEED} lang="en"></news-feed>`);
    expect(part(en, 'date')[0].textContent).to.equal('28 Apr 2021');
  });

  it('reads text as text: entities decoded, tags dropped, categories and authors kept', async () => {
    const el = await loaded(html`<news-feed src=${WARD_FEED}></news-feed>`);
    expect(shadowTexts(el, '[part~="summary"]')[1]).to.equal('Người dân tổ dân phố Hương Trà ra quân & dọn dẹp.');
    expect(shadowTexts(el, '[part~="category"]')[0]).to.equal('Đảng, đoàn thể');
    expect(el.items[0].authors).to.deep.equal(['Ban Tuyên giáo']);
    expect(el.items[2].id).to.equal('10');
    expect(el.items[2].authors).to.deep.equal(['Văn phòng UBND']);
  });

  it('never renders a hostile feed string as HTML, nor a non-http URL as a link or image', async () => {
    let alerted = false;
    const original = window.alert;
    window.alert = () => {
      alerted = true;
    };
    const hostile = jsonFeed([
      {
        id: 'x1',
        title: '<img src=x onerror="alert(1)">Tiêu đề <script>alert(2)</script>&lt;b&gt;in đậm&lt;/b&gt;',
        url: 'javascript:alert(3)',
        image: 'data:image/svg+xml,<svg onload="alert(4)"/>',
        summary: '<iframe src="javascript:alert(5)"></iframe><a href="javascript:alert(6)">bấm</a>',
        tags: ['<b>Nội chính</b>'],
      },
      { id: 'x2', title: 'Tin thường', url: 'http://example.vn/tin', image: 'https://example.vn/a.jpg' },
    ]);
    try {
      const el = await loaded(html`<news-feed src=${respondUrl({ body: hostile })}></news-feed>`);
      const root = el.shadowRoot!;
      expect(root.querySelectorAll('script, iframe, [onerror], [onload]').length).to.equal(0);
      expect(shadowTexts(el, '[part~="title"]')[0]).to.equal('Tiêu đề <b>in đậm</b>');
      expect(shadowTexts(el, '[part~="summary"]')[0]).to.equal('bấm');
      expect(shadowTexts(el, '[part~="category"]')[0]).to.equal('Nội chính');
      // The hostile item has neither a link nor an image; the plain one has both.
      const links = part(el, 'link') as HTMLAnchorElement[];
      expect(links.map((a) => a.href)).to.deep.equal(['http://example.vn/tin']);
      const images = part(el, 'image') as HTMLImageElement[];
      expect(images.map((img) => img.src)).to.deep.equal(['https://example.vn/a.jpg']);
      await aTimeout(50);
      expect(alerted).to.be.false;
    } finally {
      window.alert = original;
    }
  });

  it('fires news-load with the shown items and the total', async () => {
    const parent = document.createElement('div');
    document.body.append(parent);
    const event = oneEvent(parent, 'news-load') as Promise<CustomEvent<NewsLoadDetail>>;
    await fixture(html`<news-feed src=${WARD_FEED} limit="2"></news-feed>`, { parentNode: parent });
    const { detail, bubbles, composed } = await event;
    expect(bubbles && composed).to.be.true;
    expect(detail.total).to.equal(5);
    expect(detail.items.map((item) => item.id)).to.deep.equal(['tin-12', 'tin-11']);
  });

  it('exposes categories with counts and day counts in its time zone', async () => {
    const el = await loaded(html`<news-feed src=${WARD_FEED}></news-feed>`);
    expect(el.categories).to.deep.include({ name: 'Đảng, đoàn thể', slug: 'dang-doan-the', count: 2 });
    // "Nội chính" and "noi chinh" are one category.
    expect(el.categories.find((c) => c.slug === 'noi-chinh')!.count).to.equal(2);
    expect(el.dayCounts.get('2021-04-28')).to.equal(1);
    expect(el.dayCounts.has('2021-04-27')).to.be.false;
    expect(el.total).to.equal(5);
  });
});

describe('<news-feed> states', () => {
  it('holds the space with a busy skeleton while loading, then shows the items', async () => {
    const el = await fixture<NewsFeed>(
      html`<news-feed src=${respondUrl({ body: jsonFeed(makeItems(3)), delay: 400 })} limit="4"></news-feed>`,
    );
    // Listened for now: on a busy machine the axe check below can outlast the feed's delay.
    const load = oneEvent(el, 'news-load');
    expect(el.status).to.equal('loading');
    const busy = el.shadowRoot!.querySelector('[aria-busy="true"]')!;
    expect(busy).to.exist;
    const skeleton = part(el, 'skeleton')[0];
    expect(skeleton.getAttribute('aria-hidden')).to.equal('true');
    expect(skeleton.querySelectorAll('li').length).to.equal(4);
    expect(skeleton.getBoundingClientRect().height).to.be.greaterThan(100);
    expect(shadowTexts(el, '[part~="status"]')[0]).to.equal('Đang tải tin…');
    await expect(el).to.be.accessible();
    await load;
    expect(el.status).to.equal('ready');
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).to.equal(null);
    expect(part(el, 'item').length).to.equal(3);
  });

  it('keeps the light-DOM fallback links visible until the items arrive', async () => {
    const el = await fixture<NewsFeed>(html`
      <news-feed src=${respondUrl({ body: jsonFeed(makeItems(2)), delay: 300 })}>
        <a href="/tin-tuc">Xem tin tức</a>
      </news-feed>`);
    const fallback = el.querySelector('a')!;
    expect(fallback.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(fallback.assignedSlot).to.exist;
    await oneEvent(el, 'news-load');
    await el.updateComplete;
    expect(fallback.assignedSlot).to.equal(null);
    expect(fallback.getBoundingClientRect().height).to.equal(0);
  });

  it('says "Không có tin nào" when nothing matches, and "No news" in English', async () => {
    const el = await loaded(html`<news-feed src=${WARD_FEED} query="không có ở đâu cả"></news-feed>`);
    expect(el.status).to.equal('empty');
    expect(el.total).to.equal(0);
    expect(shadowTexts(el, '[part~="status"]')[0]).to.equal('Không có tin nào');
    await expect(el).to.be.accessible();
    el.lang = 'en';
    await el.updateComplete;
    expect(shadowTexts(el, '[part~="status"]')[0]).to.equal('No news');
  });

  it('shows an empty feed as empty, not as an error', async () => {
    const el = await loaded(html`<news-feed src=${respondUrl({ body: jsonFeed([]) })}></news-feed>`);
    expect(el.status).to.equal('empty');
  });

  const failures: [string, () => string, NewsErrorDetail['kind'], RegExp][] = [
    ['an HTTP error', () => respondUrl({ status: 404, body: 'Not found', type: 'text/plain' }), 'http', /lỗi HTTP 404/],
    ['junk bytes', () => respondUrl({ b64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB', type: 'application/json' }), 'parse', /không đọc được/],
    ['JSON without items', () => respondUrl({ body: '{"title":"Không phải nguồn tin"}' }), 'format', /không có trường items/],
    ['a refused connection', () => 'http://127.0.0.1:9/feed.json', 'network', /Không kết nối được/],
  ];
  for (const [what, url, kind, message] of failures) {
    it(`reports ${what} in the element and as news-error (${kind})`, async () => {
      const parent = document.createElement('div');
      document.body.append(parent);
      const event = oneEvent(parent, 'news-error') as Promise<CustomEvent<NewsErrorDetail>>;
      const el = await fixture<NewsFeed>(html`<news-feed src=${url()}></news-feed>`, { parentNode: parent });
      const { detail } = await event;
      await el.updateComplete;
      expect(detail.kind).to.equal(kind);
      expect(detail.message).to.match(message);
      expect(el.status).to.equal('error');
      expect(shadowTexts(el, '[part~="status"]')[0]).to.equal(detail.message);
      expect(part(el, 'retry')[0].textContent!.trim()).to.equal('Thử lại');
      await expect(el).to.be.accessible();
    });
  }

  it('names the URL and status in its HTTP error message, in English too', async () => {
    const url = respondUrl({ status: 500, body: 'boom', type: 'text/plain' });
    const parent = document.createElement('div');
    document.body.append(parent);
    const event = oneEvent(parent, 'news-error') as Promise<CustomEvent<NewsErrorDetail>>;
    await fixture(html`<news-feed lang="en" src=${url}></news-feed>`, { parentNode: parent });
    const { detail } = await event;
    expect(detail.message).to.contain('HTTP error 500');
    expect(detail.message).to.contain(new URL(url, location.href).href.slice(0, 60));
    expect(detail.status).to.equal(500);
  });

  it('says src is missing when it is, and offers no retry that cannot help', async () => {
    const el = await fixture<NewsFeed>(html`<news-feed></news-feed>`);
    expect(el.status).to.equal('error');
    expect(shadowTexts(el, '[part~="status"]')[0]).to.contain('src');
    expect(part(el, 'retry')).to.have.length(0);
  });

  it('reads a feed on another origin that sends no CORS header through its relay; without one, a short sentence for readers and the fix in news-error', async () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Tỉnh</title>
      <item><title>Tin của tỉnh</title><link>/tin/1.html</link><description><![CDATA[<img src="/uploads/a.jpg">]]></description></item></channel></rss>`;
    const feedUrl = new URL(respondUrl({ body: rss, type: 'application/rss+xml' }), location.href);
    feedUrl.hostname = feedUrl.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const parent = document.createElement('div');
    document.body.append(parent);
    const event = oneEvent(parent, 'news-error') as Promise<CustomEvent<NewsErrorDetail>>;
    const warned: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warned.push(args.join(' '));
    let blocked: NewsFeed;
    try {
      blocked = await fixture<NewsFeed>(html`<news-feed src=${feedUrl.href}></news-feed>`, { parentNode: parent });
      const { detail } = await event;
      expect(detail.kind).to.equal('cors');
      expect(detail.url).to.equal(feedUrl.href);
      expect(detail.message).to.contain('relay');
      await blocked.updateComplete;
    } finally {
      console.warn = warn;
    }
    expect(warned.join('\n')).to.contain('relay');
    expect(blocked.status).to.equal('error');
    expect(shadowTexts(blocked, '[part~="status"]')[0]).to.equal('Không đọc được nguồn tin này từ trang hiện tại.');
    expect(part(blocked, 'retry')).to.have.length(0);

    const key = `relay-${Math.random()}`;
    const relayed = await loaded(html`<news-feed src=${feedUrl.href} relay=${`/__test/relay?key=${key}`}></news-feed>`);
    expect(relayed.items.map((item) => item.title)).to.deep.equal(['Tin của tỉnh']);
    expect((part(relayed, 'image')[0] as HTMLImageElement).src).to.equal(`${feedUrl.origin}/uploads/a.jpg`);
    expect((part(relayed, 'link')[0] as HTMLAnchorElement).href).to.equal(`${feedUrl.origin}/tin/1.html`);
    expect(await requestCount(key)).to.equal(1);
  });

  it("resolves a mapped JSON's relative pictures and links against the feed's URL, not the page's, through the relay too", async () => {
    // An ASP.NET portal's list, its pictures written relative to where the list is served.
    const map = JSON.stringify({ items: 'd.DanhSach', id: 'MaTin', title: 'TieuDe', url: 'LienKet', image: 'AnhDaiDien.DuongDan', date: 'NgayDang', dateFormat: 'dd/MM/yyyy HH:mm' });
    const feedUrl = new URL('/test/fixtures/feeds/mapped-relative.json', location.href);
    // The page is elsewhere: resolved against it, "Uploads/…" would be a different file.
    expect(new URL('Uploads/x.jpg', location.href).href).to.not.equal(new URL('Uploads/x.jpg', feedUrl).href);
    const resolved = (origin: string) => [
      { image: `${origin}/test/fixtures/images/hoi-nghi.svg`, url: `${origin}/test/tin-tuc/hop-dan-to-5.aspx` },
      { image: `${origin}/test/fixtures/feeds/Uploads/2021/04/lich-tiep-dan.jpg`, url: `${origin}/tin-tuc/lich-tiep-cong-dan-thang-5.aspx` },
      { image: `${origin}/Uploads/2021/04/ra-quan.jpg`, url: 'https://thanhbinh.example.vn/tin-tuc/ra-quan.aspx' },
    ];
    const direct = await loaded(html`<news-feed src="/test/fixtures/feeds/mapped-relative.json" map=${map}></news-feed>`);
    expect(direct.items.map(({ image, url }) => ({ image, url }))).to.deep.equal(resolved(feedUrl.origin));
    expect((part(direct, 'image')[0] as HTMLImageElement).src).to.equal(`${feedUrl.origin}/test/fixtures/images/hoi-nghi.svg`);

    // The same list on another origin, read through the relay: still against the list's own URL, not the relay's.
    feedUrl.hostname = feedUrl.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const relayed = await loaded(html`<news-feed src=${feedUrl.href} map=${map} relay="/__test/relay"></news-feed>`);
    expect(relayed.items.map(({ image, url }) => ({ image, url }))).to.deep.equal(resolved(feedUrl.origin));
  });

  it('retries from the error message and then shows the items', async () => {
    const key = `retry-${Math.random()}`;
    const url = respondUrl({ body: jsonFeed(makeItems(2)), key, fail: 1, failStatus: 404 });
    const el = await fixture<NewsFeed>(html`<news-feed src=${url}>
      <a href="/tin-tuc">Xem tin tức</a>
    </news-feed>`);
    await oneEvent(el, 'news-error');
    await el.updateComplete;
    // The webmaster's fallback link stays useful beside the error.
    expect(el.querySelector('a')!.assignedSlot).to.exist;
    const load = oneEvent(el, 'news-load');
    part(el, 'retry')[0].click();
    // While the new try runs, the feed says it is loading, not the old error.
    await el.updateComplete;
    expect(el.status).to.equal('loading');
    expect(el.shadowRoot!.querySelector('.feed')!.getAttribute('aria-busy')).to.equal('true');
    await load;
    expect(el.status).to.equal('ready');
    expect(await requestCount(key)).to.equal(2);
  });

  it('does not affect the rest of the page when it fails', async () => {
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const page = await fixture(html`<div>
        <news-feed src=${respondUrl({ b64: '/////wAAAP8=' })}></news-feed>
        <news-feed src=${WARD_FEED}></news-feed>
      </div>`);
      const [bad, good] = page.querySelectorAll<NewsFeed>('news-feed');
      await waitUntil(() => bad.status === 'error' && good.status === 'ready', 'both feeds settle');
      await aTimeout(20);
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });

  it('reload() fetches the feed again', async () => {
    const key = `reload-${Math.random()}`;
    const el = await loaded(html`<news-feed src=${respondUrl({ body: jsonFeed(makeItems(2)), key })}></news-feed>`);
    const load = oneEvent(el, 'news-load');
    el.reload();
    await load;
    expect(await requestCount(key)).to.equal(2);
  });
});

describe('<news-feed> paging', () => {
  const feed25 = () => respondUrl({ body: jsonFeed(makeItems(25)) });

  it('shows numbered pages in a labelled nav, the current one marked', async () => {
    const el = await loaded(html`<news-feed src=${feed25()}></news-feed>`);
    expect(el.items.length).to.equal(10);
    const nav = part(el, 'pagination')[0];
    expect(nav.localName).to.equal('nav');
    expect(nav.getAttribute('aria-label')).to.equal('Phân trang');
    const current = nav.querySelector('[aria-current="page"]')!;
    expect(current.textContent!.trim()).to.equal('1');
    expect(current.getAttribute('aria-label')).to.equal('Trang 1');
    await expect(el).to.be.accessible();
  });

  it('names each page navigation after its feed when the page has two paged feeds', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <h2>Tin tức</h2><news-feed src=${feed25()}></news-feed>
      <section><h2>Thông báo</h2><news-feed src=${feed25()}></news-feed></section>
    </div>`);
    const feeds = [...root.querySelectorAll('news-feed')];
    await waitUntil(() => feeds.every((feed) => feed.status === 'ready'), 'feeds load');
    await Promise.all(feeds.map((feed) => feed.updateComplete));
    expect(feeds.map((feed) => part(feed, 'pagination')[0].getAttribute('aria-label'))).to.deep.equal(['Phân trang – Tin tức', 'Phân trang – Thông báo']);
    await expect(root).to.be.accessible();
  });

  it('goes to a page on click, fires news-change and moves focus to its first item', async () => {
    const el = await loaded(html`<news-feed src=${feed25()}></news-feed>`);
    const change = oneEvent(el, 'news-change') as Promise<CustomEvent<NewsChangeDetail>>;
    const load = oneEvent(el, 'news-load') as Promise<CustomEvent<NewsLoadDetail>>;
    const pageButtons = part(el, 'pagination')[0].querySelectorAll('button');
    [...pageButtons].find((b) => b.textContent!.trim() === '3')!.click();
    expect((await change).detail).to.deep.equal({ category: '', date: '', month: '', query: '', page: 3 });
    expect((await load).detail.items.map((item) => item.id)).to.deep.equal(['item-21', 'item-22', 'item-23', 'item-24', 'item-25']);
    await el.updateComplete;
    expect(el.page).to.equal(3);
    expect(el.getAttribute('page')).to.equal('3');
    expect(el.shadowRoot!.activeElement!.textContent).to.equal('Tin số 21');
  });

  it('is usable from the keyboard alone', async () => {
    const el = await loaded(html`<news-feed src=${feed25()} paging="pages" limit="10"></news-feed>`);
    const next = part(el, 'pagination')[0].querySelector<HTMLButtonElement>('[aria-label="Trang sau"]')!;
    next.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.page).to.equal(2);
    expect(el.shadowRoot!.activeElement!.textContent).to.equal('Tin số 11');
    // Tab order leads from the last item back to the page buttons.
    const previous = part(el, 'pagination')[0].querySelector<HTMLButtonElement>('[aria-label="Trang trước"]')!;
    previous.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.page).to.equal(1);
  });

  it('moves focus only for a page that changes, and not once the reader has moved on', async () => {
    const root = await fixture<HTMLElement>(html`<div><input aria-label="Tìm kiếm">
      <news-feed src=${`/__test/wp-posts?key=focus-${Math.random()}&total=23&delay=400&delayPage=2&page={page}&per_page={limit}`}></news-feed></div>`);
    const el = root.querySelector('news-feed')!;
    const input = root.querySelector('input')!;
    // Enter on a link that took focus by mistake would leave the test page: stopped and told.
    const navigations = watchNavigations();
    try {
      await waitUntil(() => el.status === 'ready', 'page 1');
      await el.updateComplete;
      // The page shown already: no request for focus is left waiting.
      part(el, 'pagination')[0].querySelector<HTMLButtonElement>('[aria-label="Trang 1"]')!.focus();
      await sendKeys({ press: 'Enter' });
      input.focus();
      el.hide = 'summary';
      await el.updateComplete;
      // Compared by name: a failing comparison of two elements stalls the test runner's report.
      expect(document.activeElement?.localName, 'after the current page').to.equal('input');
      // Page 2 comes slowly from the server; meanwhile the reader goes to the search field.
      part(el, 'pagination')[0].querySelector<HTMLButtonElement>('[aria-label="Trang sau"]')!.focus();
      const load = oneEvent(el, 'news-load');
      await sendKeys({ press: 'Enter' });
      input.focus();
      await load;
      await el.updateComplete;
      expect(el.items[0].title).to.equal('Bài số 11 – Tin tức');
      expect(document.activeElement?.localName, 'after a page that came late').to.equal('input');
      expect(navigations.urls).to.deep.equal([]);
    } finally {
      navigations.stop();
    }
  });

  it('focuses the first item of the new page even when it has no link', async () => {
    const el = await loaded(html`<news-feed src=${respondUrl({ body: jsonFeed(makeItems(15, () => ({ url: undefined }))) })}></news-feed>`);
    part(el, 'pagination')[0].querySelector<HTMLButtonElement>('[aria-label="Trang sau"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const active = el.shadowRoot!.activeElement as HTMLElement;
    expect(active.matches('[part~="item"]')).to.be.true;
    expect(active.textContent).to.contain('Tin số 11');
  });

  it('takes a filter cleared to undefined while already empty as no change: same page, no news-change', async () => {
    const el = await loaded(html`<news-feed src=${feed25()} page="2"></news-feed>`);
    const changes: unknown[] = [];
    el.addEventListener('news-change', (event) => changes.push((event as CustomEvent).detail));
    el.category = undefined as unknown as string;
    await el.updateComplete;
    expect([el.page, el.category, changes]).to.deep.equal([2, '', []]);
  });

  it('"Xem thêm" appends the next page and focuses the first new item', async () => {
    const el = await loaded(html`<news-feed src=${feed25()} paging="more"></news-feed>`);
    const more = part(el, 'more')[0];
    expect(more.textContent!.trim()).to.equal('Xem thêm');
    more.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(el.items.length).to.equal(20);
    expect(el.shadowRoot!.activeElement!.textContent).to.equal('Tin số 11');
    part(el, 'more')[0].click();
    await el.updateComplete;
    expect(el.items.length).to.equal(25);
    expect(part(el, 'more')).to.deep.equal([]);
  });

  it('with paging="none" shows only the first page and no controls', async () => {
    const el = await loaded(html`<news-feed src=${feed25()} paging="none" limit="5"></news-feed>`);
    expect(el.items.length).to.equal(5);
    expect(part(el, 'pagination')).to.deep.equal([]);
  });

  it('starts on the page it is given and clamps one past the end', async () => {
    const second = await loaded(html`<news-feed src=${feed25()} page="2"></news-feed>`);
    expect(second.items[0].id).to.equal('item-11');
    const far = await loaded(html`<news-feed src=${feed25()} page="99"></news-feed>`);
    expect(far.items[0].id).to.equal('item-21');
  });

  it('honours limit', async () => {
    const el = await loaded(html`<news-feed src=${feed25()} limit="7"></news-feed>`);
    expect(el.items.length).to.equal(7);
    const pageLabels = [...part(el, 'pagination')[0].querySelectorAll('[part~="page"]')].map((b) => b.textContent!.trim());
    expect(pageLabels).to.deep.equal(['1', '2', '3', '4', '›']);
  });
});

describe('<news-feed> filters', () => {
  it('filters by category name, slug, or unmarked text', async () => {
    const el = await loaded(html`<news-feed src=${WARD_FEED} category="Nội chính"></news-feed>`);
    expect(el.items.map((item) => item.id)).to.deep.equal(['10', 'tin-9']);
    for (const value of ['noi-chinh', 'NOI CHINH', 'nội chính']) {
      el.category = value;
      await el.updateComplete;
      expect(el.total, value).to.equal(2);
    }
    el.category = 'dang-doan-the';
    await el.updateComplete;
    expect(el.items.map((item) => item.id)).to.deep.equal(['tin-12', 'tin-8']);
  });

  it('filters by day and month in the time zone', async () => {
    const el = await loaded(html`<news-feed src=${WARD_FEED} date="2021-04-28"></news-feed>`);
    expect(el.items.map((item) => item.id)).to.deep.equal(['tin-12']);
    el.date = '2021-04-27';
    await el.updateComplete;
    expect(el.status).to.equal('empty');
    el.date = '';
    el.month = '2021-03';
    await el.updateComplete;
    expect(el.items.map((item) => item.id)).to.deep.equal(['tin-9', 'tin-8']);
  });

  it('searches title, summary and categories ignoring case and marks', async () => {
    const el = await loaded(html`<news-feed src=${WARD_FEED} query="huong tra"></news-feed>`);
    expect(el.items.map((item) => item.id)).to.deep.equal(['tin-11']);
    el.query = 'dang';
    await el.updateComplete;
    expect(el.items.map((item) => item.id)).to.deep.equal(['tin-12', 'tin-8']);
    el.query = 'PHONG CHAY';
    await el.updateComplete;
    expect(el.items.map((item) => item.id)).to.deep.equal(['tin-9']);
    el.query = 'an ninh';
    await el.updateComplete;
    expect(el.items.map((item) => item.id), 'category text').to.deep.equal(['tin-9']);
  });

  it('leaves out excluded ids and URLs', async () => {
    const el = await loaded(html`<news-feed src=${WARD_FEED}
      exclude="tin-12 https://thanhbinh.example.vn/tin-tuc/ra-quan-ve-sinh"></news-feed>`);
    expect(el.items.map((item) => item.id)).to.deep.equal(['10', 'tin-9', 'tin-8']);
  });

  it('goes back to page 1 when a filter changes, and says so in news-change', async () => {
    const el = await loaded(html`<news-feed src=${respondUrl({ body: jsonFeed(makeItems(30, (i) => ({ tags: [i % 2 ? 'Lẻ' : 'Chẵn'] }))) })}
      page="2"></news-feed>`);
    const change = oneEvent(el, 'news-change') as Promise<CustomEvent<NewsChangeDetail>>;
    el.category = 'Chẵn';
    const { detail } = await change;
    expect(detail).to.deep.equal({ category: 'Chẵn', date: '', month: '', query: '', page: 1 });
    expect(el.page).to.equal(1);
    expect(el.total).to.equal(15);
  });

  it('ignores malformed date and month values instead of failing', async () => {
    const el = await loaded(html`<news-feed src=${WARD_FEED} date="28/04/2021" month="2021-13"></news-feed>`);
    expect(el.total).to.equal(5);
  });
});

describe('<news-feed> presentation', () => {
  it('compact layout shows only titles and dates', async () => {
    const el = await loaded(html`<news-feed src=${WARD_FEED} layout="compact"></news-feed>`);
    expect(part(el, 'title').length).to.equal(5);
    expect(part(el, 'date').length).to.equal(5);
    expect(part(el, 'image').length + part(el, 'summary').length + part(el, 'category').length).to.equal(0);
  });

  it('cards layout lays items out in a grid', async () => {
    const el = await loaded(html`<news-feed src=${WARD_FEED} layout="cards" style="width: 900px"></news-feed>`);
    const [first, second] = part(el, 'item');
    expect(getComputedStyle(part(el, 'list')[0]).display).to.equal('grid');
    expect(first.getBoundingClientRect().top).to.equal(second.getBoundingClientRect().top);
  });

  it('hide leaves parts out', async () => {
    const el = await loaded(html`<news-feed src=${WARD_FEED} hide="image summary"></news-feed>`);
    expect(part(el, 'image').length + part(el, 'summary').length).to.equal(0);
    expect(part(el, 'date').length).to.equal(5);
    el.hide = 'date category';
    await el.updateComplete;
    expect(part(el, 'date').length + part(el, 'category').length).to.equal(0);
    expect(part(el, 'image').length).to.equal(1);
  });

  it('sets heading levels from 2 to 6', async () => {
    const el = await loaded(html`<news-feed src=${WARD_FEED} heading-level="2"></news-feed>`);
    expect(part(el, 'title')[0].getAttribute('aria-level')).to.equal('2');
    el.headingLevel = 9;
    await el.updateComplete;
    expect(part(el, 'title')[0].getAttribute('aria-level')).to.equal('6');
  });

  it('opens links in the target it is given, without handing over the opener', async () => {
    const el = await loaded(html`<news-feed src=${WARD_FEED} target="_blank"></news-feed>`);
    const link = part(el, 'link')[0] as HTMLAnchorElement;
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener');
  });

  for (const layout of ['list', 'cards', 'compact']) {
    it(`fits 280 px without sideways scrolling (${layout})`, async () => {
      const items = makeItems(4, (i) => ({
        // A word longer than the width (a pasted address) wraps too.
        title: i === 0 ? `Xem tại https://thanhbinh.example.vn/${'thongbaolichtiepcongdan'.repeat(4)}`
          : `Ủy ban nhân dân phường tổ chức hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội năm ${2021 + i}`,
        summary: `${'Tóm tắt dài: '.repeat(20)}${'DanhSáchHộNghèo'.repeat(5)}`,
        image: '/test/fixtures/images/hoi-nghi.svg',
        tags: ['Kinh tế - Chính trị - Văn hóa - Xã hội'],
      }));
      const el = await loaded(html`<news-feed src=${respondUrl({ body: jsonFeed(items) })} layout=${layout}
        style="width: 280px; display: block"></news-feed>`);
      for (const item of part(el, 'item')) {
        expect(item.scrollWidth, layout).to.be.at.most(item.clientWidth + 1);
        expect(item.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
      }
      await expect(el).to.be.accessible();
    });
  }

  it('is accessible with items, images and pages', async () => {
    const items = makeItems(12, (i) => ({ image: i % 2 ? '/test/fixtures/images/hoi-nghi.svg' : undefined, tags: ['Nội chính'] }));
    const el = await loaded(html`<news-feed src=${respondUrl({ body: jsonFeed(items) })}></news-feed>`);
    await expect(el).to.be.accessible();
  });

  it('is themeable through --news- custom properties and parts', async () => {
    // A theme's own stylesheet reaches the parts, and wins over the element's styles.
    const theme = document.createElement('style');
    theme.textContent = 'news-feed.themed::part(title) { letter-spacing: 3px; } news-feed.themed::part(item) { border-bottom-color: rgb(0, 0, 200); }';
    document.head.append(theme);
    try {
      const el = await loaded(html`<news-feed class="themed" src=${WARD_FEED} style="--news-link-color: rgb(200, 0, 0)"></news-feed>`);
      expect(getComputedStyle(part(el, 'link')[0]).color).to.equal('rgb(200, 0, 0)');
      expect(getComputedStyle(part(el, 'title')[0]).letterSpacing).to.equal('3px');
      expect(getComputedStyle(part(el, 'item')[0]).borderBottomColor).to.equal('rgb(0, 0, 200)');
    } finally {
      theme.remove();
    }
  });

  it('draws every focus ring, links and page buttons alike, in --news-focus-color', async () => {
    const el = await loaded(html`<news-feed src=${respondUrl({ body: jsonFeed(makeItems(25)) })} limit="10" style="--news-focus-color: rgb(0, 120, 0)"></news-feed>`);
    const targets = [part(el, 'link')[0], part(el, 'page')[1]];
    for (const target of targets) {
      target.focus();
      // A key press makes the browser show focus as a keyboard user sees it.
      await sendKeys({ press: 'Shift' });
      expect(target.matches(':focus-visible'), target.textContent!).to.be.true;
      expect(getComputedStyle(target).outlineColor, target.textContent!).to.equal('rgb(0, 120, 0)');
      expect(getComputedStyle(target).outlineStyle).to.equal('solid');
    }
  });
});

describe('<news-feed> lifecycle', () => {
  it('loads again when src changes, and a late answer never replaces the newer feed', async () => {
    const slow = respondUrl({ body: jsonFeed(makeItems(1, () => ({ title: 'Cũ' }))), delay: 500 });
    const el = await fixture<NewsFeed>(html`<news-feed src=${slow}></news-feed>`);
    el.src = WARD_FEED;
    await oneEvent(el, 'news-load');
    await aTimeout(700);
    expect(el.items[0].title).to.not.equal('Cũ');
    expect(el.total).to.equal(5);
  });

  it('finishes loading after being moved in the document mid-request', async () => {
    const el = await fixture<NewsFeed>(html`<news-feed src=${respondUrl({ body: jsonFeed(makeItems(3)), delay: 200 })}></news-feed>`);
    const other = document.createElement('section');
    document.body.append(other);
    const load = oneEvent(el, 'news-load');
    other.append(el);
    await load;
    expect(el.status).to.equal('ready');
    other.remove();
  });
});

describe('<news-feed> as ward pages meet it (issue 16)', () => {
  it('leaves out the article being read: "Các tin khác" needs no exclude', async () => {
    const here = location.href.replace(/#.*/, '');
    const body = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [
      { id: 'this', title: 'Bài đang đọc', url: here },
      { id: 'other', title: 'Tin khác', url: '/tin/khac' },
    ] });
    const el = await loaded(html`<news-feed src=${respondUrl({ body })}></news-feed>`);
    expect(el.items.map((item) => item.id)).to.deep.equal(['other']);
  });

  it('hides a picture that fails to load, keeping its box; shows it again when another loads there', async () => {
    const body = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [
      { id: '1', title: 'Ảnh hỏng', image: '/test/fixtures/images/khong-co.jpg' },
    ] });
    const el = await loaded(html`<news-feed src=${respondUrl({ body })}></news-feed>`);
    const image = part(el, 'image')[0] as HTMLImageElement;
    const box = image.getBoundingClientRect();
    await waitUntil(() => image.classList.contains('broken'), 'the picture fails', { timeout: 3000 });
    expect(getComputedStyle(image).visibility).to.equal('hidden');
    expect(image.getBoundingClientRect().height).to.equal(box.height);
    image.src = new URL('/test/fixtures/images/hoi-nghi.svg', location.href).href;
    await waitUntil(() => !image.classList.contains('broken'), 'another picture loads', { timeout: 3000 });
  });

  it('adds rel="noopener" for any named target, not only _blank', async () => {
    const el = await loaded(html`<news-feed src=${WARD_FEED} target="tin-tuc"></news-feed>`);
    const link = part(el, 'link')[0];
    expect([link.getAttribute('target'), link.getAttribute('rel')]).to.deep.equal(['tin-tuc', 'noopener']);
  });

  it('with lang="en" marks only its own UI as English: the feed\'s items keep the page\'s language', async () => {
    const page = await fixture<HTMLElement>(html`<div lang="vi"><news-feed lang="en" src=${WARD_FEED} limit="2"></news-feed></div>`);
    const el = page.querySelector('news-feed')!;
    await waitUntil(() => el.status === 'ready', 'loaded');
    await el.updateComplete;
    expect(part(el, 'list')[0].lang).to.equal('vi');
    expect(part(el, 'pagination')[0].lang).to.equal('en');
    // Without lang on the host everything inherits the page's.
    const plain = await loaded(html`<news-feed src=${WARD_FEED}></news-feed>`);
    expect(part(plain, 'list')[0].hasAttribute('lang')).to.equal(false);
  });

  it('asks for nothing while it is out of the document, and reads its src once it is back', async () => {
    const key = `detached-${Math.random()}`;
    const el = await loaded(html`<news-feed src=${WARD_FEED}></news-feed>`);
    el.remove();
    el.src = respondUrl({ body: jsonFeed(makeItems(2)), key });
    await el.updateComplete;
    await aTimeout(200);
    expect(await requestCount(key)).to.equal(0);
    document.body.append(el);
    await waitUntil(() => el.items.length === 2, 'read once back', { timeout: 3000 });
    expect(await requestCount(key)).to.equal(1);
    el.remove();
  });
});

