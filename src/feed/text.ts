/**
 * Text helpers for feed strings: every feed string ends up as plain text, and
 * only http(s) URLs survive. Pure string work, so it runs the same under a
 * strict Content Security Policy or Trusted Types (no innerHTML, no DOMParser).
 */

// Latin-1 entity names for U+00A0..U+00FF, in code point order.
const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

// No prototype: `&constructor;` must not find Object's own properties.
const NAMED_ENTITIES: Record<string, string> = Object.assign(Object.create(null), {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  hellip: '\u2026', ndash: '\u2013', mdash: '\u2014', lsquo: '\u2018', rsquo: '\u2019',
  sbquo: '\u201a', ldquo: '\u201c', rdquo: '\u201d', bdquo: '\u201e', bull: '\u2022',
  trade: '\u2122', euro: '\u20ac', dagger: '\u2020', Dagger: '\u2021', permil: '\u2030',
  lsaquo: '\u2039', rsaquo: '\u203a', thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003',
  zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f', OElig: '\u0152', oelig: '\u0153',
});
LATIN1_NAMES.split(' ').forEach((name, i) => {
  NAMED_ENTITIES[name] = String.fromCharCode(0xa0 + i);
});

const ENTITY = /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([A-Za-z][A-Za-z0-9]{1,31}))(;?)/g;

function fromCodePoint(code: number): string {
  // Out of range, surrogates and NUL become U+FFFD, as HTML parsers do.
  if (code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

/** The character an HTML entity name stands for (`nbsp`), if known. */
export const namedEntity = (name: string): string | undefined => NAMED_ENTITIES[name];

/**
 * Decodes HTML character references; unknown names are left as written. In
 * a URL (`terminated`) only those with their `;`, so that a query such as
 * `?id=1&copy=2` keeps its `&copy`.
 */
export function decodeEntities(text: string, terminated = false): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (match, dec?: string, hex?: string, name?: string, semicolon?: string) => {
    if (terminated && !semicolon) return match;
    if (dec) return fromCodePoint(parseInt(dec, 10));
    if (hex) return fromCodePoint(parseInt(hex, 16));
    const value = NAMED_ENTITIES[name!];
    return value ?? match;
  });
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
    let closer = closers.get(source);
    if (!closer) closers.set(source, (closer = new RegExp(source, 'gi')));
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

// Vietnamese (and general Latin) letters with marks, grouped by base letter.
const MARKED: Record<string, string> = {
  a: 'àáảãạăằắẳẵặâầấẩẫậäåā',
  e: 'èéẻẽẹêềếểễệëē',
  i: 'ìíỉĩịïîī',
  o: 'òóỏõọôồốổỗộơờớởỡợöøō',
  u: 'ùúủũụưừứửữựüûū',
  y: 'ỳýỷỹỵÿ',
  d: 'đ',
  c: 'ç',
  n: 'ñ',
};
const FOLD = new Map<string, string>();
for (const [base, letters] of Object.entries(MARKED)) {
  for (const letter of letters) FOLD.set(letter, base);
}
const NON_ASCII = /[^\x00-\x7f]/g;
const HAS_NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

function foldChar(char: string): string {
  const known = FOLD.get(char);
  if (known !== undefined) return known;
  // Decomposed input, or a letter outside the table: strip marks the slow way.
  return char.normalize('NFD').replace(COMBINING_MARKS, '');
}

/**
 * Search key: lower case, Vietnamese marks stripped, đ to d. A table lookup
 * per non-ASCII character, several times faster than normalize('NFD') over
 * the whole string.
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
