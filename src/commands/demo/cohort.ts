// More fictional candidates for the demo, so that `hirekit calibrate` has a panel to describe: nine more
// people through the same Head of ML loop, each stage scored by one of five interviewers (the demo's four
// and a newcomer who sat in on only a few loops). The ratings come from a small made-up model (each
// candidate's level per dimension, each interviewer's habit of rating a little high or low, some noise,
// a few dimensions the interview could not reach), with a fixed seed so the demo is the same every time.
// Like Zoë's, every scorecard goes through `hirekit score --answers`.
import { seededRandom } from '../../core/calibration/bootstrap.js';
import type { DemoAnswers } from './answers.js';

export interface CohortStage {
  id: string;
  focus: readonly string[];
}

export interface CohortScorecard extends DemoAnswers {
  candidate: string;
  /** When the interviewer opened the scorecard, relative to the demo run, in minutes (negative: before). */
  startedMinutesAgo: number;
  /** Minutes between one saved answer and the next. */
  minutesPerAnswer: number;
}

export const COHORT_CANDIDATES = [
  'Sam Okafor',
  'Aino Virtanen',
  'Rafael Gómez',
  'Chiara Bianchi',
  'Dmitri Volkov',
  'Nadia Rahman',
  'Jonas Lindqvist',
  'Leilani Kahale',
  'Björn Åkesson',
] as const;

/** Each interviewer's habit: how far above (+) or below (-) the candidate's level they tend to rate. */
const INTERVIEWERS = [
  { name: 'Mariam Haddad', lean: 0, pace: 4 },
  { name: 'Tomás Ortega', lean: 0.7, pace: 3 },
  { name: 'Ingrid Søndergaard', lean: -0.6, pace: 6 },
  { name: 'Kenji Nakamura-Wójcik', lean: 0.1, pace: 5 },
  { name: 'Priya Raman', lean: 0.3, pace: 9 },
] as const;

/** Dimensions a stage often cannot reach: the chance that an answer there is "insufficient evidence". */
const OUT_OF_REACH: Record<string, Record<string, number>> = {
  'leadership-talent': { 'responsible-ai-governance': 0.5 },
  'case-b-session': { 'executive-communication': 0.3 },
  'hiring-manager-screen': { 'talent-org-leadership': 0.15 },
};

const HEARD: Record<1 | 2 | 3 | 4, readonly string[]> = {
  1: ['Talked in general terms and could not name a system, a number or a decision of their own.', 'When pressed for an example, described what a previous team did rather than their part in it.'],
  2: ['Gave one relevant example, but the trade-offs and results stayed vague when I probed.', 'Knew the vocabulary and one real case; could not say what they would do differently.'],
  3: ['Walked through a concrete case they owned, with the numbers before and after and what it cost.', 'Answered with a specific decision, the options they ruled out and how they checked it worked.'],
  4: ['Gave two cases with figures, named what went wrong in one, and the practice the team kept afterwards.', 'Turned the question into a clear plan with owners, costs and the signal that would change it.'],
};
const NOT_REACHED = ['We ran out of time before this came up in any depth.', 'The case went elsewhere; nothing in the session bears on this.'];

/** The scorecards of the cohort, in the order they are to be scored (candidate by candidate, loop order). */
export function cohortScorecards(loop: readonly CohortStage[], dimensions: readonly string[]): CohortScorecard[] {
  const random = seededRandom(16_2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const out: CohortScorecard[] = [];
  COHORT_CANDIDATES.forEach((candidate, c) => {
    // Candidates span the range: some clearly below the bar, most around it, a few above.
    const quality = 1.7 + (c / (COHORT_CANDIDATES.length - 1)) * 2 + (random() - 0.5) * 0.4;
    const level = new Map(dimensions.map((d) => [d, quality + (random() - 0.5) * 1.1]));
    // Four interviewers per loop, two stages each; the newcomer joins only every third loop.
    const pool = c % 3 === 1 ? [0, 1, 2, 4] : [0, 1, 2, 3];
    const rotation = pool.map((_p, i) => pool[(i + c) % pool.length]!);
    loop.forEach((stage, s) => {
      const who = INTERVIEWERS[rotation[s % rotation.length]!]!;
      const ratings: DemoAnswers['ratings'] = {};
      for (const d of stage.focus) {
        if (random() < (OUT_OF_REACH[stage.id]?.[d] ?? 0.03)) {
          ratings[d] = { rating: 'insufficient', evidence: pick(NOT_REACHED) };
          continue;
        }
        const raw = Math.round((level.get(d) ?? quality) + who.lean + (random() - 0.5) * 0.9);
        const rating = Math.min(4, Math.max(1, raw)) as 1 | 2 | 3 | 4;
        ratings[d] = { rating, evidence: pick(HEARD[rating]) };
      }
      const values = Object.values(ratings).flatMap((r) => (r.rating === 'insufficient' ? [] : [r.rating]));
      const mean = values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : 2.5;
      const recommendation: DemoAnswers['recommendation'] = mean >= 3.5 ? 'strong-yes' : mean >= 2.75 ? 'yes' : mean >= 1.75 ? 'no' : 'strong-no';
      out.push({
        candidate,
        interviewer: who.name,
        stage: stage.id,
        ratings,
        flags: {},
        recommendation,
        summary: SUMMARIES[recommendation],
        // Loops ran over the last few weeks, one every three days or so, a stage a day.
        startedMinutesAgo: (COHORT_CANDIDATES.length - c) * 3 * 1440 + (loop.length - s) * 1440 + Math.floor(random() * 300),
        minutesPerAnswer: who.pace + Math.floor(random() * 4),
      });
    });
  });
  return out;
}

const SUMMARIES: Record<DemoAnswers['recommendation'], string> = {
  'strong-yes': 'Consistently strong across the dimensions of this stage; I would hire.',
  yes: 'Solid on most of what this stage covers, with gaps I would expect the team to close.',
  no: 'Some relevant experience, but below what this role needs on the dimensions I covered.',
  'strong-no': 'Could not show the experience this stage looks for; well below the bar.',
};
