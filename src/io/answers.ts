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
import path from 'node:path';
import { checkSchema, formatLocated, locate, parseYaml, readYamlText, toPlain, type Located } from './yaml-file.js';
import { nearest } from '../core/nearest.js';

export const ANSWERS_FORMAT = 'hirekit-answers/1';

const AnswerRating = z
  .object({
    // Which levels exist depends on the rubric's scale; checkAnswers names them.
    rating: z.union([z.number(), z.literal(INSUFFICIENT)], {
      error: `must be a level of the scale (a number such as 3) or ${INSUFFICIENT} (insufficient evidence is its own answer, not a low score)`,
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
 * Reads and checks an answers file against a stage; the first problem is thrown as a DataError. A relative
 * `file` is read from `cwd` and named in messages as given.
 */
export async function readAnswers(file: string, plan: StagePlan, draft: boolean, cwd?: string): Promise<Answers> {
  const text = await readYamlText(file, 'answers file', cwd === undefined ? file : path.resolve(cwd, file));
  const { yaml, findings } = parseYaml(file, text);
  const errors: Located[] = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0 && yaml.doc.contents === null) {
    errors.push({ file, line: 1, col: 1, severity: 'error', code: 'empty', path: [], message: 'the answers file is empty; see docs/answers-file.md for the format' });
  }
  let parsed: z.infer<typeof AnswersSchema> | undefined;
  if (errors.length === 0) {
    const checked = checkSchema(yaml, toPlain(yaml), AnswersSchema);
    errors.push(...checked.findings);
    parsed = checked.value;
  }
  if (parsed) errors.push(...checkAnswers(plan, parsed, draft).map((f) => locate(yaml, f)));
  const first = errors.sort((a, b) => a.line - b.line || a.col - b.col)[0];
  if (first) throw new DataError(`${formatLocated(first)}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`);
  if (!parsed) throw new DataError(`${file}: not a valid answers file; see docs/answers-file.md`);
  return {
    ratings: Object.entries(parsed.ratings).map(([dimension, a]) => ({ dimension, rating: a.rating, evidence: a.evidence })),
    flags: Object.entries(parsed.flags).map(([flag, note]) => ({ flag, note })),
    ...(parsed.recommendation ? { recommendation: parsed.recommendation } : {}),
    ...(parsed.summary !== undefined ? { summary: parsed.summary } : {}),
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
