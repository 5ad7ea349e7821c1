// Without scripts (turned off, or the bundle fails to load) the light-DOM
// links a webmaster put inside each element are the page: visible, and they
// navigate.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { htmlPage, launchBrowser, navigation, openPage, requireBuild, startServer, TAGS } from './harness.mjs';
import { FALLBACK, isVisible, wardMarkup, wardRoutes } from './widgets.mjs';

describe('no script', () => {
  let server;
  let browser;
  const tags = TAGS;
  const targets = Object.fromEntries(
    tags.flatMap((tag) => FALLBACK[tag].map(([href, text]) => [href, { body: htmlPage(`<h1>${text}</h1>`) }])),
  );

  before(async () => {
    requireBuild();
    server = await startServer({
      ...wardRoutes(),
      ...targets,
      '/page.html': { body: htmlPage(`${wardMarkup(tags)}<script type="module" src="/dist/news-widgets.min.js"></script>`) },
      '/missing-bundle.html': { body: htmlPage(`${wardMarkup(tags)}<script type="module" src="/dist/not-there.min.js"></script>`) },
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Every fallback link is on screen, and clicking it opens its page. */
  async function fallbackWorks(path, options) {
    for (const tag of tags) {
      for (const [href, text] of FALLBACK[tag]) {
        const { page } = await openPage(browser, options);
        await page.goto(server.url(path));
        const selector = `${tag} a[href="${href}"]`;
        assert.ok(await isVisible(page, selector), `${selector} is not visible`);
        assert.equal(await page.$eval(selector, (a) => a.textContent.trim()), text);
        await Promise.all([navigation(page), page.click(selector)]);
        assert.equal(new URL(page.url()).pathname, href);
        assert.equal(await page.$eval('h1', (h1) => h1.textContent), text);
        await page.close();
      }
    }
  }

  test('scripts turned off: the fallback links show and navigate', async () => {
    await fallbackWorks('/page.html', { javaScript: false });
    assert.equal(server.hits('/feed.json'), 0, 'the feed was fetched without scripts');
  });

  test('the bundle fails to load: the fallback links show and navigate', async () => {
    await fallbackWorks('/missing-bundle.html');
  });

  // The control for the first test: the same page with scripts on does
  // upgrade every element, so it is turning them off that leaves the links.
  test('the control: with scripts on, the same page defines and renders every element', async () => {
    const { page } = await openPage(browser);
    await page.goto(server.url('/page.html'));
    await page.waitForFunction((names) => names.every((name) => customElements.get(name)), tags);
    const shadows = await page.$$eval(tags.join(','), (all) => all.filter((element) => element.shadowRoot).length);
    assert.equal(shadows, tags.length);
    await page.close();
  });
});
