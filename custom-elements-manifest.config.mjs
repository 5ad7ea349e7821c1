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

function newsWidgetsPlugin() {
  const calls = [];
  const aliases = new Map();
  const constants = new Map();
  return {
    name: 'news-widgets',
    analyzePhase({ ts, node, moduleDoc }) {
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
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  // The styles modules hold only css`` templates: nothing for the manifest.
  exclude: ['src/**/*.styles.ts'],
  litelement: true,
  // package.json's "customElements" is kept by hand: an analyzer run with
  // --outdir must not rewrite it.
  packagejson: false,
  plugins: [newsWidgetsPlugin()],
};
