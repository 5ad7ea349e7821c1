// npm run check-stories: builds Storybook (storybook-static/), serves it on a
// free port beside the story routes (.storybook/fixture-routes.mjs), and opens
// every story and docs page in headless Chromium. A story fails when it throws,
// its play function fails, axe finds a violation (addon-a11y, `test: 'error'`),
// the page logs an error, a news element never upgrades, or the page asks for
// anything that is not on the local server: no story may reach the network.
//
//   node scripts/check-stories.mjs [--no-build] [--only=<part of a story id>]
//
// Stories tagged `expected-http-error` (and docs pages, which show them) may
// log the browser's "Failed to load resource" line for the routes that fail on
// purpose (/__story/status, and /__story/pages past page 1) only.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { fixtureRoutes } from '../.storybook/fixture-routes.mjs';
import { CHROME_ARGS, ensureChrome } from './chrome.mjs';

const OUT = 'storybook-static';
const STORY_TIMEOUT = 30_000;
const args = process.argv.slice(2);
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const started = Date.now();

if (!args.includes('--no-build')) {
  const run = (command, ...commandArgs) => execFileSync(command, commandArgs, { stdio: 'inherit' });
  run('npx', 'custom-elements-manifest', 'analyze', '--quiet');
  run('npx', 'storybook', 'build', '--quiet', '--output-dir', OUT);
  console.log(`Storybook built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
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
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

function serveStatic(request, response) {
  const pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  const relative = normalize(pathname.endsWith('/') ? `${pathname}index.html` : pathname).replace(/^(\.\.[/\\])+/, '');
  const file = join(OUT, relative);
  try {
    if (!file.startsWith(OUT) || !statSync(file).isFile()) throw new Error('not found');
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Not found');
  }
}

const server = createServer((request, response) => fixtureRoutes(request, response, () => serveStatic(request, response)));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(readFileSync(join(OUT, 'index.json'), 'utf8'));
const entries = Object.values(index.entries).filter((entry) => !only || entry.id.includes(only));

// Storybook's preview announces each render on its channel; hook it as soon as
// the preview creates it, before any story starts.
function hookChannel() {
  const seen = { events: [] };
  window.__storyCheck = seen;
  const names = ['storyFinished', 'docsRendered', 'storyThrewException', 'playFunctionThrewException',
    'storyErrored', 'storyMissing', 'unhandledErrorsWhilePlaying'];
  let channel;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      if (value === channel) return;
      channel = value;
      for (const name of names) value.on(name, (detail) => seen.events.push({ name, detail: JSON.parse(JSON.stringify(detail ?? null)) }));
    },
  });
}

function describeFinished(detail) {
  const problems = [];
  for (const report of detail.reporters ?? []) {
    if (report.status !== 'failed') continue;
    if (report.type === 'a11y' && report.result?.violations) {
      for (const violation of report.result.violations) {
        const targets = violation.nodes.map((node) => [].concat(node.target).join(' ')).join('; ');
        problems.push(`axe ${violation.id}: ${violation.help} (${targets})`);
      }
    } else {
      problems.push(`${report.type} report failed: ${JSON.stringify(report.result).slice(0, 300)}`);
    }
  }
  return problems.length ? problems : ['the story finished with an error'];
}

async function openEntry(browser, entry, viewport) {
  const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, serviceWorkers: 'block' });
  const problems = [];
  const offsite = new Set();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    offsite.add(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  await page.addInitScript(hookChannel);
  const mayFailHttp = entry.type === 'docs' || entry.tags.includes('expected-http-error');
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    const from = message.location()?.url ?? '';
    if (message.type() === 'error') {
      if (mayFailHttp && text.startsWith('Failed to load resource') && /^\/__story\/(status|pages)\b/.test(from.slice(origin.length))) return;
      if (offsite.size && text.includes('ERR_BLOCKED_BY_CLIENT')) return;
      // The first line says what failed; testing-library appends the whole DOM.
      problems.push(`console error: ${text.split('\n')[0].slice(0, 400)}${from ? ` (${from})` : ''}`);
    } else if (message.type() === 'warning' && text.includes('custom-elements.json')) {
      problems.push(`manifest: ${text}`);
    }
  });

  const viewMode = entry.type === 'docs' ? 'docs' : 'story';
  const url = `${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}`;
  const done = viewMode === 'docs' ? 'docsRendered' : 'storyFinished';
  const settle = async () => {
    await page.goto(url, { waitUntil: 'load' });
    try {
      await page.waitForFunction(
        (name) => window.__storyCheck.events.some((event) => event.name === name
          || ['storyThrewException', 'playFunctionThrewException', 'storyErrored', 'storyMissing'].includes(event.name)),
        done,
        { timeout: STORY_TIMEOUT, polling: 50 },
      );
    } catch {
      problems.push(`did not finish rendering within ${STORY_TIMEOUT / 1000} s`);
    }
    return page.evaluate(() => window.__storyCheck.events);
  };

  let events = await settle();
  // A story that sets a viewport (phone widths) is opened again at that size.
  const storyViewport = viewMode === 'story' && !viewport.fromStory
    ? await page.evaluate(() => {
      const story = window.__STORYBOOK_PREVIEW__?.currentRender?.story;
      const value = story?.storyGlobals?.viewport?.value;
      const styles = value && story.parameters?.viewport?.options?.[value]?.styles;
      return styles ? { width: parseInt(styles.width, 10), height: parseInt(styles.height, 10) } : undefined;
    })
    : undefined;
  if (storyViewport) {
    await context.close();
    return openEntry(browser, entry, { ...storyViewport, fromStory: true });
  }

  for (const { name, detail } of events) {
    if (name === 'storyFinished' && detail?.status === 'error') problems.push(...describeFinished(detail));
    if (name === 'playFunctionThrewException' || name === 'storyThrewException') {
      const message = String(detail?.message ?? detail).split('\n')[0];
      problems.push(`${name === 'playFunctionThrewException' ? 'play function' : 'render'}: ${message}`);
    }
    if (name === 'storyErrored') problems.push(`story errored: ${detail?.title ?? ''} ${detail?.description ?? ''}`);
    if (name === 'storyMissing') problems.push('story missing from the build');
    if (name === 'unhandledErrorsWhilePlaying') problems.push(`unhandled errors while playing: ${JSON.stringify(detail).slice(0, 300)}`);
  }
  if (viewMode === 'story') {
    const undefinedTags = await page.evaluate(() =>
      [...document.querySelectorAll('#storybook-root :not(:defined)')]
        .map((element) => element.localName)
        .filter((name) => name.startsWith('news-')));
    if (undefinedTags.length) problems.push(`never defined: ${[...new Set(undefinedTags)].join(', ')}`);
    const empty = await page.evaluate(() => !document.querySelector('#storybook-root')?.children.length);
    if (empty) problems.push('the story rendered nothing');
  }
  for (const address of offsite) problems.push(`reached for the network: ${address}`);
  await context.close();
  return { problems, width: viewport.width };
}

// Two pages at a time: each story waits on timers and fetches more than on the CPU.
const WORKERS = 2;
const browser = await chromium.launch({ executablePath: ensureChrome(), headless: true, args: CHROME_ARGS });
let passed = 0;
let failed = 0;
try {
  const queue = [...entries];
  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const start = Date.now();
      const { problems, width } = await openEntry(browser, entry, { width: 1280, height: 800 })
        .catch((error) => ({ problems: [`the check itself failed: ${error.message}`], width: 1280 }));
      const label = `${entry.id}${width !== 1280 ? ` @${width}px` : ''} (${Date.now() - start} ms)`;
      if (problems.length) {
        failed++;
        console.log([`✗ ${label}`, ...[...new Set(problems)].map((problem) => `    ${problem}`)].join('\n'));
      } else {
        passed++;
        console.log(`✓ ${label}`);
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
}

console.log(`\nStorybook: ${entries.length} stories and docs pages checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !entries.length ? 1 : 0);
