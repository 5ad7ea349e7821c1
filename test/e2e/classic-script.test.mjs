// The classic-script build, dist/news-widgets.classic.js: for a CMS that
// strips type="module" (the module bundle then fails with "Unexpected token
// 'export'"), the same elements from a plain <script>.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { htmlPage, launchBrowser, openPage, requireBuild, startServer, TAGS, waitFor } from './harness.mjs';
import { wardMarkup, wardRoutes } from './widgets.mjs';

describe('the classic-script build', () => {
  let server;
  let browser;

  before(async () => {
    requireBuild();
    server = await startServer({
      ...wardRoutes(),
      '/classic.html': { body: htmlPage(`${wardMarkup(TAGS)}<script src="/dist/news-widgets.classic.js"></script>`) },
      // The control: the module bundle in a script whose type a CMS took away.
      '/module-stripped.html': { body: htmlPage(`${wardMarkup(TAGS)}<script src="/dist/news-widgets.min.js"></script>`) },
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('defines and renders every element from a plain <script>, with no error, and exposes the classes as NewsWidgets', async () => {
    const { page } = await openPage(browser);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url('/classic.html'));
    await waitFor(page, () => document.querySelector('news-feed')?.shadowRoot?.querySelectorAll('[part~="item"]').length > 0);
    const defined = await page.evaluate((names) => names.filter((name) => customElements.get(name)), TAGS);
    assert.deepEqual(defined, TAGS);
    assert.equal(await page.evaluate(() => typeof window.NewsWidgets?.NewsFeed), 'function');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the control: the module bundle in a plain <script> fails, as webmasters met it', async () => {
    const { page } = await openPage(browser);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url('/module-stripped.html'));
    await waitFor(page, () => document.readyState === 'complete');
    assert.equal(await page.evaluate(() => !!customElements.get('news-feed')), false);
    assert.ok(errors.some((message) => /export|import|module/i.test(message)), errors.join('\n'));
    await page.close();
  });
});
