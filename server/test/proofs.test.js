// The proofs, small enough for every test run (npm run prove -w server
// runs them with 10,000 visits): real processes, real HTTP on loopback.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backupDuringLoad, exactCount, gracefulStop, killNine } from '../scripts/proofs.js';
import { three } from './support.js';

describe('under load', () => {
  for (const store of ['sqlite', 'redis']) {
    it(`counts 2,000 concurrent distinct visits exactly on ${store}, and the same visitors again add nothing`, async () => {
      const result = await exactCount({ store, visits: 2000, concurrency: 200 });
      assert.equal(result.acknowledged, 2000, JSON.stringify(result.errors));
      for (const counts of [...result.counts, ...result.countsAfterRepeat]) {
        assert.deepEqual(three(counts), { total: 2000, online: 2000, today: 2000 });
      }
      if (store === 'redis') assert.equal(result.counts.length, 2, 'two instances on one Redis agree');
      assert.ok(result.ok);
    });

    it(`keeps every acknowledged visit when killed with SIGKILL mid-load on ${store}`, async () => {
      const result = await killNine({ store, visits: 6000, killAfter: 800, concurrency: 50 });
      assert.ok(result.killed, 'the server was killed during the load');
      assert.ok(result.acknowledged >= 800 && result.acknowledged < 6000, `acknowledged ${result.acknowledged}`);
      assert.ok(result.totalAfterRestart >= result.acknowledged, `total ${result.totalAfterRestart} < acknowledged ${result.acknowledged}`);
      assert.ok(result.totalAfterRestart <= result.acknowledged + 50, 'at most the requests in flight were counted unacknowledged');
      // Sent again, every acknowledged visit is answered and adds nothing: each visitor is known.
      assert.equal(result.replayed, result.acknowledged, 'every replayed visit was answered');
      assert.equal(result.totalAfterReplay, result.totalAfterRestart, 'every acknowledged visitor is known after the restart');
      assert.ok(result.ok);
    });
  }
});

describe('stopping', () => {
  for (const store of ['sqlite', 'redis']) {
    it(`on SIGTERM mid-load, exits 0 and every acknowledged visit, and only those, is counted on ${store}`, async () => {
      const result = await gracefulStop({ store, visits: 4000, stopAfter: 800, concurrency: 50 });
      assert.deepEqual(result.exit, { code: 0, signal: null });
      assert.ok(result.acknowledged >= 800 && result.acknowledged < 4000, `acknowledged ${result.acknowledged}`);
      assert.equal(result.totalAfterRestart, result.acknowledged, JSON.stringify(result.errors));
      assert.equal(result.totalAfterReplay, result.totalAfterRestart, 'every acknowledged visitor is known after the restart');
      assert.ok(result.ok);
    });
  }
});

describe('backups', () => {
  it('a backup taken during a load restores to a consistent count; one taken after it, to exactly the acknowledged visits', async () => {
    const result = await backupDuringLoad({ visits: 3000, backupAfter: 1000, concurrency: 50 });
    assert.equal(result.failed, 0);
    assert.equal(result.during.code, 0);
    assert.ok(result.during.total >= result.during.acknowledgedBefore, JSON.stringify(result.during));
    assert.ok(result.during.total <= result.during.acknowledgedAfter + 50, JSON.stringify(result.during));
    assert.equal(result.final.total, result.acknowledged);
    assert.equal(result.refusedWhileRunning.code, 1);
    assert.match(result.refusedWhileRunning.stderr, /open in another process: stop news-widgets-server first/);
    assert.ok(result.ok);
  });
});
