// Greenhouse Harvest API scorecards (GET /v1/scorecards, or /v1/applications/{id}/scorecards): a list of
// submitted scorecards, each with its interview (step), interviewer, overall recommendation, attribute
// ratings with optional notes and free-text questions. Older exports name the interview as a string in
// `interview` and the interviewer in `submitted_by`; both shapes are read.
import { z } from 'zod';
import { htmlToText } from './html-text.js';
import type { AtsRead, AtsScorecard, ImportProblem } from './model.js';
import { notAWord, problemsOf } from './problems.js';

export const GREENHOUSE_RATINGS = ['definitely_not', 'no', 'mixed', 'yes', 'strong_yes', 'no_decision'] as const;
export const GREENHOUSE_RECOMMENDATIONS = ['definitely_not', 'no', 'mixed', 'yes', 'strong_yes', 'no_decision'] as const;

const ghId = z.union([z.number().int(), z.string().trim().min(1)], { error: 'expected an id: a number or a text' }).transform(String);
const isoTime = z.iso.datetime({ offset: true, error: 'expected a date and time such as 2026-03-26T21:59:51Z' });
const words = z.string().nullish();

const User = z.looseObject({ id: ghId.nullish(), name: words, first_name: words, last_name: words, employee_id: z.union([z.string(), z.number()]).nullish() });

const Attribute = z.looseObject({
  name: z.string().trim().min(1, 'the attribute has no name'),
  type: words,
  note: words,
  rating: z.enum(GREENHOUSE_RATINGS, { error: notAWord('a Greenhouse rating', GREENHOUSE_RATINGS) }),
});

const Question = z.looseObject({ id: ghId.nullish(), question: words, answer: words });

const Scorecard = z.looseObject({
  id: ghId,
  candidate_id: ghId.nullish(),
  application_id: ghId.nullish(),
  interview: words,
  interview_step: z.looseObject({ id: ghId.nullish(), name: z.string().trim().min(1) }).nullish(),
  interviewer: User.nullish(),
  submitted_by: User.nullish(),
  submitted_at: isoTime.nullish(),
  created_at: isoTime.nullish(),
  updated_at: isoTime.nullish(),
  interviewed_at: isoTime.nullish(),
  overall_recommendation: z.enum(GREENHOUSE_RECOMMENDATIONS, { error: notAWord('a Greenhouse recommendation', GREENHOUSE_RECOMMENDATIONS) }).nullish(),
  attributes: z.array(Attribute).nullish(),
  questions: z.array(Question).nullish(),
});

function nameOf(user: z.infer<typeof User> | null | undefined): string | undefined {
  if (!user) return undefined;
  const full = user.name?.trim() || [user.first_name?.trim(), user.last_name?.trim()].filter(Boolean).join(' ');
  return full || undefined;
}

/** Reads a Greenhouse export (already parsed JSON): every scorecard, or every problem at its path. */
export function readGreenhouse(data: unknown): AtsRead {
  const list = Array.isArray(data) ? data : typeof data === 'object' && data !== null ? [data] : undefined;
  if (!list) return { problems: [{ path: [], message: 'expected the list of scorecards Greenhouse exports (GET /v1/scorecards), a JSON array of objects' }] };
  // A single scorecard (GET /v1/scorecards/{id}) has no index in its paths.
  const at = (i: number): Array<string | number> => (Array.isArray(data) ? [i] : []);
  const problems: ImportProblem[] = [];
  const scorecards: AtsScorecard[] = [];
  list.forEach((item, i) => {
    const parsed = Scorecard.safeParse(item, { reportInput: true });
    if (!parsed.success) {
      problems.push(...problemsOf(parsed.error, at(i)));
      return;
    }
    const sc = parsed.data;
    const interviewName = sc.interview_step?.name ?? sc.interview?.trim();
    if (!interviewName) problems.push({ path: at(i), message: 'has no interview_step.name (or interview); the mapping needs the interview to choose a stage' });
    const interviewer = sc.interviewer ?? sc.submitted_by;
    const ratings = (sc.attributes ?? []).map((a, j) => {
      const note = a.note ? htmlToText(a.note) : '';
      return { name: a.name.trim(), word: a.rating, ...(note ? { note } : {}), path: [...at(i), 'attributes', j] };
    });
    const answers = (sc.questions ?? []).flatMap((q, j) => {
      const answer = q.answer ? htmlToText(q.answer) : '';
      const question = q.question?.trim() ?? '';
      return answer && question ? [{ question, answer, path: [...at(i), 'questions', j] }] : [];
    });
    if (!interviewName) return;
    scorecards.push({
      system: 'greenhouse',
      path: at(i),
      id: sc.id,
      ...(sc.candidate_id ? { candidateId: sc.candidate_id } : {}),
      ...(sc.application_id ? { applicationId: sc.application_id } : {}),
      interview: { ...(sc.interview_step?.id ? { id: sc.interview_step.id } : {}), name: interviewName, path: [...at(i), sc.interview_step ? 'interview_step' : 'interview'] },
      interviewer: {
        ...(interviewer?.id ? { id: interviewer.id } : {}),
        ...(nameOf(interviewer) ? { name: nameOf(interviewer) } : {}),
        path: [...at(i), sc.interviewer ? 'interviewer' : 'submitted_by'],
      },
      ...(sc.submitted_at ? { submittedAt: sc.submitted_at } : {}),
      ...(sc.created_at ? { createdAt: sc.created_at } : {}),
      ...(sc.updated_at ? { updatedAt: sc.updated_at } : {}),
      ...(sc.overall_recommendation ? { recommendation: { word: sc.overall_recommendation, path: [...at(i), 'overall_recommendation'] } } : {}),
      ratings,
      answers,
      ...(sc.submitted_at ? {} : { notSubmitted: 'it has no submitted_at (not submitted in Greenhouse)' }),
    });
  });
  return problems.length > 0 ? { problems } : { scorecards, problems: [] };
}
