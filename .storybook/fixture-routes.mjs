// Routes for the stories that a static file cannot serve. Storybook's dev
// server mounts them through a Vite plugin (main.ts); scripts/check-stories.mjs
// mounts them beside storybook-static. Nothing here reaches the network.
//
//   /__story/hang                never answers, until the page gives up on it
//   /__story/status?code=503     answers that HTTP status
//   /__story/counter             a visit counter: GET reads it; POST { path }
//                                counts a visit, POST { path, heartbeat: true } counts nothing
//   /__story/pages?page=1        a server's first page of 5 items (of 15, X-Total-Count);
//                                every later page answers HTTP 503

import { readFileSync } from 'node:fs';

const START = { total: 6407820, online: 1229, today: 3009 };
const WARD_FEED = new URL('../stories/fixtures/ward-feed.json', import.meta.url);
let counts = { ...START };

function sendJson(response, status, body) {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

function readBody(request) {
  return new Promise((resolve) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => {
      if (body.length < 10_000) body += chunk;
    });
    request.on('end', () => resolve(body));
    request.on('error', () => resolve(''));
  });
}

async function counter(request, response) {
  if (request.method === 'GET') return sendJson(response, 200, counts);
  if (request.method !== 'POST') return sendJson(response, 405, { error: 'GET or POST' });
  let visit;
  try {
    visit = JSON.parse(await readBody(request));
  } catch {
    return sendJson(response, 400, { error: 'JSON body expected' });
  }
  if (!visit || typeof visit.path !== 'string') return sendJson(response, 400, { error: 'path expected' });
  if (!visit.heartbeat) counts = { ...counts, total: counts.total + 1, today: counts.today + 1 };
  return sendJson(response, 200, counts);
}

/** Connect-style middleware: `(request, response, next)`. */
export function fixtureRoutes(request, response, next) {
  const url = new URL(request.url ?? '/', 'http://localhost');
  switch (url.pathname) {
    case '/__story/hang': {
      // Held open until the client aborts (the element's own timeout) or leaves.
      const timer = setTimeout(() => response.destroy(), 10 * 60_000);
      request.on('close', () => clearTimeout(timer));
      return;
    }
    case '/__story/status': {
      const code = Number(url.searchParams.get('code'));
      response.writeHead(code >= 400 && code <= 599 ? code : 503, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Lỗi dựng sẵn cho câu chuyện Storybook.');
      return;
    }
    case '/__story/counter':
      void counter(request, response);
      return;
    case '/__story/pages': {
      if (url.searchParams.get('page') !== '1') return sendJson(response, 503, { error: 'Lỗi dựng sẵn cho trang sau.' });
      const feed = JSON.parse(readFileSync(WARD_FEED, 'utf8'));
      // Its relative images sit beside the fixture, not beside this route.
      const items = feed.items.slice(0, 5).map((item) => ({ ...item, image: item.image && `/fixtures/${item.image}` }));
      response.setHeader('X-Total-Count', '15');
      return sendJson(response, 200, { ...feed, items });
    }
    default:
      next();
  }
}
