// The panel rubric the concerns, decision and compare tests share, and scorecards written in a line each.
// Four dimensions weighted 40/30/20/10, a hurdle on `analysis` (at least 3), bar 3, a green and a red flag on
// `systems`, a knockout on `people`, a three-stage loop whose case stage covers three dimensions, at least 3
// scorecards. (Built on debrief.fixture.ts: the same role, scale and dimensions, other flags and loop.)
import { buildDebrief, type Debrief } from '../../src/core/debrief.js';
import { Rubric } from '../../src/core/rubric.js';
import type { Scorecard } from '../../src/core/scorecard.js';
import { AT, rubricInput } from './debrief.fixture.js';

/** debrief.fixture.ts's rubric with this panel's flags and loop (role, scale and dimensions are the same). */
export const RUBRIC = Rubric.parse({
  ...rubricInput(),
  flags: {
    green: [{ id: 'designs-well', text: 'Designs for failure.', dimension: 'systems' }],
    red: [
      { id: 'vague', text: 'Stays vague.', dimension: 'systems' },
      { id: 'dishonest', text: 'Misrepresents past work.', dimension: 'people', knockout: true },
    ],
  },
  loop: [
    { id: 'screen', name: 'Screen', duration_minutes: 30, interviewers: 'HM', purpose: 'p', focus: ['analysis', 'systems'] },
    { id: 'onsite', name: 'Onsite', duration_minutes: 60, interviewers: 'Two', purpose: 'p', focus: ['people', 'writing'] },
    { id: 'case', name: 'Case', duration_minutes: 60, interviewers: 'One', purpose: 'p', focus: ['analysis', 'systems', 'people'] },
  ],
  policy: { weights_total: 100, bar: 3, hurdles: [{ dimension: 'analysis', min_level: 3 }], min_scorecards: 3, min_coverage: 0.75 },
});

export { AT };
export type Level = 1 | 2 | 3 | 4 | 'insufficient';
export function card(who: string, stage: string, ratings: Record<string, Level>, flags: Array<{ flag: string; kind: 'green' | 'red' }> = [], status: 'draft' | 'submitted' = 'submitted') {
  const slug = who.toLowerCase();
  const scorecard: Scorecard = {
    format: 'hirekit-scorecard/1',
    rubric: { id: 'test-role', version: '2.0', hash: 'h' },
    candidate: { name: 'Kim', slug: 'kim' },
    interviewer: { name: who, slug },
    stage,
    status,
    created_at: AT,
    updated_at: AT,
    ...(status === 'submitted' ? { submitted_at: AT, recommendation: 'yes' as const } : {}),
    ratings: Object.entries(ratings).map(([dimension, rating]) => ({ dimension, rating, evidence: `${who} saw it`, at: AT })),
    flags: flags.map((f) => ({ ...f, note: `${who} noted it`, at: AT })),
    audit: [],
  };
  return { file: `/ws/${stage}--${slug}.yaml`, scorecard };
}
export type Card = ReturnType<typeof card>;

/** The debrief of `cards` for Kim on the panel rubric (and the committee's decision, when given). */
export function panelDebrief(cards: readonly Card[], candidate = { name: 'Kim', slug: 'kim' }, decision?: Parameters<typeof buildDebrief>[0]['decision']): Debrief {
  return buildDebrief({ rubric: RUBRIC, rubricHash: 'h', candidate, scorecards: cards, now: new Date(AT), ...(decision ? { decision } : {}) });
}
