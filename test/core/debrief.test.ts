// Aggregation with hand-computed expectations. The rubric has four dimensions weighted 40/30/20/10, a
// hurdle on `analysis` (at least 3), a knockout red flag, and a three-stage loop.
import { describe, expect, it } from 'vitest';
import { buildDebrief, type DebriefInput } from '../../src/core/debrief.js';
import { Rubric } from '../../src/core/rubric.js';
import type { Scorecard } from '../../src/core/scorecard.js';
import { round2, spreadOf, weightedMean } from '../../src/core/statistics.js';

const anchors = { 1: 'one', 2: 'two', 3: 'three', 4: 'four' };
const dimension = (id: string, weight: number) => ({ id, name: `Dim ${id}`, measures: 'something', weight, anchors });

function rubric(policy: Record<string, unknown> = {}): Rubric {
  return Rubric.parse({
    role: { id: 'test-role', title: 'Test Role', level: 'Senior', summary: 'For tests.', sources: [{ file: 'x.txt', section: '1' }] },
    version: '2.0',
    scale: {
      1: { label: 'well below', meaning: 'm' },
      2: { label: 'below', meaning: 'm' },
      3: { label: 'meets', meaning: 'm' },
      4: { label: 'exceeds', meaning: 'm' },
      insufficient: { label: 'insufficient evidence', meaning: 'm' },
    },
    dimensions: [dimension('analysis', 40), dimension('systems', 30), dimension('people', 20), dimension('writing', 10)],
    flags: {
      green: [{ id: 'clear-thinker', text: 'Thinks clearly', dimension: 'analysis' }],
      concern: [{ id: 'hedges', text: 'Hedges every estimate', dimensions: ['analysis', 'writing'] }],
      red: [
        { id: 'vague', text: 'Stays vague', dimension: 'systems' },
        { id: 'dishonest', text: 'Misrepresents past work', dimension: 'people', knockout: true },
      ],
    },
    loop: [
      { id: 'screen', name: 'Screen', duration_minutes: 30, interviewers: 'HM', purpose: 'p', focus: ['analysis', 'systems'] },
      { id: 'onsite', name: 'Onsite', duration_minutes: 60, interviewers: 'Two', purpose: 'p', focus: ['people', 'writing'] },
      { id: 'case', name: 'Case', duration_minutes: 60, interviewers: 'One', purpose: 'p', focus: ['analysis', 'people'] },
    ],
    policy: { weights_total: 100, dimension_score: 'median', bar: 3, hurdles: [{ dimension: 'analysis', min_level: 3 }], min_scorecards: 3, min_coverage: 0.75, ...policy },
  });
}

const AT = '2026-11-20T10:00:00Z';
const HASH = 'sha256:current';

interface CardSpec {
  who: string;
  stage: string;
  ratings: Record<string, 1 | 2 | 3 | 4 | 'insufficient'>;
  flags?: Array<{ flag: string; kind: 'green' | 'concern' | 'red'; note: string }>;
  status?: 'draft' | 'submitted';
  version?: string;
  hash?: string;
  recommendation?: Scorecard['recommendation'];
}

function card(spec: CardSpec): { file: string; scorecard: Scorecard } {
  const slug = spec.who.toLowerCase();
  const status = spec.status ?? 'submitted';
  return {
    file: `/ws/candidates/kim/scorecards/${spec.stage}--${slug}.yaml`,
    scorecard: {
      format: 'hirekit-scorecard/1',
      rubric: { id: 'test-role', version: spec.version ?? '2.0', hash: spec.hash ?? HASH },
      candidate: { name: 'Kim Zoë', slug: 'kim-zoe' },
      interviewer: { name: spec.who, slug },
      stage: spec.stage,
      status,
      created_at: AT,
      updated_at: AT,
      ...(status === 'submitted' ? { submitted_at: AT } : {}),
      ratings: Object.entries(spec.ratings).map(([dimension, rating]) => ({ dimension, rating, evidence: `${spec.who} on ${dimension}`, at: AT })),
      flags: (spec.flags ?? []).map((f) => ({ ...f, at: AT })),
      ...(status === 'submitted' ? { recommendation: spec.recommendation ?? 'yes' } : {}),
      audit: [],
    },
  };
}

function debrief(cards: CardSpec[], policy: Record<string, unknown> = {}) {
  const input: DebriefInput = {
    rubric: rubric(policy),
    rubricHash: HASH,
    candidate: { name: 'Kim Zoë', slug: 'kim-zoe' },
    scorecards: cards.map(card),
    now: new Date(AT),
  };
  return buildDebrief(input);
}

// A full panel: analysis 3, 4, ? ; systems 2, 4, 3 ; people 2 ; writing unrated.
const PANEL: CardSpec[] = [
  { who: 'Ann', stage: 'screen', ratings: { analysis: 3, systems: 2 }, recommendation: 'no' },
  { who: 'Ben', stage: 'screen', ratings: { analysis: 4, systems: 4 }, recommendation: 'strong-yes' },
  { who: 'Cai', stage: 'case', ratings: { analysis: 'insufficient', systems: 3, people: 2 }, recommendation: 'yes' },
];

describe('statistics', () => {
  it('takes the median of an even count as the mean of the middle two', () => {
    expect(spreadOf([4, 2])).toEqual({ count: 2, median: 3, mean: 3, min: 2, max: 4 });
    expect(spreadOf([1, 4, 4])).toEqual({ count: 3, median: 4, mean: 3, min: 1, max: 4 });
    expect(spreadOf([])).toBeUndefined();
  });

  it('renormalises weights over the items that have a value', () => {
    // (40*3 + 10*1) / 50 = 2.6; the 50-weight item without a value drops out.
    expect(weightedMean([{ weight: 40, value: 3 }, { weight: 50, value: undefined }, { weight: 10, value: 1 }])).toBe(2.6);
    expect(weightedMean([{ weight: 1, value: undefined }])).toBeUndefined();
    expect(round2(8 / 3)).toBe(2.67);
  });
});

describe('buildDebrief', () => {
  it('counts insufficient evidence but keeps it out of every statistic', () => {
    const d = debrief(PANEL);
    const analysis = d.dimensions.find((x) => x.id === 'analysis')!;
    expect(analysis.ratings.map((r) => r.rating)).toEqual([3, 4, 'insufficient']);
    expect(analysis).toMatchObject({ count: 2, insufficient: 1, median: 3.5, mean: 3.5, min: 3, max: 4, spread: 1, score: 3.5, disagreement: false });
    // Had "insufficient" counted as a 1, the median would be 3 and the mean 2.67.
  });

  it('treats a dimension rated only "insufficient" as unrated', () => {
    const d = debrief([{ who: 'Ann', stage: 'onsite', ratings: { writing: 'insufficient' } }]);
    const writing = d.dimensions.find((x) => x.id === 'writing')!;
    expect(writing).toMatchObject({ count: 0, insufficient: 1, median: null, mean: null, score: null });
    expect(d.coverage.unrated_dimensions.find((u) => u.id === 'writing')).toEqual({ id: 'writing', name: 'Dim writing', weight: 10, insufficient: 1 });
  });

  it('puts a two-level spread on the agenda with the interviewers at each end', () => {
    const d = debrief(PANEL);
    const systems = d.dimensions.find((x) => x.id === 'systems')!;
    expect(systems).toMatchObject({ median: 3, mean: 3, min: 2, max: 4, spread: 2, disagreement: true });
    expect(d.agenda).toEqual([
      {
        kind: 'disagreement',
        dimension: { id: 'systems', name: 'Dim systems' },
        spread: 2,
        low: { rating: 2, interviewers: [{ name: 'Ann', slug: 'ann' }] },
        high: { rating: 4, interviewers: [{ name: 'Ben', slug: 'ben' }] },
      },
    ]);
  });

  it('renormalises the composite over rated dimensions and says which weight was left out', () => {
    const d = debrief(PANEL);
    // Scores: analysis 3.5 (w40), systems 3 (w30), people 2 (w20); writing unrated (w10).
    // Composite = (40*3.5 + 30*3 + 20*2) / (40+30+20) = (140 + 90 + 40) / 90 = 3.00.
    expect(d.policy.composite).toBe(3);
    expect(d.policy.renormalised).toBe(true);
    expect(d.policy.excluded).toEqual(['writing']);
    expect(d.policy.weights.map((w) => w.share)).toEqual([0.44, 0.33, 0.22, null]);
    expect(d.coverage).toMatchObject({ rated_weight: 90, total_weight: 100, rated_share: 0.9 });
    expect(d.coverage.stages_without_scorecard).toEqual([{ id: 'onsite', name: 'Onsite', optional: false }]);
    // Hurdle analysis 3.5 >= 3 met; coverage 0.9 >= 0.75; 3 scorecards; composite 3.00 >= bar 3.
    expect(d.policy.hurdles).toEqual([{ dimension: 'analysis', name: 'Dim analysis', min_level: 3, score: 3.5, status: 'met' }]);
    expect(d.summary.verdict).toBe('at-or-above-bar');
    expect(d.summary.notice).toMatch(/not the decision/);
    expect(d.summary.reasons).toContain('weights renormalised over rated dimensions; left out: Dim writing');
  });

  it('uses the mean when the policy says so', () => {
    const d = debrief([...PANEL, { who: 'Dee', stage: 'onsite', ratings: { people: 4, writing: 1 } }], { dimension_score: 'mean' });
    // analysis mean 3.5, systems mean 3, people mean (2+4)/2 = 3, writing 1.
    // Composite = (40*3.5 + 30*3 + 20*3 + 10*1) / 100 = (140 + 90 + 60 + 10) / 100 = 3.00.
    expect(d.dimensions.map((x) => x.score)).toEqual([3.5, 3, 3, 1]);
    expect(d.policy.composite).toBe(3);
    expect(d.policy.renormalised).toBe(false);
    expect(d.policy.weights.map((w) => w.share)).toEqual([0.4, 0.3, 0.2, 0.1]);
  });

  it('fails a hurdle when the dimension score is below its minimum, whatever the composite', () => {
    const d = debrief([
      { who: 'Ann', stage: 'screen', ratings: { analysis: 2, systems: 4 } },
      { who: 'Ben', stage: 'case', ratings: { analysis: 3, people: 4 } },
      { who: 'Cai', stage: 'onsite', ratings: { people: 4, writing: 4 } },
    ]);
    // analysis median (2+3)/2 = 2.5 < 3. Composite (40*2.5 + 30*4 + 20*4 + 10*4)/100 = 3.40, above the bar.
    expect(d.policy.hurdles[0]).toMatchObject({ score: 2.5, status: 'failed' });
    expect(d.policy.composite).toBe(3.4);
    expect(d.summary).toMatchObject({ verdict: 'hurdle-failed', label: 'below bar (hurdle failed)' });
  });

  it('calls an unassessed hurdle "not enough evidence", never "below bar"', () => {
    const d = debrief([
      { who: 'Ann', stage: 'screen', ratings: { analysis: 'insufficient', systems: 4 } },
      { who: 'Ben', stage: 'onsite', ratings: { people: 4, writing: 4 } },
      { who: 'Cai', stage: 'case', ratings: { people: 4 } },
    ]);
    expect(d.policy.hurdles[0]).toMatchObject({ score: null, status: 'not-assessed' });
    expect(d.summary.verdict).toBe('not-enough-evidence');
  });

  it('says "not enough evidence" when the rated weight is below min_coverage', () => {
    const d = debrief([
      { who: 'Ann', stage: 'screen', ratings: { analysis: 4 } },
      { who: 'Ben', stage: 'screen', ratings: { analysis: 4 } },
      { who: 'Cai', stage: 'onsite', ratings: { writing: 4 } },
    ]);
    // Rated weight 40 + 10 = 50 of 100: 0.5 < 0.75.
    expect(d.coverage.rated_share).toBe(0.5);
    expect(d.policy.enough_coverage).toBe(false);
    expect(d.policy.composite).toBe(4);
    expect(d.summary.verdict).toBe('not-enough-evidence');
  });

  it('puts a raised knockout above everything else and on the agenda', () => {
    const cards = PANEL.map((c) => ({ ...c }));
    cards[2] = { ...cards[2]!, flags: [{ flag: 'dishonest', kind: 'red', note: 'Claimed to have led the launch; the reference says otherwise.' }] };
    cards[0] = { ...cards[0]!, flags: [{ flag: 'clear-thinker', kind: 'green', note: 'Structured the problem in two minutes.' }] };
    const d = debrief(cards);
    expect(d.summary.verdict).toBe('knockout-raised');
    expect(d.policy.knockouts).toEqual([
      { flag: 'dishonest', text: 'Misrepresents past work', dimension: 'people', raised_by: [{ name: 'Cai', slug: 'cai' }] },
    ]);
    expect(d.flags.map((f) => [f.id, f.kind, f.knockout, f.raised_by.map((r) => r.interviewer.name)])).toEqual([
      ['dishonest', 'red', true, ['Cai']],
      ['clear-thinker', 'green', false, ['Ann']],
    ]);
    expect(d.agenda[0]).toMatchObject({ kind: 'knockout', flag: 'dishonest', raised_by: [{ name: 'Cai' }] });
    expect(d.agenda[1]).toMatchObject({ kind: 'disagreement', dimension: { id: 'systems' } });
  });

  it('names red flags among the reasons; a concern only when two interviewers noted it', () => {
    const cards = PANEL.map((c) => ({ ...c }));
    const hedges = { flag: 'hedges', kind: 'concern' as const, note: 'Would not commit to any number for the launch.' };
    cards[0] = { ...cards[0]!, flags: [hedges] };
    cards[1] = { ...cards[1]!, flags: [{ flag: 'vague', kind: 'red', note: 'Could not say what the system did on failure.' }] };
    const once = debrief(cards);
    expect(once.flags.map((f) => [f.id, f.tier, f.dimensions.map((x) => x.id)])).toEqual([
      ['vague', 'red', ['systems']],
      ['hedges', 'concern', ['analysis', 'writing']],
    ]);
    expect(once.policy.red_flags).toEqual([{ flag: 'vague', text: 'Stays vague', raised_by: [{ name: 'Ben', slug: 'ben' }] }]);
    expect(once.policy.corroborated_concerns).toEqual([]);
    expect(once.summary.reasons[0]).toBe('red flag "Stays vague" raised by Ben');
    expect(once.summary.reasons.join(' ')).not.toContain('Hedges');
    // The same concern from a second interviewer is corroborated and becomes a reason; the verdict stays mechanical.
    cards[2] = { ...cards[2]!, flags: [{ ...hedges, note: 'Gave a range so wide it could not guide a decision.' }] };
    const twice = debrief(cards);
    expect(twice.policy.corroborated_concerns.map((c) => c.raised_by.map((r) => r.name))).toEqual([['Ann', 'Cai']]);
    expect(twice.summary.reasons[1]).toBe('concern "Hedges every estimate" noted independently by Ann, Cai');
    expect(twice.summary.verdict).toBe(once.summary.verdict);
  });

  it('lists drafts and leaves them out of every number', () => {
    const d = debrief([...PANEL, { who: 'Dee', stage: 'onsite', status: 'draft', ratings: { analysis: 1, writing: 1 } }]);
    expect(d.drafts).toEqual([
      { interviewer: { name: 'Dee', slug: 'dee' }, stage: { id: 'onsite', name: 'Onsite' }, file: '/ws/candidates/kim/scorecards/onsite--dee.yaml', updated_at: AT },
    ]);
    expect(d.panel.map((p) => p.interviewer.name)).toEqual(['Ann', 'Ben', 'Cai']);
    expect(d.dimensions.find((x) => x.id === 'analysis')).toMatchObject({ count: 2, median: 3.5 });
    expect(d.dimensions.find((x) => x.id === 'writing')).toMatchObject({ count: 0, score: null });
    expect(d.coverage.stages_without_scorecard.map((s) => s.id)).toEqual(['onsite']);
    expect(d.policy.composite).toBe(3);
  });

  it('warns about scorecards made against another rubric version, and still counts them', () => {
    const cards = PANEL.map((c) => ({ ...c }));
    cards[1] = { ...cards[1]!, version: '1.4', hash: 'sha256:old' };
    cards[2] = { ...cards[2]!, hash: 'sha256:edited' };
    const d = debrief(cards);
    expect(d.panel.map((p) => p.rubric_mismatch)).toEqual([false, true, true]);
    expect(d.warnings.map((w) => w.code)).toEqual(['rubric-mismatch', 'rubric-mismatch']);
    expect(d.warnings[0]!.message).toBe("Ben's Screen scorecard was made against rubric v1.4, not the current v2.0; its ratings are included and marked");
    expect(d.warnings[1]!.message).toContain('an edited copy of rubric v2.0');
    expect(d.dimensions.find((x) => x.id === 'analysis')!.count).toBe(2);
  });

  it('says so first when there are fewer submitted scorecards than the minimum', () => {
    const d = debrief(PANEL.slice(0, 2));
    expect(d.policy).toMatchObject({ submitted: 2, min_scorecards: 3, enough_scorecards: false });
    expect(d.warnings[0]).toEqual({
      code: 'below-min-scorecards',
      message: 'only 2 submitted scorecards; the policy asks for at least 3 before a debrief is relied on',
    });
    expect(d.summary.verdict).toBe('not-enough-evidence');
    expect(d.summary.reasons[0]).toBe('2 submitted scorecards; the policy asks for at least 3');
  });

  it('says "no submitted scorecards yet" when there are only drafts', () => {
    const d = debrief([{ who: 'Dee', stage: 'onsite', status: 'draft', ratings: { people: 4 } }]);
    expect(d.panel).toEqual([]);
    expect(d.warnings[0]!.message).toBe('no submitted scorecards yet; the policy asks for at least 3 before a debrief is relied on');
    expect(d.policy.composite).toBeNull();
    expect(d.summary.verdict).toBe('not-enough-evidence');
  });

  it('tallies recommendations over submitted scorecards only', () => {
    const d = debrief([...PANEL, { who: 'Dee', stage: 'onsite', status: 'draft', ratings: { people: 1 } }]);
    expect(d.tally).toEqual({ counts: { 'strong-no': 0, no: 1, yes: 1, 'strong-yes': 1, none: 0 }, submitted: 3 });
  });

  it('returns a composite of null and "not enough evidence" when nothing was rated', () => {
    const d = debrief([
      { who: 'Ann', stage: 'screen', ratings: { analysis: 'insufficient' } },
      { who: 'Ben', stage: 'screen', ratings: {} },
      { who: 'Cai', stage: 'case', ratings: {} },
    ]);
    expect(d.policy.composite).toBeNull();
    expect(d.policy.renormalised).toBe(false);
    expect(d.coverage.rated_share).toBe(0);
    expect(d.summary.verdict).toBe('not-enough-evidence');
  });

  it('labels an interviewer with two scorecards by stage and orders the panel by the loop', () => {
    const d = debrief([
      { who: 'Ann', stage: 'case', ratings: { people: 3 } },
      { who: 'Ann', stage: 'screen', ratings: { analysis: 3 } },
      { who: 'Ben', stage: 'onsite', ratings: { writing: 3 } },
    ]);
    expect(d.panel.map((p) => p.label)).toEqual(['Ann (Screen)', 'Ben', 'Ann (Case)']);
    expect(d.format).toBe('hirekit-debrief/1');
  });
});
