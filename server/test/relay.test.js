// The feed relay, GET /api/feed?url=…: bytes passed through, one upstream
// request for many visitors, revalidation, stale copies, limits, headers
// that keep a relayed page from running, the rate limit on misses, and
// copies shared through Redis. Every feed server here is on 127.0.0.1.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { parseOptions } from '../src/cli.js';
import { startRedis } from '../scripts/processes.js';
import { feedServer, guardConnections, relayApp, rss } from '../scripts/relay-support.js';

const RSS_TYPE = 'application/rss+xml; charset=utf-8';
const TTL = 300;
const MB = 1024 * 1024;

/** A feed server answering `body` with an ETag, and 304 when it is sent back. */
function etagFeed(body = rss(3), { type = RSS_TYPE, etag = '"v1"', delayMs = 0 } = {}) {
  const state = { body, etag };
  const handler = (request, response) => {
    setTimeout(() => {
      if (request.headers['if-none-match'] === state.etag) {
        response.writeHead(304, { etag: state.etag });
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': type, etag: state.etag });
      response.end(state.body);
    }, delayMs);
  };
  return { state, handler };
}

let guard;
before(() => {
  guard = guardConnections();
});
after(() => {
  guard.uninstall();
  assert.deepEqual(guard.blocked, [], 'no test tried to leave loopback');
});

describe('relay: off, bad requests, hosts not listed', () => {
  it('is off (404 with a message) when no host is listed', async () => {
    const r = await relayApp({ hosts: [] });
    try {
      const response = await r.get('http://127.0.0.1/rss');
      assert.equal(response.statusCode, 404);
      assert.match(response.json().error, /relay is off.*--feed-host/);
      assert.equal(response.headers['content-security-policy'], "sandbox; default-src 'none'");
    } finally {
      await r.close();
    }
  });

  it('answers 400 for a missing, malformed or non-http(s) url and 403 for a host not listed, each with a JSON error', async () => {
    const upstream = await feedServer((request, response) => response.end(rss()));
    const r = await relayApp({ hosts: ['127.0.0.1', '*.tinh.gov.vn'] });
    try {
      const cases = [
        [undefined, 400, /Missing url/],
        ['', 400, /Missing url/],
        ['tin-tuc/rss', 400, /not an absolute URL/],
        ['ftp://127.0.0.1/rss', 400, /Only http and https/],
        ['javascript:alert(1)', 400, /Only http and https/],
        ['file:///etc/passwd', 400, /Only http and https/],
        [`http://user:secret@127.0.0.1:${upstream.port}/rss`, 400, /user name or password/],
        [`http://${'a'.repeat(2100)}.vn/`, 400, /longer than 2048/],
        ['https://example.com/rss', 403, /does not serve feeds of example\.com/],
        ['https://tinh.gov.vn/rss', 403, /does not serve feeds of tinh\.gov\.vn/],
        ['https://tinh.gov.vn.evil.com/rss', 403, /does not serve/],
        ['http://localhost/rss', 403, /does not serve feeds of localhost/],
      ];
      for (const [url, status, message] of cases) {
        const response = await r.get(url);
        assert.equal(response.statusCode, status, `${url}: ${response.body}`);
        assert.match(response.json().error, message, url);
        assert.equal(response.headers['x-content-type-options'], 'nosniff');
        assert.equal(response.headers['content-security-policy'], "sandbox; default-src 'none'");
        assert.equal(response.headers['cache-control'], 'no-store');
      }
      const two = await r.app.inject({ url: `/api/feed?url=${encodeURIComponent(upstream.url())}&url=x` });
      assert.equal(two.statusCode, 400);
      assert.match(two.json().error, /one url/);
      assert.equal(upstream.requests.length, 0, 'nothing was asked upstream');
      assert.equal(r.relay.stats.refused, 4);
    } finally {
      await r.close();
      await upstream.stop();
    }
  });

  it('reads --feed-host, NEWS_FEED_HOSTS and the other relay options', () => {
    const options = parseOptions(['--feed-host', 'tinh.gov.vn,*.tinh.gov.vn', '--feed-host', 'Xã.VN', '--feed-ttl', '120', '--feed-max-bytes', '2MB', '--feed-cache-bytes', '512kb', '--feed-rate', '30'], {});
    assert.deepEqual(options.feedHosts, ['tinh.gov.vn', '*.tinh.gov.vn', 'xn--x-yfa.vn']);
    assert.equal(options.feedTtl, 120);
    assert.equal(options.feedMaxBytes, 2 * MB);
    assert.equal(options.feedCacheBytes, 512 * 1024);
    assert.equal(options.feedRate, 30);
    const fromEnv = parseOptions([], { NEWS_FEED_HOSTS: 'a.vn, *.b.vn' });
    assert.deepEqual(fromEnv.feedHosts, ['a.vn', '*.b.vn']);
    assert.equal(fromEnv.feedTtl, 300);
    assert.equal(fromEnv.feedMaxBytes, 5 * MB);
    assert.equal(fromEnv.feedCacheBytes, 64 * MB);
    assert.deepEqual(parseOptions([], {}).feedHosts, []);
    assert.throws(() => parseOptions(['--feed-host', 'https://tinh.gov.vn/rss'], {}), /not a host name/);
    assert.throws(() => parseOptions(['--feed-ttl', 'soon'], {}), /--feed-ttl must be a whole number/);
    assert.throws(() => parseOptions(['--feed-max-bytes', 'lots'], {}), /--feed-max-bytes must be a size/);
  });
});

describe('relay: what passes through', () => {
  it('passes windows-1258 bytes unchanged with their Content-Type, and sends the visitor nothing of its own upstream', async () => {
    // "Tin tức Phường" in windows-1258: bytes above 0x7F that UTF-8 would mangle.
    const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1258"?><rss><channel><title>Tin t'), Buffer.from([0xf6, 0xde, 0x63, 0x20, 0x50, 0x68, 0xfd, 0xf5, 0xd2, 0x6e, 0x67]), Buffer.from('</title></channel></rss>')]);
    const upstream = await feedServer((request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=windows-1258', 'set-cookie': 'upstream=1' });
      response.end(bytes);
    });
    const r = await relayApp({ hosts: ['127.0.0.1'] });
    try {
      const response = await r.get(upstream.url(), {
        headers: { cookie: 'session=secret', authorization: 'Bearer secret', referer: 'https://phuonga.gov.vn/', 'x-forwarded-for': '203.0.113.9', 'user-agent': 'Mozilla/5.0 visitor' },
      });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.rawPayload, bytes);
      assert.equal(response.headers['content-type'], 'application/rss+xml; charset=windows-1258');
      assert.equal(response.headers['x-news-relay'], 'miss');
      assert.equal(response.headers['cache-control'], `public, max-age=${TTL}`);
      assert.equal(response.headers['set-cookie'], undefined, 'no cookie of the feed server reaches the visitor');
      const sent = upstream.requests[0].headers;
      assert.deepEqual(Object.keys(sent).sort(), ['accept', 'accept-encoding', 'connection', 'host', 'user-agent']);
      assert.match(sent['user-agent'], /^news-widgets-server\/\d+\.\d+\.\d+ \(\+feed relay\)$/);
    } finally {
      await r.close();
      await upstream.stop();
    }
  });

  it('puts nosniff and a sandbox CSP on a relayed HTML page, and on errors', async () => {
    const upstream = await feedServer((request, response) => {
      if (request.url === '/missing') {
        response.writeHead(404, { 'content-type': 'text/html' });
        response.end('<h1>404</h1>');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<html><script>document.cookie</script></html>');
    });
    const r = await relayApp({ hosts: ['127.0.0.1'] });
    try {
      const page = await r.get(upstream.url('/page'));
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
      assert.equal(page.headers['content-security-policy'], "sandbox; default-src 'none'");
      assert.equal(page.headers['x-content-type-options'], 'nosniff');
      const missing = await r.get(upstream.url('/missing'));
      assert.equal(missing.statusCode, 502);
      assert.deepEqual(missing.json(), { error: "The feed's server answered 404 Not Found.", upstreamStatus: 404 });
      assert.equal(missing.headers['content-security-policy'], "sandbox; default-src 'none'");
      assert.equal(missing.headers['content-type'], 'application/json; charset=utf-8');
    } finally {
      await r.close();
      await upstream.stop();
    }
  });

  it('compresses for a browser that accepts br or gzip, and reads a gzip-encoded feed', async () => {
    const body = rss(40);
    const upstream = await feedServer((request, response) => {
      if (request.url === '/gz') {
        response.writeHead(200, { 'content-type': RSS_TYPE, 'content-encoding': 'gzip' });
        response.end(gzipSync(body));
        return;
      }
      response.writeHead(200, { 'content-type': RSS_TYPE });
      response.end(body);
    });
    const r = await relayApp({ hosts: ['127.0.0.1'] });
    try {
      const br = await r.get(upstream.url(), { headers: { 'accept-encoding': 'br, gzip' } });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.match(br.headers.vary, /accept-encoding/i);
      assert.equal(brotliDecompressSync(br.rawPayload).toString(), body);
      assert.ok(br.rawPayload.length < body.length / 4, `br ${br.rawPayload.length} of ${body.length} bytes`);
      const gzip = await r.get(upstream.url(), { headers: { 'accept-encoding': 'gzip' } });
      assert.equal(gzip.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gzip.rawPayload).toString(), body);
      const plain = await r.get(upstream.url());
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(plain.body, body);
      const decoded = await r.get(upstream.url('/gz'));
      assert.equal(decoded.headers['content-encoding'], undefined);
      assert.equal(decoded.body, body, 'a gzip-encoded upstream body is relayed decoded');
      assert.equal(upstream.requests.length, 2, 'three answers from one copy');
    } finally {
      await r.close();
      await upstream.stop();
    }
  });

  it('lets the --origin sites read it, X-News-Relay included', async () => {
    const upstream = await feedServer((request, response) => response.end(rss()));
    const r = await relayApp({ hosts: ['127.0.0.1'], appOptions: { origins: ['https://phuonga.gov.vn'] } });
    try {
      const listed = await r.get(upstream.url(), { headers: { origin: 'https://phuonga.gov.vn' } });
      assert.equal(listed.headers['access-control-allow-origin'], 'https://phuonga.gov.vn');
      assert.match(listed.headers['access-control-expose-headers'], /X-News-Relay/);
      const other = await r.get(upstream.url(), { headers: { origin: 'https://evil.example' } });
      assert.equal(other.headers['access-control-allow-origin'], undefined);
    } finally {
      await r.close();
      await upstream.stop();
    }
  });
});

describe('relay: the cache', () => {
  it('makes exactly one upstream request for 1,000 concurrent requests, then revalidates with If-None-Match after the TTL', async () => {
    const feed = etagFeed(rss(5), { delayMs: 150 });
    const upstream = await feedServer(feed.handler);
    const r = await relayApp({ hosts: ['127.0.0.1'] });
    try {
      const responses = await Promise.all(Array.from({ length: 1000 }, () => r.get(upstream.url())));
      assert.equal(upstream.requests.length, 1, 'one upstream request');
      assert.ok(responses.every((response) => response.statusCode === 200 && response.body === feed.state.body));
      assert.equal(responses.filter((response) => response.headers['x-news-relay'] === 'miss').length, 1);
      assert.equal(r.relay.stats.misses, 1);
      assert.equal(r.relay.stats.joined + r.relay.stats.hits, 999);

      r.clock.now += (TTL - 1) * 1000;
      assert.equal((await r.get(upstream.url())).headers['x-news-relay'], 'hit');
      assert.equal(upstream.requests.length, 1, 'fresh for the whole TTL');

      r.clock.now += 2000;
      const again = await Promise.all(Array.from({ length: 200 }, () => r.get(upstream.url())));
      assert.equal(upstream.requests.length, 2, 'one revalidation for 200 requests');
      assert.equal(upstream.requests[1].headers['if-none-match'], '"v1"');
      assert.ok(again.every((response) => response.statusCode === 200 && response.body === feed.state.body));
      assert.equal(r.relay.stats.revalidated, 1);
      assert.equal((await r.get(upstream.url())).headers['x-news-relay'], 'hit', 'the 304 made the copy fresh again');

      feed.state.body = rss(6);
      feed.state.etag = '"v2"';
      r.clock.now += (TTL + 1) * 1000;
      const changed = await r.get(upstream.url());
      assert.equal(changed.headers['x-news-relay'], 'miss');
      assert.equal(changed.body, rss(6));
    } finally {
      await r.close();
      await upstream.stop();
    }
  });

  it('revalidates with If-Modified-Since when the feed gives only Last-Modified', async () => {
    const modified = 'Tue, 10 Mar 2026 02:00:00 GMT';
    const upstream = await feedServer((request, response) => {
      if (request.headers['if-modified-since'] === modified) {
        response.writeHead(304);
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': RSS_TYPE, 'last-modified': modified });
      response.end(rss());
    });
    const r = await relayApp({ hosts: ['127.0.0.1'] });
    try {
      await r.get(upstream.url());
      r.clock.now += (TTL + 1) * 1000;
      const response = await r.get(upstream.url());
      assert.equal(response.headers['x-news-relay'], 'revalidated');
      assert.equal(response.body, rss());
      assert.equal(upstream.requests[1].headers['if-modified-since'], modified);
      assert.equal(upstream.requests[1].headers['if-none-match'], undefined);
    } finally {
      await r.close();
      await upstream.stop();
    }
  });

  it('serves the copy marked stale while the feed server is down, and fresh again once it is back', async () => {
    const feed = etagFeed(rss(4));
    const upstream = await feedServer(feed.handler);
    const r = await relayApp({ hosts: ['127.0.0.1'] });
    try {
      assert.equal((await r.get(upstream.url())).headers['x-news-relay'], 'miss');
      await upstream.stop();
      r.clock.now += (TTL + 1) * 1000;
      const stale = await r.get(upstream.url());
      assert.equal(stale.statusCode, 200);
      assert.equal(stale.headers['x-news-relay'], 'stale');
      assert.equal(stale.body, rss(4));
      assert.equal(stale.headers['cache-control'], 'public, max-age=60');
      assert.equal(r.relay.stats.stale, 1);
      const never = await r.get(upstream.url('/never-fetched'));
      assert.equal(never.statusCode, 502);
      assert.match(never.json().error, /could not be reached \(ECONNREFUSED\)/);

      await upstream.start();
      feed.state.body = rss(7);
      feed.state.etag = '"v2"';
      const stillStale = await r.get(upstream.url());
      assert.equal(stillStale.headers['x-news-relay'], 'stale', 'the relay waits a minute before asking again');
      r.clock.now += 61_000;
      const fresh = await r.get(upstream.url());
      assert.equal(fresh.headers['x-news-relay'], 'miss');
      assert.equal(fresh.body, rss(7));
    } finally {
      await r.close();
      await upstream.stop();
    }
  });

  it('serves the copy stale when the feed server answers 500 or times out; without a copy, 502 and 504', async () => {
    let mode = 'ok';
    const upstream = await feedServer((request, response) => {
      if (mode === 'hang') return; // never answers
      if (mode === 'error') {
        response.writeHead(500);
        response.end('oops');
        return;
      }
      response.writeHead(200, { 'content-type': RSS_TYPE });
      response.end(rss());
    });
    const r = await relayApp({ hosts: ['127.0.0.1'], timeoutMs: 300 });
    try {
      await r.get(upstream.url('/a'));
      await r.get(upstream.url('/b'));
      r.clock.now += (TTL + 1) * 1000;
      mode = 'error';
      const a = await r.get(upstream.url('/a'));
      assert.equal(a.statusCode, 200);
      assert.equal(a.headers['x-news-relay'], 'stale');
      const none500 = await r.get(upstream.url('/c'));
      assert.equal(none500.statusCode, 502);
      assert.deepEqual(none500.json(), { error: "The feed's server answered 500 Internal Server Error.", upstreamStatus: 500 });
      mode = 'hang';
      const started = performance.now();
      const b = await r.get(upstream.url('/b'));
      assert.equal(b.statusCode, 200);
      assert.equal(b.headers['x-news-relay'], 'stale');
      const timedOut = await r.get(upstream.url('/d'));
      assert.equal(timedOut.statusCode, 504);
      assert.match(timedOut.json().error, /did not answer within/);
      assert.ok(performance.now() - started < 3000, 'each waited about the timeout');
    } finally {
      await r.close();
      await upstream.stop();
    }
  });

  it('keeps its memory under --feed-cache-bytes, dropping the least recently used copies', async () => {
    const upstream = await feedServer((request, response) => {
      response.writeHead(200, { 'content-type': RSS_TYPE });
      response.end('x'.repeat(10_000));
    });
    const r = await relayApp({ hosts: ['127.0.0.1'], cacheBytes: 50_000, missesPerMinute: 1000 });
    try {
      for (let i = 0; i < 20; i++) assert.equal((await r.get(upstream.url(`/f${i}`))).statusCode, 200);
      assert.ok(r.relay.stats.cacheBytes <= 50_000, `${r.relay.stats.cacheBytes} bytes`);
      assert.equal(r.relay.stats.cacheEntries, 4);
      assert.equal((await r.get(upstream.url('/f19'))).headers['x-news-relay'], 'hit');
      assert.equal((await r.get(upstream.url('/f0'))).headers['x-news-relay'], 'miss', 'the oldest was dropped');
    } finally {
      await r.close();
      await upstream.stop();
    }
  });
});

describe('relay: limits', () => {
  it('answers 413 past --feed-max-bytes, from Content-Length or while streaming, and stops reading', async () => {
    const sixMB = 6 * MB;
    // The long bodies are 64 MB, sent as fast as the relay reads: a relay
    // that read to the end would take all of it.
    const endless = 64 * MB;
    const written = {};
    const upstream = await feedServer(async (request, response) => {
      if (request.url === '/bomb') {
        response.writeHead(200, { 'content-type': RSS_TYPE, 'content-encoding': 'gzip' });
        response.end(gzipSync(Buffer.alloc(sixMB, 0x20)));
        return;
      }
      const size = request.url === '/six' ? sixMB : endless;
      const headers = { 'content-type': RSS_TYPE };
      if (request.url === '/declared') headers['content-length'] = size;
      response.writeHead(200, headers);
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      let closed = false;
      response.on('close', () => (closed = true));
      while (sent < size && !closed) {
        sent += chunk.length;
        if (!response.write(chunk)) await new Promise((resolve) => { response.once('drain', resolve); response.once('close', resolve); });
      }
      written[request.url] = sent;
      response.end();
    });
    const r = await relayApp({ hosts: ['127.0.0.1'] });
    try {
      for (const path of ['/declared', '/streamed', '/six', '/bomb']) {
        const response = await r.get(upstream.url(path));
        assert.equal(response.statusCode, 413, path);
        assert.match(response.json().error, /larger than this relay's limit of 5242880 bytes/);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.ok(written['/streamed'] < endless / 2, `the relay stopped reading after ${written['/streamed']} bytes`);
      assert.ok(written['/declared'] < endless / 2, `the relay stopped reading after ${written['/declared']} bytes`);
      const larger = await relayApp({ hosts: ['127.0.0.1'], maxBytes: 6 * MB });
      try {
        const whole = await larger.get(upstream.url('/six'));
        assert.equal(whole.statusCode, 200, 'under a higher limit the same feed passes');
        assert.equal(whole.rawPayload.length, sixMB);
      } finally {
        await larger.close();
      }
    } finally {
      await r.close();
      await upstream.stop();
    }
  });

  it('follows 5 redirects but not 6, each to a listed host', async () => {
    const upstream = await feedServer((request, response) => {
      const hops = Number(request.url.match(/^\/r\/(\d+)/)?.[1] ?? 0);
      if (request.url.startsWith('/away')) {
        response.writeHead(302, { location: 'https://example.com/rss' });
        response.end();
      } else if (hops > 0) {
        response.writeHead(hops % 2 ? 301 : 307, { location: `/r/${hops - 1}` });
        response.end();
      } else {
        response.writeHead(200, { 'content-type': RSS_TYPE });
        response.end(rss());
      }
    });
    const r = await relayApp({ hosts: ['127.0.0.1'] });
    try {
      const five = await r.get(upstream.url('/r/5'));
      assert.equal(five.statusCode, 200);
      assert.equal(five.body, rss());
      assert.equal(upstream.requests.length, 6);
      const six = await r.get(upstream.url('/r/6'));
      assert.equal(six.statusCode, 502);
      assert.match(six.json().error, /redirected more than 5 times/);
      assert.equal(upstream.requests.length, 12, 'six requests, the sixth redirect not followed');
      const away = await r.get(upstream.url('/away'));
      assert.equal(away.statusCode, 403);
      assert.match(away.json().error, /redirected to example\.com, which this relay does not serve/);
    } finally {
      await r.close();
      await upstream.stop();
    }
  });

  it('rate-limits misses per address: past the limit 429, while cached feeds and joined requests keep being served', async () => {
    const upstream = await feedServer((request, response) => setTimeout(() => response.end(rss()), 50));
    const r = await relayApp({ hosts: ['127.0.0.1'], missesPerMinute: 3, appOptions: { trustProxy: '127.0.0.1' } });
    const school = { remoteAddress: '203.0.113.7' };
    try {
      // 300 readers behind one address open the page at once: one miss.
      const crowd = await Promise.all(Array.from({ length: 300 }, () => r.get(upstream.url('/home'), school)));
      assert.ok(crowd.every((response) => response.statusCode === 200));
      assert.equal((await r.get(upstream.url('/a'), school)).statusCode, 200);
      assert.equal((await r.get(upstream.url('/b'), school)).statusCode, 200);
      const limited = await r.get(upstream.url('/c'), school);
      assert.equal(limited.statusCode, 429);
      assert.match(limited.json().error, /Too many feeds not yet in the relay's cache/);
      assert.ok(Number(limited.headers['retry-after']) > 0);
      for (const path of ['/home', '/a', '/b']) {
        const cached = await r.get(upstream.url(path), school);
        assert.equal(cached.statusCode, 200, path);
        assert.equal(cached.headers['x-news-relay'], 'hit');
      }
      assert.equal((await r.get(upstream.url('/c'), { remoteAddress: '203.0.113.8' })).statusCode, 200, 'another address has its own limit');
      // Behind the trusted proxy, the visitor's address is the forwarded one.
      const forwarded = await r.get(upstream.url('/d'), { remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.7' } });
      assert.equal(forwarded.statusCode, 429);
      assert.equal(upstream.requests.length, 4);
      assert.equal(r.relay.stats.rateLimited, 2);
    } finally {
      await r.close();
      await upstream.stop();
    }
  });
});

describe('relay: shared through Redis', () => {
  let redis;
  before(async () => {
    redis = await startRedis();
  });
  after(async () => {
    await redis?.stop();
  });

  it('a second instance serves the first one\'s copy with no upstream request, and serves it stale when the feed is down', async () => {
    const feed = etagFeed(rss(3));
    const upstream = await feedServer(feed.handler);
    const prefix = `relay-test-${Date.now()}:`;
    const one = await relayApp({ hosts: ['127.0.0.1'], redis: redis.url, redisPrefix: prefix });
    const two = await relayApp({ hosts: ['127.0.0.1'], redis: redis.url, redisPrefix: prefix });
    let three;
    try {
      two.clock.now = one.clock.now;
      assert.equal((await one.get(upstream.url())).headers['x-news-relay'], 'miss');
      const fromTwo = await two.get(upstream.url());
      assert.equal(fromTwo.statusCode, 200);
      assert.equal(fromTwo.headers['x-news-relay'], 'hit');
      assert.equal(fromTwo.body, rss(3));
      assert.equal(fromTwo.headers['content-type'], RSS_TYPE);
      assert.equal(upstream.requests.length, 1, 'the second instance asked nobody but Redis');

      // After the TTL, one revalidates; two sees the refreshed copy.
      one.clock.now += (TTL + 1) * 1000;
      two.clock.now = one.clock.now;
      assert.equal((await one.get(upstream.url())).headers['x-news-relay'], 'revalidated');
      assert.equal((await two.get(upstream.url())).headers['x-news-relay'], 'hit');
      assert.equal(upstream.requests.length, 2);

      // A third instance, started while the feed is down, serves the shared copy stale.
      await upstream.stop();
      three = await relayApp({ hosts: ['127.0.0.1'], redis: redis.url, redisPrefix: prefix });
      three.clock.now = one.clock.now + (TTL + 1) * 1000;
      const stale = await three.get(upstream.url());
      assert.equal(stale.statusCode, 200);
      assert.equal(stale.headers['x-news-relay'], 'stale');
      assert.equal(stale.body, rss(3));
    } finally {
      await one.close();
      await two.close();
      await three?.close();
      await upstream.stop();
    }
  });
});

describe('relay: metrics', () => {
  it('counts each answer by where it came from in the server\'s metrics when --metrics is on', async () => {
    const upstream = await feedServer((request, response) => {
      response.writeHead(200, { 'content-type': RSS_TYPE });
      response.end(rss(2));
    });
    const r = await relayApp({ hosts: ['127.0.0.1'], appOptions: { metrics: true } });
    try {
      const url = upstream.url();
      assert.equal((await r.get(url)).headers['x-news-relay'], 'miss');
      assert.equal((await r.get(url)).headers['x-news-relay'], 'hit');
      assert.equal((await r.get(url)).headers['x-news-relay'], 'hit');
      const text = (await r.app.inject({ method: 'GET', url: '/metrics' })).body;
      const value = (series) => Number(text.match(new RegExp(`^${series.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm'))?.[1]);
      assert.equal(value('news_relay_cache_total{result="miss"}'), 1);
      assert.equal(value('news_relay_cache_total{result="hit"}'), 2);
    } finally {
      await r.close();
      await upstream.stop();
    }
  });
});
