/**
 * Everything the CLI touches outside itself, injected so tests need no global mocks.
 */
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { Lang } from '../messages/lang.js';

/** What the process gives the CLI; `run()` adds the language of messages (CliIo). */
export interface CliHost {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  /** All of standard input, for `report fix -`. */
  stdin: () => Promise<Uint8Array>;
  /** Whether stderr is a terminal (a progress bar is drawn only there). */
  stderrIsTTY: boolean;
  /** Calls the handler on SIGINT/SIGTERM instead of dying; returns the unsubscribe. */
  onInterrupt: (handler: (signal: string) => void) => () => void;
}

export interface CliIo extends CliHost {
  /** The language of messages (src/messages/lang.ts decides it from --lang and the environment). */
  lang: Lang;
}

export function processIo(): CliHost {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    stderrIsTTY: Boolean(process.stderr.isTTY),
    onInterrupt: (handler) => {
      process.on('SIGINT', handler);
      process.on('SIGTERM', handler);
      return () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
      };
    },
  };
}

/** Prints diagnostics, one line each, on stderr. */
export function report(io: CliIo, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.stderr(`${formatDiagnostic(d, io.lang)}\n`);
}
