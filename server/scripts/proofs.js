// The proofs as functions, so the test suite runs them small and
// `npm run prove` runs them at full size:
//   exactCount: N concurrent distinct visits give exactly N (and sending them
//               again adds nothing), on SQLite or on Redis behind two instances;
//   killNine:   kill -9 the server during a load, restart it: every visit it
//               acknowledged is still counted.
import { getJson, runLoad, visitHeaders } from './load.js';
import { startRedis, startServerProcess, tempDir } from './processes.js';

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
 * Sends `visits` distinct visits and kills the server with SIGKILL once
 * `killAfter` were acknowledged; restarts it on the same store and checks
 * that the total covers every acknowledged visit and that each of those
 * visitors is known (sending it again adds nothing).
 * @param {{ store: 'sqlite' | 'redis', visits: number, killAfter: number, concurrency?: number }} options
 */
export async function killNine({ store, visits, killAfter, concurrency = 100 }) {
  const cleanups = [];
  try {
    const args = [...(await storeArgs(store, cleanups)), ...TRUST];
    const first = await startServerProcess(args);
    cleanups.push(() => first.stop());
    const run = `kill${Date.now()}`;
    let killed = false;
    const load = await runLoad({
      urls: [`${first.url}/api/visits`],
      count: visits,
      concurrency,
      headers: (i) => visitHeaders(i, run),
      timeLimitMs: 60_000,
      onAcknowledged(acknowledged) {
        if (!killed && acknowledged >= killAfter) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      },
    });
    await first.stop();
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
    const acknowledged = load.acknowledged.length;
    return {
      store,
      sent: visits,
      acknowledged,
      failedDuringKill: load.failed,
      killed,
      totalAfterRestart: afterRestart.total,
      replayed: replay.acknowledged.length,
      totalAfterReplay: afterReplay.total,
      ok:
        killed &&
        acknowledged < visits &&
        afterRestart.total >= acknowledged &&
        afterRestart.total <= visits &&
        replay.acknowledged.length === acknowledged &&
        afterReplay.total === afterRestart.total,
    };
  } finally {
    await cleanUp(cleanups);
  }
}
