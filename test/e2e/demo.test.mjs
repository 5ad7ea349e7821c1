// The demo that `npm start` serves, on the same server and files: the ward
// page and the article page show what they are meant to, and a reader can
// go from one to the other. Nothing on either page fails to load.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startDemo } from '../../scripts/demo-server.mjs';
import { launchBrowser, navigation, openPage, readerUserAgent, requireBuild, ROOT, waitFor } from './harness.mjs';

const demoFeed = JSON.parse(readFileSync(join(ROOT, 'demo/feed.json'), 'utf8'));

/** Marks stripped, đ to d, lower case: the reader's view of a search. */
const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

/** Demo items where every word of `query` starts a word of the title, summary or categories. */
function expectedMatches(query) {
  const terms = fold(query).split(/\s+/).filter(Boolean);
  return demoFeed.items.filter((item) => {
    const words = fold(`${item.title} ${item.summary ?? ''} ${(item.tags ?? []).join(' ')}`).split(/[^a-z0-9]+/);
    return terms.every((term) => words.some((word) => word.startsWith(term)));
  });
}

/** Runs in the page: the titles a news-feed shows, by selector. */
function shownTitles(selector) {
  const feed = document.querySelector(selector);
  return [...(feed?.shadowRoot?.querySelectorAll('[part~="item"] [part~="title"]') ?? [])].map((title) => title.textContent.trim());
}

describe('the demo that npm start serves', () => {
  let demo;
  let browser;
  let origin;
  let dataDir;
  let userAgent;

  before(async () => {
    requireBuild();
    dataDir = mkdtempSync(join(tmpdir(), 'news-demo-'));
    demo = await startDemo({ port: 0, db: join(dataDir, 'visits.db') });
    origin = demo.address.replace('localhost', '127.0.0.1');
    browser = await launchBrowser();
    // A reader's browser: the server does not count HeadlessChrome, which it takes for a bot.
    userAgent = await readerUserAgent(browser);
  });

  after(async () => {
    await browser?.close();
    await demo?.app.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** A page that also records every request that failed or answered 4xx/5xx. */
  async function open(path) {
    const { page, problems } = await openPage(browser, { userAgent });
    problems.failed = [];
    page.on('response', (response) => {
      if (response.status() >= 400) problems.failed.push(`${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => problems.failed.push(`${request.failure()?.errorText} ${request.url()}`));
    await page.goto(origin + path);
    return { page, problems };
  }

  const noProblems = (problems) => assert.deepEqual(problems, { errors: [], console: [], failed: [] });

  test('the ward page: news, tabs, search, calendar, latest news and visit counts', async () => {
    const { page, problems } = await open('/');
    const newest = demoFeed.items.slice(0, 8).map((item) => item.title);
    await waitFor(page, () => document.querySelectorAll('news-feed').length === 3
      && [...document.querySelectorAll('news-feed')].every((feed) => feed.shadowRoot.querySelector('[part~="item"]')));
    assert.deepEqual(await page.evaluate(shownTitles, '#tin-tuc'), newest);
    assert.deepEqual(await page.evaluate(shownTitles, 'aside news-feed:not([relay])'), newest.slice(0, 5));
    // The province's RSS, on another origin without CORS, read through the demo server's relay;
    // its links resolve against the province's host, not the relay's.
    const province = readFileSync(new URL('../../demo/province/rss.xml', import.meta.url), 'utf8');
    const provinceTitles = [...province.matchAll(/<item>\s*<title>([^<]+)<\/title>/g)].map(([, title]) => title).slice(0, 3);
    assert.deepEqual(await page.evaluate(shownTitles, 'news-feed[relay]'), provinceTitles);
    const provinceLink = await page.$eval('news-feed[relay]', (feed) => feed.shadowRoot.querySelector('[part~="link"]').href);
    assert.equal(provinceLink, 'http://127.0.0.1:8081/tin-tuc/mo-hinh-chinh-quyen-hai-cap');
    const tabs = await page.$eval('news-category-tabs', (element) =>
      [...element.shadowRoot.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent.trim()));
    assert.deepEqual(tabs, ['Tất cả', 'Kinh tế - Chính trị - Văn hóa - Xã hội', 'Nội chính', 'Đảng, đoàn thể', 'Quốc phòng - An ninh', 'Cải cách hành chính', 'Thông báo']);
    const heading = await page.$eval('news-date-archive', (element) => element.shadowRoot.querySelector('[part~="heading"]').textContent.trim());
    assert.match(heading, /^Tháng \d{1,2} \d{4}$/);
    // This visit is counted by the demo's own server: the first on a new database.
    const counts = await waitFor(page, () => {
      const values = [...document.querySelector('news-visit-counter').shadowRoot.querySelectorAll('[part~="value"]')];
      return values.every((value) => /^\d/.test(value.textContent.trim())) && values.map((value) => value.textContent.trim());
    });
    assert.deepEqual(counts, ['1', '1', '1']);
    noProblems(problems);
    await page.close();
  });

  test('a second tab of the same browser session keeps the visitor online instead of counting a new visit', async () => {
    // A session of its own: the cookies of the other tests' visits are not in it.
    const session = await browser.newContext({ userAgent });
    const sent = [];
    for (let tab = 0; tab < 2; tab++) {
      const page = await session.newPage();
      page.on('request', (request) => {
        if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/visits') sent.push(JSON.parse(request.postData()));
      });
      await page.goto(`${origin}/`);
      await waitFor(page, () => /^\d/.test(document.querySelector('news-visit-counter').shadowRoot.querySelector('[part~="value"]')?.textContent.trim() ?? ''));
    }
    assert.deepEqual(sent, [{ path: '/' }, { path: '/', heartbeat: true }]);
    await session.close();
  });

  test('an article: its title and date, and "Các tin khác" without it', async () => {
    const item = demoFeed.items[2];
    const { page, problems } = await open(`/article.html?id=${encodeURIComponent(item.id)}`);
    await waitFor(page, () => document.querySelector('#other-news').shadowRoot.querySelectorAll('[part~="item"]').length === 8);
    assert.equal(await page.$eval('#title', (title) => title.textContent), item.title);
    assert.match(await page.$eval('#date', (date) => date.textContent), /^Ngày cập nhật \d{2}\/\d{2}\/\d{4}$/);
    const others = await page.evaluate(shownTitles, '#other-news');
    assert.ok(!others.includes(item.title), 'the article is listed among the other news');
    assert.deepEqual(others, demoFeed.items.filter((entry) => entry.id !== item.id).slice(0, 8).map((entry) => entry.title));
    noProblems(problems);
    await page.close();
  });

  test('a search typed on an article page opens the ward page with its results', async () => {
    const query = 'hội nghị';
    const expected = expectedMatches(query);
    assert.ok(expected.length > 8 && expected.length < demoFeed.items.length, 'the query should match some items, more than a page');
    const { page, problems } = await open(`/article.html?id=${encodeURIComponent(demoFeed.items[0].id)}`);
    const input = await page.waitForSelector('news-search input');
    await input.type(query);
    await Promise.all([navigation(page), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).searchParams.get('news-q'), query);
    await waitFor(page, (count) => document.querySelector('#tin-tuc').total === count, expected.length);
    assert.deepEqual(await page.evaluate(shownTitles, '#tin-tuc'), expected.slice(0, 8).map((item) => item.title));
    assert.equal(await page.$eval('news-search', (element) => element.shadowRoot.querySelector('input').value), query);
    noProblems(problems);
    await page.close();
  });
});
