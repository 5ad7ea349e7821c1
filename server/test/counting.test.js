// What the numbers mean, on both stores: total, today and online, visits
// and heartbeats, the 30-minute visit, midnight, sites, bots, restarts.
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { after, before, describe, it } from 'node:test';
import { startRedis, tempDir } from '../scripts/processes.js';
import { counter, freshStore, MINUTE, three } from './support.js';

for (const kind of ['sqlite', 'redis']) {
  describe(`counting on ${kind}`, () => {
    let redis;
    before(async () => {
      if (kind === 'redis') redis = await startRedis();
    });
    after(() => redis?.stop());

    const make = (options = {}) => counter(kind, { redisUrl: redis?.url, ...options });

    it('starts at zero and counts a visit in total, today and online', async () => {
      const c = await make();
      try {
        assert.deepEqual(await c.counts(), { total: 0, online: 0, today: 0 });
        assert.deepEqual(await c.visit(1), { total: 1, online: 1, today: 1 });
        assert.deepEqual(await c.visit(2), { total: 2, online: 2, today: 2 });
        assert.deepEqual(await c.counts(), { total: 2, online: 2, today: 2 });
      } finally {
        await c.close();
      }
    });

    it('counts one visitor once within 30 minutes, and again after 30 quiet minutes', async () => {
      const c = await make();
      try {
        await c.visit(1);
        c.clock.now += 10 * MINUTE;
        assert.equal((await c.visit(1)).total, 1, 'a second page 10 minutes later is the same visit');
        c.clock.now += 25 * MINUTE;
        assert.equal((await c.visit(1)).total, 1, '25 minutes after the last page: still the same visit');
        c.clock.now += 31 * MINUTE;
        assert.equal((await c.visit(1)).total, 2, '31 quiet minutes later: a new visit');
      } finally {
        await c.close();
      }
    });

    it('tells visitors apart by address and by browser', async () => {
      const c = await make();
      try {
        await c.visit(1);
        const sameAddressOtherBrowser = await c.post(1, { path: '/' }, { headers: { 'user-agent': 'Mozilla/5.0 Firefox/128.0' } });
        assert.equal(sameAddressOtherBrowser.json().total, 2);
        assert.equal((await c.visit(2)).total, 3);
      } finally {
        await c.close();
      }
    });

    it('a heartbeat keeps a visitor online and never adds to total or today', async () => {
      const c = await make();
      try {
        await c.visit(1);
        for (let minute = 1; minute <= 40; minute++) {
          c.clock.now += MINUTE;
          assert.deepEqual(await c.heartbeat(1), { total: 1, online: 1, today: 1 });
        }
        // The heartbeats kept the visit going: a page now is still that visit.
        assert.equal((await c.visit(1)).total, 1);
        // A heartbeat from someone never counted shows them online but adds no visit.
        assert.deepEqual(await c.heartbeat(7), { total: 1, online: 2, today: 1 });
      } finally {
        await c.close();
      }
    });

    it("a heartbeat that arrives before the visit it follows does not swallow it", async () => {
      // Two counters on a page, or two tabs opened together: the second one's
      // heartbeat can reach the server before the first one's visit.
      const c = await make();
      try {
        assert.deepEqual(await c.heartbeat(1), { total: 0, online: 1, today: 0 });
        assert.deepEqual(await c.visit(1), { total: 1, online: 1, today: 1 });
        c.clock.now += 20 * MINUTE;
        await c.heartbeat(1);
        c.clock.now += 20 * MINUTE;
        assert.equal((await c.visit(1)).total, 1, 'the heartbeats after the visit still keep it going');
      } finally {
        await c.close();
      }
    });

    it('online is the distinct visitors seen in the last five minutes', async () => {
      const c = await make();
      try {
        await c.visit(1);
        c.clock.now += 2 * MINUTE;
        await c.visit(2);
        await c.visit(2);
        assert.equal((await c.counts()).online, 2);
        c.clock.now += 3 * MINUTE + 1;
        assert.equal((await c.counts()).online, 1, 'visitor 1 was last seen just over five minutes ago');
        await c.heartbeat(1);
        assert.equal((await c.counts()).online, 2, 'a heartbeat brings visitor 1 back');
        c.clock.now += 5 * MINUTE + 1;
        assert.equal((await c.counts()).online, 0);
        assert.equal((await c.counts()).total, 2);
      } finally {
        await c.close();
      }
    });

    it('today starts at midnight in the site time zone; total goes on', async () => {
      const c = await make();
      try {
        // 23:58 in Hà Nội is 16:58 UTC.
        c.clock.now = Date.UTC(2026, 2, 10, 16, 58);
        await c.visit(1);
        await c.visit(2);
        assert.equal((await c.counts()).today, 2);
        c.clock.now = Date.UTC(2026, 2, 10, 17, 0, 1); // 00:00:01 on the 11th there
        assert.deepEqual(await c.counts(), { total: 2, online: 2, today: 0 });
        await c.visit(3);
        assert.deepEqual(await c.counts(), { total: 3, online: 3, today: 1 });
      } finally {
        await c.close();
      }
    });

    it('reads "today" in another zone when told', async () => {
      const c = await make({ appOptions: { timeZone: 'America/New_York' } });
      try {
        c.clock.now = Date.UTC(2026, 2, 10, 17, 0); // noon in New York, midnight in Hà Nội
        await c.visit(1);
        c.clock.now = Date.UTC(2026, 2, 10, 23, 0); // still the 10th in New York
        assert.equal((await c.counts()).today, 1);
        c.clock.now = Date.UTC(2026, 2, 11, 4, 30); // 00:30 on the 11th in New York (EDT)
        assert.equal((await c.counts()).today, 0);
      } finally {
        await c.close();
      }
    });

    it('adds the starting total and keeps sites apart', async () => {
      const sites = new Map([['default', 6_407_820], ['phuong-a', 100], ['xa-b', 0]]);
      const c = await make({ appOptions: { sites } });
      try {
        assert.deepEqual(await c.counts(), { total: 6_407_820, online: 0, today: 0 });
        assert.equal((await c.visit(1)).total, 6_407_821);
        assert.deepEqual(await c.visit(1, { site: 'phuong-a' }), { total: 101, online: 1, today: 1 });
        assert.deepEqual(await c.visit(2, { site: 'phuong-a' }), { total: 102, online: 2, today: 2 });
        assert.deepEqual(await c.counts('xa-b'), { total: 0, online: 0, today: 0 });
        assert.deepEqual(await c.counts(), { total: 6_407_821, online: 1, today: 1 });
        const unknown = await c.post(3, { path: '/' }, { site: 'phuong-z' });
        assert.equal(unknown.statusCode, 404);
        assert.match(unknown.json().error, /Unknown site "phuong-z"/);
        assert.equal((await c.app.inject('/api/visits?site=phuong-z')).statusCode, 404);
      } finally {
        await c.close();
      }
    });

    it('does not count known bots, nor requests without a user agent', async () => {
      const c = await make();
      try {
        const agents = [
          'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
          'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
          'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
          'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/130.0 Safari/537.36',
          'curl/8.5.0',
          'python-requests/2.31',
          'Mozilla/5.0 (compatible; AhrefsBot/7.0)',
          'Mozilla/5.0 (Linux; Android 10) Chrome-Lighthouse',
          '',
        ];
        for (const [n, agent] of agents.entries()) {
          const response = await c.post(n, { path: '/' }, { headers: { 'user-agent': agent } });
          assert.equal(response.statusCode, 200, agent);
          assert.deepEqual(three(response.json()), { total: 0, online: 0, today: 0 }, agent);
        }
        assert.equal((await c.visit(99)).total, 1, 'a browser still counts');
      } finally {
        await c.close();
      }
    });

    it('keeps every count and the day salt across a restart', async () => {
      const { dir, remove } = tempDir();
      const prefix = `restart-${Date.now()}:`;
      try {
        const first = await make({ dir, store: await freshStore(kind, { redisUrl: redis?.url, dir, prefix }) });
        await first.visit(1);
        await first.visit(2);
        await first.close();
        await first.store.close();
        const second = await make({ dir, store: await freshStore(kind, { redisUrl: redis?.url, dir, prefix }) });
        assert.deepEqual(await second.counts(), { total: 2, online: 2, today: 2 });
        assert.equal((await second.visit(1)).total, 2, 'the same visitor is still recognised: the salt was kept');
        await second.close();
        await second.store.close();
      } finally {
        remove();
      }
    });

    if (kind === 'sqlite') {
      it('reads a file written before visits and heartbeats were told apart: its visits go on', async () => {
        const { dir, remove } = tempDir();
        try {
          const first = await make({ dir, store: await freshStore(kind, { dir }) });
          await first.visit(1);
          await first.close();
          await first.store.close();
          // The visitors table as it was: one time for any request.
          const db = new Database(`${dir}/visits.db`);
          db.exec(`CREATE TABLE old (site TEXT NOT NULL, visitor TEXT NOT NULL, seen INTEGER NOT NULL, PRIMARY KEY (site, visitor)) WITHOUT ROWID;
            INSERT INTO old SELECT site, visitor, seen FROM visitors; DROP TABLE visitors; ALTER TABLE old RENAME TO visitors;`);
          db.close();
          const second = await make({ dir, store: await freshStore(kind, { dir }) });
          second.clock.now += 10 * MINUTE;
          assert.deepEqual(await second.visit(1), { total: 1, online: 1, today: 1 }, 'the visit read from the old file goes on');
          await second.close();
          await second.store.close();
        } finally {
          remove();
        }
      });
    }

    it('counts concurrent visits exactly and a visitor racing itself once', async () => {
      const c = await make();
      try {
        const visits = Array.from({ length: 300 }, (_, i) => c.visit(i % 200));
        await Promise.all(visits);
        assert.deepEqual(await c.counts(), { total: 200, online: 200, today: 200 });
      } finally {
        await c.close();
      }
    });

    it('uses a new salt each day and forgets the old one', async () => {
      const c = await make();
      try {
        const today = await c.store.salt('2026-03-10');
        assert.equal(await c.store.salt('2026-03-10'), today, 'one salt per day');
        const tomorrow = await c.store.salt('2026-03-11');
        assert.notEqual(tomorrow, today);
        assert.match(tomorrow, /^[\w-]{32}$/);
        if (kind === 'sqlite') {
          const rows = c.store.db.prepare('SELECT day FROM salts').pluck().all();
          assert.deepEqual(rows, ['2026-03-11']);
        } else {
          assert.ok(c.store.redis, 'the store exposes its client');
          const ttl = await c.store.redis.ttl(`${c.store.prefix}salt:2026-03-10`);
          assert.ok(ttl > 0 && ttl <= 2 * 86_400, `yesterday's salt expires (ttl ${ttl})`);
        }
      } finally {
        await c.close();
      }
    });
  });
}
