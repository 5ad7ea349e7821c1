// npm run build: ES modules and the bundle (Rollup), type declarations (tsc),
// and custom-elements.json (the analyzer), then prints the bundle's size.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const run = (command, ...args) => execFileSync(command, args, { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
run('npx', 'rollup', '-c', '--silent');
run('npx', 'tsc', '-p', 'tsconfig.build.json', '--emitDeclarationOnly');
// What it reads: custom-elements-manifest.config.mjs.
run('npx', 'custom-elements-manifest', 'analyze', '--quiet');

const bundle = readFileSync('dist/news-widgets.min.js');
console.log(`dist/news-widgets.min.js: ${bundle.length} bytes, ${gzipSync(bundle, { level: 9 }).length} bytes gzipped`);
