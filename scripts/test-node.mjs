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

// The compose file is checked with `docker compose config` (or Debian's
// docker-compose), which needs no daemon: installed where it can be.
const hasCompose = ['docker compose version', 'docker-compose version'].some((command) => spawnSync('sh', ['-c', `${command} >/dev/null 2>&1`]).status === 0);
const canInstall = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
if (!hasCompose && canInstall) {
  try {
    installDebianPackage('docker-compose', { what: 'docker-compose', help: '', recommends: false });
  } catch {
    // Not to be had here: the compose check says it is skipped, and the other tests run.
    console.log('docker-compose could not be installed: the compose.yaml check is skipped.');
  }
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
