// Two builds from src/: ES modules for npm, one per source module (Lit left to the
// app's bundler), and one self-contained minified bundle to paste.
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { internalNames } from './scripts/internal-names.mjs';

// Every top-level src/news-*.ts is an entry: news-widgets/news-feed.js and so on;
// src/inspect.ts is news-widgets/inspect.js, the diagnosis without Lit.
const entries = Object.fromEntries(
  readdirSync('src')
    .filter((name) => /^(index|inspect|news-[a-z-]+)\.ts$/.test(name))
    .map((name) => [name.replace(/\.ts$/, ''), `src/${name}`]),
);

const ts = ({ sourceMap = false } = {}) =>
  typescript({ tsconfig: './tsconfig.build.json', declaration: false, declarationMap: false, sourceMap, inlineSources: sourceMap });

// TypeScript's `__decorate` as tslib has it for decorators of class members,
// the only ones src/ has: TypeScript passes them four arguments (a field's
// descriptor undefined, a method's or accessor's null). Less tslib's branches
// for class decorators (fewer arguments) and for Reflect.decorate
// (reflect-metadata), which Lit's decorators do not need: the same calls in
// the same order. A class decorator (`X = __decorate([…], X)`) fails the build.
// Kept over tslib's own helper (which @rollup/plugin-typescript's
// importHelpers would bring) because that measured 69 bytes gzipped more in
// dist/news-widgets.min.js: 30,152 against 30,083; the branches for class
// decorators, 24 more.
const DECORATE = `export function __decorate(decorators, target, key, desc) {
  let r = desc === null ? (desc = Object.getOwnPropertyDescriptor(target, key)) : desc;
  for (let i = decorators.length; i--; ) r = decorators[i](target, key, r) || r;
  return r && Object.defineProperty(target, key, r), r;
}`;
const decorateHelper = () => ({
  name: 'decorate-helper',
  resolveId: (id) => (id === 'tslib' ? '\0tslib' : null),
  load: (id) => (id === '\0tslib' ? DECORATE : null),
});
const memberDecoratorsOnly = () => ({
  name: 'member-decorators-only',
  transform(code) {
    if (/\b[\w$]+ = __decorate\(/.test(code)) this.error('a class decorator, which the __decorate of rollup.config.mjs does not take');
  },
});

// In the paste-in bundle, lit/decorators.js is src/elements/decorators.ts:
// the same @property() and @state() for the decorators TypeScript compiles
// here, without the code for standard decorators.
const legacyDecorators = () => ({
  name: 'legacy-decorators',
  resolveId: (id) => (id === 'lit/decorators.js' ? fileURLToPath(new URL('src/elements/decorators.ts', import.meta.url)) : null),
});

// Lit's html`` and css`` templates minified (html-minifier-next and
// lightningcss, by the Lit team's plugin); a template it cannot read fails the
// build. Lit's own modules come minified already. Attribute values that need
// no quotes lose them (class=list, aria-label=${…}: Lit reads unquoted
// bindings as it reads quoted ones), 48 bytes gzipped off the bundle.
const minifyTemplates = () =>
  minifyHTML({ failOnError: true, exclude: ['**/node_modules/**'], options: { minifyOptions: { removeAttributeQuotes: true } } });

// package.json's `sideEffects` names the dist/ entries for the app's bundler;
// applied to src/ it would let index.js re-export the classes without the
// entry modules that register the tags.
const resolve = () => nodeResolve({ ignoreSideEffectsForRoot: true });

// The bundle renames the members of src/ that no page can reach: private
// ones, and those of types the public API does not show (see
// scripts/internal-names.mjs for when that is safe). Their long names are a
// good share of the elements' code. `builtins: true` lets it rename those
// that some browser object also has (first, currentPage…): internal-names.mjs
// proves that none of their uses is the browser's, and keeps the names the
// web platform declares.
let mangled;
const minify = ({ module = true } = {}) =>
  terser({
    ecma: 2021,
    // A classic script's top level is the page's: its one name (NewsWidgets) must stay.
    module,
    compress: { passes: 2 },
    mangle: { properties: { regex: (mangled ??= new RegExp(`^(${internalNames().join('|')})$`)), builtins: true } },
    // ascii_only: the Vietnamese text as \u escapes. The same strings at run
    // time; gzip packs the escapes (\u1ea…, \u1ec…) better than their UTF-8
    // bytes (34,592 → 34,373 bytes gzipped). (Terser leaves a few html``
    // templates as they are, so the file is still UTF-8.)
    format: { comments: false, ascii_only: true },
  });

// V8's explicit compile hint (Chrome 136 and later): the functions of a file
// whose first line is this comment are compiled while it loads, not on their
// first call. On a news page that first call is when the feed answers, and
// lazy compiling then held up the first page by 2 to 4 ms. Added after
// minifying, which would drop it. The bundles to paste also say which release
// they are, on the line after (pasted copies outlive their package.json).
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
export const BANNER = `/*! news-widgets v${version} | MIT */\n`;
const compileHint = ({ banner = '' } = {}) => ({ name: 'compile-hint', renderChunk: (code) => COMPILE_HINT + banner + code });

export default [
  {
    input: entries,
    external: (id) => id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/'),
    // One module per source module, beside the declarations tsc writes for
    // it: custom-elements.json's paths (dist/elements/news-feed/news-feed.js…)
    // are files of the package, and each has a source map carrying its
    // TypeScript source, which the package does not ship otherwise.
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: '[name].js',
      sourcemap: true,
      // A banner, not a renderChunk plugin: Rollup moves the source map's lines down for it.
      banner: COMPILE_HINT.trimEnd(),
    },
    plugins: [decorateHelper(), ts({ sourceMap: true }), memberDecoratorsOnly(), minifyTemplates(), resolve()],
  },
  {
    input: 'src/bundle.ts',
    output: [
      { file: 'dist/news-widgets.min.js', format: 'es', inlineDynamicImports: true, plugins: [minify(), compileHint({ banner: BANNER })] },
      // The same elements for a CMS that strips type="module" (an ES module
      // there fails with "Unexpected token 'export'"): one classic script,
      // its classes under window.NewsWidgets.
      {
        file: 'dist/news-widgets.classic.js',
        format: 'iife',
        name: 'NewsWidgets',
        inlineDynamicImports: true,
        plugins: [minify({ module: false }), compileHint({ banner: BANNER })],
      },
    ],
    plugins: [decorateHelper(), legacyDecorators(), ts(), memberDecoratorsOnly(), minifyTemplates(), resolve()],
  },
];
