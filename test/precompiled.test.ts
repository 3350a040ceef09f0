/**
 * The built-in templates the bundle carries compiled (src/template/precompiled.ts): used when
 * they are what compiling would give, and then the same output; never when a source changed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_MARK, templateFileOf } from '../src/template/precompiled.js';
import { BUILTIN_TEMPLATE_DIR, BUILTIN_TEMPLATES } from '../src/template/resolve.js';
import { EXAMPLES, ROOT, report, scratch } from './support.js';
import { generateRecord } from './generate.js';

const STORE = path.join(ROOT, 'dist', 'bundle', 'builtin-templates.js');
const TRACE = path.join(ROOT, 'test', 'fixtures', 'trace', 'register.mjs');

interface Store {
  templates: Record<string, { source: string; partials: string[] }>;
  partials: Record<string, { source: string }>;
}

/** `report …` from dist/cli/ (compiled modules, no store next to them: every template is compiled). */
function reportCompiling(args: string[], cwd: string) {
  const code = `const { run } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', 'cli', 'main.js')).href)}); process.exitCode = await run(process.argv.slice(1));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The bundle files a command loads, and whether one of them is Handlebars' compiler. */
function loadsTemplateCompiler(args: string[], bin: string, cwd: string): { status: number | null; bundle: boolean; compiler: boolean; stdout: string } {
  const result = spawnSync(process.execPath, ['--import', TRACE, bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  const loaded = [...result.stderr.matchAll(/^\[loaded\] (file:\S+)$/gm)].map((m) => new URL(m[1]!).pathname);
  const bundle = loaded.includes(path.join(path.dirname(bin), '..', 'dist', 'bundle', 'main.js'));
  return { status: result.status, stdout: result.stdout, bundle, compiler: loaded.some((file) => readFileSync(file, 'utf8').includes('function JavaScriptCompiler()')) };
}

describe('precompiled built-in templates', () => {
  it('are in the bundle, from the templates as they are now, with no path of the machine that built them', async () => {
    const store = ((await import(pathToFileURL(STORE).href)) as { default: Store }).default;
    expect(Object.keys(store.templates).sort()).toEqual(Object.values(BUILTIN_TEMPLATES).sort());
    for (const [name, entry] of Object.entries(store.templates)) {
      expect(entry.source).toBe(readFileSync(path.join(BUILTIN_TEMPLATE_DIR, name), 'utf8'));
      expect(entry.partials.length).toBeGreaterThan(0);
      for (const partial of entry.partials) expect(store.partials[partial]?.source).toBe(readFileSync(path.join(BUILTIN_TEMPLATE_DIR, 'partials', `${partial}.hbs`), 'utf8'));
    }
    expect(readFileSync(STORE, 'utf8')).not.toContain(ROOT);
    expect(templateFileOf(`${BUILTIN_MARK}partials/point.hbs`)).toBe(path.join(BUILTIN_TEMPLATE_DIR, 'partials', 'point.hbs'));
    expect(templateFileOf('/a/b.hbs')).toBe('/a/b.hbs');
  });

  it('give the previews and warnings compiling gives, for the examples and generated records', () => {
    const dir = scratch();
    const kinds = ['工作总结', '实施意见', '情况汇报'] as const;
    const records = kinds.flatMap((kind, k) =>
      [1, 2, 3].map((i) => {
        const file = path.join(dir, `${k}-${i}.yaml`);
        writeFileSync(file, generateRecord({ kind, sections: 1 + i, pointsPerSection: i, length: i, seed: 10 * k + i }));
        return file;
      }),
    );
    for (const file of [...EXAMPLES, ...records]) {
      const bundled = report(['preview', file], { cwd: dir, env: { LANG: 'C' } });
      const compiled = reportCompiling(['preview', file], dir);
      expect(bundled.status).toBe(0);
      expect({ status: compiled.status, stdout: compiled.stdout, stderr: compiled.stderr }).toEqual(bundled);
    }
  });

  it('spare a build the Handlebars compiler, which a template of the project still gets', () => {
    const dir = scratch();
    const plain = loadsTemplateCompiler(['build', EXAMPLES[0]!, '-o', dir], path.join(ROOT, 'bin', 'report.js'), dir);
    expect(plain.status).toBe(0);
    expect(plain.bundle).toBe(true);
    expect(plain.compiler).toBe(false);
    // The same record with a copy of the built-in template as the project's own.
    const project = path.join(dir, 'project');
    mkdirSync(path.join(project, 'templates'), { recursive: true });
    cpSync(path.join(BUILTIN_TEMPLATE_DIR, 'summary.md.hbs'), path.join(project, 'templates', 'summary.md.hbs'));
    cpSync(EXAMPLES[0]!, path.join(project, 'summary.yaml'));
    const own = loadsTemplateCompiler(['build', 'summary.yaml', '-o', 'out'], path.join(ROOT, 'bin', 'report.js'), project);
    expect(own.status).toBe(0);
    expect(own.compiler).toBe(true);
  });

  it('are not used once a built-in template or partial is edited (before the next build)', () => {
    // A copy of the installed package whose templates can be edited.
    const copy = scratch();
    for (const part of ['bin', 'dist', 'templates', 'package.json']) cpSync(path.join(ROOT, part), path.join(copy, part), { recursive: true, preserveTimestamps: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    const bin = path.join(copy, 'bin', 'report.js');
    const before = loadsTemplateCompiler(['preview', EXAMPLES[0]!], bin, copy);
    expect(before.bundle).toBe(true);
    expect(before.compiler).toBe(false);

    const partial = path.join(copy, 'templates', 'partials', 'signature.hbs');
    writeFileSync(partial, readFileSync(partial, 'utf8').replace('{{unit}}', '{{unit}}（已改）'));
    const after = loadsTemplateCompiler(['preview', EXAMPLES[0]!], bin, copy);
    expect(after.status).toBe(0);
    expect(after.compiler).toBe(true);
    expect(after.stdout).toBe(before.stdout.replace('滨河区政务服务中心\n', '滨河区政务服务中心（已改）\n'));
  });
});
