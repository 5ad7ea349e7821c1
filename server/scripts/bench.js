// npm run bench -w server: visits per second on this machine, SQLite and
// Redis, one server process, the load generator in another (both on this
// machine's cores, so the figures are what one small box does on its own).
import { runLoad, visitHeaders } from './load.js';
import { startRedis, startServerProcess, tempDir } from './processes.js';

const VISITS = Number(process.env.BENCH_VISITS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const rows = [];

async function bench(store, args) {
  const server = await startServerProcess([...args, '--trust-proxy', 'loopback']);
  try {
    const urls = [`${server.url}/api/visits`];
    await runLoad({ urls, count: 1000, concurrency: CONCURRENCY, headers: (i) => visitHeaders(i, 'warm') });
    const visits = await runLoad({ urls, count: VISITS, concurrency: CONCURRENCY, headers: (i) => visitHeaders(i, 'bench') });
    const heartbeats = await runLoad({
      urls, count: VISITS, concurrency: CONCURRENCY, body: '{"path":"/","heartbeat":true}', headers: (i) => visitHeaders(i, 'bench'),
    });
    const reads = await runLoad({ urls, count: VISITS, concurrency: CONCURRENCY, method: 'GET', headers: () => ({}) });
    for (const [kind, result] of [['new visits (POST)', visits], ['heartbeats (POST)', heartbeats], ['reads (GET)', reads]]) {
      if (result.failed) throw new Error(`${store} ${kind}: ${result.failed} failed ${JSON.stringify(result.errors)}`);
      rows.push({ store, kind, requests: result.acknowledged.length, seconds: result.seconds.toFixed(2), 'per second': result.perSecond });
    }
  } finally {
    await server.stop();
  }
}

const sqliteDir = tempDir();
try {
  await bench('SQLite', ['--db', `${sqliteDir.dir}/visits.db`]);
} finally {
  sqliteDir.remove();
}
const redis = await startRedis();
try {
  await bench('Redis', ['--redis', redis.url]);
} finally {
  await redis.stop();
}
console.log(`news-widgets-server on this machine: ${VISITS} distinct visitors, ${CONCURRENCY} requests in flight, loopback`);
console.table(rows);
