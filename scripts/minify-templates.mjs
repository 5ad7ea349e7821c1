// Rollup plugin: folds white space inside Lit's css`` and html`` templates.
// Runs of white space become one space (or none beside CSS punctuation),
// which renders the same: no template here uses <pre> or white-space: pre.
// Works on the parsed program, so only the literal parts of tagged
// templates are touched, never the ${…} expressions between them.

function foldCss(text) {
  return text
    .replace(/\/\*[^]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    // After a property's colon (a selector's colon never has a space after it).
    .replace(/:\s+/g, ':')
    // 0.5rem is .5rem.
    .replace(/([\s:,(-])0\.(\d)/g, '$1.$2')
    .replace(/;}/g, '}');
}

function foldHtml(text) {
  return text.replace(/<!--[^]*?-->/g, '').replace(/\s+/g, ' ');
}

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach((child) => walk(child, visit));
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit);
  }
}

export default function minifyTemplates() {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (id.includes('node_modules') || !/\b(css|html)\s*`/.test(code)) return null;
      const edits = [];
      walk(this.parse(code), (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
        const fold = node.tag.name === 'css' ? foldCss : node.tag.name === 'html' ? foldHtml : null;
        if (!fold) return;
        for (const quasi of node.quasi.quasis) {
          edits.push({ start: quasi.start, end: quasi.end, text: fold(quasi.value.raw) });
        }
      });
      let result = code;
      for (const edit of edits.sort((a, b) => b.start - a.start)) {
        result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
      }
      return result === code ? null : { code: result, map: null };
    },
  };
}
