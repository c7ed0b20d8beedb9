// The JSON Schema (draft-07) that editors use to autocomplete and check rubric files. Generated from the
// zod model; rubrics/rubric.schema.json is this, committed, and a test keeps the two in step.
import { z } from 'zod';
import { Rubric } from './rubric.js';

export function rubricJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Rubric, { target: 'draft-7', io: 'input' }),
    title: 'hirekit role rubric',
    description: 'A structured-interview rubric: anchored dimensions, questions, flags, case studies, loop and decision policy.',
  };
}

export function rubricJsonSchemaText(): string {
  return `${JSON.stringify(rubricJsonSchema(), null, 2)}\n`;
}
