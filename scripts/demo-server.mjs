// The demo ward page's web server: news-widgets-server serving demo/ at /
// and dist/ at /dist/, and counting the page's visits at /api/visits in
// SQLite (server/data/visits.db unless told otherwise). Beside it, on
// another port, a stand-in "province" portal whose RSS feed sends no CORS
// header, which the page reads through the server's feed relay, /api/feed.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseOptions, startServer } from '../server/src/cli.js';

const inRepo = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** The port demo/index.html reads the province feed from. */
export const PROVINCE_PORT = 8081;

/**
 * The province portal on 127.0.0.1: /rss (demo/province/rss.xml) and the
 * pictures it names under /uploads/, with no CORS header, as many portals.
 */
export function startProvince({ port = PROVINCE_PORT } = {}) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://province').pathname;
    const picture = /^\/uploads\/([a-z-]+\.svg)$/.exec(path);
    try {
      if (path === '/rss') {
        response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
        response.end(await readFile(inRepo('demo/province/rss.xml')));
      } else if (picture) {
        const body = await readFile(inRepo(`demo/images/${picture[1]}`));
        response.writeHead(200, { 'content-type': 'image/svg+xml' });
        response.end(body);
      } else {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('Not found');
      }
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/**
 * Starts both; resolves to `{ app, address, province }` (port 0: any free
 * port for the page; the province keeps its own port, the one the page names).
 * `moreStatic`: more `prefix=dir` folders to serve.
 * `app.close()` closes the province too.
 */
export async function startDemo({ port = 8080, db = inRepo('server/data/visits.db'), provincePort = PROVINCE_PORT, moreStatic = [] } = {}) {
  const province = await startProvince({ port: provincePort });
  // 127.0.0.1 listed exactly: the relay may then reach this loopback portal.
  const args = ['--port', String(port), '--db', db, '--static', inRepo('demo'), '--static', `/dist/=${inRepo('dist')}`, '--feed-host', '127.0.0.1'];
  // Tests add pages of their own (`prefix=dir`), served as the site's, on its origin.
  for (const folder of moreStatic) args.push('--static', folder);
  try {
    const started = await startServer(parseOptions(args, {}));
    started.app.server.once('close', () => province.close());
    return { ...started, province };
  } catch (error) {
    province.close();
    throw error;
  }
}
