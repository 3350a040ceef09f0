/**
 * text → YAML value, keeping the document so every later diagnostic can point at the line and
 * column of the value it is about. Duplicate keys are errors; alias expansion is capped.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, Result } from '../diagnostics.js';

export type PathSegment = string | number;

export interface ParsedYaml {
  value: unknown;
  /** Line and column (1-based) of the value at `path`, or of the closest ancestor that exists. */
  positionOf(path: readonly PathSegment[], which?: 'key' | 'value'): { line: number; column: number };
}

/** A "billion laughs" file expands a few aliases into gigabytes; real records use a handful. */
const MAX_ALIAS_COUNT = 100;

export function parseYaml(file: string, text: string): Result<ParsedYaml> {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (error) {
    // The parser recurses: absurd nesting overflows the stack instead of reporting.
    return failWhole(file, 'yaml/too-deep', `the YAML cannot be parsed (${(error as Error).message})`, 'reduce the nesting');
  }
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      diagnostics: doc.errors.map((e) => ({
        file,
        ...at(e.pos[0]),
        severity: 'error',
        code: e.code === 'DUPLICATE_KEY' ? 'yaml/duplicate-key' : 'yaml/syntax',
        message: firstLine(e.message),
        hint: e.code === 'DUPLICATE_KEY' ? 'remove or rename one of the keys' : 'fix the YAML syntax',
      })),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return failWhole(file, 'yaml/aliases', firstLine((error as Error).message), 'use fewer aliases');
  }
  const warnings: Diagnostic[] = doc.warnings.map((w) => ({
    file,
    ...at(w.pos[0]),
    severity: 'warning',
    code: 'yaml/warning',
    message: firstLine(w.message),
  }));
  return {
    ok: true,
    diagnostics: warnings,
    value: {
      value,
      positionOf(path, which = 'value') {
        let node: unknown = doc.contents;
        let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
        for (const segment of path) {
          if (isMap(node)) {
            const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
            if (!pair) break;
            const keyNode = pair.key as Node;
            const valueNode = pair.value as Node | null;
            const last = segment === path[path.length - 1] && which === 'key';
            offset = (last ? keyNode.range?.[0] : valueNode?.range?.[0] ?? keyNode.range?.[0]) ?? offset;
            node = valueNode;
          } else if (isSeq(node) && typeof segment === 'number') {
            const item = node.items[segment] as Node | undefined;
            if (!item) break;
            offset = item.range?.[0] ?? offset;
            node = item;
          } else {
            break;
          }
        }
        return at(offset);
      },
    },
  };
}

function failWhole(file: string, code: string, message: string, hint: string): Result<ParsedYaml> {
  return { ok: false, diagnostics: [{ file, line: 1, column: 1, severity: 'error', code, message, hint }] };
}

const firstLine = (message: string) => message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
