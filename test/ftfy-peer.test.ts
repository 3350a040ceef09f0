/**
 * ftfy's own test cases (Apache-2.0, test/fixtures/mojibake/ftfy, from
 * github.com/rspeer/python-ftfy) run through the mojibake repair: every negative case must come
 * back as ftfy's fix_encoding leaves it (no false positive on a peer's own traps), and the pass
 * cases of in-the-wild, synthetic and language-names are scored against ftfy's
 * `fixed-encoding` (else `fixed`), with a floor at the score reached.
 *
 * fix_encoding also turns stray C1 controls into their Windows-1252 characters (negative case
 * "we only need to fix C1 control characters"); so do we. It never un-curls quotes: the
 * `fixed-encoding` field is the reference where it exists.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repairLine } from '../src/text/mojibake.js';
import { report, scratch } from './support.js';

interface FtfyCase {
  label: string;
  comment?: string;
  original: string;
  fixed: string;
  'fixed-encoding'?: string;
  expect: 'pass' | 'fail';
}

const DIR = path.join(import.meta.dirname, 'fixtures', 'mojibake', 'ftfy');

function load(file: string): FtfyCase[] {
  return JSON.parse(readFileSync(path.join(DIR, `${file}.json`), 'utf8')) as FtfyCase[];
}

function expected(c: FtfyCase): string {
  return c['fixed-encoding'] ?? c.fixed;
}

function repair(text: string): string {
  return text
    .split('\n')
    .map((line) => repairLine(line).text)
    .join('\n');
}

/**
 * The candidate family a case exercises, from what its label says (ftfy names the code page
 * in most labels) or, failing that, from the characters of the original.
 */
function family(c: FtfyCase): string {
  const label = c.label.toLowerCase();
  if (expected(c) === c.original) return 'none (must stay unchanged)';
  if (/macroman/.test(label)) return 'MacRoman';
  if (/1250|iso-8859-2/.test(label)) return 'Windows-1250 / ISO-8859-2';
  if (/1251/.test(label)) return 'Windows-1251';
  if (/1257/.test(label)) return 'Windows-1257';
  if (/437/.test(label)) return 'CP437';
  if (/cesu/.test(label)) return 'CESU-8';
  if (/twice|three times|three layers/.test(label)) return 'Latin-1 / Windows-1252, repeated';
  // Otherwise: the code page every non-ASCII character of the original belongs to.
  if ([...c.original].every((ch) => ch < '\u0080' || ch <= '\u00ff' || CP1252_SPECIALS.includes(ch) || ch === '\ufffd')) return 'Latin-1 / Windows-1252';
  return 'other';
}

const CP1252_SPECIALS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

// Scores reached (see the table printed below): the floor each file is held to.
const FLOORS: Record<string, number> = { 'in-the-wild': 70, synthetic: 30, 'language-names': 20 };

describe('ftfy negative cases: nothing that is not mojibake is touched', () => {
  const cases = load('negative');
  it('has the 31 cases', () => expect(cases).toHaveLength(31));
  it.each(cases.map((c) => [c.label, c] as const))('%s', (_label, c) => {
    expect(repair(c.original)).toBe(expected(c));
  });
  it('returns the line unchanged wherever ftfy expects it unchanged', () => {
    const unchanged = cases.filter((c) => expected(c) === c.original);
    expect(unchanged.length).toBe(30);
    for (const c of unchanged) expect(repair(c.original)).toBe(c.original);
  });
});

describe('ftfy pass cases', () => {
  const rows: string[] = [];
  const byFamily = new Map<string, { pass: number; total: number }>();

  for (const file of ['in-the-wild', 'synthetic', 'language-names']) {
    it(`${file}: repaired as ftfy's fix_encoding does, at least ${FLOORS[file]} cases`, () => {
      const cases = load(file).filter((c) => c.expect === 'pass');
      let pass = 0;
      const failed: string[] = [];
      for (const c of cases) {
        const ok = repair(c.original) === expected(c);
        if (ok) pass++;
        else failed.push(c.label);
        const f = byFamily.get(family(c)) ?? { pass: 0, total: 0 };
        f.pass += ok ? 1 : 0;
        f.total++;
        byFamily.set(family(c), f);
      }
      rows.push(`${file.padEnd(16)} ${String(pass).padStart(3)}/${cases.length}`);
      if (process.env['MOJIBAKE_DEBUG']) console.log(`${file} not repaired as ftfy does:\n  ${failed.join('\n  ')}`);
      expect(pass).toBeGreaterThanOrEqual(FLOORS[file]!);
    });
  }

  it('prints the scores', () => {
    const families = [...byFamily.entries()].sort((a, b) => b[1].total - a[1].total);
    console.log(
      `\nftfy peer cases (pass cases, compared with fixed-encoding, else fixed)\n${rows.join('\n')}\n\nby candidate family\n${families
        .map(([name, f]) => `${name.padEnd(34)} ${String(f.pass).padStart(3)}/${f.total}`)
        .join('\n')}`,
    );
  });
});

describe('ftfy cases through the binary', () => {
  it('`report fix` gives, line for line, what the repair gives (the scores above hold for the command)', () => {
    const cases = ['negative', 'in-the-wild', 'synthetic', 'language-names'].flatMap(load);
    const lines = cases.flatMap((c) => c.original.split('\n')).filter((line) => !line.includes('\r'));
    const dir = scratch();
    writeFileSync(path.join(dir, 'ftfy.txt'), `${lines.join('\n')}\n`);
    const r = report(['fix', 'ftfy.txt'], { cwd: dir });
    expect(r.status).toBe(0);
    const out = r.stdout.split('\n');
    expect(out).toHaveLength(lines.length + 1);
    lines.forEach((line, i) => expect(out[i], line).toBe(repairLine(line).text));
    // The case this file ends on, by name: the Portuguese contraction.
    expect(r.stdout).toContain('semelhante àquele observado');
  });
});
