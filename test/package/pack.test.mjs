// What `npm publish` would ship, checked from `npm pack --dry-run --json`:
// the built files, their types, custom-elements.json, README and LICENSE,
// nothing else; an exports entry with types for every element; imports that
// resolve inside the package; a self-contained paste-in bundle that says its
// version; source maps that carry their sources; JSX types with every
// attribute and event; a manifest whose paths are
// files of the package and that names every part and --news- property the
// elements use.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { before, describe, test } from 'node:test';
import { parseAst } from 'rollup/parseAst';
import { ROOT, requireBuild } from '../e2e/harness.mjs';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const elementEntries = readdirSync(join(ROOT, 'src'))
  .filter((name) => /^news-[a-z-]+\.ts$/.test(name))
  .map((name) => name.replace(/\.ts$/, ''));

let files;

before(() => {
  requireBuild();
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  files = JSON.parse(out)[0].files.map((file) => file.path).sort();
});

/** Every path the exports map points at. */
function exportTargets(value = manifest.exports) {
  if (typeof value === 'string') return [value.replace(/^\.\//, '')];
  return Object.values(value).flatMap((entry) => exportTargets(entry));
}

/** Static and dynamic import specifiers of a module. */
function importsOf(code) {
  const specifiers = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if ((node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') && node.source) {
      specifiers.push(node.source.value);
    }
    if (node.type === 'ImportExpression') specifiers.push(node.source.value ?? '<computed>');
    for (const child of Object.values(node)) {
      if (Array.isArray(child)) child.forEach(visit);
      else if (child && typeof child === 'object') visit(child);
    }
  };
  visit(parseAst(code));
  return specifiers;
}

describe('npm pack', () => {
  test('ships only built modules, their types, the manifest, the docs, LICENSE and package.json', () => {
    // README.md, and READMEs in other languages (README.vi.md); the server's guide, which the README sends the relay's users to;
    // the configurator's screenshot, which the README shows.
    const allowed = (path) =>
      ['package.json', 'LICENSE', 'custom-elements.json', 'docs/configurator.png'].includes(path) || /^(server\/)?README(\.[a-z]{2})?\.md$/.test(path)
      || /^docs\/[A-Za-z-]+(\.[a-z]{2})?\.md$/.test(path) || /^dist\/.+\.(js|js\.map|d\.ts)$/.test(path);
    assert.deepEqual(files.filter((path) => !allowed(path)), []);
    for (const required of ['package.json', 'README.md', 'LICENSE', 'custom-elements.json', 'dist/index.js', 'dist/index.d.ts', 'dist/news-widgets.min.js', 'dist/news-widgets.classic.js']) {
      assert.ok(files.includes(required), `${required} is not in the package`);
    }
  });

  test('the docs shipped are the whole reference: a page per element in English and Vietnamese, every link to a file of the package, no reference left outside', () => {
    for (const name of ['README', ...elementEntries].flatMap((page) => [`${page}.md`, `${page}.vi.md`])) {
      assert.ok(files.includes(`docs/${name}`), `docs/${name} is not in the package`);
    }
    const docs = files.filter((path) => path.endsWith('.md'));
    for (const path of docs) {
      const text = readFileSync(join(ROOT, path), 'utf8');
      assert.doesNotMatch(text, /API\.md/, `${path} sends readers to API.md, which the package does not have`);
      // Markdown links [text](target) that are not web addresses or anchors in the same page.
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target)) continue;
        const file = normalize(join(dirname(path), target.replace(/#.*$/, '')));
        assert.ok(files.includes(file), `${path} links to ${target}, which is not in the package`);
      }
    }
  });

  test('the licence is the MIT licence the manifest names', () => {
    assert.equal(manifest.license, 'MIT');
    const licence = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    assert.match(licence, /^MIT License/);
    assert.match(licence, /Copyright \(c\) 2026 news-widgets contributors/);
  });

  test('every element has an exports entry whose types come first, and every target is shipped', () => {
    for (const name of elementEntries) {
      const entry = manifest.exports[`./${name}.js`];
      assert.deepEqual(entry, { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` }, `exports["./${name}.js"]`);
      assert.deepEqual(Object.keys(entry), ['types', 'default'], `exports["./${name}.js"]: TypeScript reads the first matching condition`);
    }
    assert.deepEqual(Object.keys(manifest.exports['.']), ['types', 'default']);
    assert.equal(manifest.types, './dist/index.d.ts');
    for (const target of exportTargets()) assert.ok(files.includes(target), `exports points at ${target}, which is not shipped`);
  });

  test('index.js and each element entry are side effects; nothing else registers a tag', () => {
    assert.deepEqual(manifest.sideEffects, ['./dist/index.js', './dist/news-*.js']);
    for (const path of files.filter((file) => file.endsWith('.js') && file !== 'dist/news-widgets.min.js')) {
      const code = readFileSync(join(ROOT, path), 'utf8');
      const registers = /\bdefineElement\(\s*['"]news-/.test(code);
      const isEntry = /^dist\/news-[a-z-]+\.js$/.test(path);
      assert.equal(registers, isEntry, `${path} ${registers ? 'registers a tag but is not a side-effect entry' : 'does not register its tag'}`);
    }
    // import 'news-widgets' must reach every element entry, or tags go unregistered.
    const index = importsOf(readFileSync(join(ROOT, 'dist/index.js'), 'utf8'));
    for (const name of elementEntries) assert.ok(index.includes(`./${name}.js`), `dist/index.js does not import ./${name}.js`);
  });

  test('modules import only Lit and files inside the package', () => {
    const runtime = Object.keys(manifest.dependencies ?? {});
    assert.deepEqual(runtime, ['lit']);
    for (const path of files.filter((file) => file.endsWith('.js'))) {
      for (const specifier of importsOf(readFileSync(join(ROOT, path), 'utf8'))) {
        if (specifier.startsWith('.')) {
          const target = normalize(join(dirname(path), specifier));
          assert.ok(files.includes(target), `${path} imports ${specifier}, which is not shipped`);
        } else {
          assert.match(specifier, /^lit(\/|$)/, `${path} imports ${specifier}`);
        }
      }
    }
  });

  test('type declarations reference only shipped files', () => {
    for (const path of files.filter((file) => file.endsWith('.d.ts'))) {
      const code = readFileSync(join(ROOT, path), 'utf8');
      for (const [, specifier] of code.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        if (!specifier.startsWith('.')) {
          // React's JSX types, only in the file an app imports for them.
          if (path === 'dist/react.d.ts' && specifier === 'react') continue;
          assert.match(specifier, /^lit(\/|$)/, `${path} imports types from ${specifier}`);
          continue;
        }
        const target = normalize(join(dirname(path), specifier)).replace(/\.js$/, '.d.ts');
        assert.ok(files.includes(target), `${path} imports ${specifier}, whose types are not shipped`);
      }
    }
  });

  test('the paste-in bundle imports nothing', () => {
    const code = readFileSync(join(ROOT, 'dist/news-widgets.min.js'), 'utf8');
    assert.deepEqual(importsOf(code), []);
  });

  test('every shipped module opens with the compile hint, which minifying would have dropped', () => {
    for (const path of files.filter((file) => file.endsWith('.js'))) {
      assert.ok(readFileSync(join(ROOT, path), 'utf8').startsWith('//# allFunctionsCalledOnLoad\n'), `${path} has no compile hint on its first line`);
    }
  });

  test('the bundles to paste open with the release they are, after the compile hint', () => {
    for (const path of ['dist/news-widgets.min.js', 'dist/news-widgets.classic.js']) {
      const [, banner] = readFileSync(join(ROOT, path), 'utf8').split('\n', 2);
      assert.equal(banner, `/*! news-widgets v${manifest.version} | MIT */`, `${path}'s second line`);
    }
  });

  test('every npm module has a source map, shipped, that carries the TypeScript it was built from', () => {
    const bundles = ['dist/news-widgets.min.js', 'dist/news-widgets.classic.js'];
    for (const path of files.filter((file) => file.endsWith('.js') && !bundles.includes(file))) {
      const code = readFileSync(join(ROOT, path), 'utf8');
      const url = /\n\/\/# sourceMappingURL=(\S+)\n?$/.exec(code)?.[1];
      assert.ok(url, `${path} names no source map on its last line`);
      const mapPath = normalize(join(dirname(path), url));
      assert.ok(files.includes(mapPath), `${path}'s source map ${url} is not shipped`);
      const map = JSON.parse(readFileSync(join(ROOT, mapPath), 'utf8'));
      assert.equal(map.file, path.split('/').pop(), `${mapPath}: file`);
      map.sources.forEach((source, i) => {
        // The source itself is not shipped: its text is in sourcesContent, and
        // must be the file the path names (relative to the map, as in the repository).
        const sourcePath = normalize(join(dirname(mapPath), source));
        assert.match(sourcePath, /^src\/.+\.ts$/, `${mapPath} names ${source}, outside src/`);
        const same = map.sourcesContent?.[i] === readFileSync(join(ROOT, sourcePath), 'utf8');
        assert.ok(same, `${mapPath}: the text of ${source} is missing or not the source's`);
      });
    }
    for (const map of files.filter((file) => file.endsWith('.js.map'))) {
      assert.ok(files.includes(map.replace(/\.map$/, '')), `${map} maps no shipped module`);
    }
  });

  test("every path custom-elements.json names is a file of the package", () => {
    const cem = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));
    const named = new Set();
    // A module's `path`, and the `module` of every reference (declarations, exports, superclasses).
    const collect = (value, key) => {
      if (typeof value === 'string') {
        if (key === 'path' || key === 'module') named.add(value);
      } else if (Array.isArray(value)) value.forEach((entry) => collect(entry, key));
      else if (value && typeof value === 'object') for (const [name, entry] of Object.entries(value)) collect(entry, name);
    };
    collect(cem);
    assert.ok(named.size > 20, `only ${named.size} paths found in the manifest`);
    assert.deepEqual([...named].filter((path) => !files.includes(path)).sort(), []);
    // Each element's own module is JavaScript, the class a tool would import.
    for (const module of cem.modules.filter((entry) => entry.declarations?.some((d) => d.customElement))) {
      assert.match(module.path, /^dist\/.+\.js$/);
    }
  });

  test("the JSX types (news-widgets/react) have every element's attributes and events that custom-elements.json lists", () => {
    assert.deepEqual(manifest.exports['./react'], { types: './dist/react.d.ts' });
    assert.deepEqual(manifest.typesVersions['*'].react, ['./dist/react.d.ts']);
    const jsx = readFileSync(join(ROOT, 'dist/jsx.d.ts'), 'utf8');
    const cem = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));
    const declarations = cem.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.customElement && d.tagName);
    for (const { tagName, attributes = [], events = [] } of declarations) {
      // The element's entry: from `'news-feed':` to the `>;` that ends its ElementProps<…>.
      const entry = new RegExp(`'${tagName}': ElementProps<([^;]*)>;`).exec(jsx)?.[1];
      assert.ok(entry, `dist/jsx.d.ts has no entry for ${tagName}`);
      const names = new Set([...entry.matchAll(/'([^']+)'/g)].map(([, name]) => name));
      const missing = attributes.map((attribute) => attribute.fieldName).filter((name) => !names.has(name));
      assert.deepEqual(missing, [], `${tagName}: properties missing from its JSX props`);
      for (const { name } of events) {
        assert.ok(name === 'change' ? /\bChange<\w+>/.test(entry) : names.has(name), `${tagName}: no JSX prop for its ${name} event`);
      }
    }
  });

  test('custom-elements.json describes every element with its tag', () => {
    const cem = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));
    const tags = cem.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => d.tagName);
    assert.deepEqual([...new Set(tags)].sort(), [...elementEntries].sort());
    assert.equal(manifest.customElements, 'custom-elements.json');
  });

  test('custom-elements.json names every part the templates write and every --news- property the styles read', () => {
    const cem = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));
    const declarations = cem.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.customElement && d.tagName);
    // The shared rules, each with its selector: a rule for buttons, fields or
    // focusable cells counts only for the elements that draw one.
    const sharedRules = [...readFileSync(join(ROOT, 'src/elements/shared.styles.ts'), 'utf8').matchAll(/([^{}]+)\{([^{}]*)\}/g)];
    const DRAWN = [[/^\.button\b/, /class="button\b/], [/^button\b/, /<button\b/], [/^input\b/, /<input\b/], [/^a\b/, /<a\b/], [/^\[tabindex\]/, /\btabindex=/]];
    const appliesTo = (selector, template) => selector.split(',').some((one) => {
      const drawn = DRAWN.find(([start]) => start.test(one.trim()));
      return !drawn || drawn[1].test(template);
    });
    for (const tag of elementEntries) {
      const declaration = declarations.find((d) => d.tagName === tag);
      const source = (name) => readFileSync(join(ROOT, 'src/elements', tag, name), 'utf8');
      const template = source(`${tag}.ts`);
      // The words of each part attribute; parts built in expressions (`${…}`) are left to the reader.
      const parts = [...template.matchAll(/\bpart="([^"]*)"/g)]
        .flatMap(([, value]) => value.replace(/\$\{[^}]*\}/g, ' ').split(/\s+/).filter((word) => /^[a-z-]+$/.test(word)));
      const shared = sharedRules
        .filter(([, selector]) => appliesTo(selector, template))
        .map(([, , body]) => body)
        .join('');
      const properties = [...`${source(`${tag}.styles.ts`)}${shared}`.matchAll(/var\((--news-[a-z-]+)/g)].map(([, name]) => name);
      const documented = (list) => new Set((list ?? []).map((entry) => entry.name));
      assert.deepEqual([...new Set(parts)].filter((part) => !documented(declaration.cssParts).has(part)), [], `${tag}: parts without @csspart`);
      assert.deepEqual([...new Set(properties)].filter((name) => !documented(declaration.cssProperties).has(name)), [], `${tag}: properties without @cssprop`);
    }
  });
});
