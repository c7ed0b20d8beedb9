// A scoring session, pure: what a stage asks, in which order, what counts as evidence, and how each answer
// changes a scorecard. The order is the method: dimensions are rated (each with its evidence) before flags,
// and flags before the overall recommendation, so the overall call cannot colour the dimension ratings.
import { type CaseStudy, type Dimension, type Question, type RatingValue, type Rubric, type Stage, INSUFFICIENT } from './rubric.js';
import { caseQuestions, findCaseStudy, findStage, flagsFor, scaleLevels, scaleLevel, stageDimensions, stageQuestions, type Flag } from './rubric-queries.js';
import { unsafeCharacters } from './text-safety.js';
import { SCORECARD_FORMAT, type FlagMark, type Note, type Person, type Recommendation, type Scorecard } from './scorecard.js';
import { stageTiming, type TimingSlot } from './timing-plan.js';
import { RATING_WORDS } from './rating-words.js';

/** Everything one stage asks of an interviewer, in the order it is asked. */
export interface StagePlan {
  stage: Stage;
  /** The levels an interviewer chooses from, 1 up to the scale's top, with their labels. */
  levels: Array<{ level: number; label: string }>;
  /** Per dimension: the questions asked in their own slots and those asked inside the case study. */
  dimensions: Array<{ dimension: Dimension; questions: Question[]; caseQuestions: Question[] }>;
  caseStudy?: CaseStudy;
  /** Flags bearing on the stage's dimensions, and the cross-cutting ones; green, concern, red. */
  flags: Flag[];
}

export function planFor(rubric: Rubric, stageId: string): StagePlan | undefined {
  const stage = findStage(rubric, stageId);
  if (!stage) return undefined;
  const questions = stageQuestions(rubric, stage);
  const inCase = caseQuestions(rubric, stage);
  const dimensions = stageDimensions(rubric, stage).map((dimension) => ({
    dimension,
    questions: questions.filter((q) => q.dimension.id === dimension.id).map((q) => q.question),
    caseQuestions: inCase.filter((q) => q.dimension.id === dimension.id).map((q) => q.question),
  }));
  const caseStudy = findCaseStudy(rubric, stage.case_study);
  return {
    stage,
    levels: scaleLevels(rubric).map((level) => ({ level, label: scaleLevel(rubric, level)?.label ?? String(level) })),
    dimensions,
    ...(caseStudy ? { caseStudy } : {}),
    flags: flagsFor(
      rubric,
      dimensions.map((d) => d.dimension.id),
    ),
  };
}

export type ScoringStep =
  | { kind: 'rating'; index: number; dimension: Dimension }
  | { kind: 'flags' }
  | { kind: 'recommendation' }
  | { kind: 'summary' }
  | { kind: 'review' };

/**
 * Ticked flags still waiting for their note, in the stage's order. `ticked` is what the interviewer ticked
 * (kept outside the scorecard until each note is written, since the format keeps a flag only with its note);
 * a flag the scorecard already has a note for, or one the stage no longer has, is not waiting.
 */
export function flagsAwaitingNotes(plan: StagePlan, scorecard: Scorecard, ticked: readonly string[]): Flag[] {
  return plan.flags.filter((f) => ticked.includes(f.id) && !scorecard.flags.some((m) => m.flag === f.id));
}

/**
 * Where a session stands: the first dimension without a rating, then flags, recommendation and summary.
 * Flags count as answered once one is ticked or a recommendation exists (asked only after them), unless a
 * ticked flag still waits for its note; ticking none leaves nothing on disk, so a session stopped there asks
 * for flags again.
 */
export function nextStep(plan: StagePlan, scorecard: Scorecard, ticked: readonly string[] = []): ScoringStep {
  for (const [index, { dimension }] of plan.dimensions.entries()) {
    if (!scorecard.ratings.some((r) => r.dimension === dimension.id)) return { kind: 'rating', index, dimension };
  }
  if (flagsAwaitingNotes(plan, scorecard, ticked).length > 0) return { kind: 'flags' };
  if (plan.flags.length > 0 && scorecard.recommendation === undefined && scorecard.flags.length === 0) return { kind: 'flags' };
  if (scorecard.recommendation === undefined) return { kind: 'recommendation' };
  if (scorecard.summary === undefined) return { kind: 'summary' };
  return { kind: 'review' };
}

/** How many answers a scorecard holds, for "resume (3 answers so far)"; notes are counted apart (noteCount). */
export function answerCount(scorecard: Scorecard): number {
  return scorecard.ratings.length + scorecard.flags.length + (scorecard.recommendation ? 1 : 0) + (scorecard.summary ? 1 : 0);
}

const MIN_WORDS = 3;
const MIN_CHARS = 15;

/**
 * Evidence must be a real sentence, not a word repeated: at least three distinct words and fifteen
 * characters. Returns why a text falls short, or undefined when it is fine. Used for evidence, flag notes,
 * summaries and the reason of an amendment.
 */
export function checkEvidence(text: string, what = 'evidence'): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return `${what} is required: write what the candidate said or did`;
  // Kept for the committee and printed on terminals: no escape sequences, control characters or bidi overrides.
  const unsafe = unsafeCharacters(trimmed.replace(/\t/g, ' '));
  if (unsafe) return `${what} contains ${unsafe}; type or paste it as plain text`;
  const words = new Set(
    trimmed
      .toLocaleLowerCase()
      .split(/[^\p{L}\p{N}'’-]+/u)
      .filter((w) => /[\p{L}\p{N}]/u.test(w)),
  );
  if (words.size < MIN_WORDS || [...trimmed].length < MIN_CHARS) {
    const shown = trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed;
    return `${what} must be a real sentence (at least ${MIN_WORDS} different words and ${MIN_CHARS} characters), not "${shown.replace(/\s+/g, ' ')}"`;
  }
  return undefined;
}

export interface NewScorecard {
  rubric: { id: string; version: string; hash: string };
  candidate: Person;
  interviewer: Person;
  stage: string;
  now: Date;
}

export function newScorecard(input: NewScorecard): Scorecard {
  const at = input.now.toISOString();
  return {
    format: SCORECARD_FORMAT,
    rubric: input.rubric,
    candidate: input.candidate,
    interviewer: input.interviewer,
    stage: input.stage,
    status: 'draft',
    created_at: at,
    updated_at: at,
    ratings: [],
    flags: [],
    audit: [],
  };
}

function touched(scorecard: Scorecard, now: Date): Scorecard {
  return { ...scorecard, updated_at: now.toISOString() };
}

/** Sets (or replaces) one dimension's rating and evidence, keeping ratings in the stage's order. */
export function applyRating(
  plan: StagePlan,
  scorecard: Scorecard,
  dimensionId: string,
  rating: RatingValue,
  evidence: string,
  now: Date,
): Scorecard {
  const problem = checkEvidence(evidence);
  if (problem) throw new RangeError(problem);
  if (rating !== INSUFFICIENT && !plan.levels.some((l) => l.level === rating)) throw new RangeError(ratingProblem(plan, rating));
  const order = plan.dimensions.map((d) => d.dimension.id);
  const ratings = [
    ...scorecard.ratings.filter((r) => r.dimension !== dimensionId),
    { dimension: dimensionId, rating, evidence: evidence.trim(), at: now.toISOString() },
  ].sort((a, b) => order.indexOf(a.dimension) - order.indexOf(b.dimension));
  return touched({ ...scorecard, ratings }, now);
}

/** Why a value is not a rating of this stage's scale. */
export function ratingProblem(plan: StagePlan, value: unknown): string {
  const levels = plan.levels.map((l) => String(l.level));
  return `${JSON.stringify(value)} is not a rating: use ${levels.join(', ')} (the scale's levels) or ${INSUFFICIENT} (${RATING_WORDS.insufficient} is its own answer, not a low score)`;
}

/** Sets the ticked flags with their notes; flags not listed are unticked. */
export function applyFlags(scorecard: Scorecard, marks: ReadonlyArray<Omit<FlagMark, 'at'> & { at?: string }>, now: Date): Scorecard {
  for (const mark of marks) {
    const problem = checkEvidence(mark.note, `the note for flag '${mark.flag}'`);
    if (problem) throw new RangeError(problem);
  }
  const flags = marks.map((m) => ({ flag: m.flag, kind: m.kind, note: m.note.trim(), at: m.at ?? now.toISOString() }));
  return touched({ ...scorecard, flags }, now);
}

export function applyRecommendation(scorecard: Scorecard, recommendation: Recommendation, now: Date): Scorecard {
  return touched({ ...scorecard, recommendation }, now);
}

export function applySummary(scorecard: Scorecard, summary: string, now: Date): Scorecard {
  const problem = checkEvidence(summary, 'the summary');
  if (problem) throw new RangeError(problem);
  return touched({ ...scorecard, summary: summary.trim() }, now);
}

/** What still stops a scorecard from being submitted; empty when it is complete. `ticked` as in flagsAwaitingNotes. */
export function missingForSubmit(plan: StagePlan, scorecard: Scorecard, ticked: readonly string[] = []): string[] {
  const missing: string[] = [];
  for (const { dimension } of plan.dimensions) {
    const rating = scorecard.ratings.find((r) => r.dimension === dimension.id);
    if (!rating) missing.push(`a rating for ${dimension.name} (${dimension.id})`);
    else if (rating.evidence === undefined || checkEvidence(rating.evidence)) missing.push(`real evidence for ${dimension.name} (${dimension.id})`);
  }
  const focus = new Set(plan.dimensions.map((d) => d.dimension.id));
  for (const r of scorecard.ratings) if (!focus.has(r.dimension)) missing.push(`nothing for ${r.dimension}: it is not rated in stage ${plan.stage.id}`);
  const known = new Set(plan.flags.map((f) => f.id));
  for (const f of scorecard.flags) {
    if (!known.has(f.flag)) missing.push(`nothing for flag ${f.flag}: it does not apply to stage ${plan.stage.id}`);
    else if (checkEvidence(f.note)) missing.push(`a real note for flag ${f.flag}`);
  }
  for (const f of flagsAwaitingNotes(plan, scorecard, ticked)) missing.push(`a note for flag ${f.id} (ticked, no note yet)`);
  if (!scorecard.recommendation) missing.push('an overall recommendation');
  if (!scorecard.summary) missing.push('a summary');
  return missing;
}

export function submit(plan: StagePlan, scorecard: Scorecard, now: Date, ticked: readonly string[] = []): Scorecard {
  const missing = missingForSubmit(plan, scorecard, ticked);
  if (missing.length > 0) throw new RangeError(`the scorecard still needs ${missing.join(', ')}`);
  const at = now.toISOString();
  return { ...scorecard, status: 'submitted', updated_at: at, submitted_at: at };
}

/** The answers of a scorecard, as kept in the audit trail when they are about to change. */
export function answersOf(scorecard: Scorecard): Record<string, unknown> {
  return {
    status: scorecard.status,
    ...(scorecard.submitted_at ? { submitted_at: scorecard.submitted_at } : {}),
    ratings: scorecard.ratings,
    flags: scorecard.flags,
    ...(scorecard.recommendation ? { recommendation: scorecard.recommendation } : {}),
    ...(scorecard.summary ? { summary: scorecard.summary } : {}),
  };
}

/** Reopens a submitted scorecard: the reason and the earlier answers go into the audit trail. */
export function reopen(scorecard: Scorecard, reason: string, now: Date): Scorecard {
  if (scorecard.status !== 'submitted') throw new RangeError('only a submitted scorecard can be amended');
  const at = now.toISOString();
  // The digest belongs to the submission being reopened; the next submit takes a new one.
  const { submitted_at: _dropped, digest: _digest, ...rest } = scorecard;
  return {
    ...rest,
    status: 'draft',
    updated_at: at,
    audit: [...scorecard.audit, { at, action: 'amend', reason: reason.trim(), previous: answersOf(scorecard) }],
  };
}

/** A fresh draft that remembers the one it replaces. */
export function restart(previous: Scorecard, fresh: Scorecard, reason: string, now: Date): Scorecard {
  return {
    ...fresh,
    audit: [...previous.audit, { at: now.toISOString(), action: 'start-over', reason, previous: answersOf(previous) }],
  };
}

/** "3 answers", "1 answer, 2 notes": what a draft holds so far. */
export function describeProgress(scorecard: Scorecard): string {
  const answers = answerCount(scorecard);
  const notes = scorecard.notes?.length ?? 0;
  const parts = [`${answers} answer${answers === 1 ? '' : 's'}`, ...(notes > 0 ? [`${notes} note${notes === 1 ? '' : 's'}`] : [])];
  return parts.join(', ');
}

/** What a note is about: one question of the stage, its case study, or the interview in general. */
export type NoteTopic = { question: string } | { case_study: string } | Record<string, never>;

/** Adds a note taken during the interview; notes are kept in the order they were written. */
export function addNote(scorecard: Scorecard, topic: NoteTopic, text: string, now: Date): Scorecard {
  const trimmed = text.trim();
  if (trimmed === '') throw new RangeError('a note must not be empty');
  const note: Note = { ...topic, text: trimmed, at: now.toISOString() };
  return touched({ ...scorecard, notes: [...(scorecard.notes ?? []), note] }, now);
}

export function notesAbout(scorecard: Scorecard, topic: NoteTopic): Note[] {
  const wanted = 'question' in topic ? { question: topic.question } : 'case_study' in topic ? { case_study: topic.case_study } : {};
  return (scorecard.notes ?? []).filter((n) => n.question === wanted.question && n.case_study === wanted.case_study);
}

/**
 * The notes that bear on one dimension: those about its questions in this stage, then those about the case
 * study when the case assesses it. Offered as the starting text of the evidence.
 */
export function notesForDimension(plan: StagePlan, scorecard: Scorecard, dimensionId: string): Note[] {
  const entry = plan.dimensions.find((d) => d.dimension.id === dimensionId);
  if (!entry) return [];
  const questionIds = new Set(entry.questions.map((q) => q.id));
  const caseId = plan.caseStudy && plan.caseStudy.dimensions.includes(dimensionId) ? plan.caseStudy.id : undefined;
  return (scorecard.notes ?? []).filter((n) => (n.question !== undefined && questionIds.has(n.question)) || (caseId !== undefined && n.case_study === caseId));
}

/**
 * Where to go from one dimension when the interviewer skips it: the next dimension without a rating after it
 * (wrapping round), other than the ones skipped; undefined when every other dimension is rated.
 */
export function nextUnrated(plan: StagePlan, scorecard: Scorecard, from: number, skipped: ReadonlySet<number> = new Set()): number | undefined {
  const count = plan.dimensions.length;
  const rated = (i: number): boolean => scorecard.ratings.some((r) => r.dimension === plan.dimensions[i]?.dimension.id);
  for (let step = 1; step < count; step += 1) {
    const i = (from + step) % count;
    if (!rated(i) && !skipped.has(i)) return i;
  }
  for (let step = 1; step < count; step += 1) {
    const i = (from + step) % count;
    if (!rated(i)) return i;
  }
  return undefined;
}

/** The stage's timing plan, and where the interview stands in it after `elapsedMinutes`. */
export interface InterviewClock {
  elapsed: number;
  total: number;
  slot?: TimingSlot;
  plan: TimingSlot[];
}

export function interviewClock(rubric: Rubric, plan: StagePlan, elapsedMinutes: number): InterviewClock {
  const slots = stageTiming(rubric, plan.stage).slots;
  const elapsed = Math.max(0, Math.floor(elapsedMinutes));
  const slot = slots.find((s) => elapsed >= s.from && elapsed < s.to);
  return { elapsed, total: plan.stage.duration_minutes, ...(slot ? { slot } : {}), plan: slots };
}
