import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/news-category-tabs.js';
import '../../src/news-feed.js';
import type { NewsCategoryTabs } from '../../src/news-category-tabs.js';
import type { NewsFeed } from '../../src/news-feed.js';
import type { ValueChangeDetail } from '../../src/events.js';
import { framePage, nextPage } from '../frame.js';
import { jsonFeed, makeItems, requestCount, respondUrl } from '../helpers.js';

const WARD_FEED = '/test/fixtures/ward-feed.json';
const WARD_TABS = ['Tất cả', 'Đảng, đoàn thể', 'Kinh tế - Chính trị - Văn hóa - Xã hội', 'Nội chính', 'An ninh'];

const tabsOf = (el: NewsCategoryTabs) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
const labels = (el: NewsCategoryTabs) => tabsOf(el).map((tab) => tab.textContent!.trim());
const selectedLabel = (el: NewsCategoryTabs) => tabsOf(el).find((tab) => tab.getAttribute('aria-selected') === 'true')?.textContent!.trim();
const focusedTab = (el: NewsCategoryTabs) => el.shadowRoot!.activeElement as HTMLElement | null;
const ids = (feed: NewsFeed) => feed.items.map((item) => item.id);

/** Renders a page fragment and waits until its feeds have loaded and its tabs rendered. */
async function page(template: ReturnType<typeof html>): Promise<HTMLElement> {
  const root = await fixture<HTMLElement>(template);
  const feeds = [...root.querySelectorAll('news-feed')];
  await waitUntil(() => feeds.every((feed) => feed.status === 'ready' || feed.status === 'empty'), 'feeds load');
  for (const tabs of root.querySelectorAll('news-category-tabs')) await tabs.updateComplete;
  return root;
}

/** Collects the `change` events an element fires. */
function changes(el: HTMLElement): string[] {
  const values: string[] = [];
  el.addEventListener('change', (event) => values.push((event as CustomEvent<ValueChangeDetail>).detail.value));
  return values;
}

describe('<news-category-tabs>', () => {
  it("makes tabs of the feed's categories after a first tab, Tất cả, that is selected", async () => {
    const root = await page(html`<div><news-category-tabs></news-category-tabs><news-feed src=${WARD_FEED}></news-feed></div>`);
    const el = root.querySelector('news-category-tabs')!;
    expect(labels(el)).to.deep.equal(WARD_TABS);
    const list = el.shadowRoot!.querySelector('[role="tablist"]')!;
    expect(list.getAttribute('aria-label')).to.equal('Chuyên mục');
    expect(selectedLabel(el)).to.equal('Tất cả');
    expect(tabsOf(el).map((tab) => tab.tabIndex)).to.deep.equal([0, -1, -1, -1, -1]);
    await expect(el).to.be.accessible();
  });

  it('makes tabs of its light-DOM links, valued by data-value or else their text, and hides the links', async () => {
    const root = await page(html`<div>
      <news-category-tabs>
        <a href="/chuyen-muc/noi-chinh" data-value="noi-chinh">Nội chính</a>
        <a href="/chuyen-muc/an-ninh">  An ninh </a>
      </news-category-tabs>
      <news-feed src=${WARD_FEED}></news-feed>
    </div>`);
    const el = root.querySelector('news-category-tabs')!;
    const feed = root.querySelector('news-feed')!;
    expect(labels(el)).to.deep.equal(['Tất cả', 'Nội chính', 'An ninh']);
    expect(el.querySelector('a')!.getClientRects().length).to.equal(0);
    const values = changes(el);
    tabsOf(el)[1].click();
    tabsOf(el)[2].click();
    expect(values).to.deep.equal(['noi-chinh', 'An ninh']);
    await el.updateComplete;
    await feed.updateComplete;
    expect(feed.category).to.equal('An ninh');
    expect(ids(feed)).to.deep.equal(['tin-9']);
  });

  it("under server paging of a server whose categories it cannot read, knows only the page shown; the site's categories added as links are all there", async () => {
    const src = `/__test/wp-posts?key=site-categories-${Math.random()}&total=23&page={page}&per_page={limit}&categories={category}`;
    const root = await page(html`<div><news-category-tabs for="wp"></news-category-tabs><news-feed id="wp" src=${src} limit="1"></news-feed></div>`);
    const el = root.querySelector('news-category-tabs')!;
    const feed = root.querySelector('news-feed')!;
    // One post a page: the tabs made from the feed know only that post's category.
    expect(labels(el)).to.deep.equal(['Tất cả', 'Tin tức']);

    // The README's snippet, against a stand-in for /wp-json/wp/v2/categories.
    const categoriesUrl = respondUrl({ body: JSON.stringify([{ id: 1, name: 'Tin tức', count: 12 }, { id: 2, name: 'Thông báo &amp; Lịch', count: 11 }]) });
    const answer = await fetch(categoriesUrl);
    for (const { id, name, count } of (await answer.json()) as { id: number; name: string; count: number }[]) {
      const link = document.createElement('a');
      link.href = `/tin-tuc?news-category=${id}`;
      link.dataset.value = String(id);
      link.textContent = `${name.replaceAll('&amp;', '&')} (${count})`;
      el.append(link);
    }
    await waitUntil(() => labels(el).length === 3, 'the links become tabs');
    expect(labels(el)).to.deep.equal(['Tất cả', 'Tin tức (12)', 'Thông báo & Lịch (11)']);
    tabsOf(el)[2].click();
    await waitUntil(() => feed.category === '2' && feed.status === 'ready' && feed.items[0]?.categories[0] === 'Thông báo', 'the server filters by the id');
    expect(feed.total).to.equal(11);
  });

  it("under server paging of a WordPress site, reads the site's own categories from its categories route, once per site", async () => {
    const before = await requestCount('wp-categories');
    const src = `/__test/wp-json/wp/v2/posts?key=wp-own-${Math.random()}&_embed&page={page}&per_page={limit}&categories={category}`;
    const root = await page(html`<div><news-category-tabs for="wp"></news-category-tabs><news-feed id="wp" src=${src} limit="1"></news-feed>
      <news-feed src=${`${src}&other`} limit="2"></news-feed></div>`);
    const el = root.querySelector('news-category-tabs')!;
    const feed = root.querySelector('news-feed')!;
    await waitUntil(() => labels(el).length === 3, 'the site\'s categories become tabs');
    // One post a page, yet both categories, with the site's counts; an empty one is left out.
    expect(labels(el)).to.deep.equal(['Tất cả', 'Tin tức', 'Thông báo']);
    expect(feed.categories).to.deep.equal([{ name: 'Tin tức', slug: '1', count: 12 }, { name: 'Thông báo', slug: '2', count: 11 }]);
    expect(await requestCount('wp-categories')).to.equal(before + 1);
    tabsOf(el)[2].click();
    await waitUntil(() => feed.category === '2' && feed.status === 'ready' && feed.items[0]?.categories[0] === 'Thông báo', 'the server filters by the id');
    expect(feed.total).to.equal(11);
    // The tabs still offer every category while the server filters.
    expect(labels(el)).to.deep.equal(['Tất cả', 'Tin tức', 'Thông báo']);
  });

  it('picks up links added later', async () => {
    const root = await page(html`<div><news-category-tabs><a href="/a">An ninh</a></news-category-tabs><news-feed src=${WARD_FEED}></news-feed></div>`);
    const el = root.querySelector('news-category-tabs')!;
    const link = document.createElement('a');
    link.href = '/b';
    link.dataset.value = 'noi-chinh';
    link.textContent = 'Nội chính';
    el.append(link);
    await waitUntil(() => labels(el).length === 3, 'the new link becomes a tab');
    expect(labels(el)).to.deep.equal(['Tất cả', 'An ninh', 'Nội chính']);
  });

  it('a click chooses: the feed filters, `value` reflects, `change` fires once, bubbling out of the page', async () => {
    const root = await page(html`<div><news-category-tabs></news-category-tabs><news-feed src=${WARD_FEED}></news-feed></div>`);
    const el = root.querySelector('news-category-tabs')!;
    const feed = root.querySelector('news-feed')!;
    const event = oneEvent(document, 'change') as Promise<CustomEvent<ValueChangeDetail>>;
    tabsOf(el)[3].click();
    const { detail, bubbles, composed } = await event;
    expect(detail).to.deep.equal({ value: 'noi-chinh' });
    expect(bubbles && composed).to.be.true;
    await el.updateComplete;
    await feed.updateComplete;
    expect(el.value).to.equal('noi-chinh');
    expect(el.getAttribute('value')).to.equal('noi-chinh');
    expect(feed.category).to.equal('noi-chinh');
    expect(ids(feed)).to.deep.equal(['10', 'tin-9']);
    expect(selectedLabel(el)).to.equal('Nội chính');
    expect(tabsOf(el)[3].getAttribute('part')).to.equal('tab selected');

    const values = changes(el);
    tabsOf(el)[3].click();
    expect(values, 'choosing the chosen tab again').to.deep.equal([]);
    tabsOf(el)[0].click();
    expect(values).to.deep.equal(['']);
    await feed.updateComplete;
    expect(feed.category).to.equal('');
    expect(feed.items.length).to.equal(5);
    await expect(el).to.be.accessible();
  });

  it('keyboard: Tab reaches the selected tab; Left and Right wrap, Home and End; selection follows focus', async () => {
    const root = await page(html`<div>
      <button id="before">before</button>
      <news-category-tabs value="noi-chinh"></news-category-tabs>
      <button id="after">after</button>
      <news-feed src=${WARD_FEED}></news-feed>
    </div>`);
    const el = root.querySelector('news-category-tabs')!;
    const feed = root.querySelector('news-feed')!;
    const values = changes(el);
    root.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focusedTab(el)?.textContent).to.equal('Nội chính');

    const steps: [string, string][] = [
      ['ArrowRight', 'An ninh'],
      ['ArrowRight', 'Tất cả'],
      ['ArrowLeft', 'An ninh'],
      ['Home', 'Tất cả'],
      ['ArrowLeft', 'An ninh'],
      ['Home', 'Tất cả'],
      ['End', 'An ninh'],
      ['ArrowLeft', 'Nội chính'],
    ];
    for (const [key, label] of steps) {
      await sendKeys({ press: key });
      await el.updateComplete;
      expect(focusedTab(el)?.textContent, key).to.equal(label);
      expect(selectedLabel(el), key).to.equal(label);
    }
    expect(values).to.deep.equal(['an-ninh', '', 'an-ninh', '', 'an-ninh', '', 'an-ninh', 'noi-chinh']);
    await feed.updateComplete;
    expect(feed.category).to.equal('noi-chinh');

    // One tab stop: Tab leaves the tab list.
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(root.querySelector('#after'));
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focusedTab(el)?.textContent).to.equal('Nội chính');
  });

  it('setting `value` from code selects and filters but fires nothing', async () => {
    const root = await page(html`<div><news-category-tabs></news-category-tabs><news-feed src=${WARD_FEED}></news-feed></div>`);
    const el = root.querySelector('news-category-tabs')!;
    const feed = root.querySelector('news-feed')!;
    const values = changes(el);
    el.value = 'An ninh';
    await el.updateComplete;
    await feed.updateComplete;
    expect(selectedLabel(el)).to.equal('An ninh');
    expect(feed.category).to.equal('An ninh');
    expect(ids(feed)).to.deep.equal(['tin-9']);
    el.setAttribute('value', 'dang-doan-the');
    await el.updateComplete;
    expect(selectedLabel(el)).to.equal('Đảng, đoàn thể');
    await aTimeout(10);
    expect(values).to.deep.equal([]);
  });

  it("follows the feed's category when something else changes it", async () => {
    const root = await page(html`<div><news-category-tabs></news-category-tabs><news-feed src=${WARD_FEED}></news-feed></div>`);
    const el = root.querySelector('news-category-tabs')!;
    const feed = root.querySelector('news-feed')!;
    const values = changes(el);
    feed.category = 'Nội chính';
    await oneEvent(feed, 'news-change');
    await el.updateComplete;
    expect(el.value).to.equal('Nội chính');
    expect(selectedLabel(el)).to.equal('Nội chính');
    expect(values).to.deep.equal([]);
  });

  it('with a value that names no tab, none is selected and the first is the tab stop', async () => {
    const root = await page(html`<div><news-category-tabs value="khong-co"></news-category-tabs><news-feed src=${WARD_FEED}></news-feed></div>`);
    const el = root.querySelector('news-category-tabs')!;
    expect(selectedLabel(el)).to.equal(undefined);
    expect(tabsOf(el).map((tab) => tab.tabIndex)).to.deep.equal([0, -1, -1, -1, -1]);
    expect(root.querySelector('news-feed')!.status).to.equal('empty');
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en", and all-label names the first tab', async () => {
    const root = await page(html`<div>
      <news-category-tabs lang="en"></news-category-tabs>
      <news-category-tabs all-label="Tin mới"></news-category-tabs>
      <news-feed src=${WARD_FEED}></news-feed>
    </div>`);
    const [en, custom] = root.querySelectorAll('news-category-tabs');
    expect(labels(en)[0]).to.equal('All');
    expect(en.shadowRoot!.querySelector('[role="tablist"]')!.getAttribute('aria-label')).to.equal('Categories');
    expect(labels(custom)[0]).to.equal('Tin mới');
  });

  it('drives a feed that comes later in the document, or is added later, or replaced', async () => {
    const root = await fixture<HTMLElement>(html`<div><news-category-tabs for="news"></news-category-tabs></div>`);
    const el = root.querySelector('news-category-tabs')!;
    expect(el.shadowRoot!.querySelector('[role="tablist"]')).to.equal(null);

    const feed = document.createElement('news-feed');
    feed.id = 'news';
    feed.src = WARD_FEED;
    root.append(feed);
    await waitUntil(() => labels(el).length === 5, 'tabs from the added feed');
    tabsOf(el)[4].click();
    await feed.updateComplete;
    expect(ids(feed)).to.deep.equal(['tin-9']);

    // A new feed in its place (the CMS re-renders the list): the chosen category carries over.
    const other = document.createElement('news-feed');
    other.id = 'news';
    other.src = respondUrl({ body: jsonFeed(makeItems(3, (i) => ({ tags: [i ? 'An ninh' : 'Y tế'] }))) });
    feed.replaceWith(other);
    await waitUntil(() => other.status === 'ready' && labels(el).includes('Y tế'), 'tabs from the new feed');
    expect(other.category).to.equal('an-ninh');
    expect(ids(other)).to.deep.equal(['item-2', 'item-3']);
    expect(selectedLabel(el)).to.equal('An ninh');
  });

  it('while the feed loads and when it fails: the links are the tabs, or just Tất cả; still accessible', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <news-category-tabs for="slow"><a href="/a" data-value="an-ninh">An ninh</a></news-category-tabs>
      <news-category-tabs for="broken"></news-category-tabs>
      <news-feed id="slow" src=${respondUrl({ body: '{}', delay: 5000 })}></news-feed>
      <news-feed id="broken" src=${respondUrl({ status: 404, body: 'oops', type: 'text/plain' })}></news-feed>
    </div>`);
    const [slow, broken] = root.querySelectorAll('news-category-tabs');
    const [slowFeed, brokenFeed] = root.querySelectorAll('news-feed');
    await waitUntil(() => brokenFeed.status === 'error', 'the broken feed fails');
    await broken.updateComplete;
    expect(slowFeed.status).to.equal('loading');
    expect(labels(slow)).to.deep.equal(['Tất cả', 'An ninh']);
    expect(labels(broken)).to.deep.equal(['Tất cả']);
    await expect(root).to.be.accessible();
    const values = changes(slow);
    tabsOf(slow)[1].click();
    expect(values).to.deep.equal(['an-ninh']);
    expect(slowFeed.category).to.equal('an-ninh');
  });

  it('two feeds on one page, each with its own tabs', async () => {
    const root = await page(html`<div>
      <news-category-tabs for="left"></news-category-tabs>
      <news-category-tabs for="right"></news-category-tabs>
      <news-feed id="left" src=${WARD_FEED}></news-feed>
      <news-feed id="right" src=${WARD_FEED}></news-feed>
    </div>`);
    const [leftTabs, rightTabs] = root.querySelectorAll('news-category-tabs');
    const [left, right] = root.querySelectorAll('news-feed');
    tabsOf(leftTabs)[4].click();
    tabsOf(rightTabs)[1].click();
    await left.updateComplete;
    await right.updateComplete;
    expect(ids(left)).to.deep.equal(['tin-9']);
    expect(ids(right)).to.deep.equal(['tin-12', 'tin-8']);
    await leftTabs.updateComplete;
    await rightTabs.updateComplete;
    expect(selectedLabel(leftTabs)).to.equal('An ninh');
    expect(selectedLabel(rightTabs)).to.equal('Đảng, đoàn thể');
  });

  it('on a narrow screen the row scrolls sideways and keeps the selected tab in view, without scrolling the page', async () => {
    const items = makeItems(12, (i) => ({ tags: [`Chuyên mục thứ ${i + 1}`] }));
    // Room above the tabs and below the feed: the page itself can scroll, and
    // would, were the tab brought into view with scrollIntoView().
    window.scrollTo(0, 0);
    const root = await page(html`<div style="width: 240px; padding: 200px 0 200vh">
      <news-category-tabs></news-category-tabs>
      <news-feed src=${respondUrl({ body: jsonFeed(items) })} limit="2"></news-feed>
    </div>`);
    const el = root.querySelector('news-category-tabs')!;
    const list = el.shadowRoot!.querySelector<HTMLElement>('[role="tablist"]')!;
    expect(list.scrollWidth).to.be.greaterThan(list.clientWidth);
    expect(getComputedStyle(list).overflowX).to.equal('auto');
    expect(el.getBoundingClientRect().height, 'one row of tabs').to.be.lessThan(60);

    const inView = (tab: HTMLElement) => {
      const box = tab.getBoundingClientRect();
      const frame = list.getBoundingClientRect();
      return box.left >= frame.left - 1 && box.right <= frame.right + 1;
    };
    expect(window.scrollY, 'the page stays where it was').to.equal(0);
    el.value = 'chuyen-muc-thu-12';
    await el.updateComplete;
    const last = tabsOf(el).at(-1)!;
    expect(selectedLabel(el)).to.equal('Chuyên mục thứ 12');
    expect(inView(last), 'the last tab, set from code').to.be.true;
    expect(window.scrollY).to.equal(0);

    tabsOf(el)[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(inView(tabsOf(el)[1]), 'a tab chosen with the keyboard').to.be.true;
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(inView(last)).to.be.true;

    // Re-rendering (the feed's search changes) does not undo the reader's own scrolling.
    list.scrollLeft = 0;
    const feed = root.querySelector('news-feed')!;
    const change = oneEvent(feed, 'news-change');
    feed.query = 'chuyen muc';
    await change;
    await el.updateComplete;
    expect(el.value, 'the same tab, rendered again').to.equal('chuyen-muc-thu-12');
    expect(list.scrollLeft).to.equal(0);
    expect(window.scrollY).to.equal(0);
    await expect(el).to.be.accessible();
  });

  describe('navigation mode: no feed on the page', () => {
    it('shows its links as they are, to be followed, and no tabs', async () => {
      const el = await fixture<NewsCategoryTabs>(html`<news-category-tabs>
        <a href="/chuyen-muc/noi-chinh" data-value="noi-chinh">Nội chính</a>
        <a href="/chuyen-muc/an-ninh">An ninh</a>
      </news-category-tabs>`);
      expect(el.shadowRoot!.querySelector('[role="tablist"]')).to.equal(null);
      const links = [...el.querySelectorAll('a')];
      expect(links.every((link) => link.getClientRects().length > 0)).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('a `for` that names no feed also navigates', async () => {
      const root = await page(html`<div>
        <news-category-tabs for="nowhere"><a href="/a">An ninh</a></news-category-tabs>
        <news-feed src=${WARD_FEED}></news-feed>
      </div>`);
      const el = root.querySelector('news-category-tabs')!;
      expect(el.shadowRoot!.querySelector('[role="tablist"]')).to.equal(null);
      expect(el.querySelector('a')!.getClientRects().length).to.be.greaterThan(0);
    });

    it('the reader follows a link with the keyboard', async () => {
      const target = respondUrl({ type: 'text/html', body: '<title>Nội chính</title>' });
      const frame = await framePage(
        `<news-category-tabs><a href="${target.replace(/&/g, '&amp;')}&amp;c=noi-chinh">Nội chính</a></news-category-tabs>`,
        "import '/src/news-category-tabs.ts';",
      );
      const link = frame.contentDocument!.querySelector('a')!;
      link.focus();
      const next = nextPage(frame);
      await sendKeys({ press: 'Enter' });
      const url = await next;
      expect(url.pathname).to.equal('/__test/respond');
      expect(url.searchParams.get('c')).to.equal('noi-chinh');
      frame.remove();
    });
  });

  it("drives a feed whose script runs after its own", async () => {
    const frame = await framePage(
      `<news-category-tabs value="an-ninh"><a href="/a" data-value="an-ninh">An ninh</a></news-category-tabs>
       <news-feed src="${WARD_FEED}"></news-feed>`,
      "import '/src/news-category-tabs.ts';",
    );
    const doc = frame.contentDocument!;
    const el = doc.querySelector('news-category-tabs') as NewsCategoryTabs;
    const feed = doc.querySelector('news-feed') as NewsFeed;
    expect(frame.contentWindow!.customElements.get('news-feed')).to.equal(undefined);
    const script = doc.createElement('script');
    script.type = 'module';
    script.textContent = "import '/src/news-feed.ts';";
    doc.body.append(script);
    await waitUntil(() => feed.status === 'ready', 'the feed loads once defined');
    expect(feed.category).to.equal('an-ninh');
    expect(feed.items.map((item) => item.id)).to.deep.equal(['tin-9']);
    await el.updateComplete;
    tabsOf(el)[0].click();
    await feed.updateComplete;
    expect(feed.items.length).to.equal(5);
    frame.remove();
  });

  describe('on a phone (360 px wide)', () => {
    before(() => setViewport({ width: 360, height: 740 }));
    after(() => setViewport({ width: 800, height: 600 }));

    const listOf = (el: NewsCategoryTabs) => el.shadowRoot!.querySelector<HTMLElement>('[role="tablist"]')!;
    /**
     * Which edges of the row fade out, the hint that more tabs are there. The
     * row's mask has two layers, the end's fade then the start's, each shown
     * or pushed out of the row by its position (see the element's styles).
     */
    const fadedEdges = (el: NewsCategoryTabs) => {
      const [end, start] = getComputedStyle(listOf(el)).maskPosition.split(',').map((position) => parseFloat(position));
      return { start: start < 50, end: end > 50 };
    };
    /** Scrolls the row and waits for the scroll timeline to be sampled. */
    const scrollRow = async (el: NewsCategoryTabs, left: number) => {
      listOf(el).scrollLeft = left;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    };

    it('fades the end while tabs are hidden past it, both edges mid-way, only the start at the end', async () => {
      const root = await page(html`<div><news-category-tabs></news-category-tabs><news-feed src=${WARD_FEED}></news-feed></div>`);
      const el = root.querySelector('news-category-tabs')!;
      const list = listOf(el);
      expect(window.innerWidth).to.equal(360);
      expect(list.scrollWidth, 'the ward tabs do not fit').to.be.greaterThan(list.clientWidth + 100);
      await scrollRow(el, 0);
      expect(fadedEdges(el)).to.deep.equal({ start: false, end: true });
      await scrollRow(el, (list.scrollWidth - list.clientWidth) / 2);
      expect(fadedEdges(el)).to.deep.equal({ start: true, end: true });
      await scrollRow(el, list.scrollWidth);
      expect(fadedEdges(el)).to.deep.equal({ start: true, end: false });
      // The last tab, faded no more once scrolled to, can be read and chosen.
      tabsOf(el).at(-1)!.click();
      await el.updateComplete;
      expect(selectedLabel(el)).to.equal('An ninh');
      await expect(el).to.be.accessible();
    });

    it('shows no hint when the tabs fit', async () => {
      const root = await page(html`<div>
        <news-category-tabs><a href="/an-ninh">An ninh</a><a href="/y-te">Y tế</a></news-category-tabs>
        <news-feed src=${WARD_FEED}></news-feed>
      </div>`);
      const el = root.querySelector('news-category-tabs')!;
      const list = listOf(el);
      expect(list.scrollWidth).to.equal(list.clientWidth);
      await scrollRow(el, 0);
      expect(fadedEdges(el)).to.deep.equal({ start: false, end: false });
    });
  });
});
