// Elements a page creates later (innerHTML after load), removes and adds
// back, as single-page CMS themes do. They work each time, and once removed
// they leave nothing running: no timers, no listeners on the window, the
// document or the elements that stay, no observers.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { htmlPage, launchBrowser, openPage, requireBuild, startServer, waitFor, TAGS } from './harness.mjs';
import { useAll, wardMarkup, wardRoutes } from './widgets.mjs';

/**
 * Runs before any page script: wraps the timer, listener and observer APIs
 * to keep what is active now. `__mark()` remembers the active set, and
 * `__since()` lists what started after the mark and is still active. A
 * listener or observer on a node counts only while the node is in the
 * document's own tree: removed nodes, and the old nodes a re-render dropped,
 * take theirs with them, and what an element keeps inside its shadow root
 * is its own business. What is on the window, the document or an element
 * still in the page does not go away by itself.
 */
function track() {
  const active = new Map();
  let next = 0;
  const add = (kind, detail, key) => {
    const id = ++next;
    active.set(key ?? id, { id, kind, ...detail });
    return key ?? id;
  };
  const wrapTimer = (setName, clearName, kind) => {
    const set = window[setName];
    const clear = window[clearName];
    window[setName] = function (callback, delay, ...rest) {
      let handle;
      const run = typeof callback === 'function'
        ? function (...args) {
            if (kind !== 'interval') active.delete(`${kind}:${handle}`);
            return callback.apply(this, args);
          }
        : callback;
      handle = set.call(window, run, delay, ...rest);
      add(kind, { delay: typeof delay === 'number' ? delay : undefined, stack: new Error().stack }, `${kind}:${handle}`);
      return handle;
    };
    window[clearName] = function (handle) {
      active.delete(`${kind}:${handle}`);
      return clear.call(window, handle);
    };
  };
  wrapTimer('setTimeout', 'clearTimeout', 'timeout');
  wrapTimer('setInterval', 'clearInterval', 'interval');
  wrapTimer('requestAnimationFrame', 'cancelAnimationFrame', 'frame');
  wrapTimer('requestIdleCallback', 'cancelIdleCallback', 'idle');

  const listeners = new Map();
  const keyOf = (target, type, listener, options) => {
    const capture = typeof options === 'boolean' ? options : !!options?.capture;
    let byTarget = listeners.get(target);
    if (!byTarget) listeners.set(target, (byTarget = new Map()));
    const name = `${type}|${capture}`;
    let byName = byTarget.get(name);
    if (!byName) byTarget.set(name, (byName = new Map()));
    let key = byName.get(listener);
    if (!key) byName.set(listener, (key = { target, type }));
    return key;
  };
  const addListener = EventTarget.prototype.addEventListener;
  const removeListener = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (listener) {
      const key = keyOf(this, type, listener, options);
      if (!active.has(key)) add('listener', { type, target: this }, key);
      const forget = () => active.delete(key);
      if (typeof options === 'object' && options?.once) addListener.call(this, type, forget, { once: true });
      if (typeof options === 'object' && options?.signal) addListener.call(options.signal, 'abort', forget);
    }
    return addListener.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    if (listener) active.delete(keyOf(this, type, listener, options));
    return removeListener.call(this, type, listener, options);
  };

  for (const name of ['MutationObserver', 'ResizeObserver', 'IntersectionObserver', 'PerformanceObserver']) {
    const Original = window[name];
    if (!Original) continue;
    window[name] = class extends Original {
      observe(...args) {
        if (!active.has(this)) add('observer', { type: name, target: args[0] }, this);
        return super.observe(...args);
      }
      disconnect() {
        active.delete(this);
        return super.disconnect();
      }
    };
  }

  let marked = new Set();
  const describe = (entry) => {
    const target = entry.target;
    const where = target === window ? 'window' : target === document ? 'document' : target?.nodeName?.toLowerCase?.() ?? String(target);
    return [entry.kind, entry.type, entry.delay !== undefined && `${entry.delay}ms`, target && `on ${where}`].filter(Boolean).join(' ');
  };
  window.__mark = () => {
    marked = new Set([...active.values()].map((entry) => entry.id));
  };
  window.__since = () =>
    [...active.values()]
      .filter((entry) => !marked.has(entry.id))
      .filter((entry) => !(entry.target instanceof Node && entry.target.getRootNode() !== document))
      // A listener on an AbortSignal goes with the signal (and never fires once it is done).
      .filter((entry) => !(entry.target instanceof AbortSignal))
      .map(describe);
}

/** Builds the elements with innerHTML, as a theme's script does after load. */
const insert = (markup) =>
  `document.querySelector('#mount').innerHTML = ${JSON.stringify(markup)};`;

describe('created by innerHTML, removed and added back', () => {
  let server;
  let browser;
  const tags = TAGS;
  const controls = tags.filter((tag) => tag !== 'news-feed');

  before(async () => {
    requireBuild();
    server = await startServer({
      ...wardRoutes(),
      '/page.html': { body: htmlPage('<div id="mount"></div><div id="aside"></div><script type="module" src="/dist/news-widgets.min.js"></script>') },
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function ready(page) {
    await page.goto(server.url('/page.html'));
    await waitFor(page, () => customElements.get('news-feed') !== undefined);
    // Let the bundle's own start-up settle before the mark.
    await new Promise((done) => setTimeout(done, 200));
  }

  const settle = (ms = 400) => new Promise((done) => setTimeout(done, ms));

  test('the tracker sees what a leaky widget leaves behind (a check that it can fail)', async () => {
    const { page } = await openPage(browser, { beforeLoad: track });
    await ready(page);
    await page.evaluate(() => {
      window.__mark();
      const leaky = document.createElement('div');
      document.body.append(leaky);
      const onScroll = () => {};
      window.addEventListener('scroll', onScroll);
      document.addEventListener('visibilitychange', onScroll);
      setInterval(() => {}, 1000);
      setTimeout(() => {}, 60_000);
      new MutationObserver(() => {}).observe(document.body, { childList: true });
      leaky.addEventListener('click', onScroll);
      leaky.remove();
    });
    const left = await page.evaluate(() => window.__since());
    assert.deepEqual(left.sort(), [
      'interval 1000ms',
      'listener scroll on window',
      'listener visibilitychange on document',
      'observer MutationObserver on body',
      'timeout 60000ms',
    ]);
    await page.close();
  });

  test('every element works when created by innerHTML after load, again after being moved back, and leaves nothing behind', async () => {
    const { page, problems } = await openPage(browser, { beforeLoad: track });
    await ready(page);
    await page.evaluate(() => window.__mark());
    await page.evaluate(insert(wardMarkup(tags)));
    await useAll(page, tags);

    // Removed: nothing of theirs keeps running.
    await page.evaluate(() => {
      window.__removed = [...document.querySelector('#mount').children];
      document.querySelector('#mount').replaceChildren();
    });
    await settle();
    assert.deepEqual(await page.evaluate(() => window.__since()), []);

    // Added back (the same nodes): they work again.
    await page.evaluate(() => document.querySelector('#mount').append(...window.__removed));
    await useAll(page, tags);

    // And removed again, with innerHTML this time.
    await page.evaluate(() => {
      window.__removed = [...document.querySelector('#mount').children];
      document.querySelector('#mount').innerHTML = '';
    });
    await settle();
    assert.deepEqual(await page.evaluate(() => window.__since()), []);
    assert.deepEqual(problems, { errors: [], console: [] });
    await page.close();
  });

  test('controls removed while the feed stays leave no listener on the feed, nor anything else', async () => {
    const { page, problems } = await openPage(browser, { beforeLoad: track });
    await ready(page);
    await page.evaluate(insert(wardMarkup(['news-feed'])));
    await waitFor(page, () => document.querySelector('news-feed').status === 'ready');
    await settle();
    await page.evaluate(() => window.__mark());
    // The controls come after the feed, in another part of the page.
    await page.evaluate(`document.querySelector('#aside').innerHTML = ${JSON.stringify(wardMarkup(controls))};`);
    await useAll(page, controls);
    await page.evaluate(() => {
      window.__removed = [...document.querySelector('#aside').children];
      document.querySelector('#aside').replaceChildren();
    });
    await settle();
    assert.deepEqual(await page.evaluate(() => window.__since()), []);
    // The feed still works on its own.
    await useAll(page, ['news-feed']);
    assert.deepEqual(problems, { errors: [], console: [] });
    await page.close();
  });

  test('an element removed while its feed is still loading stops the request and leaves nothing behind', async () => {
    server.route('/slow-feed.json', { body: '{"version":"https://jsonfeed.org/version/1.1","items":[]}', delay: 1500 });
    const { page, problems } = await openPage(browser, { beforeLoad: track });
    await ready(page);
    await page.evaluate(() => window.__mark());
    await page.evaluate(insert('<news-feed src="/slow-feed.json"></news-feed>'));
    await waitFor(page, () => document.querySelector('news-feed')?.status === 'loading');
    await page.evaluate(() => {
      window.__removed = [...document.querySelector('#mount').children];
      document.querySelector('#mount').replaceChildren();
    });
    await settle();
    assert.deepEqual(await page.evaluate(() => window.__since()), []);
    assert.equal(server.hits('/slow-feed.json'), 1);
    assert.equal(server.aborted('/slow-feed.json'), 1, 'the request went on after the element was removed');
    // Back in the page, it loads again and settles.
    await page.evaluate(() => document.querySelector('#mount').append(...window.__removed));
    await waitFor(page, () => document.querySelector('news-feed').status === 'empty', undefined, 5000);
    assert.deepEqual(problems.errors, []);
    await page.close();
  });
});
