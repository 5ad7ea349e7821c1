import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { decodeBody, readBody } from '../../src/feed/decode.js';
import { parseFeed } from '../../src/feed/parse.js';
import { fold, safeUrl, toPlainText } from '../../src/feed/text.js';
import { type FeedFormat, type FeedMap, type ParsedFeed } from '../../src/feed/types.js';
import { LoadError } from '../../src/net/load-error.js';
import { FeedIndex, searchKey, searchTerms } from '../../src/view/feed-index.js';

const FORMATS: FeedFormat[] = ['auto', 'jsonfeed', 'wordpress', 'rss', 'custom'];
const BASE = 'https://thanhbinh.example.vn/rss/feed.xml';
const RUNS = { numRuns: 250 };
/** Parses that gave at least one item: a property that only ever meets errors proves little. */
let withItems = 0;

/** Parses, and checks the contract: items, or a typed error; never anything else thrown. */
function parseChecked(text: string, format: FeedFormat, map?: FeedMap): ParsedFeed | LoadError {
  let feed: ParsedFeed;
  try {
    feed = parseFeed({ text }, format, { baseUrl: BASE, timezone: 'Asia/Ho_Chi_Minh', map });
  } catch (error) {
    if (error instanceof LoadError) return error;
    throw error;
  }
  for (const item of feed.items) {
    expect(item.id, 'id').to.be.a('string').and.not.equal('');
    expect(item.title.trim(), 'title').to.not.equal('');
    for (const url of [item.url, item.image]) {
      if (url !== undefined) expect(new URL(url).protocol).to.be.oneOf(['http:', 'https:']);
    }
    for (const list of [item.authors, item.categories]) {
      expect(list.every((entry) => typeof entry === 'string' && entry !== '')).to.equal(true);
    }
    for (const date of [item.published, item.modified]) {
      if (date !== undefined) expect(Number.isNaN(date.getTime())).to.equal(false);
    }
  }
  if (feed.nextUrl !== undefined) expect(new URL(feed.nextUrl).protocol).to.be.oneOf(['http:', 'https:']);
  if (feed.items.length) withItems++;
  return feed;
}

// Strings that reach the interesting branches: URLs of every kind, dates, HTML, entities.
const feedString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', '//evil.example/x', '/tin/1', 'tin/2',
    'https://a.vn/x?y=1&amp;z=2', 'http://[::1', 'mailto:a@b.vn', '&#0;', '&#xD800;', '&constructor;', '&nbsp;&amp;&lt;b&gt;',
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<p>Tin <b>mới</b></p>', '2021-06-21T14:30:00', '21/06/2021',
    'Mon, 21 Jun 2021 14:30:00 +0700', '1624260600', '', ' ', '\u0000',
  ),
);
const jsonValue = fc.oneof(feedString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const FIELDS = [
  'id', 'title', 'url', 'link', 'summary', 'content_html', 'content_text', 'image', 'banner_image', 'external_url', 'date_published',
  'date_modified', 'tags', 'author', 'authors', 'date', 'date_gmt', 'excerpt', '_embedded', 'description', 'thumbnail', 'category', 'name',
];
const fieldValue = fc.oneof(
  { weight: 4, arbitrary: jsonValue },
  fc.array(fc.oneof(jsonValue, fc.record({ name: jsonValue }))),
  fc.record({ rendered: jsonValue }),
  fc.record({ 'wp:featuredmedia': fc.array(fc.record({ source_url: jsonValue, alt_text: jsonValue })), 'wp:term': fc.array(fc.array(fc.record({ taxonomy: fc.constantFrom('category', 'post_tag'), name: jsonValue }))), author: fc.array(fc.record({ name: jsonValue })) }),
);
// Any of the fields, each there or not.
const itemLike = fc.record(Object.fromEntries(FIELDS.map((name) => [name, fieldValue])), { requiredKeys: [] });
const feedLike = fc.oneof(
  fc.record({ version: fc.constantFrom('https://jsonfeed.org/version/1', 'https://jsonfeed.org/version/1.1', 'x'), items: fc.array(fc.oneof(itemLike, jsonValue)), next_url: jsonValue, author: jsonValue }, { requiredKeys: ['items'] }),
  fc.array(fc.oneof(itemLike, jsonValue)),
  fc.record({ data: fc.record({ posts: fc.array(itemLike) }), total: jsonValue }),
  fc.jsonValue(),
);
const mapLike = fc.option(fc.dictionary(fc.constantFrom('items', 'id', 'title', 'url', 'date', 'summary', 'image', 'category', 'author', 'dateFormat'),
  fc.oneof(fc.constantFrom('data.posts', 'title', 'name.rendered', 'tags.name', '0', 'items.0.title', '__proto__', 'constructor', 'dd/MM/yyyy HH:mm', '.'), fc.string())), { nil: undefined });

// XML built from the elements feeds use, with attributes and text that feeds get wrong.
const TAGS = ['rss', 'channel', 'item', 'feed', 'entry', 'rdf:RDF', 'title', 'link', 'guid', 'id', 'pubDate', 'dc:date', 'published', 'updated',
  'description', 'summary', 'content', 'content:encoded', 'enclosure', 'media:content', 'media:thumbnail', 'media:group', 'category', 'author',
  'name', 'dc:creator', 'x'];
const ATTRS = ['url', 'href', 'rel', 'type', 'medium', 'term', 'label', 'xml:base', 'isPermaLink', 'rdf:about'];
// Markup only where a feed would have it; the flaws the parser repairs, anywhere.
const xmlText = fc.oneof(
  fc.string().map((text) => text.replace(/</g, '&lt;')),
  // With the repairs of portals' XML: HTML5 names, control references, "]]>" in text, a second declaration.
  fc.constantFrom('&nbsp;', '&amp;', '&', '&bogus;', '&#160;', '&hellip;', '&NotEqualTilde;', '&LT;', '&notit;', '&#0;', '&#16;', '&#x1f;', ']]>', '<?xml version="1.0"?>', '<![CDATA[<p>Tin <img src="/a.jpg"></p>]]>', 'enclosure', 'alternate', 'image/jpeg', 'image', 'false',
    '/tin/1', 'javascript:alert(1)', 'https://a.vn/b.png', 'Mon, 21 Jun 2021 14:30:00 +0700', '\u000b', '<!-- c -->'),
);
const NAMESPACES = ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"';
// Each attribute once: a repeated one is broken XML no feed sends.
const attributes = fc.uniqueArray(fc.tuple(fc.constantFrom(...ATTRS), xmlText), { maxLength: 3, selector: ([name]) => name })
  .map((attrs) => attrs.map(([name, value]) => ` ${name}="${value.replace(/</g, '&lt;').replace(/"/g, '&quot;')}"`).join(''));
const element = (tags: fc.Arbitrary<string>, children: fc.Arbitrary<string[]>) =>
  fc.tuple(tags, attributes, children).map(([tag, attrs, inner]) =>
    `<${tag}${/^(rss|feed|rdf:RDF)$/.test(tag) ? NAMESPACES : ''}${attrs}>${inner.join('')}</${tag}>`);
const { node: xmlNode } = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, xmlText, element(fc.constantFrom(...TAGS), fc.array(tie('node'), { maxLength: 4 }))),
}));
// Mostly the shape of a feed (root, maybe a channel, items of known elements), sometimes anything.
const feedItem = element(fc.constantFrom('item', 'entry'), fc.array(element(fc.constantFrom(...TAGS), fc.array(fc.oneof(xmlText, xmlNode), { maxLength: 2 })), { maxLength: 8 }));
const feedXml = fc.tuple(fc.constantFrom('rss', 'feed', 'rdf:RDF'), fc.boolean(), fc.array(feedItem, { minLength: 1, maxLength: 4 }))
  .map(([root, channel, items]) => `<${root}${NAMESPACES}>${channel ? `<channel>${items.join('')}</channel>` : items.join('')}</${root}>`);
const xmlDocument = fc.tuple(fc.constantFrom('', '<?xml version="1.0"?>', '\n <?xml version="1.0" encoding="windows-1258"?>', '\n\n\uFEFF<?xml version="1.0"?>', '<!DOCTYPE html>'), fc.oneof({ weight: 3, arbitrary: feedXml }, xmlNode))
  .map(([prolog, body]) => `${prolog}${body}`);

describe('parsers on arbitrary input', () => {
  it('arbitrary JSON: items with an id, a title and safe URLs, or a LoadError', () => {
    withItems = 0;
    fc.assert(fc.property(feedLike, fc.constantFrom(...FORMATS), mapLike, (body, format, map) => {
      parseChecked(JSON.stringify(body), format, map);
    }), RUNS);
    expect(withItems).to.be.greaterThan(RUNS.numRuns / 25);
  });

  it('arbitrary XML: the same', () => {
    withItems = 0;
    fc.assert(fc.property(xmlDocument, fc.constantFrom(...FORMATS), (xml, format) => {
      parseChecked(xml, format);
    }), RUNS);
    expect(withItems).to.be.greaterThan(RUNS.numRuns / 25);
  });

  it('real feed shapes with arbitrary content are read, not rejected', () => {
    const rssItem = fc.record({ title: fc.string({ minLength: 1 }).filter((s) => /[a-z]/i.test(s)), link: xmlText, description: xmlText });
    fc.assert(fc.property(fc.array(rssItem, { minLength: 1, maxLength: 5 }), (items) => {
      const escape = (text: string) => text.replace(/&(?!nbsp;)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const xml = `<rss version="2.0"><channel>${items.map((item) =>
        `<item><title>${escape(item.title)}</title><link>${escape(item.link)}</link><description>${escape(item.description)}</description></item>`).join('')}</channel></rss>`;
      const feed = parseChecked(xml, 'auto');
      expect(feed).to.not.be.instanceOf(LoadError);
      // Every item with a visible title is kept, and so is one titled with the start of its description.
      const read = (text: string) => toPlainText(text.replace(/&(?!nbsp;)/g, '&amp;'));
      const visible = items.filter((item) => read(item.title) || read(item.description));
      expect((feed as ParsedFeed).items.length).to.equal(visible.length);
    }), {
      ...RUNS,
      // Found by a run: a title that is only a tag, and a description to title the item with.
      examples: [[[{ title: '<A>', link: '&nbsp;', description: '!' }]]],
    });
  });

  it('junk bytes, in any declared encoding: a LoadError or items, never a crash', () => {
    const contentType = fc.constantFrom(undefined, 'application/json', 'text/xml; charset=windows-1258', 'application/rss+xml; charset=iso-8859-1',
      'text/plain; charset=utf-16le', 'application/json; charset=nonsense');
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.tuple(fc.constantFrom('<?xml version="1.0"?><rss><channel><item><title>', '{"items":[{"id":1,"title":"', '[{"title":"'), fc.uint8Array({ maxLength: 100 }))
        .map(([head, tail]) => new Uint8Array([...new TextEncoder().encode(head), ...tail])),
    );
    fc.assert(fc.property(bytes, contentType, fc.constantFrom(...FORMATS), (data, type, format) => {
      const text = decodeBody(data.buffer as ArrayBuffer, type);
      expect(text).to.be.a('string');
      parseChecked(text, format);
    }), RUNS);
  });
});

describe('reading a body as it arrives', () => {
  /** A response whose body comes in pieces cut at `cuts`. */
  function pieces(bytes: Uint8Array, cuts: number[], contentType?: string): Response {
    const ends = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
    const chunks = [0, ...ends, bytes.length].slice(1).map((end, i, all) => bytes.slice(i ? all[i - 1] : 0, end));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        chunks.forEach((chunk) => controller.enqueue(chunk));
        controller.close();
      },
    });
    return new Response(stream, { headers: contentType ? { 'Content-Type': contentType } : {} });
  }

  it('gives the same text as decoding the whole body at once, however the body is cut', async () => {
    const contentType = fc.constantFrom(undefined, 'application/json', 'text/xml; charset=windows-1258', 'text/plain; charset=utf-16le', 'application/xml');
    const head = fc.constantFrom('', '\uFEFF', '<?xml version="1.0" encoding="windows-1258"?>', '<?xml version="1.0" encoding="iso-8859-1"?>');
    // Vietnamese in every body: letters of 2 and 3 bytes for the cuts to split.
    const text = fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('Phường Hương Trà', '“Đảng ủy”', 'ỹ ừ ộ')), { maxLength: 30 }).map((parts) => parts.join(''));
    const body = fc.tuple(head, text, fc.uint8Array({ maxLength: 40 }))
      .map(([start, words, junk]) => new Uint8Array([...new TextEncoder().encode(`${start}${words}`), ...junk]));
    await fc.assert(fc.asyncProperty(body, fc.array(fc.nat({ max: 600 }), { maxLength: 20 }), contentType, async (bytes, cuts, type) => {
      expect(await readBody(pieces(bytes, cuts, type))).to.equal(decodeBody(bytes.buffer as ArrayBuffer, type));
    }), RUNS);
  });
});

describe('text helpers on arbitrary input', () => {
  it('safeUrl keeps every http(s) URL, and gives http(s) or nothing for anything else', () => {
    fc.assert(fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (value) => {
      expect(safeUrl(value), value).to.be.a('string');
      expect(new URL(safeUrl(value)!).protocol).to.equal(new URL(value).protocol);
    }), RUNS);
    fc.assert(fc.property(fc.oneof(fc.webUrl(), feedString, fc.string()), fc.option(fc.webUrl(), { nil: undefined }), (value, base) => {
      const url = safeUrl(value, base);
      if (url !== undefined) expect(new URL(url).protocol).to.be.oneOf(['http:', 'https:']);
    }), RUNS);
  });

  it('fold gives lower-case text without marks, and folding twice changes nothing', () => {
    const vietnamese = fc.string({ unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐĂÂÊÔƠƯ HÀ'.split('')) });
    fc.assert(fc.property(fc.oneof(vietnamese, fc.string()), (text) => {
      const folded = fold(text);
      expect(fold(folded)).to.equal(folded);
      expect(/[\u0300-\u036f]/.test(folded)).to.equal(false);
      expect(folded).to.equal(folded.toLowerCase());
    }), RUNS);
    fc.assert(fc.property(vietnamese, (text) => {
      expect(/^[a-z ]*$/.test(fold(text))).to.equal(true);
      // Decomposed input folds the same as composed.
      expect(fold(text.normalize('NFD'))).to.equal(fold(text));
    }), RUNS);
  });

  it('a search key is the folded text with every run of other characters one space', () => {
    const vietnamese = fc.string({ unit: fc.constantFrom(...'aăâbcdđeêươ yỳýỷỹỵĐĂÂÊÔƠƯ HÀ(1)-,.\u0301\u0323\u031b'.split('')) });
    // Text from anywhere: other scripts, astral characters, the Kelvin sign and
    // the capital dotted I, which fold to ASCII only through Unicode case rules.
    const anything = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('\u212a', '\u0130', 'ß', 'Σ', '\ud801\udc00', 'Ａ', '\u00a0') }));
    fc.assert(fc.property(fc.oneof(vietnamese, anything, fc.string()), (text) => {
      const expected = ` ${fold(text).replace(/[^a-z0-9]+/g, ' ')}`.replace(/ {2,}/g, ' ');
      expect(searchKey(text)).to.equal(expected);
    }), { numRuns: 1000 });
    expect(searchKey('Hương Trà: "Ngày Chủ nhật xanh"')).to.equal(' huong tra ngay chu nhat xanh ');
  });

  it('a search finds exactly the items whose every word starts a word of their title, summary or categories', () => {
    const text = fc.string({ unit: fc.constantFrom(...'aăâbhnoôơtrgđ Hà-'.split('')), maxLength: 30 });
    const item = fc.record({ title: text, summary: text, categories: fc.array(text, { maxLength: 2 }) });
    fc.assert(fc.property(fc.array(item, { maxLength: 40 }), text, (drafts, query) => {
      const items = drafts.map((draft, i) => ({ ...draft, id: String(i), authors: [] }));
      const words = searchTerms(query).map((term) => ` ${term}`);
      const expected = items.filter((entry) => {
        const key = searchKey(`${entry.title} ${entry.summary} ${entry.categories.join(' ')}`);
        return words.every((word) => key.includes(word));
      });
      expect(new FeedIndex(items, 'Asia/Ho_Chi_Minh').filter({ query }).map((found) => found.id)).to.deep.equal(expected.map((found) => found.id));
    }), RUNS);
  });
});
