// GET /api/feed?url=<feed URL>: the relay's HTTP face. Registered as an
// encapsulated plugin, so its compression, rate limit, headers and error
// handler touch no other route.
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import { hostListing } from './hosts.js';
import { RateLimited } from './relay.js';

/** The header that says where an answer came from: hit, miss, revalidated or stale. */
export const RELAY_HEADER = 'X-News-Relay';

const MAX_URL = 2048;
// Feeds are text: XML, JSON, and their +xml/+json kinds.
const COMPRESSIBLE = /^\s*(text\/|application\/([\w.-]+\+)?(xml|json)\b|application\/(rss|atom|rdf)\b)/i;

function badRequest(message) {
  return Object.assign(new Error(message), { statusCode: 400 });
}

/** The feed URL of the request, canonical, or a 400/403 error. */
function feedUrl(query, relay) {
  const text = query.url;
  if (text === undefined || text === '') throw badRequest('Missing url: ask /api/feed?url=<the feed\'s address, encoded>.');
  if (typeof text !== 'string') throw badRequest('Give one url, not several.');
  if (text.length > MAX_URL) throw badRequest(`The url is longer than ${MAX_URL} characters.`);
  let url;
  try {
    url = new URL(text);
  } catch {
    throw badRequest('The url is not an absolute URL such as https://tinh.gov.vn/rss.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badRequest(`Only http and https feeds are relayed, not ${url.protocol}.`);
  if (url.username || url.password) throw badRequest('A feed URL with a user name or password is not relayed.');
  if (!hostListing(relay.hosts, url.hostname)) {
    relay.stats.refused++;
    throw Object.assign(new Error(`This relay does not serve feeds of ${url.hostname}: the server's operator lists the hosts it relays (--feed-host).`), { statusCode: 403 });
  }
  url.hash = '';
  return url.href;
}

/**
 * @param {import('fastify').FastifyInstance} fastify
 * @param {{ relay?: ReturnType<import('./relay.js').createRelay> }} options
 */
export async function relayRoutes(fastify, { relay }) {
  // Whatever a relayed body is (an HTML page posing as a feed included), a
  // browser must neither sniff it into something else nor run it as a page
  // of this origin. On every answer of this route, errors too.
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Content-Security-Policy', "sandbox; default-src 'none'");
    reply.header('Access-Control-Expose-Headers', RELAY_HEADER);
  });

  fastify.setErrorHandler((error, request, reply) => {
    const status = error.statusCode ?? error.status ?? 500;
    if (status >= 500 && status !== 502 && status !== 504) request.log.error(error);
    reply.header('Cache-Control', 'no-store');
    if (error.retryAfterSeconds) reply.header('Retry-After', String(error.retryAfterSeconds));
    const body = { error: status === 500 ? 'The feed relay failed; try again shortly.' : error.message };
    if (error.upstreamStatus) body.upstreamStatus = error.upstreamStatus;
    reply.code(status).send(body);
  });

  if (!relay?.enabled) {
    fastify.get('/api/feed', async () => {
      throw Object.assign(new Error('The feed relay is off on this server: its operator turns it on by listing feed hosts (--feed-host).'), { statusCode: 404 });
    });
    return;
  }

  await fastify.register(compress, { customTypes: COMPRESSIBLE, encodings: ['br', 'gzip'] });
  await fastify.register(rateLimit, { global: false });
  // Counted only for the requests that would start an upstream request.
  const missLimit = fastify.createRateLimit({ max: relay.settings.missesPerMinute, timeWindow: 60_000 });
  const allowMiss = (request) => async () => {
    const limit = await missLimit(request);
    return limit.isAllowed || !limit.isExceeded ? { ok: true } : { ok: false, retryAfterSeconds: limit.ttlInSeconds || 1 };
  };

  const maxAge = relay.settings.ttlSeconds;
  fastify.get('/api/feed', async (request, reply) => {
    const url = feedUrl(request.query, relay);
    const { copy, state } = await relay.load(url, allowMiss(request)).catch((error) => {
      if (error instanceof RateLimited) throw error;
      throw Object.assign(error, { statusCode: error.status });
    });
    reply.header(RELAY_HEADER, state);
    // Counted in the server's metrics (hit, miss, revalidated, stale) when --metrics is on.
    fastify.newsMetrics?.relayCache(state);
    if (state === 'stale') {
      // Until the relay asks the feed's server again.
      reply.header('Cache-Control', `public, max-age=${Math.min(maxAge, 60)}`);
    } else {
      reply.header('Cache-Control', `public, max-age=${maxAge}`);
      reply.header('Age', String(Math.max(0, Math.floor((relay.now() - copy.fetchedAt) / 1000))));
    }
    reply.header('Content-Type', copy.contentType || 'application/octet-stream');
    return reply.send(copy.body);
  });
}
