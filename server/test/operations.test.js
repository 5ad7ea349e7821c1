// Issue 20, the server in production: yesterday, week and month; health and
// readiness; Prometheus metrics; the operator's page /thong-ke.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startRedis } from '../scripts/processes.js';
import { counter } from './support.js';

/** `hh:mm` on a day, in Hà Nội (UTC+7), as ms. */
const hanoi = (year, month, day, hour = 12, minute = 0) => Date.UTC(year, month - 1, day, hour - 7, minute);

for (const kind of ['sqlite', 'redis']) {
  describe(`yesterday, week and month on ${kind}`, () => {
    let redis;
    before(async () => {
      if (kind === 'redis') redis = await startRedis();
    });
    after(() => redis?.stop());
    const make = (options = {}) => counter(kind, { redisUrl: redis?.url, ...options });

    it('counts from midnight, Monday and the 1st in the server\'s zone', async () => {
      const c = await make();
      try {
        // Wednesday 11 March 2026. Each visit is another visitor.
        const visits = [
          hanoi(2026, 2, 28), // last month
          hanoi(2026, 3, 1, 0, 1), // the 1st, a Sunday: this month, last week
          hanoi(2026, 3, 8, 23, 59), // Sunday night: last week
          hanoi(2026, 3, 9, 0, 1), // Monday just after midnight: this week
          hanoi(2026, 3, 10, 23, 59), // yesterday
          hanoi(2026, 3, 11, 0, 0), // today from its first minute
          hanoi(2026, 3, 11, 9),
        ];
        for (const [n, time] of visits.entries()) {
          c.clock.now = time;
          await c.visit(n);
        }
        c.clock.now = hanoi(2026, 3, 11, 10);
        const expected = { total: 7, online: 0, today: 2, yesterday: 1, week: 4, month: 6 };
        assert.deepEqual(await c.all(), expected);
        c.clock.now = hanoi(2026, 3, 11, 23, 59);
        assert.deepEqual((await c.all()).week, 4);
        // Monday 16 March: a new week; the month goes on.
        c.clock.now = hanoi(2026, 3, 16, 0, 0);
        assert.deepEqual(await c.all(), { total: 7, online: 0, today: 0, yesterday: 0, week: 0, month: 6 });
        // 1 April: a new month.
        c.clock.now = hanoi(2026, 4, 1, 0, 0);
        assert.equal((await c.all()).month, 0);
      } finally {
        await c.close();
      }
    });

    it('a week across two months, and the answer of a POST carries them too', async () => {
      const c = await make();
      try {
        for (const [n, time] of [hanoi(2026, 4, 26), hanoi(2026, 4, 27), hanoi(2026, 4, 30), hanoi(2026, 5, 1)].entries()) {
          c.clock.now = time;
          await c.visit(n);
        }
        c.clock.now = hanoi(2026, 5, 2, 8); // Saturday 2 May; the week began Monday 27 April
        const answer = await c.visitAll(10);
        assert.deepEqual(answer, { total: 5, online: 1, today: 1, yesterday: 1, week: 4, month: 2 });
      } finally {
        await c.close();
      }
    });

    it('reads the week in another zone', async () => {
      const c = await make({ appOptions: { timeZone: 'America/New_York' } });
      try {
        c.clock.now = Date.UTC(2026, 2, 9, 3, 30); // Sunday 8 March 23:30 in New York (EDT), Monday in Hà Nội
        await c.visit(1);
        c.clock.now = Date.UTC(2026, 2, 9, 16); // Monday noon in New York
        assert.deepEqual(await c.all(), { total: 1, online: 0, today: 0, yesterday: 1, week: 0, month: 1 });
      } finally {
        await c.close();
      }
    });

    it('answers /readyz while the store answers, 503 once it is gone; /healthz stays 200', async () => {
      const c = await make();
      try {
        assert.equal((await c.app.inject('/healthz')).statusCode, 200);
        const ready = await c.app.inject('/readyz');
        assert.equal(ready.statusCode, 200);
        assert.deepEqual(ready.json(), { status: 'ready' });
        if (kind === 'redis') await redis.kill();
        else await c.store.close();
        const unready = await c.app.inject('/readyz');
        assert.equal(unready.statusCode, 503);
        assert.equal(unready.json().status, 'unavailable');
        assert.equal((await c.app.inject('/healthz')).statusCode, 200);
        if (kind === 'redis') await redis.restart();
      } finally {
        await c.close();
      }
    });

    it('keeps paths per day within the bound, the rest under one row', async () => {
      const c = await make({ storeOptions: { pathsPerDay: 3 }, appOptions: { adminToken: 'a-long-enough-admin-token' } });
      try {
        for (let n = 0; n < 6; n++) await c.visitAll(n, { path: `/tin-${n}` });
        await c.visitAll(7, { path: '/tin-0' });
        const response = await c.app.inject({ url: '/thong-ke', headers: { authorization: 'Bearer a-long-enough-admin-token', accept: 'application/json' } });
        assert.deepEqual(response.json().paths, [
          { path: '*', visits: 3 },
          { path: '/tin-0', visits: 2 },
          { path: '/tin-1', visits: 1 },
          { path: '/tin-2', visits: 1 },
        ]);
        assert.equal(response.json().hours[10], 7, 'seven visits at 10:00');
      } finally {
        await c.close();
      }
    });
  });
}

describe('metrics', () => {
  it('are off unless asked for', async () => {
    const c = await counter('sqlite');
    try {
      assert.equal((await c.app.inject('/metrics')).statusCode, 404);
      // Code that counts (the feed relay) can call them all the same.
      c.app.newsMetrics.relayCache('hit');
    } finally {
      await c.close();
    }
  });

  it('count requests by route and status, their time, visits and refused new visitors', async () => {
    const c = await counter('sqlite', { appOptions: { metrics: true, maxNewPerIp: 2 } });
    try {
      for (let n = 0; n < 4; n++) await c.app.inject({ method: 'POST', url: '/api/visits', remoteAddress: '127.3.3.3', headers: { 'user-agent': `Mozilla/5.0 Firefox/${n}` }, payload: { path: '/' } });
      await c.counts();
      await c.app.inject('/no/such/thing');
      c.app.newsMetrics.relayCache('hit');
      c.app.newsMetrics.relayCache('miss');
      c.app.newsMetrics.relayCache('hit');
      const response = await c.app.inject('/metrics');
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['content-type'], /^text\/plain; version=0\.0\.4/);
      const text = response.body;
      const value = (line) => Number(text.match(new RegExp(`^${line.replace(/[{}"/.]/g, '\\$&')} (\\S+)$`, 'm'))?.[1]);
      assert.equal(value('news_http_requests_total{route="/api/visits",method="POST",status="200"}'), 4);
      assert.equal(value('news_http_requests_total{route="/api/visits",method="GET",status="200"}'), 1);
      assert.equal(value('news_http_requests_total{route="unmatched",method="GET",status="404"}'), 1);
      assert.equal(value('news_http_request_duration_seconds_count{route="/api/visits",method="POST"}'), 4);
      assert.equal(value('news_visits_counted_total{site="default"}'), 2);
      assert.equal(value('news_new_visitors_refused_total{site="default"}'), 2);
      assert.equal(value('news_relay_cache_total{result="hit"}'), 2);
      assert.equal(value('news_relay_cache_total{result="miss"}'), 1);
      assert.match(text, /^news_process_resident_memory_bytes \d+/m);
    } finally {
      await c.close();
    }
  });
});

describe('/thong-ke', () => {
  const TOKEN = 'thong-ke-test-token-0123456789';
  const bearer = { authorization: `Bearer ${TOKEN}` };

  it('is not there without an admin token', async () => {
    const c = await counter('sqlite');
    try {
      assert.equal((await c.app.inject('/thong-ke')).statusCode, 404);
      assert.equal((await c.app.inject({ url: '/thong-ke', headers: bearer })).statusCode, 404);
    } finally {
      await c.close();
    }
  });

  it('asks for the token: a form for people, 401 for scripts; a wrong token opens nothing', async () => {
    const c = await counter('sqlite', { appOptions: { adminToken: TOKEN } });
    try {
      const form = await c.app.inject('/thong-ke');
      assert.equal(form.statusCode, 401);
      assert.match(form.body, /<form method="post" action="\/thong-ke\/dang-nhap">/);
      assert.doesNotMatch(form.body, /Truy cập tổng/);
      for (const headers of [{ authorization: 'Bearer wrong' }, { authorization: `Bearer ${TOKEN}x` }, { cookie: 'news_admin=99999999999.forged' }, { accept: 'application/json' }]) {
        const refused = await c.app.inject({ url: '/thong-ke', headers });
        assert.equal(refused.statusCode, 401, JSON.stringify(headers));
        assert.doesNotMatch(refused.body, /"counts"|Truy cập tổng/);
      }
      const wrong = await c.app.inject({ method: 'POST', url: '/thong-ke/dang-nhap', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'token=nope' });
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.headers['set-cookie'], undefined);
      assert.equal((await c.app.inject({ method: 'POST', url: '/api/visits', headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Mozilla/5.0' }, payload: 'path=/' })).statusCode, 415, 'forms only where the login is');
    } finally {
      await c.close();
    }
  });

  it('signs a person in with an HttpOnly SameSite=Strict cookie, and shows the page escaped under a strict CSP', async () => {
    const c = await counter('sqlite', { appOptions: { adminToken: TOKEN } });
    try {
      const evil = '/"><script>alert(1)</script><img src=x onerror=alert(2)>';
      await c.visitAll(1, { path: evil });
      await c.visitAll(2, { path: '/tin-tuc' });
      await c.visitAll(3, { path: '/tin-tuc' });
      const login = await c.app.inject({
        method: 'POST', url: '/thong-ke/dang-nhap', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `token=${encodeURIComponent(TOKEN)}&lang=en`,
      });
      assert.equal(login.statusCode, 303);
      assert.equal(login.headers.location, '/thong-ke?lang=en');
      const cookie = login.headers['set-cookie'];
      assert.match(cookie, /^news_admin=[^;]+; Path=\/thong-ke; Max-Age=28800; HttpOnly; SameSite=Strict/);
      const page = await c.app.inject({ url: '/thong-ke', headers: { cookie: cookie.split(';')[0] } });
      assert.equal(page.statusCode, 200);
      assert.match(page.headers['content-type'], /^text\/html/);
      assert.match(page.headers['content-security-policy'], /^default-src 'none'; style-src 'sha256-[\w+/=]+'; form-action 'self'; frame-ancestors 'none'/);
      assert.doesNotMatch(page.body, /<script|<img/);
      assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;&lt;img src=x onerror=alert\(2\)&gt;/);
      assert.match(page.body, /Truy cập tổng/);
      assert.match(page.body, /<svg[^>]*role="img"/);
      assert.equal((page.body.match(/<rect /g) ?? []).length, 90 + 24, 'a bar for each of 90 days and 24 hours');
      assert.match(page.body, /<td>\/tin-tuc<\/td><td class="n">2<\/td>/);
      const english = await c.app.inject({ url: '/thong-ke?lang=en', headers: { cookie: cookie.split(';')[0] } });
      assert.match(english.body, /<html lang="en">[^]*Total visits/);
      const out = await c.app.inject({ method: 'POST', url: '/thong-ke/dang-xuat' });
      assert.match(out.headers['set-cookie'], /news_admin=; .*Max-Age=0/);
    } finally {
      await c.close();
    }
  });

  it('answers JSON to scripts, per site', async () => {
    const sites = new Map([['default', 100], ['xa-b', 5]]);
    const c = await counter('sqlite', { appOptions: { adminToken: TOKEN, sites } });
    try {
      await c.visitAll(1, { path: '/a' });
      await c.visitAll(2, { path: '/b', site: 'xa-b' });
      await c.visitAll(3, { path: '/b', site: 'xa-b' });
      const json = (site) => c.app.inject({ url: `/thong-ke${site ? `?site=${site}` : ''}`, headers: { ...bearer, accept: 'application/json' } });
      const main = (await json()).json();
      assert.deepEqual(main.sites, ['default', 'xa-b']);
      assert.deepEqual(main.counts, { total: 101, online: 1, today: 1, yesterday: 0, week: 1, month: 1 });
      assert.equal(main.days.length, 90);
      assert.deepEqual(main.days.at(-1), { day: '2026-03-10', visits: 1 });
      assert.deepEqual(main.paths, [{ path: '/a', visits: 1 }]);
      const other = (await json('xa-b')).json();
      assert.equal(other.counts.total, 7);
      assert.deepEqual(other.paths, [{ path: '/b', visits: 2 }]);
      assert.equal((await json('nowhere')).statusCode, 404);
      const page = await c.app.inject({ url: '/thong-ke?site=xa-b', headers: bearer });
      assert.match(page.body, /href="\/thong-ke\?site=default&amp;lang=vi"/);
    } finally {
      await c.close();
    }
  });
});
