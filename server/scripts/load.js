// A small, bounded load generator for the counter server: `count` requests,
// at most `concurrency` in flight, to loopback addresses only, stopping by
// itself after `timeLimitMs`. Visitor i is distinct from every other: its
// own user agent and its own (loopback) X-Forwarded-For address, which the
// server believes only when started with --trust-proxy.
import http from 'node:http';

const LOOPBACK = /^(127(\.\d{1,3}){3}|localhost|\[::1\])$/;

/** Headers of visitor `i` of a run: a browser-like agent and a forwarded address. */
export function visitHeaders(i, run = 'a') {
  return {
    'user-agent': `Mozilla/5.0 (X11; Linux x86_64) NewsWidgetsLoad/${run}.${i}`,
    'x-forwarded-for': `127.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
  };
}

/**
 * @param {object} options
 * @param {string[]} options.urls endpoints, taken in turn (a round-robin balancer)
 * @param {number} options.count requests to send
 * @param {number} [options.concurrency] requests in flight at once
 * @param {(i: number) => Record<string, string>} [options.headers] headers of request i
 * @param {string} [options.method]
 * @param {string | ((i: number) => string)} [options.body] the body, or the body of request i
 * @param {number} [options.timeLimitMs] stop sending after this long
 * @param {(acknowledged: number) => void} [options.onAcknowledged] called after each 200
 * @returns {Promise<{ acknowledged: number[], failed: number, errors: Record<string, number>, seconds: number, perSecond: number }>}
 */
export async function runLoad({
  urls,
  count,
  concurrency = 100,
  headers = (i) => visitHeaders(i),
  method = 'POST',
  body = '{"path":"/"}',
  timeLimitMs = 120_000,
  onAcknowledged,
}) {
  const targets = urls.map((url) => new URL(url));
  for (const target of targets) {
    if (!LOOPBACK.test(target.hostname)) throw new Error(`The load generator only sends to loopback addresses, not ${target.hostname}.`);
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const acknowledged = [];
  const errors = {};
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + timeLimitMs;
  const fixed = method === 'GET' || typeof body === 'function' ? undefined : Buffer.from(body);
  const payloadOf = (i) => (method === 'GET' ? undefined : (fixed ?? Buffer.from(body(i))));

  const send = (i) =>
    new Promise((resolve) => {
      const target = targets[i % targets.length];
      const payload = payloadOf(i);
      const fail = (reason) => {
        failed++;
        errors[reason] = (errors[reason] ?? 0) + 1;
        resolve();
      };
      const request = http.request(target, {
        method,
        agent,
        timeout: 10_000,
        headers: {
          ...headers(i),
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
        },
      });
      request.on('response', (response) => {
        response.resume();
        response.on('end', () => {
          if (response.statusCode === 200) {
            acknowledged.push(i);
            onAcknowledged?.(acknowledged.length);
            resolve();
          } else fail(`HTTP ${response.statusCode}`);
        });
        response.on('error', (error) => fail(error.code ?? error.message));
      });
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', (error) => fail(error.code ?? error.message));
      request.end(payload);
    });

  const worker = async () => {
    while (next < count && performance.now() < deadline) await send(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  return { acknowledged, failed, errors, seconds, perSecond: Math.round(acknowledged.length / seconds) };
}

/** GETs one URL and parses its JSON. */
export async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return response.json();
}
