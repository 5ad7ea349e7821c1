// npm run bench -w server: requests per second on this machine, SQLite and
// Redis, metrics off and on, one server process, the load generator in
// another (both on this machine's cores, so the figures are what one small
// box does on its own); the server's memory through a day's traffic of a
// busy ward; then the feed relay's requests per second from its cache, and
// its memory after 10,000 distinct feeds (`node scripts/bench.js relay`: the
// relay's only). All load goes to 127.0.0.1, bounded in count and time.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runLoad, visitHeaders } from './load.js';
import { startRedis, startServerProcess, tempDir } from './processes.js';
import { cachedThroughput } from './relay-proofs.js';

const VISITS = Number(process.env.BENCH_VISITS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const DAY_VISITS = Number(process.env.BENCH_DAY_VISITS ?? 100_000);
const DAY_PATHS = Number(process.env.BENCH_DAY_PATHS ?? 5_000);
const rows = [];

async function bench(store, args, metrics) {
  const server = await startServerProcess([...args, '--trust-proxy', 'loopback', ...(metrics ? ['--metrics'] : [])]);
  const run = `${store}-${metrics ? 'm' : 'p'}`;
  try {
    const urls = [`${server.url}/api/visits`];
    await runLoad({ urls, count: 1000, concurrency: CONCURRENCY, headers: (i) => visitHeaders(i, `warm-${run}`) });
    const visits = await runLoad({ urls, count: VISITS, concurrency: CONCURRENCY, headers: (i) => visitHeaders(i, run) });
    const heartbeats = await runLoad({
      urls, count: VISITS, concurrency: CONCURRENCY, body: '{"path":"/","heartbeat":true}', headers: (i) => visitHeaders(i, run),
    });
    const reads = await runLoad({ urls, count: VISITS, concurrency: CONCURRENCY, method: 'GET', headers: () => ({}) });
    for (const [kind, result] of [['new visits (POST)', visits], ['heartbeats (POST)', heartbeats], ['reads (GET)', reads]]) {
      if (result.failed) throw new Error(`${store} ${kind}: ${result.failed} failed ${JSON.stringify(result.errors)}`);
      rows.push({ store, metrics: metrics ? 'on' : 'off', kind, requests: result.acknowledged.length, seconds: result.seconds.toFixed(2), 'per second': result.perSecond });
    }
  } finally {
    await server.stop();
  }
}

/** The server's own memory, read from its /metrics. */
async function memoryOf(url) {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = (name) => Number(text.match(new RegExp(`^${name} (\\S+)$`, 'm'))?.[1]);
  const mb = (bytes) => Math.round(bytes / 1048576 * 10) / 10;
  return { 'RSS MB': mb(value('news_process_resident_memory_bytes')), 'heap used MB': mb(value('news_nodejs_heap_size_used_bytes')), 'heap total MB': mb(value('news_nodejs_heap_size_total_bytes')) };
}

/** A day of a busy ward: DAY_VISITS distinct visitors over DAY_PATHS paths, memory before, halfway and after. */
async function memoryDay(store, args) {
  const server = await startServerProcess([...args, '--trust-proxy', 'loopback', '--metrics']);
  const run = `day-${store}-${Date.now()}`;
  const memory = [];
  try {
    const urls = [`${server.url}/api/visits`];
    const body = (i) => JSON.stringify({ path: `/tin-tuc/bai-${i % DAY_PATHS}` });
    await runLoad({ urls, count: 1000, concurrency: CONCURRENCY, headers: (i) => visitHeaders(i, `warm-${run}`), body });
    memory.push({ store, after: 'warm-up (1,000)', ...(await memoryOf(server.url)) });
    const half = Math.floor(DAY_VISITS / 2);
    for (const [from, count, label] of [[0, half, 'half the day'], [half, DAY_VISITS - half, 'the whole day']]) {
      const result = await runLoad({ urls, count, concurrency: CONCURRENCY, headers: (i) => visitHeaders(from + i, run), body: (i) => body(from + i), timeLimitMs: 300_000 });
      if (result.failed) throw new Error(`${store} day: ${result.failed} failed ${JSON.stringify(result.errors)}`);
      memory.push({ store, after: `${label} (${(from + count).toLocaleString('en')} visits, ${result.perSecond}/s)`, ...(await memoryOf(server.url)) });
    }
    const counts = await (await fetch(`${server.url}/api/visits`)).json();
    if (counts.today !== DAY_VISITS + 1000) throw new Error(`${store} day: today is ${counts.today}, not ${DAY_VISITS + 1000}`);
  } finally {
    await server.stop();
  }
  return memory;
}

const counter = process.argv[2] !== 'relay';
if (counter) {
  const memory = [];
  const sqliteDir = tempDir();
  try {
    await bench('SQLite', ['--db', `${sqliteDir.dir}/visits.db`], false);
    await bench('SQLite', ['--db', `${sqliteDir.dir}/visits-m.db`], true);
    memory.push(...(await memoryDay('SQLite', ['--db', `${sqliteDir.dir}/day.db`])));
  } finally {
    sqliteDir.remove();
  }
  const redis = await startRedis();
  try {
    await bench('Redis', ['--redis', redis.url, '--redis-prefix', 'bench-p:'], false);
    await bench('Redis', ['--redis', redis.url, '--redis-prefix', 'bench-m:'], true);
    memory.push(...(await memoryDay('Redis', ['--redis', redis.url, '--redis-prefix', 'bench-day:'])));
  } finally {
    await redis.stop();
  }
  console.log(`news-widgets-server on this machine: ${VISITS} distinct visitors, ${CONCURRENCY} requests in flight, loopback`);
  console.table(rows);
  console.log(`Memory of the server process through a day: ${DAY_VISITS.toLocaleString('en')} distinct visitors over ${DAY_PATHS.toLocaleString('en')} paths`);
  console.table(memory);
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
