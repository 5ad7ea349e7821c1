/**
 * Text helpers for feed strings: every feed string ends up as plain text, and
 * only http(s) URLs survive. Pure string work, save for HTML's rarer entity
 * names, which the browser's own HTML parser reads (withEntityNames).
 */
import { parseDocument } from './dom-parse.js';
import { memo } from '../memo.js';

const ENTITY = /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([A-Za-z][A-Za-z0-9]{1,31}))(;?)/g;

// The names nearly every feed uses, known without asking the browser. A Map,
// not an object: `&constructor;` must not find Object's own properties.
const NAMES = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"], ['nbsp', '\u00a0']]);
/** Names learnt from the browser: their characters, or '' for no such name. */
const learnt = new Map<string, string>();
/** Names kept learnt at most: HTML has 2,231; a hostile feed may write a million others. */
const LEARNT_MAX = 4096;

/**
 * Learns what `names` stand for in one parse of the browser's HTML parser:
 * the bundle carries no table of HTML's 2,231 names. What is parsed is our
 * own `<p>` around each `&name;`, and a name is letters and digits only: no
 * feed text is ever parsed as markup, and only `textContent` is read back,
 * as text.
 */
function learnNames(names: Set<string>): void {
  if (learnt.size + names.size > LEARNT_MAX) learnt.clear();
  let found: HTMLCollection | undefined;
  try {
    found = parseDocument([...names].map((name) => `<p>&${name};</p>`).join(''), 'text/html').body.children;
  } catch {
    // No DOMParser here, or a Trusted Types policy that does not allow ours: names stay as written.
  }
  [...names].forEach((name, i) => {
    const chars = found?.[i]?.textContent ?? '';
    // Unknown ("&bogus;" comes back as written) or only its start known ("&notit;" gives "¬it;"): no name.
    learnt.set(name, /[A-Za-z\d];$/.test(chars) ? '' : chars);
  });
}

const NAME = /^[A-Za-z][A-Za-z\d]{1,31}$/;

/**
 * `replace(lookUp)`, where `lookUp(name)` gives the characters an HTML
 * entity name stands for (one or two code points), if it is one. Names met
 * that are neither known nor learnt yet are learnt together once the first
 * pass is done, and then it runs again: most text needs one pass.
 */
export function withEntityNames(replace: (lookUp: (name: string) => string | undefined) => string): string {
  const missing = new Set<string>();
  const lookUp = (name: string) => {
    const chars = NAMES.get(name) ?? learnt.get(name);
    if (chars === undefined && NAME.test(name) && missing.size < LEARNT_MAX) missing.add(name);
    return chars || undefined;
  };
  const once = replace(lookUp);
  if (!missing.size) return once;
  learnNames(missing);
  return replace(lookUp);
}

function fromCodePoint(code: number): string {
  // Out of range, surrogates and NUL become U+FFFD, as HTML parsers do.
  if (code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

/**
 * Decodes HTML character references; unknown names are left as written. In
 * a URL (`terminated`) only those with their `;`, so that a query such as
 * `?id=1&copy=2` keeps its `&copy`.
 */
export function decodeEntities(text: string, terminated = false): string {
  if (!text.includes('&')) return text;
  return withEntityNames((lookUp) => text.replace(ENTITY, (match, dec?: string, hex?: string, name?: string, semicolon?: string) => {
    if (terminated && !semicolon) return match;
    if (dec) return fromCodePoint(parseInt(dec, 10));
    if (hex) return fromCodePoint(parseInt(hex, 16));
    return lookUp(name!) ?? match;
  }));
}

/** Characters of a field that are read at all: a feed's 1 MB title is not text for a news box. */
export const FIELD_MAX = 100_000;

const closers = new Map<string, RegExp>();

/**
 * Replaces each run from a match of `open` (a global RegExp) to the first
 * match of the `close` pattern after it (case-insensitive) with `by(inner,
 * whole)`, and the text between runs with `between(text)`; a run that is
 * never closed goes to the end. One pass, where a lazy `<!--[^]*?-->` scans
 * to the end again from every unclosed opening: 50 KB of `<!--` took
 * seconds that way.
 */
export function replaceRuns(
  text: string,
  open: RegExp,
  close: (opening: RegExpExecArray) => string,
  by: (inner: string, whole: string) => string,
  between: (text: string) => string = (plain) => plain,
): string {
  let out = '';
  let from = 0;
  open.lastIndex = 0;
  for (let opening = open.exec(text); opening; opening = open.exec(text)) {
    const source = close(opening);
    const closer = memo(closers, source, () => new RegExp(source, 'gi'));
    const innerStart = opening.index + opening[0].length;
    closer.lastIndex = innerStart;
    const closed = closer.exec(text);
    const end = closed ? closer.lastIndex : text.length;
    out += between(text.slice(from, opening.index)) + by(text.slice(innerStart, closed ? closed.index : end), text.slice(opening.index, end));
    from = open.lastIndex = end;
    if (!closed) break;
  }
  return out + between(text.slice(from));
}

// Elements whose content is never text a reader should see.
const HIDDEN_ELEMENT = /<(script|style|template|noscript|iframe|object|svg|math)\b/gi;
const COMMENT = /<!--/g;
const CDATA = /<!\[CDATA\[/g;
const space = () => ' ';
// Inline tags join words; every other tag separates them. A tag ends at the
// first `>`, and never spans a `<`: `<b<b<b…` is one pass, not one per `<`.
const INLINE_TAG = /<\/?(a|b|i|u|s|em|strong|span|font|small|sub|sup|mark|abbr|code|q)\b[^<>]*>/gi;
const TAG = /<\/?[A-Za-z][^<>]*>|<![^<>]*>|<\?[^<>]*>/g;
const SPACES = /[\s\u00a0\u200b]+/g;
const PLAIN_DOUBT = /[<&\u00a0\u200b]|\s(?<! )|\s\s/;

/** CDATA sections as the text they hold. */
const unwrapCdata = (html: string): string => replaceRuns(html, CDATA, () => '\\]\\]>', (inner) => inner);

/** HTML without what a reader never sees: comments, scripts, styles and the like. */
export const visibleHtml = (html: string): string =>
  replaceRuns(replaceRuns(html, COMMENT, () => '-->', space), HIDDEN_ELEMENT, (opening) => `</${opening[1]}\\s*>`, space);

/**
 * HTML (or text that may hold HTML) to one line of plain text: hidden content
 * and tags dropped, entities decoded, white space folded. The result is only
 * ever put into the page as text.
 */
export function toPlainText(value: unknown): string {
  let text = typeof value === 'string' ? value.slice(0, FIELD_MAX) : typeof value === 'number' ? String(value) : '';
  // Most titles are plain already: one test instead of four replacements.
  if (!PLAIN_DOUBT.test(text)) return text.trim();
  if (text.includes('<')) {
    text = visibleHtml(unwrapCdata(text))
      .replace(INLINE_TAG, '')
      .replace(TAG, ' ');
  }
  // Decode after dropping tags, so that an escaped "&lt;b&gt;" stays visible text.
  return decodeEntities(text).replace(SPACES, ' ').trim();
}

/**
 * A URL that may become a link or an image: absolute http(s), resolved
 * against `base` when relative. Anything else (javascript:, data:, junk) is
 * undefined.
 */
export function safeUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Entities appear in URLs taken from HTML attributes (&amp;).
  const raw = decodeEntities(value.trim(), true);
  if (!raw || raw.length > 4096) return undefined;
  let url: URL;
  try {
    url = base ? new URL(raw, base) : new URL(raw);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

// Each non-ASCII character's fold, worked out the first time it is met
// (decomposed, its marks dropped) and looked up after that: at most one
// entry per UTF-16 code unit. Two letters are no base letter with a mark to
// Unicode, and are set here: đ and ø. (A table of the 90 marked letters
// Vietnamese and its neighbours use gave the same folds, for 295 bytes
// gzipped of the bundle.)
const FOLD = new Map([['đ', 'd'], ['ø', 'o']]);
const NON_ASCII = /[^\x00-\x7f]/g;
const HAS_NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

const foldChar = (char: string): string => memo(FOLD, char, () => char.normalize('NFD').replace(COMBINING_MARKS, ''));

/**
 * Search key: lower case, Vietnamese marks stripped, đ to d. A lookup per
 * non-ASCII character once it is known, several times faster than
 * normalize('NFD') over the whole string.
 */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  return HAS_NON_ASCII.test(lower) ? lower.replace(NON_ASCII, foldChar) : lower;
}

/** "Kinh tế - Chính trị" to "kinh-te-chinh-tri". */
export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
