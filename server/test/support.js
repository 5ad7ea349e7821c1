// Builds the app on a fresh SQLite file or a fresh Redis key prefix, with a
// clock the test moves, and sends it requests in-process (Fastify's inject).
import { buildApp } from '../src/app.js';
import { WINDOWS } from '../src/cli.js';
import { openRedisStore } from '../src/stores/redis.js';
import { openSqliteStore } from '../src/stores/sqlite.js';
import { tempDir } from '../scripts/processes.js';

export const MINUTE = 60_000;
/** 2026-03-10 10:00 in Hà Nội (03:00 UTC). */
export const MORNING = Date.UTC(2026, 2, 10, 3, 0);

export const browserAgent = (n = 1) => `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36 Test/${n}`;

let prefixes = 0;

/** The three numbers the counter has always had (the tests of the others ask for them all). */
export const three = ({ total, online, today }) => ({ total, online, today });

/** Opens a store of `kind` that nothing else has written to. */
export async function freshStore(kind, { redisUrl, dir, prefix, ...more } = {}) {
  if (kind === 'redis') {
    return openRedisStore(redisUrl, { ...WINDOWS, prefix: prefix ?? `test-${process.pid}-${Date.now()}-${++prefixes}:`, ...more });
  }
  return openSqliteStore(`${dir}/visits.db`, { ...WINDOWS, ...more });
}

/**
 * A counter app for one test. `visit(n)` is a POST from visitor n (its own
 * address and agent); `counts()` a GET.
 */
export async function counter(kind, { redisUrl, store, appOptions = {}, dir: givenDir, storeOptions = {} } = {}) {
  const temp = givenDir ? undefined : tempDir();
  const dir = givenDir ?? temp.dir;
  const clock = { now: MORNING };
  const usedStore = store ?? (await freshStore(kind, { redisUrl, dir, ...storeOptions }));
  const app = await buildApp({ store: usedStore, now: () => clock.now, ...appOptions });
  const post = (n, body = { path: '/' }, { site, headers = {} } = {}) =>
    app.inject({
      method: 'POST',
      url: `/api/visits${site ? `?site=${site}` : ''}`,
      remoteAddress: `127.0.${(n >> 8) & 255}.${n & 255}`,
      headers: { 'user-agent': browserAgent(n), ...headers },
      payload: body,
    });
  const all = async (site) => {
    const response = await app.inject({ method: 'GET', url: `/api/visits${site ? `?site=${site}` : ''}` });
    if (response.statusCode !== 200) throw new Error(`GET: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const c = {
    app,
    store: usedStore,
    clock,
    dir,
    post,
    /** A visit of visitor n; its answer's total, online and today. */
    visit: async (n, options) => three(await c.visitAll(n, options)),
    /** A visit of visitor n (to `path`); the whole answer. */
    visitAll: async (n, { path = '/', ...options } = {}) => {
      const response = await post(n, { path }, options);
      if (response.statusCode !== 200) throw new Error(`POST: ${response.statusCode} ${response.body}`);
      return response.json();
    },
    heartbeat: async (n, options) => three((await post(n, { path: '/', heartbeat: true }, options)).json()),
    /** GET: total, online and today. */
    counts: async (site) => three(await all(site)),
    /** GET: the whole answer. */
    all,
    async close() {
      await app.close();
      if (!store) await usedStore.close();
      temp?.remove();
    },
  };
  return c;
}
