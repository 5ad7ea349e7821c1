// Issue 18's server findings, each as it was reported: inflating a counter
// (6), what --static gave away (7), hashes and salts that outlived their day
// (8), and held connections that locked visitors out (9).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { BIN, startRedis, tempDir } from '../scripts/processes.js';
import { dayEnd } from '../src/calendar.js';
import { browserAgent, counter, MINUTE, MORNING } from './support.js';

const post = (app, { address = '127.0.0.1', agent = browserAgent(1), headers = {}, payload = { path: '/' } } = {}) =>
  app.inject({ method: 'POST', url: '/api/visits', remoteAddress: address, headers: { 'user-agent': agent, ...headers }, payload });

describe('6: one client cannot inflate the counts', () => {
  it('refuses a POST from a page of a site that is not allowed, even as sendBeacon sends it', async () => {
    const c = await counter('sqlite', { appOptions: { origins: ['https://phuonga.gov.vn'] } });
    try {
      for (const headers of [
        { origin: 'https://evil.example' },
        { origin: 'https://evil.example', 'content-type': 'text/plain;charset=UTF-8' },
        { origin: 'null' },
      ]) {
        const response = await post(c.app, { headers, payload: headers['content-type'] ? '{"path":"/"}' : { path: '/' } });
        assert.equal(response.statusCode, 403, JSON.stringify(headers));
        assert.match(response.json().error, /may not post/);
      }
      assert.equal((await c.counts()).total, 0, 'no refused POST counted');
      assert.equal((await post(c.app, { headers: { origin: 'https://phuonga.gov.vn' } })).statusCode, 200);
      assert.equal((await post(c.app, { address: '127.0.0.2', headers: { origin: 'https://PhuongA.gov.vn' } })).statusCode, 200, 'origins ignore case');
      assert.equal((await post(c.app, { address: '127.0.0.3' })).statusCode, 200, 'no Origin: not a page of another site');
      assert.equal((await post(c.app, { address: '127.0.0.4', headers: { origin: 'http://localhost:80', host: 'localhost:80' } })).statusCode, 200, 'the server\'s own pages');
      assert.equal((await c.counts()).total, 4);
      assert.equal((await c.app.inject({ url: '/api/visits', headers: { origin: 'https://evil.example' } })).statusCode, 200, 'reading stays open');
    } finally {
      await c.close();
    }
  });

  it('with --origin *, a page of any site may post', async () => {
    const c = await counter('sqlite', { appOptions: { origins: ['*'] } });
    try {
      assert.equal((await post(c.app, { headers: { origin: 'https://anywhere.vn' } })).statusCode, 200);
    } finally {
      await c.close();
    }
  });

  for (const kind of ['sqlite', 'redis']) {
    describe(`new visitors per address on ${kind}`, () => {
      let redis;
      before(async () => {
        if (kind === 'redis') redis = await startRedis();
      });
      after(() => redis?.stop());

      it('one address with rotating user agents adds at most --max-new-per-ip visitors an hour; the rest are answered, not counted', async () => {
        const limit = kind === 'sqlite' ? 300 : 20;
        const c = await counter(kind, { redisUrl: redis?.url, appOptions: kind === 'sqlite' ? {} : { maxNewPerIp: limit } });
        try {
          const answers = [];
          for (let n = 0; n < limit + 50; n++) {
            const response = await post(c.app, { address: '127.9.9.9', agent: browserAgent(n) });
            assert.equal(response.statusCode, 200);
            answers.push(response.json());
          }
          assert.deepEqual(await c.counts(), { total: limit, online: limit, today: limit });
          assert.deepEqual(answers.at(-1), await c.all(), 'the excess gets the numbers as they are');
          assert.equal(answers.at(-1).total, limit);
          assert.equal(c.app.newsStats.refusedNewVisitors, 50);
          // Heartbeats from new agents do not sneak into "online" either.
          await c.app.inject({ method: 'POST', url: '/api/visits', remoteAddress: '127.9.9.9', headers: { 'user-agent': browserAgent(9999) }, payload: { path: '/', heartbeat: true } });
          assert.equal((await c.counts()).online, limit);
          // Visitors already counted go on; other addresses still count.
          c.clock.now += 31 * MINUTE;
          assert.equal((await post(c.app, { address: '127.9.9.9', agent: browserAgent(0) })).json().total, limit + 1, 'a known visitor starts a new visit');
          assert.equal((await post(c.app, { address: '127.8.8.8' })).json().total, limit + 2);
          // The next hour the address may add more.
          c.clock.now += 60 * MINUTE;
          assert.equal((await post(c.app, { address: '127.9.9.9', agent: browserAgent(5000) })).json().total, limit + 3);
        } finally {
          await c.close();
        }
      });
    });
  }

  it('behind one nginx (--trust-proxy 1), a forged X-Forwarded-For counts the real client once', async () => {
    const c = await counter('sqlite', { appOptions: { trustProxy: 1 } });
    try {
      // nginx appends the address it saw to whatever the client sent.
      for (let i = 0; i < 100; i++) {
        await post(c.app, { address: '127.0.0.1', headers: { 'x-forwarded-for': `127.66.0.${i}, 127.5.5.5` } });
      }
      assert.equal((await c.counts()).total, 1);
    } finally {
      await c.close();
    }
  });

  it('warns at start when --trust-proxy true is given, and --help never recommends it', () => {
    const { dir, remove } = tempDir();
    try {
      // --port 65536 fails after the options are read, so nothing listens.
      const run = spawnSync(process.execPath, [BIN, '--trust-proxy', 'true', '--db', `${dir}/v.db`, '--port', '0', '--host', '256.0.0.1'], { encoding: 'utf8', timeout: 10_000 });
      assert.match(run.stderr, /warning: --trust-proxy true believes the address any client writes/);
      const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' }).stdout;
      assert.match(help, /--trust-proxy <v>[^]*1 for one nginx[^]*Never true/);
    } finally {
      remove();
    }
  });
});

describe('7: --static serves the site, nothing else', () => {
  it('serves no dotfile, however encoded, and follows no symlink out of the folder', async () => {
    const { dir: site, remove } = tempDir('nw-site-');
    const { dir: outside, remove: removeOutside } = tempDir('nw-outside-');
    writeFileSync(`${site}/index.html`, '<!doctype html><title>Phường</title>');
    writeFileSync(`${site}/.env`, 'SECRET=1');
    mkdirSync(`${site}/.git`);
    writeFileSync(`${site}/.git/config`, '[core]');
    mkdirSync(`${site}/tin-tuc`);
    writeFileSync(`${site}/tin-tuc/.htpasswd`, 'admin:x');
    writeFileSync(`${site}/tin-tuc/bai-1.html`, 'bài 1');
    writeFileSync(`${outside}/passwd`, 'root:x:0:0');
    symlinkSync(`${outside}/passwd`, `${site}/passwd`);
    symlinkSync(outside, `${site}/ra-ngoai`);
    symlinkSync(`${site}/tin-tuc/bai-1.html`, `${site}/bai-moi.html`);
    const c = await counter('sqlite', { appOptions: { staticDirs: [{ prefix: '/', root: site }] } });
    try {
      for (const url of ['/.env', '/%2e%65nv', '/%2E%65%6E%76', '/%252eenv', '/.git/config', '/%2egit/config', '/tin-tuc/.htpasswd', '/tin-tuc/%2ehtpasswd', '/passwd', '/ra-ngoai/passwd', '/ra-ngoai/']) {
        const response = await c.app.inject(url);
        assert.equal(response.statusCode, 404, `${url}: ${response.body.slice(0, 80)}`);
        assert.doesNotMatch(response.body, /SECRET|\[core\]|admin:x|root:x/, url);
      }
      assert.equal((await c.app.inject('/')).statusCode, 200);
      assert.equal((await c.app.inject('/tin-tuc/bai-1.html')).body, 'bài 1');
      assert.equal((await c.app.inject('/bai-moi.html')).body, 'bài 1', 'a symlink inside the folder still serves');
    } finally {
      await c.close();
      remove();
      removeOutside();
    }
  });

  it('refuses to start, with exit code 2, when a static folder holds the database', () => {
    const { dir, remove } = tempDir('nw-site-');
    try {
      mkdirSync(`${dir}/data`);
      for (const args of [['--static', '.'], ['--static', dir], ['--static', `/x=${dir}/data`], ['--static', '.', '--db', `${dir}/data/visits.db`]]) {
        const run = spawnSync(process.execPath, [BIN, '--port', '0', ...args], { cwd: dir, encoding: 'utf8', timeout: 10_000 });
        assert.equal(run.status, 2, `${args.join(' ')}: ${run.stdout}${run.stderr}`);
        assert.match(run.stderr, /holds the database/);
      }
    } finally {
      remove();
    }
  });
});

describe('8: no visitor can be traced back once the day ends', () => {
  it('creates the database private: folder 0700, files 0600, secure_delete on', async () => {
    const { dir, remove } = tempDir();
    const c = await counter('sqlite', { dir: `${dir}/data` });
    try {
      await c.visit(1);
      assert.equal(statSync(`${dir}/data`).mode & 0o777, 0o700);
      for (const file of ['visits.db', 'visits.db-wal', 'visits.db-shm']) {
        assert.equal(statSync(`${dir}/data/${file}`).mode & 0o777, 0o600, file);
      }
      assert.equal(c.store.db.pragma('secure_delete', { simple: true }), 1);
    } finally {
      await c.close();
      remove();
    }
  });

  it('after midnight the old salt is gone from every byte of the files', async () => {
    const c = await counter('sqlite');
    try {
      await c.visit(1);
      const oldSalt = await c.store.salt('2026-03-10');
      c.clock.now = Date.UTC(2026, 2, 10, 17, 0, 5); // 00:00:05 on the 11th in Hà Nội
      assert.equal((await c.app.inject('/api/visits')).statusCode, 200);
      assert.deepEqual(c.store.db.prepare('SELECT day FROM salts').pluck().all(), ['2026-03-11']);
      for (const file of ['visits.db', 'visits.db-wal']) {
        let bytes;
        try {
          bytes = readFileSync(`${c.dir}/${file}`);
        } catch {
          continue;
        }
        assert.equal(bytes.indexOf(oldSalt), -1, `${file} still holds yesterday's salt`);
      }
    } finally {
      await c.close();
    }
  });

  it('on Redis the salt expires when its day ends in the server\'s zone, not days later', async () => {
    const redis = await startRedis();
    const c = await counter('redis', { redisUrl: redis.url });
    try {
      await c.visit(1);
      const ttl = await c.store.redis.pttl(`${c.store.prefix}salt:2026-03-10`);
      const left = dayEnd(MORNING, 'Asia/Ho_Chi_Minh') - MORNING; // 14 hours
      assert.ok(ttl > left - 60_000 && ttl <= left, `ttl ${ttl} ms, the day ends in ${left} ms`);
    } finally {
      await c.close();
      await redis.stop();
    }
  });

  it('logs requests without the client\'s address', async () => {
    let log = '';
    const stream = new Writable({ write(chunk, _, done) { log += chunk; done(); } });
    const c = await counter('sqlite', { appOptions: { logger: { stream }, trustProxy: true } });
    try {
      await post(c.app, { address: '127.9.8.7', headers: { 'x-forwarded-for': '127.6.5.4' } });
      assert.match(log, /"url":"\/api\/visits"/, 'the request is logged');
      assert.doesNotMatch(log, /127\.9\.8\.7|127\.6\.5\.4/);
    } finally {
      await c.close();
    }
  });
});

describe('9: held connections do not lock visitors out', () => {
  /** Opens `n` connections to the app; `send` is written on each. */
  const hold = async (port, n, send) => {
    const sockets = [];
    for (let i = 0; i < n; i++) {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => {});
      socket.on('data', () => {});
      socket.closedAt = new Promise((resolve) => socket.on('close', () => resolve(Date.now())));
      await new Promise((resolve) => socket.on('connect', resolve));
      if (send) socket.write(send);
      sockets.push(socket);
    }
    return sockets;
  };

  it('closes idle keep-alive connections after 5 seconds', async () => {
    const c = await counter('sqlite');
    let sockets = [];
    try {
      await c.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = c.app.server.address();
      const started = Date.now();
      sockets = await hold(port, 20, 'GET /api/visits HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      const closed = await Promise.race([
        Promise.all(sockets.map((socket) => socket.closedAt)),
        new Promise((resolve) => setTimeout(() => resolve(undefined), 8000)),
      ]);
      assert.ok(closed, 'the server still holds idle connections after 8 s');
      assert.ok(Math.max(...closed) - started < 7000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await c.close();
    }
  });

  it('holds at most --max-connections, and serves again once held ones time out', async () => {
    const c = await counter('sqlite', { appOptions: { maxConnections: 20, requestTimeout: 1500 } });
    let sockets = [];
    try {
      const defaults = await counter('sqlite');
      assert.equal(defaults.app.server.maxConnections, 1000);
      await defaults.close();
      await c.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = c.app.server.address();
      // Connections that send nothing, as a client holding sockets does.
      sockets = await hold(port, 30);
      const extra = await Promise.race([
        Promise.all(sockets.slice(20).map((socket) => socket.closedAt)),
        new Promise((resolve) => setTimeout(() => resolve(undefined), 1000)),
      ]);
      assert.ok(extra, 'connections past the limit are closed at once');
      const held = await Promise.race([
        Promise.all(sockets.slice(0, 20).map((socket) => socket.closedAt)),
        new Promise((resolve) => setTimeout(() => resolve(undefined), 6000)),
      ]);
      assert.ok(held, 'silent connections are closed after the request timeout');
      const response = await fetch(`http://127.0.0.1:${port}/api/visits`);
      assert.equal(response.status, 200);
    } finally {
      for (const socket of sockets) socket.destroy();
      await c.close();
    }
  });
});
