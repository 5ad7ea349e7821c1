// A strict Content Security Policy with Trusted Types, as a careful portal
// would send it: only scripts and styles from the page's own origin, and no
// string may reach a script sink without a policy. The elements render and
// work, and no violation is reported, neither to the page
// (securitypolicyviolation) nor to the report endpoint.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { htmlPage, launchBrowser, openPage, requireBuild, startServer, waitFor, TAGS } from './harness.mjs';
import { useAll, wardMarkup, wardRoutes } from './widgets.mjs';

const POLICY = "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; report-uri /csp-report";

/** Runs before any page script: keeps every violation the page is told of. */
function recordViolations() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__violations.push(`${event.effectiveDirective}: ${event.blockedURI} ${event.sample}`);
  });
}

describe('a strict Content Security Policy with Trusted Types', () => {
  let server;
  let browser;
  const tags = TAGS;
  const strict = (body) => ({ body, headers: { 'Content-Security-Policy': POLICY } });

  before(async () => {
    requireBuild();
    server = await startServer({
      ...wardRoutes(),
      '/page.html': strict(htmlPage(`${wardMarkup(tags)}<script type="module" src="/dist/news-widgets.min.js"></script>`)),
      '/english.html': strict(
        htmlPage(`${wardMarkup(tags).replace(/<(news-[a-z-]+) /g, '<$1 lang="en" ')}<script type="module" src="/dist/news-widgets.min.js"></script>`, { lang: 'en' }),
      ),
      '/broken-feed.html': strict(
        htmlPage('<news-feed src="/missing.json"><a href="/tin-tuc.html">Xem tất cả tin tức</a></news-feed><script type="module" src="/dist/news-widgets.min.js"></script>'),
      ),
      // HTML's rarer entity names are read by the browser's HTML parser, through the news-widgets policy.
      '/entities.json': {
        body: JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', title: '&Dstrok;&abreve;ng k&yacute;&hellip; &lt;b&gt;' }] }),
        type: 'application/feed+json',
      },
      '/entities.html': strict(htmlPage('<news-feed src="/entities.json"></news-feed><script type="module" src="/dist/news-widgets.min.js"></script>')),
      '/entities-listed.html': {
        body: htmlPage('<news-feed src="/entities.json"></news-feed><script type="module" src="/dist/news-widgets.min.js"></script>'),
        headers: { 'Content-Security-Policy': `${POLICY}; trusted-types lit-html news-widgets` },
      },
      // The control: a page that breaks the same policy, to prove violations are seen.
      '/violating.html': strict(htmlPage('<p style="color: red">x</p><script>document.title = "ran";</script><script src="/violating.js"></script>')),
      '/violating.js': { body: 'document.body.innerHTML += "<b>string to a sink</b>";' },
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Waits for late reports, then returns what the page and the endpoint were told. */
  async function violations(page) {
    await new Promise((done) => setTimeout(done, 500));
    const reported = server.reports.filter((report) => report['csp-report']?.['document-uri'] === page.url());
    return { page: await page.evaluate(() => window.__violations), reported };
  }

  test('the policy and the reporting work: a page that breaks them is caught', async () => {
    const { page } = await openPage(browser, { beforeLoad: recordViolations });
    await page.goto(server.url('/violating.html'));
    await waitFor(page, () => window.__violations.length >= 3);
    const seen = await violations(page);
    assert.ok(seen.page.some((line) => line.startsWith('style-src-attr')), seen.page.join('\n'));
    assert.ok(seen.page.some((line) => line.startsWith('script-src-elem')), seen.page.join('\n'));
    assert.ok(seen.page.some((line) => line.startsWith('require-trusted-types-for')), seen.page.join('\n'));
    assert.ok(seen.reported.length >= 3, `only ${seen.reported.length} reports reached the endpoint`);
    assert.equal(await page.title(), 'Trang thử', 'the inline script ran');
    await page.close();
  });

  test('every element renders and works, with no violation', async () => {
    const { page, problems } = await openPage(browser, { beforeLoad: recordViolations });
    await page.goto(server.url('/page.html'));
    await useAll(page, tags);
    assert.deepEqual(await violations(page), { page: [], reported: [] });
    assert.deepEqual(problems, { errors: [], console: [] });
    await page.close();
  });

  test('in English too (other strings, other formatters), with no violation', async () => {
    const { page, problems } = await openPage(browser, { beforeLoad: recordViolations });
    await page.goto(server.url('/english.html'));
    await waitFor(page, () => document.querySelector('news-feed')?.status === 'ready');
    const date = await page.$eval('news-feed [part~="date"]', (time) => time.textContent.trim());
    assert.equal(date, '28 Jun 2021');
    if (tags.includes('news-visit-counter')) {
      await waitFor(page, () => document.querySelector('news-visit-counter').status === 'ready');
      const values = await page.$$eval('news-visit-counter [part~="value"]', (all) => all.map((value) => value.textContent.trim()));
      assert.deepEqual(values, ['6,407,820', '1,229', '3,009']);
    }
    assert.deepEqual(await violations(page), { page: [], reported: [] });
    assert.deepEqual(problems, { errors: [], console: [] });
    await page.close();
  });

  test("HTML's rarer entity names are decoded, with no violation, also where the page lists its policies", async () => {
    for (const path of ['/entities.html', '/entities-listed.html']) {
      const { page, problems } = await openPage(browser, { beforeLoad: recordViolations });
      await page.goto(server.url(path));
      await waitFor(page, () => document.querySelector('news-feed')?.status === 'ready');
      assert.equal(await page.$eval('news-feed [part~="link"], news-feed [part~="title"]', (title) => title.textContent.trim()), 'Đăng ký… <b>', path);
      assert.deepEqual(await violations(page), { page: [], reported: [] }, path);
      assert.deepEqual(problems, { errors: [], console: [] }, path);
      await page.close();
    }
  });

  test('a feed that fails shows its message and retry button, with no violation', async () => {
    const { page, problems } = await openPage(browser, { beforeLoad: recordViolations });
    await page.goto(server.url('/broken-feed.html'));
    await waitFor(page, () => document.querySelector('news-feed')?.status === 'error');
    const message = await page.$eval('news-feed [part~="status"]', (status) => status.textContent);
    assert.match(message, /404/);
    assert.match(message, /missing\.json/);
    // A 4xx is not retried on its own: one request until the reader asks again.
    assert.equal(server.hits('/missing.json'), 1);
    const retry = await page.waitForSelector('news-feed [part~="retry"]', { state: 'visible' });
    await retry.click();
    // Retry asks again, and the new answer brings the message and button back.
    for (let wait = 0; server.hits('/missing.json') < 2 && wait < 100; wait++) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(server.hits('/missing.json'), 2);
    await waitFor(page, () => document.querySelector('news-feed')?.status === 'error');
    await page.waitForSelector('news-feed [part~="retry"]', { state: 'visible' });
    assert.deepEqual(await violations(page), { page: [], reported: [] });
    // The 404 of the feed itself is the only console line.
    assert.deepEqual(problems.errors, []);
    assert.ok(problems.console.every((line) => line.includes('404')), problems.console.join('\n'));
    await page.close();
  });
});
