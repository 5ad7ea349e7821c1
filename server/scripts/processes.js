// Processes the tests, proofs and benchmark start and stop: a throwaway
// redis-server on a free loopback port, and news-widgets-server itself.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../bin/news-widgets-server.js', import.meta.url));

/** A fresh folder under the system's temp dir, and a function that removes it. */
export function tempDir(name = 'nw-server-') {
  const dir = mkdtempSync(join(tmpdir(), name));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A port nobody listens on now, on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function redisServerPath() {
  for (const candidate of ['redis-server', '/usr/bin/redis-server', '/usr/local/bin/redis-server']) {
    if (spawnSync(candidate, ['--version'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return undefined;
}

/** Waits for `pattern` on the child's stdout; rejects if it exits first or after `ms`. */
function waitForLine(child, pattern, ms, what) {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => done(new Error(`${what} did not start within ${ms} ms:\n${output}`)), ms);
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(pattern);
      if (match) done(undefined, match);
    };
    const onExit = (code) => done(new Error(`${what} exited (${code}) before it was ready:\n${output}`));
    const done = (error, match) => {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stderr.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(match);
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.on('exit', onExit);
  });
}

function stopper(child) {
  return (signal = 'SIGTERM') =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
}

/**
 * Starts redis-server on a free loopback port with a temp dir and no
 * persistence of its own. `stop()` ends it and removes the dir; `port` lets a
 * test start it again on the same port with `restart()`.
 */
export async function startRedis() {
  const binary = redisServerPath();
  if (!binary) throw new Error('redis-server is not installed (Debian: apt-get install redis-server).');
  const { dir, remove } = tempDir('nw-redis-');
  const port = await freePort();
  let child;
  const launch = async () => {
    child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await waitForLine(child, /Ready to accept connections/, 10_000, 'redis-server');
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    /** Ends redis-server (its data goes with it) but keeps the dir for restart(). */
    kill: () => stopper(child)('SIGKILL'),
    restart: launch,
    async stop() {
      await stopper(child)();
      remove();
    },
  };
}

/**
 * Starts news-widgets-server as its own process on a free port.
 * Resolves to its base URL, its process, and stop(signal).
 */
export async function startServerProcess(args = [], { env = {} } = {}) {
  const child = spawn(process.execPath, [BIN, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const [, url] = await waitForLine(child, /counting visits at (http:\/\/\S+)\/api\/visits/, 15_000, 'news-widgets-server');
  return { url, child, pid: child.pid, stop: stopper(child) };
}
