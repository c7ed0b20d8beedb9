// The decision policy at its edges, each expectation computed by hand in the comments. These are the cases
// mutation testing showed unguarded: a policy choice that changes the number, a threshold met exactly,
// two reasons at once, and orderings the committee reads top-down.
import { describe, expect, it } from 'vitest';
import { checkRubric } from '../../src/core/rubric-check.js';
import { debriefOf, testRubric, type CardSpec } from './debrief.fixture.js';

const score = (d: ReturnType<typeof debriefOf>, id: string) => d.dimensions.find((x) => x.id === id)!;

describe('dimension_score: mean versus median', () => {
  // analysis 2, 4, 4: median 4, mean 10/3 = 3.33.  systems 3, 1: median = mean = 2.  people 3.  writing unrated.
  const PANEL: CardSpec[] = [
    { who: 'Ann', stage: 'screen', ratings: { analysis: 2, systems: 3 } },
    { who: 'Ben', stage: 'screen', ratings: { analysis: 4, systems: 1 } },
    { who: 'Cai', stage: 'case', ratings: { analysis: 4, people: 3 } },
  ];

  it('scores each dimension by the mean when the policy says mean, and the verdict follows', () => {
    const d = debriefOf(PANEL, { dimension_score: 'mean' });
    expect(score(d, 'analysis')).toMatchObject({ median: 4, mean: 3.33, score: 3.33 });
    expect(d.dimensions.map((x) => x.score)).toEqual([3.33, 2, 3, null]);
    // (40*3.33 + 30*2 + 20*3) / 90 = (133.2 + 60 + 60) / 90 = 2.8133 -> 2.81, below the bar of 3.
    expect(d.policy.dimension_score).toBe('mean');
    expect(d.policy.composite).toBe(2.81);
    expect(d.policy.hurdles[0]).toMatchObject({ score: 3.33, status: 'met' });
    expect(d.summary.verdict).toBe('below-bar');
    expect(d.summary.reasons).toContain('weighted composite 2.81 is below the bar of 3.00');
  });

  it('scores the same panel by the median by default', () => {
    const d = debriefOf(PANEL);
    expect(score(d, 'analysis')).toMatchObject({ median: 4, mean: 3.33, score: 4 });
    // (40*4 + 30*2 + 20*3) / 90 = 280 / 90 = 3.11, at the bar or above.
    expect(d.policy.dimension_score).toBe('median');
    expect(d.policy.composite).toBe(3.11);
    expect(d.summary.verdict).toBe('at-or-above-bar');
    expect(d.summary.reasons).toContain('weighted composite 3.11 is at or above the bar of 3.00');
  });
});

describe('min_coverage', () => {
  // Ratings on analysis (40) and systems (30) only: 70 of 100 = 0.70 of the weight.
  const PANEL: CardSpec[] = [
    { who: 'Ann', stage: 'screen', ratings: { analysis: 3, systems: 3 } },
    { who: 'Ben', stage: 'screen', ratings: { analysis: 3, systems: 3 } },
    { who: 'Cai', stage: 'case', ratings: { analysis: 3, people: 'insufficient' } },
  ];

  it('counts a rated share exactly at min_coverage as enough', () => {
    const d = debriefOf(PANEL, { min_coverage: 0.7 });
    expect(d.coverage).toMatchObject({ rated_weight: 70, total_weight: 100, rated_share: 0.7 });
    expect(d.policy).toMatchObject({ min_coverage: 0.7, enough_coverage: true, composite: 3 });
    expect(d.summary.verdict).toBe('at-or-above-bar');
    expect(d.summary.reasons.some((r) => r.includes('of the weight was rated'))).toBe(false);
  });

  it('counts a share one point below min_coverage as not enough, and says by how much', () => {
    const d = debriefOf(PANEL, { min_coverage: 0.71 });
    expect(d.policy.enough_coverage).toBe(false);
    expect(d.summary.verdict).toBe('not-enough-evidence');
    expect(d.summary.reasons).toContain('70% of the weight was rated; the policy asks for at least 71%');
    expect(d.summary.reasons.at(-1)).toBe('weights renormalised over rated dimensions; left out: Dim people, Dim writing');
  });
});

describe('verdict precedence', () => {
  it('says "not enough evidence" before "hurdle failed" when both hold, and gives both reasons', () => {
    // Two scorecards of the three the policy asks for; analysis 2, 2: median 2 < hurdle 3.
    // Composite (40*2 + 30*3 + 20*4) / 90 = 250 / 90 = 2.78; writing unrated, coverage 0.9.
    const d = debriefOf([
      { who: 'Ann', stage: 'screen', ratings: { analysis: 2, systems: 3 } },
      { who: 'Ben', stage: 'case', ratings: { analysis: 2, people: 4 } },
    ]);
    expect(d.policy).toMatchObject({ submitted: 2, enough_scorecards: false, enough_coverage: true, composite: 2.78 });
    expect(d.policy.hurdles).toEqual([{ dimension: 'analysis', name: 'Dim analysis', min_level: 3, score: 2, status: 'failed' }]);
    expect(d.summary).toMatchObject({ verdict: 'not-enough-evidence', label: 'not enough evidence' });
    expect(d.summary.reasons).toEqual([
      '2 submitted scorecards; the policy asks for at least 3',
      'hurdle Dim analysis failed: 2.00 is below 3',
      'weighted composite 2.78 is below the bar of 3.00',
      'weights renormalised over rated dimensions; left out: Dim writing',
    ]);
  });

  it('says "hurdle failed" with enough scorecards even when the composite clears the bar', () => {
    const d = debriefOf([
      { who: 'Ann', stage: 'screen', ratings: { analysis: 2, systems: 4 } },
      { who: 'Ben', stage: 'case', ratings: { analysis: 2, people: 4 } },
      { who: 'Cai', stage: 'onsite', ratings: { people: 4, writing: 4 } },
    ]);
    // (40*2 + 30*4 + 20*4 + 10*4) / 100 = 3.20.
    expect(d.policy.composite).toBe(3.2);
    expect(d.summary.verdict).toBe('hurdle-failed');
    expect(d.summary.reasons.slice(0, 2)).toEqual(['hurdle Dim analysis failed: 2.00 is below 3', 'weighted composite 3.20 is at or above the bar of 3.00']);
  });

  it('says "knockout raised" before "not enough evidence"', () => {
    const d = debriefOf([{ who: 'Ann', stage: 'screen', ratings: { analysis: 4 }, flags: [{ flag: 'dishonest', kind: 'red', note: 'Took credit for a team launch.' }] }]);
    expect(d.summary.verdict).toBe('knockout-raised');
    expect(d.summary.reasons.slice(0, 2)).toEqual([
      'knockout flag "Misrepresents past work" raised by Ann',
      '1 submitted scorecard; the policy asks for at least 3',
    ]);
    expect(d.warnings[0]!.message).toBe('only 1 submitted scorecard; the policy asks for at least 3 before a debrief is relied on');
  });

  it('says "not enough evidence" when nothing was rated, even with no coverage asked for and no hurdle', () => {
    const d = debriefOf(
      [
        { who: 'Ann', stage: 'screen', ratings: { analysis: 'insufficient' } },
        { who: 'Ben', stage: 'screen', ratings: {} },
        { who: 'Cai', stage: 'case', ratings: {} },
      ],
      { min_coverage: 0, hurdles: [] },
    );
    expect(d.policy).toMatchObject({ composite: null, enough_coverage: true, enough_scorecards: true });
    expect(d.summary.verdict).toBe('not-enough-evidence');
  });
});

describe('agenda', () => {
  it('puts the widest disagreement first, whatever the rubric order', () => {
    // analysis 2, 4, 3: spread 2.  systems 1, 4: spread 3.  people 3, 4: spread 1, not on the agenda.
    const d = debriefOf([
      { who: 'Ann', stage: 'screen', ratings: { analysis: 2, systems: 1 } },
      { who: 'Ben', stage: 'screen', ratings: { analysis: 4, systems: 4 } },
      { who: 'Cai', stage: 'case', ratings: { analysis: 3, people: 3 } },
      { who: 'Dee', stage: 'onsite', ratings: { people: 4 } },
    ]);
    expect(d.dimensions.map((x) => [x.id, x.spread, x.disagreement])).toEqual([
      ['analysis', 2, true],
      ['systems', 3, true],
      ['people', 1, false],
      ['writing', null, false],
    ]);
    // The agenda also holds other concerns (issue 13's order); among the disagreements the widest comes first.
    expect(d.agenda.filter((a) => a.kind === 'disagreement')).toMatchObject([
      {
        kind: 'disagreement',
        dimension: { id: 'systems', name: 'Dim systems' },
        spread: 3,
        low: { rating: 1, interviewers: [{ name: 'Ann', slug: 'ann' }] },
        high: { rating: 4, interviewers: [{ name: 'Ben', slug: 'ben' }] },
      },
      {
        kind: 'disagreement',
        dimension: { id: 'analysis', name: 'Dim analysis' },
        spread: 2,
        low: { rating: 2, interviewers: [{ name: 'Ann', slug: 'ann' }] },
        high: { rating: 4, interviewers: [{ name: 'Ben', slug: 'ben' }] },
      },
    ]);
  });
});

describe('flags', () => {
  it('lists a knockout before a plain red flag the rubric names first, and green last', () => {
    // The rubric lists red `vague` before the knockout `dishonest`; Ann raises vague and the green flag
    // first, Cai raises dishonest last.
    const d = debriefOf([
      {
        who: 'Ann',
        stage: 'screen',
        ratings: { analysis: 3 },
        flags: [
          { flag: 'clear-thinker', kind: 'green', note: 'Framed the problem in a minute.' },
          { flag: 'vague', kind: 'red', note: 'No numbers for the migration.' },
        ],
      },
      { who: 'Ben', stage: 'screen', ratings: { systems: 3 }, flags: [{ flag: 'vague', kind: 'red', note: 'Could not say what broke.' }] },
      { who: 'Cai', stage: 'case', ratings: { people: 3 }, flags: [{ flag: 'dishonest', kind: 'red', note: 'The reference contradicts the story.' }] },
    ]);
    expect(d.flags.map((f) => [f.id, f.kind, f.knockout, f.raised_by.map((r) => r.interviewer.name)])).toEqual([
      ['dishonest', 'red', true, ['Cai']],
      ['vague', 'red', false, ['Ann', 'Ben']],
      ['clear-thinker', 'green', false, ['Ann']],
    ]);
    expect(d.flags[1]!.raised_by.map((r) => [r.panel, r.stage, r.note])).toEqual([
      [0, 'screen', 'No numbers for the migration.'],
      [1, 'screen', 'Could not say what broke.'],
    ]);
    expect(d.policy.knockouts.map((k) => k.flag)).toEqual(['dishonest']);
    // Knockouts open the agenda; each of the three dimensions rated by one interviewer only follows.
    expect(d.agenda.map((a) => a.kind)).toEqual(['knockout', 'single-rating', 'single-rating', 'single-rating']);
  });
});

describe('weights_total: 1 with fractional weights', () => {
  const WEIGHTS = [0.4, 0.3, 0.2, 0.1]; // adds up to 0.9999999999999999 in floating point

  it('accepts weights that add up to weights_total within rounding', () => {
    expect(checkRubric(testRubric({ weights_total: 1 }, WEIGHTS)).filter((f) => f.code === 'weights-total')).toEqual([]);
  });

  it('warns when fractional weights miss weights_total, naming both numbers', () => {
    const findings = checkRubric(testRubric({ weights_total: 1 }, [0.4, 0.3, 0.1, 0.1])).filter((f) => f.code === 'weights-total');
    expect(findings).toEqual([
      {
        severity: 'warning',
        code: 'weights-total',
        path: ['policy', 'weights_total'],
        message: 'dimension weights add up to 0.9, but policy.weights_total is 1; adjust the weights or weights_total',
      },
    ]);
  });

  it('gives the same shares, coverage and composite as the same weights in percent', () => {
    const panel: CardSpec[] = [
      { who: 'Ann', stage: 'screen', ratings: { analysis: 3, systems: 2 } },
      { who: 'Ben', stage: 'screen', ratings: { analysis: 4, systems: 4 } },
      { who: 'Cai', stage: 'case', ratings: { analysis: 'insufficient', systems: 3, people: 2 } },
    ];
    const fractional = debriefOf(panel, { weights_total: 1 }, WEIGHTS);
    // analysis 3.5, systems 3, people 2, writing unrated: (0.4*3.5 + 0.3*3 + 0.2*2) / 0.9 = 2.7 / 0.9 = 3.00.
    expect(fractional.policy.composite).toBe(3);
    expect(fractional.policy.weights.map((w) => [w.weight, w.share])).toEqual([
      [0.4, 0.44],
      [0.3, 0.33],
      [0.2, 0.22],
      [0.1, null],
    ]);
    expect(fractional.coverage.rated_share).toBe(0.9);
    expect(fractional.coverage.total_weight).toBeCloseTo(1, 12);
    expect(fractional.summary.verdict).toBe('at-or-above-bar');
    const percent = debriefOf(panel);
    expect(fractional.policy.composite).toBe(percent.policy.composite);
    expect(fractional.policy.weights.map((w) => w.share)).toEqual(percent.policy.weights.map((w) => w.share));
    expect(fractional.coverage.rated_share).toBe(percent.coverage.rated_share);
  });
});
