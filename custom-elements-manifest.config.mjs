// Read by `custom-elements-manifest analyze` (npm run build, npm run analyze).
//
// Elements register through defineElement('news-feed', NewsFeed) (src/define.ts),
// a wrapper the analyzer cannot see through: on its own it gives no element a
// tagName and records a meaningless definition inside define.ts. Tooling that
// reads the manifest (Storybook's controls, editors, docs/*.md) finds
// elements by tagName, so this plugin reads the defineElement calls and puts
// the tags and definitions where the analyzer would for customElements.define.

function defineElementCalls() {
  const calls = [];
  return {
    name: 'news-widgets-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
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
      for (const call of calls) {
        const owner = modules.find((module) =>
          module.declarations?.some((declaration) => declaration.kind === 'class' && declaration.name === call.className));
        const entry = modules.find((module) => module.path === call.module);
        if (!owner || !entry) continue;
        owner.declarations.find((declaration) => declaration.name === call.className).tagName = call.tag;
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
  plugins: [defineElementCalls()],
};
