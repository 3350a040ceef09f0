/**
 * Runs a Handlebars template over the record's context and returns the Markdown it renders.
 * Built-in templates live in the package's templates/ folder; partials in templates/partials/.
 * HTML escaping is off — the output is Markdown, and record text is escaped for Markdown
 * before it reaches the template (context.ts). Prototype access stays off.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { ReportError } from '../diagnostics.js';
import type { Kind } from '../records/schema.js';
import { helpers } from './helpers.js';
import type { TemplateContext } from './context.js';

export const BUILTIN_TEMPLATE_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The built-in template of each genre. */
export const BUILTIN_TEMPLATES: Record<Kind, string> = {
  summary: 'summary.md.hbs',
  plan: 'plan.md.hbs',
  briefing: 'briefing.md.hbs',
};

type Compiled = (context: TemplateContext) => string;

const cache = new Map<string, Compiled>();

function createEnvironment(templateDir: string): typeof Handlebars {
  const env = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) env.registerHelper(name, fn);
  const partialsDir = path.join(templateDir, 'partials');
  for (const entry of safeReaddir(partialsDir)) {
    if (!entry.endsWith('.hbs')) continue;
    const name = entry.replace(/\.hbs$/, '');
    env.registerPartial(name, readFileSync(path.join(partialsDir, entry), 'utf8'));
  }
  return env;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

export function builtinTemplatePath(kind: Kind): string {
  return path.join(BUILTIN_TEMPLATE_DIR, BUILTIN_TEMPLATES[kind]);
}

/** Compiles (once per process) and runs a template file; template errors carry its position. */
export function renderTemplate(templateFile: string, context: TemplateContext): string {
  let compiled = cache.get(templateFile);
  if (!compiled) {
    const source = readFileSync(templateFile, 'utf8');
    const env = createEnvironment(path.dirname(templateFile));
    try {
      // Precompile now so syntax errors surface here, with their line.
      env.precompile(source);
    } catch (error) {
      throw templateError(templateFile, error);
    }
    const template = env.compile(source, { noEscape: true, strict: false });
    compiled = (ctx) =>
      template(ctx, {
        allowProtoPropertiesByDefault: false,
        allowProtoMethodsByDefault: false,
      });
    cache.set(templateFile, compiled);
  }
  try {
    return compiled(context);
  } catch (error) {
    throw templateError(templateFile, error);
  }
}

function templateError(file: string, error: unknown): ReportError {
  const e = error as Error & { lineNumber?: number; column?: number; hash?: { loc?: { first_line: number; first_column: number } } };
  const parseLine = /Parse error on line (\d+)/.exec(e.message);
  const line = e.lineNumber ?? e.hash?.loc?.first_line ?? (parseLine ? Number(parseLine[1]) : undefined);
  const column = e.column !== undefined ? e.column + 1 : e.hash?.loc ? e.hash.loc.first_column + 1 : 1;
  const message = e.message.split('\n')[0]!.replace(/^Parse error on line \d+:?\s*/, 'syntax error');
  return new ReportError({
    file,
    ...(line !== undefined ? { line, column } : {}),
    severity: 'error',
    code: 'template/error',
    message: `template error: ${message}`,
    hint: 'fix the template',
  });
}
