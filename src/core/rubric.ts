// The rubric domain model. The zod schema is the single source of truth: TypeScript types are
// inferred from it and rubrics/rubric.schema.json is generated from it.
import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');
const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single hyphens');
const minutes = z.number().int().positive().max(600);
const stageMinutes = z.number().int().min(0).max(600);
const questionMinutes = z.number().int().positive().max(600);

/** A scale has at least three and at most seven anchored levels, numbered from 1. */
export const MIN_LEVELS = 3;
export const MAX_LEVELS = 7;
/** A level of the rubric's scale: 1 up to its top level (at most 7). */
export type Level = number;
export const INSUFFICIENT = 'insufficient' as const;
/** A rating is one of the scale's anchored levels or the separate answer "insufficient evidence". */
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
    4: ScaleLevel.optional(),
    5: ScaleLevel.optional(),
    6: ScaleLevel.optional(),
    7: ScaleLevel.optional(),
    insufficient: ScaleLevel.describe('The separate answer "insufficient evidence"; never counts as a low score'),
  })
  .strict()
  .describe('The rating scale shared by every dimension: levels 1 to N (N from 3 to 7, none skipped), plus "insufficient evidence"');

export const Anchors = z
  .object({ 1: text, 2: text, 3: text, 4: text.optional(), 5: text.optional(), 6: text.optional(), 7: text.optional() })
  .strict()
  .describe("A behavioural anchor for each level of the scale: what an answer at that level sounds like");

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

/** Cross-cutting: the flag bears on no one dimension and is offered in every stage. */
export const ANY_DIMENSION = 'any' as const;

const flagFields = {
  id,
  text,
  dimension: id.optional().describe('The one dimension this flag bears on (shorthand for dimensions: [id])'),
  dimensions: z
    .union([z.array(id).min(1), z.literal(ANY_DIMENSION)])
    .optional()
    .describe('The dimensions this flag bears on; it is offered in every stage that rates one of them. "any": cross-cutting, offered in every stage'),
  source: Source.optional(),
};

export const GreenFlag = z.object(flagFields).strict().describe('A strong signal worth noting');

export const ConcernFlag = z
  .object(flagFields)
  .strict()
  .describe('A weak signal: listed in the debrief for the committee, but not a concern on its own');

export const RedFlag = z
  .object({
    ...flagFields,
    knockout: z
      .boolean()
      .default(false)
      .describe('Disqualifying on its own unless the committee overrides it with a reason'),
  })
  .strict();

export const Flags = z
  .object({
    green: z.array(GreenFlag).default([]),
    concern: z.array(ConcernFlag).optional().describe('Weak signals: between green and red'),
    red: z.array(RedFlag).default([]),
  })
  .strict();

export const CaseStudy = z
  .object({
    id,
    title: text,
    duration_minutes: minutes,
    dimensions: z.array(id).min(1).describe('Dimensions this case assesses'),
    optional: z
      .boolean()
      .optional()
      .describe('Context-specific: run only where the role calls for it; a stage that uses it is optional too'),
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
    optional: z
      .boolean()
      .optional()
      .describe('Context-specific: the loop may skip this stage; coverage and the debrief count it apart'),
    focus: z.array(id).min(1).describe('Dimensions rated in this stage'),
    questions: z
      .array(id)
      .optional()
      .describe('Question ids to ask, each in its own slot; when omitted, every question of the focus dimensions'),
    case_study: id.optional(),
    case_questions: z
      .array(id)
      .optional()
      .describe("Question ids asked inside the case study, in the case's own minutes"),
    case_order: z
      .enum(['before-questions', 'after-questions'])
      .optional()
      .describe('Whether the case study comes before the questions (the default) or after them'),
    opening_minutes: stageMinutes.optional().describe('Minutes for the welcome; default 5 (shorter in stages under 45 minutes)'),
    closing_minutes: stageMinutes
      .optional()
      .describe("Minutes for the candidate's questions at the end; default 10 (shorter in stages under 45 minutes)"),
    question_minutes: z
      .union([questionMinutes, z.array(questionMinutes).min(1)])
      .optional()
      .describe(
        'Minutes per question, or a list with one entry per question in the order asked; default: the time left after the opening, the case and the closing, shared evenly',
      ),
  })
  .strict();

export const Hurdle = z
  .object({
    dimension: id,
    min_level: z.number().min(1).max(MAX_LEVELS).describe('The dimension score must reach this level, e.g. 3 or 2.5'),
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
      .max(MAX_LEVELS)
      .default(3)
      .describe('Weighted composite at or above this is reported as "at or above bar", e.g. 3 or 3.25'),
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

export type ConcernFlag = z.infer<typeof ConcernFlag>;

// Reading a rubric (which flags a stage offers, what it asks, the scale's levels) lives beside the model.
export * from './rubric-queries.js';
