// The HTTP face: bad input gets a clear 4xx and changes nothing, CORS for the
// sites that embed the counter, the visitor's address only through a trusted
// proxy, no raw address kept, static files, and a store that fails.
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { startRedis, startServerProcess, tempDir } from '../scripts/processes.js';
import { browserAgent, counter } from './support.js';

const JSON_TYPE = { 'content-type': 'application/json' };

/** What Fastify's JSON parser refuses: `__proto__`, or `constructor.prototype`, at any depth. */
function pollutes(value) {
  if (value === null || typeof value !== 'object') return false;
  if (Object.hasOwn(value, '__proto__')) return true;
  if (value.constructor !== null && typeof value.constructor === 'object' && Object.hasOwn(value.constructor, 'prototype')) return true;
  return Object.values(value).some(pollutes);
}

describe('bad input', () => {
  const cases = [
    ['malformed JSON', { method: 'POST', headers: JSON_TYPE, payload: '{"path":' }, 400, /not valid JSON/],
    ['an empty JSON body', { method: 'POST', headers: JSON_TYPE, payload: '' }, 400, /empty/],
    ['no body at all', { method: 'POST' }, 400, /body must be object/],
    ['a JSON array', { method: 'POST', headers: JSON_TYPE, payload: '[1,2]' }, 400, /must be object/],
    ['JSON null', { method: 'POST', headers: JSON_TYPE, payload: 'null' }, 400, /must be object/],
    ['a number as path', { method: 'POST', headers: JSON_TYPE, payload: '{"path":5}' }, 400, /path must be string/],
    ['"true" as heartbeat', { method: 'POST', headers: JSON_TYPE, payload: '{"path":"/","heartbeat":"true"}' }, 400, /heartbeat must be boolean/],
    ['a body over 4 KB', { method: 'POST', headers: JSON_TYPE, payload: JSON.stringify({ path: '/', pad: 'x'.repeat(5000) }) }, 413, /too large/],
    ['a path of 2,049 characters', { method: 'POST', headers: JSON_TYPE, payload: JSON.stringify({ path: `/${'x'.repeat(2048)}` }) }, 400, /path must NOT have more than 2048/],
    ['a prototype-polluting body', { method: 'POST', headers: JSON_TYPE, payload: '{"path":"/","__proto__":{"heartbeat":true}}' }, 400, /./],
    ['XML', { method: 'POST', headers: { 'content-type': 'application/xml' }, payload: '<path>/</path>' }, 415, /Unsupported Media Type/],
    ['form data', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'path=/' }, 415, /Unsupported/],
    ['PUT', { method: 'PUT', headers: JSON_TYPE, payload: '{}' }, 405, /PUT is not allowed/],
    ['DELETE', { method: 'DELETE' }, 405, /DELETE is not allowed/],
    ['PATCH', { method: 'PATCH', headers: JSON_TYPE, payload: '{}' }, 405, /not allowed/],
    ['two site names', { method: 'GET', url: '/api/visits?site=a&site=b' }, 400, /site must be string/],
    ['a site name of 64 characters', { method: 'GET', url: `/api/visits?site=${'a'.repeat(64)}` }, 400, /site must NOT have more than 63/],
    ['an unknown site', { method: 'POST', url: '/api/visits?site=nowhere', headers: JSON_TYPE, payload: '{"path":"/"}' }, 404, /Unknown site "nowhere"/],
    ['another path', { method: 'GET', url: '/api/visit' }, 404, /Nothing at GET \/api\/visit/],
  ];

  it('counts a visit to the longest path the schema takes', async () => {
    const c = await counter('sqlite');
    try {
      // A long Vietnamese slug, percent-encoded as location.pathname gives it.
      const path = `/${'%E1%BB%87'.repeat(300)}`.slice(0, 2048);
      const response = await c.post(1, { path });
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().total, 1);
    } finally {
      await c.close();
    }
  });

  it('gets a clear 4xx and changes nothing', async () => {
    const c = await counter('sqlite');
    try {
      for (const [name, request, status, message] of cases) {
        const response = await c.app.inject({
          url: '/api/visits',
          remoteAddress: '127.0.0.9',
          ...request,
          headers: { 'user-agent': browserAgent(9), ...request.headers },
        });
        assert.equal(response.statusCode, status, `${name}: ${response.body}`);
        assert.match(response.headers['content-type'], /^application\/json/, name);
        assert.match(response.json().error, message, name);
        assert.deepEqual(await c.counts(), { total: 0, online: 0, today: 0 }, `${name} changed the counts`);
      }
      const allowed = await c.app.inject({ method: 'DELETE', url: '/api/visits' });
      assert.equal(allowed.headers.allow, 'GET, HEAD, POST');
    } finally {
      await c.close();
    }
  });

  it('takes a long path within the body limit', async () => {
    const c = await counter('sqlite');
    try {
      const response = await c.post(1, { path: `/${'a'.repeat(900)}` });
      assert.equal(response.statusCode, 200);
      assert.equal(response.json().total, 1);
    } finally {
      await c.close();
    }
  });

  it('never answers 5xx to any body, and only well-formed visits count', async () => {
    const c = await counter('sqlite');
    let expected = 0;
    let visitor = 1000;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.string({ maxLength: 300 }),
            fc.json({ maxDepth: 3 }),
            fc.record({ path: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), heartbeat: fc.oneof(fc.boolean(), fc.string()) }, { requiredKeys: [] }).map((value) => JSON.stringify(value)),
            fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
          ),
          fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8', 'application/octet-stream'),
          async (payload, type) => {
            const n = visitor++;
            const response = await c.app.inject({
              method: 'POST',
              url: '/api/visits',
              remoteAddress: '127.1.0.1',
              headers: { 'content-type': type, 'user-agent': browserAgent(n) },
              payload,
            });
            assert.ok(response.statusCode < 500, `${response.statusCode} for ${JSON.stringify(payload)}`);
            let body;
            try {
              body = JSON.parse(payload);
            } catch {
              body = undefined;
            }
            const wellFormed =
              type !== 'application/octet-stream' &&
              body !== null && typeof body === 'object' && !Array.isArray(body) &&
              (body.path === undefined || typeof body.path === 'string') &&
              (body.heartbeat === undefined || typeof body.heartbeat === 'boolean') &&
              !pollutes(body) &&
              Buffer.byteLength(payload) <= 1024;
            assert.equal(response.statusCode === 200, wellFormed, `${response.statusCode} ${response.body} for ${payload}`);
            if (wellFormed && body.heartbeat !== true) expected++;
            assert.equal((await c.counts()).total, expected);
          },
        ),
        { numRuns: 300 },
      );
    } finally {
      await c.close();
    }
  });

  it('accepts JSON sent as text/plain, as navigator.sendBeacon sends it', async () => {
    const c = await counter('sqlite');
    try {
      const response = await c.post(1, '{"path":"/tin-tuc"}', { headers: { 'content-type': 'text/plain;charset=UTF-8' } });
      assert.equal(response.statusCode, 200);
      assert.equal(response.json().total, 1);
      const broken = await c.post(2, 'hello', { headers: { 'content-type': 'text/plain' } });
      assert.equal(broken.statusCode, 400);
    } finally {
      await c.close();
    }
  });
});

describe('CORS', () => {
  const preflight = (app, origin) =>
    app.inject({
      method: 'OPTIONS',
      url: '/api/visits',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it('lets the listed origins read and post, and no one else', async () => {
    const c = await counter('sqlite', { appOptions: { origins: ['https://phuonga.gov.vn', 'https://xab.gov.vn'] } });
    try {
      const allowed = await preflight(c.app, 'https://phuonga.gov.vn');
      assert.equal(allowed.statusCode, 204);
      assert.equal(allowed.headers['access-control-allow-origin'], 'https://phuonga.gov.vn');
      assert.match(allowed.headers['access-control-allow-methods'], /POST/);
      assert.match(allowed.headers['access-control-allow-headers'], /Content-Type/i);
      assert.equal(allowed.headers['access-control-max-age'], '7200');
      const get = await c.app.inject({ url: '/api/visits', headers: { origin: 'https://xab.gov.vn' } });
      assert.equal(get.headers['access-control-allow-origin'], 'https://xab.gov.vn');
      assert.match(get.headers.vary, /Origin/);

      const refused = await preflight(c.app, 'https://evil.example');
      assert.equal(refused.headers['access-control-allow-origin'], undefined);
      const refusedGet = await c.app.inject({ url: '/api/visits', headers: { origin: 'https://evil.example' } });
      assert.equal(refusedGet.headers['access-control-allow-origin'], undefined);
    } finally {
      await c.close();
    }
  });

  it('with *, any origin; with none, no CORS headers at all', async () => {
    const open = await counter('sqlite', { appOptions: { origins: ['*'] } });
    const closed = await counter('sqlite');
    try {
      const any = await open.app.inject({ url: '/api/visits', headers: { origin: 'https://anywhere.vn' } });
      assert.equal(any.headers['access-control-allow-origin'], '*');
      const none = await closed.app.inject({ url: '/api/visits', headers: { origin: 'https://anywhere.vn' } });
      assert.equal(none.statusCode, 200);
      assert.equal(none.headers['access-control-allow-origin'], undefined);
      const noPreflight = await preflight(closed.app, 'https://anywhere.vn');
      assert.equal(noPreflight.headers['access-control-allow-origin'], undefined);
      assert.ok(noPreflight.statusCode >= 200 && noPreflight.statusCode < 500);
    } finally {
      await open.close();
      await closed.close();
    }
  });
});

describe('visitors', () => {
  it('believes X-Forwarded-For only from a trusted proxy', async () => {
    const direct = await counter('sqlite');
    const proxied = await counter('sqlite', { appOptions: { trustProxy: '127.0.0.1' } });
    try {
      for (const c of [direct, proxied]) {
        for (const forwarded of ['127.5.5.1', '127.5.5.2', '127.5.5.3']) {
          await c.app.inject({
            method: 'POST',
            url: '/api/visits',
            remoteAddress: '127.0.0.1',
            headers: { 'user-agent': browserAgent(1), 'x-forwarded-for': forwarded },
            payload: { path: '/' },
          });
        }
      }
      assert.equal((await direct.counts()).total, 1, 'a client cannot pose as many visitors');
      assert.equal((await proxied.counts()).total, 3, 'behind the proxy each forwarded address is a visitor');
    } finally {
      await direct.close();
      await proxied.close();
    }
  });

  it('keeps no address or user agent, only salted hashes', async () => {
    const c = await counter('sqlite');
    const address = '127.77.88.99';
    const agent = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0 UniqueAgentMarker';
    try {
      const response = await c.app.inject({
        method: 'POST',
        url: '/api/visits',
        remoteAddress: address,
        headers: { 'user-agent': agent },
        payload: { path: '/' },
      });
      assert.equal(response.json().total, 1);
      const visitors = c.store.db.prepare('SELECT visitor FROM visitors').pluck().all();
      assert.equal(visitors.length, 1);
      assert.match(visitors[0], /^[\w-]{22}$/);
      for (const file of readdirSync(c.dir)) {
        const bytes = readFileSync(`${c.dir}/${file}`);
        assert.equal(bytes.indexOf(address), -1, `${file} holds the address`);
        assert.equal(bytes.indexOf('127.77'), -1, `${file} holds part of the address`);
        assert.equal(bytes.indexOf('UniqueAgentMarker'), -1, `${file} holds the user agent`);
      }
    } finally {
      await c.close();
    }
  });
});

describe('static files', () => {
  it('serves folders beside the API, at their prefixes', async () => {
    const { dir: site, remove } = tempDir('nw-site-');
    mkdirSync(`${site}/dist`, { recursive: true });
    writeFileSync(`${site}/index.html`, '<!doctype html><title>Phường</title><news-visit-counter></news-visit-counter>');
    writeFileSync(`${site}/dist/app.js`, 'export {};');
    const served = await counter('sqlite', {
      appOptions: { staticDirs: [{ prefix: '/', root: site }, { prefix: '/dist/', root: `${site}/dist` }] },
    });
    try {
      const page = await served.app.inject('/');
      assert.equal(page.statusCode, 200);
      assert.match(page.headers['content-type'], /text\/html/);
      assert.match(page.body, /news-visit-counter/);
      const script = await served.app.inject('/dist/app.js');
      assert.equal(script.statusCode, 200);
      assert.match(script.headers['content-type'], /javascript/);
      assert.equal((await served.app.inject('/../package.json')).statusCode, 404);
      assert.equal((await served.app.inject('/api/visits')).statusCode, 200);
    } finally {
      await served.close();
      remove();
    }
  });
});

describe('a slow client', () => {
  it('gets 408 when its request does not arrive in time', async () => {
    const c = await counter('sqlite', { appOptions: { requestTimeout: 500 } });
    try {
      await c.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = c.app.server.address();
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      socket.setEncoding('utf8').on('data', (chunk) => (answer += chunk));
      const closed = new Promise((resolve) => socket.on('close', resolve));
      socket.write(`POST /api/visits HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: ${browserAgent(1)}\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{"pa`);
      const started = Date.now();
      await closed;
      assert.match(answer, /^HTTP\/1\.1 408/);
      assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
      assert.equal((await c.counts()).total, 0);
    } finally {
      await c.close();
    }
  });

  it('does not keep the process from stopping on SIGTERM', async () => {
    const { dir, remove } = tempDir();
    const server = await startServerProcess(['--db', `${dir}/visits.db`]);
    try {
      const { port } = new URL(server.url);
      const socket = connect(Number(port), '127.0.0.1');
      socket.on('error', () => {});
      await new Promise((resolve) => socket.on('connect', resolve));
      socket.write('POST /api/visits HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = Date.now();
      const exited = new Promise((resolve) => server.child.once('exit', (code) => resolve(code)));
      server.child.kill('SIGTERM');
      assert.equal(await exited, 0);
      assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms to stop`);
      socket.destroy();
    } finally {
      await server.stop();
      remove();
    }
  });
});

describe('a store that fails', () => {
  it('answers 503 while Redis is away, never crashes, and counts again when it is back', async () => {
    const redis = await startRedis();
    const c = await counter('redis', { redisUrl: redis.url });
    try {
      assert.equal((await c.visit(1)).total, 1);
      await redis.kill();
      const down = await c.post(2);
      assert.equal(down.statusCode, 503);
      assert.match(down.json().error, /not answering/);
      assert.equal((await c.app.inject('/api/visits')).statusCode, 503);
      await redis.restart();
      // The new Redis is empty (no persistence in the test): it counts from there.
      let back;
      for (let attempt = 0; attempt < 50; attempt++) {
        back = await c.post(3);
        if (back.statusCode === 200) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.equal(back.statusCode, 200, back.body);
      assert.equal(back.json().total, 1);
    } finally {
      await c.close();
      await redis.stop();
    }
  });
});
