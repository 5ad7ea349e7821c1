// The consumer check: the package as npm would install it (npm pack, then
// unpacked into a throwaway app's node_modules), type-checked with the app's
// tsconfig under `bundler`, `Node16` and `node10` resolution, a React 19 TSX
// file type-checked against `news-widgets/react`, bundled by Rollup (which
// honours `exports` and `sideEffects`), and run in Chromium.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import nodeResolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import { rollup } from 'rollup';
import { ROOT, htmlPage, jsonFeed, launchBrowser, openPage, requireBuild, startServer, waitFor, TAGS } from '../e2e/harness.mjs';

const APP_FILES = [
  'package.json', 'tsconfig.json', 'tsconfig.node16.json', 'tsconfig.node10.json', 'tsconfig.react.json', 'main.ts', 'one-element.ts', 'react-app.tsx',
];
const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');

let app;

before(() => {
  requireBuild();
  app = mkdtempSync(join(tmpdir(), 'news-widgets-consumer-'));
  const packed = execFileSync('npm', ['pack', '--json', '--pack-destination', app], { cwd: ROOT, encoding: 'utf8' });
  const tarball = join(app, JSON.parse(packed)[0].filename);
  const installed = join(app, 'node_modules/news-widgets');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  // The one runtime dependency, as npm would install it next to the package.
  symlinkSync(join(ROOT, 'node_modules/lit'), join(app, 'node_modules/lit'), 'dir');
  // A React app's types (the TSX check): @types/react and its one dependency.
  mkdirSync(join(app, 'node_modules/@types'));
  symlinkSync(join(ROOT, 'node_modules/@types/react'), join(app, 'node_modules/@types/react'), 'dir');
  symlinkSync(join(ROOT, 'node_modules/csstype'), join(app, 'node_modules/csstype'), 'dir');
  for (const file of APP_FILES) cpSync(join(ROOT, 'test/consumer', file), join(app, file));
});

after(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

function typeCheck(project) {
  const result = spawnSync(process.execPath, [tsc, '-p', join(app, project)], { cwd: app, encoding: 'utf8' });
  assert.equal(result.status, 0, `tsc -p ${project} failed:\n${result.stdout}${result.stderr}`);
}

async function bundle(input) {
  const warnings = [];
  const build = await rollup({
    input: join(app, input),
    plugins: [
      typescript({ tsconfig: join(app, 'tsconfig.json'), noEmit: false, outDir: join(app, 'out'), include: [join(app, '*.ts')] }),
      nodeResolve(),
    ],
    onwarn: (warning) => warnings.push(warning.message),
  });
  const { output } = await build.generate({ format: 'es' });
  await build.close();
  return { code: output[0].code, warnings };
}

describe('consumer app', () => {
  test('type-checks against the packed package with bundler resolution', () => typeCheck('tsconfig.json'));

  test('type-checks against the packed package with Node16 resolution', () => typeCheck('tsconfig.node16.json'));

  // node10 knows no `exports`: typesVersions maps news-widgets/news-feed.js to dist/news-feed.d.ts.
  test('type-checks against the packed package with node10 resolution', () => typeCheck('tsconfig.node10.json'));

  // Every element with typed props and events in TSX, and the deliberate mistakes (@ts-expect-error) still errors.
  test('a React 19 TSX app type-checks against news-widgets/react', () => typeCheck('tsconfig.react.json'));

  test('the installed package holds no source, tests or server code', () => {
    const top = readdirSync(join(app, 'node_modules/news-widgets'))
      .filter((name) => !/^README\.[a-z]{2}\.md$/.test(name))
      .sort();
    assert.deepEqual(top, ['LICENSE', 'README.md', 'custom-elements.json', 'dist', 'docs', 'package.json', 'server']);
    // Of the server, its guide only.
    assert.deepEqual(readdirSync(join(app, 'node_modules/news-widgets/server')).sort(), ['README.md', 'README.vi.md']);
  });

  describe('bundled with Rollup and run in Chromium', () => {
    let server;
    let browser;
    before(async () => {
      const all = await bundle('main.ts');
      const one = await bundle('one-element.ts');
      assert.deepEqual(all.warnings, [], 'Rollup warned while bundling the app');
      assert.deepEqual(one.warnings, [], 'Rollup warned while bundling the one-element app');
      server = await startServer({
        '/app.js': { body: all.code },
        '/one.js': { body: one.code },
        '/feed.json': { body: jsonFeed(7) },
        '/app.html': { body: htmlPage('<script type="module" src="/app.js"></script>').replace('<html lang="vi">', '<html lang="vi" data-feed="/feed.json">') },
        '/one.html': { body: htmlPage('<news-feed src="/feed.json"></news-feed><script type="module" src="/one.js"></script>') },
      });
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test('`import "news-widgets"` registers every element, and the feed loads', async () => {
      const { page, problems } = await openPage(browser);
      await page.goto(server.url('/app.html'));
      const report = JSON.parse(await waitFor(page, () => document.documentElement.dataset.report));
      assert.deepEqual(report.defined, TAGS);
      assert.equal(report.total, 7);
      assert.deepEqual(report.titles, [1, 2, 3].map((n) => `Tin số ${n}: phường tổ chức hoạt động tháng ${6 - ((n - 1) % 3)}`));
      assert.deepEqual(problems, { errors: [], console: [] });
      await page.close();
    });

    test('`import "news-widgets/news-feed.js"` registers news-feed only', async () => {
      const { page, problems } = await openPage(browser);
      await page.goto(server.url('/one.html'));
      await waitFor(page, () => document.querySelector('news-feed')?.status === 'ready');
      const defined = await page.evaluate(() =>
        ['news-feed', 'news-category-tabs', 'news-search', 'news-date-archive', 'news-visit-counter'].filter((tag) => customElements.get(tag)));
      assert.deepEqual(defined, ['news-feed']);
      assert.equal(await page.evaluate(() => document.querySelector('news-feed').items.length), 5);
      assert.deepEqual(problems, { errors: [], console: [] });
      await page.close();
    });
  });
});
