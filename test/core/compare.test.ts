// The comparison is read off each candidate's debrief; nothing is recomputed.
import { describe, expect, it } from 'vitest';
import { buildComparison } from '../../src/core/compare.js';
import { buildDebrief } from '../../src/core/debrief.js';
import { Rubric } from '../../src/core/rubric.js';
import type { Scorecard } from '../../src/core/scorecard.js';

const AT = '2026-11-20T10:00:00Z';
const anchors = { 1: 'a', 2: 'b', 3: 'c', 4: 'd' };
const rubric = Rubric.parse({
  role: { id: 'r', title: 'Role R', level: 'Senior', summary: 's', sources: [{ file: 'f', section: '1' }] },
  version: '1.0',
  scale: { 1: { label: 'l1', meaning: 'm' }, 2: { label: 'l2', meaning: 'm' }, 3: { label: 'l3', meaning: 'm' }, 4: { label: 'l4', meaning: 'm' }, insufficient: { label: 'insufficient', meaning: 'm' } },
  dimensions: [
    { id: 'x', name: 'X', measures: 'm', weight: 75, anchors },
    { id: 'y', name: 'Y', measures: 'm', weight: 25, anchors },
  ],
  flags: { green: [{ id: 'good', text: 'Good', dimension: 'x' }], red: [{ id: 'ko', text: 'Knocked out', dimension: 'y', knockout: true }] },
  loop: [{ id: 's', name: 'S', duration_minutes: 30, interviewers: 'one', purpose: 'p', focus: ['x', 'y'] }],
  policy: { min_scorecards: 2, min_coverage: 0.5 },
});

function card(candidate: string, who: string, x: 1 | 2 | 3 | 4, y: 1 | 2 | 3 | 4 | 'insufficient', flags: Scorecard['flags'] = []) {
  const slug = candidate.toLowerCase();
  return {
    file: `${slug}-${who}.yaml`,
    scorecard: {
      format: 'hirekit-scorecard/1' as const,
      rubric: { id: 'r', version: '1.0', hash: 'h' },
      candidate: { name: candidate, slug },
      interviewer: { name: who, slug: who.toLowerCase() },
      stage: 's',
      status: 'submitted' as const,
      created_at: AT,
      updated_at: AT,
      submitted_at: AT,
      ratings: [
        { dimension: 'x', rating: x, evidence: 'evidence for x', at: AT },
        { dimension: 'y', rating: y, evidence: 'evidence for y', at: AT },
      ],
      flags,
      recommendation: 'yes' as const,
      audit: [],
    },
  };
}

describe('buildComparison', () => {
  it('lines up dimension scores, composites, flags and verdicts in the order given', () => {
    const now = new Date(AT);
    const ann = buildDebrief({ rubric, rubricHash: 'h', candidate: { name: 'Ann', slug: 'ann' }, now, scorecards: [card('Ann', 'P', 4, 2), card('Ann', 'Q', 2, 'insufficient')] });
    const bo = buildDebrief({
      rubric,
      rubricHash: 'h',
      candidate: { name: 'Bo', slug: 'bo' },
      now,
      scorecards: [card('Bo', 'P', 3, 3, [{ flag: 'ko', kind: 'red', note: 'a knockout note', at: AT }]), card('Bo', 'Q', 3, 4, [{ flag: 'good', kind: 'green', note: 'a green note', at: AT }])],
    });
    const c = buildComparison([bo, ann], now);
    expect(c.candidates.map((x) => x.name)).toEqual(['Bo', 'Ann']);
    // Bo: x median 3, y median 3.5; composite (75*3 + 25*3.5)/100 = 3.125 -> 3.13.
    // Ann: x median 3 (4 and 2, spread 2), y 2; composite (75*3 + 25*2)/100 = 2.75.
    expect(c.candidates.map((x) => x.scores)).toEqual([[3, 3.5], [3, 2]]);
    expect(c.candidates.map((x) => x.spreads)).toEqual([[0, 1], [2, 0]]);
    expect(c.candidates.map((x) => x.composite)).toEqual([3.13, 2.75]);
    expect(c.candidates.map((x) => x.verdict)).toEqual(['knockout-raised', 'below-bar']);
    expect(c.candidates[0]!.flags).toEqual({ green: 1, concern: 0, red: 1, knockouts: ['Knocked out'] });
    expect(c.candidates.map((x) => x.disagreements)).toEqual([0, 1]);
    expect(c.dimensions.map((d) => d.id)).toEqual(['x', 'y']);
  });
});
