// Layout shift while a 10-item feed with images loads into a page: the
// skeleton holds the space, the items replace it, the pictures come in late.
// The cumulative layout shift (CLS), summed from PerformanceObserver's
// `layout-shift` entries, must stay at or below 0.01.
//
// The pages load the bundle with `blocking="render"`, so the first paint
// already has the element (as its skeleton): what is measured is what the
// element does. Pasted at the end of the body without it, the page is
// painted once before the script runs, with the empty element taking no
// room, and the skeleton then pushes what follows down once: that figure is
// reported too, but it is the page's to avoid (blocking="render", or room
// kept for the element), not something the element can do.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CLS_BUDGET, htmlPage, jsonFeed, launchBrowser, observeShifts, openPage, requireBuild, startServer, svgImage, waitFor } from './harness.mjs';

const ARTICLE = `
  <header><h1>Cổng thông tin điện tử Phường Thanh Bình</h1><p>Trang chủ › Tin tức</p></header>
  <main>
    <h2>Tin tức - Sự kiện</h2>
    FEED
    <p>Liên hệ: Ủy ban nhân dân phường, số 1 đường Lê Lợi. Điện thoại 0234 3822 123.</p>
    <footer>© Phường Thanh Bình</footer>
  </main>`;

const STYLE = '<link rel="stylesheet" href="/page.css">';
const BLOCKING = '<script type="module" blocking="render" src="/dist/news-widgets.min.js"></script>';
const PASTED = '<script type="module" src="/dist/news-widgets.min.js"></script>';

describe('layout shift while a 10-item feed with images loads', () => {
  let server;
  let browser;

  before(async () => {
    requireBuild();
    const images = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`/img/${i + 1}.svg`, { body: svgImage(`Ảnh ${i + 1}`), delay: 400 + i * 60 }]),
    );
    const feed = (layout) => `<news-feed src="/feed.json" limit="10" layout="${layout}"></news-feed>`;
    server = await startServer({
      ...images,
      '/page.css': { body: 'body { margin: 0 auto; padding: 0 1rem; max-width: 760px; font: 16px/1.5 system-ui, sans-serif; }' },
      '/feed.json': { body: jsonFeed(10, { image: (i) => `/img/${i + 1}.svg` }), delay: 300 },
      '/list.html': { body: htmlPage(ARTICLE.replace('FEED', feed('list')), { head: STYLE + BLOCKING }) },
      '/cards.html': { body: htmlPage(ARTICLE.replace('FEED', feed('cards')), { head: STYLE + BLOCKING }) },
      '/pasted.html': { body: htmlPage(ARTICLE.replace('FEED', feed('list')) + PASTED, { head: STYLE }) },
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function measure(path, viewport) {
    const { page, problems } = await openPage(browser, { beforeLoad: observeShifts, viewport });
    await page.goto(server.url(path));
    await waitFor(page, () => document.querySelector('news-feed')?.status === 'ready');
    // Every picture on screen has come in (those further down load lazily, when scrolled to).
    const pictures = () =>
      page.evaluate(() =>
        [...document.querySelector('news-feed').shadowRoot.querySelectorAll('img')].map((image) => ({
          top: Math.round(image.getBoundingClientRect().top),
          loaded: image.complete && image.naturalWidth > 0,
        })),
      );
    const onScreen = (all) => all.filter((image) => image.top < viewport.height);
    let seen = await pictures();
    for (let tries = 0; tries < 80 && !(seen.length === 10 && onScreen(seen).length && onScreen(seen).every((image) => image.loaded)); tries++) {
      await new Promise((done) => setTimeout(done, 100));
      seen = await pictures();
    }
    assert.ok(onScreen(seen).length && onScreen(seen).every((image) => image.loaded), `pictures on screen not loaded: ${JSON.stringify(seen)}`);
    // Shifts are reported after the frame that made them.
    await new Promise((done) => setTimeout(done, 500));
    const result = await page.evaluate(() => ({
      cls: window.__cls,
      shifts: window.__shifts,
      // When the feed's answer had come: a shift after it came from the items or their pictures.
      feedAt: performance.getEntriesByName(new URL('/feed.json', location.href).href)[0]?.responseEnd,
    }));
    assert.deepEqual(problems, { errors: [], console: [] });
    await page.close();
    return result;
  }

  const describeShifts = ({ cls, shifts }) =>
    `${cls.toFixed(4)} (${shifts.length} shift${shifts.length === 1 ? '' : 's'}${shifts.length ? `: ${JSON.stringify(shifts)}` : ''})`;

  const cases = [
    ['list', 'desktop', { width: 1280, height: 800 }],
    ['list', 'phone', { width: 390, height: 844 }],
    ['cards', 'desktop', { width: 1280, height: 800 }],
    ['cards', 'phone', { width: 390, height: 844 }],
  ];
  for (const [layout, screen, viewport] of cases) {
    test(`${layout} layout on a ${screen} screen: CLS at most ${CLS_BUDGET}`, async (t) => {
      const result = await measure(`/${layout}.html`, viewport);
      t.diagnostic(`CLS ${layout} ${screen}: ${describeShifts(result)}`);
      assert.ok(result.cls <= CLS_BUDGET, `CLS ${describeShifts(result)} > ${CLS_BUDGET}`);
    });
  }

  test('pasted at the end of the body without blocking="render": the one shift is the script arriving', async (t) => {
    const result = await measure('/pasted.html', { width: 1280, height: 800 });
    t.diagnostic(`CLS pasted, list, desktop: ${describeShifts(result)}`);
    // At most one shift: the element appearing (with its skeleton, or with the
    // copy an earlier page kept). The feed's answer and the pictures add none.
    assert.ok(result.shifts.length <= 1, describeShifts(result));
    assert.ok(result.feedAt > 0, "the feed's answer was seen");
    assert.ok(result.shifts.every((shift) => shift.at < result.feedAt), `a shift after the feed answered at ${Math.round(result.feedAt)} ms: ${describeShifts(result)}`);
  });

  test('the measurement sees a shift when there is one (a check that it can fail)', async () => {
    server.route('/shifty.html', {
      body: htmlPage('<div id="late"></div><p>Nội dung bên dưới</p><p>Thêm một đoạn</p><script src="/shifty.js"></script>'),
    });
    server.route('/shifty.js', { body: "setTimeout(() => { document.querySelector('#late').style.height = '300px'; }, 300);" });
    const { page } = await openPage(browser, { beforeLoad: observeShifts, viewport: { width: 1024, height: 800 } });
    await page.goto(server.url('/shifty.html'));
    await new Promise((done) => setTimeout(done, 900));
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls > CLS_BUDGET, `a 300px push-down measured only ${cls}`);
    await page.close();
  });
});
