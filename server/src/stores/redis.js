// The shared store: the counts live in Redis (6.2 or newer), so any number of
// server instances behind a load balancer agree. Each visit is one Lua script,
// which Redis runs atomically: no two instances can both count one visitor.
//
// Keys, all under `prefix` and hash-tagged by site (one slot per site, so a
// Redis Cluster runs the script too):
//   {site}:total          every visit counted
//   {site}:day:YYYY-MM-DD visits that day
//   {site}:v:<visitor>    when the visitor's visit was last seen (expires after a session)
//   {site}:online         sorted set of visitors by when they were last seen
//   salt:YYYY-MM-DD       the day's salt (expires when the day ends in the server's zone)
import { Redis } from 'ioredis';
import { newSalt } from '../visitor.js';

// KEYS: visitor, online, total, day. ARGV: now, heartbeat (1/0), session ms,
// online ms, visitor id, whether a visitor not known yet may be added (1/0).
// The fourth number returned: 1 a new visitor, 0 a known one, -1 a new one
// refused (nothing written). Compares times itself rather than trusting the key's
// expiry, so the window is exact; the expiry only cleans up. A heartbeat
// keeps a visit going but starts none (XX): one that arrives before the visit
// it follows (two tabs opened together) must not make that visit look counted.
const RECORD = `
local now = tonumber(ARGV[1])
local isNew = redis.call('EXISTS', KEYS[1]) == 0 and not redis.call('ZSCORE', KEYS[2], ARGV[5])
if isNew and ARGV[6] == '0' then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - tonumber(ARGV[4]))
  return { tonumber(redis.call('GET', KEYS[3]) or '0'), redis.call('ZCARD', KEYS[2]), tonumber(redis.call('GET', KEYS[4]) or '0'), -1 }
end
if ARGV[2] == '1' then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3], 'XX')
else
  local seen = redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3], 'GET')
  if not seen or now - tonumber(seen) > tonumber(ARGV[3]) then
    redis.call('INCR', KEYS[3])
    redis.call('INCR', KEYS[4])
  end
end
redis.call('ZADD', KEYS[2], now, ARGV[5])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - tonumber(ARGV[4]))
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return { tonumber(redis.call('GET', KEYS[3]) or '0'), redis.call('ZCARD', KEYS[2]), tonumber(redis.call('GET', KEYS[4]) or '0'), isNew and 1 or 0 }
`;

// KEYS: online, total, day. ARGV: the oldest time still online.
const READ = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
return { tonumber(redis.call('GET', KEYS[2]) or '0'), redis.call('ZCARD', KEYS[1]), tonumber(redis.call('GET', KEYS[3]) or '0') }
`;

const toCounts = ([total, online, today]) => ({ total, online, today });
const toRecorded = ([total, online, today, fresh]) => ({ total, online, today, ...(fresh < 0 ? { refused: true } : { isNew: fresh === 1 }) });
/** The URL without its password, for messages. */
const safeUrl = (url) => url.replace(/\/\/[^@/]*@/, '//…@');

/**
 * @param {string} url `redis://[user:password@]host:port[/db]`
 * @param {{ sessionMs: number, onlineMs: number, prefix?: string, onError?: (error: Error) => void }} options
 */
export async function openRedisStore(url, { sessionMs, onlineMs, prefix = 'news-widgets:', onError }) {
  const redis = new Redis(url, {
    // Fail a request after a few tries rather than hold it while Redis is down.
    maxRetriesPerRequest: 2,
    connectTimeout: 5_000,
    lazyConnect: true,
  });
  // Without a listener, a lost connection would be an uncaught 'error' event.
  let lastError = '';
  let connected = false;
  redis.on('error', (error) => {
    if (error.message === lastError) return;
    lastError = error.message;
    // Before the first connection, the failure is thrown below instead.
    if (connected) onError?.(error);
  });
  redis.on('ready', () => {
    connected = true;
    lastError = '';
  });
  redis.defineCommand('newsRecord', { numberOfKeys: 4, lua: RECORD });
  redis.defineCommand('newsRead', { numberOfKeys: 3, lua: READ });
  try {
    await redis.connect();
  } catch (error) {
    // Stop the reconnecting too, or it would keep the process alive.
    redis.disconnect();
    throw new Error(`Could not connect to Redis at ${safeUrl(url)}: ${lastError || error.message}`);
  }

  const key = (site, name) => `${prefix}{${site}}:${name}`;

  return {
    kind: 'redis',
    description: `Redis ${safeUrl(url)}`,
    redis,
    prefix,
    /** The salt of `day`, made when missing; it expires in `ttlMs`, when the day ends. */
    async salt(day, ttlMs = 86_400_000) {
      const saltKey = `${prefix}salt:${day}`;
      await redis.set(saltKey, newSalt(), 'PX', Math.max(1000, Math.ceil(ttlMs)), 'NX');
      return redis.get(saltKey);
    },
    async record({ site, visitor, heartbeat, now, day, allowNew = true }) {
      const result = await redis.newsRecord(
        key(site, `v:${visitor}`), key(site, 'online'), key(site, 'total'), key(site, `day:${day}`),
        now, heartbeat ? 1 : 0, sessionMs, onlineMs, visitor, allowNew ? 1 : 0,
      );
      return toRecorded(result);
    },
    async read({ site, now, day }) {
      return toCounts(await redis.newsRead(key(site, 'online'), key(site, 'total'), key(site, `day:${day}`), now - onlineMs));
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
