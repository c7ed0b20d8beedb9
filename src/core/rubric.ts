// The rubric domain model. The zod schema is the single source of truth: TypeScript types are
// inferred from it and rubrics/rubric.schema.json is generated from it.
import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');
const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single hyphens');
const minutes = z.number().int().positive().max(600);

export const LEVELS = [1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];
export const INSUFFICIENT = 'insufficient' as const;
/** A rating is one of the four anchored levels or the separate answer "insufficient evidence". */
export type RatingValue = Level | typeof INSUFFICIENT;

export const Source = z
  .object({
    file: text.describe('Blueprint file the content was derived from, e.g. 002_57c1d4d0f2d759ef.txt'),
    section: text.describe('Section of that file, e.g. "19 Hiring Evaluation Criteria"'),
  })
  .strict()
  .describe('Where this content comes from, so a reviewer can trace it back');

const ScaleLevel = z
  .object({
    label: text.describe('Short label printed on scoring sheets, e.g. "meets bar"'),
    meaning: text.describe('What this level means across all dimensions'),
  })
  .strict();

export const Scale = z
  .object({
    1: ScaleLevel,
    2: ScaleLevel,
    3: ScaleLevel,
    4: ScaleLevel,
    insufficient: ScaleLevel.describe('The separate answer "insufficient evidence"; never counts as a low score'),
  })
  .strict()
  .describe('The four-level rating scale shared by every dimension, plus "insufficient evidence"');

export const Anchors = z
  .object({ 1: text, 2: text, 3: text, 4: text })
  .strict()
  .describe('A behavioural anchor for each of the four levels: what an answer at that level sounds like');

export const QuestionKind = z.enum(['behavioural', 'situational', 'technical']);

export const Question = z
  .object({
    id,
    kind: QuestionKind,
    text: text.describe('The question exactly as the interviewer asks it'),
    probes: z.array(text).min(1).describe('Follow-up probes'),
    listen_for: z.array(text).min(1).describe('What a strong answer contains'),
  })
  .strict();

export const Dimension = z
  .object({
    id,
    name: text,
    measures: text.describe('What this dimension measures'),
    weight: z.number().positive().describe('Weight in the composite, fixed in advance'),
    anchors: Anchors,
    questions: z.array(Question).default([]),
    source: Source.optional(),
  })
  .strict();

export const GreenFlag = z
  .object({ id, text, dimension: id, source: Source.optional() })
  .strict();

export const RedFlag = z
  .object({
    id,
    text,
    dimension: id,
    knockout: z
      .boolean()
      .default(false)
      .describe('Disqualifying on its own unless the committee overrides it with a reason'),
    source: Source.optional(),
  })
  .strict();

export const Flags = z
  .object({ green: z.array(GreenFlag).default([]), red: z.array(RedFlag).default([]) })
  .strict();

export const CaseStudy = z
  .object({
    id,
    title: text,
    duration_minutes: minutes,
    dimensions: z.array(id).min(1).describe('Dimensions this case assesses'),
    brief: text.describe('The scenario exactly as handed to the candidate'),
    guide: text.describe('Interviewer-only guide: how to run the case and what to push on'),
    strong: z.array(text).min(1).describe('What strong answers look like'),
    weak: z.array(text).min(1).describe('What weak answers look like'),
    source: Source.optional(),
  })
  .strict();

export const Stage = z
  .object({
    id,
    name: text,
    duration_minutes: minutes,
    interviewers: text.describe('Who runs this stage, e.g. "Hiring manager" or "Two senior ML engineers"'),
    purpose: text,
    focus: z.array(id).min(1).describe('Dimensions rated in this stage'),
    questions: z
      .array(id)
      .optional()
      .describe('Question ids to ask; when omitted, every question of the focus dimensions'),
    case_study: id.optional(),
  })
  .strict();

export const Hurdle = z
  .object({
    dimension: id,
    min_level: z.number().int().min(1).max(4).describe('The dimension score must reach this level'),
  })
  .strict();

export const Policy = z
  .object({
    weights_total: z
      .number()
      .positive()
      .default(100)
      .describe('What the dimension weights must add up to, e.g. 100 or 1'),
    dimension_score: z
      .enum(['median', 'mean'])
      .default('median')
      .describe('How the panel ratings of one dimension are combined before weighting'),
    bar: z
      .number()
      .min(1)
      .max(4)
      .default(3)
      .describe('Weighted composite at or above this is reported as "at or above bar"'),
    hurdles: z.array(Hurdle).default([]),
    min_scorecards: z.number().int().min(1).default(3).describe('Fewer submitted scorecards is flagged in the debrief'),
    min_coverage: z
      .number()
      .min(0)
      .max(1)
      .default(0.75)
      .describe('Share of the total weight that must be rated for a composite to count as enough evidence'),
  })
  .strict();

export const Role = z
  .object({
    id: id.describe('Used on the command line, e.g. head-of-ml'),
    title: text,
    level: text,
    summary: text,
    sources: z.array(Source).min(1),
  })
  .strict();

export const Rubric = z
  .object({
    role: Role,
    version: z
      .string()
      .regex(/^\d+\.\d+(\.\d+)?$/, 'must look like 1.0 or 1.2.3')
      .describe('Bumped on every change that would alter how a candidate is scored'),
    scale: Scale,
    dimensions: z.array(Dimension).min(1),
    flags: Flags.default({ green: [], red: [] }),
    case_studies: z.array(CaseStudy).default([]),
    loop: z.array(Stage).min(1),
    policy: Policy,
  })
  .strict();

export type Source = z.infer<typeof Source>;
export type Scale = z.infer<typeof Scale>;
export type Anchors = z.infer<typeof Anchors>;
export type Question = z.infer<typeof Question>;
export type Dimension = z.infer<typeof Dimension>;
export type GreenFlag = z.infer<typeof GreenFlag>;
export type RedFlag = z.infer<typeof RedFlag>;
export type CaseStudy = z.infer<typeof CaseStudy>;
export type Stage = z.infer<typeof Stage>;
export type Hurdle = z.infer<typeof Hurdle>;
export type Policy = z.infer<typeof Policy>;
export type Rubric = z.infer<typeof Rubric>;

export type FlagKind = 'green' | 'red';
export type Flag = (GreenFlag & { kind: 'green'; knockout: false }) | (RedFlag & { kind: 'red' });

/** Green and red flags in one list, each tagged with its kind. */
export function allFlags(rubric: Rubric): Flag[] {
  return [
    ...rubric.flags.green.map((f) => ({ ...f, kind: 'green' as const, knockout: false as const })),
    ...rubric.flags.red.map((f) => ({ ...f, kind: 'red' as const })),
  ];
}

export function findStage(rubric: Rubric, stageId: string): Stage | undefined {
  return rubric.loop.find((s) => s.id === stageId);
}

/** The questions a stage asks: its explicit list, or every question of its focus dimensions. */
export function stageQuestions(rubric: Rubric, stage: Stage): Array<{ question: Question; dimension: Dimension }> {
  const all = rubric.dimensions.flatMap((dimension) => dimension.questions.map((question) => ({ question, dimension })));
  if (stage.questions) {
    const wanted = stage.questions;
    return wanted.flatMap((qid) => all.filter((q) => q.question.id === qid));
  }
  return all.filter((q) => stage.focus.includes(q.dimension.id));
}

export function stageDimensions(rubric: Rubric, stage: Stage): Dimension[] {
  return stage.focus.flatMap((did) => rubric.dimensions.filter((d) => d.id === did));
}

/** Flags that bear on the given dimensions, green first. */
export function flagsFor(rubric: Rubric, dimensionIds: readonly string[]): Flag[] {
  return allFlags(rubric).filter((f) => dimensionIds.includes(f.dimension));
}

export function levelLabel(rubric: Rubric, value: RatingValue): string {
  return value === INSUFFICIENT ? rubric.scale.insufficient.label : rubric.scale[value].label;
}
