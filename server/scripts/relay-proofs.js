// The relay's proofs and figures as functions, on a real server process and
// a real feed server, both on 127.0.0.1:
//   singleFlight: N concurrent requests for one uncached feed make exactly
//                 one upstream request; after the TTL, one revalidation
//                 with If-None-Match (answered 304);
//   staleWhileDown: the feed server stopped, the copy is served marked
//                 stale; started again, fresh copies come back;
//   cachedThroughput: relayed requests per second answered from the cache;
//   memoryAfter: distinct URLs loaded into a relay with a byte cap, its
//                byte count and the heap after.
import http from 'node:http';
import { runLoad } from './load.js';
import { startServerProcess } from './processes.js';
import { feedServer, relayApp, rss } from './relay-support.js';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Collects garbage (with --expose-gc) until memory stops shrinking: freed Buffers are released after a GC, not at it. */
async function settle() {
  if (!globalThis.gc) return;
  for (let i = 0; i < 5; i++) {
    globalThis.gc();
    await sleep(20);
  }
}

/** A feed with an ETag (304 when it is sent back), answered after `delayMs`. */
function etagHandler(state, delayMs = 0) {
  return (request, response) =>
    setTimeout(() => {
      if (request.headers['if-none-match'] === state.etag) {
        response.writeHead(304, { etag: state.etag });
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: state.etag });
      response.end(state.body);
    }, delayMs);
}

/** One GET; resolves to { status, relay, body }. Loopback only. */
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    if (target.hostname !== '127.0.0.1') throw new Error(`Only 127.0.0.1, not ${target.hostname}`);
    http
      .get(target, { headers, agent: false }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode, relay: response.headers['x-news-relay'], body: Buffer.concat(chunks).toString() }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

const relayUrl = (server, feedUrl) => `${server.url}/api/feed?url=${encodeURIComponent(feedUrl)}`;

async function withRelay(args, body) {
  const server = await startServerProcess(['--db', ':memory:', '--feed-host', '127.0.0.1', ...args]);
  try {
    return await body(server);
  } finally {
    await server.stop();
  }
}

/**
 * A TTL long enough for the load to end within it on a busy machine; if it
 * does not, the relay rightly revalidates during the load, and those
 * requests (with If-None-Match) are counted apart.
 * @param {{ requests: number, ttlSeconds?: number }} options
 */
export async function singleFlight({ requests, ttlSeconds = 3 }) {
  const state = { body: rss(20), etag: '"p1"' };
  const upstream = await feedServer(etagHandler(state, 200));
  try {
    return await withRelay(['--feed-ttl', String(ttlSeconds)], async (server) => {
      const url = relayUrl(server, upstream.url());
      const load = await runLoad({ urls: [url], count: requests, concurrency: requests, method: 'GET', headers: () => ({}) });
      const during = upstream.requests.slice();
      // The copy was fetched during the load: a TTL after its end, it is due.
      await sleep(ttlSeconds * 1000 + 300);
      const again = await get(url);
      const last = upstream.requests.at(-1);
      const full = during.filter((request) => !request.headers['if-none-match']).length;
      return {
        requests,
        answered: load.acknowledged.length,
        failed: load.failed,
        errors: load.errors,
        seconds: load.seconds,
        ttlSeconds,
        upstreamRequests: during.length,
        fullFetches: full,
        afterTtl: again.relay,
        revalidationSent: last?.headers['if-none-match'],
        upstreamRequestsAfterTtl: upstream.requests.length,
        ok:
          load.acknowledged.length === requests &&
          full === 1 &&
          (during.length === 1 || load.seconds > ttlSeconds) &&
          again.relay === 'revalidated' &&
          last?.headers['if-none-match'] === '"p1"' &&
          again.body === state.body,
      };
    });
  } finally {
    await upstream.stop();
  }
}

export async function staleWhileDown({ ttlSeconds = 1 } = {}) {
  const state = { body: rss(3), etag: '"s1"' };
  const upstream = await feedServer(etagHandler(state));
  try {
    return await withRelay(['--feed-ttl', String(ttlSeconds)], async (server) => {
      const url = relayUrl(server, upstream.url());
      const first = await get(url);
      await upstream.stop();
      await sleep(ttlSeconds * 1000 + 200);
      const down = await get(url);
      await upstream.start();
      state.body = rss(5);
      state.etag = '"s2"';
      // The relay asks again once its retry window (the TTL, at most a minute) has passed.
      await sleep(ttlSeconds * 1000 + 200);
      const back = await get(url);
      return {
        first: first.relay,
        whileDown: `${down.status} ${down.relay}`,
        back: back.relay,
        ok: first.relay === 'miss' && down.status === 200 && down.relay === 'stale' && down.body === rss(3) && back.relay === 'miss' && back.body === rss(5),
      };
    });
  } finally {
    await upstream.stop();
  }
}

/** Requests per second from the cache, plain and gzip, over `requests` GETs. */
export async function cachedThroughput({ requests, concurrency = 64, items = 30 }) {
  const body = rss(items);
  const upstream = await feedServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    response.end(body);
  });
  try {
    return await withRelay([], async (server) => {
      const urls = [relayUrl(server, upstream.url())];
      const rows = [];
      for (const [kind, headers] of [['identity', {}], ['gzip', { 'accept-encoding': 'gzip' }], ['br', { 'accept-encoding': 'br' }]]) {
        await runLoad({ urls, count: 500, concurrency, method: 'GET', headers: () => headers });
        const result = await runLoad({ urls, count: requests, concurrency, method: 'GET', headers: () => headers });
        if (result.failed) throw new Error(`${kind}: ${result.failed} failed ${JSON.stringify(result.errors)}`);
        rows.push({ encoding: kind, 'feed bytes': body.length, requests: result.acknowledged.length, seconds: result.seconds.toFixed(2), 'per second': result.perSecond });
      }
      return { rows, upstreamRequests: upstream.requests.length };
    });
  } finally {
    await upstream.stop();
  }
}

/**
 * Loads `urls` distinct feeds (each `feedBytes` long) into an in-process
 * relay capped at `cacheBytes`; reports its byte count and the heap (after
 * a GC when node runs with --expose-gc).
 */
export async function memoryAfter({ urls, cacheBytes, feedBytes = 4096, concurrency = 50 }) {
  const filler = 'Tin tức phường, xã. '.repeat(Math.ceil(feedBytes / 20));
  const upstream = await feedServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: `"${request.url}"` });
    response.end(Buffer.from(`${request.url}${filler}`).subarray(0, feedBytes));
  });
  await settle();
  const heapBefore = process.memoryUsage().heapUsed;
  const r = await relayApp({ hosts: ['127.0.0.1'], cacheBytes });
  try {
    let next = 0;
    let largest = 0;
    const worker = async () => {
      while (next < urls) {
        const i = next++;
        await r.relay.load(upstream.url(`/feed/${i}`));
        largest = Math.max(largest, r.relay.stats.cacheBytes);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    await settle();
    const { heapUsed, arrayBuffers, rss: rssBytes } = process.memoryUsage();
    return {
      urls,
      cacheBytes,
      feedBytes,
      cachedBytes: r.relay.stats.cacheBytes,
      largestCachedBytes: largest,
      entries: r.relay.stats.cacheEntries,
      heapGrowth: heapUsed - heapBefore,
      heapUsed,
      // Bodies are Buffers: outside the V8 heap, counted here.
      arrayBuffers,
      rss: rssBytes,
      gc: Boolean(globalThis.gc),
      upstreamRequests: upstream.requests.length,
      ok: largest <= cacheBytes && upstream.requests.length === urls,
    };
  } finally {
    await r.close();
    await upstream.stop();
  }
}
