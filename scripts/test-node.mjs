// The Node tests of the counter server (server/test/*.test.js) on Node's own
// test runner. The Redis tests start Debian's redis-server on a free loopback
// port: when it is missing and this is a Debian machine run as root, it is
// installed first (scripts/apt.mjs), as scripts/chrome.mjs does for
// Chromium. Exits non-zero when a test fails.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { installDebianPackage } from './apt.mjs';
import { redisServerPath } from '../server/scripts/processes.js';

if (!redisServerPath()) {
  installDebianPackage('redis-server', {
    what: 'redis-server',
    help: 'install it (Debian: sudo apt-get install redis-server) for the counter server\'s Redis tests.',
    recommends: false,
  });
}

const files = readdirSync('server/test')
  .filter((name) => name.endsWith('.test.js'))
  .map((name) => `test/${name}`);
// One file at a time: the load tests want both cores to themselves.
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  cwd: 'server',
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
