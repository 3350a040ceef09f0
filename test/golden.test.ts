/**
 * Golden Markdown for every example: `report preview` must print exactly test/golden/<name>.md.
 * After an intended change, rewrite them with UPDATE_GOLDEN=1 npm test and review the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT, report } from './support.js';

describe('golden previews', () => {
  it.each(EXAMPLES.map((file) => [path.basename(file, '.yaml'), file]))('%s', (name, file) => {
    const r = report(['preview', file!]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const golden = path.join(ROOT, 'test', 'golden', `${name}.md`);
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(golden)) writeFileSync(golden, r.stdout);
    expect(r.stdout).toBe(readFileSync(golden, 'utf8'));
  });
});
