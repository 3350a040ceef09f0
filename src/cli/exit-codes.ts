/**
 * The exit codes of `report`: the table in the README's "Exit codes" section lists exactly these
 * (test/hardening.test.ts compares the two). No other code leaves the process.
 */
export const EXIT = {
  /** Every input built (or checked) without errors. */
  ok: 0,
  /** Invalid input: no input could be built, or `check` found errors. */
  invalidInput: 1,
  /** Bad command line: unknown command or option, missing argument, refused output folder. */
  usage: 2,
  /** Some inputs built, others failed. */
  partial: 3,
  /** A defect in report itself; please report it with the --debug output. */
  internal: 4,
  /** A batch stopped by SIGINT or SIGTERM (128 + SIGINT): files in progress were finished. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
