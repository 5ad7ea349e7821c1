// The relay's core, apart from HTTP: which copy to serve, when to ask the
// feed's server again, and one upstream request per URL at a time.
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { memoryCache, redisCache } from './cache.js';
import { fetchFeed, makeAgents, RelayError } from './fetcher.js';
import { parseFeedHosts } from './hosts.js';

const VERSION = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
export const USER_AGENT = `news-widgets-server/${VERSION} (+feed relay)`;

export const RELAY_DEFAULTS = {
  ttlSeconds: 300,
  maxBytes: 5 * 1024 * 1024,
  cacheBytes: 64 * 1024 * 1024,
  timeoutMs: 10_000,
  missesPerMinute: 60,
  // How long after it stops being fresh a copy is kept for stale use.
  staleSeconds: 7 * 24 * 3600,
};

/** Thrown to the one request that would have started an upstream request past its limit. */
export class RateLimited extends Error {
  constructor(retryAfterSeconds) {
    super(`Too many feeds not yet in the relay's cache were asked for from this address; try again in ${retryAfterSeconds} s.`);
    this.status = 429;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * @param {object} options
 * @param {string[]} options.hosts `--feed-host` entries; none: the relay is off
 * @param {number} [options.ttlSeconds] how long a copy is served before the feed's server is asked again
 * @param {number} [options.maxBytes] largest feed relayed
 * @param {number} [options.cacheBytes] memory for copies
 * @param {number} [options.timeoutMs] for one upstream request, redirects and body included
 * @param {number} [options.missesPerMinute] upstream requests one client address may cause per minute
 * @param {number} [options.staleSeconds] how long past its TTL a copy may still be served stale
 * @param {string|import('ioredis').Redis} [options.redis] share copies through this Redis (URL or client)
 * @param {string} [options.redisPrefix]
 * @param {() => number} [options.now] the clock, in ms
 * @param {Function} [options.lookup] DNS lookup for upstream requests (tests map names with it)
 * @param {(error: Error) => void} [options.onRedisError]
 */
export function createRelay(options) {
  const settings = { ...RELAY_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  const { ttlSeconds, maxBytes, timeoutMs, staleSeconds, now = Date.now, lookup } = settings;
  const hosts = parseFeedHosts(settings.hosts ?? []);
  const ttlMs = ttlSeconds * 1000;
  const keepMs = ttlMs + staleSeconds * 1000;
  // After a failure, the stale copy is served for this long before the feed's server is tried again.
  const retryMs = Math.min(ttlMs, 60_000);
  const agents = makeAgents();
  const memory = memoryCache(settings.cacheBytes);
  const inflight = new Map();

  let redis;
  let ownRedis = false;
  if (typeof settings.redis === 'string') {
    redis = new Redis(settings.redis, { maxRetriesPerRequest: 1, connectTimeout: 5_000, commandTimeout: 2_000, lazyConnect: true });
    ownRedis = true;
  } else if (settings.redis) redis = settings.redis;
  const onRedisError = settings.onRedisError ?? ((error) => console.error(`news-widgets-server: feed relay Redis: ${error.message}`));
  let lastRedisError = '';
  const redisFailed = (error) => {
    if (error.message !== lastRedisError) onRedisError(error);
    lastRedisError = error.message;
  };
  if (ownRedis) redis.on('error', redisFailed);
  const shared = redis ? redisCache(redis, { prefix: settings.redisPrefix ?? 'news-widgets:', keepMs }) : undefined;

  /** What the relay did, for metrics; read it, do not write it. */
  const stats = {
    hits: 0, // answered from a fresh copy (memory or Redis)
    joined: 0, // waited on an upstream request another visitor started
    misses: 0, // started an upstream request (a first fetch or a revalidation)
    revalidated: 0, // upstream answered 304: the copy was current
    stale: 0, // served a copy past its TTL because the upstream failed
    refused: 0, // 403: host not listed, or an address the relay does not contact
    rateLimited: 0, // 429: too many misses from one address
    failed: 0, // 413, 502 or 504 with no copy to serve
    get cacheBytes() {
      return memory.bytes;
    },
    get cacheEntries() {
      return memory.entries;
    },
  };

  const isFresh = (copy, time) => time - copy.fetchedAt < ttlMs;
  const isKept = (copy, time) => time - copy.fetchedAt < keepMs;

  const store = async (url, copy) => {
    memory.set(url, copy);
    if (shared) await shared.set(url, copy).catch(redisFailed);
  };

  async function upstream(url, copy) {
    stats.misses++;
    const validators = copy ? { etag: copy.etag, lastModified: copy.lastModified } : {};
    try {
      const answer = await fetchFeed(url, { hosts, agents, userAgent: USER_AGENT, timeoutMs, maxBytes, validators, lookup });
      if (answer.status === 304) {
        stats.revalidated++;
        const refreshed = { ...copy, etag: answer.etag, lastModified: answer.lastModified, fetchedAt: now(), retryAt: undefined };
        await store(url, refreshed);
        return { copy: refreshed, state: 'revalidated' };
      }
      const fresh = { url, body: answer.body, contentType: answer.contentType, etag: answer.etag, lastModified: answer.lastModified, fetchedAt: now() };
      await store(url, fresh);
      return { copy: fresh, state: 'miss' };
    } catch (error) {
      if (!(error instanceof RelayError)) throw error;
      if (copy && isKept(copy, now())) {
        // Served stale for a while before the feed's server is asked again.
        copy.retryAt = now() + retryMs;
        memory.set(url, copy);
        return { copy, state: 'stale', error };
      }
      throw error;
    }
  }

  /** The work of the first request for a URL; the others wait on it. */
  async function resolve(url, allowMiss) {
    let copy = memory.get(url);
    if (shared) {
      const remote = await shared.get(url).catch(redisFailed);
      if (remote && (!copy || remote.fetchedAt > copy.fetchedAt)) {
        copy = remote;
        memory.set(url, copy);
      }
    }
    const time = now();
    if (copy && isFresh(copy, time)) return { copy, state: 'hit' };
    if (copy && copy.retryAt > time && isKept(copy, time)) return { copy, state: 'stale' };
    const allowed = await allowMiss();
    if (!allowed.ok) return { rateLimited: allowed.retryAfterSeconds };
    return upstream(url, copy);
  }

  /**
   * The copy of `url` (absolute, canonical, on a listed host) to serve.
   * `allowMiss()` is asked, only when this request would start an upstream
   * request, whether its client may: `{ ok: true }` or `{ ok: false, retryAfterSeconds }`.
   * Resolves to `{ copy, state }`, state `hit`, `miss`, `revalidated` or `stale`;
   * rejects with a RelayError (no copy to serve) or RateLimited.
   */
  async function load(url, allowMiss = async () => ({ ok: true })) {
    // Joiners whose leader was rate limited try for themselves: bounded.
    for (let attempt = 0; attempt < 3; attempt++) {
      const copy = memory.get(url);
      if (copy && isFresh(copy, now())) {
        stats.hits++;
        return { copy, state: 'hit' };
      }
      const pending = inflight.get(url);
      if (pending) {
        const result = await pending.catch((error) => ({ error }));
        if (result.rateLimited !== undefined) continue;
        stats.joined++;
        if (result.error) throw result.error;
        if (result.state === 'stale') stats.stale++;
        return { copy: result.copy, state: result.state === 'stale' ? 'stale' : 'hit' };
      }
      // Set before any await: every request for this URL from now on joins it.
      const work = resolve(url, allowMiss);
      inflight.set(url, work);
      let result;
      try {
        result = await work;
      } catch (error) {
        if (error instanceof RelayError) stats[error.refused ? 'refused' : 'failed']++;
        throw error;
      } finally {
        inflight.delete(url);
      }
      if (result.rateLimited !== undefined) {
        stats.rateLimited++;
        throw new RateLimited(result.rateLimited);
      }
      if (result.state === 'hit') stats.hits++;
      if (result.state === 'stale') stats.stale++;
      return result;
    }
    stats.rateLimited++;
    throw new RateLimited(60);
  }

  return {
    enabled: hosts.size > 0,
    hosts,
    settings: { ttlSeconds, maxBytes, cacheBytes: settings.cacheBytes, timeoutMs, missesPerMinute: settings.missesPerMinute },
    redis,
    stats,
    now,
    load,
    async close() {
      agents.destroy();
      memory.clear();
      if (ownRedis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}
