/** `npm run knowledge-docs`: rewrites the generated part of knowledge/README.md from the schema. */
import { readFile, writeFile } from 'node:fs/promises';
import { fieldReference } from '../knowledge/docs.js';
import { GENERATED_MARK, withReference } from '../knowledge/readme.js';

const file = 'knowledge/README.md';
const current = await readFile(file, 'utf8').catch(() => `# Knowledge\n\n${GENERATED_MARK}\n`);
await writeFile(file, withReference(current, fieldReference()));
console.log(`${file} updated`);
