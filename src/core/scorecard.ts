// One interviewer's scorecard for one candidate and one stage. Stored as YAML in the workspace; the
// debrief aggregates the submitted ones.
import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');
const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case');
const timestamp = z.string().datetime({ offset: true });

export const SCORECARD_FORMAT = 'hirekit-scorecard/1';

export const RECOMMENDATIONS = ['strong-no', 'no', 'yes', 'strong-yes'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  'strong-no': 'Strong no',
  no: 'No',
  yes: 'Yes',
  'strong-yes': 'Strong yes',
};

/** A level of the rubric's scale (1 to at most 7; the rubric says how many) or "insufficient evidence". */
export const RatingValueSchema = z.union([z.number().int().min(1).max(7), z.literal('insufficient')]);

export const Rating = z
  .object({
    dimension: id,
    rating: RatingValueSchema,
    evidence: text.describe('What the candidate said or did that supports the rating'),
    at: timestamp,
  })
  .strict();

export const FlagMark = z
  .object({
    flag: id,
    kind: z.enum(['green', 'concern', 'red']),
    note: text.describe('What happened that raised the flag'),
    at: timestamp,
  })
  .strict();

/**
 * A note taken during the interview, about one question, the case study or the interview in general.
 * Private to the scorecard: the debrief reads ratings, evidence, flags and the overall call, never notes.
 */
export const Note = z
  .object({
    question: id.optional().describe('The question the note is about'),
    case_study: id.optional().describe('The case study the note is about'),
    text: text.describe('What the interviewer wrote down'),
    at: timestamp,
  })
  .strict();

export const Person = z.object({ name: text, slug: id }).strict();

export const AuditEntry = z
  .object({
    at: timestamp,
    action: z.enum(['amend', 'start-over']),
    reason: text,
    /** The scorecard's answers before the change (ratings, flags, recommendation, summary). */
    previous: z.record(z.string(), z.unknown()),
  })
  .strict();

export const Scorecard = z
  .object({
    format: z.literal(SCORECARD_FORMAT),
    rubric: z.object({ id, version: text, hash: text }).strict(),
    candidate: Person,
    interviewer: Person,
    stage: id,
    status: z.enum(['draft', 'submitted']),
    created_at: timestamp,
    updated_at: timestamp,
    submitted_at: timestamp.optional(),
    ratings: z.array(Rating).default([]),
    flags: z.array(FlagMark).default([]),
    recommendation: z.enum(RECOMMENDATIONS).optional(),
    summary: text.optional(),
    notes: z.array(Note).optional(),
    audit: z.array(AuditEntry).default([]),
  })
  .strict();

export type Rating = z.infer<typeof Rating>;
export type FlagMark = z.infer<typeof FlagMark>;
export type Person = z.infer<typeof Person>;
export type Note = z.infer<typeof Note>;
export type AuditEntry = z.infer<typeof AuditEntry>;
export type Scorecard = z.infer<typeof Scorecard>;
