// Every feed format, read by the BUILT bundle on a page with a strict
// Content Security Policy and Trusted Types: RSS and Atom go through the
// browser's XML parser, JSON through JSON.parse, and no string may reach a
// sink that Trusted Types guards. Titles come out as plain text.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { htmlPage, launchBrowser, openPage, requireBuild, startServer, svgImage, waitFor } from './harness.mjs';

const POLICY = "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; report-uri /csp-report";

function recordViolations() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__violations.push(`${event.effectiveDirective}: ${event.blockedURI} ${event.sample}`);
  });
}

const FEEDS = {
  '/feeds/rss.xml': {
    type: 'application/rss+xml; charset=utf-8',
    body: `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Phường</title><link>https://phuong.example.vn/</link>
<item><title>Hội nghị &amp; tổng kết &lt;b&gt;năm&lt;/b&gt;</title><link>https://phuong.example.vn/tin/1</link>
<description><![CDATA[<p>Sáng 28/4 <img src="/feeds/hoi-nghi.svg"> hội nghị</p>]]></description>
<pubDate>Wed, 28 Apr 2021 01:30:00 GMT</pubDate><category>Nội chính</category></item>
<item><title>Ra quân vệ sinh môi trường</title><link>/tin/2</link><pubDate>Tue, 27 Apr 2021 01:30:00 GMT</pubDate></item>
</channel></rss>`,
    // Markup that a title's entities spell out is dropped, never rendered.
    titles: ['Hội nghị & tổng kết năm', 'Ra quân vệ sinh môi trường'],
  },
  '/feeds/atom.xml': {
    type: 'application/atom+xml',
    body: `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Phường</title><id>urn:phuong</id><updated>2021-04-28T01:30:00Z</updated>
<entry><title type="html">Tiếp xúc cử tri &amp;amp; nhân dân</title><id>urn:1</id><link href="https://phuong.example.vn/tin/3"/>
<updated>2021-04-28T01:30:00Z</updated><summary>Tóm tắt</summary></entry></feed>`,
    titles: ['Tiếp xúc cử tri & nhân dân'],
  },
  '/feeds/wp-json/wp/v2/posts': {
    type: 'application/json',
    headers: { 'X-WP-Total': '1', 'X-WP-TotalPages': '1' },
    body: JSON.stringify([
      {
        id: 41,
        date_gmt: '2021-04-28T01:30:00',
        link: 'https://phuong.example.vn/?p=41',
        title: { rendered: 'Kế hoạch &#8220;Ngày thứ Bảy xanh&#8221;' },
        excerpt: { rendered: '<p>Ph&aacute;t động</p>' },
      },
    ]),
    titles: ['Kế hoạch “Ngày thứ Bảy xanh”'],
  },
  '/feeds/portal.json': {
    type: 'application/json',
    map: { items: 'data.list', title: 'name', url: 'href', date: 'time', dateFormat: 'dd/MM/yyyy' },
    body: JSON.stringify({ data: { list: [{ name: 'Thông báo lịch tiếp dân', href: '/tb/1', time: '28/04/2021' }] } }),
    titles: ['Thông báo lịch tiếp dân'],
  },
};

describe('every feed format through the built bundle, under CSP and Trusted Types', () => {
  let server;
  let browser;

  before(async () => {
    requireBuild();
    const routes = {};
    for (const [path, feed] of Object.entries(FEEDS)) {
      routes[path] = { body: feed.body, type: feed.type, headers: feed.headers };
      const map = feed.map ? ` format="custom" map='${JSON.stringify(feed.map)}'` : '';
      routes[`${path}.html`] = {
        body: htmlPage(`<news-feed src="${path}"${map}></news-feed><script type="module" src="/dist/news-widgets.min.js"></script>`),
        headers: { 'Content-Security-Policy': POLICY },
      };
    }
    routes['/feeds/hoi-nghi.svg'] = { body: svgImage('Hội nghị') };
    server = await startServer(routes);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The reports the endpoint received about this page. */
  const reportsFor = (page) => server.reports.filter((report) => report['csp-report']?.['document-uri'] === page.url());

  test('a page that lists its Trusted Types policies reads RSS when it names news-widgets', async () => {
    server.route('/allowlist.html', {
      body: htmlPage('<news-feed src="/feeds/rss.xml"></news-feed><script type="module" src="/dist/news-widgets.min.js"></script>'),
      headers: { 'Content-Security-Policy': `${POLICY}; trusted-types lit-html news-widgets` },
    });
    const { page, problems } = await openPage(browser, { beforeLoad: recordViolations });
    await page.goto(server.url('/allowlist.html'));
    await waitFor(page, () => document.querySelector('news-feed')?.status === 'ready');
    await new Promise((done) => setTimeout(done, 300));
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(reportsFor(page), []);
    assert.deepEqual(problems, { errors: [], console: [] });
    await page.close();
  });

  for (const [path, feed] of Object.entries(FEEDS)) {
    test(`${path.split('/').pop()}: items shown as plain text, no violation`, async () => {
      const { page, problems } = await openPage(browser, { beforeLoad: recordViolations });
      await page.goto(server.url(`${path}.html`));
      const status = await waitFor(page, () => {
        const status = document.querySelector('news-feed')?.status;
        return status === 'ready' || status === 'error' || status === 'empty' ? status : '';
      });
      const message = await page.$eval('news-feed [part~="status"]', (node) => node.textContent.trim());
      assert.equal(status, 'ready', message);
      const titles = await page.$$eval('news-feed [part~="title"]', (all) => all.map((title) => title.textContent.trim()));
      assert.deepEqual(titles, feed.titles);
      // Markup in titles stays text: no element was made from it.
      assert.equal(await page.$$eval('news-feed [part~="title"] b', (all) => all.length), 0);
      await new Promise((done) => setTimeout(done, 300));
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(reportsFor(page), []);
      assert.deepEqual(problems, { errors: [], console: [] });
      await page.close();
    });
  }
});
