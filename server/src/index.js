// news-widgets-server as a library: build the app around a store of your own
// choosing, or start it the way the command line does.
export { buildApp, DEFAULT_SITE } from './app.js';
export { backup, restore } from './backup.js';
export { createMetrics } from './metrics.js';
export { parseOptions, startServer, WINDOWS } from './cli.js';
export { openSqliteStore } from './stores/sqlite.js';
export { openRedisStore } from './stores/redis.js';
export { dayKey, isBot, visitorId } from './visitor.js';
export { createRelay, RELAY_HEADER, relayRoutes } from './relay/index.js';
