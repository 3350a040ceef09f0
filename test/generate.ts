/** Generated record files for layout and batch tests (shared with the benchmark). */
export { generateRecord, type GenerateOptions } from '../bench/generate-records.mjs';
