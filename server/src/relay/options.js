// The relay's command-line options, read apart from the rest of the command
// line: cli.js adds OPTIONS to its own and hands the values here.
import { parseFeedHosts } from './hosts.js';
import { RELAY_DEFAULTS } from './relay.js';

export const RELAY_OPTIONS = {
  'feed-host': { type: 'string', multiple: true },
  'feed-ttl': { type: 'string' },
  'feed-max-bytes': { type: 'string' },
  'feed-cache-bytes': { type: 'string' },
  'feed-rate': { type: 'string' },
};

export const RELAY_HELP = `
Feed relay (GET /api/feed?url=…, for <news-feed relay>), off unless hosts are listed:
      --feed-host <host>  a host whose feeds are relayed, e.g. tinh.gov.vn, or
                          *.tinh.gov.vn for its subdomains; repeat or separate
                          with commas (env NEWS_FEED_HOSTS). A host listed
                          exactly may be on a private network; others may not
      --feed-ttl <s>      seconds a copy is served before the feed's server is
                          asked again (env NEWS_FEED_TTL; default 300)
      --feed-max-bytes <n>  largest feed relayed, e.g. 5MB (default 5MB)
      --feed-cache-bytes <n>  memory for copies, e.g. 64MB (default 64MB);
                          with --redis the copies are also shared there
      --feed-rate <n>     feeds not in the cache one address may ask for per
                          minute (default 60); cached feeds are not counted
`;

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
