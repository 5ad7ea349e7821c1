// Prometheus metrics (prom-client), each app with its own registry. Off
// unless --metrics: then app.newsMetrics is a set of functions that do
// nothing, so code that counts can always call them.
import client from 'prom-client';

const noop = () => {};

/** What the rest of the server calls to count things; all no-ops when metrics are off. */
export const NO_METRICS = Object.freeze({
  registry: undefined,
  /** A request answered: its route pattern, method, status and time. */
  request: noop,
  /** A visit counted on `site`. */
  visitCounted: noop,
  /** A new visitor refused by --max-new-per-ip on `site`. */
  newVisitorRefused: noop,
  /**
   * The feed relay's cache, for the relay route to call: `result` is
   * 'hit' (a fresh copy), 'miss' (fetched upstream) or 'stale' (a copy served
   * because upstream failed).
   */
  relayCache: noop,
});

export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'news_' });
  const registers = [registry];
  const requests = new client.Counter({
    name: 'news_http_requests_total', help: 'HTTP requests answered, by route, method and status', labelNames: ['route', 'method', 'status'], registers,
  });
  const duration = new client.Histogram({
    name: 'news_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route',
    labelNames: ['route', 'method'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers,
  });
  const visits = new client.Counter({ name: 'news_visits_counted_total', help: 'Visits counted, by site', labelNames: ['site'], registers });
  const refused = new client.Counter({
    name: 'news_new_visitors_refused_total', help: 'New visitors answered but not counted: their address was over --max-new-per-ip', labelNames: ['site'], registers,
  });
  const relay = new client.Counter({
    name: 'news_relay_cache_total', help: 'Feed relay answers by where they came from (hit, miss, revalidated, stale)', labelNames: ['result'], registers,
  });
  return {
    registry,
    request(route, method, status, seconds) {
      requests.inc({ route, method, status });
      duration.observe({ route, method }, seconds);
    },
    visitCounted: (site) => visits.inc({ site }),
    newVisitorRefused: (site) => refused.inc({ site }),
    relayCache: (result) => relay.inc({ result }),
  };
}

/** Registers GET /metrics and the hook that measures every request. */
export function serveMetrics(app, metrics) {
  app.addHook('onResponse', (request, reply, done) => {
    // The route's pattern, never the raw URL: a URL per label would grow without end.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.request(route, request.method, String(reply.statusCode), reply.elapsedTime / 1000);
    done();
  });
  app.get('/metrics', async (request, reply) => {
    reply.header('Content-Type', metrics.registry.contentType).header('Cache-Control', 'no-store');
    return metrics.registry.metrics();
  });
}
