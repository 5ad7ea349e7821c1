/**
 * Requests the stories make that a static file cannot answer, answered in the
 * page: `fetch()` of a `__story/…` URL never leaves the browser, so the
 * stories behave the same from `storybook dev` and from storybook-static
 * served by any plain file server. Every other request goes to fetch as usual.
 *
 *   __story/hang               never answers, and ignores aborts: the element's own
 *                              timeout (src/feed/fetch-within.ts) gives up waiting on
 *                              it only when fetch() settles, so it stays loading
 *   __story/status?code=503    answers that HTTP status
 *   __story/counter            a visit counter starting from fixtures/counter.json:
 *                              GET reads it; POST { path } counts a visit,
 *                              POST { path, heartbeat: true } counts nothing
 *   __story/pages?page=1       a server's first page of 5 items of fixtures/ward-feed.json
 *                              (X-Total-Count: 15); every later page answers HTTP 503
 */

const PREFIX = '/__story/';

interface Counts {
  total: number;
  online: number;
  today: number;
}

let counts: Promise<Counts> | undefined;

/** A URL beside iframe.html, so a Storybook published under a sub-path still works. */
const fixture = (path: string) => new URL(`fixtures/${path}`, document.baseURI).href;

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}

async function counter(request: Request, realFetch: typeof fetch): Promise<Response> {
  counts ??= realFetch(fixture('counter.json')).then((response) => response.json() as Promise<Counts>);
  if (request.method === 'GET') return json(await counts);
  if (request.method !== 'POST') return json({ error: 'GET or POST' }, 405);
  let visit: { path?: unknown; heartbeat?: unknown } | null;
  try {
    visit = JSON.parse(await request.text());
  } catch {
    return json({ error: 'JSON body expected' }, 400);
  }
  if (!visit || typeof visit.path !== 'string') return json({ error: 'path expected' }, 400);
  const now = await counts;
  if (!visit.heartbeat) counts = Promise.resolve({ ...now, total: now.total + 1, today: now.today + 1 });
  return json(await counts);
}

async function pages(url: URL, realFetch: typeof fetch): Promise<Response> {
  if (url.searchParams.get('page') !== '1') return json({ error: 'Lỗi dựng sẵn cho trang sau.' }, 503);
  const feed = (await (await realFetch(fixture('ward-feed.json'))).json()) as { items: { image?: string }[] };
  // The fixture's pictures are relative to it, not to this route: made absolute.
  const items = feed.items.slice(0, 5).map((item) => ({ ...item, image: item.image && fixture(item.image) }));
  return json({ ...feed, items }, 200, { 'X-Total-Count': '15' });
}

function answer(request: Request, url: URL, realFetch: typeof fetch): Promise<Response> {
  switch (url.pathname.slice(url.pathname.lastIndexOf(PREFIX) + PREFIX.length)) {
    case 'hang':
      return new Promise<Response>(() => {});
    case 'status': {
      const code = Number(url.searchParams.get('code'));
      return Promise.resolve(new Response('Lỗi dựng sẵn cho câu chuyện Storybook.', {
        status: code >= 400 && code <= 599 ? code : 503,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      }));
    }
    case 'counter':
      return counter(request, realFetch);
    case 'pages':
      return pages(url, realFetch);
    default:
      return Promise.resolve(json({ error: `no story route ${url.pathname}` }, 404));
  }
}

/** Puts the story routes in front of `fetch` (once per page). */
export function installStoryRequests(): void {
  if ((globalThis.fetch as { storyRoutes?: boolean }).storyRoutes) return;
  const realFetch = globalThis.fetch.bind(globalThis);
  const storyFetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== location.origin || !url.pathname.includes(PREFIX)) return realFetch(input, init);
    return answer(request, url, realFetch);
  };
  Object.assign(storyFetch, { storyRoutes: true });
  globalThis.fetch = storyFetch;
}
