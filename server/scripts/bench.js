// npm run bench -w server: visits per second on this machine, SQLite and
// Redis, one server process, the load generator in another (both on this
// machine's cores, so the figures are what one small box does on its own);
// then the feed relay's requests per second from its cache, and its memory
// after 10,000 distinct feeds (`node scripts/bench.js relay`: the relay's only).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runLoad, visitHeaders } from './load.js';
import { startRedis, startServerProcess, tempDir } from './processes.js';
import { cachedThroughput } from './relay-proofs.js';

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

const counter = process.argv[2] !== 'relay';
if (counter) {
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
}

const RELAYED = Number(process.env.BENCH_RELAYED ?? 20_000);
const throughput = await cachedThroughput({ requests: RELAYED, concurrency: CONCURRENCY });
console.log(`\nfeed relay: ${RELAYED} requests for one cached feed, ${CONCURRENCY} in flight, loopback (${throughput.upstreamRequests} upstream request)`);
console.table(throughput.rows);

// Memory in a process of its own, with a GC before each reading.
const memory = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(new URL('relay-memory.js', import.meta.url))], { encoding: 'utf8' });
if (memory.status !== 0) throw new Error(`relay-memory.js failed:\n${memory.stderr}`);
const m = JSON.parse(memory.stdout);
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
console.log(
  `feed relay memory: ${m.urls} distinct ${m.feedBytes}-byte feeds into a cache capped at ${mb(m.cacheBytes)}: ` +
    `${m.entries} copies kept, ${m.cachedBytes} bytes counted (at most ${m.largestCachedBytes} at any time), ` +
    `heap ${mb(m.heapUsed)} (+${mb(m.heapGrowth)}), buffers ${mb(m.arrayBuffers)}, RSS ${mb(m.rss)}: ${m.ok ? 'under the cap' : 'OVER THE CAP'}`,
);
if (!m.ok) process.exitCode = 1;
