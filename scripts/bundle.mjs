#!/usr/bin/env node
// Part of `npm run build` (after tsc): the command line as a few ES modules in dist/bundle/,
// which bin/report.js runs. Node then reads a handful of files instead of some 300 modules
// from dist/ and node_modules/, which is most of a cold start. Code that only some commands
// need (a command, the worker pool, the docx package, OpenCC, chokidar…) stays in chunks of
// its own, loaded by the dynamic imports that ask for it.
//
// Also writes dist/bundle/docx-frame.json: the parts every Word file with the standard fonts
// shares (see src/writers/docx/frame.ts), so that a build does not load the `docx` package;
// and dist/bundle/builtin-templates.js, the built-in templates compiled, so that a build with
// one of them loads neither the Handlebars parser nor its compiler (src/template/precompiled.ts).
//
// dist/bundle/ sits two folders below the package root like dist/cli/, so paths the code finds
// from its own place (templates/, package.json) stay right; workers start dist/bundle/worker.js.
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// esbuild is a development dependency: an install without them (npm install --omit=dev) still
// works, from dist/ (bin/report.js falls back to it), only a little slower to start.
let build;
try {
  ({ build } = await import('esbuild'));
} catch {
  console.error('report: esbuild is not installed, so no bundle: the command line runs from dist/ (a slower start)');
  process.exit(0);
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist', 'bundle');
// Written next to it and swapped in whole: a `report` started meanwhile finds either the old
// bundle, or none and runs dist/ (bin/report.js), never half a bundle.
const NEXT = path.join(ROOT, 'dist', `.bundle-${process.pid}`);
const OLD = path.join(ROOT, 'dist', `.bundle-old-${process.pid}`);
rmSync(NEXT, { recursive: true, force: true });

await build({
  absWorkingDir: ROOT,
  entryPoints: { main: 'src/cli/main.ts', worker: 'src/build/worker.ts' },
  outdir: NEXT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Bundled CommonJS packages (handlebars, iconv-lite…) call require() for Node's own modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // Locales zod loads but never uses: English is its default and the only one asked for.
  plugins: [zodEnglishOnly(), handlebarsWithoutSourceMap()],
  legalComments: 'none',
  logLevel: 'warning',
});

// The frame of the standard fonts, from the modules tsc just compiled (the same sources).
const { standardFrameJson } = await import(pathToFileURL(path.join(ROOT, 'dist', 'writers', 'docx', 'frame.js')).href);
writeFileSync(path.join(NEXT, 'docx-frame.json'), await standardFrameJson());
// The built-in templates compiled (see src/template/precompiled.ts), likewise.
const { precompileBuiltinTemplates } = await import(pathToFileURL(path.join(ROOT, 'dist', 'template', 'render.js')).href);
writeFileSync(path.join(NEXT, 'builtin-templates.js'), await precompileBuiltinTemplates());

if (existsSync(OUT)) renameSync(OUT, OLD);
renameSync(NEXT, OUT);
rmSync(OLD, { recursive: true, force: true });

/**
 * Handlebars' code generator requires `source-map` only to build source maps, which report never
 * asks for; without it Handlebars uses its own small stand-in (compiler/code-gen.js), which gives
 * the same compiled template. Leaving it out spares every start compiling ~100 KB.
 */
function handlebarsWithoutSourceMap() {
  return {
    name: 'handlebars-without-source-map',
    setup(b) {
      b.onResolve({ filter: /^source-map$/ }, (args) => (/[\\/]handlebars[\\/]/.test(args.importer) ? { path: 'source-map', namespace: 'no-source-map' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'no-source-map' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
    },
  };
}

/** zod's `locales` namespace, every language of it, replaced by English alone. */
function zodEnglishOnly() {
  return {
    name: 'zod-english-only',
    setup(b) {
      b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
        /[\\/]zod[\\/]/.test(args.importer) ? { path: path.join(path.dirname(args.importer), 'zod-locales.js'), namespace: 'zod-locales' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
        contents: `export { default as en } from ${JSON.stringify(path.join(path.dirname(args.path), '..', 'locales', 'en.js'))};`,
        resolveDir: path.dirname(args.path),
      }));
    },
  };
}
