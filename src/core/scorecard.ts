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
    /**
     * Tamper evidence, set when the scorecard is submitted: "sha256:" and the hex digest of
     * canonicalAnswers(). A submitted scorecard without one predates digests (legacy), and is not suspect.
     */
    digest: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'must be sha256: and 64 hex digits').optional(),
  })
  .strict();

export type Rating = z.infer<typeof Rating>;
export type FlagMark = z.infer<typeof FlagMark>;
export type Person = z.infer<typeof Person>;
export type Note = z.infer<typeof Note>;
export type AuditEntry = z.infer<typeof AuditEntry>;
export type Scorecard = z.infer<typeof Scorecard>;

/**
 * The canonical text a submitted scorecard's digest is taken over: who, what, the answers and the audit
 * trail, as JSON with keys sorted at every level. Timestamps of drafts (updated_at) are left out, so only a
 * change to what the committee reads changes the digest.
 */
export function canonicalAnswers(scorecard: Scorecard): string {
  const { format, rubric, candidate, interviewer, stage, status, submitted_at, ratings, flags, recommendation, summary, audit } = scorecard;
  return canonicalJson({ format, rubric, candidate, interviewer, stage, status, submitted_at, ratings, flags, recommendation, summary, audit });
}

function canonicalJson(value: unknown): string {
  // JSON.stringify with every object's keys in code-unit order; undefined members are left out as usual.
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/** Whether a scorecard still matches the digest it was submitted with. */
export type Integrity = 'draft' | 'legacy' | 'intact' | 'edited';

export function integrityOf(scorecard: Scorecard, digestOf: (canonical: string) => string): Integrity {
  if (scorecard.status !== 'submitted') return 'draft';
  if (scorecard.digest === undefined) return 'legacy';
  return digestOf(canonicalAnswers(scorecard)) === scorecard.digest ? 'intact' : 'edited';
}
