/** `report init [DIR]` scaffolds a working folder that `report build` builds at once. */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraphTexts, readDocx, report, scratch } from './support.js';

describe('report init', () => {
  it('writes a record per genre, report.config.yaml and a README, and the folder builds as it is', () => {
    const parent = scratch('report-init-');
    const r = report(['init', 'office'], { cwd: parent });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'office/report.config.yaml',
      'office/records/summary.yaml',
      'office/records/plan.yaml',
      'office/records/briefing.yaml',
      'office/README.md',
    ]);
    expect(r.stderr).toContain('next: cd office && report build records');

    const dir = path.join(parent, 'office');
    const check = report(['check', 'records'], { cwd: dir });
    expect(check.stderr).toBe('checked 3: 3 ok, 0 with errors\n');
    // The config's `output: out` decides where the documents go.
    const build = report(['build', 'records'], { cwd: dir });
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout.trim().split('\n').sort()).toEqual(['out/briefing.docx', 'out/plan.docx', 'out/summary.docx']);
    for (const [name, title] of [
      ['summary', '2024年度文明单位创建工作总结'],
      ['plan', '示例区政务服务中心关于深化文明单位创建工作的实施意见'],
      ['briefing', '示例区政务服务中心创建文明单位情况汇报'],
    ] as const) {
      expect(paragraphTexts(readDocx(path.join(dir, 'out', `${name}.docx`))['word/document.xml']!)[0]).toBe(title);
    }
    // Built from a subfolder too: the config is found by walking up.
    const sub = report(['build', 'briefing.yaml', '--force'], { cwd: path.join(dir, 'records') });
    expect(sub.stdout.trim()).toBe(path.join(dir, 'out', 'briefing.docx'));

    // The README says what to do next.
    const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
    for (const command of ['report build records', 'report preview --watch', 'report templates eject briefing']) expect(readme).toContain(command);
  });

  it('keeps files that are already there', () => {
    const dir = scratch('report-init-');
    writeFileSync(path.join(dir, 'README.md'), '# mine\n');
    const r = report(['init'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('kept README.md: already there');
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('# mine\n');
    expect(readdirSync(path.join(dir, 'records')).sort()).toEqual(['briefing.yaml', 'plan.yaml', 'summary.yaml']);
    const again = report(['init'], { cwd: dir });
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('0 file(s) written');
  });

  it('its records work with an ejected template straight away', () => {
    const dir = scratch('report-init-');
    expect(report(['init'], { cwd: dir }).status).toBe(0);
    expect(report(['templates', 'eject', 'briefing'], { cwd: dir }).status).toBe(0);
    const listed = report(['templates'], { cwd: dir });
    expect(listed.stdout).toContain('briefing  情况汇报  project   templates/briefing.md.hbs');
    const preview = report(['preview', 'records/briefing.yaml'], { cwd: dir });
    expect(preview.status, preview.stderr).toBe(0);
    expect(preview.stderr).toBe('');
    expect(preview.stdout).toContain('**一是抓组织**。成立领导小组，定期研究创建工作。');
  });
});
