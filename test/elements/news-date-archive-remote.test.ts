import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/news-feed.js';
import '../../src/news-date-archive.js';
import type { ArchiveChangeDetail, NewsDateArchive } from '../../src/news-date-archive.js';
import type { NewsErrorDetail } from '../../src/events.js';
import { archiveBesideFeed } from './news-date-archive.helpers.js';
import { requestCount, respondUrl } from '../helpers.js';

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(selector)!;
const heading = (el: Element) => $(el, '[part="heading"]').textContent!.trim();
const newsDays = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="has-news"]')].map((button) => button.getAttribute('aria-label'));

let run = 0;
/**
 * A `days-src` template on the test server, with its own request counter per
 * month: `{month}` is left for the element to fill in.
 */
function daysSrc(answer: Record<string, unknown> | string, options: { status?: number; type?: string } = {}) {
  const body = typeof answer === 'string' ? answer : JSON.stringify(answer);
  const key = `days-${Date.now()}-${++run}`;
  const url = `${respondUrl({ body, ...options })}&key=${key}-{month}`;
  return { url, hits: (month: string) => requestCount(`${key}-${month}`) };
}

/** Waits until the calendar is no longer waiting for `days-src`. */
async function idle(el: NewsDateArchive) {
  await waitUntil(() => $(el, '[part="grid"]').getAttribute('aria-busy') === 'false', 'days-src never answered');
  await el.updateComplete;
}

describe('<news-date-archive days-src>', () => {
  it('marks the days a server names, fetching each month shown once', async () => {
    const src = daysSrc({ '2021-06-21': 2, '2021-06-22': '1', '2021-05-03': 4, '2021-05-04': 0, junk: 3 });
    const el = await fixture<NewsDateArchive>(html`<news-date-archive days-src=${src.url} month="2021-06" max="2021-06-30"></news-date-archive>`);
    await idle(el);
    expect(newsDays(el)).to.deep.equal(['21 tháng 6, 2021: 2 tin', '22 tháng 6, 2021: 1 tin']);
    $(el, '[part="previous"]').click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Tháng 5 2021');
    await idle(el);
    expect(newsDays(el)).to.deep.equal(['3 tháng 5, 2021: 4 tin']);
    $(el, '[part="next"]').click();
    await el.updateComplete;
    // June comes from the cache: no request, no wait.
    expect($(el, '[part="grid"]').getAttribute('aria-busy')).to.equal('false');
    expect(newsDays(el).length).to.equal(2);
    $(el, '[part="previous"]').click();
    await idle(el);
    expect(await src.hits('2021-06')).to.equal(1);
    expect(await src.hits('2021-05')).to.equal(1);
    expect(await src.hits('2021-04')).to.equal(0);
  });

  it('takes days from days-src rather than a server-filtered feed\'s page, and chooses for the feed', async () => {
    const src = daysSrc({ '2021-06-10': 5 });
    const items = [{ id: 'a', title: 'A', date_published: '2021-06-21T03:00:00Z' }];
    const { el, feed } = await archiveBesideFeed(html`<news-date-archive days-src=${src.url} month="2021-06"></news-date-archive>`, items);
    await idle(el);
    expect(newsDays(el)).to.deep.equal(['10 tháng 6, 2021: 5 tin']);
    $(el, '[data-key="2021-06-10"]').click();
    await el.updateComplete;
    await feed.updateComplete;
    expect(feed.date).to.equal('2021-06-10');
  });

  it('still lists the feed\'s months with view="months"', async () => {
    const src = daysSrc({ '2021-06-10': 5 });
    const items = [{ id: 'a', title: 'A', date_published: '2021-05-21T03:00:00Z' }];
    const { el } = await archiveBesideFeed(html`<news-date-archive view="months" days-src=${src.url}></news-date-archive>`, items);
    const months = [...el.shadowRoot!.querySelectorAll('[part~="month"]')].map((button) => button.textContent!.trim());
    expect(months).to.deep.equal(['Tháng 5/2021 (1)']);
    expect(await src.hits('2021-05')).to.equal(0);
  });

  for (const [name, options, kind] of [
    ['an HTTP error', { status: 500 }, 'http'],
    ['a body that is not JSON', { type: 'text/html' }, 'parse'],
    ['JSON of the wrong shape', {}, 'format'],
  ] as const) {
    it(`reports ${name} in the element and with news-error, and keeps working`, async () => {
      const body = kind === 'parse' ? '<html>Lỗi</html>' : kind === 'format' ? '[1, 2]' : '{}';
      const src = daysSrc(body, options);
      const parent = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('news-date-archive');
      el.daysSrc = src.url;
      el.month = '2021-06';
      el.max = '2021-06-30';
      const failed = oneEvent(el, 'news-error');
      parent.append(el);
      const detail = ((await failed) as CustomEvent<NewsErrorDetail>).detail;
      expect(detail.kind).to.equal(kind);
      expect(detail.url).to.contain('2021-06');
      if (kind === 'http') expect(detail.status).to.equal(500);
      await idle(el);
      const status = $(el, '[part="status"]');
      expect(status.getAttribute('role')).to.equal('status');
      expect(status.textContent).to.equal(detail.message);
      expect(detail.message).to.match(/^Nguồn tin .*2021-06/);
      // The calendar still works: other months, keyboard.
      expect(newsDays(el)).to.deep.equal([]);
      $(el, '[part="previous"]').click();
      await el.updateComplete;
      expect(heading(el)).to.equal('Tháng 5 2021');
    });
  }

  it('reports a server that cannot be reached', async () => {
    const parent = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('news-date-archive');
    el.daysSrc = 'http://127.0.0.1:9/{month}.json';
    el.max = '2021-06-30';
    const failed = oneEvent(el, 'news-error');
    parent.append(el);
    const detail = ((await failed) as CustomEvent<NewsErrorDetail>).detail;
    expect(detail.kind).to.equal('network');
    await idle(el);
    expect($(el, '[part="status"]').textContent).to.contain('Không kết nối được');
  });
});

describe('<news-date-archive href>', () => {
  it('opens the href template instead of filtering, through a cancelable change', async () => {
    const items = [{ id: 'a', title: 'A', date_published: '2021-06-21T03:00:00Z' }];
    const { el, feed } = await archiveBesideFeed(html`<news-date-archive href="/tin-tuc?ngay={date}"></news-date-archive>`, items);
    let detail: ArchiveChangeDetail | undefined;
    el.addEventListener('change', (event) => {
      detail = (event as CustomEvent<ArchiveChangeDetail>).detail;
      // Stay on the test page: a single-page app would route here.
      event.preventDefault();
    });
    $(el, '[data-key="2021-06-21"]').click();
    await el.updateComplete;
    expect(detail).to.deep.equal({ value: '2021-06-21', href: new URL('/tin-tuc?ngay=2021-06-21', location.href).href });
    // Cancelled: nothing chosen, the feed untouched.
    expect(el.value).to.equal('');
    expect(feed.date).to.equal('');
  });

  it('alone on a page (no feed, no days-src), lets every day be chosen: a sidebar calendar', async () => {
    const el = await fixture<NewsDateArchive>(html`<news-date-archive href="/tin-tuc?news-date={date}" month="2021-06"></news-date-archive>`);
    let detail: ArchiveChangeDetail | undefined;
    el.addEventListener('change', (event) => {
      detail = (event as CustomEvent<ArchiveChangeDetail>).detail;
      event.preventDefault();
    });
    const day = $(el, '[data-key="2021-06-15"]');
    expect(day.getAttribute('aria-disabled')).to.equal('false');
    day.click();
    expect(detail).to.deep.equal({ value: '2021-06-15', href: new URL('/tin-tuc?news-date=2021-06-15', location.href).href });
    await expect(el).to.be.accessible();
  });

  it('fills {month} in the month list, and never opens a javascript: URL', async () => {
    const items = [{ id: 'a', title: 'A', date_published: '2021-06-21T03:00:00Z' }];
    const {
      root,
      feed,
      archives: [months, bad],
    } = await archiveBesideFeed(html`
      <news-date-archive view="months" href="/luu-tru/{month}"></news-date-archive>
      <news-date-archive href="javascript:alert('{date}')"></news-date-archive>`, items);
    const hrefs: (string | undefined)[] = [];
    root.addEventListener('change', (event) => {
      hrefs.push((event as CustomEvent<ArchiveChangeDetail>).detail.href);
      event.preventDefault();
    });
    $(months, '[data-key="2021-06"]').click();
    $(bad, '[data-key="2021-06-21"]').click();
    expect(hrefs).to.deep.equal([new URL('/luu-tru/2021-06', location.href).href, undefined]);
    expect(feed.date).to.equal('');
  });

  it('navigates the page when nobody cancels', async () => {
    // A real page in a frame: choosing a day must leave it for the template's URL.
    const days = daysSrc({ '2021-06-15': 1 });
    const target = `${respondUrl({ body: '<p>landed</p>', type: 'text/html' })}&ngay={date}`;
    const page = `<!doctype html><script type="module" src="/src/news-date-archive.ts"></script>
      <news-date-archive month="2021-06" max="2021-06-30"></news-date-archive>`;
    const frame = document.createElement('iframe');
    frame.src = respondUrl({ body: page, type: 'text/html' });
    const framed = oneEvent(frame, 'load');
    document.body.append(frame);
    await framed;
    try {
      const doc = frame.contentDocument!;
      const el = doc.querySelector('news-date-archive') as NewsDateArchive;
      el.setAttribute('days-src', days.url);
      el.setAttribute('href', target);
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="has-news"]'), 'the framed calendar never showed its day');
      const left = oneEvent(frame, 'load');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[data-key="2021-06-15"]')!.click();
      await left;
      const url = new URL(frame.contentWindow!.location.href);
      expect(url.searchParams.get('ngay')).to.equal('2021-06-15');
      expect(frame.contentDocument!.body.textContent).to.equal('landed');
    } finally {
      frame.remove();
    }
  });
});
