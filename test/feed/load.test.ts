import { expect } from '@open-wc/testing';
import { loadFeed, type LoadOptions } from '../../src/feed/load.js';
import { LoadError } from '../../src/net/load-error.js';
import { abortedCount, jsonFeed, makeItems, requestCount, respondUrl } from '../helpers.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const key = (name: string) => `${name}-${Math.random()}`;
/** Short waits between retries: the backoff itself is timed in its own test. */
const options = (extra: Partial<LoadOptions> = {}): LoadOptions => ({ timezone: ZONE, retryDelay: 20, ...extra });

async function failure(promise: Promise<unknown>): Promise<LoadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(LoadError);
    return error as LoadError;
  }
  throw new Error('expected the load to fail');
}

/** The same test server under the other name of this machine: another origin. */
function otherOrigin(path: string): string {
  const url = new URL(path, location.href);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.href;
}

describe('loadFeed: bytes in the encoding the response declares', () => {
  it('reads windows-1258 declared in the XML declaration', async () => {
    const url = respondUrl({ file: 'feeds/rss-windows-1258.xml', type: 'application/rss+xml' });
    const { items } = await loadFeed(url, options());
    expect(items[0].title).to.equal('Hội nghị tổng kết công tác Đảng năm 2021');
    expect(items[0].summary).to.equal('Phường Hương Trà: người dân ra quân dọn vệ sinh, chăm sóc cây xanh.');
    // Composed, so that it matches what a reader types.
    expect(items[0].title).to.equal(items[0].title.normalize('NFC'));
  });

  it('reads windows-1258 declared only by the Content-Type charset', async () => {
    const url = respondUrl({ file: 'feeds/rss-windows-1258-undeclared.xml', type: 'text/xml; charset=windows-1258' });
    expect((await loadFeed(url, options())).items[0].title).to.equal('Hội nghị tổng kết công tác Đảng năm 2021');
  });

  it('reads ISO-8859-1 declared in single quotes', async () => {
    const url = respondUrl({ file: 'feeds/rss-iso-8859-1.xml', type: 'application/xml' });
    const { items } = await loadFeed(url, options());
    expect(items[0].title).to.equal('Réunion du conseil à Besançon');
    expect(items[0].summary).to.equal('Ordre du jour : budget, écoles, façades.');
  });

  it('lets the Content-Type charset win over the XML declaration, and a byte order mark win over both', async () => {
    const latin1 = respondUrl({ file: 'feeds/rss-windows-1258.xml', type: 'application/xml; charset=iso-8859-1' });
    // Read as Latin-1 the Vietnamese is mangled: the header was obeyed.
    expect((await loadFeed(latin1, options())).items[0].title).to.not.equal('Hội nghị tổng kết công tác Đảng năm 2021');
    const utf8 = new TextEncoder().encode(`\uFEFF${jsonFeed([{ id: 1, title: 'Đảng ủy' }])}`);
    const withBom = respondUrl({ b64: btoa(String.fromCharCode(...utf8)), type: 'application/json; charset=iso-8859-1' });
    expect((await loadFeed(withBom, options())).items[0].title).to.equal('Đảng ủy');
  });

  it('decodes a body that arrives a few bytes at a time, whatever falls across two reads', async () => {
    // Split every 7 bytes: Vietnamese letters are 2 or 3 bytes in UTF-8, and the
    // encoding is only known once the XML declaration is in.
    const windows1258 = respondUrl({ file: 'feeds/rss-windows-1258.xml', type: 'application/rss+xml', chunk: 7, chunkDelay: 1 });
    expect((await loadFeed(windows1258, options())).items[0].title).to.equal('Hội nghị tổng kết công tác Đảng năm 2021');
    const title = (i: number) => `Phường Hương Trà: “Ngày Chủ nhật xanh” lần ${i} – đường phố sạch đẹp`;
    const utf8 = respondUrl({ body: jsonFeed(makeItems(6, (i) => ({ title: title(i) }))), chunk: 7, chunkDelay: 1 });
    expect((await loadFeed(utf8, options())).items.map((item) => item.title)).to.deep.equal([0, 1, 2, 3, 4, 5].map(title));
  });

  it('gives up on a body that trickles in past the timeout', async () => {
    const url = respondUrl({ body: jsonFeed(makeItems(20)), chunk: 10, chunkDelay: 20 });
    const error = await failure(loadFeed(url, options({ timeout: 300, retries: 0 })));
    expect(error.info).to.include({ kind: 'timeout', seconds: 1 });
  });

  it('reads an unknown charset as UTF-8', async () => {
    const url = respondUrl({ body: jsonFeed([{ id: 1, title: 'Hương Trà' }]), type: 'application/json; charset=x-nonsense' });
    expect((await loadFeed(url, options())).items[0].title).to.equal('Hương Trà');
  });
});

describe('loadFeed: a bad network', () => {
  it('retries a 5xx with backoff and then succeeds', async () => {
    const name = key('retry-5xx');
    const url = respondUrl({ body: jsonFeed(makeItems(2)), key: name, fail: 2, failStatus: 503 });
    const started = performance.now();
    const feed = await loadFeed(url, options({ retryDelay: 100 }));
    expect(feed.items).to.have.length(2);
    expect(await requestCount(name)).to.equal(3);
    // Waits of 100 then 200 ms.
    expect(performance.now() - started).to.be.at.least(300);
  });

  it('gives up after the retries with the last HTTP status', async () => {
    const name = key('retry-exhausted');
    const url = respondUrl({ key: name, fail: 9, failStatus: 502 });
    const error = await failure(loadFeed(url, options()));
    expect(error.info).to.deep.include({ kind: 'http', status: 502, url: new URL(url, location.href).href });
    expect(await requestCount(name)).to.equal(3);
  });

  it('never retries a 4xx', async () => {
    const name = key('no-retry-4xx');
    const error = await failure(loadFeed(respondUrl({ key: name, status: 404, body: 'Not found', type: 'text/plain' }), options()));
    expect(error.info).to.deep.include({ kind: 'http', status: 404 });
    expect(await requestCount(name)).to.equal(1);
  });

  it('retries a dropped connection (a network error)', async () => {
    const name = key('retry-drop');
    const url = respondUrl({ body: jsonFeed(makeItems(1)), key: name, fail: 1, failStatus: 'drop' });
    expect((await loadFeed(url, options())).items).to.have.length(1);
    expect(await requestCount(name)).to.equal(2);
  });

  it('reports a connection that keeps failing as a network error, after retrying', async () => {
    const name = key('drop-always');
    const started = performance.now();
    const error = await failure(loadFeed(respondUrl({ key: name, fail: 99, failStatus: 'drop' }), options({ retryDelay: 200 })));
    expect(error.info).to.deep.include({ kind: 'network' });
    // Chromium itself resends a request whose reused connection drops, so the
    // server's count is no measure here; the two waits (200 and 400 ms) are.
    expect(performance.now() - started).to.be.at.least(600);
  });

  it('times out through AbortController: the server sees the request abandoned, and no retry follows', async () => {
    const name = key('timeout');
    const url = respondUrl({ body: jsonFeed(makeItems(1)), key: name, delay: 3000 });
    const started = performance.now();
    const error = await failure(loadFeed(url, options({ timeout: 300 })));
    expect(error.info).to.deep.include({ kind: 'timeout', seconds: 1 });
    expect(performance.now() - started).to.be.below(1500);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await abortedCount(name)).to.equal(1);
    expect(await requestCount(name)).to.equal(1);
  });

  it('stops when its signal aborts, with the abort and not a LoadError', async () => {
    const name = key('abort');
    const controller = new AbortController();
    const loading = loadFeed(respondUrl({ body: jsonFeed(makeItems(1)), key: name, delay: 3000 }), options({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 100);
    let caught: unknown;
    try {
      await loading;
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(DOMException);
    expect((caught as DOMException).name).to.equal('AbortError');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await abortedCount(name)).to.equal(1);
  });

  it('tells a CORS refusal apart from a network failure', async () => {
    const body = jsonFeed(makeItems(1));
    const refused = await failure(loadFeed(otherOrigin(respondUrl({ body })), options()));
    expect(refused.info).to.deep.include({ kind: 'cors' });
    // Allowed, the same other origin reads fine.
    const allowed = otherOrigin(respondUrl({ body, headers: { 'Access-Control-Allow-Origin': '*' } }));
    expect((await loadFeed(allowed, options())).items).to.have.length(1);
    // Nothing listening: a network failure, not CORS.
    const down = await failure(loadFeed('http://127.0.0.1:9/feed.json', options()));
    expect(down.info).to.deep.include({ kind: 'network' });
  });

  describe('through a relay', () => {
    const RSS = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tỉnh</title>
      <item><title>Tin của tỉnh</title><link>/tin/1.html</link>
      <description><![CDATA[<img src="/uploads/a.jpg"> Nội dung]]></description></item></channel></rss>`;

    it('reads a cross-origin feed that sends no CORS header, its links and pictures resolved against the feed, not the relay', async () => {
      const name = key('relayed');
      const feedUrl = otherOrigin(respondUrl({ body: RSS, type: 'application/rss+xml' }));
      const feedOrigin = new URL(feedUrl).origin;
      expect(feedOrigin).not.to.equal(location.origin);
      const refused = await failure(loadFeed(feedUrl, options()));
      expect(refused.info).to.deep.include({ kind: 'cors', url: feedUrl });
      const [item] = (await loadFeed(feedUrl, options({ relay: `/__test/relay?key=${name}` }))).items;
      expect(item.title).to.equal('Tin của tỉnh');
      expect(item.url).to.equal(`${feedOrigin}/tin/1.html`);
      expect(item.image).to.equal(`${feedOrigin}/uploads/a.jpg`);
      expect(await requestCount(name)).to.equal(1);
    });

    it('leaves a same-origin feed alone, and names the feed, not the relay, when the relay fails', async () => {
      const name = key('relay-unused');
      const sameOrigin = respondUrl({ body: RSS, type: 'application/rss+xml' });
      expect((await loadFeed(sameOrigin, options({ relay: `/__test/relay?key=${name}` }))).items).to.have.length(1);
      expect(await requestCount(name)).to.equal(0);
      const missing = otherOrigin(respondUrl({ status: 404, body: 'no' }));
      const error = await failure(loadFeed(missing, options({ relay: `/__test/relay?key=${name}` })));
      expect(error.info).to.deep.include({ kind: 'http', status: 404, url: missing });
    });
  });

  it('retries a cross-origin feed that fails once without its CORS header, instead of calling it a CORS refusal', async () => {
    // As nginx answers a 503 when its add_header lacks "always": no Access-Control-Allow-Origin.
    const body = jsonFeed(makeItems(1));
    const headers = { 'Access-Control-Allow-Origin': '*' };
    for (const failStatus of [503, 'drop'] as const) {
      const name = key(`cors-passing-${failStatus}`);
      const url = otherOrigin(respondUrl({ body, headers, key: name, fail: 1, failStatus }));
      expect((await loadFeed(url, options())).items, String(failStatus)).to.have.length(1);
      expect(await requestCount(name), String(failStatus)).to.be.at.least(2);
    }
  });

  it('reads a server page past the end as an empty page when asked to', async () => {
    const wordpressError = JSON.stringify({ code: 'rest_post_invalid_page_number', message: 'The page number requested is larger than the number of pages available.', data: { status: 400 } });
    const url = respondUrl({ status: 400, body: wordpressError });
    expect(await loadFeed(url, options({ pastEnd: true }))).to.deep.equal({ items: [] });
    expect((await failure(loadFeed(url, options()))).info).to.deep.include({ kind: 'http', status: 400 });
  });

  it('takes a total from X-Total-Count, and resolves links against the feed URL', async () => {
    const url = respondUrl({ body: JSON.stringify([{ title: 'Một', url: 'tin/1' }]), headers: { 'X-Total-Count': '42' } });
    const feed = await loadFeed(url, options());
    expect(feed.total).to.equal(42);
    expect(feed.items[0].url).to.equal(new URL('/__test/tin/1', location.href).href);
  });

  it('turns an unusable URL or map into a LoadError without a request', async () => {
    expect((await failure(loadFeed('http://[::1', options()))).info.kind).to.equal('network');
    const name = key('bad-map');
    const error = await failure(loadFeed(respondUrl({ key: name, body: '[]' }), options({ map: '{items: "data"}' })));
    expect(error.info).to.deep.include({ kind: 'parse', field: 'map' });
    expect(await requestCount(name)).to.equal(0);
  });
});
