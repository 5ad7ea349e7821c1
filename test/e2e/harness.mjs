// End-to-end harness: a small static server for the BUILT files (dist/) and
// for pages each test writes, and headless Chromium driven by playwright-core.
// Pages get their own response headers (a Content-Security-Policy), so the
// tests meet the library the way a pasted <script> meets a real page.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../scripts/chrome.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BUNDLE = join(ROOT, 'dist/news-widgets.min.js');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

// Folders the server reads files from, by URL prefix. /node_modules/ lets a
// page load the per-element modules of dist/ with Lit through an import map.
const FOLDERS = { '/dist/': 'dist', '/fixtures/': 'test/fixtures', '/node_modules/': 'node_modules' };

/** Fails the test run early with a clear line when dist/ was not built. */
export function requireBuild() {
  if (!existsSync(BUNDLE)) throw new Error('dist/news-widgets.min.js is missing: run `npm run build` first.');
}

/**
 * Starts the server on a free port. `routes` maps a path to a response
 * `{ body, type?, headers?, status?, delay? }`, or to a function of the
 * request URL returning one; tests may add routes later with `server.route()`.
 * Every request is counted (`server.hits(path)`), and so is every one the
 * client abandoned before the answer (`server.aborted(path)`); CSP reports sent to
 * /csp-report are collected in `server.reports`.
 */
export async function startServer(routes = {}) {
  const table = new Map(Object.entries(routes));
  const hits = new Map();
  const aborted = new Map();
  const reports = [];
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    // The client gave up before the answer was sent (an aborted fetch).
    response.on('close', () => {
      if (!response.writableFinished) aborted.set(url.pathname, (aborted.get(url.pathname) ?? 0) + 1);
    });
    if (url.pathname === '/csp-report') {
      let body = '';
      for await (const chunk of request) body += chunk;
      try {
        reports.push(JSON.parse(body));
      } catch {
        reports.push({ unreadable: body });
      }
      response.writeHead(204).end();
      return;
    }
    // Browsers ask for one on every page; a 404 would show as a console error.
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const entry = table.get(url.pathname);
    const answer = typeof entry === 'function' ? entry(url, request) : entry;
    if (answer) {
      if (answer.delay) await new Promise((done) => setTimeout(done, answer.delay));
      response.writeHead(answer.status ?? 200, {
        'Content-Type': answer.type ?? TYPES[extname(url.pathname)] ?? 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        ...answer.headers,
      });
      response.end(answer.body);
      return;
    }
    const prefix = Object.keys(FOLDERS).find((name) => url.pathname.startsWith(name));
    const base = prefix && join(ROOT, FOLDERS[prefix]);
    const file = base && normalize(join(base, decodeURIComponent(url.pathname.slice(prefix.length))));
    if (file && file.startsWith(base) && existsSync(file) && !file.endsWith('/')) {
      try {
        const body = readFileSync(file);
        response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
        response.end(body);
        return;
      } catch {
        // A folder: falls through to 404.
      }
    }
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (path) => origin + path,
    route: (path, answer) => table.set(path, answer),
    hits: (path) => hits.get(path) ?? 0,
    aborted: (path) => aborted.get(path) ?? 0,
    reports,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections?.();
        server.close(done);
      }),
  };
}

/** Headless Chromium, the same binary and flags as the browser tests. */
export async function launchBrowser() {
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH.');
  return chromium.launch({ executablePath, headless: true, args: CHROME_ARGS });
}

/**
 * The browser's user agent as a reader's Chrome sends it: without
 * "HeadlessChrome", which the counter server takes for a bot.
 */
export async function readerUserAgent(browser) {
  const page = await browser.newPage();
  const agent = await page.evaluate(() => navigator.userAgent);
  await page.close();
  return agent.replace('HeadlessChrome', 'Chrome');
}

/**
 * A new page, in a browser context of its own (fresh cookies and storage;
 * closing the page closes it), that records what a page would see go wrong:
 * uncaught errors, console errors and warnings, and failed requests.
 * `javaScript: false` turns scripts off, as for a visitor without them;
 * `userAgent` replaces the browser's.
 */
export async function openPage(browser, { javaScript = true, viewport = { width: 1280, height: 900 }, beforeLoad, userAgent } = {}) {
  const context = await browser.newContext({ viewport, javaScriptEnabled: javaScript, ...(userAgent ? { userAgent } : {}) });
  const page = await context.newPage();
  page.once('close', () => void context.close().catch(() => {}));
  const problems = { errors: [], console: [] };
  page.on('pageerror', (error) => problems.errors.push(String(error?.message ?? error)));
  page.on('console', (message) => {
    // Playwright names console.warn 'warning'; the lines say 'warn', as console does.
    const type = message.type() === 'warning' ? 'warn' : message.type();
    if (type === 'error' || type === 'warn') problems.console.push(`${type}: ${message.text()}`);
  });
  if (beforeLoad) await page.addInitScript(beforeLoad);
  return { page, problems };
}

/** Waits until `predicate` (run in the page) returns a truthy value, and returns it. */
export async function waitFor(page, predicate, arg, timeout = 8000) {
  const handle = await page.waitForFunction(predicate, arg, { timeout, polling: 50 });
  return handle.jsonValue();
}

/**
 * Resolves once the page has left its current URL for another and loaded it:
 * start it before the click or key that navigates.
 */
export function navigation(page, timeout = 8000) {
  const from = page.url();
  return page.waitForURL((url) => url.href !== from, { timeout });
}

/** A JSON Feed of `count` items, newest first, with images when `image` makes them. */
export function jsonFeed(count, { image, categories = ['Nội chính', 'Văn hóa - Xã hội', 'Kinh tế'] } = {}) {
  const items = Array.from({ length: count }, (_, i) => ({
    id: `tin-${i + 1}`,
    url: `/tin-tuc/bai-${i + 1}.html`,
    title: `Tin số ${i + 1}: phường tổ chức hoạt động tháng ${6 - (i % 3)}`,
    summary: `Tóm tắt tin số ${i + 1} về công tác của phường trong tuần.`,
    date_published: new Date(Date.UTC(2021, 5, 28, 3) - i * 86_400_000).toISOString(),
    tags: [categories[i % categories.length]],
    ...(image ? { image: image(i) } : {}),
  }));
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Tin tức phường', items });
}

/** An SVG picture (4:3) for feed items, so image pages need no binary files. */
export function svgImage(label) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300"><rect width="400" height="300" fill="#2b6cb0"/><text x="20" y="160" font-size="40" fill="#fff">${label}</text></svg>`;
}

/** A whole HTML page around `body`. */
export function htmlPage(body, { head = '', lang = 'vi' } = {}) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Trang thử</title>${head}</head><body>${body}</body></html>`;
}

/** The custom elements of the library: the built bundle defines every one. */
export const TAGS = ['news-feed', 'news-category-tabs', 'news-search', 'news-date-archive', 'news-visit-counter'];

/** The most cumulative layout shift a page may have: Core Web Vitals call 0.1 good; this is ten times less. */
export const CLS_BUDGET = 0.01;

/** Runs before any page script: sums layout shifts not caused by input. */
export function observeShifts() {
  window.__cls = 0;
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__cls += entry.value;
      window.__shifts.push({
        value: Number(entry.value.toFixed(4)),
        at: Math.round(entry.startTime),
        nodes: entry.sources.map((source) => source.node?.nodeName ?? '?'),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}
