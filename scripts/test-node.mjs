// The Node tests of the counter server (server/test/*.test.js) on Node's own
// test runner. The Redis tests start Debian's redis-server on a free loopback
// port: when it is missing and this is a Debian machine run as root, it is
// installed first, as scripts/chrome.mjs does for Chromium. Exits non-zero
// when a test fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { redisServerPath } from '../server/scripts/processes.js';

if (!redisServerPath()) {
  const canInstall = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (!canInstall) {
    console.error('No redis-server found: install it (Debian: sudo apt-get install redis-server) for the counter server\'s Redis tests.');
    process.exit(1);
  }
  console.log('No redis-server found: installing Debian\'s redis-server package…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'redis-server'], { stdio: 'inherit', env });
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
