/**
 * What the schemas share about zod. They use `zod/mini`, the same validation core as `zod` with
 * functions instead of methods: a start loads ≈ 100 KB of it instead of ≈ 400 KB (see
 * docs/performance.md). Its issues (codes, paths, inputs) are the ones records/messages.ts
 * turns into our messages; the English locale fills `message` for the rare issue they pass on
 * (classic zod sets it when it is first imported; zod/mini leaves it to us).
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// Unless the program using the library chose a locale of its own.
if (!z.config().localeError) z.config(en());

/** The schema with a description for the JSON Schema (a copy: a schema shared by fields keeps its own). */
export function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy, { description });
  return copy;
}
