// The ward page the end-to-end tests load in various hostile settings, and
// for each element a check that it rendered and still works when a reader
// uses it with a real mouse and keyboard.
import assert from 'node:assert/strict';
import { jsonFeed, svgImage, waitFor } from './harness.mjs';

/** The fallback links a webmaster puts inside each element, by tag. */
export const FALLBACK = {
  'news-category-tabs': [
    ['/chuyen-muc/noi-chinh.html', 'Nội chính', 'Nội chính'],
    ['/chuyen-muc/van-hoa-xa-hoi.html', 'Văn hóa - Xã hội', 'Văn hóa - Xã hội'],
  ],
  'news-search': [['/tim-kiem.html', 'Tìm kiếm thông tin']],
  'news-feed': [['/tin-tuc.html', 'Xem tất cả tin tức']],
  'news-date-archive': [['/tin-tuc/theo-ngay.html', 'Xem tin theo ngày']],
  'news-visit-counter': [['/thong-ke.html', 'Thống kê truy cập']],
};

const links = (tag) =>
  FALLBACK[tag].map(([href, text, value]) => `<a href="${href}"${value ? ` data-value="${value}"` : ''}>${text}</a>`).join(' ');

/** Attributes of each element on the ward page. */
const ATTRIBUTES = {
  'news-category-tabs': 'for="tin"',
  'news-search': 'for="tin" debounce="50"',
  'news-feed': 'id="tin" src="/feed.json" limit="4"',
  'news-date-archive': 'for="tin"',
  'news-visit-counter': 'src="/counter" refresh="1"',
};

/** The markup of a ward page with the given elements, in reading order. */
export function wardMarkup(tags) {
  return ['news-category-tabs', 'news-search', 'news-feed', 'news-date-archive', 'news-visit-counter']
    .filter((tag) => tags.includes(tag))
    .map((tag) => `<section class="box"><h2>${tag}</h2><${tag} ${ATTRIBUTES[tag]}>${links(tag)}</${tag}></section>`)
    .join('\n');
}

/** The routes a ward page needs: its feed (with images), pictures and a counter. */
export function wardRoutes() {
  return {
    '/feed.json': { body: jsonFeed(12, { image: (i) => `/img/${i + 1}.svg` }) },
    '/counter': { body: JSON.stringify({ total: 6407820, online: 1229, today: 3009 }), type: 'application/json' },
    ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`/img/${i + 1}.svg`, { body: svgImage(`Ảnh ${i + 1}`) }])),
  };
}

/**
 * Runs in the page: the element that a click at the centre of `target`
 * would reach, looking through shadow roots, is `target` or inside it.
 */
function hitTest(target) {
  const box = target.getBoundingClientRect();
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  let hit = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return { width: box.width, height: box.height, reaches: !!hit && (hit === target || target.contains(hit)), hit: hit?.outerHTML.slice(0, 120) };
}

/** Clicks `selector` (Playwright's CSS selectors pierce shadow roots) with the mouse, after making sure a click would reach it. */
export async function realClick(page, selector) {
  const handle = await page.waitForSelector(selector, { state: 'visible', timeout: 8000 });
  await handle.scrollIntoViewIfNeeded();
  const hit = await handle.evaluate(hitTest);
  assert.ok(hit.width >= 8 && hit.height >= 8, `${selector} is too small to use: ${hit.width}×${hit.height}`);
  assert.ok(hit.reaches, `${selector} is covered by ${hit.hit}`);
  await handle.click();
  await handle.dispose();
}

/** Is the element's box on screen and not hidden by the page's styles? */
export async function isVisible(page, selector) {
  return page.$eval(selector, (element) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && Number(style.opacity) > 0.1;
  });
}

/**
 * For each element: wait until it rendered, then use it as a reader would.
 * Each check leaves the feed unfiltered again for the next one.
 */
export const USE = {
  async 'news-feed'(page) {
    await waitFor(page, () => document.querySelector('news-feed')?.status === 'ready');
    assert.equal(await page.$$eval('news-feed [part~="item"]', (items) => items.length), 4);
    assert.ok(await isVisible(page, 'news-feed a[part~="link"]'), 'item links are not visible');
    assert.ok(await isVisible(page, 'news-feed img[part~="image"]'), 'item images are not visible');
    await realClick(page, 'news-feed button[part~="page"][aria-label*="3"]');
    await waitFor(page, () => document.querySelector('news-feed').page === 3);
    assert.equal(await page.$eval('news-feed [part~="item"] [part~="title"]', (title) => title.textContent.trim().slice(0, 10)), 'Tin số 9: ');
    await page.evaluate(() => (document.querySelector('news-feed').page = 1));
  },

  async 'news-category-tabs'(page) {
    const tabs = await page.waitForSelector('news-category-tabs [role="tab"]', { state: 'visible' });
    await tabs.dispose();
    const labels = await page.$$eval('news-category-tabs [role="tab"]', (all) => all.map((tab) => tab.textContent.trim()));
    assert.deepEqual(labels, ['Tất cả', 'Nội chính', 'Văn hóa - Xã hội']);
    await realClick(page, 'news-category-tabs [role="tab"]:nth-child(2)');
    await waitFor(page, () => document.querySelector('news-feed').category === 'Nội chính' && document.querySelector('news-feed').total === 4);
    // Keyboard: Home goes back to "Tất cả", which clears the filter.
    await page.keyboard.press('Home');
    await waitFor(page, () => document.querySelector('news-feed').category === '');
  },

  async 'news-search'(page) {
    await realClick(page, 'news-search input');
    await page.keyboard.type('tin so 1');
    await waitFor(page, () => document.querySelector('news-feed').query === 'tin so 1');
    // "tin so 1" finds "Tin số 1", "Tin số 10", "Tin số 11", "Tin số 12".
    await waitFor(page, () => document.querySelector('news-feed').total === 4);
    await page.keyboard.press('Escape');
    await waitFor(page, () => document.querySelector('news-feed').query === '');
  },

  async 'news-date-archive'(page) {
    // The newest item is from 28/06/2021: the calendar opens on June 2021.
    const day = '[data-key="2021-06-27"]';
    await realClick(page, `news-date-archive ${day}`);
    await waitFor(page, () => document.querySelector('news-feed').date === '2021-06-27' && document.querySelector('news-feed').total === 1);
    await realClick(page, `news-date-archive ${day}`);
    await waitFor(page, () => document.querySelector('news-feed').date === '');
  },

  async 'news-visit-counter'(page) {
    await page.waitForSelector('news-visit-counter [part~="value"]', { state: 'visible' });
    await waitFor(page, () => document.querySelector('news-visit-counter').status === 'ready');
    const values = await page.$$eval('news-visit-counter [part~="value"]', (all) => all.map((value) => value.textContent.trim()));
    assert.deepEqual(values, ['6.407.820', '1.229', '3.009']);
    assert.ok(await isVisible(page, 'news-visit-counter [part~="value"]'));
  },
};

/** Uses every element on the page, in reading order. */
export async function useAll(page, tags) {
  for (const tag of ['news-feed', 'news-category-tabs', 'news-search', 'news-date-archive', 'news-visit-counter']) {
    if (tags.includes(tag)) await USE[tag](page);
  }
}
