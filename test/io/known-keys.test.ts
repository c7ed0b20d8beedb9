import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Rubric } from '../../src/core/rubric.js';
import { Scorecard } from '../../src/core/scorecard.js';
import { AnswersSchema } from '../../src/io/answers.js';
import { keysOf } from '../../src/io/yaml-file.js';

describe('keysOf: the known keys come from the schemas', () => {
  it('walks objects through optional, array, record and union', () => {
    const schema = z.object({ a: z.string(), b: z.array(z.object({ c: z.number().optional() })), d: z.record(z.string(), z.object({ e: z.string() })), f: z.union([z.object({ g: z.string() }), z.string()]).default('x') });
    expect(keysOf(schema).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('knows every key the hand-kept list used to hold, for the formats hirekit reads', () => {
    const known = new Set([...keysOf(Rubric), ...keysOf(AnswersSchema), ...keysOf(Scorecard)]);
    for (const key of ['role', 'anchors', 'listen_for', 'case_studies', 'duration_minutes', 'weights_total', 'min_coverage', 'hurdles', 'min_level', 'ratings', 'evidence', 'recommendation']) {
      expect(known.has(key), key).toBe(true);
    }
  });
});
