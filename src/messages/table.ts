/**
 * docs/messages.md: every diagnostic code with its English and Chinese text, generated from the
 * catalogue (`node scripts/messages-doc.mjs`; a test keeps the file up to date).
 */
import { DIAGNOSTICS } from './diagnostics.js';
import type { Entry } from './format.js';

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function messagesMarkdown(): string {
  const rows = Object.entries(DIAGNOSTICS as Record<string, Entry>).map(
    ([code, e]) => `| \`${code}\` | ${cell(e.zh)}${e.hint ? `<br>→ ${cell(e.hint.zh)}` : ''} | ${cell(e.en)}${e.hint ? `<br>→ ${cell(e.hint.en)}` : ''} |`,
  );
  return [
    '# 提示信息代码 / Message codes',
    '',
    '<!-- Generated from src/messages/diagnostics.ts by `node scripts/messages-doc.mjs`; do not edit by hand. -->',
    '',
    '`report` 报告的每个问题都有一个代码（库接口 Diagnostic 的 `code`），中文和英文说法都在这里。',
    '`{…}` 是填入的内容：字段路径、原文里的值、行列位置等；“→”后面是建议的做法。',
    '`report.config.yaml` 的问题用 `config/…` 代码，说法与对应的 `schema/…` 相同。',
    '',
    'Every problem `report` reports has a code (`code` of a Diagnostic in the library API); its',
    'Chinese and English texts are below. `{…}` is filled in: a field path, a value as found, a',
    'position; "→" is what to do. Problems of `report.config.yaml` use `config/…` codes with the',
    'text of the matching `schema/…` code.',
    '',
    '| 代码 Code | 中文 | English |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
