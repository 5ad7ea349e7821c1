// Feeds built to freeze the page (issue 18, finding 1): every text pattern
// runs in one pass, and every field is capped before any pattern runs.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseFeed } from '../../src/feed/parse.js';
import { toPlainText } from '../../src/feed/text.js';
import type { ParsedFeed } from '../../src/feed/types.js';

const BASE = 'https://phuong.example.vn/feed';
const CONTEXT = { baseUrl: BASE, timezone: 'Asia/Ho_Chi_Minh' };
/** What each input took before these fixes, on this machine, was seconds; a linear pass takes milliseconds. */
const BOUND_MS = 500;

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

const wordpress = (excerpt: string, title = 'Tin') =>
  JSON.stringify([{ id: 1, link: 'https://phuong.example.vn/1', title: { rendered: title }, excerpt: { rendered: excerpt }, date_gmt: '2021-04-28T01:00:00' }]);

const rss = (description: string, title = 'Tin') =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>${title}</title><link>https://phuong.example.vn/1</link><description>${description}</description></item></channel></rss>`;

const parse = (text: string): ParsedFeed => parseFeed({ text }, 'auto', CONTEXT);

describe('hostile feeds do not freeze the page', () => {
  it('a WordPress excerpt of 41 KB of "<a more-link" (9.6 s before)', () => {
    const { value, ms } = timed(() => parse(wordpress('<a more-link'.repeat(3500))));
    expect(value.items).to.have.length(1);
    expect(ms).to.be.below(BOUND_MS);
  });

  for (const fragment of ['<b', '<!--', '<a ', '<script', '<![CDATA[', '<img']) {
    it(`a 100 KB title or summary of "${fragment}" repeated, in JSON and in RSS`, () => {
      const hostile = fragment.repeat(Math.ceil(100_000 / fragment.length));
      const json = timed(() => parse(wordpress(hostile, hostile)));
      expect(json.ms).to.be.below(BOUND_MS);
      // Escaped in the XML, as a feed carries HTML in its text.
      const escaped = hostile.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const xml = timed(() => parse(rss(escaped, escaped)));
      expect(xml.ms).to.be.below(BOUND_MS);
    });
  }

  it('broken XML full of unclosed CDATA sections goes through the repair in one pass', () => {
    // A bare & makes the feed need the repair; 50,000 unclosed sections after it.
    const { ms } = timed(() => {
      try {
        parse(rss(`Tin & sự kiện ${'<![CDATA['.repeat(50_000)}`));
      } catch {
        // A parse error is a fine answer; hanging is not.
      }
    });
    expect(ms).to.be.below(BOUND_MS);
  });

  it('a 1.3 MB title of plain words is cut to a title (5.1 s of layout before)', () => {
    const { value, ms } = timed(() => parse(wordpress('Tóm tắt', 'phường '.repeat(190_000))));
    expect(ms).to.be.below(BOUND_MS);
    const [item] = value.items;
    expect(item.title.length).to.be.at.most(301);
    expect(item.title.endsWith('…')).to.equal(true);
  });

  it('100 KB of made-up entity names asks the browser once, not once a name', () => {
    const names = Array.from({ length: 12_000 }, (_, i) => `&x${i.toString(36)}y;`).join('').slice(0, 100_000);
    const { value, ms } = timed(() => toPlainText(names));
    expect(ms).to.be.below(BOUND_MS);
    expect(value.startsWith('&x0y;&x1y;')).to.equal(true);
  });

  it('property: cleaning any 100 KB string made of hostile pieces takes under 50 ms', () => {
    const piece = fc.constantFrom('<a more-link', '<b', '<!--', '<a ', '<script', '<![CDATA[', '<img ', '&', '&nbsp', '-->', ']]>', '</script>', 'x', ' ', '<', '>', '"');
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), (pieces) => {
      const unit = pieces.join('');
      const text = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
      toPlainText(text.slice(0, 1000));
      const { ms } = timed(() => toPlainText(text));
      expect(ms).to.be.below(50);
    }), { numRuns: 40 });
  });
});
