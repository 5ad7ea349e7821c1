import { posix } from 'node:path';

// Read by `custom-elements-manifest analyze` (npm run build, npm run analyze,
// npm run storybook): what is analyzed is said here only, so every caller runs
// the command bare (`--quiet` at most).
//
// Elements register through defineElement('news-feed', NewsFeed) (src/define.ts),
// a wrapper the analyzer cannot see through: on its own it gives no element a
// tagName and records a meaningless definition inside define.ts. Tooling that
// reads the manifest (Storybook's controls, editors, docs/*.md) finds
// elements by tagName, so this plugin reads the defineElement calls and puts
// the tags and definitions where the analyzer would for customElements.define.
//
// It also spells out string-literal type aliases (`layout: FeedLayout` becomes
// `'list' | 'cards' | 'compact'`), so editors and Storybook can offer the
// values, and defaults that name a string constant (`timezone =
// DEFAULT_TIMEZONE` becomes `'Asia/Ho_Chi_Minh'`, of type `string`).
//
// Last, every path names the module the package ships (src/elements/news-feed/
// news-feed.ts becomes dist/elements/news-feed/news-feed.js, which the build
// writes per source module): tools that follow the manifest land on a file
// that exists once installed; its source map leads on to the TypeScript.

/**
 * Where a module of src/ is in the package: dist/x.js, or dist/x.d.ts for a
 * module of types only, which leaves no JavaScript. `from` is the module a
 * relative reference (`./feed/types.js`, as the analyzer writes exports) is in.
 */
function shippedPath(path, typeOnly, from = '') {
  const resolved = path.startsWith('.') ? posix.join(posix.dirname(from), path) : path.replace(/^\//, '');
  const match = /^src\/(.+)\.[jt]s$/.exec(resolved);
  if (!match) return path;
  return typeOnly.has(`src/${match[1]}.ts`) ? `dist/${match[1]}.d.ts` : `dist/${match[1]}.js`;
}

/** Rewrites every `path` (a module's) and `module` (a reference's) under `value`, found in the module at `from`. */
function shipPaths(value, typeOnly, from) {
  if (Array.isArray(value)) return value.forEach((entry) => shipPaths(entry, typeOnly, from));
  if (!value || typeof value !== 'object') return;
  const here = typeof value.path === 'string' && value.kind === 'javascript-module' ? value.path : from;
  for (const [name, entry] of Object.entries(value)) {
    if ((name === 'path' || name === 'module') && typeof entry === 'string') value[name] = shippedPath(entry, typeOnly, here);
    else shipPaths(entry, typeOnly, here);
  }
}

/** A source file with no statement that survives compiling: interfaces, type aliases, module augmentations, type-only imports and exports. */
function isTypeOnly(ts, sourceFile) {
  return sourceFile.statements.every((statement) =>
    ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isModuleDeclaration(statement)
    || (ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly)
    || (ts.isExportDeclaration(statement) && statement.isTypeOnly));
}

function newsWidgetsPlugin() {
  const calls = [];
  const aliases = new Map();
  const constants = new Map();
  const typeOnly = new Set();
  return {
    name: 'news-widgets',
    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isSourceFile(node) && isTypeOnly(ts, node)) typeOnly.add(moduleDoc.path);
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer
        && ts.isStringLiteral(node.initializer) && node.parent.flags & ts.NodeFlags.Const) {
        constants.set(node.name.text, `'${node.initializer.text}'`);
        return;
      }
      if (ts.isTypeAliasDeclaration(node) && ts.isUnionTypeNode(node.type)) {
        const literals = node.type.types.map((member) =>
          ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal) ? `'${member.literal.text}'` : undefined);
        if (literals.every(Boolean)) aliases.set(node.name.text, literals.join(' | '));
        return;
      }
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
      if (node.expression.text !== 'defineElement') return;
      const [tag, element] = node.arguments;
      if (!tag || !element || !ts.isStringLiteral(tag) || !ts.isIdentifier(element)) return;
      calls.push({ tag: tag.text, className: element.text, module: moduleDoc.path });
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules;
      for (const module of modules) {
        if (module.path !== 'src/define.ts') continue;
        module.exports = (module.exports ?? []).filter((entry) => entry.kind !== 'custom-element-definition');
      }
      for (const module of modules) {
        for (const declaration of module.declarations ?? []) {
          for (const entry of [...(declaration.attributes ?? []), ...(declaration.members ?? [])]) {
            if (entry.type && aliases.has(entry.type.text)) entry.type.text = aliases.get(entry.type.text);
            if (constants.has(entry.default)) {
              entry.default = constants.get(entry.default);
              entry.type ??= { text: 'string' };
            }
          }
        }
      }
      for (const call of calls) {
        const owner = modules.find((module) =>
          module.declarations?.some((declaration) => declaration.kind === 'class' && declaration.name === call.className));
        const entry = modules.find((module) => module.path === call.module);
        if (!owner || !entry) continue;
        // customElement too: the analyzer only sets it on classes that extend LitElement itself, not NewsElement.
        Object.assign(owner.declarations.find((declaration) => declaration.name === call.className), { tagName: call.tag, customElement: true });
        entry.exports = entry.exports ?? [];
        if (!entry.exports.some((item) => item.kind === 'custom-element-definition' && item.name === call.tag)) {
          entry.exports.push({
            kind: 'custom-element-definition',
            name: call.tag,
            declaration: { name: call.className, module: owner.path },
          });
        }
      }
      shipPaths(customElementsManifest, typeOnly);
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  // The styles modules hold only css`` templates: nothing for the manifest.
  // bundle.ts is the paste-in bundle's entry, and elements/decorators.ts what
  // the bundle takes for lit/decorators.js: neither is a module of the package.
  exclude: ['src/**/*.styles.ts', 'src/bundle.ts', 'src/elements/decorators.ts'],
  litelement: true,
  // package.json's "customElements" is kept by hand: an analyzer run with
  // --outdir must not rewrite it.
  packagejson: false,
  plugins: [newsWidgetsPlugin()],
};
