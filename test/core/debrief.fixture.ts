// A small rubric and scorecards written in a line each, for debrief tests with hand-computed expectations.
// Four dimensions weighted 40/30/20/10 (or 0.4/0.3/0.2/0.1), a hurdle on `analysis` (at least 3), red flags
// `vague` then the knockout `dishonest` in that order, a green flag, and a three-stage loop.
import { buildDebrief, type Debrief } from '../../src/core/debrief.js';
import { Rubric } from '../../src/core/rubric.js';
import type { Scorecard } from '../../src/core/scorecard.js';

export const AT = '2026-11-20T10:00:00Z';
export const HASH = 'sha256:current';
const anchors = { 1: 'one', 2: 'two', 3: 'three', 4: 'four' };

/** The rubric as written in YAML, before zod fills in defaults. */
export function rubricInput(policy: Record<string, unknown> = {}, weights: readonly number[] = [40, 30, 20, 10]) {
  const ids = ['analysis', 'systems', 'people', 'writing'];
  return {
    role: { id: 'test-role', title: 'Test Role', level: 'Senior', summary: 'For tests.', sources: [{ file: 'x.txt', section: '1' }] },
    version: '2.0',
    scale: {
      1: { label: 'well below', meaning: 'm' },
      2: { label: 'below', meaning: 'm' },
      3: { label: 'meets', meaning: 'm' },
      4: { label: 'exceeds', meaning: 'm' },
      insufficient: { label: 'insufficient evidence', meaning: 'm' },
    },
    dimensions: ids.map((id, i) => ({ id, name: `Dim ${id}`, measures: 'something', weight: weights[i]!, anchors })),
    flags: {
      green: [{ id: 'clear-thinker', text: 'Thinks clearly', dimension: 'analysis' }],
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
    policy: { weights_total: 100, dimension_score: 'median' as const, bar: 3, hurdles: [{ dimension: 'analysis', min_level: 3 }], min_scorecards: 3, min_coverage: 0.75, ...policy },
  };
}

export function testRubric(policy: Record<string, unknown> = {}, weights?: readonly number[]): Rubric {
  return Rubric.parse(rubricInput(policy, weights));
}

export interface CardSpec {
  who: string;
  stage: string;
  ratings: Record<string, 1 | 2 | 3 | 4 | 'insufficient'>;
  flags?: Array<{ flag: string; kind: 'green' | 'red'; note: string }>;
  status?: 'draft' | 'submitted';
  recommendation?: Scorecard['recommendation'];
  summary?: string;
  /** The role the scorecard was made for, when not the fixture's own. */
  role?: string;
}

export function card(spec: CardSpec): { file: string; scorecard: Scorecard } {
  const slug = spec.who.toLowerCase();
  const status = spec.status ?? 'submitted';
  return {
    file: `/ws/candidates/kim/scorecards/${spec.stage}--${slug}.yaml`,
    scorecard: {
      format: 'hirekit-scorecard/1',
      rubric: { id: spec.role ?? 'test-role', version: '2.0', hash: HASH },
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
      ...(spec.summary === undefined ? {} : { summary: spec.summary }),
      audit: [],
    },
  };
}

export function debriefOf(cards: readonly CardSpec[], policy: Record<string, unknown> = {}, weights?: readonly number[]): Debrief {
  return buildDebrief({
    rubric: testRubric(policy, weights),
    rubricHash: HASH,
    candidate: { name: 'Kim Zoë', slug: 'kim-zoe' },
    scorecards: cards.map(card),
    now: new Date(AT),
  });
}
