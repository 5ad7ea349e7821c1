// The library loaded twice on one page: two copies of the bundle, a copy
// that claims other versions (as a second CMS plugin would bring), an older
// release (test/e2e/fixtures), and the per-element npm modules next to the
// paste-in bundle. Never an error, and
// the elements work, whichever copy registered them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BUNDLE, ROOT, htmlPage, launchBrowser, openPage, requireBuild, startServer, TAGS } from './harness.mjs';
import { useAll, wardMarkup, wardRoutes } from './widgets.mjs';

// The Lit versions the bundle announces, and the other versions the second copy claims.
const VERSIONS = [
  ['reactiveElementVersions', '2.99.0'],
  ['litHtmlVersions', '3.99.0'],
  ['litElementVersions', '4.99.0'],
];

/** A copy of the bundle that announces other versions (and is a separate module: another URL). */
function otherVersion(code) {
  let copy = code;
  for (const [list, version] of VERSIONS) {
    const pattern = new RegExp(`(${list}\\?\\?=\\[\\]\\)\\.push\\(")[^"]+`);
    assert.match(copy, pattern, `the bundle no longer announces ${list}`);
    copy = copy.replace(pattern, `$1${version}`);
  }
  return copy;
}

// The npm modules import bare 'lit': an import map sends them to node_modules.
const IMPORT_MAP = `<script type="importmap">${JSON.stringify({
  imports: {
    lit: '/node_modules/lit/index.js',
    'lit/': '/node_modules/lit/',
    'lit-html': '/node_modules/lit-html/lit-html.js',
    'lit-html/': '/node_modules/lit-html/',
    'lit-element/': '/node_modules/lit-element/',
    '@lit/reactive-element': '/node_modules/@lit/reactive-element/reactive-element.js',
    '@lit/reactive-element/': '/node_modules/@lit/reactive-element/',
  },
})}</script>`;

const script = (src) => `<script type="module" src="${src}"></script>`;

describe('the library loaded twice', () => {
  let server;
  let browser;
  const tags = TAGS;

  before(async () => {
    requireBuild();
    const markup = wardMarkup(tags);
    server = await startServer({
      ...wardRoutes(),
      '/v2/news-widgets.min.js': { body: otherVersion(readFileSync(BUNDLE, 'utf8')) },
      '/copies/news-widgets.min.js': { body: readFileSync(BUNDLE) },
      '/same-twice.html': { body: htmlPage(markup + script('/dist/news-widgets.min.js') + script('/copies/news-widgets.min.js')) },
      '/two-versions.html': { body: htmlPage(markup + script('/dist/news-widgets.min.js') + script('/v2/news-widgets.min.js')) },
      '/old/news-widgets.min.js': { body: readFileSync(join(ROOT, 'test/e2e/fixtures/news-widgets-2122fb6.min.js')) },
      '/old-then-new.html': { body: htmlPage(markup + script('/old/news-widgets.min.js') + script('/dist/news-widgets.min.js')) },
      '/new-then-old.html': { body: htmlPage(markup + script('/dist/news-widgets.min.js') + script('/old/news-widgets.min.js')) },
      '/npm-and-bundle.html': {
        body: htmlPage(markup + script('/dist/news-feed.js') + script('/v2/news-widgets.min.js'), { head: IMPORT_MAP }),
      },
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Which script's classes are registered, and which Lit versions ran. */
  const registry = (page, sources) =>
    page.evaluate(async (sources) => {
      const modules = await Promise.all(sources.map((src) => import(src)));
      const owner = {};
      for (const tag of ['news-feed', 'news-category-tabs', 'news-search', 'news-date-archive', 'news-visit-counter']) {
        const defined = customElements.get(tag);
        if (defined) owner[tag] = modules.findIndex((module) => Object.values(module).includes(defined));
      }
      return { owner, lit: globalThis.litHtmlVersions };
    }, sources);

  test('two copies of the same bundle: the first registers, the second is harmless', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(server.url('/same-twice.html'));
    await useAll(page, tags);
    const { owner, lit } = await registry(page, ['/dist/news-widgets.min.js', '/copies/news-widgets.min.js']);
    assert.deepEqual(owner, Object.fromEntries(tags.map((tag) => [tag, 0])));
    assert.equal(lit.length, 2, 'the second copy did not run');
    assert.deepEqual(problems, { errors: [], console: [] });
    await page.close();
  });

  test('a second copy of another version: no error, and the elements work', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(server.url('/two-versions.html'));
    await useAll(page, tags);
    const { owner, lit } = await registry(page, ['/dist/news-widgets.min.js', '/v2/news-widgets.min.js']);
    assert.deepEqual(owner, Object.fromEntries(tags.map((tag) => [tag, 0])));
    assert.equal(lit.length, 2);
    assert.ok(lit.includes('3.99.0'), 'the other version did not run');
    assert.deepEqual(problems, { errors: [], console: [] });
    await page.close();
  });

  test('an older release first (news-feed only), then this one: this one adds the other elements, which drive the old feed', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(server.url('/old-then-new.html'));
    await useAll(page, tags);
    const { owner } = await registry(page, ['/old/news-widgets.min.js', '/dist/news-widgets.min.js']);
    assert.deepEqual(owner, Object.fromEntries(tags.map((tag) => [tag, tag === 'news-feed' ? 0 : 1])));
    assert.deepEqual(problems, { errors: [], console: [] });
    await page.close();
  });

  test('this release first, then an older one: the older one changes nothing', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(server.url('/new-then-old.html'));
    await useAll(page, tags);
    const { owner, lit } = await registry(page, ['/dist/news-widgets.min.js', '/old/news-widgets.min.js']);
    assert.deepEqual(owner, Object.fromEntries(tags.map((tag) => [tag, 0])));
    assert.equal(lit.length, 2, 'the older release did not run');
    assert.deepEqual(problems, { errors: [], console: [] });
    await page.close();
  });

  test('the npm module of news-feed and another version of the bundle: the controls drive the other copy\'s feed', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(server.url('/npm-and-bundle.html'));
    await useAll(page, tags);
    const { owner, lit } = await registry(page, ['/dist/news-feed.js', '/v2/news-widgets.min.js']);
    // news-feed comes from the npm module, every other tag from the bundle.
    assert.deepEqual(owner, Object.fromEntries(tags.map((tag) => [tag, tag === 'news-feed' ? 0 : 1])));
    assert.equal(lit.length, 2);
    assert.deepEqual(problems, { errors: [], console: [] });
    await page.close();
  });

  test('a copy loaded after the elements are in use changes nothing', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(server.url('/two-versions.html'));
    await useAll(page, tags);
    await page.evaluate(() => import('/copies/news-widgets.min.js'));
    await useAll(page, tags);
    // The late copy ran (a third Lit), and the first copy still owns every tag.
    const { owner, lit } = await registry(page, ['/dist/news-widgets.min.js', '/v2/news-widgets.min.js', '/copies/news-widgets.min.js']);
    assert.deepEqual(owner, Object.fromEntries(tags.map((tag) => [tag, 0])));
    assert.equal(lit.length, 3, 'the late copy did not run');
    assert.deepEqual(problems, { errors: [], console: [] });
    await page.close();
  });
});
