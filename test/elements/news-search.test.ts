import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/news-search.js';
import '../../src/news-feed.js';
import type { NewsSearch } from '../../src/news-search.js';
import type { NewsFeed } from '../../src/news-feed.js';
import type { ValueChangeDetail } from '../../src/events.js';
import { framePage, nextPage } from '../frame.js';
import { respondUrl, watchNavigations } from '../helpers.js';

const WARD_FEED = '/test/fixtures/ward-feed.json';

const input = (el: NewsSearch) => el.shadowRoot!.querySelector('input')!;
const button = (el: NewsSearch) => el.shadowRoot!.querySelector('button')!;
const announced = (el: NewsSearch) => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();
const ids = (feed: NewsFeed) => feed.items.map((item) => item.id);

/** Renders a page fragment and waits until its feeds have loaded. */
async function page(template: ReturnType<typeof html>): Promise<HTMLElement> {
  const root = await fixture<HTMLElement>(template);
  const feeds = [...root.querySelectorAll('news-feed')];
  await waitUntil(() => feeds.every((feed) => feed.status === 'ready' || feed.status === 'empty'), 'feeds load');
  return root;
}

function changes(el: HTMLElement): string[] {
  const values: string[] = [];
  el.addEventListener('change', (event) => values.push((event as CustomEvent<ValueChangeDetail>).detail.value));
  return values;
}

/** Types into the focused search field as a reader does, one key at a time. */
async function type(el: NewsSearch, text: string): Promise<void> {
  input(el).focus();
  await sendKeys({ type: text });
}

describe('<news-search>', () => {
  it('is a labelled search form: field, placeholder, submit button, and an empty live region', async () => {
    const root = await page(html`<div><news-search></news-search><news-feed src=${WARD_FEED}></news-feed></div>`);
    const el = root.querySelector('news-search')!;
    const form = el.shadowRoot!.querySelector('form')!;
    expect(form.getAttribute('role')).to.equal('search');
    expect(input(el).type).to.equal('search');
    expect(input(el).getAttribute('aria-label')).to.equal('Tìm kiếm thông tin');
    expect(input(el).placeholder).to.equal('Tìm kiếm thông tin');
    expect(button(el).type).to.equal('submit');
    expect(button(el).textContent!.trim()).to.equal('Tìm kiếm');
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(announced(el)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('a placeholder names the field; lang="en" speaks English', async () => {
    const root = await page(html`<div>
      <news-search placeholder="Nhập từ khóa"></news-search><news-search lang="en"></news-search>
      <news-feed src=${WARD_FEED}></news-feed>
    </div>`);
    const [custom, en] = root.querySelectorAll('news-search');
    expect(input(custom).getAttribute('aria-label')).to.equal('Nhập từ khóa');
    expect(input(en).getAttribute('aria-label')).to.equal('Search news');
    expect(button(en).textContent!.trim()).to.equal('Search');
  });

  it('typing filters the feed once the reader pauses, ignoring marks: "huong tra" finds "Hương Trà"', async () => {
    const root = await page(html`<div><news-search></news-search><news-feed src=${WARD_FEED}></news-feed></div>`);
    const el = root.querySelector('news-search')!;
    const feed = root.querySelector('news-feed')!;
    const values = changes(el);
    const started = performance.now();
    await type(el, 'huong tra');
    expect(el.value).to.equal('huong tra');
    expect(feed.query, 'nothing yet while typing').to.equal('');
    await waitUntil(() => feed.query === 'huong tra', 'the feed gets the text', { timeout: 2000 });
    expect(performance.now() - started).to.be.at.least(250);
    await feed.updateComplete;
    expect(ids(feed)).to.deep.equal(['tin-11']);
    expect(values, 'one change for the settled text').to.deep.equal(['huong tra']);
    await el.updateComplete;
    expect(announced(el)).to.equal('1 kết quả');
    await expect(el).to.be.accessible();
  });

  it('"dang" finds "Đảng", and the live region says how many', async () => {
    const root = await page(html`<div><news-search debounce="0"></news-search><news-feed src=${WARD_FEED}></news-feed></div>`);
    const el = root.querySelector('news-search')!;
    const feed = root.querySelector('news-feed')!;
    await type(el, 'dang');
    await feed.updateComplete;
    await el.updateComplete;
    expect(ids(feed)).to.deep.equal(['tin-12', 'tin-8']);
    expect(announced(el)).to.equal('2 kết quả');
  });

  it('debounce="0" filters on every keystroke', async () => {
    const root = await page(html`<div><news-search debounce="0"></news-search><news-feed src=${WARD_FEED}></news-feed></div>`);
    const el = root.querySelector('news-search')!;
    const feed = root.querySelector('news-feed')!;
    const values = changes(el);
    await type(el, 'an');
    expect(feed.query).to.equal('an');
    expect(values).to.deep.equal(['a', 'an']);
  });

  it('says "0 kết quả" when nothing matches, and stays accessible', async () => {
    const root = await page(html`<div><news-search debounce="0"></news-search><news-feed src=${WARD_FEED}></news-feed></div>`);
    const el = root.querySelector('news-search')!;
    const feed = root.querySelector('news-feed')!;
    await type(el, 'xyz');
    await feed.updateComplete;
    await el.updateComplete;
    expect(feed.status).to.equal('empty');
    expect(announced(el)).to.equal('0 kết quả');
    await expect(el).to.be.accessible();
  });

  it('formats the count with Intl: "1.234 kết quả", "1,234 results"', async () => {
    const src = '/__test/feed?count=1234';
    const root = await page(html`<div>
      <news-search for="vi" value="tin"></news-search><news-search for="en" lang="en" value="tin"></news-search>
      <news-feed id="vi" src=${src}></news-feed><news-feed id="en" src=${src}></news-feed>
    </div>`);
    const [vi, en] = root.querySelectorAll('news-search');
    await vi.updateComplete;
    await en.updateComplete;
    expect(announced(vi)).to.equal('1.234 kết quả');
    expect(announced(en)).to.equal('1,234 results');
  });

  it('Enter searches at once; Escape clears at once; both leave one change each', async () => {
    const root = await page(html`<div><news-search debounce="5000"></news-search><news-feed src=${WARD_FEED}></news-feed></div>`);
    const el = root.querySelector('news-search')!;
    const feed = root.querySelector('news-feed')!;
    const values = changes(el);
    await type(el, 'an ninh');
    expect(feed.query).to.equal('');
    await sendKeys({ press: 'Enter' });
    expect(feed.query).to.equal('an ninh');
    await feed.updateComplete;
    expect(ids(feed)).to.deep.equal(['tin-9']);

    await sendKeys({ press: 'Escape' });
    expect(el.value).to.equal('');
    expect(input(el).value).to.equal('');
    expect(feed.query).to.equal('');
    await feed.updateComplete;
    expect(feed.items.length).to.equal(5);
    expect(values).to.deep.equal(['an ninh', '']);
    await el.updateComplete;
    expect(announced(el)).to.equal('');
    expect(el.shadowRoot!.activeElement, 'focus stays in the field').to.equal(input(el));
  });

  it('the same text searched again after the feed was cleared elsewhere (Back, code) is a change again', async () => {
    const root = await page(html`<div><news-search></news-search><news-feed src=${WARD_FEED}></news-feed></div>`);
    const el = root.querySelector('news-search')!;
    const feed = root.querySelector('news-feed')!;
    const values = changes(el);
    await type(el, 'dang');
    await sendKeys({ press: 'Enter' });
    feed.query = '';
    await feed.updateComplete;
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    await type(el, 'dang');
    await sendKeys({ press: 'Enter' });
    expect(feed.query).to.equal('dang');
    expect(values).to.deep.equal(['dang', 'dang']);
  });

  it('Escape while an input method composes a word leaves the text alone', async () => {
    const root = await page(html`<div><news-search></news-search><news-feed src=${WARD_FEED}></news-feed></div>`);
    const el = root.querySelector('news-search')!;
    await type(el, 'phuong');
    input(el).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', isComposing: true, bubbles: true, composed: true, cancelable: true }));
    await el.updateComplete;
    expect(el.value).to.equal('phuong');
    expect(input(el).value).to.equal('phuong');
  });

  it('Escape in an empty field is left to the page (a dialog may close on it)', async () => {
    const root = await page(html`<div><news-search></news-search><news-feed src=${WARD_FEED}></news-feed></div>`);
    const el = root.querySelector('news-search')!;
    const escape = oneEvent(root, 'keydown') as Promise<KeyboardEvent>;
    input(el).focus();
    await sendKeys({ press: 'Escape' });
    expect((await escape).defaultPrevented).to.be.false;
  });

  it('clicking the button searches at once', async () => {
    const root = await page(html`<div><news-search></news-search><news-feed src=${WARD_FEED}></news-feed></div>`);
    const el = root.querySelector('news-search')!;
    const feed = root.querySelector('news-feed')!;
    await type(el, 'phong chay');
    button(el).click();
    expect(feed.query).to.equal('phong chay');
    await aTimeout(300);
    expect(feed.query).to.equal('phong chay');
  });

  it('setting `value` from code searches and fires nothing; a query set on the feed shows in the field', async () => {
    const root = await page(html`<div><news-search></news-search><news-feed src=${WARD_FEED}></news-feed></div>`);
    const el = root.querySelector('news-search')!;
    const feed = root.querySelector('news-feed')!;
    const values = changes(el);
    el.value = 'Hương Trà';
    await el.updateComplete;
    expect(feed.query).to.equal('Hương Trà');
    expect(input(el).value).to.equal('Hương Trà');
    feed.query = 'an ninh';
    await oneEvent(feed, 'news-change');
    await el.updateComplete;
    expect(el.value).to.equal('an ninh');
    expect(input(el).value).to.equal('an ninh');
    await aTimeout(300);
    expect(values).to.deep.equal([]);
  });

  it('announces nothing while the feed loads or when it fails, and stays accessible', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <news-search for="slow" value="tin"></news-search><news-search for="broken" value="tin" placeholder="Tìm thông báo"></news-search>
      <news-feed id="slow" src=${respondUrl({ body: '{}', delay: 5000 })}></news-feed>
      <news-feed id="broken" src=${respondUrl({ status: 404, body: 'oops', type: 'text/plain' })}></news-feed>
    </div>`);
    const [slow, broken] = root.querySelectorAll('news-search');
    const brokenFeed = root.querySelectorAll('news-feed')[1];
    await waitUntil(() => brokenFeed.status === 'error', 'the broken feed fails');
    await broken.updateComplete;
    expect(announced(slow)).to.equal('');
    expect(announced(broken)).to.equal('');
    expect(input(slow).value).to.equal('tin');
    await expect(root).to.be.accessible();
  });

  it('drives a feed that comes later in the document or is added later', async () => {
    const root = await fixture<HTMLElement>(html`<div><news-search for="later" debounce="0"></news-search></div>`);
    const el = root.querySelector('news-search')!;
    const feed = document.createElement('news-feed');
    feed.id = 'later';
    feed.src = WARD_FEED;
    root.append(feed);
    await waitUntil(() => feed.status === 'ready', 'feed loads');
    await type(el, 'an ninh');
    await feed.updateComplete;
    expect(ids(feed)).to.deep.equal(['tin-9']);
  });

  it('two feeds on one page, each with its own search', async () => {
    const root = await page(html`<div>
      <news-search for="left" debounce="0" placeholder="Tìm tin phường"></news-search>
      <news-search for="right" debounce="0" placeholder="Tìm thông báo"></news-search>
      <news-feed id="left" src=${WARD_FEED}></news-feed><news-feed id="right" src=${WARD_FEED}></news-feed>
    </div>`);
    const [leftSearch, rightSearch] = root.querySelectorAll('news-search');
    const [left, right] = root.querySelectorAll('news-feed');
    await type(leftSearch, 'an ninh');
    await type(rightSearch, 'dang');
    await left.updateComplete;
    await right.updateComplete;
    expect(ids(left)).to.deep.equal(['tin-9']);
    expect(ids(right)).to.deep.equal(['tin-12', 'tin-8']);
    await leftSearch.updateComplete;
    await rightSearch.updateComplete;
    expect(announced(leftSearch)).to.equal('1 kết quả');
    expect(announced(rightSearch)).to.equal('2 kết quả');
    await expect(root).to.be.accessible();
  });

  describe('navigation mode: href', () => {
    it('submitting goes to the template with the text URL-encoded', async () => {
      const target = respondUrl({ type: 'text/html', body: '<title>Kết quả</title>' }).replace(/&/g, '&amp;');
      const frame = await framePage(
        `<news-search href="${target}&amp;q={q}"></news-search>`,
        "import '/src/news-search.ts';",
      );
      const el = frame.contentDocument!.querySelector('news-search') as NewsSearch;
      await el.updateComplete;
      input(el).focus();
      await sendKeys({ type: 'Hương Trà & "tổ 5"' });
      const next = nextPage(frame);
      await sendKeys({ press: 'Enter' });
      const url = await next;
      expect(url.pathname).to.equal('/__test/respond');
      expect(url.searchParams.get('q')).to.equal('Hương Trà & "tổ 5"');
      expect(url.search).to.include('q=H%C6%B0%C6%A1ng%20Tr%C3%A0%20%26%20%22t%E1%BB%95%205%22');
      frame.remove();
    });

    it('with href it leaves the feed on the page alone, and tells the page only on submit, cancelably', async () => {
      const root = await page(html`<div><news-search href="/tim-kiem?q={q}" debounce="0"></news-search><news-feed src=${WARD_FEED}></news-feed></div>`);
      const el = root.querySelector('news-search')!;
      const feed = root.querySelector('news-feed')!;
      const events: CustomEvent[] = [];
      el.addEventListener('change', (event) => {
        events.push(event as CustomEvent);
        event.preventDefault(); // a single-page app routes it itself
      });
      await type(el, 'an ninh');
      await aTimeout(20);
      expect(feed.query).to.equal('');
      expect(events).to.deep.equal([]);
      expect(announced(el)).to.equal('');
      const navigations = watchNavigations();
      await sendKeys({ press: 'Enter' });
      await aTimeout(50);
      navigations.stop();
      expect(events.map((event) => [event.detail, event.cancelable])).to.deep.equal([
        [{ value: 'an ninh', href: new URL('/tim-kiem?q=an%20ninh', location.href).href }, true],
      ]);
      expect(navigations.urls, 'the page routed it: no navigation').to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('does not follow a template that is not http(s)', async () => {
      const el = await fixture<NewsSearch>(html`<news-search href="javascript:alert({q})"></news-search>`);
      const details: ValueChangeDetail[] = [];
      el.addEventListener('change', (event) => details.push((event as CustomEvent).detail));
      input(el).focus();
      await sendKeys({ type: 'x' });
      const navigations = watchNavigations();
      await sendKeys({ press: 'Enter' });
      await aTimeout(50);
      navigations.stop();
      // Still on the test page, with the text kept.
      expect(navigations.urls).to.deep.equal([]);
      expect(input(el).value).to.equal('x');
      expect(details).to.deep.equal([{ value: 'x', href: undefined }]);
    });
  });
});

describe('<news-search> beside others on one page', () => {
  const names = (root: Element) => [...root.querySelectorAll('news-search')].map((search) => {
    const form = search.shadowRoot!.querySelector('form')!;
    expect(search.shadowRoot!.querySelector('input')!.getAttribute('aria-label'), 'the field is named as its form').to.equal(form.getAttribute('aria-label'));
    return form.getAttribute('aria-label');
  });

  it('names each search landmark after the feed it drives: the heading before the feed, or its aria-label', async () => {
    const root = await page(html`<div>
      <h2>Tin tức</h2><news-search for="tin"></news-search><news-feed id="tin" src=${WARD_FEED}></news-feed>
      <h2>Thông báo</h2><news-search for="tb"></news-search><news-feed id="tb" src=${WARD_FEED}></news-feed>
      <news-search for="lich"></news-search><news-feed id="lich" aria-label="Lịch công tác" src=${WARD_FEED}></news-feed>
    </div>`);
    await Promise.all([...root.querySelectorAll('news-search')].map((search) => search.updateComplete));
    expect(names(root)).to.deep.equal(['Tìm kiếm thông tin – Tin tức', 'Tìm kiếm thông tin – Thông báo', 'Tìm kiếm thông tin – Lịch công tác']);
    // The visible text stays the default.
    expect(input(root.querySelector('news-search')!).placeholder).to.equal('Tìm kiếm thông tin');
    await expect(root).to.be.accessible();
  });

  it('is a control: axe finds two search landmarks that share one name', async () => {
    const root = await page(html`<div>
      <news-search for="a" placeholder="Tìm tin"></news-search><news-feed id="a" src=${WARD_FEED}></news-feed>
      <news-search for="b" placeholder="Tìm tin"></news-search><news-feed id="b" src=${WARD_FEED}></news-feed>
    </div>`);
    // A name the page chose is the page's: kept as given.
    expect(names(root)).to.deep.equal(['Tìm tin', 'Tìm tin']);
    await expect(root).not.to.be.accessible();
  });

  it('keeps the default name when it is the only search, and tells apart feeds of one heading by place', async () => {
    const one = await page(html`<div><h2>Tin tức</h2><news-search></news-search><news-feed src=${WARD_FEED}></news-feed></div>`);
    expect(names(one)).to.deep.equal(['Tìm kiếm thông tin']);
    await expect(one).to.be.accessible();
    one.remove();
    const same = await page(html`<div><h2>Tin tức</h2>
      <news-search for="x"></news-search><news-feed id="x" src=${WARD_FEED}></news-feed>
      <news-search for="y"></news-search><news-feed id="y" src=${WARD_FEED}></news-feed>
    </div>`);
    await Promise.all([...same.querySelectorAll('news-search')].map((search) => search.updateComplete));
    expect(names(same)).to.deep.equal(['Tìm kiếm thông tin – Tin tức 1', 'Tìm kiếm thông tin – Tin tức 2']);
    await expect(same).to.be.accessible();
  });

  it('renames the first search when a second one comes, and back when it goes', async () => {
    const root = await page(html`<div><h2>Tin tức</h2><news-search for="tin"></news-search><news-feed id="tin" src=${WARD_FEED}></news-feed></div>`);
    expect(names(root)).to.deep.equal(['Tìm kiếm thông tin']);
    const section = document.createElement('section');
    section.innerHTML = '<h2>Thông báo</h2><news-search for="tb"></news-search><news-feed id="tb"></news-feed>';
    root.append(section);
    const first = root.querySelector('news-search')!;
    const nameOfFirst = () => first.shadowRoot!.querySelector('form')!.getAttribute('aria-label');
    await waitUntil(() => nameOfFirst() === 'Tìm kiếm thông tin – Tin tức', 'the first search renamed');
    section.remove();
    await waitUntil(() => nameOfFirst() === 'Tìm kiếm thông tin', 'the default name back');
    expect(first.isConnected).to.equal(true);
  });
});

