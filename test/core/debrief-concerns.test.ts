// Concerns and the agenda with hand-computed expectations. The rubric: four dimensions weighted 40/30/20/10,
// a hurdle on `analysis` (at least 3), bar 3, a green flag and a red flag on `systems`, a knockout on
// `people`, a three-stage loop, at least 3 scorecards.
import { describe, expect, it } from 'vitest';
import { concernsOf, tierOf } from '../../src/core/debrief-concerns.js';
import { card, panelDebrief, type Card } from './panel.fixture.js';

const debrief = (cards: Card[]) => panelDebrief(cards);

describe('concerns', () => {
  // analysis: Ann 1, Ben 4, Cai 2 -> median 2 < hurdle 3 (failed), spread 3.
  // systems: Ann 2, Ben 4 -> median 3, spread 2; a red (Ann) and a green (Ben) flag: a conflict.
  // people: Cai 3 alone -> single rating; Cai raised the knockout.
  // writing: nobody. Onsite: no scorecard. Dee's onsite draft left out.
  const cards = [
    card('Ann', 'screen', { analysis: 1, systems: 2 }, [{ flag: 'vague', kind: 'red' }]),
    card('Ben', 'screen', { analysis: 4, systems: 4 }, [{ flag: 'designs-well', kind: 'green' }]),
    card('Cai', 'case', { analysis: 2, people: 3 }, [{ flag: 'dishonest', kind: 'red' }]),
    card('Dee', 'onsite', { people: 1 }, [], 'draft'),
  ];

  it('lists every concern, most decisive first, each naming who and which stage', () => {
    const d = debrief(cards);
    expect(d.summary.concerns.map((c) => [c.kind, c.message])).toEqual([
      ['knockout', 'Knockout: Misrepresents past work (Dim people); raised by Cai · Case'],
      ['red-flag', 'Red flag: Stays vague (Dim systems); raised by Ann · Screen'],
      ['flag-conflict', 'Conflicting flags on Dim systems: red (Ann · Screen) and green (Ben · Screen)'],
      ['hurdle-failed', 'Hurdle failed: Dim analysis scored 2, below the 3 it must reach'],
      ['disagreement', 'Disagreement on Dim analysis: ratings span 1 (Ann) to 4 (Ben)'],
      ['disagreement', 'Disagreement on Dim systems: ratings span 2 (Ann) to 4 (Ben)'],
      ['single-rating', "One rating only: Dim people rests on Cai's 3"],
      ['not-rated', 'Not rated: nobody rated Dim writing (weight 10)'],
      ['stage-missing', 'No submitted scorecard for Onsite'],
      ['drafts-left-out', 'Draft left out of every number: Dee · Onsite'],
    ]);
    expect(d.summary.concerns.every((c) => c.page_one)).toBe(true);
    // Coverage: 90 of 100 rated >= 0.75; 3 submitted scorecards = min 3: neither is a concern.
  });

  it('builds the agenda in the fixed order, one item per dimension under its most urgent reason', () => {
    const d = debrief(cards);
    expect(d.agenda.map((a) => [a.kind, a.dimension.id, a.also, a.hear_from.map((w) => `${w.name}/${w.stage}`)])).toEqual([
      ['knockout', 'people', [], ['Cai/Case']],
      ['flag-conflict', 'systems', ['disagreement'], ['Ann/Screen', 'Ben/Screen']],
      // The lowest ratings are heard first on a failed hurdle.
      ['hurdle-failed', 'analysis', ['disagreement'], ['Ann/Screen', 'Cai/Case', 'Ben/Screen']],
      ['single-rating', 'people', [], ['Cai/Case']],
    ]);
  });

  it('orders disagreements by spread, widest first, ahead of below-bar and single-rating dimensions', () => {
    // analysis 2, 4 (spread 2) median 3 meets the hurdle; systems 1, 4 (spread 3) median 2.5 below the bar;
    // people 2 alone: below bar, and a single rating.
    const d = debrief([card('Ann', 'screen', { analysis: 2, systems: 1 }), card('Ben', 'screen', { analysis: 4, systems: 4 }), card('Cai', 'case', { people: 2 })]);
    expect(d.agenda.map((a) => [a.kind, a.dimension.id, a.also])).toEqual([
      ['disagreement', 'systems', ['below-bar']],
      ['disagreement', 'analysis', []],
      ['below-bar', 'people', ['single-rating']],
    ]);
    const [first] = d.agenda;
    expect(first?.kind === 'disagreement' && [first.spread, first.low.rating, first.high.rating]).toEqual([3, 1, 4]);
  });

  it('says "only insufficient" and thin coverage and too few scorecards', () => {
    const d = debrief([card('Ann', 'screen', { analysis: 3, systems: 'insufficient' })]);
    const kinds = d.summary.concerns.map((c) => c.kind);
    expect(kinds).toContain('only-insufficient');
    expect(d.summary.concerns.find((c) => c.kind === 'only-insufficient')?.message).toBe('Only "insufficient evidence" on Dim systems, from Ann · Screen');
    // 40 of 100 rated: 40% < 75%.
    expect(d.summary.concerns.find((c) => c.kind === 'low-coverage')?.message).toBe('Thin coverage: 40% of the weight rated, the policy asks for 75%');
    expect(d.summary.concerns.find((c) => c.kind === 'too-few-scorecards')?.message).toBe('Too few scorecards: 1 submitted, the policy asks for at least 3');
  });

  it('is empty when there is nothing to worry about', () => {
    const d = debrief([
      card('Ann', 'screen', { analysis: 3, systems: 3 }),
      card('Ben', 'case', { analysis: 4, systems: 3, people: 3 }),
      card('Cai', 'onsite', { people: 4, writing: 3 }),
      card('Dee', 'onsite', { writing: 4 }),
    ]);
    expect(d.summary.concerns).toEqual([]);
    expect(d.agenda).toEqual([]);
  });

  it('lists a weak-signal ("concern" tier) flag but not on page 1, and never as a conflict', () => {
    // Every dimension rated twice at 3; Cai's red flag "vague" is read as a weak signal.
    const d = debrief([
      card('Ann', 'screen', { analysis: 3, systems: 3 }),
      card('Ben', 'case', { analysis: 3, systems: 3, people: 3 }),
      card('Cai', 'onsite', { people: 3, writing: 3 }, [{ flag: 'vague', kind: 'red' }]),
      card('Dee', 'onsite', { writing: 3 }),
    ]);
    const flags = d.flags.map((f) => (f.id === 'vague' ? { ...f, tier: 'concern' as const } : f));
    expect(tierOf(flags[0]!)).toBe('concern');
    const concerns = concernsOf({ dimensions: d.dimensions, flags, coverage: d.coverage, policy: d.policy, panel: d.panel, drafts: d.drafts });
    expect(concerns).toEqual([
      { kind: 'concern-flag', page_one: false, dimension: { id: 'systems', name: 'Dim systems' }, flag: { id: 'vague', text: 'Stays vague.' }, message: 'Weak signal: Stays vague (Dim systems); noted by Cai · Onsite', people: [{ name: 'Cai', slug: 'cai', stage: 'Onsite' }] },
    ]);
  });
});
