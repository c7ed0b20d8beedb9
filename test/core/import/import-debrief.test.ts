// An imported rating without evidence in the debrief: counted like any rating, shown as having none, and
// named in a warning; the scorecard schema accepts it only with no_evidence in place of evidence.
import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../../src/core/debrief.js';
import { Scorecard } from '../../../src/core/scorecard.js';
import { debriefView } from '../../../src/render/debrief-view.js';
import { AT, HASH, card, testRubric } from '../debrief.fixture.js';

function imported() {
  const ana = card({ who: 'Ana', stage: 'screen', ratings: { analysis: 2, systems: 3 } });
  const [analysis, systems] = ana.scorecard.ratings;
  ana.scorecard.ratings = [{ dimension: 'analysis', rating: analysis!.rating, no_evidence: 'the Greenhouse scorecard gave this rating without a note', at: AT }, systems!];
  ana.scorecard.audit = [{ at: AT, action: 'import', reason: 'imported from Greenhouse scorecard 1 in gh.json', source: { system: 'greenhouse', file: 'gh.json', scorecard_id: '1' } }];
  return ana;
}

describe('a rating imported without evidence', () => {
  it('counts in the statistics, carries evidence null and why, and is named in a warning', () => {
    const bo = card({ who: 'Bo', stage: 'case', ratings: { analysis: 4, people: 3 } });
    const debrief = buildDebrief({ rubric: testRubric(), rubricHash: HASH, candidate: { name: 'Kim Zoë', slug: 'kim-zoe' }, scorecards: [imported(), bo].map((c) => ({ ...c, integrity: 'legacy' as const })), now: new Date(AT) });
    const analysis = debrief.dimensions.find((d) => d.id === 'analysis')!;
    // Ana 2 (no note) and Bo 4: median (2 + 4) / 2 = 3.
    expect(analysis.count).toBe(2);
    expect(analysis.median).toBe(3);
    expect(analysis.ratings.map((r) => [r.interviewer.name, r.evidence, r.no_evidence])).toEqual([
      ['Ana', null, 'the Greenhouse scorecard gave this rating without a note'],
      ['Bo', 'Bo on analysis', undefined],
    ]);
    expect(debrief.warnings.filter((w) => w.code === 'imported-without-evidence').map((w) => w.message)).toEqual([
      'Ana\'s Screen scorecard, imported from Greenhouse, rates Dim analysis without evidence; the rating counts, marked "no evidence"',
    ]);
    const view = debriefView(debrief);
    const shown = view.dimensions.find((d) => d.id === 'analysis')!.ratings;
    expect(shown.map((r) => [r.name, r.evidence, r.no_evidence])).toEqual([
      ['Ana', '', 'No evidence: the Greenhouse scorecard gave this rating without a note'],
      ['Bo', 'Bo on analysis', ''],
    ]);
  });

  it('is refused by the scorecard schema unless it says why, and never with both', () => {
    const sc = imported().scorecard;
    expect(Scorecard.safeParse(sc).success).toBe(true);
    const bare = { ...sc, ratings: [{ dimension: 'analysis', rating: 2, at: AT }] };
    expect(Scorecard.safeParse(bare).error?.issues[0]?.message).toBe('a rating needs its evidence (or, when imported without any, no_evidence saying why), not both');
    const both = { ...sc, ratings: [{ dimension: 'analysis', rating: 2, evidence: 'Said so', no_evidence: 'none', at: AT }] };
    expect(Scorecard.safeParse(both).success).toBe(false);
  });
});
