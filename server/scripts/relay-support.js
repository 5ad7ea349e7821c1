// What the relay's tests, proofs and benchmark share: a feed server on
// 127.0.0.1 that counts what it is sent, the relay in-process on a clock the
// caller moves, and a guard that keeps every TCP connection on loopback.
import http from 'node:http';
import { buildApp } from '../src/app.js';
import { createRelay } from '../src/relay/index.js';

/**
 * A feed server on 127.0.0.1 (a free port). `handler(request, response)`
 * answers; every request is recorded in `requests` (url and headers) and
 * every accepted connection counted in `connections`. `stop()` closes it
 * (`start()` again on the same port).
 */
export async function feedServer(handler) {
  const state = { requests: [], connections: 0, handler };
  const server = http.createServer((request, response) => {
    state.requests.push({ url: request.url, headers: request.headers });
    state.handler(request, response);
  });
  server.keepAliveTimeout = 1000;
  server.on('connection', () => state.connections++);
  const listen = (port = 0) =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen();
  const { port } = server.address();
  return Object.assign(state, {
    port,
    origin: `http://127.0.0.1:${port}`,
    url: (path = '/rss') => `http://127.0.0.1:${port}${path}`,
    start: () => listen(port),
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}

/** An RSS document of `items` Vietnamese items, as a string. */
export function rss(items = 2, { title = 'Tin tỉnh', pad = 0 } = {}) {
  const entries = Array.from({ length: items }, (_, i) =>
    `<item><title>Tin số ${i + 1}: Hội nghị triển khai nhiệm vụ</title><link>/tin/${i + 1}</link><description>&lt;img src="/uploads/${i + 1}.jpg"&gt; Tóm tắt ${i + 1}</description><pubDate>Tue, 10 Mar 2026 0${i % 10}:00:00 +0700</pubDate></item>`,
  ).join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${title}</title>${entries}${'<!-- pad -->'.repeat(pad)}</channel></rss>`;
}

/**
 * The relay and the app around it, with `clock.now` as its clock.
 * `get(feedUrl, options)` is a GET /api/feed?url=… through Fastify's inject.
 */
export async function relayApp({ appOptions = {}, ...relayOptions } = {}) {
  const clock = { now: Date.UTC(2026, 2, 10, 3, 0) };
  const relay = createRelay({ now: () => clock.now, ...relayOptions });
  // The counter's store is not used by /api/feed.
  const app = await buildApp({ store: {}, relay, ...appOptions });
  const get = (feedUrl, { headers = {}, remoteAddress } = {}) =>
    app.inject({
      method: 'GET',
      url: feedUrl === undefined ? '/api/feed' : `/api/feed?url=${encodeURIComponent(feedUrl)}`,
      headers,
      ...(remoteAddress ? { remoteAddress } : {}),
    });
  return {
    app,
    relay,
    clock,
    get,
    async close() {
      await app.close();
      await relay.close();
    },
  };
}

/** A dns.lookup stand-in that answers from `names` ({ host: address }) and fails for the rest. */
export function fakeLookup(names) {
  return (hostname, options, callback) => {
    if (typeof options === 'function') [options, callback] = [{}, options];
    const address = names[hostname];
    const family = address?.includes(':') ? 6 : 4;
    process.nextTick(() => {
      if (!address) callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
      else if (options.all) callback(null, [{ address, family }]);
      else callback(null, address, family);
    });
  };
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * Watches every TCP connect of this process, at the level below net.Socket
 * where the packets start: records each address in `attempts`, and refuses
 * (EACCES, nothing sent) any address off loopback, so a test of the relay
 * can neither reach nor probe another machine even if the relay were wrong.
 * `uninstall()` puts things back. `allow` is for testing the guard itself.
 */
export function guardConnections({ allow = LOOPBACK } = {}) {
  // process.binding is the public door to the TCP handle net uses inside.
  const { TCP } = process.binding('tcp_wrap');
  const connect = TCP.prototype.connect;
  const connect6 = TCP.prototype.connect6;
  const guard = { attempts: [], blocked: [] };
  const wrap = (original) =>
    function guarded(request, address, port, ...rest) {
      guard.attempts.push(address);
      if (!allow.test(address)) {
        guard.blocked.push(address);
        return -13; // UV_EACCES: the socket fails before anything is sent
      }
      return original.call(this, request, address, port, ...rest);
    };
  TCP.prototype.connect = wrap(connect);
  TCP.prototype.connect6 = wrap(connect6);
  guard.uninstall = () => {
    TCP.prototype.connect = connect;
    TCP.prototype.connect6 = connect6;
  };
  return guard;
}
