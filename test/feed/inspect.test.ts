import { expect } from '@open-wc/testing';
import { inspectFeed, suggestDateFormat } from '../../src/index.js';
import { strings } from '../../src/i18n/strings.js';
import { respondUrl } from '../helpers.js';

/** The same test server under the other name of this machine: another origin. */
function otherOrigin(path: string): string {
  const url = new URL(path, location.href);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.href;
}

const fixture = (file: string, type: string, headers?: Record<string, string>) => respondUrl({ file: `feeds/${file}`, type, headers });
const MAP = { items: 'ketQua.dsBai', id: 'maBai', title: 'tenBai', url: 'lk', date: 'thoiGian', summary: 'gioiThieu', image: 'hinh.duongDanAnh', category: 'nhom' };

describe('inspectFeed: what the engine finds in a feed', () => {
  it('a JSON Feed: format, items, dates and the fields each item has', async () => {
    const result = await inspectFeed(fixture('jsonfeed-1.1.json', 'application/feed+json'));
    expect(result.format).to.equal('jsonfeed');
    expect(result.access).to.equal('direct');
    expect(result.error).to.equal(undefined);
    expect(result.items.length).to.equal(result.entries);
    expect(result.items.length).to.be.greaterThan(0);
    expect(result.fields.title).to.equal(result.items.length);
    expect(result.fields.link).to.equal(result.items.filter((item) => item.url).length);
    const times = result.items.map((item) => (item.published ?? item.modified)!.getTime());
    expect(result.newest!.getTime()).to.equal(Math.max(...times));
    expect(result.oldest!.getTime()).to.equal(Math.min(...times));
  });

  it('WordPress posts, RSS in windows-1258 and Atom are told apart', async () => {
    expect((await inspectFeed(fixture('wordpress-posts.json', 'application/json'))).format).to.equal('wordpress');
    const rss = await inspectFeed(fixture('rss-windows-1258.xml', 'application/rss+xml'));
    expect(rss.format).to.equal('rss');
    expect(rss.items[0].title).to.equal('Hội nghị tổng kết công tác Đảng năm 2021');
    expect((await inspectFeed(fixture('atom.xml', 'application/atom+xml'))).format).to.equal('atom');
  });

  it('JSON the usual names cannot read: the error the element shows, and the lists and fields a map can name', async () => {
    const result = await inspectFeed(fixture('custom-unmapped.json', 'application/json'));
    expect(result.format).to.equal('json');
    expect(result.items).to.deep.equal([]);
    expect(result.error?.kind).to.equal('format');
    // Read as JSON Feed, the reader of last resort, as <news-feed> does.
    expect(strings('vi').error(result.error!)).to.contain('không đúng định dạng JSON Feed: không có trường items');
    const list = result.lists!.find((entry) => entry.path === 'ketQua.dsBai')!;
    expect(list.count).to.equal(3);
    expect(list.fields.map((field) => field.path)).to.include.members(['tenBai', 'thoiGian', 'hinh.duongDanAnh']);
    expect(list.fields.find((field) => field.path === 'thoiGian')!.examples).to.deep.equal(['05/12/2026 lúc 08:30', '03/12/2026 lúc 14:00', '30/11/2026 lúc 07:45']);
  });

  it('with the map written and without a dateFormat: every item, and the dates it could not read with examples', async () => {
    const result = await inspectFeed(fixture('custom-unmapped.json', 'application/json'), { map: MAP });
    expect(result.error).to.equal(undefined);
    expect(result.items.map((item) => item.title)[0]).to.equal('Phường Thanh Bình ra quân làm sạch kênh rạch');
    expect(result.fields).to.deep.equal({ title: 3, link: 3, date: 0, summary: 2, image: 2, category: 3 });
    expect(result.unreadDates).to.deep.equal({ count: 3, examples: ['05/12/2026 lúc 08:30', '03/12/2026 lúc 14:00', '30/11/2026 lúc 07:45'] });
    const dateFormat = suggestDateFormat(result.lists![0].fields.find((field) => field.path === 'thoiGian')!.examples);
    expect(dateFormat).to.equal("dd/MM/yyyy 'lúc' HH:mm");
    const dated = await inspectFeed(fixture('custom-unmapped.json', 'application/json'), { map: JSON.stringify({ ...MAP, dateFormat }) });
    expect(dated.fields.date).to.equal(3);
    expect(dated.unreadDates.count).to.equal(0);
    expect(dated.newest!.toISOString()).to.equal('2026-12-05T01:30:00.000Z');
    expect(dated.oldest!.toISOString()).to.equal('2026-11-30T00:45:00.000Z');
  });

  it('a feed on another origin without CORS: refused, then read through the relay, which it names', async () => {
    const url = otherOrigin(fixture('rss-2.0.xml', 'application/rss+xml'));
    const refused = await inspectFeed(url);
    expect(refused.access).to.equal('unreachable');
    expect(refused.error?.kind).to.equal('cors');
    const relayed = await inspectFeed(url, { relay: '/__test/relay' });
    expect(relayed.access).to.equal('relay');
    expect(relayed.relay).to.equal(new URL('/__test/relay', location.href).href);
    expect(relayed.format).to.equal('rss');
    expect(relayed.items.length).to.be.greaterThan(0);
    // Links resolve against the feed, not the relay.
    expect(relayed.items[0].url?.startsWith(new URL(url).origin) || !relayed.items[0].url?.includes('/__test/')).to.equal(true);
  });

  it('a feed on another origin that allows CORS is read directly', async () => {
    const url = otherOrigin(fixture('rss-2.0.xml', 'application/rss+xml', { 'Access-Control-Allow-Origin': '*' }));
    const result = await inspectFeed(url, { relay: '/__test/relay' });
    expect(result.access).to.equal('direct');
    expect(result.relay).to.equal(undefined);
  });

  it('errors come as the element has them: HTTP status, a web page instead of a feed, broken JSON', async () => {
    expect((await inspectFeed(respondUrl({ status: 404, body: 'no' }))).error).to.include({ kind: 'http', status: 404 });
    const page = await inspectFeed(respondUrl({ body: '<!doctype html><html><body>Trang chủ</body></html>', type: 'text/html' }));
    expect(page.error).to.include({ kind: 'format', found: 'HTML' });
    const broken = await inspectFeed(respondUrl({ body: '{"items": [', type: 'application/json' }));
    expect(broken.error?.kind).to.equal('parse');
    expect((await inspectFeed('http://[bad')).error?.kind).to.equal('network');
  });

  it('suggests no dateFormat for dates the engine reads alone, and none when no pattern fits', () => {
    expect(suggestDateFormat(['2026-12-05T08:30:00+07:00', '21/06/2021 14:30'])).to.equal(undefined);
    expect(suggestDateFormat(['hôm qua'])).to.equal(undefined);
    expect(suggestDateFormat(['08g30 05/12/2026', '14g00 03/12/2026'])).to.equal("HH'g'mm dd/MM/yyyy");
  });
});
