import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/news-visit-counter.js';
import type { NewsVisitCounter } from '../../src/news-visit-counter.js';
import type { NewsErrorDetail } from '../../src/events.js';
import { respondUrl } from '../helpers.js';

const COUNTS = JSON.stringify({ total: 6407820, online: 1229, today: 3009 });
let keys = 0;
/** A key no other test used: its requests, and its session cookie, are its own. */
const newKey = () => `counter-${Date.now()}-${++keys}`;

function rows(el: NewsVisitCounter): [string, string][] {
  return [...el.shadowRoot!.querySelectorAll('[part~="row"]')].map((row) => [
    row.querySelector('[part="label"]')!.textContent!.trim(),
    row.querySelector('[part~="value"]')!.textContent!.trim(),
  ]);
}

async function ready(el: NewsVisitCounter): Promise<void> {
  await waitUntil(() => el.status !== 'loading', 'the counter never answered', { timeout: 4000 });
  await el.updateComplete;
}

async function requests(key: string): Promise<{ method: string; type: string; body: string }[]> {
  return (await fetch(`/__test/requests?key=${key}`)).json();
}

describe('<news-visit-counter>', () => {
  it('shows total, online and today with Vietnamese labels and numbers', async () => {
    const el = await fixture<NewsVisitCounter>(html`<news-visit-counter src=${respondUrl({ body: COUNTS })}></news-visit-counter>`);
    await ready(el);
    expect(el.status).to.equal('ready');
    expect(rows(el)).to.deep.equal([
      ['Truy cập tổng', '6.407.820'],
      ['Truy cập hiện tại', '1.229'],
      ['Hôm nay', '3.009'],
    ]);
    expect(el.counts).to.deep.equal({ total: 6407820, online: 1229, today: 3009 });
    expect(el.shadowRoot!.querySelector('[part="list"]')!.getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const el = await fixture<NewsVisitCounter>(html`<news-visit-counter lang="en" src=${respondUrl({ body: COUNTS })}></news-visit-counter>`);
    await ready(el);
    expect(rows(el)).to.deep.equal([
      ['Total visits', '6,407,820'],
      ['Online now', '1,229'],
      ['Today', '3,009'],
    ]);
  });

  it('reads numbers that arrive as strings with group separators', async () => {
    const body = JSON.stringify({ total: '6,407,820', online: '1.229', today: ' 3 009 ' });
    const el = await fixture<NewsVisitCounter>(html`<news-visit-counter src=${respondUrl({ body })}></news-visit-counter>`);
    await ready(el);
    expect(rows(el).map(([, value]) => value)).to.deep.equal(['6.407.820', '1.229', '3.009']);
    const plain = await fixture<NewsVisitCounter>(
      html`<news-visit-counter src=${respondUrl({ body: JSON.stringify({ total: '6.407.820', online: '0', today: 12.0 }) })}></news-visit-counter>`,
    );
    await ready(plain);
    expect(plain.counts).to.deep.equal({ total: 6407820, online: 0, today: 12 });
  });

  it('finds the numbers through map in any JSON', async () => {
    const body = JSON.stringify({ data: { visits: { all: 120 }, now: '7' }, stats: [{ day: 30 }] });
    const map = JSON.stringify({ total: 'data.visits.all', online: 'data.now', today: 'stats.0.day' });
    const el = await fixture<NewsVisitCounter>(html`<news-visit-counter map=${map} src=${respondUrl({ body })}></news-visit-counter>`);
    await ready(el);
    expect(rows(el).map(([, value]) => value)).to.deep.equal(['120', '7', '30']);
  });

  it('leaves out the rows named in hide', async () => {
    const el = await fixture<NewsVisitCounter>(html`<news-visit-counter hide="online today" src=${respondUrl({ body: COUNTS })}></news-visit-counter>`);
    await ready(el);
    expect(rows(el)).to.deep.equal([['Truy cập tổng', '6.407.820']]);
    el.hide = 'total';
    await el.updateComplete;
    expect(rows(el).map(([label]) => label)).to.deep.equal(['Truy cập hiện tại', 'Hôm nay']);
  });

  it('holds its space while loading', async () => {
    const el = await fixture<NewsVisitCounter>(
      html`<news-visit-counter style="width: 16rem" src=${respondUrl({ body: COUNTS, delay: 700 })}></news-visit-counter>`,
    );
    expect(el.status).to.equal('loading');
    const list = el.shadowRoot!.querySelector('[part="list"]')!;
    expect(list.getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.querySelectorAll('.skeleton').length).to.equal(3);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Đang tải');
    const loadingHeight = el.getBoundingClientRect().height;
    expect(loadingHeight).to.be.greaterThan(40);
    await ready(el);
    expect(el.shadowRoot!.querySelectorAll('.skeleton').length).to.equal(0);
    expect(Math.abs(el.getBoundingClientRect().height - loadingHeight)).to.be.lessThan(2);
  });

  describe('failures', () => {
    async function failing(src: string, lang = 'vi') {
      const el = document.createElement('news-visit-counter') as NewsVisitCounter;
      el.lang = lang;
      const error = oneEvent(el, 'news-error') as Promise<CustomEvent<NewsErrorDetail>>;
      el.src = src;
      document.body.append(el);
      const event = await error;
      await el.updateComplete;
      return { el, event };
    }

    afterEach(() => document.querySelectorAll('news-visit-counter').forEach((el) => el.remove()));

    it('shows "—" and a message, and fires news-error, on an HTTP error', async () => {
      const { el, event } = await failing(respondUrl({ status: 500, body: 'oops' }));
      expect(event.detail.kind).to.equal('http');
      expect(event.detail.status).to.equal(500);
      expect(event.detail.message).to.contain('HTTP 500');
      expect(event.bubbles && event.composed).to.be.true;
      expect(el.status).to.equal('error');
      expect(rows(el).map(([, value]) => value)).to.deep.equal(['—không có số liệu', '—không có số liệu', '—không có số liệu']);
      const status = el.shadowRoot!.querySelector('[part="status"]')!;
      expect(status.textContent).to.contain('HTTP 500');
      expect(el.shadowRoot!.querySelector('[part="list"]')!.getAttribute('aria-busy')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('tells a network failure, an answer that is not JSON, and a missing number apart', async () => {
      const network = await failing('http://127.0.0.1:9/api/visits', 'en');
      expect(network.event.detail.kind).to.equal('network');
      expect(network.event.detail.message).to.contain('CORS');

      const parse = await failing(respondUrl({ body: '<html>Not found</html>', type: 'text/html' }));
      expect(parse.event.detail.kind).to.equal('parse');
      expect(parse.event.detail.message).to.contain('không trả về JSON');

      const missing = await failing(respondUrl({ body: JSON.stringify({ total: 5, online: 'many' }) }));
      expect(missing.event.detail.kind).to.equal('format');
      expect(missing.event.detail.message).to.contain('online');
      expect(rows(missing.el).map(([, value]) => value)).to.deep.equal(['5', '—không có số liệu', '—không có số liệu']);
    });

    it('says what to set when src or map is wrong, without throwing', async () => {
      const noSource = await failing('');
      expect(noSource.event.detail.message).to.contain('src');
      expect(noSource.el.status).to.equal('error');
      const el = document.createElement('news-visit-counter') as NewsVisitCounter;
      el.map = '{total: data}';
      const error = oneEvent(el, 'news-error') as Promise<CustomEvent<NewsErrorDetail>>;
      el.src = respondUrl({ body: COUNTS });
      document.body.append(el);
      const { detail } = await error;
      expect(detail.message).to.contain('map');
      // The same kind as <news-feed>'s for a map that is not JSON.
      expect(detail.kind).to.equal('parse');
    });

    it('keeps the numbers it showed when a re-read fails, marked as possibly out of date, and says so with news-error', async () => {
      const key = newKey();
      const src = `/__test/respond?key=${key}&body=${encodeURIComponent(COUNTS)}&body=not-json&body=${encodeURIComponent(COUNTS)}`;
      const el = await fixture<NewsVisitCounter>(html`<news-visit-counter refresh="1" src=${src}></news-visit-counter>`);
      await ready(el);
      const fresh = rows(el).map(([, value]) => value);
      const event = (await oneEvent(el, 'news-error')) as CustomEvent<NewsErrorDetail>;
      expect(event.detail.kind).to.equal('parse');
      await el.updateComplete;
      expect(rows(el).map(([, value]) => value)).to.deep.equal(fresh.map((value) => `${value} (có thể chưa cập nhật)`));
      const values = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="value"]')];
      expect(values.every((value) => value.part.contains('stale') && Number(getComputedStyle(value).opacity) < 1)).to.equal(true);
      expect(el.status).to.equal('error');
      expect(el.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim()).to.equal(event.detail.message);
      await expect(el).to.be.accessible();
      // The next good read brings them back as they are.
      await waitUntil(() => el.status === 'ready', 'read again', { timeout: 4000 });
      await el.updateComplete;
      expect(rows(el).map(([, value]) => value)).to.deep.equal(fresh);
      expect(el.shadowRoot!.querySelector('[part~="stale"]')).to.equal(null);
    });

    it('shows the rows asked for, in their order: yesterday, this week and this month too', async () => {
      const counts = JSON.stringify({ total: 6407820, online: 1229, today: 3009, yesterday: '4.120', week: 15230, month: 60111 });
      const el = await fixture<NewsVisitCounter>(html`<news-visit-counter refresh="0" rows="month yesterday total week week bogus"
        hide="total" src=${respondUrl({ body: counts })}></news-visit-counter>`);
      await ready(el);
      expect(rows(el)).to.deep.equal([['Tháng này', '60.111'], ['Hôm qua', '4.120'], ['Tuần này', '15.230']]);
      el.lang = 'en';
      await el.updateComplete;
      expect(rows(el).map(([label]) => label)).to.deep.equal(['This month', 'Yesterday', 'This week']);
    });
  });

  describe('count', () => {
    it('registers the visit with one POST per browser session, then only announces the visitor', async () => {
      const key = newKey();
      const src = respondUrl({ body: COUNTS, key });
      const first = await fixture<NewsVisitCounter>(html`<news-visit-counter count refresh="0" src=${src}></news-visit-counter>`);
      await ready(first);
      first.remove();
      // The next page of the same session.
      const second = await fixture<NewsVisitCounter>(html`<news-visit-counter count refresh="0" src=${src}></news-visit-counter>`);
      await ready(second);
      expect(rows(second).map(([, value]) => value)).to.deep.equal(['6.407.820', '1.229', '3.009']);
      const sent = await requests(key);
      expect(sent.map((request) => request.method)).to.deep.equal(['POST', 'POST']);
      expect(sent[0].type).to.contain('application/json');
      expect(JSON.parse(sent[0].body)).to.deep.equal({ path: location.pathname });
      expect(JSON.parse(sent[1].body)).to.deep.equal({ path: location.pathname, heartbeat: true });
      // Remembered in a session cookie, which every tab of the site shares.
      const cookie = `news-visit-counter:${new URL(src, document.baseURI).href}`.replace(/\W/g, '_');
      expect(document.cookie.split('; ')).to.include(`${cookie}=1`);
    });

    it('tries to register again on the next page when the POST failed', async () => {
      const key = newKey();
      const src = `/__test/respond?key=${key}&fail=1&failStatus=503&body=${encodeURIComponent(COUNTS)}`;
      const first = await fixture<NewsVisitCounter>(html`<news-visit-counter count refresh="0" src=${src}></news-visit-counter>`);
      await ready(first);
      expect(first.status).to.equal('error');
      first.remove();
      const second = await fixture<NewsVisitCounter>(html`<news-visit-counter count refresh="0" src=${src}></news-visit-counter>`);
      await ready(second);
      expect(second.status).to.equal('ready');
      const sent = await requests(key);
      expect(sent.map((request) => JSON.parse(request.body))).to.deep.equal([{ path: location.pathname }, { path: location.pathname }]);
    });

    it('only reads (GET) without count', async () => {
      const key = newKey();
      const el = await fixture<NewsVisitCounter>(html`<news-visit-counter refresh="0" src=${respondUrl({ body: COUNTS, key })}></news-visit-counter>`);
      await ready(el);
      expect((await requests(key)).map((request) => request.method)).to.deep.equal(['GET']);
    });
  });
});

describe('<news-visit-counter> polling', () => {
  /** Plays the page being hidden or shown again, as a tab switch does. */
  function setVisibility(state: DocumentVisibilityState) {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    document.dispatchEvent(new Event('visibilitychange'));
  }

  afterEach(() => {
    delete (document as { visibilityState?: string }).visibilityState;
    document.querySelectorAll('news-visit-counter').forEach((el) => el.remove());
  });

  it('re-reads every refresh seconds and shows the new numbers', async () => {
    const key = newKey();
    const later = JSON.stringify({ total: 6407830, online: 1240, today: 3019 });
    const src = `/__test/respond?key=${key}&body=${encodeURIComponent(COUNTS)}&body=${encodeURIComponent(later)}`;
    const el = await fixture<NewsVisitCounter>(html`<news-visit-counter refresh="1" src=${src}></news-visit-counter>`);
    await ready(el);
    expect(rows(el)[0][1]).to.equal('6.407.820');
    await waitUntil(() => rows(el)[0][1] === '6.407.830', 'no re-read after a second', { timeout: 3000 });
    expect(rows(el)[1][1]).to.equal('1.240');
  });

  it('sends a heartbeat while visible, none while hidden, and one at once on coming back', async () => {
    const key = newKey();
    const el = await fixture<NewsVisitCounter>(html`<news-visit-counter count refresh="1" src=${respondUrl({ body: COUNTS, key })}></news-visit-counter>`);
    await ready(el);
    await waitUntil(async () => (await requests(key)).length === 2, 'no heartbeat after a second', { timeout: 3000 });
    const [visit, heartbeat] = await requests(key);
    expect(JSON.parse(visit.body)).to.deep.equal({ path: location.pathname });
    expect(JSON.parse(heartbeat.body)).to.deep.equal({ path: location.pathname, heartbeat: true });

    setVisibility('hidden');
    const whileHidden = (await requests(key)).length;
    await aTimeout(2300);
    expect((await requests(key)).length).to.equal(whileHidden, 'requests sent while the page was hidden');

    setVisibility('visible');
    await waitUntil(async () => (await requests(key)).length === whileHidden + 1, 'no heartbeat on coming back', { timeout: 500 });
    expect(JSON.parse((await requests(key)).at(-1)!.body).heartbeat).to.be.true;
  });

  it('stops when removed, and never polls with refresh="0"', async () => {
    const removedKey = newKey();
    const onceKey = newKey();
    const removed = await fixture<NewsVisitCounter>(html`<news-visit-counter refresh="1" src=${respondUrl({ body: COUNTS, key: removedKey })}></news-visit-counter>`);
    const once = await fixture<NewsVisitCounter>(html`<news-visit-counter refresh="0" src=${respondUrl({ body: COUNTS, key: onceKey })}></news-visit-counter>`);
    await ready(removed);
    await ready(once);
    removed.remove();
    await aTimeout(2300);
    expect((await requests(removedKey)).length).to.equal(1);
    expect((await requests(onceKey)).length).to.equal(1);
    // Put back, it reads again: it was due while away.
    document.body.append(removed);
    await waitUntil(async () => (await requests(removedKey)).length === 2, 'no re-read when put back', { timeout: 1000 });
  });
});
