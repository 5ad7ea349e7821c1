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
//   {site}:hours:YYYY-MM-DD  hash: hour → visits that started then (kept two days)
//   {site}:paths:YYYY-MM-DD  hash: path → visits that started there (kept 35 days)
//   salt:YYYY-MM-DD       the day's salt (expires when the day ends in the server's zone)
import { Redis } from 'ioredis';
import { newSalt } from '../visitor.js';
import { HOUR_DAYS, OTHER_PATHS, PATH_DAYS, PATHS_PER_DAY, topPaths } from './kept.js';

// KEYS: visitor, online, total, hours, paths, then the days to answer for
// (today last). ARGV: now, heartbeat (1/0), session ms, online ms, visitor
// id, whether a visitor not known yet may be added (1/0), the hour, the
// path, paths kept a day, seconds to keep the path and hour counts.
// Returns total, online, fresh (1 a new visitor, 0 a known one, -1 a new one
// refused: nothing written), counted (1/0), then the visits of each day.
// Compares times itself rather than trusting the key's expiry, so the
// window is exact; the expiry only cleans up. A heartbeat
// keeps a visit going but starts none (XX): one that arrives before the visit
// it follows (two tabs opened together) must not make that visit look counted.
const RECORD = `
local now = tonumber(ARGV[1])
local today = KEYS[#KEYS]
local function answer(fresh, counted)
  local result = { tonumber(redis.call('GET', KEYS[3]) or '0'), redis.call('ZCARD', KEYS[2]), fresh, counted }
  for i = 6, #KEYS do result[#result + 1] = tonumber(redis.call('GET', KEYS[i]) or '0') end
  return result
end
local isNew = redis.call('EXISTS', KEYS[1]) == 0 and not redis.call('ZSCORE', KEYS[2], ARGV[5])
if isNew and ARGV[6] == '0' then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - tonumber(ARGV[4]))
  return answer(-1, 0)
end
local counted = 0
if ARGV[2] == '1' then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3], 'XX')
else
  local seen = redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3], 'GET')
  if not seen or now - tonumber(seen) > tonumber(ARGV[3]) then
    counted = 1
    redis.call('INCR', KEYS[3])
    redis.call('INCR', today)
    redis.call('HINCRBY', KEYS[4], ARGV[7], 1)
    redis.call('EXPIRE', KEYS[4], ARGV[10])
    local path = ARGV[8]
    if redis.call('HEXISTS', KEYS[5], path) == 0 and redis.call('HLEN', KEYS[5]) >= tonumber(ARGV[9]) then
      path = '${OTHER_PATHS}'
    end
    redis.call('HINCRBY', KEYS[5], path, 1)
    redis.call('EXPIRE', KEYS[5], ARGV[11])
  end
end
redis.call('ZADD', KEYS[2], now, ARGV[5])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - tonumber(ARGV[4]))
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return answer(isNew and 1 or 0, counted)
`;

// KEYS: online, total, then the days. ARGV: the oldest time still online.
const READ = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local result = { tonumber(redis.call('GET', KEYS[2]) or '0'), redis.call('ZCARD', KEYS[1]) }
for i = 3, #KEYS do result[#result + 1] = tonumber(redis.call('GET', KEYS[i]) or '0') end
return result
`;

const toRecorded = ([total, online, fresh, counted, ...days]) => ({
  total, online, days, counted: counted === 1, ...(fresh < 0 ? { refused: true } : { isNew: fresh === 1 }),
});
/** The URL without its password, for messages. */
const safeUrl = (url) => url.replace(/\/\/[^@/]*@/, '//…@');

/**
 * @param {string} url `redis://[user:password@]host:port[/db]`
 * @param {{ sessionMs: number, onlineMs: number, prefix?: string, onError?: (error: Error) => void, pathsPerDay?: number }} options
 */
export async function openRedisStore(url, { sessionMs, onlineMs, prefix = 'news-widgets:', onError, pathsPerDay = PATHS_PER_DAY }) {
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
  // Key counts vary with the days asked for: given at each call.
  redis.defineCommand('newsRecord', { lua: RECORD });
  redis.defineCommand('newsRead', { lua: READ });
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
    async record({ site, visitor, heartbeat, now, days, hour = 0, path = '/', allowNew = true }) {
      const keys = [
        key(site, `v:${visitor}`), key(site, 'online'), key(site, 'total'),
        key(site, `hours:${days.at(-1)}`), key(site, `paths:${days.at(-1)}`), ...days.map((day) => key(site, `day:${day}`)),
      ];
      const result = await redis.newsRecord(
        keys.length, ...keys,
        now, heartbeat ? 1 : 0, sessionMs, onlineMs, visitor, allowNew ? 1 : 0,
        hour, path, pathsPerDay, HOUR_DAYS * 86_400, PATH_DAYS * 86_400,
      );
      return toRecorded(result);
    },
    async read({ site, now, days }) {
      const keys = [key(site, 'online'), key(site, 'total'), ...days.map((day) => key(site, `day:${day}`))];
      const [total, online, ...visits] = await redis.newsRead(keys.length, ...keys, now - onlineMs);
      return { total, online, days: visits };
    },
    async stats({ site, days, pathDays }) {
      const [visits, hours, ...paths] = await Promise.all([
        redis.mget(days.map((day) => key(site, `day:${day}`))),
        redis.hgetall(key(site, `hours:${days.at(-1)}`)),
        ...pathDays.map((day) => redis.hgetall(key(site, `paths:${day}`))),
      ]);
      const totals = new Map();
      for (const day of paths) {
        for (const [path, count] of Object.entries(day)) totals.set(path, (totals.get(path) ?? 0) + Number(count));
      }
      return {
        days: visits.map((value) => Number(value ?? 0)),
        hours: Array.from({ length: 24 }, (_, hour) => Number(hours[hour] ?? 0)),
        paths: topPaths(totals),
      };
    },
    async ping() {
      return redis.ping();
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
