import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rubricJsonSchemaText } from '../../src/core/rubric-json-schema.js';
import { ROOT } from '../helpers/cli.js';

describe('rubrics/rubric.schema.json', () => {
  it('is the schema generated from the zod model (run `npm run schema` after changing src/core/rubric.ts)', () => {
    const committed = readFileSync(path.join(ROOT, 'rubrics', 'rubric.schema.json'), 'utf8');
    expect(committed).toBe(rubricJsonSchemaText());
  });

  it('is draft-07 and refuses unknown keys so editors flag typos', () => {
    const schema = JSON.parse(rubricJsonSchemaText()) as { $schema: string; additionalProperties: boolean; required: string[] };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['role', 'version', 'scale', 'dimensions', 'loop', 'policy']);
  });
});
