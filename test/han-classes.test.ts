/**
 * The Han frequency classes stored in src/text/han-classes.data.ts (written by
 * scripts/han-classes.mjs) against the computation from iconv-lite's GBK and Big5 tables: a stale
 * data file fails here. To fix: `npm run build && node scripts/han-classes.mjs`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HAN_COMMON_SIMPLIFIED, HAN_COMMON_TRADITIONAL, HAN_LESS_COMMON, computeHanClassTable, hanClassTable } from '../src/text/charsets.js';
import { decodeHanClasses } from '../src/text/han-classes.data.js';

const ROOT = path.join(import.meta.dirname, '..');
const REGENERATE = 'src/text/han-classes.data.ts is stale: npm run build && node scripts/han-classes.mjs';

interface Generator {
  render(table: Uint8Array, iconvVersion: string): string;
  iconvVersion(): string;
  DATA_FILE: string;
}

describe('Han frequency classes (han-classes.data.ts)', () => {
  const computed = computeHanClassTable();

  it('decode to exactly the table computed from iconv-lite', () => {
    const stored = decodeHanClasses();
    expect(stored.length).toBe(65536);
    const differs = stored.findIndex((value, cp) => value !== computed[cp]);
    expect(differs === -1 ? 'none' : `U+${differs.toString(16).toUpperCase()}: stored ${stored[differs]}, computed ${computed[differs]}`, REGENERATE).toBe('none');
    expect(Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength).equals(Buffer.from(computed.buffer, computed.byteOffset, computed.byteLength))).toBe(true);
  });

  it('are what hanClassTable() returns, once decoded', () => {
    const table = hanClassTable();
    expect(hanClassTable()).toBe(table);
    expect(Buffer.from(table).equals(Buffer.from(computed))).toBe(true);
  });

  it('are the file scripts/han-classes.mjs writes, header included', async () => {
    const generator = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'han-classes.mjs')).href)) as Generator;
    expect(readFileSync(generator.DATA_FILE, 'utf8') === generator.render(computed, generator.iconvVersion()), REGENERATE).toBe(true);
  });

  it('hold the classes the lists define', () => {
    const classOf = (c: string) => computed[c.charCodeAt(0)]!;
    expect(classOf('的')).toBe(HAN_COMMON_SIMPLIFIED | HAN_COMMON_TRADITIONAL); // both common lists
    expect(classOf('们')).toBe(HAN_COMMON_SIMPLIFIED); // GB2312 level 1, not in Big5
    expect(classOf('們')).toBe(HAN_COMMON_TRADITIONAL | HAN_LESS_COMMON); // Big5 frequent; in GBK/3
    expect(classOf('爲') & HAN_LESS_COMMON).toBe(HAN_LESS_COMMON); // GBK/3
    expect(classOf('A')).toBe(0);
    expect(classOf('。')).toBe(0); // not an ideograph
    // Counts of the lists: GB2312 level 1 has 3,755 characters, Big5 A440–C67E 5,401.
    const count = (bit: number) => computed.reduce((n, value) => n + (value & bit ? 1 : 0), 0);
    expect(count(HAN_COMMON_SIMPLIFIED)).toBe(3755);
    expect(count(HAN_COMMON_TRADITIONAL)).toBe(5401);
  });
});
