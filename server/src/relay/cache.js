// Where relayed copies are kept. In memory: an LRU bounded by bytes (body,
// headers and bookkeeping). With Redis, copies
// are also written there, so every instance behind a load balancer serves
// what any one of them fetched; memory stays the first place looked.
//
// A copy: { url, body: Buffer, contentType, etag, lastModified, fetchedAt }
// where fetchedAt is when it was last known to be current (a 304 moves it).
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

// Room for the object, its strings and the LRU's own bookkeeping: about
// what the heap grows by per copy (measured with npm run bench -w server).
const OVERHEAD = 1024;

export function copySize(copy) {
  return OVERHEAD + copy.body.length + copy.url.length + (copy.contentType?.length ?? 0) + (copy.etag?.length ?? 0) + (copy.lastModified?.length ?? 0);
}

/** The in-memory LRU, at most `maxBytes` (a copy larger than that is not kept). */
export function memoryCache(maxBytes) {
  const lru = new LRUCache({ maxSize: maxBytes, sizeCalculation: copySize });
  return {
    get: (url) => lru.get(url),
    set: (url, copy) => lru.set(url, copy),
    get bytes() {
      return lru.calculatedSize;
    },
    get entries() {
      return lru.size;
    },
    clear: () => lru.clear(),
  };
}

/**
 * The shared layer: one Redis string per URL, `<prefix>feed:<sha256 of url>`,
 * holding a JSON line (the headers and validators) then the body bytes. It
 * expires `keepMs` after it was written, long after it stops being fresh, so
 * an instance can still serve it stale when the feed's server is down.
 * @param {import('ioredis').Redis} redis
 */
export function redisCache(redis, { prefix = 'news-widgets:', keepMs }) {
  const key = (url) => `${prefix}feed:${createHash('sha256').update(url).digest('hex')}`;
  return {
    async get(url) {
      const value = await redis.getBuffer(key(url));
      if (!value) return undefined;
      const newline = value.indexOf(10);
      if (newline < 0) return undefined;
      const meta = JSON.parse(value.subarray(0, newline).toString('utf8'));
      if (meta.url !== url) return undefined;
      return { ...meta, body: value.subarray(newline + 1) };
    },
    async set(url, copy) {
      const meta = { url, contentType: copy.contentType, etag: copy.etag, lastModified: copy.lastModified, fetchedAt: copy.fetchedAt };
      const value = Buffer.concat([Buffer.from(`${JSON.stringify(meta)}\n`), copy.body]);
      await redis.set(key(url), value, 'PX', keepMs);
    },
  };
}
