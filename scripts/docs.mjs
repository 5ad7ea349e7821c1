// npm run docs: writes docs/<tag>.md, one reference page per element, and
// docs/README.md, their index, from custom-elements.json (npm run analyze),
// which the analyzer reads from each class's JSDoc; and the same pages in
// Vietnamese, docs/<tag>.vi.md and docs/README.vi.md, whose descriptions come
// from scripts/docs.vi.json. That file holds, for every description of the
// manifest (keyed by element, then kind, then name), the English it
// translates and its Vietnamese: a description added or changed in the JSDoc
// without its Vietnamese fails the check, so the two languages cannot drift.
// The pages are generated: edit the JSDoc in src/elements/<tag>/<tag>.ts and
// its entry in scripts/docs.vi.json, then run npm run docs.
//
//   node scripts/docs.mjs           write the pages (and add the entries the
//                                   Vietnamese lacks, with "vi": "", to fill in)
//   node scripts/docs.mjs --check   fail when a page differs from what the code
//                                   says, or a description has no Vietnamese
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { optionsTable } from '../server/src/help.js';

const MANIFEST = 'custom-elements.json';
const VIETNAMESE = 'scripts/docs.vi.json';
const OUT = 'docs';
const check = process.argv.includes('--check');
const LIFECYCLE = new Set([
  'connectedCallback', 'disconnectedCallback', 'attributeChangedCallback', 'adoptedCallback',
  'render', 'update', 'updated', 'firstUpdated', 'willUpdate', 'shouldUpdate', 'createRenderRoot',
]);

if (!existsSync(MANIFEST)) {
  console.error(`No ${MANIFEST}: run npm run analyze (or npm run build) first.`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
const elements = manifest.modules
  .flatMap((module) => (module.declarations ?? []).map((declaration) => ({ ...declaration, modulePath: module.path })))
  .filter((declaration) => declaration.customElement && declaration.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

/** One line of a table cell: pipes escaped, line breaks joined. */
const cell = (text) => String(text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text ? `\`${text}\`` : '');
const defaultValue = (value) => (value === undefined || value === "''" ? '' : code(value));

function table(headers, rows) {
  if (!rows.length) return '';
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

function section(title, body, empty) {
  return `## ${title}\n\n${body || empty}\n`;
}

/** What each element's page lists, each entry with the description the JSDoc gives it. */
function contents(element) {
  const publicMembers = (element.members ?? []).filter((member) =>
    !member.static && (member.privacy ?? 'public') === 'public' && !member.name.startsWith('#'));
  // A base class's attributes (a control's `for`) first, as the class reads from its base.
  const attributes = (element.attributes ?? []).toSorted((a, b) => Number(!a.inheritedFrom) - Number(!b.inheritedFrom));
  const attributeFields = new Set(attributes.map((attribute) => attribute.fieldName));
  return {
    attributes,
    attributeFields,
    properties: publicMembers.filter((member) => member.kind === 'field' && !attributeFields.has(member.name)),
    methods: publicMembers.filter((member) => member.kind === 'method' && !LIFECYCLE.has(member.name)),
    events: element.events ?? [],
    slots: element.slots ?? [],
    parts: element.cssParts ?? [],
    cssProperties: element.cssProperties ?? [],
  };
}
const KINDS = ['attributes', 'properties', 'methods', 'events', 'slots', 'parts', 'cssProperties'];

/** Every description of the manifest, keyed as in scripts/docs.vi.json: [tag, kind, name, English]. */
function descriptions() {
  return elements.flatMap((element) => {
    const lists = contents(element);
    return [
      [element.tagName, 'summary', '', element.summary ?? ''],
      [element.tagName, 'description', '', element.description ?? ''],
      ...KINDS.flatMap((kind) => lists[kind].map((entry) => [element.tagName, kind, entry.name ?? '', entry.description ?? ''])),
    ].filter(([, , , english]) => english.trim());
  });
}

const WORDS = {
  en: {
    use: 'Use it', attributes: 'Attributes', properties: 'Properties', methods: 'Methods', events: 'Events', slots: 'Slots',
    parts: 'CSS parts (`::part`)', cssProperties: 'CSS custom properties', none: 'None.', noneBeyond: 'None beyond the attributes.',
    attribute: 'attribute', property: 'property', type: 'type', default: 'default', description: 'description', method: 'method',
    event: 'event', slot: 'slot', part: 'part', customProperty: 'custom property', defaultSlot: '(default)', readOnly: ' (read-only)',
    fromNpm: (entry, name) => `From npm: \`import '${entry}';\` registers only this element (class \`${name}\`).`,
    examples: 'Examples to paste, for each element and feed source: [README](../README.md).',
    storybook: (tag) => `Every state and layout to try: \`npm run storybook\`, Elements/${tag}.`,
    sameProperties: 'Every attribute above is also a property of the same name in camelCase.',
    bubbles: 'Every event bubbles and is composed (it leaves the shadow DOM).',
    other: (tag) => `Tiếng Việt: [${tag}.vi.md](${tag}.vi.md).`,
    title: 'Element reference',
    intro: 'One page per element, generated from the JSDoc in its class (through custom-elements.json), so it always says what the code does.',
    element: 'element', summary: 'summary',
    otherIndex: 'Tiếng Việt: [README.vi.md](README.vi.md).',
    server: 'The visit counter\'s and the feed relay\'s server: [server/README.md](../server/README.md).',
  },
  vi: {
    use: 'Cách dùng', attributes: 'Thuộc tính HTML', properties: 'Thuộc tính JavaScript', methods: 'Phương thức', events: 'Sự kiện', slots: 'Slot',
    parts: 'Phần để tạo kiểu (`::part`)', cssProperties: 'Biến CSS', none: 'Không có.', noneBeyond: 'Không có, ngoài các thuộc tính HTML.',
    attribute: 'thuộc tính', property: 'thuộc tính JS', type: 'kiểu', default: 'mặc định', description: 'mô tả', method: 'phương thức',
    event: 'sự kiện', slot: 'slot', part: 'part', customProperty: 'biến CSS', defaultSlot: '(mặc định)', readOnly: ' (chỉ đọc)',
    fromNpm: (entry, name) => `Từ npm: \`import '${entry}';\` chỉ đăng ký phần tử này (lớp \`${name}\`).`,
    examples: 'Ví dụ để dán ngay, cho từng phần tử và từng loại nguồn tin: [README.vi](../README.vi.md).',
    storybook: (tag) => `Mọi trạng thái và bố cục để thử: \`npm run storybook\`, Elements/${tag}.`,
    sameProperties: 'Mọi thuộc tính HTML ở trên cũng là thuộc tính JavaScript cùng tên (viết camelCase).',
    bubbles: 'Mọi sự kiện đều nổi bọt (bubbles) và ra khỏi shadow DOM (composed).',
    other: (tag) => `English: [${tag}.md](${tag}.md).`,
    title: 'Tra cứu phần tử',
    intro: 'Mỗi phần tử một trang, sinh ra từ chú thích JSDoc trong mã nguồn (qua custom-elements.json) và bản dịch của từng mô tả, nên luôn khớp với mã.',
    element: 'phần tử', summary: 'tóm tắt',
    otherIndex: 'English: [README.md](README.md).',
    server: 'Máy chủ bộ đếm truy cập và chuyển tiếp tin: [server/README.vi.md](../server/README.vi.md).',
  },
};

/** A page in `lang`: `say(tag, kind, name, english)` gives each description in it. */
function page(element, lang, say) {
  const tag = element.tagName;
  const w = WORDS[lang];
  const { attributes, attributeFields, properties, methods, events, slots, parts: cssParts, cssProperties } = contents(element);
  const described = (kind, entry) => say(tag, kind, entry.name ?? '', entry.description ?? '');
  const entry = `news-widgets/${tag}.js`;
  const source = element.modulePath.replace(/^dist\/(.+)\.js$/, 'src/$1.ts');
  const summary = say(tag, 'summary', '', element.summary ?? '');
  const description = say(tag, 'description', '', element.description ?? '');

  const parts = [
    `<!-- Generated by scripts/docs.mjs from custom-elements.json${lang === 'vi' ? ` and ${VIETNAMESE}` : ''}: edit the JSDoc in ${source}${lang === 'vi' ? ` and its entries in ${VIETNAMESE}` : ''}, then run npm run docs. -->\n`,
    `# \`<${tag}>\`\n`,
    w.other(tag) + '\n',
    summary.trim() ? `**${summary.trim()}**\n` : '',
    description.trim() ? `${description.trim()}\n` : '',
    section(w.use, [
      '```html',
      '<script type="module" src="news-widgets.min.js"></script>',
      `<${tag}></${tag}>`,
      '```',
      '',
      w.fromNpm(entry, element.name),
      '',
      w.examples,
      w.storybook(tag),
    ].join('\n')),
    section(w.attributes, table(
      [w.attribute, w.property, w.type, w.default, w.description],
      attributes.map((attribute) => [
        code(attribute.name), code(attribute.fieldName), code(attribute.type?.text), defaultValue(attribute.default), described('attributes', attribute),
      ]),
    ), w.none),
    section(w.properties, [
      attributeFields.size ? `${w.sameProperties}\n` : '',
      table(
        [w.property, w.type, w.description],
        properties.map((field) => [`${code(field.name)}${field.readonly ? w.readOnly : ''}`, code(field.type?.text), described('properties', field)]),
      ),
    ].join('\n').trim(), w.noneBeyond),
    section(w.methods, table(
      [w.method, w.description],
      methods.map((method) => [code(`${method.name}(${(method.parameters ?? []).map((parameter) => parameter.name).join(', ')})`), described('methods', method)]),
    ), w.none),
    section(w.events, table([w.event, w.description], events.map((event) => [code(event.name), described('events', event)]))
      + (events.length ? `\n\n${w.bubbles}` : ''), w.none),
    section(w.slots, table([w.slot, w.description], slots.map((slot) => [slot.name ? code(slot.name) : w.defaultSlot, described('slots', slot)])), w.none),
    section(w.parts, table([w.part, w.description], cssParts.map((part) => [code(part.name), described('parts', part)]))
      + (cssParts.length ? `\n\n\`\`\`css\n${tag}::part(${cssParts[0].name}) { /* … */ }\n\`\`\`` : ''), w.none),
    section(w.cssProperties, table([w.customProperty, w.description], cssProperties.map((property) => [code(property.name), described('cssProperties', property)]))
      + (cssProperties.length ? `\n\n\`\`\`css\n${tag} { ${cssProperties[0].name}: …; }\n\`\`\`` : ''), w.none),
  ];
  return `${parts.filter(Boolean).join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function index(lang, say) {
  const w = WORDS[lang];
  const suffix = lang === 'en' ? '' : `.${lang}`;
  return [
    `<!-- Generated by scripts/docs.mjs from custom-elements.json${lang === 'vi' ? ` and ${VIETNAMESE}` : ''}: run npm run docs. -->`,
    `# ${w.title}`,
    '',
    w.otherIndex,
    '',
    w.intro,
    '',
    table([w.element, w.summary], elements.map((element) => [
      `[\`<${element.tagName}>\`](${element.tagName}${suffix}.md)`, say(element.tagName, 'summary', '', element.summary ?? ''),
    ])),
    '',
    w.server,
    '',
  ].join('\n');
}

// The Vietnamese: { tag: { kind: { name: { en, vi } } } } (summary and description under the name "").
const vietnamese = existsSync(VIETNAMESE) ? JSON.parse(readFileSync(VIETNAMESE, 'utf8')) : {};
const problems = [];
const known = descriptions();
for (const [tag, kind, name, english] of known) {
  const entry = vietnamese[tag]?.[kind]?.[name];
  const where = `${tag} ${kind}${name ? ` ${name}` : ''}`;
  if (!entry?.vi?.trim()) problems.push(`${where}: no Vietnamese${entry?.before ? ' (the English changed: see "before")' : ''}`);
  else if (entry.en !== english) problems.push(`${where}: the English changed since it was translated`);
}
const knownKeys = new Set(known.map(([tag, kind, name]) => `${tag}\0${kind}\0${name}`));
for (const [tag, kinds] of Object.entries(vietnamese)) {
  for (const [kind, names] of Object.entries(kinds)) {
    for (const name of Object.keys(names)) if (!knownKeys.has(`${tag}\0${kind}\0${name}`)) problems.push(`${tag} ${kind} ${name}: in ${VIETNAMESE} but not in the code`);
  }
}
const english = (tag, kind, name, text) => text;
const inVietnamese = (tag, kind, name, text) => vietnamese[tag]?.[kind]?.[name]?.vi || text;

const pages = new Map(elements.flatMap((element) => [
  [`${element.tagName}.md`, page(element, 'en', english)],
  [`${element.tagName}.vi.md`, page(element, 'vi', inVietnamese)],
]));
pages.set('README.md', index('en', english));
pages.set('README.vi.md', index('vi', inVietnamese));

// The server's guides: their options tables, from the entries --help prints.
const OPTIONS_START = /<!-- options: [^>]*-->\n/;
const OPTIONS_END = '<!-- /options -->';
const guides = new Map(Object.entries({ 'server/README.md': 'en', 'server/README.vi.md': 'vi' }).map(([path, lang]) => {
  const text = readFileSync(path, 'utf8');
  const start = OPTIONS_START.exec(text);
  const end = text.indexOf(OPTIONS_END);
  if (!start || end < start.index) {
    console.error(`${path} has no options table between '<!-- options: … -->' and '${OPTIONS_END}'.`);
    process.exit(1);
  }
  const at = start.index + start[0].length;
  return [path, { text, expected: `${text.slice(0, at)}${optionsTable(lang)}\n${text.slice(end)}` }];
}));

if (check) {
  const staleGuides = [...guides].filter(([, guide]) => guide.text !== guide.expected).map(([path]) => path);
  if (staleGuides.length) console.error(`${staleGuides.join(', ')}: the options table differs from server/src/help.js. Run npm run docs.`);
  if (staleGuides.length) process.exitCode = 1;
  const stale = [...pages].filter(([name, text]) => !existsSync(join(OUT, name)) || readFileSync(join(OUT, name), 'utf8') !== text).map(([name]) => name);
  const extra = existsSync(OUT) ? readdirSync(OUT).filter((name) => name.endsWith('.md') && !pages.has(name)) : [];
  if (problems.length) console.error(`${VIETNAMESE} is behind the code:\n  ${problems.join('\n  ')}\nTranslate each (its "en" is the English it translates), then run npm run docs.`);
  if (stale.length || extra.length) {
    console.error(`docs/ does not match the code: ${[...stale, ...extra.map((name) => `${name} (no such element)`)].join(', ')}. Run npm run docs and commit docs/.`);
  }
  if (problems.length || stale.length || extra.length || staleGuides.length) process.exit(1);
  console.log(`docs/: ${pages.size} pages match custom-elements.json and ${VIETNAMESE}; the server's guides match its --help`);
} else {
  mkdirSync(OUT, { recursive: true });
  for (const [name, text] of pages) writeFileSync(join(OUT, name), text);
  for (const [path, guide] of guides) writeFileSync(path, guide.expected);
  console.log(`docs/: wrote ${[...pages.keys()].join(', ')}`);
  // Entries to translate get their English and an empty "vi"; a changed one
  // keeps what it was under "before", to correct from. The check fails on an
  // empty "vi", so nothing passes untranslated.
  const behind = known.filter(([tag, kind, name, text]) => vietnamese[tag]?.[kind]?.[name]?.en !== text || !vietnamese[tag][kind][name].vi);
  for (const [tag, kind, name, text] of behind) {
    const old = vietnamese[tag]?.[kind]?.[name];
    const before = old?.en !== text && old?.vi ? { en: old.en, vi: old.vi } : old?.before;
    ((vietnamese[tag] ??= {})[kind] ??= {})[name] = { en: text, vi: old?.en === text ? old.vi : '', ...(before && { before }) };
  }
  if (behind.length) {
    writeFileSync(VIETNAMESE, `${JSON.stringify(vietnamese, null, 2)}\n`);
    console.error(`${VIETNAMESE}: ${behind.length} descriptions to translate (or check again), then run npm run docs once more.`);
    process.exitCode = 1;
  }
}
