// npm start: builds the package, then serves the demo ward page
// (demo/, with dist/ under /dist/) on http://localhost:8080 (PORT to change)
// with news-widgets-server, which also counts the page's visits.
import { execFileSync } from 'node:child_process';
import { parseOptions, startServer } from '../server/src/cli.js';

execFileSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });

// The counter server is the web server too: the demo page, dist/, and the
// /api/visits its <news-visit-counter> counts with, in SQLite under server/data/.
const options = parseOptions(
  ['--port', process.env.PORT ?? '8080', '--db', 'server/data/visits.db', '--static', 'demo', '--static', '/dist/=dist'],
  {},
);
const { app, address } = await startServer(options);
console.log(`Demo ward page: ${address.replace('127.0.0.1', 'localhost')}/ (visits counted at /api/visits in server/data/visits.db)`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => app.close().then(() => process.exit(0)));
}
