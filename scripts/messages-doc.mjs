#!/usr/bin/env node
// `node scripts/messages-doc.mjs`: writes docs/messages.md from the message catalogue.
// Needs a build (npm run build).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { messagesMarkdown } from '../dist/messages/table.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
writeFileSync(path.join(ROOT, 'docs', 'messages.md'), messagesMarkdown());
