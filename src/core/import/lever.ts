// Lever feedback forms (GET /opportunities/:id/feedback, one opportunity's forms: `{ "data": [...] }` or the
// bare list). A form has a title (`text`), the interviewer's user id (or the expanded user), epoch-millisecond
// times and fields: one `score-system` field holds the overall rating ("3 - Hire"); `score` fields hold one
// skill's score (1 to 4) and `scorecard` fields several skills' scores, each with an optional comment;
// text fields hold free answers.
import { z } from 'zod';
import { htmlToText } from './html-text.js';
import type { AtsAnswer, AtsRating, AtsRead, AtsScorecard, ImportProblem, JsonPath } from './model.js';
import { problemsOf } from './problems.js';

/** Lever's thumbs scale for skills. */
export const LEVER_SCORES = ['1', '2', '3', '4'] as const;
/** The overall rating options of Lever's default score system. */
export const LEVER_RECOMMENDATIONS = ['4 - Strong Hire', '3 - Hire', '2 - No Hire', '1 - Strong No Hire'] as const;

const epochMs = z.number({ error: 'expected a time in milliseconds since 1970 (a number)' }).int().nonnegative();
const uid = z.string().trim().min(1);

const Field = z.looseObject({
  id: z.string().nullish(),
  type: z.string().trim().min(1),
  text: z.string().nullish(),
  description: z.string().nullish(),
  required: z.boolean().nullish(),
  overall: z.boolean().nullish(),
  options: z.array(z.looseObject({ text: z.string() })).nullish(),
  scores: z.array(z.looseObject({ text: z.string().trim().min(1), description: z.string().nullish() })).nullish(),
  value: z.unknown(),
});

const Form = z.looseObject({
  id: uid,
  type: z.string().nullish(),
  text: z.string().trim().min(1, 'the feedback form has no title (text)'),
  instructions: z.string().nullish(),
  fields: z.array(Field),
  baseTemplateId: z.string().nullish(),
  interview: z.string().nullish(),
  panel: z.string().nullish(),
  user: z.union([uid, z.looseObject({ id: uid, name: z.string().nullish(), email: z.string().nullish() })], {
    error: 'expected the id of the Lever user who wrote the feedback, or the expanded user',
  }),
  createdAt: epochMs.nullish(),
  updatedAt: epochMs.nullish(),
  completedAt: epochMs.nullish(),
  deletedAt: epochMs.nullish(),
});
type Field = z.infer<typeof Field>;

const TEXT_FIELDS = new Set(['text', 'textarea', 'code', 'dropdown', 'multiple-choice', 'multiple-select', 'yes-no']);

function iso(ms: number | null | undefined): string | undefined {
  return ms === null || ms === undefined ? undefined : new Date(ms).toISOString();
}

/** The overall rating: the score-system field, or (in older exports) a field marked overall or a score field holding one of its options. */
function isOverall(field: Field): boolean {
  if (field.type === 'score-system' || field.overall === true) return true;
  return field.type === 'score' && typeof field.value === 'string' && (field.options ?? []).some((o) => o.text === field.value);
}

function scoreWord(value: unknown, path: JsonPath, problems: ImportProblem[]): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
  if ((LEVER_SCORES as readonly string[]).includes(text)) return text;
  problems.push({ path, message: `${JSON.stringify(value)} is not a Lever score (expected 1, 2, 3 or 4, or null when not scored)` });
  return undefined;
}

function answerText(value: unknown): string {
  if (typeof value === 'string') return htmlToText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').map(htmlToText).filter(Boolean).join('; ');
  return '';
}

export function readLever(data: unknown): AtsRead {
  const wrapped = typeof data === 'object' && data !== null && !Array.isArray(data) && Array.isArray((data as { data?: unknown }).data);
  const list = wrapped ? ((data as { data: unknown[] }).data) : Array.isArray(data) ? data : undefined;
  if (!list) return { problems: [{ path: [], message: 'expected the feedback forms Lever exports (GET /opportunities/:id/feedback): { "data": [...] } or a JSON array of forms' }] };
  const base: JsonPath = wrapped ? ['data'] : [];
  const problems: ImportProblem[] = [];
  const scorecards: AtsScorecard[] = [];
  list.forEach((item, i) => {
    const at: JsonPath = [...base, i];
    const parsed = Form.safeParse(item, { reportInput: true });
    if (!parsed.success) {
      problems.push(...problemsOf(parsed.error, at));
      return;
    }
    const form = parsed.data;
    const ratings: AtsRating[] = [];
    const answers: AtsAnswer[] = [];
    let recommendation: AtsScorecard['recommendation'];
    form.fields.forEach((field, j) => {
      const fieldPath: JsonPath = [...at, 'fields', j];
      const label = field.text?.trim() ?? '';
      if (isOverall(field)) {
        if (field.value === null || field.value === undefined || field.value === '') return;
        if (typeof field.value !== 'string') {
          problems.push({ path: [...fieldPath, 'value'], message: `expected the chosen option as text (such as "3 - Hire"), got ${JSON.stringify(field.value)}` });
          return;
        }
        if (recommendation) {
          problems.push({ path: fieldPath, message: 'a second overall rating (score-system) in one form; Lever forms have exactly one' });
          return;
        }
        recommendation = { word: field.value.trim(), path: [...fieldPath, 'value'] };
      } else if (field.type === 'score') {
        if (!label) return void problems.push({ path: [...fieldPath, 'text'], message: 'a score field without a label (text); the mapping needs it to choose a dimension' });
        const word = scoreWord(field.value, [...fieldPath, 'value'], problems);
        if (word) ratings.push({ name: label, word, path: fieldPath });
      } else if (field.type === 'scorecard') {
        const skills = field.scores ?? [];
        if (field.value === null || field.value === undefined) return;
        if (!Array.isArray(field.value)) return void problems.push({ path: [...fieldPath, 'value'], message: 'expected a list of { score, comment }, one per skill in scores' });
        if (field.value.length > skills.length) {
          return void problems.push({ path: [...fieldPath, 'value'], message: `holds ${field.value.length} scores for ${skills.length} skills in scores; each score needs its skill` });
        }
        field.value.forEach((entry: unknown, k: number) => {
          const skill = skills[k];
          if (!skill || entry === null || entry === undefined) return;
          if (typeof entry !== 'object' || Array.isArray(entry)) return void problems.push({ path: [...fieldPath, 'value', k], message: 'expected { score, comment }' });
          const { score, comment } = entry as { score?: unknown; comment?: unknown };
          const word = scoreWord(score, [...fieldPath, 'value', k, 'score'], problems);
          if (comment !== undefined && comment !== null && typeof comment !== 'string') problems.push({ path: [...fieldPath, 'value', k, 'comment'], message: 'expected a text' });
          const note = typeof comment === 'string' ? htmlToText(comment) : '';
          if (word) ratings.push({ name: skill.text.trim(), word, ...(note ? { note } : {}), path: [...fieldPath, 'value', k] });
        });
      } else if (TEXT_FIELDS.has(field.type)) {
        const answer = answerText(field.value);
        if (answer && label) answers.push({ question: label, answer, path: fieldPath });
      }
    });
    const user = typeof form.user === 'string' ? { id: form.user } : { id: form.user.id, ...(form.user.name?.trim() ? { name: form.user.name.trim() } : {}) };
    const completed = iso(form.completedAt);
    scorecards.push({
      system: 'lever',
      path: at,
      id: form.id,
      interview: { ...(form.interview ? { id: form.interview } : {}), name: form.text.trim(), path: [...at, 'text'] },
      interviewer: { ...user, path: [...at, 'user'] },
      ...(completed ? { submittedAt: completed } : {}),
      ...(iso(form.createdAt) ? { createdAt: iso(form.createdAt) } : {}),
      ...(iso(form.updatedAt) ? { updatedAt: iso(form.updatedAt) } : {}),
      ...(recommendation ? { recommendation } : {}),
      ratings,
      answers,
      ...(form.deletedAt ? { notSubmitted: 'it was deleted in Lever' } : completed ? {} : { notSubmitted: 'it has no completedAt (not completed in Lever)' }),
    });
  });
  return problems.length > 0 ? { problems } : { scorecards, problems: [] };
}
