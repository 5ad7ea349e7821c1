// Finds the class members of src/ that TypeScript keeps private and that
// terser may therefore rename in the paste-in bundle (property mangling).
//
// A name is safe when every use of it in src/ as a property is a private,
// undecorated member of our own classes (TypeScript forbids other access),
// it is never written as a string (`'name' in x`, `x['name']`), never an
// object-literal key or a destructured key, and Lit never uses it as a
// property name. Decorated members are left alone: Lit's decorators take
// their names as strings. Terser itself leaves DOM and builtin names alone.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** Property names Lit's code (its production modules) reads or writes. */
function litPropertyNames() {
  const names = new Set();
  for (const folder of ['lit-html', 'lit-element', '@lit/reactive-element', '@lit/reactive-element/decorators']) {
    const base = join('node_modules', folder);
    for (const file of readdirSync(base).filter((name) => name.endsWith('.js'))) {
      const code = readFileSync(join(base, file), 'utf8');
      for (const [, name] of code.matchAll(/\.([A-Za-z_$][\w$]*)/g)) names.add(name);
      for (const [, name] of code.matchAll(/[{,]\s*([A-Za-z_$][\w$]*)\s*:/g)) names.add(name);
    }
  }
  return names;
}

const isPrivate = (node) => ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Private;
const isDecorated = (node) => (ts.canHaveDecorators(node) ? (ts.getDecorators(node)?.length ?? 0) > 0 : false);

/** The names terser may mangle, sorted; `project` is a tsconfig path. */
export function privateNames(project = 'tsconfig.build.json') {
  const config = ts.getParsedCommandLineOfConfigFile(project, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const program = ts.createProgram(config.fileNames, config.options);
  const checker = program.getTypeChecker();
  const sources = program.getSourceFiles().filter((file) => !file.isDeclarationFile && config.fileNames.includes(file.fileName));

  const candidates = new Set();
  const unsafe = new Set();
  const privateDeclarations = new Set();

  for (const source of sources) {
    ts.forEachChild(source, function visit(node) {
      if (ts.isClassLike(node)) {
        for (const member of node.members) {
          if (!member.name || !ts.isIdentifier(member.name)) continue;
          if (isPrivate(member) && !isDecorated(member)) {
            candidates.add(member.name.text);
            privateDeclarations.add(member);
          } else {
            unsafe.add(member.name.text);
          }
        }
        // Constructor parameter properties: `private readonly host: …`.
        for (const member of node.members) {
          if (!ts.isConstructorDeclaration(member)) continue;
          for (const parameter of member.parameters) {
            if (!ts.isIdentifier(parameter.name) || !ts.getCombinedModifierFlags(parameter)) continue;
            if (isPrivate(parameter)) {
              candidates.add(parameter.name.text);
              privateDeclarations.add(parameter);
            } else {
              unsafe.add(parameter.name.text);
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    });
  }

  for (const source of sources) {
    ts.forEachChild(source, function visit(node) {
      if (ts.isPropertyAccessExpression(node) && candidates.has(node.name.text)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        const declarations = symbol?.declarations ?? [];
        if (!declarations.length || !declarations.every((declaration) => privateDeclarations.has(declaration))) unsafe.add(node.name.text);
      } else if (ts.isStringLiteralLike(node) && candidates.has(node.text)) {
        unsafe.add(node.text);
      } else if (ts.isTemplateLiteralToken(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        // A Lit binding such as `.name=${…}` sets a property by its written name.
        for (const [word] of node.text.matchAll(/[A-Za-z_$][\w$]*/g)) if (candidates.has(word)) unsafe.add(word);
      } else if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node) || ts.isMethodDeclaration(node) || ts.isPropertySignature(node) || ts.isMethodSignature(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node)) && node.name && ts.isIdentifier(node.name) && !privateDeclarations.has(node)) {
        unsafe.add(node.name.text);
      } else if (ts.isBindingElement(node)) {
        const key = node.propertyName ?? node.name;
        if (ts.isIdentifier(key)) unsafe.add(key.text);
      }
      ts.forEachChild(node, visit);
    });
  }

  const lit = litPropertyNames();
  return [...candidates].filter((name) => !unsafe.has(name) && !lit.has(name)).sort();
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(privateNames().join('\n'));
