// The command line: options and their mistakes, and the real process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseOptions, UsageError } from '../src/cli.js';
import { BIN, freePort, startServerProcess, tempDir } from '../scripts/processes.js';
import { browserAgent } from './support.js';

describe('options', () => {
  it('has defaults a new user can run with', () => {
    const options = parseOptions([], {});
    assert.equal(options.port, 8787);
    assert.equal(options.host, '127.0.0.1');
    assert.equal(options.db, 'data/visits.db');
    assert.equal(options.redis, undefined);
    assert.equal(options.timeZone, 'Asia/Ho_Chi_Minh');
    assert.deepEqual(options.origins, []);
    assert.deepEqual([...options.sites], [['default', 0]]);
    assert.equal(options.trustProxy, false);
    assert.equal(options.maxNewPerIp, 300);
    assert.equal(options.maxConnections, 1000);
    assert.equal(options.metrics, false);
    assert.equal(options.adminToken, undefined);
  });

  it('reads every option', () => {
    const options = parseOptions([
      '-p', '9000', '--host', '0.0.0.0', '--db', '/var/lib/counter.db', '--redis', 'redis://127.0.0.1:6380',
      '--origin', 'https://phuonga.gov.vn/', '--origin', 'https://xab.gov.vn,https://xac.gov.vn',
      '--timezone', 'Asia/Bangkok', '--start-total', '6.407.820', '--site', 'phuong-a=1,200', '--site', 'xa-b',
      '--trust-proxy', 'loopback', '--static', 'demo', '--static', '/dist=dist',
    ], {});
    assert.equal(options.port, 9000);
    assert.equal(options.host, '0.0.0.0');
    assert.equal(options.db, '/var/lib/counter.db');
    assert.equal(options.redis, 'redis://127.0.0.1:6380');
    assert.deepEqual(options.origins, ['https://phuonga.gov.vn', 'https://xab.gov.vn', 'https://xac.gov.vn']);
    assert.equal(options.timeZone, 'Asia/Bangkok');
    assert.deepEqual([...options.sites], [['default', 6_407_820], ['phuong-a', 1200], ['xa-b', 0]]);
    assert.equal(options.trustProxy, 'loopback');
    assert.deepEqual(options.staticDirs, [{ prefix: '/', root: 'demo' }, { prefix: '/dist/', root: 'dist' }]);
    assert.equal(parseOptions(['--trust-proxy', '2'], {}).trustProxy, 2);
    const more = parseOptions(['--max-new-per-ip', '50', '--max-connections', '200', '--metrics', '--admin-token', 'x'.repeat(16)], {});
    assert.deepEqual([more.maxNewPerIp, more.maxConnections, more.metrics, more.adminToken], [50, 200, true, 'x'.repeat(16)]);
    const fromEnv = parseOptions([], { NEWS_MAX_NEW_PER_IP: '0', NEWS_MAX_CONNECTIONS: '64', NEWS_ADMIN_TOKEN: 'y'.repeat(20) });
    assert.deepEqual([fromEnv.maxNewPerIp, fromEnv.maxConnections, fromEnv.metrics, fromEnv.adminToken], [0, 64, false, 'y'.repeat(20)]);
    assert.equal(parseOptions(['--trust-proxy', 'true'], {}).trustProxy, true);
  });

  it('reads the environment when the option is not given', () => {
    const options = parseOptions([], { PORT: '8100', REDIS_URL: 'redis://127.0.0.1:6379', NEWS_ORIGINS: '*', NEWS_TIMEZONE: 'UTC', NEWS_DB: 'x.db' });
    assert.equal(options.port, 8100);
    assert.equal(options.redis, 'redis://127.0.0.1:6379');
    assert.deepEqual(options.origins, ['*']);
    assert.equal(options.timeZone, 'UTC');
    assert.equal(options.db, 'x.db');
    assert.deepEqual(parseOptions(['--origin', 'https://a.vn'], { NEWS_ORIGINS: '*' }).origins, ['https://a.vn']);
  });

  it('says what is wrong with a mistaken option', () => {
    const mistakes = [
      [['--port', 'abc'], /--port must be a port number/],
      [['--port', '70000'], /--port/],
      [['--timezone', 'Mars/Olympus'], /not a time zone/],
      [['--start-total=-5'], /whole number/],
      [['--start-total', 'many'], /whole number/],
      [['--site', 'bad name!'], /a site name is/],
      [['--site', 'x=1.5e3'], /whole number/],
      [['--origin', 'phuonga.gov.vn'], /scheme and host/],
      [['--origin', 'https://a.vn/path'], /scheme and host/],
      [['--colour'], /Unknown option/],
      [['stray'], /positional/],
      [['--admin-token', 'short'], /16 characters or more/],
      [['--max-new-per-ip', 'many'], /--max-new-per-ip must be a whole number/],
      [['--max-connections', '0'], /--max-connections must be a whole number from 1/],
    ];
    for (const [argv, message] of mistakes) {
      assert.throws(() => parseOptions(argv, {}), (error) => error instanceof UsageError && message.test(error.message), argv.join(' '));
    }
  });
});

describe('the command', () => {
  it('prints help and its version, and exits 2 with a message on a mistake', () => {
    const english = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', LANGUAGE: '' };
    const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8', env: english });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: news-widgets-server/);
    assert.match(help.stdout, /--redis <url>/);
    const version = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
    const wrong = spawnSync(process.execPath, [BIN, '--port', 'nope'], { encoding: 'utf8' });
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /--port must be a port number/);
    assert.match(wrong.stderr, /--help/);
  });

  it('prints its help in Vietnamese under a Vietnamese locale, every option of the English one with it', () => {
    const run = (env) => spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANGUAGE: '', ...env } }).stdout;
    const english = run({ LANG: 'C.UTF-8' });
    const vietnamese = run({ LANG: 'vi_VN.UTF-8' });
    assert.match(vietnamese, /^Cách dùng: news-widgets-server \[tuỳ chọn\]/);
    // Words are wrapped to the terminal: read them as one line.
    assert.match(vietnamese.replace(/\s+/g, ' '), /--trust-proxy <v> [^]*1 cho một nginx[^]*Không bao giờ dùng true/);
    const flags = (text) => [...text.matchAll(/^ {2}(?:-\w, | {4})(--[a-z-]+)/gm)].map(([, flag]) => flag);
    assert.ok(flags(english).length >= 20, 'the English help lists its options');
    assert.deepEqual(flags(vietnamese), flags(english));
    for (const line of `${english}${vietnamese}`.split('\n')) assert.ok(line.length <= 90, `too long for a terminal: ${line}`);
  });

  it('exits 1 with a clear message when Redis cannot be reached', async () => {
    const port = await freePort();
    const result = spawnSync(process.execPath, [BIN, '--port', '0', '--redis', `redis://user:secret@127.0.0.1:${port}`], { encoding: 'utf8', timeout: 15_000 });
    assert.equal(result.status, 1);
    assert.match(result.stderr, new RegExp(`Could not connect to Redis at redis://…@127.0.0.1:${port}: connect ECONNREFUSED`));
    assert.doesNotMatch(result.stderr, /secret/);
  });

  it('serves the API with a SQLite file it creates, and stops cleanly on SIGTERM', async () => {
    const { dir, remove } = tempDir();
    const db = `${dir}/nested/visits.db`;
    const server = await startServerProcess(['--db', db, '--start-total', '41', '--origin', 'https://phuonga.gov.vn']);
    try {
      const posted = await fetch(`${server.url}/api/visits`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': browserAgent(1), origin: 'https://phuonga.gov.vn' },
        body: JSON.stringify({ path: '/' }),
      });
      assert.equal(posted.status, 200);
      assert.equal(posted.headers.get('access-control-allow-origin'), 'https://phuonga.gov.vn');
      assert.equal(posted.headers.get('cache-control'), 'no-store');
      assert.deepEqual(await posted.json(), { total: 42, online: 1, today: 1, yesterday: 0, week: 1, month: 1 });
      assert.ok(existsSync(db));
      const exited = new Promise((resolve) => server.child.once('exit', (code, signal) => resolve({ code, signal })));
      server.child.kill('SIGTERM');
      assert.deepEqual(await exited, { code: 0, signal: null });
    } finally {
      await server.stop();
      remove();
    }
  });
});
