// npm run check-stories: builds the static Storybook (storybook-static/),
// serves it with a plain file server (nothing but its files: the requests a
// file cannot answer are answered in the page by .storybook/story-requests.ts),
// and checks it as it would be published:
//
// - every story, with @storybook/test-runner (test-runner-jest.config.js,
//   .storybook/test-runner.ts): it renders, its play function passes, axe
//   finds no violation (addon-a11y, `a11y: { test: 'error' }`), the page logs
//   no console error (--failOnConsole), every news element upgrades; phone
//   stories run at their viewport's size;
// - every docs page, opened in headless Chromium: it renders, throws nothing,
//   logs no console error, and its news elements upgrade.
//
// Chromium is this machine's (scripts/chrome.mjs), with flags that resolve no
// host but this one: a story that reaches for the network fails.
//
//   node scripts/check-stories.mjs [--no-build] [other arguments for test-storybook]
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, ensureChrome } from './chrome.mjs';

const OUT = resolve('storybook-static');
const DOCS_TIMEOUT = 30_000;
const args = process.argv.slice(2);
const runnerArgs = args.filter((arg) => arg !== '--no-build');
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

if (!args.includes('--no-build')) {
  const run = (command, ...commandArgs) => execFileSync(command, commandArgs, { stdio: 'inherit' });
  run('npx', 'custom-elements-manifest', 'analyze', '--quiet');
  run('npx', 'storybook', 'build', '--quiet', '--output-dir', OUT);
  console.log(`Storybook built in ${seconds(started)}`);
}
if (!existsSync(join(OUT, 'index.json'))) {
  console.error(`No ${OUT}/index.json: build Storybook first (npm run build-storybook).`);
  process.exit(1);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

/** A plain file server: GET and HEAD of the files under storybook-static, else 404 (or 405). */
function serveFile(request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  const file = join(OUT, normalize(pathname.endsWith('/') ? `${pathname}index.html` : pathname));
  try {
    if (!file.startsWith(`${OUT}/`) || !statSync(file).isFile()) throw new Error('not found');
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
  }
}

const server = createServer(serveFile);
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;
const entries = Object.values(JSON.parse(readFileSync(join(OUT, 'index.json'), 'utf8')).entries);
const docs = entries.filter((entry) => entry.type === 'docs');

/** The stories, by @storybook/test-runner: its Jest results, and whether it passed. */
async function runStories() {
  const results = join(tmpdir(), `news-widgets-stories-${process.pid}.json`);
  // Not spawnSync: this process serves the files the runner asks for.
  const runner = spawn('npx', [
    'test-storybook', '--url', origin, '--index-json', '--failOnConsole', '--maxWorkers=2',
    '--json', '--outputFile', results, ...runnerArgs,
  ], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CHROME_PATH: ensureChrome() } });
  const status = await new Promise((done) => runner.on('close', done));
  const summary = existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')) : undefined;
  rmSync(results, { force: true });
  return { ok: status === 0, passed: summary?.numPassedTests ?? 0, failed: summary?.numFailedTests ?? 0, total: summary?.numTotalTests ?? 0 };
}

/** One docs page: what went wrong while it rendered, if anything. */
async function checkDocs(browser, entry) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const from = message.location()?.url;
    // The browser's own request for a site icon, which storybook-static does not have.
    if (from === `${origin}/favicon.ico`) return;
    if (message.type() === 'error') problems.push(`console error: ${message.text().split('\n')[0].slice(0, 400)}${from ? ` (${from})` : ''}`);
  });
  try {
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=docs`);
    // Rendered: the docs container has its content, and each story in it has rendered something.
    await page.waitForFunction(() => {
      const docsRoot = document.querySelector('#storybook-docs');
      const stories = [...(docsRoot?.querySelectorAll('.docs-story') ?? [])];
      return docsRoot?.querySelector('.sbdocs-content') && stories.length && stories.every((story) => story.querySelector('news-feed, news-category-tabs, news-date-archive, news-search, news-visit-counter'));
    }, undefined, { timeout: DOCS_TIMEOUT, polling: 100 });
    const undefinedTags = await page.evaluate(() =>
      [...document.querySelectorAll('#storybook-docs :not(:defined)')].map((element) => element.localName).filter((name) => name.startsWith('news-')));
    if (undefinedTags.length) problems.push(`never defined: ${[...new Set(undefinedTags)].join(', ')}`);
    const shownError = await page.evaluate(() => document.querySelector('.sb-show-errordisplay #error-message')?.textContent);
    if (shownError) problems.push(`error shown: ${shownError}`);
  } catch (error) {
    problems.push(`did not render within ${DOCS_TIMEOUT / 1000} s: ${error.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
  return problems;
}

let stories;
let docsFailed = 0;
try {
  const storiesStarted = Date.now();
  stories = await runStories();
  console.log(`Stories: ${stories.passed} passed, ${stories.failed} failed of ${stories.total} in ${seconds(storiesStarted)}`);

  const docsStarted = Date.now();
  const browser = await chromium.launch({ executablePath: ensureChrome(), headless: true, args: CHROME_ARGS });
  try {
    for (const entry of docs) {
      const problems = await checkDocs(browser, entry);
      if (problems.length) docsFailed++;
      console.log(problems.length ? [`✗ ${entry.id}`, ...new Set(problems)].join('\n    ') : `✓ ${entry.id}`);
    }
  } finally {
    await browser.close();
  }
  console.log(`Docs pages: ${docs.length - docsFailed} passed, ${docsFailed} failed in ${seconds(docsStarted)}`);
} finally {
  server.closeAllConnections();
  server.close();
}

const passed = stories.passed + docs.length - docsFailed;
const failed = stories.failed + docsFailed;
console.log(`\nStorybook: ${stories.total} stories and ${docs.length} docs pages checked in ${seconds(started)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(stories.ok && !failed && stories.total && docs.length ? 0 : 1);
