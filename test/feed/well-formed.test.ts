// Feeds written as their formats say, with arbitrary text: each parser gives
// back exactly what was written, through its own format and through `auto`,
// and the XML repair step changes nothing in well-formed XML. The seed is
// fixed, so a failure is the same failure on every run, and fast-check's
// message names the seed and the path to replay it.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { repair } from '../../src/feed/formats/rss.js';
import { parseFeed } from '../../src/feed/parse.js';
import { type FeedFormat, type FeedMap } from '../../src/feed/types.js';

const SEED = 1_600_016;
const RUNS = { seed: SEED, numRuns: 150 };
const BASE = 'https://thanhbinh.example.vn/tin-tuc/feed';
const ZONE = 'Asia/Ho_Chi_Minh';

/** What an item should read back as. */
interface Written {
  id: string;
  title: string;
  summary: string;
  url: string;
  image?: string;
  published: Date;
  categories: string[];
  authors: string[];
}

// Text from anywhere: Vietnamese, markup-like and entity-like pieces, other
// scripts and astral characters, but no white space other than single spaces
// and no characters XML cannot carry (a reader folds white space, and a
// publisher cannot write the others).
const VIETNAMESE = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐĂÂÊÔƠƯ'];
const TRICKY = ['&', '<', '>', '"', "'", ']]>', '&amp;', '&lt;b&gt;', '<b>', '</p>', '&nbsp;', '&hellip;', '&#8217;', '<!--', '<![CDATA[', '“', '”', '–', '…', '€', '😀', '漢字'];
const WRITABLE = /^[^\s\u0000-\u001f\u007f-\u009f\u200b\ud800-\udfff\ufffe\uffff]+$/u;
const word = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...VIETNAMESE), minLength: 1, maxLength: 8 }) },
  fc.constantFrom(...TRICKY),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }).filter((text) => WRITABLE.test(text)),
);
const text = (maxWords: number) => fc.array(word, { minLength: 1, maxLength: maxWords }).map((words) => words.join(' '));
// A summary ending in "[…]" loses it, as WordPress's excerpt mark: not one to write here.
const summaryText = text(20).filter((summary) => !/\[(…|\.\.\.)\]$/.test(summary));
const name = text(3);
const slug = fc.string({ unit: fc.constantFrom(...'abcdđeêươ0123456789-'), minLength: 1, maxLength: 12 });
// Absolute, relative to the feed, or with a query whose names look like entities (&copy=2).
const url = fc.oneof(
  fc.tuple(fc.constantFrom('https://thanhbinh.example.vn', 'http://ubnd.hue.gov.vn', 'https://xn--phng-5qa.vn'), fc.array(slug, { minLength: 1, maxLength: 3 }))
    .map(([origin, path]) => `${origin}/${path.join('/')}`),
  slug.map((path) => `/tin/${path}.html`),
  slug.map((path) => `anh/${path}.jpg`),
  fc.tuple(slug, fc.nat(99)).map(([path, n]) => `https://thanhbinh.example.vn/${path}?id=${n}&copy=2&lang=vi`),
);
// Whole seconds, as every format here writes them; minutes for the mapped feed's dd/MM/yyyy HH:mm.
const date = fc.integer({ min: Date.UTC(1995, 0, 1) / 1000, max: Date.UTC(2040, 0, 1) / 1000 }).map((seconds) => new Date(seconds * 1000));
const item = fc.record({
  id: fc.string({ minLength: 1, maxLength: 20 }).filter((id) => WRITABLE.test(id)),
  title: text(12),
  summary: summaryText,
  url,
  image: fc.option(url, { nil: undefined }),
  published: date,
  categories: fc.uniqueArray(name, { maxLength: 3 }),
  authors: fc.array(name, { maxLength: 2 }),
});
// Unique ids; a summary never equal to its title (a reader drops it then).
const items = fc.uniqueArray(item, { minLength: 1, maxLength: 5, selector: (entry) => entry.id })
  .map((list) => list.map((entry) => ({ ...entry, summary: `Tóm tắt: ${entry.summary}` })));

const html = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const xml = html;
/** Text in an element of HTML-bearing XML (an RSS title, an Atom type="html" summary): HTML-escaped, then XML-escaped. */
const htmlInXml = (value: string) => xml(html(value));
const absolute = (value: string) => new URL(value, BASE).href;

/** RFC 822 as portals write it, in Vietnam's offset. */
function rfc822(when: Date): string {
  const local = new Date(when.getTime() + 7 * 3600_000);
  const [weekday, day, month, year, time] = local.toUTCString().replace(',', '').split(' ');
  return `${weekday}, ${day} ${month} ${year} ${time} +0700`;
}
const pad = (n: number) => String(n).padStart(2, '0');
/** dd/MM/yyyy HH:mm in Vietnam's wall clock. */
function vietnamWallClock(when: Date): string {
  const local = new Date(when.getTime() + 7 * 3600_000);
  return `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

const rss = (list: Written[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Tin tức</title><link>https://thanhbinh.example.vn/</link>
${list.map((entry) => `<item>
<title>${htmlInXml(entry.title)}</title><link>${xml(entry.url)}</link><guid isPermaLink="false">${xml(entry.id)}</guid>
<description>${htmlInXml(entry.summary)}</description><pubDate>${rfc822(entry.published)}</pubDate>
${entry.image ? `<enclosure url="${xml(entry.image)}" type="image/jpeg" length="0"/>` : ''}
${entry.categories.map((category) => `<category>${htmlInXml(category)}</category>`).join('')}
${entry.authors.map((author) => `<dc:creator><![CDATA[${html(author).replace(/]]>/g, ']]]]><![CDATA[>')}]]></dc:creator>`).join('')}
</item>`).join('\n')}
</channel></rss>`;

const atom = (list: Written[]) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Tin tức</title><id>urn:x-thanhbinh</id><updated>2025-01-01T00:00:00Z</updated>
${list.map((entry, i) => `<entry>
<title>${xml(entry.title)}</title><id>${xml(entry.id)}</id><link rel="alternate" href="${xml(entry.url)}"/>
<published>${entry.published.toISOString().replace('.000Z', i % 2 ? 'Z' : '+00:00')}</published>
${i % 2 ? `<summary type="html">${htmlInXml(entry.summary)}</summary>` : `<summary type="text">${xml(entry.summary)}</summary>`}
${entry.image ? `<link rel="enclosure" type="image/png" href="${xml(entry.image)}"/>` : ''}
${entry.categories.map((category) => `<category term="c" label="${htmlInXml(category)}"/>`).join('')}
${entry.authors.map((author) => `<author><name>${htmlInXml(author)}</name></author>`).join('')}
</entry>`).join('\n')}
</feed>`;

// In JSON, text goes HTML-escaped, as the publishers that matter write it
// (WordPress's rendered fields, and its JSON Feed plugins in plain-text
// fields): the reader decodes entities in every text field.
const jsonFeed = (list: Written[]) => JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Tin tức',
  items: list.map((entry) => ({
    id: entry.id, url: entry.url, title: html(entry.title), summary: html(entry.summary), image: entry.image,
    date_published: entry.published.toISOString(), tags: entry.categories.map(html), authors: entry.authors.map((author) => ({ name: html(author) })),
  })),
});

const wordpress = (list: Written[]) => JSON.stringify(list.map((entry, i) => ({
  id: i + 1,
  date_gmt: entry.published.toISOString().slice(0, 19),
  link: entry.url,
  title: { rendered: html(entry.title) },
  excerpt: { rendered: `<p>${html(entry.summary)}</p>\n`, protected: false },
  _embedded: {
    author: entry.authors.slice(0, 1).map((author) => ({ name: html(author) })),
    'wp:featuredmedia': entry.image ? [{ source_url: entry.image, alt_text: '' }] : [],
    'wp:term': [entry.categories.map((category) => ({ taxonomy: 'category', name: html(category) })), [{ taxonomy: 'post_tag', name: 'thẻ' }]],
  },
})));

// An old portal's API, in its own Vietnamese names, read through map.
const MAP: FeedMap = {
  items: 'd.DanhSach', id: 'Ma', title: 'TieuDe', url: 'Link', summary: 'TomTat', image: 'Anh.url', date: 'NgayDang',
  category: 'ChuyenMuc.Ten', author: 'TacGia', dateFormat: 'dd/MM/yyyy HH:mm',
};
const mapped = (list: Written[]) => JSON.stringify({
  d: {
    DanhSach: list.map((entry) => ({
      Ma: entry.id, TieuDe: html(entry.title), Link: entry.url, TomTat: html(entry.summary), Anh: entry.image ? { url: entry.image } : null,
      NgayDang: vietnamWallClock(entry.published), ChuyenMuc: entry.categories.map((category) => ({ Ten: html(category) })), TacGia: entry.authors.map(html),
    })),
  },
});

interface Case {
  format: FeedFormat;
  write: (list: Written[]) => string;
  /** What the format cannot carry, taken off what is expected back. */
  expected?: (entry: Written, i: number) => Partial<Written>;
  map?: FeedMap;
}

const CASES: Record<string, Case> = {
  'RSS 2.0': { format: 'rss', write: rss },
  Atom: { format: 'rss', write: atom },
  'JSON Feed': { format: 'jsonfeed', write: jsonFeed },
  // WordPress ids are numbers; one author is embedded per post.
  'WordPress REST': { format: 'wordpress', write: wordpress, expected: (entry, i) => ({ id: String(i + 1), authors: entry.authors.slice(0, 1) }) },
  // Minutes only, in dd/MM/yyyy HH:mm.
  'mapped JSON': { format: 'custom', write: mapped, map: MAP, expected: (entry) => ({ published: new Date(Math.floor(entry.published.getTime() / 60_000) * 60_000) }) },
};

describe('a well-formed feed with arbitrary text is read back as written', () => {
  for (const [label, { format, write, expected, map }] of Object.entries(CASES)) {
    it(`${label}, through its format and auto${format === 'rss' ? ', and the repair step changes nothing in it' : ''}`, () => {
      fc.assert(fc.property(items, (list) => {
        const body = write(list);
        if (format === 'rss') expect(repair(body)).to.equal(body);
        const want = list.map((entry, i) => {
          const written = { ...entry, ...expected?.(entry, i) };
          return {
            ...written,
            url: absolute(written.url),
            image: written.image && absolute(written.image),
            published: written.published.toISOString(),
          };
        });
        for (const as of [format, 'auto'] as const) {
          const feed = parseFeed({ text: body }, as, { baseUrl: BASE, timezone: ZONE, map });
          const got = feed.items.map((entry) => ({
            id: entry.id, title: entry.title, summary: entry.summary, url: entry.url, image: entry.image,
            published: entry.published?.toISOString(), categories: entry.categories, authors: entry.authors,
          }));
          expect(got, as).to.deep.equal(want);
        }
      }), RUNS);
    });
  }
});
