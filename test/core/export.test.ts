import { describe, expect, it } from 'vitest';
import { buildCalibration } from '../../src/core/calibration/calibration.js';
import type { CommitteeDecision } from '../../src/core/debrief-model.js';
import { calibrationColumns, calibrationRows, debriefRow, neutraliseFormula } from '../../src/core/export.js';
import { AT, HASH, card, debriefOf, testRubric } from './debrief.fixture.js';

describe('neutraliseFormula (OWASP CSV injection)', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '\tplain', '\rplain'])('prefixes %j with a quote', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });
  it('leaves text, numbers and empty cells alone', () => {
    expect(neutraliseFormula('Zoë said = is fine')).toBe('Zoë said = is fine');
    expect(neutraliseFormula('a\ttab inside')).toBe('a\ttab inside');
    expect(neutraliseFormula(-2)).toBe(-2);
    expect(neutraliseFormula(null)).toBe(null);
    expect(neutraliseFormula('')).toBe('');
  });
});

describe('debriefRow', () => {
  const cards = [
    { who: 'Ana', stage: 'screen', ratings: { analysis: 3, systems: 4 } },
    { who: 'Ben', stage: 'onsite', ratings: { people: 3, writing: 'insufficient' } },
    { who: 'Cai', stage: 'case', ratings: { analysis: 4, people: 2 } },
  ] as const;

  it('leaves the decision cells empty before the committee decides', () => {
    expect(debriefRow(debriefOf(cards))).toMatchObject({ candidate: 'Kim Zoë', submitted_scorecards: 3, decision: null, decided_at: null, decided_by: null });
  });

  it("copies the committee's submitted decision: outcome, when, and the participants", () => {
    const decision = { outcome: 'hold', decided_at: '2026-11-21T09:00:00Z', participants: ['Zoë Łukasz', 'Wei Zhang (张伟)'] } as Partial<CommitteeDecision> as CommitteeDecision;
    expect(debriefRow({ ...debriefOf(cards), decision })).toMatchObject({ decision: 'hold', decided_at: '2026-11-21T09:00:00Z', decided_by: 'Zoë Łukasz; Wei Zhang (张伟)' });
  });
});

describe('calibrationRows', () => {
  // Two candidates, Ana and Ben on both: Ana rates analysis 4 and 3, Ben 2 and insufficient.
  const scorecards = (slug: string, ana: 3 | 4, ben: 2 | 'insufficient') => [
    card({ who: 'Ana', stage: 'screen', ratings: { analysis: ana, systems: 3 }, recommendation: 'yes' }),
    card({ who: 'Ben', stage: 'case', ratings: { analysis: ben, people: 2 }, recommendation: 'no' }),
  ].map((s) => ({ ...s, scorecard: { ...s.scorecard, candidate: { name: slug, slug } } }));
  const calibration = buildCalibration({
    roles: [{ rubric: testRubric(), rubricHash: HASH, candidates: [{ candidate: { name: 'kim', slug: 'kim' }, scorecards: scorecards('kim', 4, 2) }, { candidate: { name: 'lee', slug: 'lee' }, scorecards: scorecards('lee', 3, 'insufficient') }] }],
    now: new Date(AT),
    settings: { replicates: 10 },
  });
  const rows = calibrationRows(calibration);

  it('has a column per level of the longest scale', () => {
    const columns = calibrationColumns(calibration);
    expect(columns.filter((c) => c.startsWith('level_'))).toEqual(['level_1', 'level_2', 'level_3', 'level_4']);
    for (const row of rows) for (const key of Object.keys(row)) expect(columns, key).toContain(key);
  });

  it('a panel row, then a row per interviewer, per dimension, per interviewer and dimension, per candidate', () => {
    expect(rows.map((r) => r.scope)).toEqual(['panel', 'interviewer', 'interviewer', ...Array(4).fill('dimension'), ...Array(4).fill('interviewer-dimension'), 'candidate', 'candidate']);
    expect(rows[0]).toMatchObject({ role: 'test-role', candidates: 2, scorecards: 4, interviewers: 2, drafts_left_out: 0 });
  });

  it('counts each interviewer\'s answers, levels and recommendations', () => {
    const ana = rows.find((r) => r.scope === 'interviewer' && r.interviewer === 'Ana')!;
    // analysis 4 and 3, systems 3 twice.
    expect(ana).toMatchObject({ scorecards: 2, candidates: 2, answers: 4, rated: 4, insufficient: 0, level_1: 0, level_2: 0, level_3: 3, level_4: 1, recommend_yes: 2, recommend_no: 0 });
    const ben = rows.find((r) => r.scope === 'interviewer' && r.interviewer === 'Ben')!;
    // analysis 2 and insufficient, people 2 twice.
    expect(ben).toMatchObject({ answers: 4, rated: 3, insufficient: 1, insufficient_share: 0.25, level_2: 3, recommend_no: 2 });
    // Two shared candidates are fewer than the five a lean needs.
    expect(ben).toMatchObject({ lean: null, lean_reading: 'too-few-shared-candidates', shared_candidates: 1 });
    const benAnalysis = rows.find((r) => r.scope === 'interviewer-dimension' && r.interviewer === 'Ben' && r.dimension === 'analysis')!;
    expect(benAnalysis).toMatchObject({ answers: 2, rated: 1, insufficient: 1, level_2: 1 });
  });

  it('describes each dimension: answers, insufficient share and spread', () => {
    const analysis = rows.find((r) => r.scope === 'dimension' && r.dimension === 'analysis')!;
    // 4, 2, 3 and one insufficient: sd of (4, 2, 3) is 1.
    expect(analysis).toMatchObject({ answers: 4, rated: 3, insufficient: 1, insufficient_share: 0.25, level_2: 1, level_3: 1, level_4: 1, sd: 1 });
    const writing = rows.find((r) => r.scope === 'dimension' && r.dimension === 'writing')!;
    expect(writing).toMatchObject({ answers: 0, rated: 0, sd: null });
  });
});
