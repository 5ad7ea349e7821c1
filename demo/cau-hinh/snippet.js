// The code the configurator gives a webmaster to paste into a CMS body: a
// <style> that reserves the room each element will take, the script, and the
// elements with their fallback links. A pure function of the choices, so
// that the browser test can check it against the page that pastes it.
//
// Why the room is known beforehand: the style caps every part of a row
// (title, date and categories, summary: --news-*-lines) and gives every row
// the height those caps allow (--news-row-height), so the list is exactly
// `limit` rows tall whatever the feed says, and the same style gives the
// undefined element (before the script runs) that height too. It uses only
// calc() and custom properties: no blocking="render", which works only in
// <head> and only in Chromium. Cards are left out: their height depends on
// the column count, which only the page's width decides.

/** The lines each part may take in a reserved row. */
export const ROW_LINES = { title: 2, meta: 2, summary: 2 };

// The element's own measures (news-feed.styles.ts): line heights and sizes in
// em of the element's font size, spacing in rem.
const TITLE_LINE = '1.4175em'; // 1.05em × 1.35
const COMPACT_TITLE_LINE = '1.35em';
const META_LINE = '1.26875em'; // 0.875em × 1.45
const SUMMARY_LINE = '1.5em';
const BODY_GAP = '0.25rem';
const PAGINATION = '3.25rem'; // 1rem above a 2.25rem row of buttons

/**
 * The reserved height of other elements, in both states: at least what each
 * shows once defined (measured in the browser test at desktop and phone
 * widths). Tabs keep room for a horizontal scrollbar.
 */
export const RESERVED = {
  'news-search': 'calc(2.25rem + 2px)',
  'news-category-tabs': 'calc(1rem + 1.45em + 4px + 17px)',
  'news-date-archive': '19.5rem',
  'news-visit-counter': 'calc(3 * (1.45em + 0.6rem) + 3px)',
};

const escapeAttribute = (value) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeText = (value) => String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `name="value"`, or nothing for an empty value; `true` gives a bare attribute. */
function attributes(pairs) {
  return pairs
    .filter(([, value]) => value !== undefined && value !== '' && value !== false && value !== null)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
}

/**
 * The height of one row and of the whole list, as CSS, for the `list` and
 * `compact` layouts with the parts shown.
 */
export function feedReservation({ layout = 'list', limit = 10, paging = 'pages', hide = [], images = true }) {
  const shown = (part) => !hide.includes(part);
  let row;
  if (layout === 'compact') {
    // Title and date on one line, or the date on a line of its own.
    row = `calc(${ROW_LINES.title} * ${COMPACT_TITLE_LINE} + ${shown('date') ? META_LINE : '0px'} + 0.8rem + 1px)`;
  } else {
    const metaLines = shown('category') ? ROW_LINES.meta : shown('date') ? 1 : 0;
    const text = [
      `${ROW_LINES.title} * ${TITLE_LINE}`,
      metaLines ? `${BODY_GAP} + ${metaLines} * ${META_LINE}` : '',
      shown('summary') ? `${BODY_GAP} + ${ROW_LINES.summary} * ${SUMMARY_LINE}` : '',
    ].filter(Boolean).join(' + ');
    // The picture's height beside the text: 8rem wide at 4:3.
    const body = images && shown('image') ? `max(6rem, ${text})` : `(${text})`;
    row = `calc(${body} + 2 * var(--news-gap, 0.875rem) + 1px)`;
  }
  const count = Math.max(1, Math.floor(Number(limit)) || 10);
  const list = `calc(${count} * var(--news-row-height)${paging === 'none' ? '' : ` + ${PAGINATION}`})`;
  return { row, list, metaLines: layout === 'compact' ? 1 : ROW_LINES.meta };
}

/**
 * The snippet for `config`:
 * { script, id, urls, relay, format, map, dateFormat, layout, limit, paging,
 *   hide, lang, accent, images, fallback: { href, text },
 *   elements: { search, tabs, feed, calendar, counter }, counterSrc }
 */
export function buildSnippet(config) {
  const {
    script, id = 'tin-tuc', urls = [], relay, format, map, dateFormat, layout = 'list', limit = 10, paging = 'pages',
    hide = [], lang = 'vi', accent, images = true, fallback = {}, elements = { feed: true }, counterSrc,
  } = config;
  const scope = `#${id}`;
  const reservation = feedReservation({ layout, limit, paging, hide, images });
  const lines = [];
  const rule = (selector, body) => lines.push(`  ${selector} { ${body} }`);
  const feedRule = [
    'display: block;',
    `--news-title-lines: ${ROW_LINES.title};`,
    `--news-meta-lines: ${reservation.metaLines};`,
    `--news-summary-lines: ${ROW_LINES.summary};`,
    `--news-row-height: ${reservation.row};`,
    `min-height: ${reservation.list};`,
  ];
  lines.push(`  news-feed${scope} {\n${feedRule.map((line) => `    ${line}`).join('\n')}\n  }`);
  const others = [];
  const attach = (tag, extra = []) => {
    const selector = `${tag}[for="${id}"]`;
    rule(selector, `display: block; min-height: ${RESERVED[tag]}`);
    others.push([tag, attributes([['for', id], ['lang', lang === 'en' ? 'en' : ''], ...extra])]);
  };
  if (elements.search) attach('news-search');
  if (elements.tabs) attach('news-category-tabs');
  if (accent) lines.push(`  news-feed${scope}, [for="${id}"] { --news-accent-color: ${accent.replace(/[^#\w(),.% -]/g, '')} }`);
  // Without scripts the elements stay empty: only the fallback links show, with no room kept.
  lines.push(`  @media (scripting: none) { news-feed${scope}, [for="${id}"] { min-height: 0 } }`);

  const feedAttributes = attributes([
    ['id', id],
    ['src', urls.join(' ')],
    ['relay', relay],
    ['format', format && format !== 'auto' ? format : ''],
    ['map', map && Object.keys(map).length ? JSON.stringify(map) : ''],
    ['date-format', dateFormat],
    ['layout', layout === 'list' ? '' : layout],
    ['limit', String(limit) === '10' ? '' : limit],
    ['paging', paging === 'pages' ? '' : paging],
    ['hide', hide.join(' ')],
    ['lang', lang === 'en' ? 'en' : ''],
  ]);
  const fallbackText = fallback.text || (lang === 'en' ? 'All news' : 'Xem tất cả tin tức');
  const fallbackHref = fallback.href || urls[0] || '/';
  const html = [`<style>\n${lines.join('\n')}\n</style>`, `<script type="module" src="${escapeAttribute(script)}"></script>`];
  const before = others.filter(([tag]) => tag === 'news-search' || tag === 'news-category-tabs');
  for (const [tag, attrs] of before) html.push(`<${tag}${attrs}></${tag}>`);
  html.push(`<news-feed${feedAttributes}>\n  <a href="${escapeAttribute(fallbackHref)}">${escapeText(fallbackText)}</a>\n</news-feed>`);
  if (elements.calendar) {
    rule(`news-date-archive[for="${id}"]`, `display: block; min-height: ${RESERVED['news-date-archive']}`);
    html.push(`<news-date-archive${attributes([['for', id], ['lang', lang === 'en' ? 'en' : '']])}></news-date-archive>`);
  }
  if (elements.counter && counterSrc) {
    // The counter drives no feed: it is known by its class.
    rule(`news-visit-counter.${id}-counter`, `display: block; min-height: ${RESERVED['news-visit-counter']}`);
    html.push(`<news-visit-counter${attributes([['class', `${id}-counter`], ['src', counterSrc], ['count', true], ['lang', lang === 'en' ? 'en' : '']])}></news-visit-counter>`);
  }
  html[0] = `<style>\n${lines.join('\n')}\n</style>`;
  return html.join('\n');
}
