// The proofs as functions, so the test suite runs them small and
// `npm run prove` runs them at full size:
//   exactCount: N concurrent distinct visits give exactly N (and sending them
//               again adds nothing), on SQLite or on Redis behind two instances;
//   killNine:   kill -9 the server during a load, restart it: every visit it
//               acknowledged is still counted;
//   gracefulStop: the same with SIGTERM: exit 0, and exactly the
//               acknowledged visits are counted;
//   backupDuringLoad: a backup taken during a load restores to a consistent
//               count, one taken after it to exactly the acknowledged visits.
import { spawn } from 'node:child_process';
import { getJson, runLoad, visitHeaders } from './load.js';
import { BIN, startRedis, startServerProcess, tempDir } from './processes.js';

const TRUST = ['--trust-proxy', 'loopback'];

async function storeArgs(store, cleanups) {
  if (store === 'redis') {
    const redis = await startRedis();
    cleanups.push(() => redis.stop());
    return ['--redis', redis.url, '--redis-prefix', `proof-${Date.now()}:`];
  }
  const { dir, remove } = tempDir();
  cleanups.push(remove);
  return ['--db', `${dir}/visits.db`];
}

async function cleanUp(cleanups) {
  for (const cleanup of cleanups.reverse()) await cleanup();
}

/**
 * @param {{ store: 'sqlite' | 'redis', visits: number, concurrency?: number, instances?: number }} options
 */
export async function exactCount({ store, visits, concurrency = 200, instances = store === 'redis' ? 2 : 1 }) {
  const cleanups = [];
  try {
    const args = [...(await storeArgs(store, cleanups)), ...TRUST];
    const servers = [];
    for (let i = 0; i < instances; i++) {
      const server = await startServerProcess(args);
      cleanups.push(() => server.stop());
      servers.push(server);
    }
    const urls = servers.map((server) => `${server.url}/api/visits`);
    const run = `exact${Date.now()}`;
    const first = await runLoad({ urls, count: visits, concurrency, headers: (i) => visitHeaders(i, run) });
    const afterFirst = await Promise.all(urls.map(getJson));
    const again = await runLoad({ urls, count: visits, concurrency, headers: (i) => visitHeaders(i, run) });
    const afterAgain = await Promise.all(urls.map(getJson));
    return {
      store,
      instances,
      visits,
      acknowledged: first.acknowledged.length,
      failed: first.failed + again.failed,
      errors: { ...first.errors, ...again.errors },
      perSecond: first.perSecond,
      counts: afterFirst,
      countsAfterRepeat: afterAgain,
      ok:
        first.acknowledged.length === visits &&
        again.acknowledged.length === visits &&
        [...afterFirst, ...afterAgain].every((counts) => counts.total === visits && counts.today === visits && counts.online === visits),
    };
  } finally {
    await cleanUp(cleanups);
  }
}

/**
 * Sends `visits` distinct visits and sends the server `signal` once
 * `stopAfter` were acknowledged; restarts it on the same store and sends
 * every acknowledged visit again.
 */
async function stopMidLoad({ store, visits, stopAfter, signal, concurrency }) {
  const cleanups = [];
  try {
    const args = [...(await storeArgs(store, cleanups)), ...TRUST];
    const first = await startServerProcess(args);
    cleanups.push(() => first.stop());
    const exited = new Promise((resolve) => first.child.once('exit', (code, by) => resolve({ code, signal: by })));
    const run = `${signal}${Date.now()}`;
    let stopped = false;
    const load = await runLoad({
      urls: [`${first.url}/api/visits`],
      count: visits,
      concurrency,
      headers: (i) => visitHeaders(i, run),
      timeLimitMs: 60_000,
      onAcknowledged(acknowledged) {
        if (!stopped && acknowledged >= stopAfter) {
          stopped = true;
          first.child.kill(signal);
        }
      },
    });
    const exit = await exited;
    const second = await startServerProcess(args);
    cleanups.push(() => second.stop());
    const url = `${second.url}/api/visits`;
    const afterRestart = await getJson(url);
    const replay = await runLoad({
      urls: [url],
      count: load.acknowledged.length,
      concurrency,
      headers: (i) => visitHeaders(load.acknowledged[i], run),
    });
    const afterReplay = await getJson(url);
    return {
      store,
      sent: visits,
      acknowledged: load.acknowledged.length,
      failedWhileStopping: load.failed,
      errors: load.errors,
      stopped,
      exit,
      totalAfterRestart: afterRestart.total,
      replayed: replay.acknowledged.length,
      totalAfterReplay: afterReplay.total,
    };
  } finally {
    await cleanUp(cleanups);
  }
}

/**
 * kill -9 the server once `killAfter` visits were acknowledged: the total
 * after a restart covers every acknowledged visit, and each of those
 * visitors is known (sending it again adds nothing).
 * @param {{ store: 'sqlite' | 'redis', visits: number, killAfter: number, concurrency?: number }} options
 */
export async function killNine({ store, visits, killAfter, concurrency = 100 }) {
  const result = await stopMidLoad({ store, visits, stopAfter: killAfter, signal: 'SIGKILL', concurrency });
  const { acknowledged, totalAfterRestart, replayed, totalAfterReplay } = result;
  return {
    ...result,
    killed: result.stopped,
    ok:
      result.stopped &&
      acknowledged < visits &&
      totalAfterRestart >= acknowledged &&
      totalAfterRestart <= visits &&
      replayed === acknowledged &&
      totalAfterReplay === totalAfterRestart,
  };
}

/**
 * The same with SIGTERM: the server stops taking connections, answers what
 * is in flight, closes the store and exits 0. Every visit it acknowledged
 * is in the total after a restart, and nothing else.
 * @param {{ store: 'sqlite' | 'redis', visits: number, stopAfter: number, concurrency?: number }} options
 */
export async function gracefulStop({ store, visits, stopAfter, concurrency = 100 }) {
  const result = await stopMidLoad({ store, visits, stopAfter, signal: 'SIGTERM', concurrency });
  const { acknowledged, totalAfterRestart, replayed, totalAfterReplay } = result;
  return {
    ...result,
    ok:
      result.stopped &&
      result.exit.code === 0 &&
      acknowledged < visits &&
      totalAfterRestart === acknowledged &&
      replayed === acknowledged &&
      totalAfterReplay === totalAfterRestart,
  };
}

/** Runs the command line to completion: resolves to { code, stdout, stderr }. */
export function runCli(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * `backup` while a load runs, then again once it is done (the server still
 * running); the server stops, and each backup is restored and served:
 * the one taken mid-load holds a consistent moment between the visits
 * acknowledged when it started and when it ended, the last one exactly the
 * visits acknowledged.
 * @param {{ visits: number, backupAfter: number, concurrency?: number }} options
 */
export async function backupDuringLoad({ visits, backupAfter, concurrency = 50 }) {
  const cleanups = [];
  try {
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    const db = `${dir}/visits.db`;
    const server = await startServerProcess(['--db', db, ...TRUST]);
    cleanups.push(() => server.stop());
    const run = `backup${Date.now()}`;
    let acknowledgedNow = 0;
    let during;
    const load = await runLoad({
      urls: [`${server.url}/api/visits`],
      count: visits,
      concurrency,
      headers: (i) => visitHeaders(i, run),
      timeLimitMs: 60_000,
      onAcknowledged(acknowledged) {
        acknowledgedNow = acknowledged;
        if (!during && acknowledged >= backupAfter) {
          const before = acknowledged;
          during = runCli(['backup', `${dir}/during.db`, '--db', db]).then((result) => ({ ...result, before, after: acknowledgedNow }));
        }
      },
    });
    const duringBackup = await during;
    const finalBackup = await runCli(['backup', `${dir}/final.db`, '--db', db]);
    const refusedWhileRunning = await runCli(['restore', `${dir}/final.db`, '--db', db]);
    await server.stop();

    const served = async (file) => {
      const restored = `${dir}/restored-${Date.now()}.db`;
      const result = await runCli(['restore', file, '--db', restored]);
      const again = await startServerProcess(['--db', restored, ...TRUST]);
      try {
        return { restore: result, counts: await getJson(`${again.url}/api/visits`) };
      } finally {
        await again.stop();
      }
    };
    const middle = await served(`${dir}/during.db`);
    const last = await served(`${dir}/final.db`);
    const acknowledged = load.acknowledged.length;
    return {
      acknowledged,
      failed: load.failed,
      during: { code: duringBackup.code, acknowledgedBefore: duringBackup.before, acknowledgedAfter: duringBackup.after, total: middle.counts.total },
      final: { code: finalBackup.code, total: last.counts.total },
      refusedWhileRunning,
      ok:
        duringBackup.code === 0 &&
        finalBackup.code === 0 &&
        refusedWhileRunning.code === 1 &&
        middle.restore.code === 0 &&
        last.restore.code === 0 &&
        middle.counts.total >= duringBackup.before &&
        middle.counts.total <= duringBackup.after + concurrency &&
        last.counts.total === acknowledged &&
        acknowledged === visits,
    };
  } finally {
    await cleanUp(cleanups);
  }
}
