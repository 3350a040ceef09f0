/**
 * Schema issues → one-line messages a clerk can act on: the field path as the README documents
 * it (`metrics[2].value`), what was expected, what was found, and a close match for typos; the
 * words are in the message catalogue (src/messages), these are their arguments.
 */
import type * as z from 'zod/mini';
import type { PathSegment } from './parse-yaml.js';
import { didYouMean, fieldName, found, listOf, writtenPath, type Args, type DiagnosticCode, type Phrase } from '../messages/index.js';

type Issue = z.core.$ZodIssue;

export interface FieldProblem {
  path: PathSegment[];
  /** Point at the key (unknown field) rather than the value. */
  at: 'key' | 'value';
  code: DiagnosticCode;
  args: Args;
  /** An unknown key's close match among the allowed ones. */
  closest?: string;
}

const TYPE_NAMES: Record<string, Phrase> = {
  string: { en: 'text', zh: '文字' },
  number: { en: 'a number', zh: '数字' },
  int: { en: 'a whole number', zh: '整数' },
  object: { en: 'a mapping of fields', zh: '一组字段（键值对）' },
  array: { en: 'a list', zh: '列表' },
  boolean: { en: 'true or false', zh: 'true 或 false' },
  record: { en: 'a mapping of fields', zh: '一组字段（键值对）' },
};

/** The genres by their Chinese names first; the English aliases are accepted too. */
function kindChoices(options: readonly string[]): Phrase {
  const chinese = options.filter((o) => /\p{Script=Han}/u.test(o));
  const latin = options.filter((o) => !/\p{Script=Han}/u.test(o));
  return { en: options.join(', '), zh: `${chinese.join('、')}${latin.length > 0 ? `（也可写 ${latin.join('、')}）` : ''}` };
}

/**
 * Flattens zod issues (choosing the union branch that fits the input) into field problems.
 * `freeForm`: whether the file has an `extra:` mapping for fields of the user's own.
 */
export function toFieldProblems(issues: readonly Issue[], allowedKeys: (path: PathSegment[]) => string[], freeForm = true): FieldProblem[] {
  const out: FieldProblem[] = [];
  const visit = (issue: Issue, prefix: PathSegment[]) => {
    const path = [...prefix, ...(issue.path as PathSegment[])];
    const field = fieldName(path);
    const input = (issue as { input?: unknown }).input;
    switch (issue.code) {
      case 'invalid_union': {
        const branch = pickBranch(issue.errors, input);
        if (branch) for (const inner of branch) visit(inner, path);
        else out.push({ path, at: 'value', code: 'schema/form', args: { field, found: found(input) } });
        return;
      }
      case 'invalid_type': {
        const expected = TYPE_NAMES[issue.expected] ?? { en: issue.expected, zh: issue.expected };
        if (!('input' in issue) || input === undefined) {
          out.push({ path: path.slice(0, -1), at: 'value', code: 'schema/missing', args: { field, key: String(path[path.length - 1]) } });
        } else {
          out.push({ path, at: 'value', code: 'schema/type', args: { field, expected, found: found(input) } });
        }
        return;
      }
      case 'invalid_value': {
        const options = issue.values.map(String);
        // found(): records are null-prototype objects, which String() cannot convert.
        const suggestion = closest(typeof input === 'string' ? input : found(input).en, options);
        const isKind = path.length === 1 && path[0] === 'kind';
        const args = { field, found: found(input), options: isKind ? kindChoices(options) : listOf(options), suggestion: suggestion ? didYouMean(suggestion, false) : '' };
        out.push({ path, at: 'value', code: isKind ? 'schema/kind' : 'schema/value', args });
        return;
      }
      case 'unrecognized_keys': {
        const allowed = allowedKeys(path);
        for (const key of issue.keys) {
          const suggestion = closest(key, allowed);
          const list = listOf(allowed);
          const otherwise: Phrase = freeForm
            ? { en: `expected one of ${list.en}; put free-form values under \`extra:\``, zh: `可用字段：${list.zh}；其他自由填写的内容请放在 \`extra:\` 下` }
            : { en: `expected one of ${list.en}`, zh: `可用字段：${list.zh}` };
          out.push({
            path: [...path, key],
            at: 'key',
            code: 'schema/unknown-key',
            args: { field: fieldName([...path, key]), key, suggestion: suggestion ? didYouMean(suggestion) : otherwise },
            ...(suggestion ? { closest: suggestion } : {}),
          });
        }
        return;
      }
      case 'too_small': {
        if (issue.origin === 'string') out.push({ path, at: 'value', code: 'schema/empty', args: { field } });
        else if (issue.origin === 'array') out.push({ path, at: 'value', code: 'schema/too-few', args: { field, min: Number(issue.minimum), found: found(input) } });
        else out.push({ path, at: 'value', code: 'schema/range', args: { field, bound: { en: `${String(issue.minimum)} or more`, zh: `不小于 ${String(issue.minimum)}` }, found: found(input) } });
        return;
      }
      case 'too_big':
        out.push({ path, at: 'value', code: 'schema/range', args: { field, bound: { en: `at most ${String(issue.maximum)}`, zh: `不大于 ${String(issue.maximum)}` }, found: found(input) } });
        return;
      case 'invalid_format':
      case 'custom': {
        const isDate = /date|^to$|^from$/.test(String(path[path.length - 1]));
        out.push({ path, at: 'value', code: isDate ? 'schema/date' : 'schema/form', args: { field, found: found(input) } });
        return;
      }
      default:
        out.push({ path, at: 'value', code: 'schema/invalid', args: { field, detail: issue.message } });
    }
  };
  for (const issue of issues) visit(issue, []);
  // A value can fail two checks that say the same thing (a date's pattern and its calendar).
  const seen = new Set<string>();
  return out.filter((p) => {
    const key = `${writtenPath(p.path)}\u0000${p.code}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * A union failed: report the branch written for this kind of input (a mapping for a mapping,
 * text for text), i.e. the one whose errors are not about the root's type.
 */
function pickBranch(branches: readonly (readonly Issue[])[], _input: unknown): readonly Issue[] | undefined {
  const fitting = branches.filter((errors) => !errors.some((e) => e.code === 'invalid_type' && e.path.length === 0));
  if (fitting.length > 0) return fitting.reduce((best, b) => (b.length < best.length ? b : best));
  return undefined;
}

/** The allowed word nearest to a typo, when it is close enough to be what was meant. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  const limit = Math.max(1, Math.floor(Math.max(word.length, best?.length ?? 0) / 3));
  return bestDistance <= limit || (best !== undefined && (best.includes(word) || word.includes(best))) ? best : undefined;
}

/** Edit distance counting a swap of two neighbours as one edit (titel → title). */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[x.length]![y.length]!;
}
