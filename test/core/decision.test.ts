// The committee's record: MAP order of the steps, what a submit needs, amendments that leave the submitted
// decision standing, and where a decision departs from the mechanical summary. Same rubric as the concerns
// tests: four dimensions 40/30/20/10, a hurdle on `analysis` (3), bar 3, a knockout on `people`.
import { describe, expect, it } from 'vitest';
import {
  applyConsensus,
  applyDissent,
  applyKnockoutRuling,
  applyOutcome,
  applyParticipants,
  applyRationale,
  decisionSteps,
  discardAmendment,
  missingForDecision,
  newDecision,
  startAmendment,
  stateOf,
  submitDecision,
  type Decision,
} from '../../src/core/decision.js';
import { reviewDecision } from '../../src/core/decision-review.js';
import { card, panelDebrief, type Card } from './panel.fixture.js';

const debrief = (cards: Card[]) => panelDebrief(cards);


// analysis: Ann 3, Ben 4 -> 3.5 (hurdle met); systems: Ann 2, Ben 4 -> 3, spread 2 (disagreement);
// people: Cai 2 alone, and Cai raised the knockout; writing: Cai 3 alone.
// Composite: (40*3.5 + 30*3 + 20*2 + 10*3) / 100 = (140 + 90 + 40 + 30) / 100 = 3.00; the knockout decides the summary.
const CARDS = [
  card('Ann', 'screen', { analysis: 3, systems: 2 }),
  card('Ben', 'screen', { analysis: 4, systems: 4 }),
  card('Cai', 'case', { people: 2, writing: 3 }, [{ flag: 'dishonest', kind: 'red' }]),
];
const NOW = new Date('2026-11-21T09:00:00Z');
const REASON = 'The evidence from both screens points the same way.';
const dim = (d: ReturnType<typeof debrief>, id: string) => d.dimensions.find((x) => x.id === id)!;

function fullDecision(d: ReturnType<typeof debrief>, ruling: 'confirmed' | 'overridden', outcome: 'advance' | 'reject' | 'hold'): Decision {
  let x = newDecision({ rubric: { id: 'test-role', version: '2.0', hash: 'h' }, candidate: { name: 'Kim', slug: 'kim' }, now: NOW });
  x = applyKnockoutRuling(x, 'dishonest', ruling, ruling === 'overridden' ? 'The reference showed the work was hers; the interviewer misread a shared repository.' : '', NOW);
  for (const [id, level] of [['analysis', 3], ['systems', 3], ['people', 3], ['writing', 3]] as const) x = applyConsensus(x, dim(d, id), level, REASON, NOW);
  x = applyOutcome(x, outcome, NOW);
  x = applyRationale(x, 'Strong on analysis and systems; people settled at the bar after the reference.', NOW);
  x = applyParticipants(x, ['Ann', 'Ben', 'Cai'], NOW);
  return applyDissent(x, [{ name: 'Cai', note: 'I still doubt the account of the shared repository.' }], NOW);
}

describe('the committee\'s steps', () => {
  it('takes the knockout first, then agenda dimensions, then the rest in rubric order, then the decision', () => {
    const d = debrief(CARDS);
    // Agenda: knockout (people); disagreement (systems); below-bar people; single-rating writing.
    expect(decisionSteps(d).map((s) => (s.kind === 'knockout' ? `knockout:${s.flag.id}` : s.kind === 'consensus' ? `${s.dimension.id}${s.agenda ? '*' : ''}` : 'final'))).toEqual([
      'knockout:dishonest',
      'systems*',
      'people*',
      'writing*',
      'analysis',
      'final',
    ]);
  });

  it('refuses to submit until every step is answered', () => {
    const d = debrief(CARDS);
    let x = newDecision({ rubric: { id: 'test-role', version: '2.0', hash: 'h' }, candidate: { name: 'Kim', slug: 'kim' }, now: NOW });
    x = applyConsensus(x, dim(d, 'systems'), 3, REASON, NOW);
    expect(missingForDecision(d, x.draft!)).toEqual([
      'a ruling on the knockout "Misrepresents past work." (confirm, or override with a reason)',
      'a consensus level for Dim people',
      'a consensus level for Dim writing',
      'a consensus level for Dim analysis',
      'the decision (advance, reject, hold)',
      'the rationale',
      'who took part',
    ]);
    expect(() => submitDecision(d, x, NOW)).toThrow(/missing/);
  });

  it('will not override a knockout without a real reason', () => {
    const x = newDecision({ rubric: { id: 'test-role', version: '2.0', hash: 'h' }, candidate: { name: 'Kim', slug: 'kim' }, now: NOW });
    expect(() => applyKnockoutRuling(x, 'dishonest', 'overridden', '', NOW)).toThrow(/reason for overriding a knockout is required/);
    expect(() => applyKnockoutRuling(x, 'dishonest', 'overridden', 'fine', NOW)).toThrow(/real sentence/);
    expect(applyKnockoutRuling(x, 'dishonest', 'confirmed', '', NOW).draft?.knockouts).toHaveLength(1);
  });
});

describe('submitting and amending', () => {
  it('keeps the submitted decision standing while an amendment is drafted, and replaces it only on submit', () => {
    const d = debrief(CARDS);
    const submitted = submitDecision(d, fullDecision(d, 'confirmed', 'reject'), NOW);
    expect(stateOf(submitted)).toBe('submitted');
    expect(submitted.submitted?.outcome).toBe('reject');
    expect(submitted.submitted?.mechanical).toEqual({ verdict: 'knockout-raised', label: 'knockout raised', composite: 3 });

    const later = new Date('2026-11-22T09:00:00Z');
    let amending = startAmendment(submitted, 'The reference check came back and changes the knockout.', later);
    expect(stateOf(amending)).toBe('amending');
    amending = applyKnockoutRuling(amending, 'dishonest', 'overridden', 'The reference showed the work was hers; the interviewer misread a shared repository.', later);
    amending = applyOutcome(amending, 'advance', later);
    // Still the rejection until the amendment is submitted:
    expect(amending.submitted?.outcome).toBe('reject');
    expect(reviewDecision(d, amending)?.label).toBe('Reject');
    expect(reviewDecision(d, amending)?.amendment_in_progress?.reason).toBe('The reference check came back and changes the knockout.');

    const discarded = discardAmendment(amending, later);
    expect(stateOf(discarded)).toBe('submitted');
    expect(discarded.submitted).toEqual(submitted.submitted);

    const amended = submitDecision(d, amending, later);
    expect(amended.submitted?.outcome).toBe('advance');
    expect(amended.audit.map((a) => a.action)).toEqual(['submitted', 'amendment-started', 'amended']);
    expect(amended.audit[2]?.previous).toMatchObject({ outcome: 'reject' });
  });
});

describe('the decision beside the numbers', () => {
  it('says plainly where the decision departs from the mechanical summary', () => {
    const d = debrief(CARDS);
    const review = reviewDecision(d, submitDecision(d, fullDecision(d, 'overridden', 'advance'), NOW))!;
    expect(review.label).toBe('Advance');
    // people: consensus 3 against a panel median 2: a level apart. Others: analysis 3 vs 3.5, systems 3 vs 3, writing 3 vs 3.
    expect(review.dimensions.map((x) => [x.id, x.consensus, x.panel_score, x.difference])).toEqual([
      ['analysis', 3, 3.5, -0.5],
      ['systems', 3, 3, 0],
      ['people', 3, 2, 1],
      ['writing', 3, 3, 0],
    ]);
    expect(review.departures).toEqual([
      'Advanced although the mechanical summary read "knockout raised": Strong on analysis and systems; people settled at the bar after the reference.',
      'Knockout "Misrepresents past work." overridden: The reference showed the work was hers; the interviewer misread a shared repository.',
      `Dim people: consensus 3 against a panel median of 2: ${REASON}`,
    ]);
    expect(review.dissent).toEqual([{ name: 'Cai', note: 'I still doubt the account of the shared repository.' }]);
  });

  it('reads as following the summary when it does', () => {
    const d = debrief(CARDS);
    const review = reviewDecision(d, submitDecision(d, fullDecision(d, 'confirmed', 'reject'), NOW))!;
    // Rejecting on a confirmed knockout follows "knockout raised"; people 3 against 2 still differs by a level.
    expect(review.departures).toEqual([`Dim people: consensus 3 against a panel median of 2: ${REASON}`]);
  });
});
