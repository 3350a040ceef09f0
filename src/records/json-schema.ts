/** The record schema as JSON Schema (draft 2020-12), for editors and other tools. */
import * as z from 'zod/mini';
import { recordSchema } from './schema.js';

export function recordJsonSchema(): string {
  const schema = z.toJSONSchema(recordSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, $id: 'https://report.invalid/schema/record.schema.json' }, null, 2)}\n`;
}
