/**
 * The library API: the same functions the CLI calls.
 *
 * @example
 * const rendered = await renderFile('examples/summary.yaml');
 * if (rendered.ok) {
 *   console.log(rendered.value.markdown);                 // the preview
 *   const { bytes } = await toDocx(rendered.value);       // the Word file
 * }
 */
export { renderFile, renderRecord, toDocx, type RenderedDocument, type RenderOptions } from './pipeline.js';
export { loadRecord, parseRecordText } from './records/load.js';
export type { DocumentRecord } from './records/record.js';
/** A `zod/mini` schema: validate with `recordSchema.safeParse(value)`; extend it with zod/mini's functions (`z.extend`), not methods. */
export { recordSchema, KINDS, type Kind } from './records/schema.js';
export { recordJsonSchema } from './records/json-schema.js';
export { parseMarkdown } from './model/parse-markdown.js';
export type { Block, DocumentModel, Inline } from './model/types.js';
export { writeMarkdown } from './writers/markdown.js';
export { writeDocx } from './writers/docx/write.js';
export { scriptConverter, SCRIPTS as OUTPUT_SCRIPTS, type Script } from './text/script.js';
export { fixText } from './text/fix-text.js';
export { formatDiagnostic, type Diagnostic, type Result } from './diagnostics.js';
export { run } from './cli/main.js';
