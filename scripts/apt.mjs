// Installs a Debian package a check needs and this machine lacks, when it
// can: run as root on a system with apt-get. Otherwise says how, and exits.
import { execFileSync, spawnSync } from 'node:child_process';

/**
 * `what`: the missing tool's name in the messages; `help`: what to do by
 * hand; `wait`: a note on how long installing takes; `recommends: false`
 * leaves out the package's recommended ones.
 */
export function installDebianPackage(name, { what, help, wait = '', recommends = true }) {
  const canInstall = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (!canInstall) {
    console.error(`No ${what} found: ${help}`);
    process.exit(1);
  }
  console.log(`No ${what} found: installing Debian's ${name} package${wait}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...(recommends ? [] : ['--no-install-recommends']), name], { stdio: 'inherit', env });
}
