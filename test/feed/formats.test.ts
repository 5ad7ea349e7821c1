import { expect } from '@open-wc/testing';
import { parseWordPressCategories, wordpressCategoriesUrl } from '../../src/feed/formats/wordpress.js';
import { parseFeed, parseMap } from '../../src/feed/parse.js';
import { type FeedFormat, type NewsItem, type ParseContext, type ParsedFeed } from '../../src/feed/types.js';
import { LoadError } from '../../src/net/load-error.js';

const SITE = 'https://thanhbinh.example.vn/';
const ZONE = 'Asia/Ho_Chi_Minh';

async function fixtureText(name: string): Promise<string> {
  const response = await fetch(`/test/fixtures/feeds/${name}`);
  if (!response.ok) throw new Error(`missing fixture ${name}`);
  return response.text();
}

/** Parses a fixture as if it had been fetched from the ward's site. */
async function parseFixture(name: string, format: FeedFormat = 'auto', extra: Partial<ParseContext> = {}): Promise<ParsedFeed> {
  return parseFeed({ text: await fixtureText(name) }, format, { baseUrl: `${SITE}feeds/${name}`, timezone: ZONE, ...extra });
}

function parseText(text: string, format: FeedFormat = 'auto', extra: Partial<ParseContext> = {}): ParsedFeed {
  return parseFeed({ text }, format, { baseUrl: `${SITE}feed`, timezone: ZONE, ...extra });
}

/** The LoadError a parse throws, or a failure when it does not throw one. */
function feedError(parse: () => unknown): LoadError {
  try {
    parse();
  } catch (error) {
    expect(error).to.be.instanceOf(LoadError);
    return error as LoadError;
  }
  throw new Error('expected a LoadError');
}

const iso = (item: NewsItem, field: 'published' | 'modified' = 'published') => item[field]?.toISOString();

describe('JSON Feed', () => {
  it('reads 1.0: numeric ids as strings, the one author, an item without an id known by its URL', async () => {
    const { items } = await parseFixture('jsonfeed-1.0.json');
    expect(items.map((item) => item.id)).to.deep.equal(['301', '302', 'https://thanhbinh.example.vn/tin-tuc/khong-co-id']);
    expect(items[0].summary).to.equal('Sáng 21/6, Trung tâm chính trị khai giảng lớp bồi dưỡng.');
    // The feed's author stands for items that name none.
    expect(items[0].authors).to.deep.equal(['Ban biên tập']);
    expect(items[1].authors).to.deep.equal(['Hội Phụ nữ phường']);
    expect(items[1].summary).to.equal('Toàn phường ra quân tổng vệ sinh.');
    expect(iso(items[0])).to.equal('2021-06-21T02:00:00.000Z');
    expect(items[0].categories).to.deep.equal(['Đảng, đoàn thể']);
  });

  it('reads 1.1: authors, tags, relative URLs, a bare date in the zone, and the next page', async () => {
    const feed = await parseFixture('jsonfeed-1.1.json');
    const [first, second] = feed.items;
    expect(first).to.deep.include({
      id: 'tin-401',
      title: 'Đại hội Chi bộ tổ dân phố Hương Trà',
      url: `${SITE}tin-tuc/401`,
      image: `${SITE}uploads/dai-hoi.jpg`,
      summary: 'Đại hội nhiệm kỳ 2020 - 2025.',
    });
    expect(first.authors).to.deep.equal(['Chi bộ Hương Trà', 'Ban Tuyên giáo']);
    expect(first.categories).to.deep.equal(['Đảng, đoàn thể', 'Hương Trà']);
    expect(iso(first)).to.equal('2021-06-21T07:30:00.000Z');
    expect(iso(first, 'modified')).to.equal('2021-06-22T01:00:00.000Z');
    // No title: the start of its text is its title, not repeated as a summary.
    expect(second.title).to.equal('Một mẩu tin ngắn không có tiêu đề, như JSON Feed cho phép.');
    expect(second.summary).to.equal(undefined);
    expect(feed.nextUrl).to.equal(`${SITE}feeds/jsonfeed-1.1-page2.json`);
  });

  it('reads bare dates in the zone it is given', () => {
    const { items } = parseText(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: 1, title: 'A', date_published: '2021-06-21T14:30:00' }] }), 'auto', { timezone: 'UTC' });
    expect(iso(items[0])).to.equal('2021-06-21T14:30:00.000Z');
  });

  it('reads an object that only looks like a feed (items without ids, no version) by the usual names', () => {
    const api = parseText(JSON.stringify({ total: 12, items: [{ title: 'Tin một', link: '/tin/1', pubDate: '21/06/2021 14:30' }] }));
    expect(api.items.map((item) => [item.id, item.title, iso(item)])).to.deep.equal([[`${SITE}tin/1`, 'Tin một', '2021-06-21T07:30:00.000Z']]);
    expect(api.total).to.equal(12);
    // Under another name too.
    expect(parseText('{"posts":[{"title":"Tin hai"}]}').items.map((item) => item.title)).to.deep.equal(['Tin hai']);
    // A declared JSON Feed, or one whose first item has an id, keeps an item without one: its URL,
    // else its title and date, stands in (WordPress plugins and static-site generators leave ids out).
    const declared = parseText(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [
      { title: 'Không id', url: '/tin/9' },
      { title: 'Không id, không địa chỉ', date_published: 'Tue, 10 Jun 2025 09:15:00 +0700' },
      { title: 'Chỉ có tiêu đề', date_published: '2025-06-10T09:15:00' },
    ] }));
    expect(declared.items.map((item) => [item.id, iso(item)])).to.deep.equal([
      [`${SITE}tin/9`, undefined],
      ['Không id, không địa chỉ 2025-06-10T02:15:00.000Z', '2025-06-10T02:15:00.000Z'],
      ['Chỉ có tiêu đề 2025-06-10T02:15:00.000Z', '2025-06-10T02:15:00.000Z'],
    ]);
    expect(parseText(JSON.stringify({ items: [{ id: 7, title: 'Có id' }, { title: 'Không id' }] })).items.map((item) => item.id)).to.deep.equal(['7', 'Không id']);
  });

  it('reads an old .NET API with Vietnamese field names, no map needed: {"d":[{"TieuDe":…,"NgayDang":"28/04/2021 08:30",…}]}', () => {
    const api = JSON.stringify({ d: [
      { TieuDe: 'Hội nghị giao ban', TomTat: 'Tóm tắt', NgayDang: '28/04/2021 08:30', Link: '/tin/1', AnhDaiDien: '/anh/1.jpg', ChuyenMuc: 'Thông báo' },
    ] });
    const [item] = parseText(api).items;
    expect([item.title, item.summary, iso(item), item.url, item.image, item.categories]).to.deep.equal([
      'Hội nghị giao ban', 'Tóm tắt', '2021-04-28T01:30:00.000Z', `${SITE}tin/1`, `${SITE}anh/1.jpg`, ['Thông báo']]);
  });

  it('reads a map whose field is miscased (tieude for TieuDe)', () => {
    const [item] = parseText(JSON.stringify({ data: [{ TieuDe: 'Tin', Ngay: '28/04/2021' }] }), 'auto', { map: { items: 'Data', title: 'tieude', date: 'ngay' } }).items;
    expect([item.title, iso(item)]).to.deep.equal(['Tin', '2021-04-27T17:00:00.000Z']);
  });

  it('says what records it found, and which field, when it can read none of them (not "no news")', () => {
    const error = feedError(() => parseText(JSON.stringify({ Result: [{ MaBai: 1, NoiDungX: 'x' }, { MaBai: 2, NoiDungX: 'y' }] })));
    expect(error.info).to.deep.include({ kind: 'format', format: 'JSON', field: 'title', found: '2 × { MaBai, NoiDungX }' });
  });

  it('says the items field is missing, in the words of the contract', () => {
    const error = feedError(() => parseText('{"title":"Không phải nguồn tin"}'));
    expect(error.info).to.deep.include({ kind: 'format', format: 'JSON Feed', field: 'items' });
  });
  it('decodes HTML5 entity names in JSON text, and an escaped tag stays text', () => {
    const { items } = parseText(JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      items: [
        { id: '1', title: 'Th&ocirc;ng b&aacute;o &dstrok;&abreve;ng k&yacute;&hellip; &ldquo;Ng&agrave;y hội&rdquo;', summary: 'Gi&aacute; 5&euro;&nbsp;&rarr; &Ntilde;' },
        { id: '2', title: '&lt;script&gt;alert(1)&lt;/script&gt;', content_text: '&LT;img src=x onerror=alert(1)&GT;' },
      ],
    }), 'jsonfeed');
    expect(items[0].title).to.equal('Thông báo đăng ký… “Ngày hội”');
    expect(items[0].summary).to.equal('Giá 5€ → Ñ');
    expect(items[1].title).to.equal('<script>alert(1)</script>');
    expect(items[1].summary).to.equal('<img src=x onerror=alert(1)>');
  });
});

describe('WordPress REST with _embed', () => {
  const headers = new Headers({ 'X-WP-Total': '57', 'X-WP-TotalPages': '6' });

  it('decodes rendered titles, drops the "read more" link, takes UTC dates and embedded media and categories', async () => {
    const feed = await parseFixture('wordpress-posts.json', 'auto', { headers });
    const [post, notice, privateImage] = feed.items;
    expect(post).to.deep.include({
      id: '1287',
      title: 'Hội nghị sơ kết 6 tháng “đầu năm” – Đảng ủy & UBND phường',
      url: 'https://phuongthanhbinh.example.vn/2021/06/21/hoi-nghi-so-ket-6-thang/',
      summary: 'Sáng 21/6, Đảng ủy phường tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2021',
      image: 'https://phuongthanhbinh.example.vn/wp-content/uploads/2021/06/hoi-nghi-so-ket-768x512.jpg',
      imageAlt: 'Quang cảnh hội nghị',
    });
    expect(iso(post)).to.equal('2021-06-21T07:30:00.000Z');
    expect(iso(post, 'modified')).to.equal('2021-06-21T08:02:11.000Z');
    expect(post.authors).to.deep.equal(['Ban biên tập']);
    // Categories, not tags.
    expect(post.categories).to.deep.equal(['Tin tức & Sự kiện', 'Đảng, đoàn thể']);
    // 23:15 UTC on the 20th is the 21st in Hà Nội.
    expect(iso(notice)).to.equal('2021-06-20T23:15:00.000Z');
    expect(notice.image).to.equal(undefined);
    // An embedded error object (a private image, a deleted author) is no data.
    expect(privateImage.image).to.equal(undefined);
    expect(privateImage.authors).to.deep.equal([]);
    expect(privateImage.summary).to.equal(undefined);
    expect(privateImage.categories).to.deep.equal(['Chưa phân loại']);
  });

  it('takes totals from X-WP-Total and X-WP-TotalPages, and links the next page', async () => {
    const feed = await parseFixture('wordpress-posts.json', 'wordpress', { headers, baseUrl: `${SITE}wp-json/wp/v2/posts?_embed&per_page=10` });
    expect(feed.total).to.equal(57);
    expect(feed.totalPages).to.equal(6);
    expect(feed.nextUrl).to.equal(`${SITE}wp-json/wp/v2/posts?_embed=&per_page=10&page=2`);
    const last = await parseFixture('wordpress-posts.json', 'wordpress', { headers, baseUrl: `${SITE}wp-json/wp/v2/posts?page=6` });
    expect(last.nextUrl).to.equal(undefined);
  });

  it("knows where the site's categories are, from a posts URL with server placeholders, in either REST form", () => {
    const fields = 'per_page=100&hide_empty=true&orderby=count&order=desc&_fields=id,name,count';
    expect(wordpressCategoriesUrl('https://phuong.example.vn/wp-json/wp/v2/posts?_embed&per_page={limit}&page={page}&search={q}&categories={category}'))
      .to.equal(`https://phuong.example.vn/wp-json/wp/v2/categories?${fields}`);
    expect(wordpressCategoriesUrl('https://phuong.example.vn/site/?rest_route=/wp/v2/posts&_embed&page={page}'))
      .to.equal(`https://phuong.example.vn/site/?rest_route=/wp/v2/categories&${fields}`);
    for (const other of ['https://phuong.example.vn/feed.json', 'https://phuong.example.vn/wp-json/wp/v2/pages', '/wp-json/wp/v2/posts', 'not a url']) {
      expect(wordpressCategoriesUrl(other), other).to.equal(undefined);
    }
  });

  it("reads the site's categories with their counts: names as text, ids as values, empty ones left out", async () => {
    const url = 'https://phuongthanhbinh.example.vn/wp-json/wp/v2/categories';
    expect(parseWordPressCategories(JSON.parse(await fixtureText('wordpress-categories.json')), url)).to.deep.equal([
      { name: 'Tin tức & Sự kiện', slug: '5', count: 214 },
      { name: 'Đảng, đoàn thể', slug: '9', count: 87 },
      { name: 'Thông báo', slug: '12', count: 31 },
    ]);
    const error = feedError(() => parseWordPressCategories({ code: 'rest_no_route', message: 'No route' }, url));
    expect(error.info).to.deep.include({ kind: 'format', field: 'categories' });
  });

  it('reports a WordPress error answer by its code', () => {
    const body = JSON.stringify({ code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } });
    const error = feedError(() => parseText(body, 'wordpress'));
    expect(error.info).to.deep.include({ kind: 'format', format: 'WordPress REST', field: 'title.rendered', found: 'rest_no_route' });
  });
});

describe('RSS and Atom', () => {
  it('reads RSS 2.0 as portals publish it', async () => {
    const { items } = await parseFixture('rss-2.0.xml', 'auto', { baseUrl: `${SITE}rss/tin-tuc.rss` });
    expect(items).to.have.length(4);
    const [meeting, notice, cleanup, covid] = items;
    expect(meeting).to.deep.include({
      id: 'tin-123',
      title: 'Hội nghị sơ kết 6 tháng đầu năm 2021 của Đảng ủy phường',
      // Relative links resolve against the feed's URL, not the page's.
      url: `${SITE}tin-tuc/hoi-nghi-so-ket-6-thang-dau-nam-2021-123.html`,
      // No enclosure: the description's first image.
      image: `${SITE}uploads/2021/06/hoi-nghi-so-ket.jpg`,
      summary: 'Sáng 21/6, Đảng ủy phường tổ chức hội nghị sơ kết công tác 6 tháng đầu năm & triển khai nhiệm vụ 6 tháng cuối năm 2021.',
    });
    expect(iso(meeting)).to.equal('2021-06-21T07:30:00.000Z');
    expect(meeting.categories).to.deep.equal(['Tin tức - Sự kiện', 'Đảng, đoàn thể']);
    expect(meeting.authors).to.deep.equal(['Ban biên tập']);

    expect(notice.id).to.equal('https://thanhbinh.example.vn/thong-bao/lich-tiep-cong-dan-thang-7-2021-124.html');
    expect(notice.image).to.equal('https://thanhbinh.example.vn/uploads/2021/06/tiep-dan.jpg');
    expect(notice.authors).to.deep.equal(['Văn phòng UBND']);
    expect(iso(notice)).to.equal('2021-06-20T01:15:00.000Z');

    expect(cleanup.title).to.equal('Ra quân "Ngày Chủ nhật xanh" tại tổ dân phố Hương Trà');
    expect(cleanup.image).to.equal('https://cdn.thanhbinh.example.vn/2021/06/chu-nhat-xanh.jpg');
    expect(cleanup.summary).to.equal('Người dân tổ dân phố Hương Trà ra quân dọn vệ sinh môi trường.');

    // A PDF enclosure is not an image; the description's is. No guid: the link is the id.
    expect(covid.image).to.equal('https://thanhbinh.example.vn/uploads/2021/06/5k.png');
    expect(covid.id).to.equal('https://thanhbinh.example.vn/tin-tuc/phong-chong-dich-126.html');
    expect(covid.summary).to.equal('Thực hiện thông điệp 5K…');
  });

  it('reads RSS 0.91 with its Netscape DOCTYPE and HTML entities', async () => {
    const { items } = await parseFixture('rss-0.91.xml');
    expect(items.map((item) => item.title)).to.deep.equal(['Council meeting moved to Thursday', 'Road works on Main Street']);
    expect(items[0].summary).to.equal('The monthly council meeting moves to Thursday 24 June.');
    expect(items[0].id).to.equal('http://ward.example.com/news/council-meeting.html');
    expect(items[1].published).to.equal(undefined);
  });

  it("reads HTML5's entity names, all 2,231 of them, through the browser's own parser: a PHP portal's htmlentities(ENT_HTML5)", async () => {
    const { items } = await parseFixture('rss-html5-entities.xml');
    expect(items[0].title).to.equal('Đăng ký hộ kinh doanh – hướng dẫn mới…');
    // Escaped once more inside escaped HTML: decoded after the tags are gone.
    expect(items[0].summary).to.equal('Phí ‘lệ phí’: 100 000 ₫ (khoảng 4€) → nộp tài khoản…');
    expect(iso(items[0])).to.equal('2025-06-10T02:15:00.000Z');
    // Names of two code points, and one outside the BMP, whole.
    expect(items[1].title).to.equal('España & NiÑo: tô à la carte, 2×3 ≠ 5 ⅓ \u2242\u0338 \u{1D504}');
    // Unknown names, and a name whose start only is known (HTML reads "&notit;" as "¬it;"), stay as written.
    expect(items[1].summary).to.equal('Ñôà € ♥ &bogus; &notit; &constructor;');
  });

  it('never turns a decoded entity into markup: an escaped tag in a title or summary is text, or dropped with its content', async () => {
    const { items } = await parseFixture('rss-html5-entities.xml');
    // Escaped once in an RSS title, it is the title's HTML: the script is dropped, <b> joins words.
    expect(items[2].title).to.equal('không in đậm');
    // Escaped twice, it is text the reader sees, whether the name is &lt; or HTML's &LT;.
    expect(items[2].summary).to.equal('<img src=x onerror=top.__ran=1> <img src=x onerror=top.__ran=2> và <script>top.__ran=3</script>');
    expect(items[2].image).to.equal(undefined);
  });

  it('reads RSS 0.92: escaped HTML descriptions, enclosures, an item with no title', async () => {
    const { items } = await parseFixture('rss-0.92.xml');
    expect(items[0]).to.deep.include({
      title: 'Library reopens',
      summary: 'The ward library reopens on Monday.',
      image: 'http://ward.example.com/images/library.gif',
    });
    expect(items[0].categories).to.deep.equal(['Culture']);
    expect(items[1].title).to.equal('An item with no title and no link, as 0.92 allows: its text is its title.');
    expect(items[1].id).to.equal(items[1].title);
  });

  it('reads RSS 1.0 (RDF): items beside the channel, dc:date, dc:subject, dc:creator', async () => {
    const { items } = await parseFixture('rss-1.0.rdf');
    expect(items.map((item) => item.id)).to.deep.equal([
      'https://thanhbinh.example.vn/van-ban/ke-hoach-45',
      'https://thanhbinh.example.vn/van-ban/quyet-dinh-12',
    ]);
    expect(iso(items[0])).to.equal('2021-06-15T02:00:00.000Z');
    expect(items[0].categories).to.deep.equal(['Cải cách hành chính']);
    expect(items[0].authors).to.deep.equal(['UBND phường']);
    // A bare day is midnight in the zone.
    expect(iso(items[1])).to.equal('2021-06-09T17:00:00.000Z');
  });

  it('reads Atom 1.0: xml:base, html and xhtml text, enclosure links, category labels', async () => {
    const { items } = await parseFixture('atom.xml', 'rss');
    const [meeting, notice] = items;
    expect(meeting).to.deep.include({
      id: 'tag:thanhbinh.example.vn,2021:tin-201',
      title: 'Hội nghị tổng kết năm & phương hướng 2022',
      url: 'https://thanhbinh.example.vn/tin-tuc/hoi-nghi-tong-ket',
      image: 'https://thanhbinh.example.vn/uploads/hoi-nghi.jpg',
      summary: 'Đảng ủy phường tổ chức hội nghị tổng kết.',
    });
    expect(iso(meeting)).to.equal('2021-06-20T17:30:00.000Z');
    expect(iso(meeting, 'modified')).to.equal('2021-06-21T01:00:00.000Z');
    expect(meeting.authors).to.deep.equal(['Ban Tuyên giáo']);
    expect(meeting.categories).to.deep.equal(['Đảng, đoàn thể']);
    // The entry's own xml:base; only `updated`, which then dates it.
    expect(notice.url).to.equal('https://thanhbinh.example.vn/thong-bao/lich-tiep-cong-dan');
    expect(iso(notice)).to.equal('2021-06-19T02:00:00.000Z');
    expect(notice.categories).to.deep.equal(['thong-bao']);
    expect(notice.summary).to.equal('Chủ tịch UBND phường tiếp công dân sáng thứ Năm.');
  });

  it('follows Atom paging (rel="next", also as a full IRI) like next_url, and reads rel as an IRI on entries', async () => {
    const feed = await parseFixture('atom-paged.xml');
    expect(feed.nextUrl).to.equal('https://congthongtin.example.vn/feed/atom?page=2');
    expect(feed.items[0].url).to.equal('https://congthongtin.example.vn/tin/lich-tiep-cong-dan.html');
  });

  it('reads dates as date-format says, in every format (ASP.NET with an English culture in RSS)', async () => {
    const plain = await parseFixture('rss-aspnet-en.xml');
    // Without it, the day that cannot be a month still reads; the one that can is taken day first.
    expect(plain.items.map((item) => iso(item))).to.deep.equal(['2021-04-28T01:30:00.000Z', '2021-05-04T07:15:00.000Z']);
    const told = await parseFixture('rss-aspnet-en.xml', 'auto', { dateFormat: 'M/d/yyyy h:mm:ss a' });
    expect(told.items.map((item) => iso(item))).to.deep.equal(['2021-04-28T01:30:00.000Z', '2021-04-05T07:15:00.000Z']);
    const json = parseText(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: 1, title: 'T', date_published: '4/5/2021 2:15:00 PM' }] }), 'auto', { dateFormat: 'M/d/yyyy h:mm:ss a' });
    expect(iso(json.items[0])).to.equal('2021-04-05T07:15:00.000Z');
  });

  it('repairs XML broken as portals break it: a BOM after blank lines, a second declaration, "]]>" in text, &#0;, a bare & in a link', async () => {
    const { items } = await parseFixture('rss-portal-broken.xml');
    expect(items.map((item) => [item.title, item.url, item.summary, iso(item)])).to.deep.equal([[
      'Giá điện ]]> tăng từ tháng 5', 'https://phuong.example.vn/tin?id=12&cat=3', 'Thông báo của UBND phường', '2021-04-28T01:30:00.000Z',
    ]]);
  });

  it('mends every control character written as a reference (&#15; to &#18; were missed), and keeps an author named with brackets whole', () => {
    const { items } = parseText(`<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item><guid>1</guid>
      <title>Tin&#15;&#16;&#17;&#18; mới</title><dc:creator>Ban Tuyên giáo (Phường 1)</dc:creator><author>bbt@thanhbinh.example.vn (Ban biên tập)</author>
    </item></channel></rss>`);
    expect(items[0].title).to.equal('Tin mới');
    expect(items[0].authors).to.deep.equal(['Ban Tuyên giáo (Phường 1)', 'Ban biên tập']);
  });

  it('reads Atom 0.3 (issued, modified)', async () => {
    const { items } = await parseFixture('atom-0.3.xml');
    expect(items[0].url).to.equal('http://ward.example.com/2005/entry');
    expect(iso(items[0])).to.equal('2005-06-01T03:00:00.000Z');
    expect(iso(items[0], 'modified')).to.equal('2005-06-02T03:00:00.000Z');
  });

  it('tolerates what real feeds get wrong: blank lines first, HTML entities, bare ampersands, control characters', async () => {
    const { items } = await parseFixture('rss-flawed.xml');
    expect(items[0].title).to.equal('Giá vàng & USD tăng nhẹ © 2021 &unknownentity; AT&T');
    expect(items[0].url).to.equal('https://ward.example.vn/tin?id=7&cat=2&page=1');
    expect(items[0].summary).to.equal('Mô tả có ký tự điều khiển và …');
    expect(iso(items[0])).to.equal('2021-06-21T07:30:00.000Z');
  });

  it('reads pubDate in the RFC 822 forms portals write', () => {
    const dates = ['Mon, 21 Jun 2021 14:30:00 +0700', 'Mon, 21 Jun 2021 07:30:00 GMT', '21 Jun 2021 14:30 +0700', 'Mon, 21 Jun 2021 07:30:00 Z', '21/06/2021 14:30'];
    const xml = `<rss version="2.0"><channel>${dates.map((date, i) => `<item><title>T${i}</title><pubDate>${date}</pubDate></item>`).join('')}</channel></rss>`;
    const { items } = parseText(xml);
    expect(items.map((item) => iso(item))).to.deep.equal(dates.map(() => '2021-06-21T07:30:00.000Z'));
  });

  it('reads namespace prefixes a feed uses without declaring them (media:, dc:)', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Cổng</title>
<item><title>Tin có ảnh</title><link>/tin/1</link><media:thumbnail url="/anh/1.jpg"/><dc:creator>Ban biên tập</dc:creator>
<dc:date>2021-06-21T14:30:00+07:00</dc:date></item></channel></rss>`;
    const [item] = parseText(xml).items;
    expect([item.title, item.url, item.image, item.authors[0], iso(item)]).to.deep.equal(
      ['Tin có ảnh', `${SITE}tin/1`, `${SITE}anh/1.jpg`, 'Ban biên tập', '2021-06-21T07:30:00.000Z']);
  });

  it('takes a guid for the link only when it is a web address, and an image only from what a reader sees', () => {
    const xml = `<rss version="2.0"><channel>
<item><title>A</title><guid>101</guid></item>
<item><title>B</title><guid>https://thanhbinh.example.vn/tin/102</guid></item>
<item><title>C</title><link>/c</link><description><![CDATA[<p>Mô tả</p><script>var s = "<img src=x.jpg>";</script><!-- <img src="/cu.jpg"> -->]]></description></item>
</channel></rss>`;
    const items = parseText(xml).items;
    expect(items.map((item) => item.url)).to.deep.equal([undefined, `${SITE}tin/102`, `${SITE}c`]);
    expect(items[2].image).to.equal(undefined);
    expect(items[2].summary).to.equal('Mô tả');
  });

  it('finds the image in Atom xhtml content, which is markup rather than text', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title>A</title>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Lễ ra quân</p><p>&amp; tuyên truyền</p><img src="/anh/x.jpg"/></div></content></entry></feed>`;
    const [item] = parseText(xml).items;
    expect([item.image, item.summary]).to.deep.equal([`${SITE}anh/x.jpg`, 'Lễ ra quân & tuyên truyền']);
  });

  it("takes a video's thumbnail for the image (media:thumbnail inside media:content)", () => {
    const xml = `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><item><title>A</title>
<media:content url="/video/a.mp4" type="video/mp4"><media:title>Phóng sự</media:title><media:thumbnail url="/anh/a.jpg"/></media:content></item></channel></rss>`;
    expect(parseText(xml).items[0].image).to.equal(`${SITE}anh/a.jpg`);
  });

  it("takes a lazy-loaded image's address from data-src, not its placeholder src", () => {
    const xml = `<rss version="2.0"><channel>
<item><title>A</title><description>&lt;img src="data:image/gif;base64,R0lGOD" data-src="/anh/that.jpg" alt=""&gt;</description></item>
<item><title>B</title><description><![CDATA[<IMG class=lazy SRC='/anh/b.jpg' data-original=/anh/b-lon.jpg><img src="/anh/khac.jpg">]]></description></item>
<item><title>C</title><description><![CDATA[<img srcset="/x.jpg 2x" src="/anh/c.jpg">]]></description></item>
</channel></rss>`;
    expect(parseText(xml).items.map((item) => item.image)).to.deep.equal([`${SITE}anh/that.jpg`, `${SITE}anh/b-lon.jpg`, `${SITE}anh/c.jpg`]);
  });

  it('keeps an Atom text title as written: "<video>" in it is text, not a tag', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom">
<entry><id>1</id><title>Thẻ &lt;video&gt; &amp; &lt;audio&gt; trong HTML5</title></entry>
<entry><id>2</id><title type="html">Thẻ &lt;b&gt;in đậm&lt;/b&gt;</title></entry></feed>`;
    expect(parseText(xml).items.map((item) => item.title)).to.deep.equal(['Thẻ <video> & <audio> trong HTML5', 'Thẻ in đậm']);
  });

  it('says where broken XML breaks', () => {
    const error = feedError(() => parseText('<?xml version="1.0"?>\n<rss>\n<channel>\n<item><title>A</item>\n</channel></rss>'));
    expect(error.info).to.deep.include({ kind: 'parse', format: 'RSS/Atom', line: 4 });
    // Blank lines before the declaration, which the reader tolerates, still count.
    const late = feedError(() => parseText('\n\n\n<?xml version="1.0"?>\n<rss>\n<channel>\n<item><title>A</item>\n</channel></rss>'));
    expect(late.info).to.deep.include({ line: 7 });
  });

  it('knows a web page when it gets one instead of a feed', () => {
    const error = feedError(() => parseText('<!DOCTYPE html>\n<html lang="vi"><head><title>Trang chủ</title></head><body><p>Xin chào<br></body></html>'));
    expect(error.info).to.deep.include({ kind: 'format', format: 'RSS/Atom', field: 'rss', found: 'HTML' });
    const other = feedError(() => parseText('<?xml version="1.0"?><urlset><url><loc>https://a.vn/</loc></url></urlset>'));
    expect(other.info).to.deep.include({ kind: 'format', found: '<urlset>' });
  });
});

describe('RSS from WordPress', () => {
  it('takes the picture from content:encoded when the description is a plain excerpt', async () => {
    const [item] = (await parseFixture('rss-wordpress.xml')).items;
    expect(item).to.deep.include({
      id: 'https://thanhbinh.example.vn/?p=512',
      title: 'Ra quân vệ sinh môi trường “Ngày Chủ nhật xanh”',
      url: 'https://thanhbinh.example.vn/2021/06/21/ngay-chu-nhat-xanh/',
      image: 'https://thanhbinh.example.vn/wp-content/uploads/2021/06/chu-nhat-xanh-1024x683.jpg',
    });
    // WordPress's "[…]" at the end of every excerpt is not part of it.
    expect(item.summary).to.equal('Sáng Chủ nhật, cán bộ và nhân dân tổ dân phố Hương Trà ra quân dọn vệ sinh môi trường.');
    expect(iso(item)).to.equal('2021-06-21T07:30:00.000Z');
    expect(item.categories).to.deep.equal(['Tin tức - Sự kiện']);
    expect(item.authors).to.deep.equal(['Ban biên tập']);
  });
});

describe('Other JSON', () => {
  const map = {
    items: 'data.posts',
    id: 'postId',
    title: 'tieuDe',
    url: 'duongDan',
    date: 'ngayDang',
    dateFormat: 'dd/MM/yyyy HH:mm',
    summary: 'tomTat',
    image: 'anhDaiDien.url',
    category: 'chuyenMuc.ten',
    author: 'tacGia.hoTen',
  };

  it('follows map: dotted paths, paths through arrays, a date pattern in the zone', async () => {
    const { items } = await parseFixture('custom-portal.json', 'auto', { map });
    expect(items[0]).to.deep.include({
      id: '9001',
      title: 'Phường Thanh Bình đạt chuẩn văn minh đô thị',
      url: `${SITE}tin-tuc/chi-tiet/9001`,
      image: `${SITE}Upload/2021/06/van-minh-do-thi.jpg`,
      summary: 'Phường được công nhận đạt chuẩn văn minh đô thị năm 2021.',
    });
    expect(iso(items[0])).to.equal('2021-06-21T07:30:00.000Z');
    expect(items[0].categories).to.deep.equal(['Tin tức - Sự kiện', 'Văn hóa - Xã hội']);
    expect(items[0].authors).to.deep.equal(['Nguyễn Văn A']);
    // Unsafe URLs never come through.
    expect(items[1].url).to.equal(undefined);
    expect(items[1].image).to.equal(undefined);
    expect(iso(items[1])).to.equal('2021-06-20T01:05:00.000Z');
  });

  it('reads a plain array by the usual field names, epochs in seconds or milliseconds', async () => {
    const { items } = await parseFixture('plain-array.json');
    expect(items).to.have.length(2);
    expect(items[0]).to.deep.include({
      id: 'https://thanhbinh.example.vn/api-tin/1',
      title: 'Tin từ API đơn giản',
      summary: 'Mô tả & tóm tắt',
      image: 'https://thanhbinh.example.vn/anh/1.jpg',
    });
    expect(iso(items[0])).to.equal('2021-06-21T07:30:00.000Z');
    expect(items[0].categories).to.deep.equal(['Tin tức']);
    expect(items[0].authors).to.deep.equal(['Ban biên tập']);
    expect(items[1]).to.deep.include({ id: '65f0c1a2', url: `${SITE}api-tin/2` });
    expect(iso(items[1])).to.equal('2021-06-20T07:30:00.000Z');
    expect(items[1].categories).to.deep.equal(['Thông báo']);
  });

  it("reads an ASP.NET web service's answer: the list under d, dates as \\/Date(ms)\\/", async () => {
    const { items } = await parseFixture('aspnet-asmx.json', 'auto', {
      map: { items: 'd', id: 'ID', title: 'TieuDe', url: 'DuongDan', date: 'NgayDang', summary: 'MoTa', image: 'AnhDaiDien', category: 'ChuyenMuc' },
    });
    expect(items.map((item) => [item.id, item.title, item.url, iso(item)])).to.deep.equal([
      ['4512', 'Thông báo lịch tiếp công dân tháng 7/2021', `${SITE}tin-tuc/4512/thong-bao-lich-tiep-cong-dan.aspx`, '2021-06-21T07:30:00.000Z'],
      ['4511', 'Phường ra quân "Ngày Chủ nhật xanh"', `${SITE}tin-tuc/4511/ngay-chu-nhat-xanh.aspx`, '2021-06-20T01:30:00.000Z'],
    ]);
    expect(items[0].image).to.equal(`${SITE}Upload/TinTuc/2021/06/tiep-cong-dan.jpg`);
    expect(items[1].categories).to.deep.equal(['Tin tức - Sự kiện']);
  });

  it("finds the usual names whatever their case, as ASP.NET MVC's Json() writes a C# list", () => {
    const body = '[{"Id":7,"Title":"Tin từ máy chủ .NET","Url":"/tin/7","PublishDate":"\\/Date(1624260600000)\\/","Description":"Mô tả","Thumbnail":"/anh/7.jpg","Category":"Tin tức"}]';
    const [item] = parseText(body).items;
    expect(item).to.deep.include({ id: '7', title: 'Tin từ máy chủ .NET', url: `${SITE}tin/7`, summary: 'Mô tả', image: `${SITE}anh/7.jpg` });
    expect(item.categories).to.deep.equal(['Tin tức']);
    expect(iso(item)).to.equal('2021-06-21T07:30:00.000Z');
  });

  it('with format="custom" and no map, finds the list inside an object', async () => {
    const { items } = await parseFixture('custom-portal.json', 'custom', { map: { items: 'data.posts', title: 'tieuDe' } });
    expect(items.map((item) => item.title)).to.deep.equal(['Phường Thanh Bình đạt chuẩn văn minh đô thị', 'Lịch cắt điện ngày 22/6']);
    const found = parseText(JSON.stringify({ ok: true, results: [{ title: 'Một' }, { title: 'Hai' }] }), 'custom');
    expect(found.items.map((item) => item.title)).to.deep.equal(['Một', 'Hai']);
  });

  it('names the items path that is not there', async () => {
    const error = feedError(() => parseText('{"data":{}}', 'auto', { map: { items: 'data.posts' } }));
    expect(error.info).to.deep.include({ kind: 'format', format: 'JSON', field: 'data.posts' });
  });

  it('reads the map attribute as JSON, keeping string paths only, and reports bad JSON', () => {
    expect(parseMap('{"items":"data","title":5}', SITE)).to.deep.equal({ items: 'data' });
    expect(parseMap('', SITE)).to.equal(undefined);
    expect(parseMap({ title: 'tieuDe' }, SITE)).to.deep.equal({ title: 'tieuDe' });
    expect(feedError(() => parseMap('{items: data}', SITE)).info).to.deep.include({ kind: 'parse', field: 'map' });
    expect(feedError(() => parseMap('[1]', SITE)).info).to.deep.include({ kind: 'parse', field: 'map' });
  });
});

describe('Telling formats apart', () => {
  const cases: [string, string][] = [
    ['jsonfeed-1.0.json', '301'],
    ['wordpress-posts.json', '1287'],
    ['rss-2.0.xml', 'tin-123'],
    ['rss-1.0.rdf', 'https://thanhbinh.example.vn/van-ban/ke-hoach-45'],
    ['atom.xml', 'tag:thanhbinh.example.vn,2021:tin-201'],
    ['plain-array.json', 'https://thanhbinh.example.vn/api-tin/1'],
  ];
  for (const [name, firstId] of cases) {
    it(`auto reads ${name}`, async () => {
      expect((await parseFixture(name)).items[0].id).to.equal(firstId);
    });
  }

  it('a forced format that does not fit says which format it tried', async () => {
    const rssAsJson = feedError(() => parseText('<rss><channel></channel></rss>', 'jsonfeed'));
    expect(rssAsJson.info).to.deep.include({ kind: 'parse', format: 'JSON Feed' });
    const jsonAsRss = feedError(() => parseText('{"items":[]}', 'rss'));
    expect(jsonAsRss.info).to.deep.include({ kind: 'parse', format: 'RSS/Atom' });
    const feedAsWordPress = feedError(() => parseText('{"items":[]}', 'wordpress'));
    expect(feedAsWordPress.info).to.deep.include({ kind: 'format', format: 'WordPress REST' });
  });

  it('says on which line broken JSON breaks', () => {
    const error = feedError(() => parseText('{\n  "items": [\n    {"id": 1,}\n  ]\n}'));
    expect(error.info).to.deep.include({ kind: 'parse', format: 'JSON', line: 3 });
  });
});
