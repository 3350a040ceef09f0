/**
 * The built-in templates, compiled when the bundle is built (scripts/bundle.mjs writes
 * dist/bundle/builtin-templates.js with render.ts's `precompileBuiltinTemplates()`).
 *
 * Parsing and compiling a template with Handlebars costs ≈ 20 ms per process and per worker,
 * and the compiler itself is most of the Handlebars code a start has to load; a build with a
 * built-in template needs neither. The store is used only when it gives exactly what compiling
 * would:
 * - the template is a built-in one and no helpers.mjs takes part (a helper name changes which
 *   `{{name}}` are fields, and a user helper may replace a built-in one);
 * - every partial the template uses is the built-in file, not one of the project's own of the
 *   same name (a template whose partials are computed, or with a partial block a project's
 *   partial could fill, is not stored at all);
 * - the template and those partials read now exactly as they did when the store was written
 *   (an edited templates/*.hbs, before the next `npm run build`, is compiled as usual).
 * Otherwise, and when there is no store (dist/ run without the bundle, the library, the tests
 * from src/), render.ts compiles as before. test/precompiled.test.ts holds the two to the same
 * output.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_TEMPLATE_DIR, PARTIALS_FOLDER } from './resolve.js';

/** A compiled template as Handlebars' `precompile` writes it (the object, not its source). */
export type TemplateSpec = object;

export interface PrecompiledTemplate {
  source: string;
  spec: TemplateSpec;
  /** The partials it uses, directly and through other partials. */
  partials: string[];
}

export interface PrecompiledStore {
  templates: Record<string, PrecompiledTemplate>;
  partials: Record<string, { source: string; spec: TemplateSpec }>;
}

/** The file name of the store, next to the bundle's modules. */
export const STORE_FILE = 'builtin-templates.js';

/**
 * Written into the compiled code in place of a built-in template's path (the path of the machine
 * that built the bundle is not the one that runs it); `templateFileOf` turns it back.
 */
export const BUILTIN_MARK = '\u0000built-in/';

export const templateFileOf = (label: string): string => (label.startsWith(BUILTIN_MARK) ? path.join(BUILTIN_TEMPLATE_DIR, label.slice(BUILTIN_MARK.length)) : label);

let loaded: Promise<PrecompiledStore | undefined> | undefined;

function loadStore(): Promise<PrecompiledStore | undefined> {
  if (!loaded) {
    // No store next to these modules: not the bundle.
    const url = new URL(`./${STORE_FILE}`, import.meta.url);
    loaded = existsSync(fileURLToPath(url)) ? import(url.href).then((module: { default: PrecompiledStore }) => module.default) : Promise.resolve(undefined);
  }
  return loaded;
}

const readSource = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
};

/**
 * The stored template and partials for this rendering, or undefined when it must be compiled.
 * `partials` and `helperFiles` are what resolve.ts found for the template's layers.
 */
export async function precompiledFor(
  templateFile: string,
  partials: ReadonlyMap<string, string>,
  helperFiles: readonly string[],
): Promise<{ template: PrecompiledTemplate; partials: Map<string, TemplateSpec> } | undefined> {
  if (helperFiles.length > 0 || path.dirname(templateFile) !== BUILTIN_TEMPLATE_DIR) return undefined;
  const store = await loadStore();
  const template = store?.templates[path.basename(templateFile)];
  if (!store || !template || readSource(templateFile) !== template.source) return undefined;
  const specs = new Map<string, TemplateSpec>();
  for (const name of template.partials) {
    const stored = store.partials[name];
    const file = path.join(BUILTIN_TEMPLATE_DIR, PARTIALS_FOLDER, `${name}.hbs`);
    if (!stored || partials.get(name) !== file || readSource(file) !== stored.source) return undefined;
    specs.set(name, stored.spec);
  }
  return { template, partials: specs };
}
