// Finds the property names of src/ that no code outside the bundle can see,
// which terser may therefore rename in the paste-in bundle (property
// mangling). Terser renames by name, everywhere in the bundle (Lit's code
// too), so a name is renamed only when every one of its uses is ours:
//
// - declared in src/ only as a member of a class, interface or object type
//   (TypeScript's private members, and the members of types no user can
//   reach), never decorated (Lit's decorators take their names as strings);
// - not a name of the public API: anything reachable from the types that
//   src/index.ts, inspect.ts, jsx.ts and react.ts export (members of the
//   exported classes, protected ones too, event details, options…);
// - every `x.name` resolves to those declarations (never to a DOM, library or
//   `any` property), and every object-literal key or destructured key to the
//   same through the type the literal or pattern has;
// - never written as a string or in a template (`'name' in x`, `x['name']`,
//   Lit's `.name=${…}` bindings), and no `keyof`, `for…in`, computed `x[key]`,
//   JSON.stringify, Object.keys/values/entries/assign, structuredClone,
//   CustomEvent detail or library parameter typed any/unknown/object/record
//   sees the type that holds it, nor is the type given to data of no known
//   shape (`x as T` or `x is T` of an unknown, JSON.parse's any where a T is
//   expected): there its keys are data (stored copies in localStorage, event
//   details, URL parameters, answers) and must keep their names;
// - Lit's code never uses it as a property name, and the browser cannot
//   read it: it is no member of a library type that our objects are handed
//   to, set into, or extend or implement, nor a name of the language's
//   protocols (then, next, toJSON…).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

/** Property names Lit's code (its production modules) reads or writes. */
function litPropertyNames() {
  const names = new Set();
  for (const folder of ['lit-html', 'lit-html/directives', 'lit-element', '@lit/reactive-element', '@lit/reactive-element/decorators']) {
    const base = join('node_modules', folder);
    for (const file of readdirSync(base).filter((name) => name.endsWith('.js'))) {
      const code = readFileSync(join(base, file), 'utf8');
      for (const [, name] of code.matchAll(/\.([A-Za-z_$][\w$]*)/g)) names.add(name);
      for (const [, name] of code.matchAll(/[{,]\s*([A-Za-z_$][\w$]*)\s*:/g)) names.add(name);
    }
  }
  return names;
}

const PUBLIC_ENTRIES = ['index.ts', 'inspect.ts', 'jsx.ts', 'react.ts'];
/** Library functions that read an argument's keys as data. */
const KEY_READERS = new Set(['keys', 'values', 'entries', 'assign', 'getOwnPropertyNames', 'getOwnPropertyDescriptors', 'ownKeys']);
/** …and those that pass the keys of everything it holds on, as data. */
const DEEP_KEY_READERS = new Set(['stringify', 'structuredClone', 'postMessage', 'CustomEvent']);

/** Names the language reads from any object (promises, iterators, JSON, conversions, errors) or the DOM from an element class. */
const PROTOCOL = [
  'then', 'next', 'done', 'value', 'return', 'throw', 'toJSON', 'toString', 'valueOf', 'toLocaleString', 'constructor', 'prototype', 'length',
  'name', 'message', 'stack', 'cause', 'handleEvent', 'connectedCallback', 'disconnectedCallback', 'adoptedCallback', 'attributeChangedCallback',
  'connectedMoveCallback', 'observedAttributes', 'formAssociated',
];

const isPrivate = (node) => ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Private;
const isDecorated = (node) => (ts.canHaveDecorators(node) ? (ts.getDecorators(node)?.length ?? 0) > 0 : false);
const isMemberDeclaration = (node) =>
  ts.isPropertyDeclaration(node) || ts.isMethodDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node) ||
  ts.isPropertySignature(node) || ts.isMethodSignature(node) || (ts.isParameter(node) && ts.isParameterPropertyDeclaration(node, node.parent));

/** The names terser may mangle, sorted; `project` is a tsconfig path. */
export function internalNames(project = 'tsconfig.build.json') {
  const config = ts.getParsedCommandLineOfConfigFile(project, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const program = ts.createProgram(config.fileNames, config.options);
  const checker = program.getTypeChecker();
  const ours = new Set(config.fileNames.map((name) => resolve(name)));
  const isOurs = (node) => ours.has(resolve(node.getSourceFile().fileName));
  const sources = program.getSourceFiles().filter((file) => ours.has(resolve(file.fileName)));

  const unsafe = new Set();
  const declared = new Set();

  // Every property name of a type and of the types it holds, as far as they are ours.
  const isPrivateSymbol = (property) => (property.declarations ?? []).length > 0 && property.declarations.every((declaration) => isMemberDeclaration(declaration) && isPrivate(declaration));
  const namesOf = (root, into, { privateToo = true } = {}) => {
    const seen = new Set();
    const walk = (type) => {
      if (!type || seen.has(type)) return;
      seen.add(type);
      if (type.isUnionOrIntersection()) return type.types.forEach(walk);
      if (!(type.flags & ts.TypeFlags.Object)) return;
      const declarations = type.getSymbol()?.declarations ?? [];
      if (declarations.length && !declarations.some(isOurs)) {
        // A library type (Array, Map, Promise…): only what it holds.
        for (const argument of checker.getTypeArguments(type) ?? []) walk(argument);
        return;
      }
      for (const property of checker.getPropertiesOfType(type)) {
        if (!privateToo && isPrivateSymbol(property)) continue;
        into(property);
        const declaration = property.valueDeclaration ?? property.declarations?.[0];
        if (declaration) walk(checker.getTypeOfSymbolAtLocation(property, declaration));
      }
      for (const signature of [...type.getCallSignatures(), ...type.getConstructSignatures()]) {
        for (const parameter of signature.getParameters()) walk(checker.getTypeOfSymbol(parameter));
        walk(signature.getReturnType());
      }
      for (const info of checker.getIndexInfosOfType(type)) walk(info.type);
    };
    walk(root);
  };
  // What code sees of a type's keys: its own public and protected ones
  // (keyof, x[key], 'key' in x), every own one (for…in, Object.keys), or all
  // its members' too (JSON.stringify, event details, a library's any).
  const markType = (type, { deep = false, privateToo = false } = {}) => {
    if (deep) return namesOf(type, (property) => unsafe.add(property.name));
    for (const member of type.isUnionOrIntersection() ? type.types : [type]) {
      for (const property of checker.getPropertiesOfType(member)) if (privateToo || !isPrivateSymbol(property)) unsafe.add(property.name);
    }
  };

  // The public API: every name reachable from the public entries. Private
  // members are not reachable; protected ones are (a page may subclass).
  for (const entry of PUBLIC_ENTRIES) {
    const file = program.getSourceFile(join('src', entry)) ?? sources.find((source) => source.fileName.endsWith(`/src/${entry}`));
    const module = file && checker.getSymbolAtLocation(file);
    if (!module) throw new Error(`internal-names: no module src/${entry}`);
    for (let symbol of checker.getExportsOfModule(module)) {
      if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      unsafe.add(symbol.name);
      const into = (property) => unsafe.add(property.name);
      namesOf(checker.getDeclaredTypeOfSymbol(symbol), into, { privateToo: false });
      const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
      if (declaration) namesOf(checker.getTypeOfSymbolAtLocation(symbol, declaration), into, { privateToo: false });
    }
  }

  // The declarations: members of our classes and object types.
  const internal = new Set();
  for (const source of sources) {
    ts.forEachChild(source, function visit(node) {
      if (isMemberDeclaration(node) && node.name && ts.isIdentifier(node.name)) {
        if (ts.isParameter(node) && !ts.getCombinedModifierFlags(node)) return;
        declared.add(node.name.text);
        if (isDecorated(node)) unsafe.add(node.name.text);
        else internal.add(node);
      }
      ts.forEachChild(node, visit);
    });
  }

  // The parameter types of the library calls, for the proof of what the browser reads (below).
  const libraryParameters = [];
  const isLoose = (type) => !!(type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown));
  const resolvesInternally = (symbol) => {
    const declarations = symbol?.declarations ?? [];
    return declarations.length > 0 && declarations.every((declaration) => internal.has(declaration));
  };
  // The property `name` of `type` (each member of a union that has it).
  const propertyIsInternal = (type, name) => {
    if (!type) return false;
    const types = type.isUnion() ? type.types : [type];
    const found = types.map((member) => checker.getPropertyOfType(member, name)).filter(Boolean);
    return found.length > 0 && found.every(resolvesInternally);
  };

  for (const source of sources) {
    ts.forEachChild(source, function visit(node) {
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) {
        if (!resolvesInternally(checker.getSymbolAtLocation(node.name))) unsafe.add(node.name.text);
      } else if (ts.isStringLiteralLike(node) && !ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)) {
        // A name, or a list of names ('date month'); prose is only prose.
        if (/^[\w$\s,|-]*$/.test(node.text)) for (const [word] of node.text.matchAll(/[A-Za-z_$][\w$]*/g)) unsafe.add(word);
        else unsafe.add(node.text);
      } else if (ts.isTemplateLiteralToken(node)) {
        for (const [word] of node.text.matchAll(/[A-Za-z_$][\w$]*/g)) unsafe.add(word);
      } else if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node) || ts.isMethodDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node)) && ts.isObjectLiteralExpression(node.parent)) {
        if (node.name && ts.isIdentifier(node.name) && !propertyIsInternal(checker.getContextualType(node.parent), node.name.text)) unsafe.add(node.name.text);
      } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
        const key = node.propertyName ?? node.name;
        if (ts.isIdentifier(key) && !propertyIsInternal(checker.getTypeAtLocation(node.parent), key.text)) unsafe.add(key.text);
      } else if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.KeyOfKeyword) {
        markType(checker.getTypeFromTypeNode(node.type));
      } else if (ts.isForInStatement(node)) {
        markType(checker.getTypeAtLocation(node.expression), { privateToo: true });
      } else if (ts.isElementAccessExpression(node) && !ts.isNumericLiteral(node.argumentExpression)) {
        markType(checker.getTypeAtLocation(node.expression));
      } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InKeyword) {
        markType(checker.getTypeAtLocation(node.right));
      } else if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && isLoose(checker.getTypeAtLocation(node.expression))) {
        // Data of no known shape (JSON, storage) taken as one of ours: its keys are the data's.
        markType(checker.getTypeFromTypeNode(node.type), { deep: true, privateToo: true });
      } else if (ts.isTypePredicateNode(node) && node.type) {
        markType(checker.getTypeFromTypeNode(node.type), { deep: true, privateToo: true });
      }
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        markLibraryArguments(node);
        // An `any` (JSON.parse) put where one of our types is expected, without a cast.
        const contextual = checker.getTypeAtLocation(node).flags & ts.TypeFlags.Any && checker.getContextualType(node);
        if (contextual) markType(contextual, { deep: true, privateToo: true });
      }
      ts.forEachChild(node, visit);
    });
  }

  // A library function or constructor that reads its arguments' keys.
  function markLibraryArguments(call) {
    const signature = checker.getResolvedSignature(call);
    const declaration = signature?.declaration;
    if (declaration && isOurs(declaration)) return;
    const callee = ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : call.expression.getText();
    const readsKeys = KEY_READERS.has(callee);
    const deep = DEEP_KEY_READERS.has(callee);
    (call.arguments ?? []).forEach((argument, index) => {
      const parameter = declaration?.parameters?.[Math.min(index, declaration.parameters.length - 1)];
      const type = parameter ? checker.getTypeAtLocation(parameter) : undefined;
      const loose = !type || type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.NonPrimitive) ||
        checker.getIndexInfosOfType(type).length > 0 || (type.flags & ts.TypeFlags.Object && checker.getPropertiesOfType(type).length === 0 && !type.getCallSignatures().length);
      if (readsKeys || deep || loose) markType(checker.getTypeAtLocation(argument), { deep: deep || !!loose, privateToo: true });
      if (type) libraryParameters.push(type);
    });
  }

  // What the browser reads of an object it is handed: the members its own
  // types declare, in TypeScript's lib files as in the web platform's IDL.
  // So the members of a library parameter's type (a dictionary's, a callback
  // object's handleEvent), of a library property our code sets, and of the
  // library classes and interfaces ours extend or implement, and the
  // language's own protocols, keep their names; rollup.config.mjs lets terser
  // rename DOM names (builtins: true) only on this proof.
  for (const name of PROTOCOL) unsafe.add(name);
  const libraryShapes = new Set();
  // A type's members, and those of the dictionaries it holds (RequestInit's
  // headers): types with no value of the same name (HTMLElement has one, a
  // dictionary or a callback interface has none), which the browser reads
  // member by member. Not the members of an element it is handed.
  const isDictionary = (type) => !((type.aliasSymbol ?? type.getSymbol())?.flags & ts.SymbolFlags.Value);
  const markLibraryShape = (type) => {
    if (!type || libraryShapes.has(type)) return;
    libraryShapes.add(type);
    if (type.isUnionOrIntersection()) return type.types.forEach(markLibraryShape);
    if (!(type.flags & ts.TypeFlags.Object)) return;
    if ((type.getSymbol()?.declarations ?? []).some(isOurs)) return;
    for (const property of checker.getPropertiesOfType(type)) {
      // A member of ours in a library-made type (Omit<LoadOptions, 'signal'>) is no name of the library's.
      if ((property.declarations ?? []).length && property.declarations.every(isOurs)) continue;
      unsafe.add(property.name);
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      const held = declaration && checker.getTypeOfSymbolAtLocation(property, declaration);
      for (const member of held?.isUnion() ? held.types : held ? [held] : []) if (isDictionary(member)) markLibraryShape(member);
    }
    for (const argument of checker.getTypeArguments(type) ?? []) if (isDictionary(argument)) markLibraryShape(argument);
  };
  for (const parameterType of libraryParameters) markLibraryShape(parameterType);
  for (const source of sources) {
    ts.forEachChild(source, function visit(node) {
      if (ts.isHeritageClause(node)) for (const base of node.types) markLibraryShape(checker.getTypeAtLocation(base));
      if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment &&
        ts.isPropertyAccessExpression(node.left) && !resolvesInternally(checker.getSymbolAtLocation(node.left.name))) {
        markLibraryShape(checker.getTypeAtLocation(node.left));
      }
      ts.forEachChild(node, visit);
    });
  }

  const lit = litPropertyNames();
  return [...declared].filter((name) => !unsafe.has(name) && !lit.has(name)).sort();
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(internalNames().join('\n'));
