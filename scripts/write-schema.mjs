// Regenerates rubrics/rubric.schema.json from the zod model (run: npm run schema).
import { writeFileSync } from 'node:fs';
import { rubricJsonSchemaText } from '../dist/core/rubric-json-schema.js';

const target = new URL('../rubrics/rubric.schema.json', import.meta.url);
writeFileSync(target, rubricJsonSchemaText());
console.log(`wrote ${target.pathname}`);
