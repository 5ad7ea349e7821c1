// npm start: builds the package, then serves the demo ward page
// (demo/, with dist/ under /dist/) on http://localhost:8080 (PORT to change).
import { execFileSync } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

execFileSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

function resolveFile(pathname) {
  const root = pathname.startsWith('/dist/') ? 'dist' : 'demo';
  const relative = normalize(decodeURIComponent(pathname.replace(/^\/dist\//, '/'))).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, relative.endsWith('/') ? `${relative}index.html` : relative);
  return file.startsWith(root) ? file : undefined;
}

const port = Number(process.env.PORT ?? 8080);
createServer((request, response) => {
  const file = resolveFile(new URL(request.url, 'http://localhost').pathname);
  try {
    if (!file || !statSync(file).isFile()) throw new Error('not found');
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Không tìm thấy trang.');
  }
}).listen(port, () => console.log(`Demo ward page: http://localhost:${port}/`));
