/**
 * RSS 0.9x, 1.0 (RDF) and 2.0, and Atom 0.3 and 1.0, read with the browser's
 * XML parser. Elements are matched by local name, so namespace prefixes
 * (`dc:date`, `content:encoded`, `atom:link`) and their absence both work.
 */
import { parseDate } from '../dates.js';
import { parseDocument } from '../dom-parse.js';
import { FIELD_MAX, replaceRuns, safeUrl, visibleHtml, withEntityNames } from '../text.js';
import { type NewsItem, type ParseContext, type ParsedFeed } from '../types.js';
import { LoadError } from '../../net/load-error.js';
import { feedTitle, newsItem, readItems } from './item.js';

const FORMAT = 'RSS/Atom';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XML_KEPT = /^(amp|lt|gt|quot|apos)$/;
const HTML_ENTITY = /&(?!(?:amp|lt|gt|quot|apos);)[A-Za-z]/;

// What real feeds get wrong: HTML entity names XML does not define (&nbsp;),
// bare ampersands, control characters, written (&#0;) or not, "]]>" in text,
// an XML declaration again inside the document. CDATA and comments stay as written.
const FLAWS = /&(?:([A-Za-z]\w*);|#0*(?:[0-8]|1[124-9]|2\d|3[01]);|#x0*(?:[0-8bcef]|1[\da-f]);|(?!#\d+;|#x[\da-fA-F]+;))|[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|\]\]>|(?!^)<\?xml\s[^<>]*\?>/gi;
const KEPT_AS_WRITTEN = /<!\[CDATA\[|<!--/g;

// Prefixes used (media:thumbnail, dc:date) but never declared, which XML
// parsers refuse: declared on the root element, Media RSS by its namespace.
const PREFIXED = /<\/?([A-Za-z_][\w.-]*):|\s([A-Za-z_][\w.-]*):[\w.-]+\s*=/g;

function declarePrefixes(xml: string): string {
  const declared = new Set(['xml', 'xmlns', ...[...xml.matchAll(/xmlns:([\w.-]+)/g)].map((match) => match[1])]);
  let declarations = '';
  for (const [, element, attribute] of xml.matchAll(PREFIXED)) {
    const prefix = element ?? attribute;
    if (declared.has(prefix)) continue;
    declared.add(prefix);
    declarations += ` xmlns:${prefix}="${prefix === 'media' ? 'http://search.yahoo.com/mrss/' : `urn:x-${prefix}`}"`;
  }
  return xml.replace(/<(?![?!])[^\s/>]+/, `$&${declarations}`);
}

const fixFlaws = (text: string) => withEntityNames((lookUp) => text.replace(FLAWS, (match, name?: string) => {
  if (match === ']]>') return ']]&gt;';
  if (match[0] !== '&' || match[1] === '#') return '';
  if (!name) return '&amp;';
  if (XML_KEPT.test(name)) return match;
  // Any of HTML's names, as the references XML knows (two for `&NotEqualTilde;`).
  const chars = lookUp(name);
  return chars ? [...chars].map((char) => `&#${char.codePointAt(0)};`).join('') : `&amp;${name};`;
}));

/** The one-pass repair of what real feeds get wrong; exported for the property that it changes nothing in well-formed XML. */
export function repair(xml: string): string {
  const fixed = replaceRuns(xml, KEPT_AS_WRITTEN, (opening) => (opening[0] === '<!--' ? '-->' : '\\]\\]>'), (_, whole) => whole, fixFlaws);
  return declarePrefixes(fixed);
}

const parseXml = (xml: string) => parseDocument(xml, 'application/xml');

const parserError = (doc: Document) => doc.getElementsByTagName('parsererror')[0];

/** The base URL of an element: the feed's URL, changed by every `xml:base` down to it. */
function baseOf(element: Element | null, feedUrl: string): string {
  if (!element) return feedUrl;
  const parent = baseOf(element.parentElement, feedUrl);
  const own = element.getAttributeNS(XML_NS, 'base');
  return (own && safeUrl(own, parent)) || parent;
}

/** A link's relation: `next`, also when written as the full IRI (`http://www.iana.org/assignments/relation/next`). */
const relation = (rel: string) => rel.replace(/^.*\//, '') || 'alternate';

const IMAGE_FILE = /\.(jpe?g|png|gif|webp|avif|svg)(\?|#|$)/i;

/** An enclosure or media element that holds an image. */
function isImage(element: Element, url: string): boolean {
  const type = element.getAttribute('type');
  const medium = element.getAttribute('medium');
  if (medium) return medium === 'image';
  return type ? type.startsWith('image/') : IMAGE_FILE.test(url);
}

const FIRST_IMG = /<img\b[^<>]*>/i;
const IMG_SOURCE = /\s(src|data-src|data-original)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/** The first image's address in HTML; a lazy-loaded one's is in data-src, its src a placeholder. */
function firstImage(html: string): string | undefined {
  let src: string | undefined;
  for (const [, name, ...values] of FIRST_IMG.exec(html.slice(0, FIELD_MAX))?.[0].matchAll(IMG_SOURCE) ?? []) {
    const value = values.find((part) => part !== undefined);
    if (name.toLowerCase() !== 'src') return value;
    src ??= value;
  }
  return src;
}

/**
 * An author's name as written, made plain text with the other names later:
 * decoded here too, "&amp;lt;b&amp;gt;" lost its tag twice. RSS's
 * `jane@example.vn (Jane Doe)` gives `Jane Doe`; a name that only ends in
 * brackets ("Ban Tuyên giáo (Phường 1)") stays whole.
 */
function authorName(element: Element): string {
  const name = (element.getElementsByTagNameNS('*', 'name')[0] ?? element).textContent ?? '';
  return /@\S*\s*\(([^)]+)\)\s*$/.exec(name)?.[1] ?? name;
}

// Elements that say the same thing in different feed versions.
const SAME: Record<string, string> = {
  pubDate: 'date', published: 'date', issued: 'date', created: 'date',
  modified: 'updated', summary: 'description', encoded: 'content',
};

function readItem(element: Element, feedUrl: string, context: ParseContext): NewsItem | undefined {
  const { timezone, dateFormat } = context;
  const base = baseOf(element, feedUrl);
  // The first element of each kind, by local name.
  const first: Record<string, Element> = {};
  let link: string | undefined;
  let image: string | undefined;
  const categories: string[] = [];
  const authors: string[] = [];
  const read = (parent: Element) => {
    for (const child of parent.children) {
      const name = child.localName;
      const attr = (key: string) => child.getAttribute(key) ?? '';
      if (child.namespaceURI?.includes('mrss')) {
        // Media RSS: media:content and media:thumbnail, maybe in a media:group
        // or in the media:content of a video.
        const content = name === 'content';
        if (name === 'group' || (content && !isImage(child, attr('url')))) read(child);
        else if (name === 'thumbnail' || content) image ??= safeUrl(attr('url'), base);
      } else if (name === 'link') {
        // RSS holds the URL as text; Atom in href, with rel saying what it is.
        const rel = relation(attr('rel'));
        const url = safeUrl(child.hasAttribute('href') ? attr('href') : child.textContent, base);
        if (rel === 'alternate') link ??= url;
        else if (rel === 'enclosure' && url && isImage(child, url)) image ??= url;
      } else if (name === 'enclosure') {
        if (isImage(child, attr('url'))) image ??= safeUrl(attr('url'), base);
      } else if (name === 'category' || name === 'subject') {
        categories.push(attr('label') || attr('term') || child.textContent);
      } else if (name === 'author' || name === 'creator') {
        authors.push(authorName(child));
      } else {
        first[SAME[name] ?? name] ??= child;
      }
    }
  };
  read(element);

  const text = (key: string) => first[key]?.textContent ?? '';
  const escaped = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  // Atom's xhtml content is markup in the feed itself: its images are elements,
  // not text. Its type="text" is text: "<b>" in it is no tag.
  const markup = (key: string) => {
    const type = first[key]?.getAttribute('type');
    return type === 'xhtml' ? first[key].innerHTML : type === 'text' ? escaped(text(key)) : text(key);
  };
  const description = markup('description');
  const content = markup('content');
  const html = description || content;
  // A guid is the item's address unless it says otherwise, and if it is one:
  // "101" is an id, not a page beside the feed.
  link ??= first.guid?.getAttribute('isPermaLink') !== 'false' ? safeUrl(text('guid')) : undefined;
  // An Atom title is plain text unless it says it is HTML: "<video>" in it is no tag.
  const titleType = first.title?.getAttribute('type');
  const plainTitle = element.localName === 'entry' && (!titleType || titleType === 'text');
  return newsItem({
    id: text('guid') || text('id') || element.getAttribute('rdf:about'),
    title: plainTitle ? escaped(text('title')) : text('title'),
    url: link,
    summary: html,
    // WordPress puts a plain excerpt in the description and the pictures in content:encoded.
    image: image ?? firstImage(visibleHtml(description)) ?? firstImage(visibleHtml(content)),
    published: parseDate(text('date'), timezone, dateFormat),
    modified: parseDate(text('updated'), timezone, dateFormat),
    authors,
    categories,
  }, base);
}

/** RSS or Atom text to items. */
export function parseXmlFeed(text: string, context: ParseContext): ParsedFeed {
  const url = context.baseUrl;
  // Nothing may come before the XML declaration, yet feeds often send a blank line.
  const source = text.replace(/^[\s\uFEFF]+/, '');
  if (/^<(!doctype\s+)?html\b/i.test(source)) throw new LoadError({ kind: 'format', url, format: FORMAT, field: 'rss', found: 'HTML' });
  // HTML entity names are replaced before parsing, not only after an error:
  // under a DOCTYPE naming an external DTD (RSS 0.91's) Chromium 150 drops
  // an undefined `&nbsp;` silently, and the reader would lose characters.
  const htmlEntities = HTML_ENTITY.test(source);
  let doc = parseXml(htmlEntities ? repair(source) : source);
  if (!htmlEntities && parserError(doc)) doc = parseXml(repair(source));
  const error = parserError(doc);
  if (error) {
    const line = Number(/line (\d+)/.exec(error.textContent ?? '')?.[1]);
    // The line in the feed as sent: the blank lines dropped before the declaration count.
    const dropped = text.slice(0, text.length - source.length).split('\n').length - 1;
    throw new LoadError({ kind: 'parse', url, format: FORMAT, line: line ? line + dropped : undefined });
  }
  const root = doc.documentElement;
  const atom = root.localName === 'feed';
  if (!atom && !/^(rss|RDF|channel)$/.test(root.localName)) {
    throw new LoadError({ kind: 'format', url, format: FORMAT, field: 'rss', found: `<${root.localName}>` });
  }
  const entries = [...root.getElementsByTagNameNS('*', atom ? 'entry' : 'item')];
  // The next page, as Atom (RFC 5005) and RSS with atom:link say it: followed like JSON Feed's next_url.
  const channel = atom ? root : root.getElementsByTagNameNS('*', 'channel')[0];
  const next = [...(channel?.children ?? [])].find((child) => child.localName === 'link' && relation(child.getAttribute('rel') ?? '') === 'next');
  const nextUrl = next ? safeUrl(next.getAttribute('href'), baseOf(channel, url)) : undefined;
  const title = feedTitle([...(channel?.children ?? [])].find((child) => child.localName === 'title')?.textContent);
  return { ...readItems(entries, (entry) => readItem(entry as Element, url, context), context.first), nextUrl, title };
}
