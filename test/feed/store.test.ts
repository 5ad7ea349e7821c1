import { expect, waitUntil } from '@open-wc/testing';
import { refreshFeed, removeOldCopies, watchFeed, type FeedState, type WatchOptions } from '../../src/feed/store.js';
import { abortedCount, jsonFeed, makeItems, requestCount, respondUrl } from '../helpers.js';

const OPTIONS: WatchOptions = { timezone: 'Asia/Ho_Chi_Minh', retryDelay: 20 };
const key = (name: string) => `${name}-${Math.random()}`;

/** Watches a feed and records every state it is told. */
function watch(url: string, options: WatchOptions = OPTIONS) {
  const states: FeedState[] = [];
  const stop = watchFeed(url, options, (state) => states.push(state));
  const last = () => states[states.length - 1];
  const settled = async () => {
    await waitUntil(() => !last().loading && (last().feed || last().error), `${url} settles`, { timeout: 5000 });
    return last();
  };
  return { states, stop, last, settled };
}

describe('the feed store: one per page', () => {
  it('shares one request and one parsed result among every watcher of a feed', async () => {
    const name = key('shared');
    const url = respondUrl({ body: jsonFeed(makeItems(3)), key: name, delay: 100 });
    const first = watch(url);
    const second = watch(url);
    const [a, b] = [await first.settled(), await second.settled()];
    expect(a.feed!.items).to.have.length(3);
    expect(b.feed).to.equal(a.feed);
    expect(await requestCount(name)).to.equal(1);
    // A watcher that comes later is told the result at once, with no request.
    const late = watch(url);
    expect(late.states).to.have.length(1);
    expect(late.last().feed).to.equal(a.feed);
    expect(await requestCount(name)).to.equal(1);
    [first, second, late].forEach((watcher) => watcher.stop());
  });

  it('keys feeds by format and time zone too', async () => {
    const name = key('keyed');
    const url = respondUrl({ body: jsonFeed([{ id: 1, title: 'A', date_published: '2021-06-21T00:30:00' }]), key: name });
    const here = watch(url);
    const utc = watch(url, { ...OPTIONS, timezone: 'UTC' });
    const [a, b] = [await here.settled(), await utc.settled()];
    expect(a.feed!.items[0].published!.toISOString()).to.equal('2021-06-20T17:30:00.000Z');
    expect(b.feed!.items[0].published!.toISOString()).to.equal('2021-06-21T00:30:00.000Z');
    expect(await requestCount(name)).to.equal(2);
    here.stop();
    utc.stop();
  });

  it('aborts the request when its last watcher stops, and not before', async () => {
    const name = key('abort');
    const url = respondUrl({ body: jsonFeed(makeItems(1)), key: name, delay: 600 });
    const first = watch(url);
    const second = watch(url);
    await new Promise((resolve) => setTimeout(resolve, 100));
    first.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await abortedCount(name)).to.equal(0);
    second.stop();
    await waitUntil(async () => (await abortedCount(name)) === 1, 'the server sees the request abandoned');
    // Nobody hears a late answer.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(first.states.some((state) => state.feed)).to.equal(false);
    expect(second.states.some((state) => state.feed)).to.equal(false);
    // Watched again, it is requested again.
    const again = watch(url);
    expect((await again.settled()).feed!.items).to.have.length(1);
    expect(await requestCount(name)).to.equal(2);
    again.stop();
  });

  it('requests again on refresh, and every watcher sees the new result', async () => {
    const name = key('refresh');
    const url = respondUrl({ key: name, body: [jsonFeed(makeItems(1)), jsonFeed(makeItems(2))] });
    const first = watch(url);
    const second = watch(url);
    expect((await first.settled()).feed!.items).to.have.length(1);
    refreshFeed(url, OPTIONS);
    expect(first.last().loading).to.equal(true);
    await waitUntil(() => second.last().feed?.items.length === 2 && !second.last().loading, 'the new result reaches every watcher');
    expect(first.last().feed).to.equal(second.last().feed);
    expect(await requestCount(name)).to.equal(2);
    first.stop();
    second.stop();
  });

  it('keeps a failure for its watchers, but a new watcher tries again', async () => {
    const name = key('retry-later');
    const url = respondUrl({ key: name, body: jsonFeed(makeItems(2)), fail: 1, failStatus: 404 });
    const first = watch(url);
    const failed = await first.settled();
    expect(failed.error!.info).to.deep.include({ kind: 'http', status: 404 });
    expect(failed.feed).to.equal(undefined);
    first.stop();
    const second = watch(url);
    // The new try is told as loading, without the last failure.
    expect(second.states[0]).to.deep.include({ loading: true, error: undefined });
    expect((await second.settled()).feed!.items).to.have.length(2);
    second.stop();
  });

  it('follows next_url through the whole feed, showing the first page first and stopping at a loop', async () => {
    const url = '/test/fixtures/feeds/jsonfeed-1.1.json';
    const watcher = watch(url, { ...OPTIONS, follow: true });
    const done = await watcher.settled();
    // Fresh answers only: another test file may have left a saved copy of this feed.
    const counts = watcher.states.filter((state) => state.feed && !state.stale).map((state) => state.feed!.items.length);
    expect(counts[0]).to.equal(2);
    // Page 2 repeats an item of page 1, then links back to page 1.
    expect(done.feed!.items.map((item) => item.id)).to.deep.equal(['tin-401', 'tin-402', 'tin-399']);
    const requests = performance.getEntriesByType('resource').filter((entry) => /jsonfeed-1\.1(-page2)?\.json$/.test(entry.name));
    expect(requests.map((entry) => entry.name.split('/').pop())).to.deep.equal(['jsonfeed-1.1.json', 'jsonfeed-1.1-page2.json']);
    watcher.stop();
    // Without follow (server paging), only the page asked for.
    const single = watch(url);
    expect((await single.settled()).feed!.items).to.have.length(2);
    single.stop();
  });

  it('reads the whole feed again for a watcher who comes after everyone left part way through its pages', async () => {
    const [first, second, third] = [key('pages-1'), key('pages-2'), key('pages-3')];
    const page3 = respondUrl({ key: third, body: jsonFeed(makeItems(2, (i) => ({ id: `c${i}` }))) });
    const page2 = respondUrl({ key: second, delay: 600, body: jsonFeed(makeItems(2, (i) => ({ id: `b${i}` })), { next_url: page3 }) });
    const page1 = respondUrl({ key: first, body: jsonFeed(makeItems(2), { next_url: page2 }) });
    const options = { ...OPTIONS, follow: true };
    const leaving = watch(page1, options);
    await waitUntil(() => leaving.last().feed, 'the first page');
    // The element is moved in the page while page 2 is on its way: no one watches for a moment.
    leaving.stop();
    const coming = watch(page1, options);
    const done = await coming.settled();
    expect(done.feed!.items.map((item) => item.id)).to.deep.equal(['item-1', 'item-2', 'b0', 'b1', 'c0', 'c1']);
    expect(await requestCount(third)).to.equal(1);
    coming.stop();
  });

  it('tells the first items of a big feed at once, then the whole feed', async () => {
    // A body this big does not fit in a URL: the WordPress-like endpoint makes it.
    const url = `/__test/wp-posts?total=1200&per_page=1200&key=${key('big')}`;
    const watcher = watch(url);
    const done = await watcher.settled();
    const told = watcher.states.filter((state) => state.feed);
    // The first page is shown from these while the rest are read between frames.
    expect(told[0].feed!.items).to.have.length(50);
    expect(told[0].feed!.unread!.entries).to.have.length(1150);
    expect(told[0].loading).to.equal(true);
    expect(done.feed!.items).to.have.length(1200);
    expect(done.feed!.items[1199].title).to.equal('Bài số 1200 – Thông báo');
    expect(done.feed!.unread).to.equal(undefined);
    watcher.stop();
  });

  const storedKey = (name: string) => Object.keys(localStorage).find((storageKey) => storageKey.startsWith('news-widgets:') && storageKey.includes(name));

  it('keeps the last good result in web storage when asked to, once the page is idle', async () => {
    const name = key('stored');
    const url = respondUrl({ body: jsonFeed(makeItems(2)), key: name });
    const watcher = watch(url, { ...OPTIONS, keep: true });
    await watcher.settled();
    await waitUntil(() => storedKey(name), 'a copy is stored', { timeout: 4000 });
    const copy = JSON.parse(localStorage.getItem(storedKey(name)!)!);
    expect(copy.items.map((item: { title: string }) => item.title)).to.deep.equal(['Tin số 1', 'Tin số 2']);
    watcher.stop();
  });

  describe('a copy read back is checked as a fresh feed is (issue 18, finding 4)', () => {
    const good = { id: '1', title: 'Tin đã lưu', url: 'https://phuong.example.vn/1', authors: [], categories: ['Thông báo'], published: '2021-04-28T01:00:00.000Z' };
    /** A copy as another script on this origin could write it, under the key the store reads for `url`. */
    function plant(url: string, items: unknown[]) {
      const storageKey = `news-widgets:1:${JSON.stringify([url, 'auto', OPTIONS.timezone, null, false, false])}`;
      localStorage.setItem(storageKey, JSON.stringify({ items }));
      return storageKey;
    }
    /** The first state the store tells, before the (slow) feed answers. */
    async function firstState(items: unknown[]) {
      const url = respondUrl({ body: jsonFeed(makeItems(1)), key: key('planted'), delay: 300 });
      const storageKey = plant(url, items);
      const watcher = watch(url, { ...OPTIONS, keep: true });
      const first = watcher.states[0];
      const done = await watcher.settled();
      watcher.stop();
      localStorage.removeItem(storageKey);
      return { first, done };
    }

    it('a well-formed copy is shown at once (the control)', async () => {
      const { first } = await firstState([good]);
      expect(first.feed!.items.map((item) => item.title)).to.deep.equal(['Tin đã lưu']);
      expect(first.feed!.items[0].published!.getTime()).to.equal(Date.parse(good.published));
    });

    for (const [what, item] of [
      ['a javascript: link', { ...good, url: 'javascript:alert(1)' }],
      ['a data: picture', { ...good, image: 'data:image/svg+xml,<svg onload=alert(1)>' }],
      ['a date that is not one', { ...good, published: 'hôm qua' }],
      ['categories that are not a list', { ...good, categories: 'Thông báo' }],
      ['no title', { ...good, title: '' }],
      ['a title past the cap', { ...good, title: 'x'.repeat(100_000) }],
    ] as const) {
      it(`a copy with ${what} is dropped, and the feed is read as if there were none`, async () => {
        const { first, done } = await firstState([good, item]);
        expect(first?.feed).to.equal(undefined);
        expect(done.error).to.equal(undefined);
        expect(done.feed!.items.map((entry) => entry.title)).to.deep.equal(['Tin số 1']);
      });
    }
  });

  it('forgets a feed no one has watched for a while: each search typed does not keep its answer for the page\'s life', async () => {
    const first = key('forgotten');
    /** Watches the feed named `name` until it settles, then stops watching. */
    const readOnce = async (name: string) => {
      const watcher = watch(respondUrl({ body: jsonFeed(makeItems(1)), key: name }));
      await watcher.settled();
      watcher.stop();
    };
    await readOnce(first);
    // Watched again soon: the answer it kept, no new request.
    await readOnce(first);
    expect(await requestCount(first)).to.equal(1);
    // After 16 other feeds (a search's answers), it is forgotten: read again.
    for (let i = 0; i < 16; i++) await readOnce(key(`search-${i}`));
    await readOnce(first);
    expect(await requestCount(first)).to.equal(2);
  });

  it('removes copies kept by an earlier version of this code (another prefix), and leaves other keys alone', () => {
    localStorage.setItem('news-widgets:0:old', '{}');
    localStorage.setItem('someone-else', 'x');
    removeOldCopies();
    expect(localStorage.getItem('news-widgets:0:old')).to.equal(null);
    expect(localStorage.getItem('someone-else')).to.equal('x');
    localStorage.removeItem('someone-else');
  });

  it('keeps no copy of a feed not asked to (a server page, a search)', async () => {
    const name = key('not-stored');
    const watcher = watch(respondUrl({ body: jsonFeed(makeItems(2)), key: name }));
    await watcher.settled();
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(storedKey(name)).to.equal(undefined);
    watcher.stop();
  });
});
