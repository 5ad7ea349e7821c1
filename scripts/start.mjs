// npm start: builds the package, then serves the demo ward page
// (demo/, with dist/ under /dist/) on http://localhost:8080 (PORT to change)
// with news-widgets-server, which also counts the page's visits and relays
// the feed of a stand-in province portal on http://127.0.0.1:8081/rss.
import { execFileSync } from 'node:child_process';
import { PROVINCE_PORT, startDemo } from './demo-server.mjs';

execFileSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });

const { app, address } = await startDemo({ port: process.env.PORT ?? 8080 });
console.log(`Demo ward page: ${address.replace('127.0.0.1', 'localhost')}/ (visits counted at /api/visits in server/data/visits.db)`);
console.log(`Province feed (no CORS header): http://127.0.0.1:${PROVINCE_PORT}/rss, read by the page through ${address}/api/feed`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => app.close().then(() => process.exit(0)));
}
