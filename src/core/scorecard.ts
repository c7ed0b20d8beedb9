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
    evidence: text.optional().describe('What the candidate said or did that supports the rating'),
    /**
     * Set instead of evidence only on a rating imported from an ATS whose scorecard gave it without a note:
     * why there is none. hirekit's own scoring never writes it, and never writes a rating without evidence.
     */
    no_evidence: text.optional().describe('Why an imported rating has no evidence (the ATS scorecard gave none)'),
    at: timestamp,
  })
  .strict()
  .refine((r) => (r.evidence === undefined) !== (r.no_evidence === undefined), {
    message: 'a rating needs its evidence (or, when imported without any, no_evidence saying why), not both',
    path: ['evidence'],
  });

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

const ChangeEntry = z
  .object({
    at: timestamp,
    action: z.enum(['amend', 'start-over']),
    reason: text,
    /** The scorecard's answers before the change (ratings, flags, recommendation, summary). */
    previous: z.record(z.string(), z.unknown()),
  })
  .strict();

/** Where an imported scorecard came from: the ATS, the file, and the ATS's own ids, so a re-import is recognised. */
export const ImportSource = z
  .object({
    system: z.enum(['greenhouse', 'lever']),
    file: text,
    scorecard_id: text,
    candidate_id: text.optional(),
    application_id: text.optional(),
    interviewer_id: text.optional(),
    interview_id: text.optional(),
    /** The ATS's last change to the scorecard when it was imported. */
    updated_at: timestamp.optional(),
  })
  .strict();

const ImportEntry = z
  .object({
    at: timestamp,
    action: z.literal('import'),
    reason: text,
    source: ImportSource,
  })
  .strict();

export const AuditEntry = z.discriminatedUnion('action', [ChangeEntry, ImportEntry]);

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
export type ImportSource = z.infer<typeof ImportSource>;

/** How each ATS an import reads is named to people. */
export const ATS_NAMES: Record<ImportSource['system'], string> = { greenhouse: 'Greenhouse', lever: 'Lever' };

/** The import entry of a scorecard brought in from an ATS, if it was. */
export function importOf(scorecard: Scorecard): ImportSource | undefined {
  for (const entry of scorecard.audit) if (entry.action === 'import') return entry.source;
  return undefined;
}
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
