// The demo ward page's web server: news-widgets-server serving demo/ at /
// and dist/ at /dist/, and counting the page's visits at /api/visits in
// SQLite (server/data/visits.db unless told otherwise).
import { fileURLToPath } from 'node:url';
import { parseOptions, startServer } from '../server/src/cli.js';

const inRepo = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** Starts it; resolves to `{ app, address }` (port 0: any free port). */
export function startDemo({ port = 8080, db = inRepo('server/data/visits.db') } = {}) {
  const args = ['--port', String(port), '--db', db, '--static', inRepo('demo'), '--static', `/dist/=${inRepo('dist')}`];
  return startServer(parseOptions(args, {}));
}
