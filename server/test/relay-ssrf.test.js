// The relay never becomes a way into the server's own network: a listed
// name that resolves to a private, loopback, link-local or metadata address
// is refused (403) before any connection is made, and so is every redirect
// to one, unless the operator listed that exact host.
//
// Names are mapped to addresses by a lookup function given to the relay (as
// a resolver would answer them), and every TCP connect of this process is
// watched below net.Socket: a connection to anything off loopback is
// refused there before a packet leaves, so this file never reaches 10.x,
// 169.254.x or any other machine even if the relay were wrong.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { fakeLookup, feedServer, guardConnections, relayApp, rss } from '../scripts/relay-support.js';

const PRIVATE = {
  'loopback.feeds.test': '127.0.0.1',
  'loopback6.feeds.test': '::1',
  'mapped.feeds.test': '::ffff:127.0.0.1',
  'ten.feeds.test': '10.0.0.5',
  'lan.feeds.test': '192.168.1.20',
  'metadata.feeds.test': '169.254.169.254',
  'unspecified.feeds.test': '0.0.0.0',
  'cgnat.feeds.test': '100.64.0.1',
  'ula.feeds.test': 'fd00::1',
  'linklocal6.feeds.test': 'fe80::1',
};

describe('relay: addresses it does not contact', () => {
  let guard;
  let upstream;
  let lookups;
  before(async () => {
    upstream = await feedServer((request, response) => {
      if (request.url === '/to-ip') {
        response.writeHead(302, { location: `http://127.0.0.1:${upstream.port}/rss` });
        response.end();
      } else if (request.url === '/to-name') {
        response.writeHead(301, { location: `http://evil.localhost:${upstream.port}/rss` });
        response.end();
      } else if (request.url === '/to-metadata') {
        response.writeHead(307, { location: 'http://metadata.feeds.test/latest/meta-data/' });
        response.end();
      } else {
        response.writeHead(200, { 'content-type': 'application/rss+xml' });
        response.end(rss());
      }
    });
  });
  after(() => upstream.stop());
  beforeEach(() => {
    lookups = [];
  });

  /** The relay with `hosts`, resolving names through PRIVATE and `names`, logging each lookup. */
  const relayWith = (hosts, names = {}) => {
    const answer = fakeLookup({ ...PRIVATE, ...names });
    return relayApp({
      hosts,
      lookup: (hostname, options, callback) => {
        lookups.push(hostname);
        answer(hostname, options, callback);
      },
    });
  };

  /** Runs `body` with the connect guard on; resolves to what it saw. */
  async function watched(body) {
    guard = guardConnections();
    try {
      await body();
    } finally {
      guard.uninstall();
    }
    return guard;
  }

  it('refuses each private, loopback, link-local and metadata address a wildcard-listed name resolves to, with no connection', async () => {
    const r = await relayWith(['*.feeds.test']);
    try {
      const seen = await watched(async () => {
        for (const name of Object.keys(PRIVATE)) {
          const response = await r.get(`http://${name}:${upstream.port}/rss`);
          assert.equal(response.statusCode, 403, `${name}: ${response.body}`);
          assert.match(response.json().error, /private, loopback or link-local address/);
        }
      });
      assert.deepEqual(lookups, Object.keys(PRIVATE), 'each name was resolved, and refused at that point');
      assert.deepEqual(seen.attempts, [], 'no TCP connect was even tried');
      assert.equal(upstream.connections, 0);
      assert.equal(r.relay.stats.refused, Object.keys(PRIVATE).length);
    } finally {
      await r.close();
    }
  });

  it('refuses 127.0.0.1, [::1], 10.0.0.5 and 169.254.169.254 as URLs when they are not listed exactly', async () => {
    const r = await relayWith(['*.feeds.test', 'tinh.gov.vn']);
    try {
      const seen = await watched(async () => {
        for (const url of [`http://127.0.0.1:${upstream.port}/rss`, `http://[::1]:${upstream.port}/rss`, 'http://10.0.0.5/rss', 'http://169.254.169.254/latest/meta-data/', 'http://2130706433/', 'http://0x7f.1/']) {
          const response = await r.get(url);
          assert.equal(response.statusCode, 403, url);
          assert.match(response.json().error, /does not serve feeds of/);
        }
      });
      assert.deepEqual(seen.attempts, []);
      assert.deepEqual(lookups, []);
    } finally {
      await r.close();
    }
  });

  it('refuses a name under *.localhost that resolves to 127.0.0.1, but relays a host the operator listed exactly', async () => {
    const r = await relayWith(['*.localhost', 'cms.intranet'], { 'evil.localhost': '127.0.0.1', 'cms.intranet': '127.0.0.1' });
    try {
      const seen = await watched(async () => {
        const evil = await r.get(`http://evil.localhost:${upstream.port}/rss`);
        assert.equal(evil.statusCode, 403);
        assert.equal(upstream.connections, 0, 'the feed server saw no connection');
        const chosen = await r.get(`http://cms.intranet:${upstream.port}/rss`);
        assert.equal(chosen.statusCode, 200, chosen.body);
        assert.equal(chosen.body, rss());
      });
      assert.deepEqual(seen.attempts, ['127.0.0.1'], 'one connection, to the listed intranet host');
    } finally {
      await r.close();
    }
  });

  it('checks every redirect again: to an unlisted 127.0.0.1, to a wildcard name on loopback, to the metadata address', async () => {
    const r = await relayWith(['cms.intranet', '*.localhost', '*.feeds.test'], { 'evil.localhost': '127.0.0.1', 'cms.intranet': '127.0.0.1' });
    try {
      const before = upstream.requests.length;
      const seen = await watched(async () => {
        const toIp = await r.get(`http://cms.intranet:${upstream.port}/to-ip`);
        assert.equal(toIp.statusCode, 403);
        assert.match(toIp.json().error, /redirected to 127\.0\.0\.1, which this relay does not serve/);
        for (const path of ['/to-name', '/to-metadata']) {
          const response = await r.get(`http://cms.intranet:${upstream.port}${path}`);
          assert.equal(response.statusCode, 403, path);
          assert.match(response.json().error, /private, loopback or link-local address/);
        }
      });
      assert.deepEqual(upstream.requests.slice(before).map((request) => request.url), ['/to-ip', '/to-name', '/to-metadata'], 'no redirect was followed');
      assert.ok(seen.attempts.every((address) => address === '127.0.0.1'), seen.attempts.join());
      assert.ok(lookups.includes('evil.localhost') && lookups.includes('metadata.feeds.test'));
    } finally {
      await r.close();
    }
  });

  it('refuses a name with a public and a private address among its answers', async () => {
    const r = await relayApp({
      hosts: ['*.feeds.test'],
      lookup: (hostname, options, callback) => {
        const all = [{ address: '203.0.113.10', family: 4 }, { address: '10.0.0.5', family: 4 }];
        process.nextTick(() => (options.all ? callback(null, all) : callback(null, all[1].address, 4)));
      },
    });
    try {
      const seen = await watched(async () => {
        const response = await r.get('http://mixed.feeds.test/rss');
        assert.equal(response.statusCode, 403);
      });
      assert.deepEqual(seen.attempts, []);
    } finally {
      await r.close();
    }
  });
});
