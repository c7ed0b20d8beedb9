// Answers files: the same answers a terminal session collects, written in YAML for scripts, demos and
// anyone without a terminal. Format: docs/answers-file.md. Checked exactly like typed answers, with
// every problem pinned to FILE:LINE:COL.
import { z } from 'zod';
import { DataError } from '../errors.js';
import type { Finding } from '../core/finding.js';
import { INSUFFICIENT, type RatingValue } from '../core/rubric.js';
import { RECOMMENDATIONS, type Recommendation, type Scorecard } from '../core/scorecard.js';
import {
  applyFlags,
  applyRating,
  applyRecommendation,
  applySummary,
  checkEvidence,
  ratingProblem,
  type StagePlan,
} from '../core/scoring.js';
import { addFindings, loadYaml, problemsMessage } from './yaml-file.js';
import { nearest } from '../core/nearest.js';
import { RATING_WORDS } from '../core/rating-words.js';

export const ANSWERS_FORMAT = 'hirekit-answers/1';

const AnswerRating = z
  .object({
    // Which levels exist depends on the rubric's scale; checkAnswers names them.
    rating: z.union([z.number(), z.literal(INSUFFICIENT)], {
      error: `must be a level of the scale (a number such as 3) or ${INSUFFICIENT} (${RATING_WORDS.insufficient} is its own answer, not a low score)`,
    }),
    evidence: z.string(),
  })
  .strict();

export const AnswersSchema = z
  .object({
    format: z.literal(ANSWERS_FORMAT).optional(),
    ratings: z.record(z.string(), AnswerRating).default({}),
    flags: z.record(z.string(), z.string()).default({}),
    recommendation: z.enum(RECOMMENDATIONS).optional(),
    summary: z.string().optional(),
  })
  .strict();

export interface Answers {
  ratings: Array<{ dimension: string; rating: RatingValue; evidence: string }>;
  flags: Array<{ flag: string; note: string }>;
  recommendation?: Recommendation;
  summary?: string;
}

/** Problems with answers against what the stage asks; `draft` allows answers to be missing. */
export function checkAnswers(plan: StagePlan, answers: z.infer<typeof AnswersSchema>, draft: boolean): Finding[] {
  const findings: Finding[] = [];
  const error = (path: Finding['path'], message: string, locateKey = false): void => {
    findings.push({ severity: 'error', code: 'answers', path, message, locateKey });
  };
  const focus = plan.dimensions.map((d) => d.dimension.id);
  for (const [dimension, answer] of Object.entries(answers.ratings)) {
    if (!focus.includes(dimension)) {
      const hint = nearest(dimension, focus);
      error(['ratings', dimension], `ratings: '${dimension}' is not rated in stage ${plan.stage.id}${hint ? `; did you mean '${hint}'?` : ''} (this stage rates: ${focus.join(', ')})`, true);
      continue;
    }
    if (answer.rating !== INSUFFICIENT && !plan.levels.some((l) => l.level === answer.rating)) {
      error(['ratings', dimension, 'rating'], `ratings.${dimension}.rating: ${ratingProblem(plan, answer.rating)}`);
    }
    const problem = checkEvidence(answer.evidence);
    if (problem) error(['ratings', dimension, 'evidence'], `ratings.${dimension}.evidence: ${problem}`);
  }
  const flagIds = plan.flags.map((f) => f.id);
  for (const [flag, note] of Object.entries(answers.flags)) {
    if (!flagIds.includes(flag)) {
      const hint = nearest(flag, flagIds);
      error(['flags', flag], `flags: '${flag}' is not a flag of stage ${plan.stage.id}${hint ? `; did you mean '${hint}'?` : ''} (flags here: ${flagIds.join(', ') || 'none'})`, true);
      continue;
    }
    const problem = checkEvidence(note, 'a flag note');
    if (problem) error(['flags', flag], `flags.${flag}: ${problem}`);
  }
  if (answers.summary !== undefined) {
    const problem = checkEvidence(answers.summary, 'the summary');
    if (problem) error(['summary'], `summary: ${problem}`);
  }
  if (!draft) {
    const missing = focus.filter((d) => !(d in answers.ratings));
    if (missing.length > 0) error(['ratings'], `ratings: missing ${missing.join(', ')}; rate every dimension of stage ${plan.stage.id} (or pass --draft to save what you have)`);
    if (answers.recommendation === undefined) error([], `missing recommendation (one of ${RECOMMENDATIONS.join(', ')}); or pass --draft to save what you have`);
    if (answers.summary === undefined) error([], 'missing summary: a short paragraph on the overall call; or pass --draft to save what you have');
  }
  return findings;
}

/**
 * Reads and checks an answers file against a stage; every problem is reported at once in a DataError, one
 * FILE:LINE:COL line each. A relative `file` is read from `cwd` and named in messages as given.
 */
export async function readAnswers(file: string, plan: StagePlan, draft: boolean, cwd?: string): Promise<Answers> {
  const check = await loadYaml(file, AnswersSchema, { what: 'answers file', empty: 'the answers file is empty' }, cwd);
  // The stage's own checks run on what the schema could make sense of, so a bad rating value does not hide
  // a missing dimension; what the schema already reported is not reported twice.
  const parsed = check.value ?? (check.plain === undefined ? undefined : salvage(check.plain));
  if (parsed) {
    const refused = check.errors.map((e) => e.path);
    const fresh = checkAnswers(plan, parsed, draft).filter((f) => !refused.some((p) => p.length > 0 && p.every((k, i) => f.path[i] === k)));
    addFindings(check, fresh);
  }
  if (check.errors.length > 0 || !check.value) throw new DataError(problemsMessage(file, check.errors, 'see docs/answers-file.md'));
  const answers = check.value;
  return {
    ratings: Object.entries(answers.ratings).map(([dimension, a]) => ({ dimension, rating: a.rating, evidence: a.evidence })),
    flags: Object.entries(answers.flags).map(([flag, note]) => ({ flag, note })),
    ...(answers.recommendation ? { recommendation: answers.recommendation } : {}),
    ...(answers.summary !== undefined ? { summary: answers.summary } : {}),
  };
}

/** The parts of an answers file the schema refused that the stage's checks can still read. */
function salvage(plain: unknown): z.infer<typeof AnswersSchema> | undefined {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) return undefined;
  const raw = plain as Record<string, unknown>;
  const entries = (v: unknown): Array<[string, unknown]> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.entries(v) : []);
  const ratings: z.infer<typeof AnswersSchema>['ratings'] = {};
  for (const [dimension, answer] of entries(raw.ratings)) {
    const { rating, evidence } = typeof answer === 'object' && answer !== null ? (answer as { rating?: unknown; evidence?: unknown }) : {};
    // A rating the schema refused is reported by it; the stage's checks see "insufficient" in its place.
    ratings[dimension] = { rating: typeof rating === 'number' ? rating : INSUFFICIENT, evidence: typeof evidence === 'string' ? evidence : '' };
  }
  const flags: Record<string, string> = {};
  for (const [flag, note] of entries(raw.flags)) flags[flag] = typeof note === 'string' ? note : '';
  const recommendation = RECOMMENDATIONS.find((r) => r === raw.recommendation);
  return {
    ratings,
    flags,
    ...(raw.recommendation !== undefined ? { recommendation: recommendation ?? RECOMMENDATIONS[0] } : {}),
    ...(typeof raw.summary === 'string' ? { summary: raw.summary } : raw.summary !== undefined ? { summary: '' } : {}),
  };
}

/** Puts checked answers on a scorecard, through the same functions a terminal session uses. */
export function applyAnswers(plan: StagePlan, scorecard: Scorecard, answers: Answers, now: Date): Scorecard {
  let next: Scorecard = { ...scorecard, ratings: [], flags: [] };
  for (const r of answers.ratings) next = applyRating(plan, next, r.dimension, r.rating, r.evidence, now);
  const marks = answers.flags.map((f) => {
    const flag = plan.flags.find((x) => x.id === f.flag);
    if (!flag) throw new RangeError(`unknown flag ${f.flag}`);
    return { flag: f.flag, kind: flag.kind, note: f.note };
  });
  next = applyFlags(next, marks, now);
  const { recommendation: _r, summary: _s, ...rest } = next;
  next = rest as Scorecard;
  if (answers.recommendation) next = applyRecommendation(next, answers.recommendation, now);
  if (answers.summary !== undefined) next = applySummary(next, answers.summary, now);
  return next;
}
