// Test-only routes on the test runner's server, so that tests meet real HTTP
// responses: any status, headers, body bytes and delay, and request counts.
//
//   /__test/respond?status=200&type=application/json&body=…&delay=ms&key=k&h.X-Name=v
//   /__test/respond?b64=…   body as base64 bytes (junk, other encodings)
//   /__test/respond?key=k&fail=n&failStatus=s   the first n requests named k answer s (503)
//   /__test/hang            never answers (until the client gives up)
//   /__test/respond?key=k&body=A&body=B   the nth request named k gets the nth body (the last repeats); status too
//   /__test/hits?key=k      how many /__test/respond requests named key k
//   /__test/requests?key=k  those requests: [{ method, type, body }] (body as text)
//   /__test/reset           forgets the counts
//   /__test/feed?count=n    a JSON Feed of n items "Tin số 1"… (too big for a query string)
//   /__test/respond?key=k&fail=n&failStatus=drop   the first n requests lose their connection
//   /__test/respond?file=dir/name   the body of test/fixtures/dir/name
//   /__test/respond?chunk=n&chunkDelay=ms   the body sent n bytes at a time, ms apart (2)
//   /__test/hits?key=k      also counts `aborted`: requests the client gave up while delayed
//   /__test/wp-posts?total=23&page=2&per_page=10&categories=1&search=…&key=k&delay=ms&delayPage=n
//                           a WordPress posts endpoint over `total` made-up posts: X-WP-Total
//                           headers (not with noTotals), a 400 past the last page; its requests listed under the key
//   /__test/relay?url=…&key=k  a stand-in for news-widgets-server's /api/feed (proven in server/test): reads
//                           url (this machine only) and answers its bytes and Content-Type; counted under key

import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';

const hits = new Map();
const requests = new Map();
const aborted = new Map();

async function requestText(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 65_536) break;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Waits `ms` (a minute at most) before the answer; a client that gives up
 * meanwhile is counted as `aborted` under `key`.
 */
async function answerAfter(ctx, key, ms) {
  const onClose = () => {
    if (key && !ctx.res.writableEnded) aborted.set(key, (aborted.get(key) ?? 0) + 1);
  };
  ctx.res.once('close', onClose);
  await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 60_000)));
  ctx.res.off('close', onClose);
}

/** A body that arrives a few bytes at a time, as over a slow or busy network. */
function trickle(bytes, size, delay) {
  return Readable.from((async function* pieces() {
    for (let start = 0; start < bytes.length; start += size) {
      if (start) await new Promise((resolve) => setTimeout(resolve, delay));
      yield bytes.subarray(start, start + size);
    }
  })());
}

export async function testRoutes(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  if (!url.pathname.startsWith('/__test/')) return next();
  const params = url.searchParams;
  switch (url.pathname) {
    case '/__test/respond': {
      const key = params.get('key');
      if (key) hits.set(key, (hits.get(key) ?? 0) + 1);
      if (key) {
        const body = ctx.method === 'GET' || ctx.method === 'HEAD' ? '' : await requestText(ctx.req);
        requests.set(key, [...(requests.get(key) ?? []), { method: ctx.method, type: ctx.get('content-type'), body }]);
      }
      if (key && hits.get(key) <= Number(params.get('fail') ?? 0)) {
        if (params.get('failStatus') === 'drop') {
          ctx.respond = false;
          ctx.req.socket.destroy();
          return;
        }
        ctx.status = Number(params.get('failStatus') ?? 503);
        ctx.body = 'Failed on purpose';
        return;
      }
      const delay = Number(params.get('delay') ?? 0);
      if (delay > 0) await answerAfter(ctx, key, delay);
      // Like bodies, statuses may be a list: the nth request gets the nth (the last repeats).
      const statuses = params.getAll('status');
      ctx.status = Number(statuses[Math.min(hits.get(key) ?? 1, statuses.length) - 1] ?? 200);
      for (const [name, value] of params) {
        if (name.startsWith('h.')) ctx.set(name.slice(2), value);
      }
      ctx.set('Cache-Control', 'no-store');
      const b64 = params.get('b64');
      const bodies = params.getAll('body');
      const body = bodies.length > 1 ? bodies[Math.min(hits.get(key) ?? 1, bodies.length) - 1] : (bodies[0] ?? '');
      const file = params.get('file');
      ctx.body = file ? await readFile(new URL(`../fixtures/${file.split('/').filter((part) => part && !part.startsWith('.')).join('/')}`, import.meta.url))
        : b64 !== null ? Buffer.from(b64, 'base64') : body;
      const chunk = Number(params.get('chunk') ?? 0);
      if (chunk > 0) ctx.body = trickle(Buffer.from(ctx.body), chunk, Number(params.get('chunkDelay') ?? 2));
      // Set after the body: Koa infers a type from the body otherwise.
      ctx.type = params.get('type') ?? 'application/json';
      return;
    }
    case '/__test/wp-json/wp/v2/categories': {
      // The site's categories, as /__test/wp-posts files its posts (23 by default: 12 and 11).
      hits.set('wp-categories', (hits.get('wp-categories') ?? 0) + 1);
      ctx.type = 'application/json';
      ctx.body = JSON.stringify([{ id: 1, name: 'Tin tức', count: 12 }, { id: 2, name: 'Thông báo', count: 11 }, { id: 3, name: 'Trống', count: 0 }]);
      return;
    }
    // The same posts under WordPress's own route, whose categories route is beside it.
    case '/__test/wp-json/wp/v2/posts':
    case '/__test/wp-posts': {
      const key = params.get('key');
      if (key) {
        hits.set(key, (hits.get(key) ?? 0) + 1);
        requests.set(key, [...(requests.get(key) ?? []), { method: ctx.method, url: url.search }]);
      }
      const page = Number(params.get('page') || 1);
      const delay = Number(params.get('delay') ?? 0);
      if (delay && (!params.get('delayPage') || Number(params.get('delayPage')) === page)) await answerAfter(ctx, key, delay);
      const names = ['Tin tức', 'Thông báo'];
      const category = Number(params.get('categories') || 0);
      const search = (params.get('search') ?? '').toLowerCase();
      const posts = Array.from({ length: Number(params.get('total') ?? 23) }, (_, i) => ({
        id: 1000 - i,
        date_gmt: new Date(Date.UTC(2021, 5, 30, 3) - i * 86_400_000).toISOString().slice(0, 19),
        link: `https://phuong.example.vn/bai-${i + 1}/`,
        title: { rendered: `Bài số ${i + 1} &#8211; ${names[i % 2]}` },
        excerpt: { rendered: `<p>Tóm tắt bài ${i + 1}</p>` },
        categories: [(i % 2) + 1],
        _embedded: { 'wp:term': [[{ id: (i % 2) + 1, name: names[i % 2], taxonomy: 'category' }]] },
      })).filter((post) => (!category || post.categories[0] === category) && post.title.rendered.toLowerCase().includes(search));
      const perPage = Number(params.get('per_page') || 10);
      const pages = Math.ceil(posts.length / perPage);
      ctx.type = 'application/json';
      ctx.set('Cache-Control', 'no-store');
      if (page > Math.max(pages, 1)) {
        ctx.status = 400;
        ctx.body = JSON.stringify({ code: 'rest_post_invalid_page_number', message: 'The page number requested is larger than the number of pages available.', data: { status: 400 } });
        return;
      }
      if (!params.has('noTotals')) {
        ctx.set('X-WP-Total', String(posts.length));
        ctx.set('X-WP-TotalPages', String(pages));
      }
      ctx.body = JSON.stringify(posts.slice((page - 1) * perPage, page * perPage));
      return;
    }
    case '/__test/relay': {
      const key = params.get('key');
      if (key) hits.set(key, (hits.get(key) ?? 0) + 1);
      const target = new URL(params.get('url') ?? '');
      if (!['localhost', '127.0.0.1'].includes(target.hostname)) {
        ctx.status = 403;
        return;
      }
      const upstream = await fetch(target);
      ctx.status = upstream.status;
      ctx.type = upstream.headers.get('content-type') ?? 'application/octet-stream';
      ctx.body = Buffer.from(await upstream.arrayBuffer());
      return;
    }
    case '/__test/hang':
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 60_000);
        ctx.req.on('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      ctx.status = 504;
      return;
    case '/__test/hits':
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ hits: hits.get(params.get('key')) ?? 0, aborted: aborted.get(params.get('key')) ?? 0 });
      return;
    case '/__test/requests':
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(requests.get(params.get('key')) ?? []);
      return;
    case '/__test/feed': {
      const count = Math.min(Number(params.get('count') ?? 0), 100_000);
      const items = Array.from({ length: count }, (_, i) => ({ id: `item-${i + 1}`, title: `Tin số ${i + 1}` }));
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Test', items });
      return;
    }
    case '/__test/reset':
      hits.clear();
      requests.clear();
      aborted.clear();
      ctx.body = 'ok';
      return;
    default:
      ctx.status = 404;
  }
}
