// A CMS theme at its worst: resets and `!important` rules on a, li, button
// and img, inherited text styles no widget asked for. The elements must still
// render, be visible, and work with the mouse and keyboard.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { htmlPage, launchBrowser, navigation, openPage, requireBuild, startServer, TAGS } from './harness.mjs';
import { useAll, wardMarkup, wardRoutes } from './widgets.mjs';

const THEME = `
  *, *::before, *::after { box-sizing: content-box !important; margin: 0 !important; padding: 0 !important;
    border: 0 !important; outline: 0 !important; transition: all 3s !important; }
  html { font-size: 62.5% !important; }
  body { font: 12px/1 Georgia, serif !important; color: #444 !important; text-transform: uppercase !important;
    letter-spacing: 0.2em !important; text-align: right !important; cursor: default !important; }
  a, a:link, a:visited, a:hover { color: #e00 !important; text-decoration: line-through !important; font-size: 2rem !important;
    display: inline-block !important; width: 3em !important; overflow: hidden !important; pointer-events: none !important; }
  ul, ol { display: flex !important; flex-direction: column-reverse !important; }
  li { list-style: none !important; float: left !important; width: 40% !important; height: 1px !important; overflow: hidden !important; }
  button, input, select { all: unset !important; display: none !important; }
  img { display: none !important; width: 0 !important; height: 0 !important; }
  p, span, time, h3, nav, table, td, th, dl, dt, dd { display: inline !important; font-size: 0 !important; }
  [role="tab"], [part], [aria-selected], [tabindex] { display: none !important; visibility: hidden !important; }
  .box { display: block !important; width: 640px !important; }
`;

describe('an aggressive global theme', () => {
  let server;
  let browser;
  const tags = TAGS;

  before(async () => {
    requireBuild();
    server = await startServer({
      ...wardRoutes(),
      '/theme.css': { body: THEME },
      '/page.html': {
        body: htmlPage(`${wardMarkup(tags)}<script type="module" src="/dist/news-widgets.min.js"></script>`, {
          head: '<link rel="stylesheet" href="/theme.css">',
        }),
      },
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the theme does reach the page (a check that it can fail)', async () => {
    const { page } = await openPage(browser, { javaScript: false });
    await page.goto(server.url('/page.html'));
    // Before the elements upgrade, the theme hides the fallback links' text and
    // stops clicks on them: so the theme is really applied.
    const styled = await page.$eval('news-feed a', (a) => getComputedStyle(a).pointerEvents);
    assert.equal(styled, 'none');
    await page.close();
  });

  test('every element renders, is visible and works with mouse and keyboard', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(server.url('/page.html'));
    await useAll(page, tags);
    for (const tag of tags) {
      const box = await page.$eval(tag, (element) => {
        const { width, height } = element.getBoundingClientRect();
        return { width, height, shadow: !!element.shadowRoot?.childElementCount };
      });
      assert.ok(box.shadow, `${tag} did not render`);
      assert.ok(box.width > 100 && box.height > 10, `${tag} is squashed: ${box.width}×${box.height}`);
    }
    assert.deepEqual(problems, { errors: [], console: [] });
    await page.close();
  });

  test('item links still lead to the article', async () => {
    const { page } = await openPage(browser);
    await page.goto(server.url('/page.html'));
    await page.waitForSelector('news-feed a[part~="link"]', { state: 'visible' });
    await Promise.all([navigation(page), page.click('news-feed a[part~="link"]')]);
    assert.equal(new URL(page.url()).pathname, '/tin-tuc/bai-1.html');
    await page.close();
  });
});
