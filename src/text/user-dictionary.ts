/**
 * User dictionaries for script conversion: names and terms that must convert a fixed way.
 * Either YAML (a mapping `source: target`, or a list of `[source, target]`) or OpenCC's text
 * format (`source<TAB>target`, several targets separated by spaces: the first is taken;
 * `#` starts a comment).
 */
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { Diagnostic, Result } from '../diagnostics.js';
import { readText } from '../input/read-text.js';
import type { UserDictionary } from './script.js';
import { say, type Phrase } from '../messages/index.js';
import { yamlProblem } from '../messages/yaml-errors.js';

export async function loadUserDictionary(file: string, env?: NodeJS.ProcessEnv): Promise<Result<UserDictionary>> {
  const text = await readText(file, env);
  if (!text.ok) return text;
  const fail = (line: number, detail: Phrase): Result<UserDictionary> => ({
    ok: false,
    diagnostics: [{ file, line, column: 1, severity: 'error', ...say('dictionary/invalid', { detail }) } satisfies Diagnostic],
  });
  if (/\.ya?ml$/i.test(path.basename(file))) {
    const doc = parseDocument(text.value, { uniqueKeys: true });
    if (doc.errors.length > 0) return fail(1, { en: `not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`, zh: `YAML 格式错误：${yamlProblem(doc.errors[0]!.code, doc.errors[0]!.message.split('\n')[0]!).zh}` });
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.some(([, v]) => typeof v !== 'string')) return fail(1, { en: 'every target must be text', zh: '每个目标词都必须是文字' });
      return { ok: true, value: entries as Array<[string, string]>, diagnostics: text.diagnostics };
    }
    if (Array.isArray(value) && value.every((e) => Array.isArray(e) && e.length === 2 && e.every((x) => typeof x === 'string'))) {
      return { ok: true, value: value as Array<[string, string]>, diagnostics: text.diagnostics };
    }
    return fail(1, { en: 'expected a mapping of source: target', zh: '应为“原词: 目标词”的键值对' });
  }
  const entries: Array<[string, string]> = [];
  const lines = text.value.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [source, targets] = line.split('\t');
    const target = targets?.trim().split(/\s+/)[0];
    if (!source || !target) return fail(i + 1, { en: 'expected source<TAB>target', zh: '应为“原词<Tab>目标词”' });
    entries.push([source.trim(), target]);
  }
  return { ok: true, value: entries, diagnostics: text.diagnostics };
}
