import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/news-feed.js';
import '../../src/news-category-tabs.js';
import '../../src/news-search.js';
import '../../src/news-date-archive.js';
import type { NewsFeed } from '../../src/news-feed.js';
import type { NewsCategoryTabs } from '../../src/news-category-tabs.js';
import type { NewsSearch } from '../../src/news-search.js';

const WARD_FEED = '/test/fixtures/ward-feed.json';

const ids = (feed: NewsFeed) => feed.items.map((item) => item.id);
const tab = (el: NewsCategoryTabs, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')].find((node) => node.textContent!.trim() === label)!;
const selectedTab = (el: NewsCategoryTabs) => el.shadowRoot!.querySelector('[aria-selected="true"]')?.textContent!.trim();
const pageButton = (feed: NewsFeed, label: string) =>
  feed.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="page"][aria-label="${label}"]`)!;

/** The test page's own query string (the runner's session id), kept like any other parameter. */
const BASE = location.pathname + location.search;
// Other parameters as a CMS writes them, and a hash: all must come back byte for byte.
const OTHER = `${location.search ? '&' : '?'}trang=tin-tuc&x=a%20b~`;
const HASH = '#noi-dung';

function setUrl(newsParams = ''): void {
  history.replaceState(null, '', `${BASE}${OTHER}${newsParams}${HASH}`);
}

/** The news-* parameters of the current URL, after the others, which must be unchanged. */
function newsParams(): string {
  const url = location.pathname + location.search;
  expect(url.startsWith(BASE + OTHER), url).to.be.true;
  expect(location.hash).to.equal(HASH);
  return url.slice((BASE + OTHER).length);
}

async function page(template: ReturnType<typeof html>): Promise<HTMLElement> {
  const root = await fixture<HTMLElement>(template);
  const feeds = [...root.querySelectorAll('news-feed')];
  await waitUntil(() => feeds.every((feed) => feed.status === 'ready' || feed.status === 'empty'), 'feeds load');
  for (const el of root.querySelectorAll('news-category-tabs, news-search')) await (el as NewsSearch).updateComplete;
  return root;
}

/** Back or Forward, then the elements settle. */
async function go(direction: 'back' | 'forward' | number, ...elements: (NewsFeed | NewsCategoryTabs | NewsSearch)[]): Promise<void> {
  const popped = oneEvent(window, 'popstate');
  if (typeof direction === 'number') history.go(direction);
  else history[direction]();
  await popped;
  for (const el of elements) await el.updateComplete;
  for (const el of elements) await el.updateComplete;
}

describe('<news-feed sync-url>', () => {
  afterEach(() => history.replaceState(null, '', BASE));

  it('reads filters and page from the query string on load, without adding history', async () => {
    setUrl('&news-category=noi-chinh&news-page=2');
    const length = history.length;
    const root = await page(html`<div><news-category-tabs></news-category-tabs><news-feed sync-url limit="1" src=${WARD_FEED}></news-feed></div>`);
    const feed = root.querySelector('news-feed')!;
    expect(feed.syncUrl).to.be.true;
    expect(feed.category).to.equal('noi-chinh');
    expect(feed.page).to.equal(2);
    expect(ids(feed)).to.deep.equal(['tin-9']);
    expect(selectedTab(root.querySelector('news-category-tabs')!)).to.equal('Nội chính');
    expect(history.length).to.equal(length);
    expect(newsParams()).to.equal('&news-category=noi-chinh&news-page=2');
  });

  it('reads a search, a day and a month; junk page numbers are page 1', async () => {
    setUrl('&news-q=huong%20tra&news-month=2021-04&news-page=abc');
    const length = history.length;
    const root = await page(html`<div><news-search></news-search><news-feed sync-url src=${WARD_FEED}></news-feed></div>`);
    const feed = root.querySelector('news-feed')!;
    expect(feed.query).to.equal('huong tra');
    expect(feed.month).to.equal('2021-04');
    expect(feed.page).to.equal(1);
    expect(ids(feed)).to.deep.equal(['tin-11']);
    expect(root.querySelector('news-search')!.shadowRoot!.querySelector('input')!.value).to.equal('huong tra');
    expect(history.length).to.equal(length);

    setUrl('&news-date=2021-04-20');
    const other = await page(html`<div><news-feed sync-url src=${WARD_FEED}></news-feed></div>`);
    expect(ids(other.querySelector('news-feed')!)).to.deep.equal(['10']);
  });

  it("pushes an entry per choice, keeping the page's other parameters and hash as written", async () => {
    setUrl();
    const root = await page(html`<div><news-category-tabs></news-category-tabs><news-feed sync-url src=${WARD_FEED}></news-feed></div>`);
    const tabs = root.querySelector('news-category-tabs')!;
    const feed = root.querySelector('news-feed')!;
    tab(tabs, 'Kinh tế - Chính trị - Văn hóa - Xã hội').click();
    await feed.updateComplete;
    expect(newsParams()).to.equal('&news-category=kinh-te-chinh-tri-van-hoa-xa-hoi');
    tab(tabs, 'Tất cả').click();
    await feed.updateComplete;
    expect(newsParams()).to.equal('');
    await go('back', feed, tabs);
    expect(newsParams()).to.equal('&news-category=kinh-te-chinh-tri-van-hoa-xa-hoi');
    expect(selectedTab(tabs)).to.equal('Kinh tế - Chính trị - Văn hóa - Xã hội');
    await go('back', feed, tabs);
    expect(newsParams()).to.equal('');
    expect(selectedTab(tabs)).to.equal('Tất cả');
  });

  it('Back and Forward restore category and page, and the controls follow', async () => {
    setUrl();
    const root = await page(html`<div><news-category-tabs></news-category-tabs><news-feed sync-url limit="1" src=${WARD_FEED}></news-feed></div>`);
    const tabs = root.querySelector('news-category-tabs')!;
    const feed = root.querySelector('news-feed')!;

    tab(tabs, 'Nội chính').click();
    await feed.updateComplete;
    pageButton(feed, 'Trang 2').click();
    await feed.updateComplete;
    tab(tabs, 'An ninh').click();
    await feed.updateComplete;
    expect(newsParams()).to.equal('&news-category=an-ninh');

    const views: [string, string, string][] = [];
    const view = () => {
      views.push([newsParams(), ids(feed).join(), selectedTab(tabs)!]);
    };
    await go('back', feed, tabs);
    view();
    await go('back', feed, tabs);
    view();
    await go('back', feed, tabs);
    view();
    await go('forward', feed, tabs);
    view();
    await go('forward', feed, tabs);
    view();
    await go('forward', feed, tabs);
    view();
    expect(views).to.deep.equal([
      ['&news-category=noi-chinh&news-page=2', 'tin-9', 'Nội chính'],
      ['&news-category=noi-chinh', '10', 'Nội chính'],
      ['', 'tin-12', 'Tất cả'],
      ['&news-category=noi-chinh', '10', 'Nội chính'],
      ['&news-category=noi-chinh&news-page=2', 'tin-9', 'Nội chính'],
      ['&news-category=an-ninh', 'tin-9', 'An ninh'],
    ]);
    expect(feed.page).to.equal(1);

    // Several steps at once, to a view on the same page number of another category.
    tab(tabs, 'Đảng, đoàn thể').click();
    await feed.updateComplete;
    pageButton(feed, 'Trang 2').click();
    await feed.updateComplete;
    expect(newsParams()).to.equal('&news-category=dang-doan-the&news-page=2');
    await go(-3, feed, tabs);
    expect(newsParams()).to.equal('&news-category=noi-chinh&news-page=2');
    expect(feed.page).to.equal(2);
    expect(ids(feed)).to.deep.equal(['tin-9']);
  });

  it('a typed search is one history entry: Back returns to before it, Forward brings it back', async () => {
    setUrl();
    const root = await page(html`<div><news-search debounce="0"></news-search><news-feed sync-url src=${WARD_FEED}></news-feed></div>`);
    const search = root.querySelector('news-search')!;
    const feed = root.querySelector('news-feed')!;
    const field = search.shadowRoot!.querySelector('input')!;
    field.focus();
    await sendKeys({ type: 'huong tra' });
    await feed.updateComplete;
    expect(newsParams()).to.equal('&news-q=huong%20tra');
    expect(ids(feed)).to.deep.equal(['tin-11']);

    await go('back', feed, search);
    expect(newsParams()).to.equal('');
    expect(feed.query).to.equal('');
    expect(field.value).to.equal('');
    expect(feed.items.length).to.equal(5);

    await go('forward', feed, search);
    expect(feed.query).to.equal('huong tra');
    expect(field.value).to.equal('huong tra');
    expect(ids(feed)).to.deep.equal(['tin-11']);

    // Clearing is a step of its own, so Back brings the search back.
    await sendKeys({ press: 'Escape' });
    await feed.updateComplete;
    expect(newsParams()).to.equal('');
    await go('back', feed, search);
    expect(field.value).to.equal('huong tra');
  });

  it('paging through search results is a history entry per page', async () => {
    setUrl();
    const root = await page(html`<div><news-search debounce="0"></news-search><news-feed sync-url limit="1" src=${WARD_FEED}></news-feed></div>`);
    const search = root.querySelector('news-search')!;
    const feed = root.querySelector('news-feed')!;
    search.shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ type: 'phuong' });
    await feed.updateComplete;
    expect(feed.total).to.be.greaterThan(2);
    pageButton(feed, 'Trang 2').click();
    await feed.updateComplete;
    pageButton(feed, 'Trang 3').click();
    await feed.updateComplete;
    expect(newsParams()).to.equal('&news-q=phuong&news-page=3');
    await go('back', feed, search);
    expect(newsParams()).to.equal('&news-q=phuong&news-page=2');
    expect(feed.page).to.equal(2);
    await go('back', feed, search);
    expect(newsParams()).to.equal('&news-q=phuong');
    // A new search after paging still amends: its page goes back to 1.
    pageButton(feed, 'Trang 2').click();
    await feed.updateComplete;
    search.shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' x' });
    await feed.updateComplete;
    expect(newsParams()).to.equal('&news-q=phuong%20x');
    await go('back', feed, search);
    expect(newsParams()).to.equal('&news-q=phuong');
  });

  it('arrowing along the tabs is one history entry; a click after it is one more', async () => {
    setUrl();
    const root = await page(html`<div><news-category-tabs></news-category-tabs><news-feed sync-url src=${WARD_FEED}></news-feed></div>`);
    const tabs = root.querySelector('news-category-tabs')!;
    const feed = root.querySelector('news-feed')!;
    tab(tabs, 'Tất cả').focus();
    for (let i = 0; i < 3; i++) {
      await sendKeys({ press: 'ArrowRight' });
      await feed.updateComplete;
    }
    const arrowed = newsParams();
    expect(arrowed).to.match(/^&news-category=[a-z-]+$/);
    // One step back from the third tab passed is the view before the arrows.
    await go('back', feed, tabs);
    expect(newsParams()).to.equal('');
    expect(selectedTab(tabs)).to.equal('Tất cả');
    await go('forward', feed, tabs);
    expect(newsParams()).to.equal(arrowed);
    tab(tabs, 'Tất cả').click();
    await feed.updateComplete;
    expect(newsParams()).to.equal('');
    await go('back', feed, tabs);
    expect(newsParams()).to.equal(arrowed);
  });

  it('a walk along the tabs after Back is a step of its own: it leaves the entry Back returned to', async () => {
    // An entry before the page's, so that a Back too far still lands here.
    setUrl('&news-q=truoc');
    history.pushState(null, '', `${BASE}${OTHER}${HASH}`);
    const root = await page(html`<div><news-category-tabs></news-category-tabs><news-feed sync-url src=${WARD_FEED}></news-feed></div>`);
    const tabs = root.querySelector('news-category-tabs')!;
    const feed = root.querySelector('news-feed')!;
    const walk = async (steps: number) => {
      tab(tabs, 'Tất cả').focus();
      for (let i = 0; i < steps; i++) {
        await sendKeys({ press: 'ArrowRight' });
        await feed.updateComplete;
      }
      expect(newsParams()).to.match(/^&news-category=[a-z-]+$/);
    };
    await walk(1);
    await go('back', feed, tabs);
    expect(newsParams()).to.equal('');
    await walk(2);
    await go('back', feed, tabs);
    expect(newsParams()).to.equal('');
    expect(selectedTab(tabs)).to.equal('Tất cả');
  });

  it('a feed taken out of the page leaves the URL alone, and picks it up when it is back', async () => {
    setUrl('&news-category=an-ninh');
    const root = await page(html`<div><news-feed sync-url src=${WARD_FEED}></news-feed></div>`);
    const feed = root.querySelector('news-feed')!;
    feed.remove();
    // A single-page app sets the feed while it is out of the page.
    feed.query = 'huong tra';
    await feed.updateComplete;
    expect(feed.query).to.equal('huong tra');
    expect(feed.category).to.equal('an-ninh');
    expect(newsParams()).to.equal('&news-category=an-ninh');
    setUrl('&news-category=noi-chinh');
    root.append(feed);
    await waitUntil(() => feed.category === 'noi-chinh', 'the URL is read again');
  });

  it("a missing parameter means the feed's own setting; clearing it is written as empty", async () => {
    setUrl();
    const root = await page(html`<div><news-category-tabs></news-category-tabs><news-feed sync-url category="an-ninh" src=${WARD_FEED}></news-feed></div>`);
    const tabs = root.querySelector('news-category-tabs')!;
    const feed = root.querySelector('news-feed')!;
    expect(ids(feed)).to.deep.equal(['tin-9']);
    expect(selectedTab(tabs)).to.equal('An ninh');
    tab(tabs, 'Tất cả').click();
    await feed.updateComplete;
    expect(newsParams()).to.equal('&news-category=');
    await go('back', feed, tabs);
    expect(feed.category).to.equal('an-ninh');
    expect(selectedTab(tabs)).to.equal('An ninh');

    // The shared link shows all, though the feed starts on a category.
    setUrl('&news-category=');
    const shared = await page(html`<div><news-feed sync-url category="an-ninh" src=${WARD_FEED}></news-feed></div>`);
    expect(shared.querySelector('news-feed')!.items.length).to.equal(5);
  });

  it("a control's own starting value is the feed's setting: no history on load, and a shared link still wins", async () => {
    setUrl();
    const length = history.length;
    let root = await page(html`<div><news-category-tabs value="an-ninh"></news-category-tabs><news-date-archive view="months" value="2021-03"></news-date-archive><news-feed sync-url src=${WARD_FEED}></news-feed></div>`);
    let tabs = root.querySelector('news-category-tabs')!;
    let feed = root.querySelector('news-feed')!;
    expect(feed.category).to.equal('an-ninh');
    expect(feed.month).to.equal('2021-03');
    expect(ids(feed)).to.deep.equal(['tin-9']);
    expect(history.length).to.equal(length);
    expect(newsParams()).to.equal('');
    tab(tabs, 'Tất cả').click();
    await feed.updateComplete;
    expect(newsParams()).to.equal('&news-category=');
    await go('back', feed, tabs);
    expect(newsParams()).to.equal('');
    expect(selectedTab(tabs)).to.equal('An ninh');
    expect(ids(feed)).to.deep.equal(['tin-9']);

    // A shared link's parameters, empty or not, win over the controls' starting values.
    root.remove();
    setUrl('&news-category=&news-month=2021-04&news-page=2');
    root = await page(html`<div><news-category-tabs value="an-ninh"></news-category-tabs><news-date-archive view="months" value="2021-03"></news-date-archive><news-feed sync-url limit="1" src=${WARD_FEED}></news-feed></div>`);
    tabs = root.querySelector('news-category-tabs')!;
    feed = root.querySelector('news-feed')!;
    await root.querySelector('news-date-archive')!.updateComplete;
    expect(feed.category).to.equal('');
    expect(feed.month).to.equal('2021-04');
    expect(feed.page).to.equal(2);
    expect(ids(feed)).to.deep.equal(['tin-11']);
    expect(selectedTab(tabs)).to.equal('Tất cả');
    expect(root.querySelector('news-date-archive')!.value).to.equal('2021-04');
    expect(newsParams()).to.equal('&news-category=&news-month=2021-04&news-page=2');
  });

  it('two feeds with a prefix each keep their own parameters, read on load, and Back restores both', async () => {
    setUrl('&tb-category=noi-chinh&pm-page=2');
    const length = history.length;
    const root = await page(html`<div>
      <news-category-tabs for="tb"></news-category-tabs><news-feed id="tb" sync-url="tb" limit="1" src=${WARD_FEED}></news-feed>
      <news-category-tabs for="pm"></news-category-tabs><news-feed id="pm" sync-url="pm" limit="2" src=${WARD_FEED}></news-feed></div>`);
    const [tbTabs, pmTabs] = root.querySelectorAll('news-category-tabs');
    const [tb, pm] = root.querySelectorAll('news-feed');
    expect(tb.syncUrl).to.equal('tb');
    expect([tb.category, tb.page, pm.category, pm.page]).to.deep.equal(['noi-chinh', 1, '', 2]);
    expect(selectedTab(tbTabs)).to.equal('Nội chính');
    expect(selectedTab(pmTabs)).to.equal('Tất cả');
    expect(history.length).to.equal(length);

    pageButton(tb, 'Trang 2').click();
    await tb.updateComplete;
    // Each feed writes its own parameters after the others', which stay as they were.
    expect(newsParams()).to.equal('&pm-page=2&tb-category=noi-chinh&tb-page=2');
    tab(pmTabs, 'An ninh').click();
    await pm.updateComplete;
    // A new filter takes pm back to its page 1, its own default: no pm-page any more.
    expect(newsParams()).to.equal('&tb-category=noi-chinh&tb-page=2&pm-category=an-ninh');
    expect(tb.page).to.equal(2);

    await go('back', tb, pm, tbTabs, pmTabs);
    expect(newsParams()).to.equal('&pm-page=2&tb-category=noi-chinh&tb-page=2');
    expect([tb.category, tb.page, pm.category, pm.page]).to.deep.equal(['noi-chinh', 2, '', 2]);
    expect(selectedTab(pmTabs)).to.equal('Tất cả');
    await go('back', tb, pm, tbTabs, pmTabs);
    expect(newsParams()).to.equal('&tb-category=noi-chinh&pm-page=2');
    expect([tb.category, tb.page, pm.category, pm.page]).to.deep.equal(['noi-chinh', 1, '', 2]);
    expect(selectedTab(tbTabs)).to.equal('Nội chính');
  });

  it('without sync-url the URL and history are left alone', async () => {
    setUrl('&news-category=noi-chinh');
    const root = await page(html`<div><news-category-tabs></news-category-tabs><news-feed src=${WARD_FEED}></news-feed></div>`);
    const tabs = root.querySelector('news-category-tabs')!;
    const feed = root.querySelector('news-feed')!;
    const length = history.length;
    expect(feed.category).to.equal('');
    tab(tabs, 'An ninh').click();
    await feed.updateComplete;
    expect(history.length).to.equal(length);
    expect(newsParams()).to.equal('&news-category=noi-chinh');
  });

  it('sync-url turned on from code reads the URL then', async () => {
    setUrl('&news-category=an-ninh');
    const root = await page(html`<div><news-feed src=${WARD_FEED}></news-feed></div>`);
    const feed = root.querySelector('news-feed')!;
    expect(feed.items.length).to.equal(5);
    feed.syncUrl = true;
    await waitUntil(() => feed.category === 'an-ninh', 'the URL is read');
    await feed.updateComplete;
    expect(ids(feed)).to.deep.equal(['tin-9']);
  });
});
