/**
 * Schema issues → one-line messages a clerk can act on: the field path as the README documents
 * it (`metrics[2].value`), what was expected, what was found, and a close match for typos.
 */
import type { z } from 'zod';
import type { PathSegment } from './parse-yaml.js';

type Issue = z.core.$ZodIssue;

export interface FieldProblem {
  path: PathSegment[];
  /** Point at the key (unknown field) rather than the value. */
  at: 'key' | 'value';
  message: string;
  hint?: string;
  code: string;
}

export function fieldPath(path: readonly PathSegment[]): string {
  return path.reduce<string>((out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg), '');
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  object: 'a mapping of fields',
  array: 'a list',
  boolean: 'true or false',
  record: 'a mapping of fields',
};

function describe(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return String(value);
}

/** Flattens zod issues (choosing the union branch that fits the input) into field problems. */
export function toFieldProblems(issues: readonly Issue[], allowedKeys: (path: PathSegment[]) => string[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  const visit = (issue: Issue, prefix: PathSegment[]) => {
    const path = [...prefix, ...(issue.path as PathSegment[])];
    const name = `\`${fieldPath(path)}\``;
    const input = (issue as { input?: unknown }).input;
    switch (issue.code) {
      case 'invalid_union': {
        const branch = pickBranch(issue.errors, input);
        if (branch) for (const inner of branch) visit(inner, path);
        else out.push({ path, at: 'value', code: 'schema/type', message: `${name} has the wrong form (found ${describe(input)})` });
        return;
      }
      case 'invalid_type': {
        const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
        if (!('input' in issue) || input === undefined) {
          const parent = path.slice(0, -1);
          out.push({ path: parent, at: 'value', code: 'schema/missing', message: `missing required field ${name}`, hint: `add \`${String(path[path.length - 1])}:\`` });
        } else {
          out.push({ path, at: 'value', code: 'schema/type', message: `${name} must be ${expected} (found ${describe(input)})` });
        }
        return;
      }
      case 'invalid_value': {
        const options = issue.values.map(String);
        // describe(): records are null-prototype objects, which String() cannot convert.
        const suggestion = closest(typeof input === 'string' ? input : describe(input), options);
        out.push({
          path,
          at: 'value',
          code: 'schema/value',
          message: `${name} is ${describe(input)}, expected one of ${options.join(', ')}`,
          ...(suggestion ? { hint: `did you mean ${suggestion}?` } : {}),
        });
        return;
      }
      case 'unrecognized_keys': {
        const allowed = allowedKeys(path);
        for (const key of issue.keys) {
          const suggestion = closest(key, allowed);
          out.push({
            path: [...path, key],
            at: 'key',
            code: 'schema/unknown-key',
            message: `unknown field \`${fieldPath([...path, key])}\``,
            hint: suggestion ? `did you mean \`${suggestion}\`?` : `expected one of ${allowed.join(', ')}; put free-form values under \`extra:\``,
          });
        }
        return;
      }
      case 'too_small': {
        const message =
          issue.origin === 'string' ? `${name} must not be empty` : `${name} must be ${String(issue.minimum)} or more (found ${describe(input)})`;
        out.push({ path, at: 'value', code: 'schema/range', message });
        return;
      }
      case 'too_big':
        out.push({ path, at: 'value', code: 'schema/range', message: `${name} must be at most ${String(issue.maximum)} (found ${describe(input)})` });
        return;
      case 'invalid_format':
      case 'custom': {
        const isDate = /date|^to$|^from$/.test(String(path[path.length - 1]));
        out.push({
          path,
          at: 'value',
          code: isDate ? 'schema/date' : 'schema/format',
          message: isDate
            ? `${name} is not a real date (found ${describe(input)})`
            : `${name} has the wrong form (found ${describe(input)})`,
          ...(isDate ? { hint: 'write YYYY-MM-DD, YYYY-MM or YYYY' } : {}),
        });
        return;
      }
      default:
        out.push({ path, at: 'value', code: 'schema/invalid', message: `${name}: ${issue.message}` });
    }
  };
  for (const issue of issues) visit(issue, []);
  // A value can fail two checks that say the same thing (a date's pattern and its calendar).
  const seen = new Set<string>();
  return out.filter((p) => {
    const key = `${fieldPath(p.path)}\u0000${p.message}`;
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
