// npm test: lint, type check, then every browser test in headless Chromium
// (installed from Debian's packages first when missing and possible), then
// the Node tests of the counter server. Extra arguments go to the browser
// test runner, e.g. `npm test -- --files test/feed/text.test.ts`.
// `--only-browser` skips lint, type check and the Node tests.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureChrome } from './chrome.mjs';

const args = process.argv.slice(2);
const onlyBrowser = args.includes('--only-browser');
const runnerArgs = args.filter((arg) => arg !== '--only-browser');

const steps = [];
if (!onlyBrowser) {
  steps.push(['lint', 'npx', ['eslint', '.']]);
  steps.push(['templates', 'npx', ['lit-analyzer', 'src', '--strict', '--rules.no-invalid-css', 'off']]);
  steps.push(['types', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']]);
}
steps.push(['browser tests', 'npx', ['web-test-runner', ...runnerArgs]]);
if (!onlyBrowser && existsSync('scripts/test-node.mjs')) steps.push(['node tests', 'node', ['scripts/test-node.mjs']]);

process.env.CHROME_PATH = ensureChrome();
const failed = [];
for (const [name, command, commandArgs] of steps) {
  console.log(`\n── ${name} ──`);
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) failed.push(name);
}
console.log(failed.length ? `\nFailed: ${failed.join(', ')}` : '\nAll checks passed.');
process.exit(failed.length ? 1 : 0);
