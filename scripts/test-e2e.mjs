// npm run test:e2e: the package checks (npm pack contents, exports, types),
// the consumer app, and the end-to-end pages in Chromium, all against the
// BUILT files: run `npm run build` first. Ends with `N passed, N failed`.
// Arguments name test files or folders instead of the default three.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChrome } from './chrome.mjs';

// Only *.test.mjs files: node --test would also run the helpers beside them.
const testFiles = (path) =>
  statSync(path).isDirectory()
    ? readdirSync(path).sort().flatMap((name) => (/\.test\.mjs$/.test(name) ? [join(path, name)] : []))
    : [path];
const targets = (process.argv.length > 2 ? process.argv.slice(2) : ['test/package', 'test/consumer', 'test/e2e']).flatMap(testFiles);
if (!existsSync('dist/news-widgets.min.js')) {
  console.error('dist/news-widgets.min.js is missing: run `npm run build` first.');
  process.exit(1);
}
process.env.CHROME_PATH = ensureChrome();
const result = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/test-summary.mjs',
    '--test-reporter-destination=stdout',
    ...targets,
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
