// The configurator that `npm start` serves at /cau-hinh/, driven as a
// webmaster would: a feed of each format (on another origin, as theirs will
// be) is checked, the diagnosis read, the code copied and pasted into a
// blank page whose script arrives after the first paint. That page must show
// the items the preview showed, without shifting (CLS at most 0.01, and each
// element exactly as tall before its script as after), at desktop and phone
// widths. axe finds nothing on the configurator; the keyboard reaches and
// works every control.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startDemo } from '../../scripts/demo-server.mjs';
import { feedErrorMessage } from '../../dist/inspect.js';
import { CLS_BUDGET, htmlPage, jsonFeed, launchBrowser, observeShifts, openPage, requireBuild, ROOT, startServer, svgImage, waitFor } from './harness.mjs';

const fixture = (name) => readFileSync(join(ROOT, 'test/fixtures/feeds', name));
const CORS = { 'Access-Control-Allow-Origin': '*' };

/** A 12-item JSON Feed with pictures, every other item with a long title, three categories and a long summary. */
function newsFeed() {
  const feed = JSON.parse(jsonFeed(12, { image: (i) => `/img/${(i % 6) + 1}.svg` }));
  feed.items.forEach((item, i) => {
    if (i % 2) {
      item.title += ' cùng nhiều nội dung dài hơn để tiêu đề xuống dòng trên màn hình hẹp của điện thoại';
      item.tags = ['Văn hóa - Xã hội', 'Kinh tế', 'Quốc phòng - An ninh'];
      item.summary = item.summary.repeat(4);
    }
  });
  return feed;
}

/** Runs in the page: the diagnosis of each URL as { url, facts: { term: text }, fields, notes }. */
function readDiagnosis() {
  return [...document.querySelectorAll('#diagnosis .result')].map((result) => ({
    url: result.querySelector('.url').textContent,
    facts: Object.fromEntries([...result.querySelectorAll('dt')].map((term) => [term.textContent, term.nextElementSibling.textContent])),
    fields: Object.fromEntries([...result.querySelectorAll('tr[data-field]')].map((row) => [row.dataset.field, row.querySelector('td').textContent])),
    unread: result.querySelector('.unread-dates')?.textContent,
    error: result.querySelector('.error')?.textContent,
  }));
}

/** Runs in a page: the titles its news-feed shows. */
function shownTitles() {
  const feed = document.querySelector('news-feed');
  return [...(feed?.shadowRoot?.querySelectorAll('[part~="item"] [part~="title"]') ?? [])].map((title) => title.textContent.trim());
}

/** Runs in a page: the height of every news element, and whether it is defined yet. */
function elementHeights() {
  return [...document.querySelectorAll('news-feed, news-search, news-category-tabs, news-date-archive, news-visit-counter')].map((element) => ({
    tag: element.localName,
    height: Math.round(element.getBoundingClientRect().height * 10) / 10,
    defined: !!customElements.get(element.localName),
  }));
}

describe('the configurator "Tạo mã nhúng" at /cau-hinh/', () => {
  let demo;
  let feeds;
  let browser;
  let origin;
  let dataDir;
  let province;

  before(async () => {
    requireBuild();
    dataDir = mkdtempSync(join(tmpdir(), 'news-configurator-'));
    // The province portal on a port of its own, so that a running `npm start` does not collide.
    // Blank pages the tests paste the code into, served on the demo's origin (its counter and relay answer only it).
    mkdirSync(join(dataDir, 'pages'));
    demo = await startDemo({ port: 0, db: join(dataDir, 'visits.db'), provincePort: 0, moreStatic: [`/trang-thu/=${join(dataDir, 'pages')}`] });
    origin = demo.address.replace('localhost', '127.0.0.1');
    province = `http://127.0.0.1:${demo.province.address().port}/rss`;
    const pictures = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`/img/${i + 1}.svg`, { body: svgImage(`Ảnh ${i + 1}`), headers: CORS, delay: 300 }]));
    // The webmaster's feeds, on another origin that allows CORS.
    feeds = await startServer({
      ...pictures,
      '/news.json': { body: JSON.stringify(newsFeed()), type: 'application/feed+json', headers: CORS, delay: 200 },
      '/wp-json/wp/v2/posts': { body: fixture('wordpress-posts.json'), type: 'application/json', headers: CORS },
      '/rss-1258.xml': { body: fixture('rss-windows-1258.xml'), type: 'application/rss+xml', headers: CORS },
      '/atom.xml': { body: fixture('atom.xml'), type: 'application/atom+xml', headers: CORS },
      '/api/tin-moi': { body: fixture('custom-unmapped.json'), type: 'application/json', headers: CORS },
      '/anh/b-301.jpg': { body: svgImage('b-301'), type: 'image/svg+xml', headers: CORS },
      '/anh/b-300.jpg': { body: svgImage('b-300'), type: 'image/svg+xml', headers: CORS },
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await feeds?.close();
    await demo?.app.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function openConfigurator(viewport = { width: 1280, height: 900 }) {
    const { page, problems } = await openPage(browser, { viewport });
    await page.goto(`${origin}/cau-hinh/`);
    return { page, problems };
  }

  /** Checks `url` and waits for its diagnosis. */
  async function check(page, url) {
    await page.fill('#urls', url);
    await page.click('#source-form button[type="submit"]');
    await waitFor(page, (wanted) => document.querySelector('#diagnosis .result .url')?.textContent === wanted, new URL(url).href, 15000);
    return (await page.evaluate(readDiagnosis))[0];
  }

  test('the demo ward page links to it', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${origin}/`);
    await page.click('a[href="/cau-hinh/"]');
    await page.waitForURL(`${origin}/cau-hinh/`);
    assert.equal(await page.textContent('h1'), 'Tạo mã nhúng');
    await page.close();
  });

  test('each format: what the diagnosis says', async () => {
    const { page, problems } = await openConfigurator();
    const json = await check(page, feeds.url('/news.json'));
    assert.equal(json.facts['Định dạng'], 'JSON Feed');
    assert.equal(json.facts['Số tin'], '12');
    assert.equal(json.facts['Cách đọc'], 'Trình duyệt đọc trực tiếp được.');
    assert.equal(json.facts['Tin mới nhất'], '10:00 28/06/2021');
    assert.equal(json.facts['Tin cũ nhất'], '10:00 17/06/2021');
    assert.deepEqual(json.fields, { title: '12 / 12', link: '12 / 12', date: '12 / 12', summary: '12 / 12', image: '12 / 12', category: '12 / 12' });

    const wordpress = await check(page, feeds.url('/wp-json/wp/v2/posts'));
    assert.equal(wordpress.facts['Định dạng'], 'WordPress REST API');
    assert.equal(wordpress.facts['Số tin'], '3');

    const rss = await check(page, feeds.url('/rss-1258.xml'));
    assert.equal(rss.facts['Định dạng'], 'RSS');
    assert.equal(rss.facts['Số tin'], '1');
    // Read in windows-1258 by the preview, as the pasted element will.
    const frame = page.frameLocator('#preview');
    await frame.locator('news-feed [part~="title"]').first().waitFor({ timeout: 10000 }).catch(() => {});
    const previewFrame = page.frames().find((candidate) => candidate !== page.mainFrame());
    await waitFor(previewFrame, () => document.querySelector('news-feed')?.status === 'ready', undefined, 10000);
    assert.deepEqual(await previewFrame.evaluate(shownTitles), ['Hội nghị tổng kết công tác Đảng năm 2021']);

    const atom = await check(page, feeds.url('/atom.xml'));
    assert.equal(atom.facts['Định dạng'], 'Atom');
    assert.equal(atom.facts['Số tin'], '2');

    // No CORS header: the relay is named, and the code uses it.
    const relayed = await check(page, province);
    assert.equal(relayed.facts['Định dạng'], 'RSS');
    assert.match(relayed.facts['Cách đọc'], /CORS/);
    assert.ok(relayed.facts['Cách đọc'].includes(`relay="${origin}/api/feed"`), relayed.facts['Cách đọc']);
    assert.ok((await page.inputValue('#snippet')).includes(`relay="${origin}/api/feed"`));
    // What the browser itself logs: the refused direct request that told the
    // relay was needed, and the fixtures' pictures on hosts that do not exist.
    const expected = (line) => line.includes(`Access to fetch at '${province}'`) || /net::(ERR_FAILED|ERR_NAME_NOT_RESOLVED)$/.test(line);
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.console.filter((line) => !expected(line)), []);

    // Several feeds as one list: each is diagnosed, src names them all, and
    // the preview shows both feeds' items, each with its source.
    await page.fill('#urls', `${feeds.url('/atom.xml')}\n${feeds.url('/rss-1258.xml')}`);
    await page.click('#source-form button[type="submit"]');
    await waitFor(page, () => document.querySelectorAll('#diagnosis .result').length === 2, undefined, 15000);
    assert.deepEqual((await page.evaluate(readDiagnosis)).map((result) => result.facts['Định dạng']), ['Atom', 'RSS']);
    assert.ok((await page.inputValue('#snippet')).includes(`src="${feeds.url('/atom.xml')} ${feeds.url('/rss-1258.xml')}"`));
    const mergedFrame = page.frames().find((candidate) => candidate !== page.mainFrame());
    await waitFor(mergedFrame, () => {
      const feed = document.querySelector('news-feed');
      return feed?.status === 'ready' && feed.src.includes(' ');
    }, undefined, 10000);
    assert.equal(await mergedFrame.evaluate(() => document.querySelector('news-feed').items.length), 3);
    assert.equal(await mergedFrame.evaluate(() => new Set(document.querySelector('news-feed').items.map((item) => item.source)).size), 2);
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.console.filter((line) => !expected(line)), []);
    await page.close();
  });

  test('JSON the engine cannot read alone: the element\'s error, then the field picker writes map and dateFormat', async () => {
    const { page, problems } = await openConfigurator();
    const url = feeds.url('/api/tin-moi');
    const found = await check(page, url);
    assert.equal(found.facts['Định dạng'], 'JSON khác (đọc theo tên trường)');
    assert.equal(found.error, feedErrorMessage({ kind: 'format', url, format: 'JSON Feed', field: 'items' }, 'vi'));
    assert.equal(await page.isVisible('#picker'), true);
    await page.selectOption('#map-items', 'ketQua.dsBai');
    const roles = { title: 'tenBai', url: 'lk', summary: 'gioiThieu', image: 'hinh.duongDanAnh', category: 'nhom', id: 'maBai' };
    for (const [role, path] of Object.entries(roles)) await page.selectOption(`#map-${role}`, path);
    await page.selectOption('#map-date', 'thoiGian');
    // Suggested from the values seen ("05/12/2026 lúc 08:30").
    assert.equal(await page.inputValue('#map-dateFormat'), "dd/MM/yyyy 'lúc' HH:mm");
    await page.click('#picker button[type="submit"]');
    await waitFor(page, () => document.querySelector('#diagnosis tr[data-field="date"] td')?.textContent === '3 / 3', undefined, 10000);
    const mapped = (await page.evaluate(readDiagnosis))[0];
    assert.equal(mapped.facts['Số tin'], '3');
    assert.equal(mapped.error, undefined);
    assert.equal(mapped.facts['Tin mới nhất'], '08:30 05/12/2026');
    const snippet = await page.inputValue('#snippet');
    const map = JSON.parse(snippet.match(/map="([^"]*)"/)[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
    assert.deepEqual(map, { items: 'ketQua.dsBai', ...roles, date: 'thoiGian', dateFormat: "dd/MM/yyyy 'lúc' HH:mm" });
    const previewFrame = page.frames().find((candidate) => candidate !== page.mainFrame());
    await waitFor(previewFrame, () => document.querySelector('news-feed')?.status === 'ready', undefined, 10000);
    assert.equal((await previewFrame.evaluate(shownTitles))[0], 'Phường Thanh Bình ra quân làm sạch kênh rạch');
    assert.deepEqual(problems, { errors: [], console: [] });
    await page.close();
  });

  /** The configured code for the 12-item feed with every element, copied with the button. */
  async function copiedSnippet(layout) {
    const { page, problems } = await openConfigurator();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await check(page, feeds.url('/news.json'));
    for (const name of ['tabs', 'search', 'calendar', 'counter']) await page.check(`#look input[name="${name}"]`);
    await page.selectOption('#layout', layout);
    await page.fill('#limit', '6');
    await page.click('#copy');
    await waitFor(page, () => document.querySelector('#copied').textContent === 'Đã sao chép mã.');
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(snippet, await page.inputValue('#snippet'));
    const previewFrame = page.frames().find((candidate) => candidate !== page.mainFrame());
    await waitFor(previewFrame, () => document.querySelector('news-feed')?.status === 'ready' && document.querySelector('news-feed').getAttribute('limit') === '6', undefined, 10000);
    const previewTitles = await previewFrame.evaluate(shownTitles);
    assert.deepEqual(problems, { errors: [], console: [] });
    await page.close();
    return { snippet, previewTitles };
  }

  const ARTICLE = (snippet) => `
    <header><h1>Cổng thông tin điện tử Phường Thanh Bình</h1><p>Trang chủ › Tin tức</p></header>
    <main><h2>Tin tức - Sự kiện</h2><p>Tin hoạt động của phường trong tuần.</p>
    ${snippet}
    <p>Liên hệ: Ủy ban nhân dân phường, số 1 đường Lê Lợi. Điện thoại 0234 3822 123.</p>
    <footer>© Phường Thanh Bình</footer></main>`;

  /** A plain page with the code pasted in its body; its URL. */
  function blankPage(name, snippet) {
    const head = '<meta name="viewport" content="width=device-width"><style>body { margin: 0 auto; padding: 0 1rem; max-width: 760px; font: 16px/1.5 system-ui, sans-serif; }</style>';
    writeFileSync(join(dataDir, 'pages', `${name}.html`), htmlPage(ARTICLE(snippet), { head }));
    return `${origin}/trang-thu/${name}.html`;
  }

  /**
   * Pastes `snippet` into a blank page, holds its script until the page has
   * been painted, then lets it run: the heights of the elements before and
   * after, the titles shown, and the layout shifts.
   */
  async function pasteWithLateScript(name, snippet, viewport) {
    const { page, problems } = await openPage(browser, { viewport, beforeLoad: observeShifts });
    let release;
    const released = new Promise((done) => (release = done));
    await page.route(`${origin}/dist/news-widgets.min.js`, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(blankPage(name, snippet), { waitUntil: 'commit' });
    // Parsed (the held module script runs only after) and painted.
    await page.waitForFunction(() => document.readyState !== 'loading' && performance.getEntriesByType('paint').length > 0, undefined, { polling: 20 });
    await new Promise((done) => setTimeout(done, 300));
    const before = await page.evaluate(elementHeights);
    assert.ok(before.length && before.every((element) => !element.defined), 'the script had not run before the first paint');
    release();
    await waitFor(page, () => document.querySelector('news-feed')?.status === 'ready', undefined, 10000);
    // Pictures and the counter's numbers come in; shifts are reported after the frame.
    await waitFor(page, () => [...document.querySelector('news-feed').shadowRoot.querySelectorAll('img')].every((image) => image.complete), undefined, 10000);
    await new Promise((done) => setTimeout(done, 800));
    const result = {
      before,
      after: await page.evaluate(elementHeights),
      titles: await page.evaluate(shownTitles),
      ...(await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }))),
      problems,
    };
    await page.close();
    return result;
  }

  /** Each element exactly as tall before its script as after, CLS within budget, nothing logged. */
  function assertNoShift(t, label, result) {
    for (const [i, element] of result.after.entries()) {
      assert.ok(element.defined, `${element.tag} defined`);
      assert.ok(Math.abs(element.height - result.before[i].height) <= 1, `${element.tag}: ${result.before[i].height}px before its script, ${element.height}px after`);
    }
    t.diagnostic(`CLS ${label}: ${result.cls.toFixed(4)} ${JSON.stringify(result.shifts)}; heights ${JSON.stringify(result.after.map((element) => `${element.tag} ${element.height}`))}`);
    assert.ok(result.cls <= CLS_BUDGET, `CLS ${result.cls} > ${CLS_BUDGET}: ${JSON.stringify(result.shifts)}`);
    assert.deepEqual(result.problems, { errors: [], console: [] });
  }

  const SCREENS = [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]];

  for (const layout of ['list', 'compact']) {
    for (const [screen, viewport] of SCREENS) {
      test(`the copied code (${layout}) pasted in a blank page, its script after the first paint, on a ${screen}: the same items, CLS at most ${CLS_BUDGET}`, async (t) => {
        const { snippet, previewTitles } = await copiedSnippet(layout);
        assert.equal(previewTitles.length, 6);
        const result = await pasteWithLateScript(`${layout}-${screen}`, snippet, viewport);
        assert.equal(result.before.length, 5);
        assert.deepEqual(result.titles, previewTitles);
        assertNoShift(t, `${layout} ${screen}`, result);
      });
    }
  }

  test('the README\'s paste-in code (en and vi) is what the configurator writes, and pasted with a late script it shifts nothing', async (t) => {
    const { buildSnippet } = await import('../../demo/cau-hinh/snippet.js');
    const written = buildSnippet({ script: '/assets/news-widgets.min.js', urls: ['https://phuong.example.vn/feed.json'], limit: 8, fallback: { href: '/tin-tuc' } });
    for (const [readme, indent] of [['README.md', ''], ['README.vi.md', '   ']]) {
      const text = readFileSync(join(ROOT, readme), 'utf8');
      const block = text.match(/```html\n((?:\s*<style>)[^]*?<\/news-feed>)\n\s*```/)[1];
      const pasted = block.split('\n').map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line)).join('\n');
      assert.equal(pasted, written, `${readme}'s paste-in code`);
    }
    const snippet = written.replace('/assets/news-widgets.min.js', `${origin}/dist/news-widgets.min.js`).replace('https://phuong.example.vn/feed.json', feeds.url('/news.json'));
    for (const [screen, viewport] of SCREENS) {
      const result = await pasteWithLateScript(`readme-${screen}`, snippet, viewport);
      assert.equal(result.titles.length, 8);
      assertNoShift(t, `README code ${screen}`, result);
    }
    // The same code without its <style>, as the README had it: the measurement sees the shift.
    const bare = snippet.replace(/<style>[^]*<\/style>\n/, '');
    const unreserved = await pasteWithLateScript('readme-bare', bare, SCREENS[0][1]);
    t.diagnostic(`CLS of the code without its <style>: ${unreserved.cls.toFixed(4)}`);
    assert.ok(unreserved.cls > CLS_BUDGET, `without the reserved room the late script shifted only ${unreserved.cls}`);
  });

  test('the pasted code without JavaScript: the fallback link, and no room kept empty', async () => {
    const { snippet } = await copiedSnippet('list');
    const { page } = await openPage(browser, { javaScript: false });
    const pageUrl = blankPage('no-script', snippet);
    await page.goto(pageUrl);
    const link = page.locator('news-feed a');
    assert.equal(await link.textContent(), 'Xem tất cả tin tức');
    assert.equal(await link.getAttribute('href'), feeds.url('/news.json'));
    const feedHeight = await page.evaluate(() => document.querySelector('news-feed').getBoundingClientRect().height);
    assert.ok(feedHeight < 60, `the feed keeps ${feedHeight}px though nothing will fill it`);
    await page.close();
  });

  test('axe finds no violation, before and after a check, in Vietnamese and English', async () => {
    const { page } = await openConfigurator();
    const axe = async () => {
      await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
      // The preview is the snippet's page, tested on its own by the element tests.
      return page.evaluate(async () => (await window.axe.run({ exclude: [['#preview']] })).violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`));
    };
    assert.deepEqual(await axe(), []);
    await check(page, feeds.url('/api/tin-moi'));
    assert.deepEqual(await axe(), []);
    await page.click('#language');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.textContent('h1'), 'Make the embed code');
    assert.equal((await page.evaluate(readDiagnosis))[0].facts.Format, 'Other JSON (read by field names)');
    assert.deepEqual(await axe(), []);
    await page.close();
  });

  test('every control is reached and worked with the keyboard alone', async () => {
    const { page, problems } = await openConfigurator();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    // The URL field, typed into; Tab to the button, Enter.
    await page.focus('#urls');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(feeds.url('/api/tin-moi'));
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Kiểm tra nguồn tin');
    await page.keyboard.press('Enter');
    await waitFor(page, () => !document.querySelector('#picker').hidden, undefined, 15000);
    // Tab through the whole page: every control is reached, in order.
    const controls = await page.evaluate(() => [...document.querySelectorAll('button, select, textarea, input:not([disabled]), a[href]')]
      .filter((element) => element.offsetParent && !(element.type === 'radio' && !element.checked))
      .map((element) => element.id || element.name || element.textContent));
    const reached = [];
    for (let i = 0; i < 2 * controls.length + 5; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement.id || document.activeElement.name || document.activeElement.textContent));
    }
    for (const control of controls) assert.ok(reached.includes(control), `Tab never reaches ${control}: ${JSON.stringify(reached)}`);
    // The picker with arrows and Enter.
    await page.focus('#map-items');
    await page.keyboard.press('ArrowDown');
    await page.focus('#map-title');
    for (const key of ['ArrowDown', 'ArrowDown']) await page.keyboard.press(key);
    assert.equal(await page.inputValue('#map-title'), 'tenBai');
    // A checkbox with Space, a select with arrows, the width with arrows.
    await page.focus('#look input[name="search"]');
    await page.keyboard.press('Space');
    assert.ok((await page.inputValue('#snippet')).includes('<news-search'));
    await page.focus('#paging');
    await page.keyboard.press('ArrowDown');
    assert.ok((await page.inputValue('#snippet')).includes('paging="more"'));
    await page.focus('input[name="width"]:checked');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getAttribute('#preview-frame', 'data-width'), 'phone');
    // Copy with Enter; the language switch with Space.
    await page.focus('#copy');
    await page.keyboard.press('Enter');
    await waitFor(page, () => document.querySelector('#copied').textContent === 'Đã sao chép mã.');
    await page.focus('#language');
    await page.keyboard.press('Space');
    assert.equal(await page.textContent('h1'), 'Make the embed code');
    assert.deepEqual(problems, { errors: [], console: [] });
    await page.close();
  });
});
