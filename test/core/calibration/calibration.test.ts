// Leniency, adjusted scores and the calibration object, on small panels worked out by hand.
import { describe, expect, it } from 'vitest';
import { buildCalibration, type CalibrationRoleInput } from '../../../src/core/calibration/calibration.js';
import { leniencyOf, additiveLeans } from '../../../src/core/calibration/leniency.js';
import type { PanelData } from '../../../src/core/calibration/panel.js';
import { Rubric } from '../../../src/core/rubric.js';
import type { Scorecard } from '../../../src/core/scorecard.js';

const anchors = { 1: 'one', 2: 'two', 3: 'three', 4: 'four' };

function rubric(policy: Record<string, unknown> = {}): Rubric {
  return Rubric.parse({
    role: { id: 'test-role', title: 'Test Role', level: 'Senior', summary: 'For tests.', sources: [{ file: 'x.txt', section: '1' }] },
    version: '1.0',
    scale: {
      1: { label: 'well below', meaning: 'm' },
      2: { label: 'below', meaning: 'm' },
      3: { label: 'meets', meaning: 'm' },
      4: { label: 'exceeds', meaning: 'm' },
      insufficient: { label: 'insufficient evidence', meaning: 'm' },
    },
    dimensions: [
      { id: 'skill', name: 'Skill', measures: 'm', weight: 100, anchors },
      { id: 'unused', name: 'Unused', measures: 'm', weight: 1, anchors },
    ],
    loop: [{ id: 'panel', name: 'Panel', duration_minutes: 60, interviewers: 'Three', purpose: 'p', focus: ['skill', 'unused'] }],
    policy: { weights_total: 101, dimension_score: 'mean', bar: 3.4, min_scorecards: 2, min_coverage: 0, ...policy },
  });
}

type Value = 1 | 2 | 3 | 4 | 'insufficient';

function card(candidate: string, who: string, skill: Value, options: { status?: 'draft' | 'submitted'; created?: string; submitted?: string } = {}): { file: string; scorecard: Scorecard } {
  const slug = who.toLowerCase();
  const status = options.status ?? 'submitted';
  const created = options.created ?? '2026-11-20T10:00:00Z';
  const submitted = options.submitted ?? '2026-11-20T10:30:00Z';
  return {
    file: `/ws/candidates/${candidate}/scorecards/panel--${slug}.yaml`,
    scorecard: {
      format: 'hirekit-scorecard/1',
      rubric: { id: 'test-role', version: '1.0', hash: 'h' },
      candidate: { name: candidate.toUpperCase(), slug: candidate },
      interviewer: { name: who, slug },
      stage: 'panel',
      status,
      created_at: created,
      updated_at: submitted,
      ...(status === 'submitted' ? { submitted_at: submitted, recommendation: 'yes' as const, summary: 's' } : {}),
      ratings: [{ dimension: 'skill', rating: skill, evidence: 'e', at: created }],
      flags: [],
      audit: [],
    },
  };
}

function role(cards: Array<ReturnType<typeof card>>, policy: Record<string, unknown> = {}): CalibrationRoleInput {
  const byCandidate = new Map<string, Array<ReturnType<typeof card>>>();
  for (const c of cards) byCandidate.set(c.scorecard.candidate.slug, [...(byCandidate.get(c.scorecard.candidate.slug) ?? []), c]);
  return {
    rubric: rubric(policy),
    rubricHash: 'h',
    candidates: [...byCandidate].map(([slug, scorecards]) => ({ candidate: { name: slug.toUpperCase(), slug }, scorecards })),
  };
}

const NOW = new Date('2026-12-01T00:00:00Z');

describe('leniency: two interviewers, one always one level higher', () => {
  // Sam rates six candidates 1, 2, 3, 2, 3, 1; Lena rates each of them one level higher.
  const sam = [1, 2, 3, 2, 3, 1] as const;
  const cards = sam.flatMap((s, i) => [card(`c${i}`, 'Sam', s), card(`c${i}`, 'Lena', (s + 1) as Value)]);
  const calibration = buildCalibration({ roles: [role(cards)], now: NOW });
  const [lena, samProfile] = calibration.roles[0]!.interviewers;

  it('gives Lena +1 and Sam -1 as the mean difference, over 6 shared candidates, with a degenerate interval', () => {
    expect(lena!.interviewer.name).toBe('Lena');
    expect(lena!.leniency).toMatchObject({ mean_difference: 1, interval: { low: 1, high: 1 }, shared_candidates: 6, shared_units: 6, estimable: true, reading: 'lenient' });
    expect(samProfile!.leniency).toMatchObject({ mean_difference: -1, interval: { low: -1, high: -1 }, reading: 'severe' });
  });

  it('removes half the difference from each: the lean of a two-person panel is shared between them', () => {
    expect(lena!.leniency.adjustment).toBeCloseTo(0.5, 9);
    expect(samProfile!.leniency.adjustment).toBeCloseTo(-0.5, 9);
  });

  it('changes no score when every candidate saw the same two interviewers', () => {
    const adjustment = calibration.roles[0]!.adjustment;
    expect(adjustment.adjusted).toBe(6);
    for (const c of adjustment.candidates) expect(c.composite.adjusted).toBe(c.composite.raw);
    expect(adjustment.rank_changes).toBe(0);
    expect(adjustment.verdict_changes).toBe(0);
  });

  it('says "too few shared candidates" below the threshold and adjusts nobody then', () => {
    const few = buildCalibration({ roles: [role(cards.slice(0, 8))], now: NOW }).roles[0]!;
    expect(few.interviewers[0]!.leniency).toMatchObject({ estimable: false, reading: 'too-few-shared-candidates', mean_difference: null, shared_candidates: 4 });
    expect(few.adjustment.adjusted).toBe(0);
    expect(few.adjustment.candidates[0]!.unknown_lean.map((p) => p.name).sort()).toEqual(['Lena', 'Sam']);
  });
});

describe('adjusted ranking: a lenient interviewer on an unbalanced panel', () => {
  // Candidates c1-c5: Lena = x + 1, Sam = Ned = x. Then c6: Lena 4, Sam 3; c7: Sam 3, Ned 3.
  // The additive model fits exactly with Lena one level above Sam and Ned. Leans average zero over the 19
  // ratings (Lena 6, Sam 7, Ned 6): 6(s + 1) + 7s + 6s = 0, so Sam = Ned = -6/19 and Lena = 13/19.
  // Raw means: c6 3.5, c7 3.0; adjusted, both 3 + 6/19 = 3.32. With the bar at 3.4, c6 goes from at-or-above
  // to below, and c7 moves from rank 2 to a shared rank 1. c1-c5 become x + 6/19 (c1: 1.33 -> 1.32), same order.
  const xs = [1, 2, 2, 1, 2] as const;
  const cards = [
    ...xs.flatMap((x, i) => [card(`c${i + 1}`, 'Lena', (x + 1) as Value), card(`c${i + 1}`, 'Sam', x), card(`c${i + 1}`, 'Ned', x)]),
    card('c6', 'Lena', 4),
    card('c6', 'Sam', 3),
    card('c7', 'Sam', 3),
    card('c7', 'Ned', 3),
  ];
  const r = buildCalibration({ roles: [role(cards)], now: NOW }).roles[0]!;
  const by = (slug: string) => r.adjustment.candidates.find((c) => c.candidate.slug === slug)!;
  const lean = (name: string) => r.interviewers.find((p) => p.interviewer.name === name)!.leniency;

  it('estimates the leans by hand', () => {
    expect(lean('Lena').adjustment).toBeCloseTo(13 / 19, 9);
    expect(lean('Sam').adjustment).toBeCloseTo(-6 / 19, 9);
    expect(lean('Ned').adjustment).toBeCloseTo(-6 / 19, 9);
    // Mean differences: Lena +1 on c1-c5 and +1 on c6 (vs Sam) = +1; Sam -0.5 x5, -1 (c6), 0 (c7) over 7 units.
    expect(lean('Lena').mean_difference).toBeCloseTo(1, 9);
    expect(lean('Sam').mean_difference).toBeCloseTo((-0.5 * 5 - 1 + 0) / 7, 9);
  });

  it('shows raw and adjusted scores side by side', () => {
    expect(by('c6').composite).toEqual({ raw: 3.5, adjusted: 3.32 });
    expect(by('c7').composite).toEqual({ raw: 3, adjusted: 3.32 });
    expect(by('c1').composite).toEqual({ raw: 1.33, adjusted: 1.32 });
    expect(by('c6').dimensions.find((d) => d.id === 'skill')).toEqual({ id: 'skill', raw: 3.5, adjusted: 3.32 });
  });

  it('counts one verdict and one rank position that would change', () => {
    expect(by('c6').verdict).toEqual({ raw: 'at-or-above-bar', adjusted: 'below-bar' });
    expect(by('c6').rank).toEqual({ raw: 1, adjusted: 1 });
    expect(by('c7').rank).toEqual({ raw: 2, adjusted: 1 });
    expect(by('c2').rank).toEqual({ raw: 3, adjusted: 3 });
    expect(by('c1').rank).toEqual({ raw: 6, adjusted: 6 });
    expect(r.adjustment).toMatchObject({ adjusted: 7, ranked: 7, verdict_changes: 1, rank_changes: 1 });
  });
});

describe('what counts', () => {
  it('leaves drafts out and counts them; "insufficient" is missing, not low', () => {
    const cards = [card('a', 'Sam', 3), card('a', 'Lena', 'insufficient'), card('a', 'Ned', 1, { status: 'draft' }), card('b', 'Sam', 2), card('b', 'Lena', 2)];
    const r = buildCalibration({ roles: [role(cards)], now: NOW }).roles[0]!;
    expect(r.counts).toEqual({ candidates: 2, scorecards: 4, interviewers: 2, drafts_left_out: 1 });
    // Only candidate b's unit pairs: two values, both 2.
    expect(r.agreement.dimensions[0]).toMatchObject({ units: 1, ordinal: { value: null, gap: 'no-variation', pairable: 2 } });
    const skill = r.dimensions.find((d) => d.id === 'skill')!;
    expect(skill).toMatchObject({ answers: 4, rated: 3, insufficient: 1, insufficient_rate: 0.25 });
    expect(skill.stages).toEqual([{ id: 'panel', name: 'Panel', answers: 4, insufficient: 1, insufficient_rate: 0.25 }]);
    expect(r.dimensions.find((d) => d.id === 'unused')!.notes).toEqual(['nobody-rates']);
  });

  it('profiles an interviewer: levels, recommendations, time to submit, focus left unrated', () => {
    const cards = [card('a', 'Sam', 3, { created: '2026-11-20T10:00:00Z', submitted: '2026-11-20T10:20:00Z' }), card('b', 'Sam', 'insufficient', { created: '2026-11-21T10:00:00Z', submitted: '2026-11-21T11:00:00Z' })];
    const sam = buildCalibration({ roles: [role(cards)], now: NOW }).roles[0]!.interviewers[0]!;
    expect(sam.scorecards).toBe(2);
    expect(sam.candidates).toBe(2);
    expect(sam.levels.overall).toEqual({ levels: [0, 0, 1, 0], insufficient: 1, total: 2 });
    expect(sam.insufficient_share).toBe(0.5);
    expect(sam.recommendations.yes).toBe(2);
    expect(sam.time_to_submit).toEqual({ scorecards: 2, median_minutes: 40, longest_minutes: 60 });
    expect(sam.unrated_focus).toEqual({ total: 2, scorecards: 2, dimensions: [{ id: 'unused', name: 'Unused', count: 2 }] });
  });

  it('filters by date of first submission and by interviewer', () => {
    const cards = [card('a', 'Sam', 3, { submitted: '2026-10-01T10:00:00Z' }), card('a', 'Lena', 3), card('b', 'Lena', 2)];
    const r = buildCalibration({ roles: [role(cards)], now: NOW, filters: { since: new Date('2026-11-01'), interviewer: 'lena' } }).roles[0]!;
    expect(r.counts.scorecards).toBe(2);
    expect(r.interviewers.map((p) => p.interviewer.name)).toEqual(['Lena']);
  });

  it('gives the same intervals on every run (seeded) and the interval holds the estimate', () => {
    const cards = Array.from({ length: 12 }, (_v, i) => [card(`c${i}`, 'Sam', ((i % 4) + 1) as Value), card(`c${i}`, 'Lena', (((i + (i % 3 === 0 ? 1 : 0)) % 4) + 1) as Value)]).flat();
    const one = buildCalibration({ roles: [role(cards)], now: NOW });
    const two = buildCalibration({ roles: [role(cards)], now: NOW });
    expect(one).toEqual(two);
    const ordinal = one.roles[0]!.agreement.overall.ordinal;
    expect(ordinal.value).not.toBeNull();
    expect(ordinal.interval!.low).toBeLessThanOrEqual(ordinal.value!);
    expect(ordinal.interval!.high).toBeGreaterThanOrEqual(ordinal.value!);
  });
});

describe('intervals need enough candidates', () => {
  it('gives alpha on three candidates but no interval (fewer than 5)', () => {
    const cards = [card('a', 'Sam', 1), card('a', 'Lena', 2), card('b', 'Sam', 3), card('b', 'Lena', 3), card('c', 'Sam', 4), card('c', 'Lena', 4)];
    const ordinal = buildCalibration({ roles: [role(cards)], now: NOW }).roles[0]!.agreement.overall.ordinal;
    expect(ordinal.value).not.toBeNull();
    expect(ordinal.interval).toBeNull();
  });
});

describe('the additive model on its own', () => {
  it('has leans summing to zero over the ratings and 0 for a coder who never shares a unit', () => {
    const panel: PanelData = {
      levels: 4,
      dimensions: [{ id: 'd', name: 'D' }],
      candidates: [{ name: 'A', slug: 'a' }, { name: 'B', slug: 'b' }],
      coders: [{ name: 'X', slug: 'x' }, { name: 'Y', slug: 'y' }, { name: 'Z', slug: 'z' }],
      cells: [[[{ coder: 0, value: 4 }, { coder: 1, value: 2 }]], [[{ coder: 2, value: 3 }]]],
    };
    const leans = additiveLeans(panel);
    expect(leans[0]).toBeCloseTo(1, 9);
    expect(leans[1]).toBeCloseTo(-1, 9);
    expect(leans[2]).toBe(0);
    expect(leniencyOf(panel, { replicates: 10, seed: 1, confidence: 0.95, minSharedCandidates: 1 })[2]!.estimable).toBe(false);
  });
});

describe("the calibration's JSON on Krippendorff's (2011) published data", () => {
  // Observers A-D become interviewers, the twelve units twelve candidates rated on one dimension of a
  // five-level scale; a blank is a scorecard answering "insufficient evidence".
  const _ = 'insufficient' as const;
  const OBSERVERS: Array<[string, Array<number | typeof _>]> = [
    ['Ana', [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _]],
    ['Ben', [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3]],
    ['Cai', [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _]],
    ['Dee', [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _]],
  ];
  // A five-level scale: the statistics take the level count from the rubric's scale.
  const four = rubric();
  const five = Rubric.parse({
    ...four,
    scale: { ...four.scale, 5: { label: 'far above', meaning: 'm' } },
    dimensions: four.dimensions.map((d) => ({ ...d, anchors: { ...d.anchors, 5: 'five' } })),
  });
  const cards = OBSERVERS.flatMap(([who, values]) => values.map((v, u) => card(`unit-${u + 1}`, who, v as Value)));
  const calibration = buildCalibration({ roles: [{ ...role(cards), rubric: five }], now: NOW });
  const skill = (JSON.parse(JSON.stringify(calibration)) as typeof calibration).roles[0]!.agreement.dimensions.find((d) => d.id === 'skill')!;

  it('reproduces nominal 0.743, ordinal 0.815 and interval 0.849', () => {
    expect(skill.nominal.value!.toFixed(3)).toBe('0.743');
    expect(skill.ordinal.value!.toFixed(3)).toBe('0.815');
    expect(skill.interval.value!.toFixed(3)).toBe('0.849');
    expect(skill.units).toBe(11);
    expect(skill.ordinal.pairable).toBe(40);
  });

  it('puts each published value inside its bootstrap interval', () => {
    for (const metric of ['nominal', 'ordinal', 'interval'] as const) {
      const e = skill[metric];
      expect(e.interval!.low).toBeLessThanOrEqual(e.value!);
      expect(e.interval!.high).toBeGreaterThanOrEqual(e.value!);
    }
  });
});
