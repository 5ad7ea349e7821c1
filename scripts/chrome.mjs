// Finds the Chromium the browser tests drive: CHROME_PATH, else one on the
// PATH. On a bare Debian machine run as root it installs Debian's package.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { installDebianPackage } from './apt.mjs';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export function findChrome() {
  if (process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
  for (const name of CANDIDATES) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return undefined;
}

export function ensureChrome() {
  const found = findChrome();
  if (found) return found;
  installDebianPackage('chromium', {
    what: 'Chromium',
    help: 'install it (Debian: sudo apt-get install chromium) or set CHROME_PATH to a Chrome or Chromium binary.',
    wait: ' (about a minute)',
  });
  const installed = findChrome();
  if (!installed) {
    console.error('Installing chromium did not put a browser on the PATH; set CHROME_PATH.');
    process.exit(1);
  }
  return installed;
}

/**
 * Flags Chromium needs here: root has no sandbox, and the network is closed.
 * Host names other than localhost resolve to nothing, so a feed fixture's
 * picture on a made-up site (thanhbinh.example.vn) is never looked up or
 * fetched: tests, stories and the bench only ever talk to this machine.
 */
export const CHROME_ARGS = [
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
