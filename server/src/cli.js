// news-widgets-server's command line: options (and environment variables)
// to a running server.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildApp, DEFAULT_SITE, SITE_NAME } from './app.js';
import { helpText, parseArgsOptions } from './help.js';
import { parseRelayOptions, relaySettings } from './relay/options.js';
import { createRelay } from './relay/relay.js';
import { backup, BackupError, restore } from './backup.js';
import { isInside, realPathOf } from './static.js';
import { openRedisStore } from './stores/redis.js';
import { openSqliteStore } from './stores/sqlite.js';
import { isTimeZone } from './visitor.js';

// The options and their --help, described once (with the README's tables) in help.js.
const OPTIONS = parseArgsOptions();

export class UsageError extends Error {}

function count(text, what) {
  // Digits with optional group separators: 6407820, 6.407.820, 6,407,820.
  const value = /^\d[\d\s_.,]*$/.test(text) ? Number(text.replace(/\D/g, '')) : NaN;
  if (!Number.isSafeInteger(value)) throw new UsageError(`${what} must be a whole number of visits, not "${text}".`);
  return value;
}

function whole(text, what, min = 0) {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`${what} must be a whole number${min ? ` from ${min}` : ''}, not "${text}".`);
  return value;
}

function adminToken(text) {
  if (text === undefined || text === '') return undefined;
  if (text.length < 16) throw new UsageError('--admin-token must be 16 characters or more (e.g. openssl rand -base64 24).');
  return text;
}

function trustProxy(text) {
  if (text === undefined || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text;
}

/** Reads the command line and environment into the server's settings. */
export function parseOptions(argv, env = process.env) {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false, strict: true }));
  } catch (error) {
    throw new UsageError(error.message);
  }
  if (values.help || values.version) return { help: values.help, version: values.version };

  const port = Number(values.port ?? env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${values.port ?? env.PORT}".`);

  const timeZone = values.timezone ?? env.NEWS_TIMEZONE ?? 'Asia/Ho_Chi_Minh';
  if (!isTimeZone(timeZone)) throw new UsageError(`--timezone "${timeZone}" is not a time zone this Node.js knows (e.g. Asia/Ho_Chi_Minh).`);

  const sites = new Map([[DEFAULT_SITE, values['start-total'] === undefined ? 0 : count(values['start-total'], '--start-total')]]);
  for (const entry of values.site ?? []) {
    const [name, start] = entry.split('=');
    if (!SITE_NAME.test(name)) throw new UsageError(`--site "${name}": a site name is letters, digits, ".", "_" and "-", up to 63.`);
    sites.set(name, start === undefined ? 0 : count(start, `--site ${name}`));
  }

  const origins = (values.origin ?? [env.NEWS_ORIGINS ?? ''])
    .flatMap((text) => text.split(','))
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter(Boolean);
  for (const origin of origins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new UsageError(`--origin "${origin}" must be a scheme and host, such as https://phuongA.gov.vn, or *.`);
    }
  }

  const staticDirs = (values.static ?? []).map((entry) => {
    const at = entry.indexOf('=');
    const prefix = at > 0 ? entry.slice(0, at) : '/';
    return { prefix: prefix.endsWith('/') ? prefix : `${prefix}/`, root: at > 0 ? entry.slice(at + 1) : entry };
  });

  let relayOptions;
  try {
    relayOptions = parseRelayOptions(values, env);
  } catch (error) {
    throw new UsageError(error.message);
  }

  const db = values.db ?? env.NEWS_DB ?? 'data/visits.db';
  const redis = values.redis ?? env.REDIS_URL;
  if (!redis) {
    // The database and its WAL hold the day's salt: a static folder must not serve them.
    const dbPath = realPathOf(db);
    for (const dir of staticDirs) {
      if (isInside(realPathOf(dir.root), dbPath)) {
        throw new UsageError(`--static ${dir.root} holds the database ${db}: it would serve the counts and the day's salt. Keep the database out of the folder (--db).`);
      }
    }
  }

  return {
    ...relayOptions,
    port,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    db,
    redis,
    redisPrefix: values['redis-prefix'] ?? 'news-widgets:',
    origins,
    timeZone,
    sites,
    trustProxy: trustProxy(values['trust-proxy']),
    staticDirs,
    log: Boolean(values.log),
    maxNewPerIp: whole(values['max-new-per-ip'] ?? env.NEWS_MAX_NEW_PER_IP ?? '300', '--max-new-per-ip'),
    metrics: Boolean(values.metrics),
    adminToken: adminToken(values['admin-token'] ?? env.NEWS_ADMIN_TOKEN),
    maxConnections: whole(values['max-connections'] ?? env.NEWS_MAX_CONNECTIONS ?? '1000', '--max-connections', 1),
  };
}

export const WINDOWS = { sessionMs: 30 * 60_000, onlineMs: 5 * 60_000 };

/** Opens the store and starts listening; resolves to the app, the store and the address. */
export async function startServer(options) {
  const store = options.redis
    ? await openRedisStore(options.redis, {
        ...WINDOWS,
        prefix: options.redisPrefix,
        onError: (error) => console.error(`news-widgets-server: Redis: ${error.message}`),
      })
    : openSqliteStore(options.db, WINDOWS);
  const relaySetup = relaySettings(options);
  const relay = relaySetup && createRelay(relaySetup);
  const app = await buildApp({ ...options, store, relay, logger: options.log });
  app.addHook('onClose', () => store.close());
  if (relay) app.addHook('onClose', () => relay.close());
  const address = await app.listen({ port: options.port, host: options.host });
  return { app, store, address };
}

/** Grace for requests in flight at SIGTERM; after it their connections are cut. */
const STOP_GRACE_MS = 3000;

async function maintenance([command, file, ...rest]) {
  let db;
  try {
    if (!file || file.startsWith('-')) throw new UsageError(`${command} needs a FILE: news-widgets-server ${command} FILE [--db <file>].`);
    ({ db } = parseOptions(rest));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`news-widgets-server: ${error.message}\nRun news-widgets-server --help for the options.`);
    return 2;
  }
  try {
    const totals = command === 'backup' ? await backup(db, file) : restore(file, db);
    const summary = totals.map((row) => `${row.site} ${row.visits}`).join(', ') || 'no visits yet';
    console.log(command === 'backup' ? `news-widgets-server: ${db} copied to ${file} (${summary})` : `news-widgets-server: ${file} restored to ${db} (${summary})`);
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(`news-widgets-server: ${command}: ${error.message}`);
    return 1;
  }
}

export async function main(argv) {
  if (argv[0] === 'backup' || argv[0] === 'restore') return maintenance(argv);
  let options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`news-widgets-server: ${error.message}\nRun news-widgets-server --help for the options.`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(helpText());
    return 0;
  }
  if (options.version) {
    console.log(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
    return 0;
  }
  if (options.trustProxy === true) {
    console.warn('news-widgets-server: warning: --trust-proxy true believes the address any client writes in X-Forwarded-For, so one client can count as any number of visitors. Give the number of proxies in front (1 for one nginx) or their addresses instead.');
  }
  const { app, store, address } = await startServer(options);
  const cors = options.origins.length ? options.origins.join(', ') : 'this server\'s own pages only';
  console.log(`news-widgets-server: counting visits at ${address}/api/visits (${store.description}; CORS: ${cors}; today starts at midnight ${options.timeZone})`);
  if (options.feedHosts.length) console.log(`news-widgets-server: relaying feeds of ${options.feedHosts.join(', ')} at ${address}/api/feed (copies kept ${options.feedTtl} s)`);
  let closing = false;
  const stop = async (signal) => {
    if (closing) return;
    closing = true;
    console.log(`news-widgets-server: ${signal}: finishing the requests in flight, then stopping`);
    // Fastify stops accepting, closes idle connections, answers what is in
    // flight (503 to new requests on open connections), then closes the
    // store. Connections still busy after the grace (a client trickling
    // its request in) are cut: they get no veto on stopping.
    const cut = setTimeout(() => app.server.closeAllConnections(), STOP_GRACE_MS);
    const last = setTimeout(() => {
      console.error('news-widgets-server: did not stop in time; exiting anyway');
      process.exit(1);
    }, STOP_GRACE_MS + 10_000);
    last.unref();
    try {
      await app.close();
    } finally {
      clearTimeout(cut);
      clearTimeout(last);
    }
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return undefined;
}
