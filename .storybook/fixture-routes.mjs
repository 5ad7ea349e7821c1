// Routes for the stories that a static file cannot serve. Storybook's dev
// server mounts them through a Vite plugin (main.ts); scripts/check-stories.mjs
// mounts them beside storybook-static. Nothing here reaches the network.
//
//   /__story/hang                never answers, until the page gives up on it
//   /__story/status?code=503     answers that HTTP status
//   /__story/counter             a visit counter: GET reads it; POST { path }
//                                counts a visit, POST { path, heartbeat: true } counts nothing

const START = { total: 6407820, online: 1229, today: 3009 };
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
    default:
      next();
  }
}
