// The relay's command-line options, read apart from the rest of the command
// line: cli.js parses them with its own (all described in ../help.js) and
// hands the values here.
import { parseFeedHosts } from './hosts.js';
import { RELAY_DEFAULTS } from './relay.js';

const UNITS = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** `5MB`, `512kb`, `1048576`: bytes (binary units). */
export function parseBytes(text, what) {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*$/i.exec(String(text));
  const value = match ? Math.round(Number(match[1]) * UNITS[match[2].toLowerCase()]) : NaN;
  if (!Number.isSafeInteger(value) || value < 1) throw new TypeError(`${what} must be a size such as 5MB or 5242880, not "${text}".`);
  return value;
}

function wholeNumber(text, what, min) {
  const value = /^\s*\d+\s*$/.test(String(text)) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min) throw new TypeError(`${what} must be a whole number (at least ${min}), not "${text}".`);
  return value;
}

/**
 * The relay's settings from parseArgs values and the environment; throws a
 * TypeError with a message for the user when one is wrong.
 */
export function parseRelayOptions(values, env = {}) {
  const entries = values['feed-host'] ?? (env.NEWS_FEED_HOSTS ? [env.NEWS_FEED_HOSTS] : []);
  const feedHosts = parseFeedHosts(entries).list;
  const ttl = values['feed-ttl'] ?? env.NEWS_FEED_TTL;
  const maxBytes = values['feed-max-bytes'] ?? env.NEWS_FEED_MAX_BYTES;
  const cacheBytes = values['feed-cache-bytes'] ?? env.NEWS_FEED_CACHE_BYTES;
  const rate = values['feed-rate'] ?? env.NEWS_FEED_RATE;
  return {
    feedHosts,
    feedTtl: ttl === undefined ? RELAY_DEFAULTS.ttlSeconds : wholeNumber(ttl, '--feed-ttl', 1),
    feedMaxBytes: maxBytes === undefined ? RELAY_DEFAULTS.maxBytes : parseBytes(maxBytes, '--feed-max-bytes'),
    feedCacheBytes: cacheBytes === undefined ? RELAY_DEFAULTS.cacheBytes : parseBytes(cacheBytes, '--feed-cache-bytes'),
    feedRate: rate === undefined ? RELAY_DEFAULTS.missesPerMinute : wholeNumber(rate, '--feed-rate', 1),
  };
}

/** The relay's createRelay options from parseOptions' result (undefined: no hosts, relay off). */
export function relaySettings(options) {
  if (!options.feedHosts?.length) return undefined;
  return {
    hosts: options.feedHosts,
    ttlSeconds: options.feedTtl,
    maxBytes: options.feedMaxBytes,
    cacheBytes: options.feedCacheBytes,
    missesPerMinute: options.feedRate,
    redis: options.redis,
    redisPrefix: options.redisPrefix,
  };
}
