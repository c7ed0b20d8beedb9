// buildPack on a small rubric: stage numbers, the coverage matrix with a dimension no stage rates, flag
// dimensions by name, and blank name lines when nobody is named.
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../src/core/pack.js';
import { Rubric } from '../../src/core/rubric.js';
import { rubricInput } from './debrief.fixture.js';

const now = new Date('2026-03-04T10:00:00Z');

function rubricWithoutWriting(): Rubric {
  const input = rubricInput();
  input.loop[1]!.focus = ['people'];
  return Rubric.parse(input);
}

describe('buildPack on the loop', () => {
  it('numbers stages by their place in the loop and lists a dimension no stage rates', () => {
    const pack = buildPack(rubricWithoutWriting(), { stages: ['case'], now });
    expect(pack.role).toEqual({ id: 'test-role', title: 'Test Role', level: 'Senior', summary: 'For tests.' });
    expect(pack.stages.map((s) => [s.number, s.id])).toEqual([[3, 'case']]);
    expect(pack.loop.coverage.rows.map((r) => [r.id, r.cells.map((c) => [c.stage, c.covered]), r.stages])).toEqual([
      ['analysis', [[1, true], [2, false], [3, true]], 2],
      ['systems', [[1, true], [2, false], [3, false]], 1],
      ['people', [[1, false], [2, true], [3, true]], 2],
      ['writing', [[1, false], [2, false], [3, false]], 0],
    ]);
    expect(pack.loop.coverage.uncovered).toEqual(['Dim writing']);
  });

  it("names each flag's dimension and leaves the name lines blank when nobody is named", () => {
    const stage = buildPack(rubricWithoutWriting(), { stages: ['case'], now }).stages[0]!;
    expect(stage.greenFlags.map((f) => [f.id, f.dimension])).toEqual([['clear-thinker', 'Dim analysis']]);
    expect(stage.redFlags.map((f) => [f.id, f.dimension, f.knockout])).toEqual([['dishonest', 'Dim people', true]]);
    expect([stage.sheet.candidate, stage.sheet.interviewer]).toEqual(['', '']);
  });
});
