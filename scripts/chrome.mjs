// Finds the Chromium the browser tests drive: CHROME_PATH, else one on the
// PATH. On a bare Debian machine run as root it installs Debian's package.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

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
  const canInstall = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (!canInstall) {
    console.error('No Chromium found: install it (Debian: sudo apt-get install chromium) or set CHROME_PATH to a Chrome or Chromium binary.');
    process.exit(1);
  }
  console.log('No Chromium found: installing Debian\'s chromium package (about a minute)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
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
