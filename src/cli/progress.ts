/**
 * How a batch shows its progress: a bar on a terminal (files done/total, rate, ETA, with the
 * `cli-progress` library), one line per written file otherwise or when CI is set, nothing with
 * --quiet. Problems are printed either way; under a bar they wait until it is done.
 */
import type { CliIo } from './io.js';
import { t } from '../messages/index.js';

export type ProgressMode = 'bar' | 'lines' | 'quiet';

export interface Progress {
  start(total: number): void;
  /** A finished input: its written files, and its problems already formatted. */
  done(outputs: readonly string[], problems: readonly string[]): void;
  stop(): void;
}

export function progressMode(io: CliIo, options: { quiet?: boolean; jsonToStdout?: boolean }): ProgressMode {
  if (options.quiet) return 'quiet';
  if (io.stderrIsTTY && !io.env['CI']) return 'bar';
  return options.jsonToStdout ? 'quiet' : 'lines';
}

export async function createProgress(io: CliIo, mode: ProgressMode): Promise<Progress> {
  if (mode !== 'bar') {
    return {
      start: () => undefined,
      done: (outputs, problems) => {
        for (const p of problems) io.stderr(`${p}\n`);
        if (mode === 'lines') for (const o of outputs) io.stdout(`${o}\n`);
      },
      stop: () => undefined,
    };
  }
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    { format: t('progress.bar', io.lang, { bar: '{bar}', value: '{value}', total: '{total}', rate: '{rate}', eta_formatted: '{eta_formatted}' }), stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  const held: string[] = [];
  let started = 0;
  let count = 0;
  return {
    start: (total) => {
      started = performance.now();
      bar.start(total, 0, { rate: '0' });
    },
    done: (_outputs, problems) => {
      held.push(...problems);
      count++;
      const seconds = (performance.now() - started) / 1000;
      bar.update(count, { rate: seconds > 0 ? (count / seconds).toFixed(1) : '0' });
    },
    stop: () => {
      bar.stop();
      for (const p of held) io.stderr(`${p}\n`);
    },
  };
}
