// npm test: lint, type check, then every browser test in headless Chromium
// (installed from Debian's packages first when missing and possible), then
// the Node tests of the counter server, then the build with its size budget,
// the package checks and the end-to-end pages against the built files.
// Extra arguments go to the browser test runner; the other steps still run.
// `--only-browser` skips everything but the browser tests, so one file alone is
// `npm run test:browser -- --files test/feed/text.test.ts`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChrome } from './chrome.mjs';

const args = process.argv.slice(2);
const onlyBrowser = args.includes('--only-browser');
const runnerArgs = args.filter((arg) => arg !== '--only-browser');

const steps = [];
if (!onlyBrowser) {
  // package.json's own commands, so that each check is written once.
  steps.push(['lint', 'npm', ['run', '--silent', 'lint']]);
  steps.push(['types', 'npm', ['run', '--silent', 'typecheck']]);
}
steps.push(['browser tests', 'npx', ['web-test-runner', ...runnerArgs]]);
if (!onlyBrowser && existsSync('scripts/test-node.mjs')) steps.push(['node tests', 'node', ['scripts/test-node.mjs']]);
if (!onlyBrowser) {
  steps.push(['build', 'node', ['scripts/build.mjs']]);
  steps.push(['size budget', 'node', ['scripts/size.mjs'], 'build']);
  steps.push(['package and end-to-end', 'node', ['scripts/test-e2e.mjs'], 'build']);
}

process.env.CHROME_PATH = ensureChrome();
const failedFilesPath = join(tmpdir(), `news-widgets-failed-${process.pid}.json`);
process.env.WTR_FAILED_FILES = failedFilesPath;
const failed = [];
const secondRuns = [];

/**
 * Browser test files that failed are run once more, alone: a test that fails
 * twice fails the run; one that passes the second time is named at the end
 * as flaky, to be fixed, without holding back the run. At most three files:
 * more failures than that are not chance.
 */
function runFailedAgain() {
  let files = [];
  try {
    files = JSON.parse(readFileSync(failedFilesPath, 'utf8'));
  } catch {
    return false; // The runner did not get as far as reporting.
  }
  if (!files.length || files.length > 3) return false;
  console.log(`\n── browser tests: once more, ${files.join(', ')} ──`);
  const again = spawnSync('npx', ['web-test-runner', ...files.flatMap((file) => ['--files', file])], { stdio: 'inherit', env: process.env });
  if (again.status !== 0) return false;
  secondRuns.push(...files);
  return true;
}

for (const [name, command, commandArgs, needs] of steps) {
  // Checks of the built files mean nothing when the build failed.
  if (needs && failed.includes(needs)) {
    console.log(`\n── ${name}: not run, ${needs} failed ──`);
    failed.push(name);
    continue;
  }
  console.log(`\n── ${name} ──`);
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env: process.env });
  if (result.status !== 0 && !(name === 'browser tests' && !runnerArgs.length && runFailedAgain())) failed.push(name);
}
rmSync(failedFilesPath, { force: true });
if (secondRuns.length) console.log(`\nFlaky: failed once, then passed when run again alone: ${secondRuns.join(', ')} (the failures are listed above).`);
console.log(failed.length ? `\nFailed: ${failed.join(', ')}` : '\nAll checks passed.');
process.exit(failed.length ? 1 : 0);
