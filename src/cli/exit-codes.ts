/** The exit codes of `report`, documented in the README and checked by test/cli.test.ts. */
export const EXIT = {
  /** Every input built (or checked) without errors. */
  ok: 0,
  /** Invalid input: no input could be built, or `check` found errors. */
  invalidInput: 1,
  /** Bad command line: unknown command or option, missing argument. */
  usage: 2,
  /** Some inputs built, others failed. */
  partial: 3,
  /** A defect in report itself; please report it with the --debug output. */
  internal: 4,
} as const;
