// How the minutes of one interview stage are spent, planned the same way for every stage of every role: a
// welcome, the case study (with the questions asked inside it), every question in its own slot, and the
// candidate's questions at the end. The slots always add up to the stage's duration.
import { caseQuestions, findCaseStudy, stageQuestions, type Rubric, type Stage } from './rubric.js';

/** Below this a question and its probes cannot be asked properly. */
export const MIN_QUESTION_MINUTES = 5;

export type TimingSlotKind = 'opening' | 'case' | 'case-question' | 'question' | 'closing';

export interface TimingSlot {
  from: number;
  to: number;
  minutes: number;
  kind: TimingSlotKind;
  activity: string;
  /** For question slots: the question's id. */
  question?: string;
}

export interface TimingInput {
  minutes: number;
  opening?: number | undefined;
  closing?: number | undefined;
  /**
   * Minutes per question, or one entry per question in the order asked (the case's questions first, unless
   * the case comes last); when absent the stage's questions share the time left evenly.
   */
  perQuestion?: number | readonly number[] | undefined;
  caseStudy?: { title: string; minutes: number; questions: ReadonlyArray<{ id: string }> } | undefined;
  /** The case comes after the stage's questions instead of before them. */
  caseLast?: boolean | undefined;
  /** Numbered after the case's questions, as the pack numbers them. */
  questions: ReadonlyArray<{ id: string }>;
}

export interface StageTiming {
  slots: TimingSlot[];
  /** What the parts ask for before anything is trimmed to end on time. */
  wanted: { opening: number; case: number; caseWork: number; perCaseQuestion: number; caseQuestions: number[]; perQuestion: number[]; closing: number };
  /** Minutes the wanted parts add up to; more than the stage's duration means slots were trimmed from the end. */
  needed: number;
  /** False when a question would get less than MIN_QUESTION_MINUTES, the case leaves no time to work, or slots were trimmed. */
  fits: boolean;
  /** Minutes the fixed parts (opening, question_minutes, closing) leave over, given to the closing; 0 when none were fixed together. */
  spare: number;
}

export function defaultOpening(minutes: number): number {
  return minutes >= 45 ? 5 : Math.min(3, Math.floor(minutes / 10));
}

export function defaultClosing(minutes: number): number {
  return minutes >= 45 ? 10 : Math.min(5, Math.floor(minutes / 6));
}

/** Splits `total` minutes into `count` whole-minute shares that differ by at most one, larger first. */
function shares(total: number, count: number): number[] {
  if (count === 0) return [];
  const base = Math.floor(Math.max(0, total) / count);
  const extra = Math.max(0, total) - base * count;
  return Array.from({ length: count }, (_, i) => base + (i < extra ? 1 : 0));
}

export function planTiming(input: TimingInput): StageTiming {
  const { minutes, questions } = input;
  const opening = input.opening ?? defaultOpening(minutes);
  const caseMinutes = input.caseStudy?.minutes ?? 0;
  const inCase = input.caseStudy?.questions ?? [];
  let closing = input.closing ?? defaultClosing(minutes);
  let perQuestion: number[];
  let spare = 0;
  // A list gives the case's questions their minutes first, then the stage's; a short list repeats its last entry.
  const fixed = input.perQuestion;
  const minutesOf = (i: number): number =>
    typeof fixed === 'number' ? fixed : (fixed?.[Math.min(i, (fixed?.length ?? 1) - 1)] ?? 0);
  // Position in the order asked: the case's questions first, or after the stage's when the case comes last.
  const caseLast = input.caseLast === true;
  const stageIndex = (i: number): number => (caseLast ? i : inCase.length + i);
  const caseIndex = (i: number): number => (caseLast ? questions.length + i : i);
  if (fixed !== undefined) {
    perQuestion = questions.map((_, i) => minutesOf(stageIndex(i)));
    const left = minutes - opening - caseMinutes - perQuestion.reduce((s, m) => s + m, 0);
    if (input.closing === undefined) closing = Math.max(0, left);
    else if (left > closing) {
      // Opening, question_minutes and closing were all fixed and leave time over: the candidate gets it.
      spare = left - closing;
      closing = left;
    }
  } else if (questions.length > 0) {
    perQuestion = shares(minutes - opening - caseMinutes - closing, questions.length);
  } else {
    perQuestion = [];
    closing = Math.max(closing, minutes - opening - caseMinutes);
  }
  // Questions asked inside the case take question_minutes, or the stage's shortest question slot (10 when it has none).
  const caseQuestionMinutes = inCase.map((_, i) =>
    fixed !== undefined ? minutesOf(caseIndex(i)) : perQuestion.length > 0 ? Math.min(...perQuestion) : 10,
  );
  const perCaseQuestion = caseQuestionMinutes.length > 0 ? Math.min(...caseQuestionMinutes) : 0;
  const caseWork = caseMinutes - caseQuestionMinutes.reduce((s, m) => s + m, 0);

  const study: Array<Omit<TimingSlot, 'from' | 'to'>> = [];
  if (input.caseStudy) {
    study.push({
      minutes: Math.max(0, caseWork),
      kind: 'case',
      activity: `Case study: ${input.caseStudy.title}. Hand over the brief, let the candidate work, then probe`,
    });
    inCase.forEach((q, i) =>
      study.push({ minutes: caseQuestionMinutes[i] ?? 0, kind: 'case-question', question: q.id, activity: `Question ${caseIndex(i) + 1}, inside the case, with its probes` }),
    );
  }
  const asked = questions.map((q, i): Omit<TimingSlot, 'from' | 'to'> => ({
    minutes: perQuestion[i] ?? 0,
    kind: 'question',
    question: q.id,
    activity: `Question ${stageIndex(i) + 1}, with its probes`,
  }));
  const wanted: Array<Omit<TimingSlot, 'from' | 'to'>> = [
    { minutes: opening, kind: 'opening', activity: 'Welcome: introduce yourself and explain the format and that you will take notes' },
    ...(caseLast ? [...asked, ...study] : [...study, ...asked]),
  ];
  wanted.push({ minutes: closing, kind: 'closing', activity: "The candidate's questions, and what happens next" });

  const needed = wanted.reduce((s, w) => s + w.minutes, 0);
  // Over-long plans are trimmed from the end so the stage still ends on time; validate says what no longer fits.
  let from = 0;
  const slots: TimingSlot[] = [];
  for (const w of wanted) {
    const length = Math.min(w.minutes, minutes - from);
    if (length <= 0) continue;
    slots.push({ ...w, from, to: from + length, minutes: length });
    from += length;
  }
  const fits =
    needed <= minutes &&
    perQuestion.every((m) => m >= MIN_QUESTION_MINUTES) &&
    caseQuestionMinutes.every((m) => m >= MIN_QUESTION_MINUTES) &&
    (inCase.length === 0 || caseWork >= MIN_QUESTION_MINUTES);
  return { slots, wanted: { opening, case: caseMinutes, caseWork, perCaseQuestion, caseQuestions: caseQuestionMinutes, perQuestion, closing }, needed, fits, spare };
}

/** The timing plan of one stage of a rubric. */
export function stageTiming(rubric: Rubric, stage: Stage): StageTiming {
  const study = findCaseStudy(rubric, stage.case_study);
  const brief = (q: { question: { id: string } }): { id: string } => ({ id: q.question.id });
  return planTiming({
    minutes: stage.duration_minutes,
    opening: stage.opening_minutes,
    closing: stage.closing_minutes,
    perQuestion: stage.question_minutes,
    caseStudy: study ? { title: study.title, minutes: study.duration_minutes, questions: caseQuestions(rubric, stage).map(brief) } : undefined,
    caseLast: stage.case_order === 'after-questions',
    questions: stageQuestions(rubric, stage).map(brief),
  });
}
