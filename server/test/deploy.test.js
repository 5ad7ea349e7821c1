// The ways to run the server (server/Dockerfile, compose.yaml, the systemd
// unit) read as their tools would read them, and the commands they run shown
// to start the server. Docker here has no daemon: no image is built, but the
// Dockerfile's install and start lines are run as they are.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freePort, tempDir } from '../scripts/processes.js';

const SERVER = fileURLToPath(new URL('..', import.meta.url));
const ROOT = join(SERVER, '..');
const read = (path) => readFileSync(join(SERVER, path), 'utf8');

/** The Dockerfile's instructions, stage by stage: { name, args } with continuations joined. */
export function parseDockerfile(text) {
  const lines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  const stages = [];
  for (const line of lines) {
    const [, name, args] = line.match(/^(\w+)\s+(.*)$/) ?? [];
    assert.ok(name, `not an instruction: ${line}`);
    if (name.toUpperCase() === 'FROM') stages.push([]);
    assert.ok(stages.length, `${name} before FROM`);
    stages.at(-1).push({ name: name.toUpperCase(), args });
  }
  return stages;
}

const find = (stage, name) => stage.filter((instruction) => instruction.name === name);
/** ENV's key=value pairs. */
const envOf = (stage) => Object.fromEntries(find(stage, 'ENV').flatMap(({ args }) => [...args.matchAll(/(\w+)=("[^"]*"|\S+)/g)].map(([, k, v]) => [k, v.replace(/^"|"$/g, '')])));
/** The exec form of an instruction (a JSON array); everything else fails. */
const execForm = (args) => {
  const value = JSON.parse(args);
  assert.ok(Array.isArray(value) && value.every((part) => typeof part === 'string'), `not exec form: ${args}`);
  return value;
};

const stages = parseDockerfile(read('Dockerfile'));
const build = stages[0];
const final = stages.at(-1);
const env = envOf(final);
const workdir = find(final, 'WORKDIR').at(-1).args;
const startLine = [...execForm(find(final, 'ENTRYPOINT').at(-1).args), ...execForm(find(final, 'CMD').at(-1)?.args ?? '[]')];
const healthcheck = find(final, 'HEALTHCHECK').at(-1);
const healthLine = execForm(healthcheck.args.slice(healthcheck.args.indexOf('CMD ') + 4));

/** Starts the Dockerfile's start line in `dir` (standing for WORKDIR); resolves when /healthz answers 200. */
async function startAsDockerfileSays(dir) {
  const { dir: data, remove } = tempDir('nw-data-');
  const port = await freePort();
  const childEnv = { ...process.env, ...env, NEWS_DB: join(data, 'visits.db'), HOST: '127.0.0.1', PORT: String(port) };
  assert.equal(startLine[0], 'node');
  const child = spawn(process.execPath, startLine.slice(1), { cwd: dir, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  let health;
  for (let attempt = 0; attempt < 100 && child.exitCode === null; attempt++) {
    health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
    if (health) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    health,
    output: () => output,
    // The image's own health check, run as Docker would: exit 0 for healthy.
    healthcheck: () => spawnSync(process.execPath, healthLine.slice(1), { env: childEnv, encoding: 'utf8', timeout: 10_000 }).status,
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      remove();
      return code;
    },
  };
}

describe('server/Dockerfile', () => {
  it('builds in stages on node 20 slim and runs as a non-root user with a /data volume and a health check by node itself', () => {
    assert.ok(stages.length >= 2, 'a build stage and a runtime stage');
    for (const stage of stages) assert.match(stage[0].args, /^node:20-bookworm-slim\b/);
    const user = find(final, 'USER').at(-1)?.args;
    assert.ok(user, 'USER in the final stage');
    assert.doesNotMatch(user, /^(root|0)(:|$)/);
    assert.deepEqual(find(final, 'VOLUME').map((v) => v.args), ['/data']);
    assert.equal(env.NEWS_DB, '/data/visits.db');
    assert.equal(env.HOST, '0.0.0.0');
    assert.equal(healthLine[0], 'node');
    assert.match(healthLine.join(' '), /\/healthz/);
    for (const { args } of stages.flat()) assert.doesNotMatch(args, /\bcurl\b|\bwget\b/);
    assert.ok(find(build, 'RUN').some((run) => /npm ci --omit=dev -w server/.test(run.args)));
    assert.equal(workdir, '/app');
    assert.deepEqual(startLine.slice(0, 2), ['node', 'server/bin/news-widgets-server.js']);
  });

  it('its start line, run from the workspace, serves /healthz, passes its own health check and stops with 0 on SIGTERM', async () => {
    const server = await startAsDockerfileSays(ROOT);
    assert.equal(server.health?.status, 200, server.output());
    assert.equal(server.healthcheck(), 0);
    assert.equal(await server.stop(), 0);
  });

  it('its install line installs what the start line needs, in a copy made as its COPY lines say', { skip: process.env.NEWS_DEPLOY_INSTALL ? false : 'about 90 s (better-sqlite3 compiles): npm run prove -w server runs it' }, async () => {
    const { dir, remove } = tempDir('nw-image-');
    try {
      for (const stage of [build]) {
        for (const { name, args } of stage) {
          if (name === 'COPY') {
            const parts = args.split(/\s+/);
            const target = join(dir, parts.at(-1));
            for (const source of parts.slice(0, -1)) {
              const into = parts.at(-1).endsWith('/') ? join(target, source.split('/').at(-1)) : target;
              mkdirSync(dirname(into), { recursive: true });
              cpSync(join(ROOT, source), into, { recursive: true });
            }
          } else if (name === 'RUN' && /^npm /.test(args)) {
            const install = spawnSync('sh', ['-c', args], { cwd: dir, encoding: 'utf8', timeout: 300_000 });
            assert.equal(install.status, 0, install.stderr.slice(-2000));
          }
        }
      }
      const server = await startAsDockerfileSays(dir);
      assert.equal(server.health?.status, 200, server.output());
      assert.equal(await server.stop(), 0);
    } finally {
      remove();
    }
  });
});

describe('server/compose.yaml', () => {
  // The docker client's compose plugin, else Debian's docker-compose (1.29, which
  // scripts/test-node.mjs installs where it can): `config` needs no daemon.
  const plugin = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' }).status === 0;
  const standalone = !plugin && spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;
  const [command, ...prefix] = plugin ? ['docker', 'compose'] : ['docker-compose'];

  it('is valid for docker compose', { skip: plugin || standalone ? false : 'neither docker compose nor docker-compose is installed here' }, () => {
    const result = spawnSync(command, [...prefix, '-f', join(SERVER, 'compose.yaml'), 'config', '--quiet'], { encoding: 'utf8', env: { ...process.env, NEWS_ORIGINS: 'https://phuonga.gov.vn' } });
    assert.equal(result.status, 0, result.stderr);
  });

  it('runs two instances on one Redis behind nginx, one hop trusted', () => {
    const text = read('compose.yaml');
    for (const service of ['redis', 'counter-1', 'counter-2', 'nginx']) assert.match(text, new RegExp(`^  ${service}:`, 'm'), service);
    assert.match(text, /REDIS_URL: redis:\/\/redis:6379/);
    assert.match(text, /command: \["--trust-proxy", "1"\]/);
    assert.doesNotMatch(text, /trust-proxy", "true"/);
    assert.equal((text.match(/^\s+ports:/gm) ?? []).length, 1, 'only nginx publishes a port');
    const nginx = read('deploy/nginx.conf');
    assert.match(nginx, /server counter-1:8787[^]*server counter-2:8787/);
    assert.match(nginx, /X-Forwarded-For \$proxy_add_x_forwarded_for/);
  });
});

describe('server/deploy/news-widgets-server.service', () => {
  const unit = read('deploy/news-widgets-server.service');
  const keys = Object.fromEntries(unit.split('\n').filter((line) => /^\w+=/.test(line)).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));

  it('runs the server as a dynamic user in a sandbox, its state dir private', () => {
    assert.equal(keys.DynamicUser, 'yes');
    assert.equal(keys.StateDirectory, 'news-widgets-server');
    assert.equal(keys.StateDirectoryMode, '0700');
    assert.equal(keys.ProtectSystem, 'strict');
    assert.equal(keys.NoNewPrivileges, 'yes');
    assert.equal(keys.KillSignal, 'SIGTERM');
    assert.match(keys.ExecStart, /server\/bin\/news-widgets-server\.js --db \/var\/lib\/news-widgets-server\/visits\.db --trust-proxy 1$/);
    assert.notEqual(keys.MemoryDenyWriteExecute, 'yes', 'V8 needs to write code it runs');
  });

  it('passes systemd-analyze verify', { skip: spawnSync('systemd-analyze', ['--version']).status === 0 ? false : 'systemd-analyze is not installed' }, () => {
    const result = spawnSync('systemd-analyze', ['verify', join(SERVER, 'deploy/news-widgets-server.service')], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /Unknown|Invalid|Failed|ignoring/i, result.stderr);
  });
});
