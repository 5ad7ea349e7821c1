// The HTTP side: GET and POST /api/visits on Fastify, CORS for the sites
// that embed the counter, health checks, and optionally metrics, the
// operator's page and the static files of a site.
import cors from '@fastify/cors';
import Fastify from 'fastify';
import { adminRoutes } from './admin.js';
import { addDays, dayEnd, hourOf, periods } from './calendar.js';
import { newVisitorBudget, refuseForeignOrigins } from './guards.js';
import { createMetrics, NO_METRICS, serveMetrics } from './metrics.js';
import { serveStatic } from './static.js';
import { isBot, visitorId } from './visitor.js';
import { relayRoutes } from './relay/route.js';

export const DEFAULT_SITE = 'default';
export const SITE_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/i;

const COUNTS = ['total', 'online', 'today', 'yesterday', 'week', 'month'];
const countsSchema = { type: 'object', properties: Object.fromEntries(COUNTS.map((name) => [name, { type: 'integer' }])) };
const errorSchema = { type: 'object', properties: { error: { type: 'string' } } };
const querySchema = {
  type: 'object',
  properties: { site: { type: 'string', maxLength: 63 } },
};
const bodySchema = {
  type: 'object',
  properties: {
    path: { type: 'string', maxLength: 2048 },
    heartbeat: { type: 'boolean' },
  },
};
const responses = { 200: countsSchema, '4xx': errorSchema, '5xx': errorSchema };

/**
 * @param {object} options
 * @param {object} options.store an open store (see stores/)
 * @param {Map<string, number>} [options.sites] site names and their starting totals; `default` is always there
 * @param {string} [options.timeZone] where "today" starts at midnight
 * @param {string[]} [options.origins] origins allowed to call the API from a browser; `*` for any
 * @param {boolean|string|number} [options.trustProxy] Fastify's trustProxy: whom to believe about X-Forwarded-For
 * @param {{ prefix: string, root: string }[]} [options.staticDirs] folders to serve as they are
 * @param {() => number} [options.now] the clock, in ms
 * @param {number} [options.bodyLimit] largest request body in bytes
 * @param {number} [options.requestTimeout] ms a client has to send its whole request
 * @param {boolean|object} [options.logger] Fastify's logger (requests are logged without the client's address)
 * @param {number} [options.maxNewPerIp] new visitors one address may add an hour (0: no limit)
 * @param {number} [options.maxConnections] connections held at once; more are closed at once
 * @param {number} [options.keepAliveTimeout] ms an idle keep-alive connection is kept
 * @param {boolean} [options.metrics] serve Prometheus metrics at /metrics
 * @param {string} [options.adminToken] serve the operator's page at /thong-ke to whoever has it
 * @param {object} [options.relay] the feed relay (relay/relay.js createRelay) behind GET /api/feed; without it the route answers 404
 */
export async function buildApp({
  store,
  sites = new Map(),
  timeZone = 'Asia/Ho_Chi_Minh',
  origins = [],
  trustProxy = false,
  staticDirs = [],
  now = Date.now,
  // Room for the longest path the schema takes (2,048 characters) and the rest.
  bodyLimit = 4096,
  requestTimeout = 10_000,
  logger = false,
  maxNewPerIp = 300,
  maxConnections = 1000,
  keepAliveTimeout = 5000,
  metrics: metricsOn = false,
  adminToken,
  relay,
}) {
  const startTotals = new Map([[DEFAULT_SITE, 0], ...sites]);
  const app = Fastify({
    logger: logger && { ...(logger === true ? {} : logger), serializers: { req: requestForLog } },
    trustProxy,
    bodyLimit,
    // A client that trickles its request in gets 408 rather than a socket for ever.
    requestTimeout,
    // Fastify's default (72 s) lets a few idle browsers hold connections long after their page loaded.
    keepAliveTimeout,
    // Node reads these when the server is made; Fastify's own setting comes too late.
    // headersTimeout also closes a connection that never sends a request.
    http: { requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: Math.min(requestTimeout, 1000) },
    // Types are checked as sent: "true" is not a boolean, 5 is not a path.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
  });

  // sendBeacon and no-preflight clients send JSON as text/plain.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (request, body, done) => {
    app.getDefaultJsonParser('error', 'error')(request, body, done);
  });

  await app.register(cors, {
    origin: origins.includes('*') ? '*' : origins.length ? origins : false,
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ['Content-Type'],
    // Chromium caps this at two hours: one preflight covers many heartbeats.
    maxAge: 7200,
  });
  app.addHook('onRequest', refuseForeignOrigins(origins));
  // The relay and anything else that counts calls app.newsMetrics.*, on or off.
  const metrics = metricsOn ? createMetrics() : NO_METRICS;
  app.decorate('newsMetrics', metrics);
  if (metricsOn) serveMetrics(app, metrics);
  // Past this, Node closes new connections at once instead of running out of file descriptors.
  app.server.maxConnections = maxConnections;

  const budget = newVisitorBudget(maxNewPerIp);
  /** Counters for the metrics: new visitors refused by maxNewPerIp. */
  const stats = { refusedNewVisitors: 0 };
  app.decorate('newsStats', stats);

  // The days and hour of an instant, worked out once a minute (every zone's
  // offset is whole minutes, so they cannot change within one).
  let calendarCache = { minute: NaN };
  const calendar = (time) => {
    const minute = Math.floor(time / 60_000);
    if (minute !== calendarCache.minute) calendarCache = { minute, ...periods(time, timeZone), hour: hourOf(time, timeZone) };
    return calendarCache;
  };

  let saltDay = '';
  let salt = '';
  // A day's salt is kept only until the day ends (the store deletes the others).
  const daySalt = async (time) => {
    const day = calendar(time).today;
    if (day !== saltDay) {
      salt = await store.salt(day, dayEnd(time, timeZone) - time);
      saltDay = day;
    }
    return salt;
  };
  // A quiet night still drops yesterday's salt soon after midnight.
  const saltTimer = setInterval(() => daySalt(now()).catch(() => {}), 60_000).unref();
  app.addHook('onClose', async () => clearInterval(saltTimer));

  const siteOf = (request, reply) => {
    const site = request.query.site || DEFAULT_SITE;
    if (startTotals.has(site)) return site;
    reply.code(404).send({ error: `Unknown site "${site.slice(0, 63)}": this server does not count it.` });
    return undefined;
  };

  /** The six numbers from what the store read for the days of `period`. */
  const countsOf = (site, { total, online, days }, period) => {
    const since = (first) => days.reduce((sum, visits, i) => (period.days[i] >= first ? sum + visits : sum), 0);
    return {
      total: total + startTotals.get(site),
      online,
      today: days.at(-1),
      yesterday: days[period.days.indexOf(period.yesterday)],
      week: since(period.monday),
      month: since(period.monthStart),
    };
  };
  const readCounts = async (site, time) => {
    const period = calendar(time);
    return countsOf(site, await store.read({ site, now: time, days: period.days }), period);
  };

  // Fastify answers HEAD from this route too.
  app.get('/api/visits', { schema: { querystring: querySchema, response: responses } }, async (request, reply) => {
    const site = siteOf(request, reply);
    if (!site) return reply;
    const time = now();
    if (saltDay) await daySalt(time);
    reply.header('Cache-Control', 'no-store');
    return readCounts(site, time);
  });

  app.post('/api/visits', { schema: { querystring: querySchema, body: bodySchema, response: responses } }, async (request, reply) => {
    const site = siteOf(request, reply);
    if (!site) return reply;
    reply.header('Cache-Control', 'no-store');
    const time = now();
    const userAgent = request.headers['user-agent'] ?? '';
    if (isBot(userAgent)) return readCounts(site, time);
    const visitor = visitorId(await daySalt(time), request.ip, userAgent);
    const heartbeat = request.body?.heartbeat === true;
    const period = calendar(time);
    // A visitor the store does not know yet is new: one address adds only so many an hour.
    const allowNew = budget.take(request.ip, time);
    let result;
    try {
      result = await store.record({
        site, visitor, heartbeat, now: time, days: period.days, hour: period.hour, path: request.body?.path ?? '/', allowNew,
      });
    } finally {
      if (allowNew && !result?.isNew) budget.giveBack(request.ip);
    }
    if (result.refused) {
      stats.refusedNewVisitors++;
      metrics.newVisitorRefused(site);
    }
    if (result.counted) metrics.visitCounted(site);
    return countsOf(site, result, period);
  });

  // Liveness: the process answers. Readiness: so does its store.
  app.get('/healthz', async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    return { status: 'ok' };
  });
  app.get('/readyz', async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    try {
      await Promise.race([store.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref())]);
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', error: 'The counter store is not answering.' });
    }
  });

  if (adminToken) {
    const report = async (site, time) => {
      const period = calendar(time);
      const days = Array.from({ length: 90 }, (_, i) => addDays(period.today, i - 89));
      const [counts, kept] = await Promise.all([
        readCounts(site, time),
        store.stats({ site, days, pathDays: days.slice(-7) }),
      ]);
      return {
        timeZone,
        counts,
        days: days.map((day, i) => ({ day, visits: kept.days[i] })),
        hours: kept.hours,
        paths: kept.paths,
      };
    };
    await app.register(adminRoutes, { token: adminToken, sites: [...startTotals.keys()], now, report });
  }

  app.route({
    method: ['PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    url: '/api/visits',
    handler(request, reply) {
      // OPTIONS reaches here only when it is not a CORS preflight.
      reply.code(405).header('Allow', 'GET, HEAD, POST').send({ error: `${request.method} is not allowed here: use GET or POST.` });
    },
  });

  // Not awaited: an await here would load the routes above before the
  // error handler below is set, and they would keep Fastify's default one.
  app.register(relayRoutes, { relay });

  await serveStatic(app, staticDirs);

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: `Nothing at ${request.method} ${request.url.split('?')[0].slice(0, 200)}.` });
  });

  app.setErrorHandler((error, request, reply) => {
    const status = error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 503;
    if (status >= 500) request.log.error(error);
    if (status >= 500 && !logger) console.error(`news-widgets-server: ${request.method} ${request.url}: ${error.message}`);
    let message = error.message;
    if (status === 503) message = 'The counter store is not answering; try again shortly.';
    else if (error.validationContext === 'body') message = `${message}: send a JSON object such as {"path": "/"} or {"path": "/", "heartbeat": true}.`;
    reply.code(status).send({ error: message });
  });

  return app;
}

/** What a log line says of a request: never the client's address. */
function requestForLog(request) {
  return { method: request.method, url: request.url, host: request.host };
}
