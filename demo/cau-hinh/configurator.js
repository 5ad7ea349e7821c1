// "Tạo mã nhúng": from feed URLs to a snippet. The engine's diagnosis
// (inspectFeed) is put in words here; the preview is the snippet itself in
// a frame; the snippet comes from snippet.js. Feed text is only ever set as
// text (textContent, value), never as HTML.
import { feedErrorMessage, inspectFeed, INSPECTED_FIELDS, suggestDateFormat } from '/dist/inspect.js';
import { buildSnippet } from './snippet.js';

const TEXT = {
  vi: {
    title: 'Tạo mã nhúng',
    intro: 'Dán địa chỉ nguồn tin, xem công cụ đọc được gì, chọn cách hiển thị, rồi sao chép mã vào trang của bạn.',
    backToDemo: 'Trang phường trình diễn',
    stepSource: '1. Nguồn tin',
    urlsLabel: 'Địa chỉ nguồn tin (một hoặc nhiều, cách nhau bằng dấu cách hoặc xuống dòng)',
    urlsHint: 'JSON Feed, WordPress (/wp-json/wp/v2/posts), RSS, Atom hoặc JSON bất kỳ.',
    inspect: 'Kiểm tra nguồn tin',
    stepDiagnosis: '2. Kết quả kiểm tra',
    noDiagnosis: 'Chưa kiểm tra nguồn tin nào.',
    checking: 'Đang kiểm tra…',
    pickerTitle: 'Chọn trường cho JSON này',
    pickerHint: 'Công cụ chưa tự đọc được JSON này: hãy chỉ ra danh sách tin và trường nào là tiêu đề, liên kết, ngày…; mã sẽ có thuộc tính map tương ứng.',
    applyMap: 'Áp dụng và kiểm tra lại',
    stepLook: '3. Cách hiển thị',
    elements: 'Các phần tử',
    elFeed: 'Danh sách tin',
    elTabs: 'Thẻ chuyên mục',
    elSearch: 'Ô tìm kiếm',
    elCalendar: 'Lịch xem tin theo ngày',
    elCounter: 'Bộ đếm truy cập',
    hidden: 'Ẩn các phần',
    partImage: 'Ảnh',
    partSummary: 'Tóm tắt',
    partDate: 'Ngày',
    partCategory: 'Chuyên mục',
    layout: 'Kiểu trình bày',
    layoutList: 'Danh sách có ảnh',
    layoutCompact: 'Gọn (tiêu đề và ngày)',
    limit: 'Số tin mỗi trang',
    paging: 'Phân trang',
    pagingPages: 'Số trang',
    pagingMore: 'Nút “Xem thêm”',
    pagingNone: 'Không phân trang',
    widgetLang: 'Ngôn ngữ của phần tử',
    accent: 'Màu nhấn',
    fallback: 'Liên kết khi không chạy được JavaScript',
    stepPreview: '4. Xem trước',
    width: 'Độ rộng',
    desktop: 'Máy tính',
    phone: 'Điện thoại',
    previewTitle: 'Xem trước mã nhúng',
    stepCode: '5. Mã nhúng',
    snippetLabel: 'Dán mã này vào phần thân trang (HTML) của bài viết hoặc ô tin trong CMS',
    snippetHint: 'Mã giữ sẵn chỗ cho các phần tử nên trang không bị xô lệch khi tập lệnh tải muộn; không có JavaScript, người đọc vẫn thấy liên kết dự phòng.',
    copy: 'Sao chép mã',
    copied: 'Đã sao chép mã.',
    copyFailed: 'Không sao chép được: hãy chọn mã và nhấn Ctrl+C.',
    switchTo: 'English',
    // The diagnosis
    format: 'Định dạng',
    formats: { jsonfeed: 'JSON Feed', wordpress: 'WordPress REST API', rss: 'RSS', atom: 'Atom', json: 'JSON khác (đọc theo tên trường)' },
    unknownFormat: 'Không xác định',
    items: 'Số tin',
    itemsOf: (items, entries) => (items === entries ? `${items}` : `${items} / ${entries} mục (các mục còn lại không có tiêu đề)`),
    newest: 'Tin mới nhất',
    oldest: 'Tin cũ nhất',
    access: 'Cách đọc',
    accessDirect: 'Trình duyệt đọc trực tiếp được.',
    accessRelay: (relay) => `Máy chủ nguồn tin không cho trang khác đọc (CORS): chỉ đọc được qua relay. Mã dùng relay="${relay}".`,
    accessNone: 'Không đọc được.',
    fieldsCaption: 'Số tin có từng trường',
    field: 'Trường',
    count: 'Số tin có',
    fieldNames: { title: 'Tiêu đề', link: 'Liên kết', date: 'Ngày', summary: 'Tóm tắt', image: 'Ảnh', category: 'Chuyên mục' },
    unreadDates: (count, examples) => `${count} tin có ngày không đọc được, ví dụ: ${examples.join('; ')}.`,
    suggestedFormat: (format) => `Mã dùng date-format="${format}" cho các ngày này.`,
    error: 'Lỗi (như phần tử sẽ báo)',
    // The picker
    list: 'Danh sách tin',
    listOption: (path, count) => `${path || '(gốc)'}: ${count} mục`,
    none: '(không có)',
    roles: { title: 'Tiêu đề', url: 'Liên kết', date: 'Ngày', summary: 'Tóm tắt', image: 'Ảnh', category: 'Chuyên mục', id: 'Mã tin' },
    dateFormat: 'Cách viết ngày (dateFormat)',
  },
  en: {
    title: 'Make the embed code',
    intro: 'Paste a feed address, see what the engine reads in it, choose how it looks, then copy the code into your page.',
    backToDemo: 'Demo ward page',
    stepSource: '1. Feed',
    urlsLabel: 'Feed address (one or several, separated by spaces or new lines)',
    urlsHint: 'JSON Feed, WordPress (/wp-json/wp/v2/posts), RSS, Atom or any JSON.',
    inspect: 'Check the feed',
    stepDiagnosis: '2. What was found',
    noDiagnosis: 'No feed checked yet.',
    checking: 'Checking…',
    pickerTitle: 'Choose the fields of this JSON',
    pickerHint: 'The engine cannot read this JSON on its own: point at the list of news and at the field for title, link, date…; the code gets the matching map attribute.',
    applyMap: 'Apply and check again',
    stepLook: '3. How it looks',
    elements: 'Elements',
    elFeed: 'News list',
    elTabs: 'Category tabs',
    elSearch: 'Search box',
    elCalendar: 'Calendar of news by day',
    elCounter: 'Visit counter',
    hidden: 'Hide parts',
    partImage: 'Image',
    partSummary: 'Summary',
    partDate: 'Date',
    partCategory: 'Category',
    layout: 'Layout',
    layoutList: 'List with pictures',
    layoutCompact: 'Compact (title and date)',
    limit: 'Items per page',
    paging: 'Paging',
    pagingPages: 'Page numbers',
    pagingMore: '“Show more” button',
    pagingNone: 'No paging',
    widgetLang: 'Language of the elements',
    accent: 'Accent colour',
    fallback: 'Link shown without JavaScript',
    stepPreview: '4. Preview',
    width: 'Width',
    desktop: 'Desktop',
    phone: 'Phone',
    previewTitle: 'Preview of the embed code',
    stepCode: '5. Embed code',
    snippetLabel: 'Paste this code into the body (HTML) of a post or a block in your CMS',
    snippetHint: 'The code keeps room for the elements, so the page does not shift when the script arrives late; without JavaScript, readers still get the fallback link.',
    copy: 'Copy the code',
    copied: 'Code copied.',
    copyFailed: 'Could not copy: select the code and press Ctrl+C.',
    switchTo: 'Tiếng Việt',
    format: 'Format',
    formats: { jsonfeed: 'JSON Feed', wordpress: 'WordPress REST API', rss: 'RSS', atom: 'Atom', json: 'Other JSON (read by field names)' },
    unknownFormat: 'Unknown',
    items: 'Items',
    itemsOf: (items, entries) => (items === entries ? `${items}` : `${items} / ${entries} entries (the others have no title)`),
    newest: 'Newest item',
    oldest: 'Oldest item',
    access: 'Access',
    accessDirect: 'The browser can read it directly.',
    accessRelay: (relay) => `The feed's server does not let other pages read it (CORS): only the relay can. The code uses relay="${relay}".`,
    accessNone: 'Cannot be read.',
    fieldsCaption: 'Items that have each field',
    field: 'Field',
    count: 'Items with it',
    fieldNames: { title: 'Title', link: 'Link', date: 'Date', summary: 'Summary', image: 'Image', category: 'Category' },
    unreadDates: (count, examples) => `${count} items have a date that could not be read, e.g. ${examples.join('; ')}.`,
    suggestedFormat: (format) => `The code uses date-format="${format}" for these dates.`,
    error: 'Error (as the element will show it)',
    list: 'List of news',
    listOption: (path, count) => `${path || '(root)'}: ${count} entries`,
    none: '(none)',
    roles: { title: 'Title', url: 'Link', date: 'Date', summary: 'Summary', image: 'Image', category: 'Category', id: 'Id' },
    dateFormat: 'How dates are written (dateFormat)',
  },
};

const $ = (selector) => document.querySelector(selector);
const RELAY = new URL('/api/feed', location.href).href;
const SCRIPT = new URL('/dist/news-widgets.min.js', location.href).href;
const COUNTER = new URL('/api/visits', location.href).href;
const ROLES = ['title', 'url', 'date', 'summary', 'image', 'category', 'id'];

const state = {
  lang: new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'vi',
  urls: [],
  /** inspectFeed's answer for each URL. */
  results: [],
  /** The map written with the picker, for JSON the engine cannot read alone. */
  map: undefined,
  dateFormat: undefined,
};
const t = () => TEXT[state.lang];

/** An element with text content only. */
function make(tag, text, attributes = {}) {
  const element = document.createElement(tag);
  if (text !== undefined) element.textContent = text;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

function applyLanguage() {
  document.documentElement.lang = state.lang;
  for (const element of document.querySelectorAll('[data-t]')) element.textContent = t()[element.dataset.t];
  for (const element of document.querySelectorAll('[data-t-title]')) element.title = t()[element.dataset.tTitle];
  const other = state.lang === 'vi' ? 'en' : 'vi';
  $('#language').textContent = t().switchTo;
  $('#language').lang = other;
  document.title = `${t().title} - news-widgets`;
  renderDiagnosis();
  if (!$('#picker').hidden) renderPicker();
}

const dateText = (date) =>
  new Intl.DateTimeFormat(state.lang === 'en' ? 'en-GB' : 'vi-VN', {
    day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh',
  }).format(date);

/** The date-format a feed's unread dates call for, if one reads them all. */
const dateFormatFor = (result) => (result.unreadDates.count ? suggestDateFormat(result.unreadDates.examples) : undefined);

function renderDiagnosis() {
  const box = $('#diagnosis');
  box.replaceChildren();
  if (!state.results.length) {
    box.append(make('p', state.urls.length ? t().checking : t().noDiagnosis, { class: 'hint' }));
    return;
  }
  for (const result of state.results) {
    const article = make('article', undefined, { class: 'result' });
    article.append(make('h3', result.url, { class: 'url' }));
    const facts = make('dl');
    const fact = (term, value) => facts.append(make('dt', term), make('dd', value));
    fact(t().format, result.format ? t().formats[result.format] : t().unknownFormat);
    fact(t().access, result.access === 'direct' ? t().accessDirect : result.access === 'relay' ? t().accessRelay(result.relay) : t().accessNone);
    if (result.format) fact(t().items, t().itemsOf(result.items.length, result.entries));
    if (result.newest) fact(t().newest, dateText(result.newest));
    if (result.oldest) fact(t().oldest, dateText(result.oldest));
    article.append(facts);
    if (result.items.length) {
      const table = make('table', undefined, { class: 'fields' });
      table.append(make('caption', t().fieldsCaption));
      const head = make('tr');
      head.append(make('th', t().field, { scope: 'col' }), make('th', t().count, { scope: 'col' }));
      table.append(head);
      for (const field of INSPECTED_FIELDS) {
        const row = make('tr', undefined, { 'data-field': field });
        row.append(make('th', t().fieldNames[field], { scope: 'row' }), make('td', `${result.fields[field]} / ${result.items.length}`));
        table.append(row);
      }
      article.append(table);
    }
    if (result.unreadDates.count) {
      const note = make('p', t().unreadDates(result.unreadDates.count, result.unreadDates.examples), { class: 'warning unread-dates' });
      article.append(note);
      const suggested = dateFormatFor(result);
      if (suggested) article.append(make('p', t().suggestedFormat(suggested), { class: 'hint' }));
    }
    if (result.error) {
      article.append(make('p', t().error, { class: 'error-title' }), make('p', feedErrorMessage(result.error, state.lang), { class: 'error' }));
    }
    box.append(article);
  }
}

/** The first JSON answer that needs a map: read as other JSON, with lists in it. */
const needsMap = () => state.results.find((result) => result.format === 'json' && result.lists?.length);

function renderPicker() {
  const result = needsMap();
  const picker = $('#picker');
  picker.hidden = !result;
  if (!result) return;
  const fields = $('#picker-fields');
  const chosen = { ...state.map };
  const listPath = chosen.items ?? result.lists[0].path;
  const list = result.lists.find((entry) => entry.path === listPath) ?? result.lists[0];
  fields.replaceChildren();
  const select = (id, label, options, value) => {
    const element = make('select', undefined, { id, name: id });
    for (const [optionValue, text] of options) element.append(make('option', text, { value: optionValue }));
    element.value = value ?? '';
    fields.append(make('label', label, { for: id }), element);
    return element;
  };
  const listSelect = select('map-items', t().list, result.lists.map((entry) => [entry.path, t().listOption(entry.path, entry.count)]), list.path);
  listSelect.addEventListener('change', () => {
    state.map = { items: listSelect.value };
    renderPicker();
  });
  for (const role of ROLES) {
    const options = [['', t().none], ...list.fields.map((field) => [field.path, `${field.path}${field.examples[0] ? `: ${field.examples[0]}` : ''}`])];
    select(`map-${role}`, t().roles[role], options, chosen[role] ?? '');
  }
  const dateSelect = $('#map-date');
  const dateFormat = make('input', undefined, { id: 'map-dateFormat', name: 'map-dateFormat', type: 'text', spellcheck: 'false' });
  const suggest = () => {
    const field = list.fields.find((entry) => entry.path === dateSelect.value);
    dateFormat.value = (field && suggestDateFormat(field.examples)) ?? '';
  };
  dateSelect.addEventListener('change', suggest);
  if (chosen.dateFormat) dateFormat.value = chosen.dateFormat;
  else suggest();
  fields.append(make('label', t().dateFormat, { for: 'map-dateFormat' }), dateFormat);
}

function readPicker() {
  const map = { items: $('#map-items').value };
  for (const role of ROLES) if ($(`#map-${role}`).value) map[role] = $(`#map-${role}`).value;
  if ($('#map-dateFormat').value.trim()) map.dateFormat = $('#map-dateFormat').value.trim();
  return map;
}

let checking = 0;
async function check() {
  const run = ++checking;
  state.urls = $('#urls').value.split(/\s+/).filter(Boolean);
  state.results = [];
  renderDiagnosis();
  const results = await Promise.all(state.urls.map((url) => inspectFeed(url, { relay: RELAY, map: state.map })));
  if (run !== checking) return;
  state.results = results;
  // A date-format the element needs for dates it could not read (a map carries its own).
  state.dateFormat = state.map ? undefined : results.map(dateFormatFor).find(Boolean);
  renderDiagnosis();
  renderPicker();
  update();
}

/** The configurator's choices as snippet.js takes them. */
function choices() {
  const look = new FormData($('#look'));
  const hide = look.getAll('hide');
  const images = state.results.some((result) => result.fields.image > 0);
  return {
    script: SCRIPT,
    id: 'tin-tuc',
    // Absolute: the code is pasted into another site.
    urls: state.urls.map((url, i) => state.results[i]?.url ?? new URL(url, location.href).href),
    relay: state.results.some((result) => result.access === 'relay') ? RELAY : undefined,
    map: state.map,
    dateFormat: state.dateFormat,
    layout: look.get('layout'),
    limit: Math.min(50, Math.max(1, Number(look.get('limit')) || 10)),
    paging: look.get('paging'),
    hide,
    lang: look.get('lang'),
    // The elements' own blue needs no rule.
    accent: look.get('accent') === '#0b57a4' ? undefined : look.get('accent'),
    images: images || !state.results.length,
    fallback: { href: look.get('fallback') || undefined },
    elements: { feed: true, tabs: !!look.get('tabs'), search: !!look.get('search'), calendar: !!look.get('calendar'), counter: !!look.get('counter') },
    counterSrc: COUNTER,
  };
}

/** The snippet pasted into an empty page: what the webmaster's page will show. */
function previewPage(snippet) {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<base href="${location.href.replace(/"/g, '&quot;')}"><style>body { margin: 0; padding: 1rem; font: 16px/1.5 system-ui, sans-serif; color: #222; }</style></head>
<body>${snippet}</body></html>`;
}

let lastSnippet = '';
function update() {
  if (!state.urls.length) return;
  const snippet = buildSnippet(choices());
  $('#snippet').value = snippet;
  if (snippet !== lastSnippet) {
    lastSnippet = snippet;
    $('#preview').srcdoc = previewPage(snippet);
  }
}

// The frame grows with its page, so the preview never scrolls inside.
// The body, not the document: the document is never shorter than the frame.
function fitPreview() {
  const frame = $('#preview');
  const body = frame.contentDocument?.body;
  if (body) frame.style.height = `${Math.ceil(body.getBoundingClientRect().height)}px`;
}
$('#preview').addEventListener('load', () => {
  const body = $('#preview').contentDocument?.body;
  if (body) new ResizeObserver(fitPreview).observe(body);
});

function setWidth() {
  $('#preview-frame').dataset.width = document.querySelector('input[name="width"]:checked').value;
}

$('#source-form').addEventListener('submit', (event) => {
  event.preventDefault();
  state.map = undefined;
  check();
});
$('#picker').addEventListener('submit', (event) => {
  event.preventDefault();
  state.map = readPicker();
  check();
});
$('#look').addEventListener('input', update);
$('#look').addEventListener('change', update);
for (const radio of document.querySelectorAll('input[name="width"]')) radio.addEventListener('change', setWidth);
$('#language').addEventListener('click', () => {
  state.lang = state.lang === 'vi' ? 'en' : 'vi';
  applyLanguage();
});
$('#copy').addEventListener('click', async () => {
  const status = $('#copied');
  try {
    await navigator.clipboard.writeText($('#snippet').value);
    status.textContent = t().copied;
  } catch {
    $('#snippet').select();
    status.textContent = t().copyFailed;
  }
});

setWidth();
applyLanguage();
