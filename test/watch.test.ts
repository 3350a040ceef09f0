/**
 * `report preview --watch` as an editor uses it: the binary is spawned, the record, a template
 * and the config are edited under it, and the preview file is read back each time. A failed
 * render shows its errors in the preview without ending the watch. The child is stopped with
 * SIGTERM at the end and must exit cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, report, scratch } from './support.js';

let child: ChildProcess | undefined;

afterEach(() => {
  // Never leave a watcher behind, whatever happened in the test.
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

/** Polls until `check` holds; fails with `what` after `ms`. Returns the milliseconds it took. */
async function until(what: string, check: () => boolean, ms = 4000): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Date.now() - started;
}

/**
 * `report preview --watch RECORD -o PREVIEW` started in `dir` (stopped by afterEach if a test
 * fails), once it watches: its preview file read back, its stderr so far, its exit code once it ends.
 */
async function watchPreview(dir: string, record: string, previewName: string) {
  const preview = path.join(dir, previewName);
  const read = () => (existsSync(preview) ? readFileSync(preview, 'utf8') : '');
  child = spawn(process.execPath, [BIN, 'preview', '--watch', record, '-o', previewName], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stderr: '' };
  child.stderr!.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
  await until('the first preview and the watch', () => output.stderr.includes(`watching ${record}`));
  return { read, output, exited };
}

describe('report preview --watch', () => {
  it('renders again on every edit of the record, the template or the config, and shows errors inline without stopping', async () => {
    const dir = scratch('report-watch-');
    const record = path.join(dir, 'doc.yaml');
    const original = readFileSync(EXAMPLES[0]!, 'utf8');
    writeFileSync(record, original);
    const { read, output, exited } = await watchPreview(dir, 'doc.yaml', 'preview.md');
    expect(read().split('\n')[0]).toBe('# 2024年度文明单位创建工作总结');

    // An edit of the record: within a second.
    writeFileSync(record, original.replace(/^title: .*$/m, 'title: 改过的标题'));
    const took = await until('the edited title', () => read().startsWith('# 改过的标题\n'));
    // Typically 100–200 ms (80 ms of it waiting for the writes to settle); the margin is for loaded CI machines.
    expect(took).toBeLessThan(1500);

    // A broken record: its error, inline, above the last good preview; the watch goes on.
    writeFileSync(record, original.replace(/^kind: .*$/m, 'kind: 工作总节'));
    await until('the error in the preview', () => read().includes('doc.yaml:2:7: `kind` is "工作总节", expected one of'));
    expect(read()).toContain('could not be rendered');
    expect(read()).toContain('# 改过的标题');
    expect(output.stderr).toContain('doc.yaml:2:7: `kind` is "工作总节"');

    // Fixed again.
    writeFileSync(record, original);
    await until('the fixed record', () => read().startsWith('# 2024年度文明单位创建工作总结\n'));

    // A template appears in the project's template folder (as `report templates eject` makes it), then is broken.
    expect(report(['templates', 'eject', 'summary'], { cwd: dir }).status).toBe(0);
    const template = path.join(dir, 'templates', 'summary.md.hbs');
    writeFileSync(template, readFileSync(template, 'utf8').replace('# {{title}}', '# 【{{title}}】'));
    await until('the edited template', () => read().startsWith('# 【2024年度文明单位创建工作总结】\n'));
    writeFileSync(template, '# {{title}}\n\n{{#each sections}}\n## {{heading}}\n');
    await until('the template error', () => read().includes('templates/summary.md.hbs:3:1: `{{#each}}` is never closed'));

    // A partial of the project, and the config.
    writeFileSync(template, '# {{title}}\n\n{{> signature}}\n');
    writeFileSync(path.join(dir, 'templates', 'partials', 'signature.hbs'), '<!-- signature -->\n{{unit}}（印）\n{{date}}\n');
    await until('the edited partial', () => read().includes('滨河区政务服务中心（印）'));
    writeFileSync(path.join(dir, 'report.config.yaml'), 'script: traditional\n');
    await until('the config', () => read().includes('濱河區政務服務中心（印）'), 8000);

    child!.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);

  it('renders again when the record is deleted and written again, as `git checkout` and `git stash` do', async () => {
    const dir = scratch('report-watch-');
    const record = path.join(dir, 'w3.yaml');
    const ok = path.join(dir, 'ok.yaml');
    const original = readFileSync(EXAMPLES[0]!, 'utf8');
    writeFileSync(ok, original);
    copyFileSync(ok, record);
    const { read, output, exited } = await watchPreview(dir, 'w3.yaml', 'out.md');
    expect(read().split('\n')[0]).toBe('# 2024年度文明单位创建工作总结');

    // Deleted: an error, in the preview and on stderr; the watch goes on.
    rmSync(record);
    await until('the missing record in the preview', () => read().startsWith('<!-- report preview --watch: the preview could not be rendered -->'));
    await until('the error on stderr', () => output.stderr.includes('1 error; still watching'));
    expect(output.stderr).toContain('w3.yaml: no such file or folder');
    await new Promise((resolve) => setTimeout(resolve, 1500));

    // Written again (`cp`, not a rename over it): rendered again at once.
    copyFileSync(ok, record);
    const took = await until('the record written again', () => read().startsWith('# 2024年度文明单位创建工作总结\n'));
    expect(took).toBeLessThan(1500);

    // And watched from then on: later edits are rendered too, also after a second delete.
    writeFileSync(record, original.replace(/^title: .*$/m, 'title: 改过的标题'));
    await until('the edit after it came back', () => read().startsWith('# 改过的标题\n'));
    rmSync(record);
    await until('the second delete', () => read().startsWith('<!-- report preview --watch: the preview could not be rendered -->'));
    writeFileSync(record, original.replace(/^title: .*$/m, 'title: 又改过的标题'));
    await until('the record written a second time', () => read().startsWith('# 又改过的标题\n'));
    writeFileSync(record, original);
    await until('the last edit', () => read().startsWith('# 2024年度文明单位创建工作总结\n'));

    child!.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);

  it('renders again with a project template that is deleted and written again', async () => {
    const dir = scratch('report-watch-');
    writeFileSync(path.join(dir, 'doc.yaml'), readFileSync(EXAMPLES[0]!, 'utf8'));
    expect(report(['templates', 'eject', 'summary'], { cwd: dir }).status).toBe(0);
    const template = path.join(dir, 'templates', 'summary.md.hbs');
    const ejected = readFileSync(template, 'utf8');
    const { read, exited } = await watchPreview(dir, 'doc.yaml', 'preview.md');

    writeFileSync(template, ejected.replace('# {{title}}', '# 【{{title}}】'));
    await until('the edited template', () => read().startsWith('# 【2024年度文明单位创建工作总结】\n'));
    // Deleted: the built-in template is used.
    rmSync(template);
    await until('the built-in template', () => read().startsWith('# 2024年度文明单位创建工作总结\n'));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // Written again: used again, and its later edits too.
    writeFileSync(template, ejected.replace('# {{title}}', '# 《{{title}}》'));
    await until('the template written again', () => read().startsWith('# 《2024年度文明单位创建工作总结》\n'));
    writeFileSync(template, ejected.replace('# {{title}}', '# 〔{{title}}〕'));
    await until('the edit after it came back', () => read().startsWith('# 〔2024年度文明单位创建工作总结〕\n'));

    child!.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);
});
