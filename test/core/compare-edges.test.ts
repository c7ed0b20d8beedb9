// buildComparison reads each debrief as it is: flag counts by kind, a dimension one debrief lacks, the
// role and rubric of the first, and no comparison of nobody.
import { describe, expect, it } from 'vitest';
import { buildComparison } from '../../src/core/compare.js';
import { debriefOf } from './debrief.fixture.js';

const NOW = new Date('2026-11-21T09:00:00Z');

describe('buildComparison', () => {
  it('counts raised green and red flags separately, one per interviewer who raised them', () => {
    const d = debriefOf([
      { who: 'Ann', stage: 'screen', ratings: { analysis: 3 }, flags: [{ flag: 'clear-thinker', kind: 'green', note: 'Framed it fast.' }, { flag: 'vague', kind: 'red', note: 'No numbers.' }] },
      { who: 'Ben', stage: 'screen', ratings: { analysis: 3 }, flags: [{ flag: 'clear-thinker', kind: 'green', note: 'Clear plan.' }] },
      { who: 'Cai', stage: 'case', ratings: { analysis: 4 }, flags: [{ flag: 'clear-thinker', kind: 'green', note: 'Structured.' }] },
    ]);
    const c = buildComparison([d], NOW);
    expect(c.candidates[0]!.flags).toEqual({ green: 3, concern: 0, red: 1, knockouts: [] });
    expect(c.generated_at).toBe('2026-11-21T09:00:00.000Z');
    expect(c.role).toEqual({ id: 'test-role', title: 'Test Role' });
    expect(c.rubric).toEqual({ version: '2.0' });
    expect(c.bar).toBe(3);
    expect(c.dimensions).toEqual([
      { id: 'analysis', name: 'Dim analysis', weight: 40, hurdle: 3 },
      { id: 'systems', name: 'Dim systems', weight: 30, hurdle: null },
      { id: 'people', name: 'Dim people', weight: 20, hurdle: null },
      { id: 'writing', name: 'Dim writing', weight: 10, hurdle: null },
    ]);
  });

  it("shows a dimension a candidate's debrief lacks as unrated", () => {
    const full = debriefOf([{ who: 'Ann', stage: 'screen', ratings: { analysis: 3, systems: 4 } }]);
    const partial = { ...full, candidate: { name: 'Bo', slug: 'bo' }, dimensions: full.dimensions.filter((x) => x.id !== 'systems') };
    const c = buildComparison([full, partial], NOW);
    expect(c.candidates.map((x) => x.scores)).toEqual([
      [3, 4, null, null],
      [3, null, null, null],
    ]);
    expect(c.candidates.map((x) => x.spreads)).toEqual([
      [0, 0, null, null],
      [0, null, null, null],
    ]);
  });

  it('refuses to compare nobody', () => {
    expect(() => buildComparison([], NOW)).toThrow(new RangeError('buildComparison needs at least one debrief'));
  });
});
