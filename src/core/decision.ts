// The hiring committee's record for one candidate, taken in the order of the Mediating Assessments Protocol:
// each agenda item, then each remaining dimension, gets a consensus level with a reason after the panel's
// individual ratings are seen; every knockout raised is confirmed or overridden with a written reason; only
// then the final decision, its rationale, who took part and any dissent by name.
// Stored as candidates/<slug>/decision.yaml (format hirekit-decision/1). The decision that stands is
// `submitted`; work in progress (a first draft or an amendment) is `draft`, so an amendment never withdraws
// the submitted decision until the amended one is submitted.
import { z } from 'zod';
import { OUTCOMES, RULINGS, type AgendaItem, type Debrief, type DimensionResult, type Outcome, type RaisedFlag, type Ruling } from './debrief-model.js';
import { tierOf } from './debrief-concerns.js';
import { checkEvidence } from './scoring.js';
import { RatingValueSchema, Person } from './scorecard.js';
import type { RatingValue } from './rubric.js';

export const DECISION_FORMAT = 'hirekit-decision/1';

const text = z.string().trim().min(1, 'must not be empty');
const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case');
const timestamp = z.string().datetime({ offset: true });

export { OUTCOMES, OUTCOME_LABELS, RULINGS, type Outcome, type Ruling } from './debrief-model.js';

const Consensus = z
  .object({
    dimension: id,
    level: RatingValueSchema,
    reason: text.describe('Why the committee settled on this level, after hearing the panel'),
    /** The panel's score when the committee settled it, so the record reads the same later. */
    panel_score: z.number().nullable(),
    at: timestamp,
  })
  .strict();

const KnockoutRuling = z
  .object({
    flag: id,
    ruling: z.enum(RULINGS),
    /** Required to override; a note when confirming. */
    reason: z.string().trim().default(''),
    at: timestamp,
  })
  .strict();

const Dissent = z.object({ name: text, note: text }).strict();

/** The committee's answers, in progress or final. */
const DecisionBody = z
  .object({
    consensus: z.array(Consensus).default([]),
    knockouts: z.array(KnockoutRuling).default([]),
    outcome: z.enum(OUTCOMES).optional(),
    rationale: text.optional(),
    participants: z.array(text).default([]),
    dissent: z.array(Dissent).default([]),
    /** Decided with fewer submitted scorecards than the policy asks for: why, recorded. */
    forced: z.object({ reason: text, submitted: z.number().int(), min_scorecards: z.number().int() }).strict().optional(),
    /** A choice whose written reason is still to come (saved so an interruption keeps it). */
    pending: z
      .object({ dimension: id.optional(), level: RatingValueSchema.optional(), flag: id.optional(), ruling: z.enum(RULINGS).optional() })
      .strict()
      .optional(),
  })
  .strict();

const Submitted = DecisionBody.extend({
  submitted_at: timestamp,
  /** The mechanical summary the committee had in front of it. */
  mechanical: z.object({ verdict: z.string(), label: z.string(), composite: z.number().nullable() }).strict(),
}).strict();

const Draft = DecisionBody.extend({
  started_at: timestamp,
  /** Set when this draft amends the submitted decision. */
  amend_reason: text.optional(),
}).strict();

const DecisionAudit = z
  .object({
    at: timestamp,
    action: z.enum(['submitted', 'amendment-started', 'amended', 'amendment-discarded', 'started-over']),
    reason: z.string().optional(),
    /** The decision that stood before an amendment replaced it. */
    previous: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const Decision = z
  .object({
    format: z.literal(DECISION_FORMAT),
    rubric: z.object({ id, version: text, hash: text }).strict(),
    candidate: Person,
    created_at: timestamp,
    updated_at: timestamp,
    /** The decision that stands; null until the first one is submitted. */
    submitted: Submitted.nullable().default(null),
    /** Work in progress: the first decision, or an amendment of the submitted one. */
    draft: Draft.nullable().default(null),
    audit: z.array(DecisionAudit).default([]),
  })
  .strict();

export type Decision = z.infer<typeof Decision>;
export type DecisionBody = z.infer<typeof DecisionBody>;
export type DecisionDraft = z.infer<typeof Draft>;
export type SubmittedDecision = z.infer<typeof Submitted>;
export type Consensus = z.infer<typeof Consensus>;
export type KnockoutRuling = z.infer<typeof KnockoutRuling>;

export type DecisionState = 'draft' | 'submitted' | 'amending';

export function stateOf(decision: Decision): DecisionState {
  if (decision.draft && decision.submitted) return 'amending';
  return decision.submitted ? 'submitted' : 'draft';
}

/** One step of the committee's walk-through, in MAP order. */
export type DecisionStep =
  | { kind: 'knockout'; flag: RaisedFlag; agenda: AgendaItem }
  | { kind: 'consensus'; dimension: DimensionResult; agenda: AgendaItem | null }
  | { kind: 'final' };

/**
 * The steps in order: knockouts (the agenda puts them first), each agenda dimension in the agenda's order,
 * then every remaining dimension in the rubric's order, then the final decision.
 */
export function decisionSteps(debrief: Debrief): DecisionStep[] {
  const steps: DecisionStep[] = [];
  const seen = new Set<string>();
  for (const item of debrief.agenda) {
    if (item.kind === 'knockout') {
      const flag = debrief.flags.find((f) => f.id === item.flag);
      if (flag) steps.push({ kind: 'knockout', flag, agenda: item });
      continue;
    }
    const dimension = debrief.dimensions.find((d) => d.id === item.dimension.id);
    if (dimension && !seen.has(dimension.id)) {
      seen.add(dimension.id);
      steps.push({ kind: 'consensus', dimension, agenda: item });
    }
  }
  for (const dimension of debrief.dimensions) if (!seen.has(dimension.id)) steps.push({ kind: 'consensus', dimension, agenda: null });
  steps.push({ kind: 'final' });
  return steps;
}

/** Knockout flags raised on this debrief: each needs a ruling. */
export function knockoutsRaised(debrief: Debrief): RaisedFlag[] {
  return debrief.flags.filter((f) => tierOf(f) === 'knockout');
}

export function isAnswered(step: DecisionStep, body: DecisionBody): boolean {
  switch (step.kind) {
    case 'knockout':
      return body.knockouts.some((k) => k.flag === step.flag.id);
    case 'consensus':
      return body.consensus.some((c) => c.dimension === step.dimension.id);
    case 'final':
      return body.outcome !== undefined && body.rationale !== undefined && body.participants.length > 0;
  }
}

export function nextDecisionStep(debrief: Debrief, body: DecisionBody): DecisionStep | undefined {
  return decisionSteps(debrief).find((s) => !isAnswered(s, body));
}

export function newDecision(input: { rubric: { id: string; version: string; hash: string }; candidate: { name: string; slug: string }; now: Date }): Decision {
  const at = input.now.toISOString();
  return {
    format: DECISION_FORMAT,
    rubric: input.rubric,
    candidate: input.candidate,
    created_at: at,
    updated_at: at,
    submitted: null,
    draft: { ...emptyBody(), started_at: at },
    audit: [],
  };
}

function emptyBody(): DecisionBody {
  return { consensus: [], knockouts: [], participants: [], dissent: [] };
}

/** The draft being worked on; a RangeError if there is none (callers start or reopen one first). */
export function draftOf(decision: Decision): DecisionDraft {
  if (!decision.draft) throw new RangeError('the decision has no draft in progress');
  return decision.draft;
}

function withDraft(decision: Decision, change: Partial<DecisionDraft>, now: Date): Decision {
  const draft = { ...draftOf(decision), ...change };
  for (const key of Object.keys(draft) as Array<keyof DecisionDraft>) if (draft[key] === undefined) delete draft[key];
  return { ...decision, draft, updated_at: now.toISOString() };
}

/** The reason a consensus, an override or a rationale needs: a real sentence, like interviewers' evidence. */
export function checkReason(reason: string, what = 'the reason'): string | undefined {
  return checkEvidence(reason, what)?.replace('write what the candidate said or did', 'write why the committee decided so');
}

export function setPending(decision: Decision, pending: DecisionBody['pending'], now: Date): Decision {
  return withDraft(decision, { pending }, now);
}

export function applyConsensus(decision: Decision, dimension: DimensionResult, level: RatingValue, reason: string, now: Date): Decision {
  const problem = checkReason(reason);
  if (problem) throw new RangeError(problem);
  const body = draftOf(decision);
  const entry: Consensus = { dimension: dimension.id, level, reason: reason.trim(), panel_score: dimension.score, at: now.toISOString() };
  const consensus = [...body.consensus.filter((c) => c.dimension !== dimension.id), entry];
  return withDraft(decision, { consensus, pending: undefined }, now);
}

export function applyKnockoutRuling(decision: Decision, flag: string, ruling: Ruling, reason: string, now: Date): Decision {
  if (ruling === 'overridden') {
    const problem = checkReason(reason, 'the reason for overriding a knockout');
    if (problem) throw new RangeError(problem);
  }
  const body = draftOf(decision);
  const entry: KnockoutRuling = { flag, ruling, reason: reason.trim(), at: now.toISOString() };
  return withDraft(decision, { knockouts: [...body.knockouts.filter((k) => k.flag !== flag), entry], pending: undefined }, now);
}

export function applyOutcome(decision: Decision, outcome: Outcome, now: Date): Decision {
  return withDraft(decision, { outcome }, now);
}

export function applyRationale(decision: Decision, rationale: string, now: Date): Decision {
  const problem = checkReason(rationale, 'the rationale');
  if (problem) throw new RangeError(problem);
  return withDraft(decision, { rationale: rationale.trim() }, now);
}

export function applyParticipants(decision: Decision, participants: readonly string[], now: Date): Decision {
  const names = uniqueNames(participants);
  const dissent = draftOf(decision).dissent.filter((d) => names.includes(d.name));
  return withDraft(decision, { participants: names, dissent }, now);
}

export function applyDissent(decision: Decision, dissent: ReadonlyArray<{ name: string; note: string }>, now: Date): Decision {
  return withDraft(decision, { dissent: dissent.map((d) => ({ name: d.name.trim(), note: d.note.trim() })) }, now);
}

export function applyForce(decision: Decision, forced: NonNullable<DecisionBody['forced']>, now: Date): Decision {
  return withDraft(decision, { forced }, now);
}

function uniqueNames(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const n of names.map((x) => x.trim()).filter(Boolean)) if (!out.some((o) => o.normalize('NFC') === n.normalize('NFC'))) out.push(n);
  return out;
}

/** What still stops the draft from being submitted, in the order the committee would meet it. */
export function missingForDecision(debrief: Debrief, body: DecisionBody): string[] {
  const missing: string[] = [];
  for (const step of decisionSteps(debrief)) {
    if (step.kind === 'knockout' && !isAnswered(step, body)) missing.push(`a ruling on the knockout "${step.flag.text}" (confirm, or override with a reason)`);
    if (step.kind === 'consensus' && !isAnswered(step, body)) missing.push(`a consensus level for ${step.dimension.name}`);
  }
  if (body.outcome === undefined) missing.push(`the decision (${OUTCOMES.join(', ')})`);
  if (body.rationale === undefined) missing.push('the rationale');
  if (body.participants.length === 0) missing.push('who took part');
  for (const k of body.knockouts) if (k.ruling === 'overridden' && !k.reason) missing.push(`a reason for overriding the knockout ${k.flag}`);
  for (const d of body.dissent) if (!body.participants.includes(d.name)) missing.push(`${d.name} dissents but is not listed as taking part`);
  return missing;
}

export function submitDecision(debrief: Debrief, decision: Decision, now: Date): Decision {
  const draft = draftOf(decision);
  const missing = missingForDecision(debrief, draft);
  if (missing.length > 0) throw new RangeError(`missing: ${missing.join('; ')}`);
  const at = now.toISOString();
  const { started_at: _s, amend_reason, pending: _p, ...body } = draft;
  const submitted: SubmittedDecision = {
    ...body,
    submitted_at: at,
    mechanical: { verdict: debrief.summary.verdict, label: debrief.summary.label, composite: debrief.policy.composite },
  };
  const audit = amend_reason
    ? { at, action: 'amended' as const, reason: amend_reason, ...(decision.submitted ? { previous: decision.submitted as Record<string, unknown> } : {}) }
    : { at, action: 'submitted' as const };
  return { ...decision, submitted, draft: null, updated_at: at, audit: [...decision.audit, audit] };
}

/** Opens an amendment: a draft copied from the submitted decision. The submitted one stands meanwhile. */
export function startAmendment(decision: Decision, reason: string, now: Date): Decision {
  if (!decision.submitted) throw new RangeError('only a submitted decision can be amended');
  const at = now.toISOString();
  const { submitted_at: _s, mechanical: _m, ...body } = decision.submitted;
  return {
    ...decision,
    draft: { ...body, started_at: at, amend_reason: reason.trim() },
    updated_at: at,
    audit: [...decision.audit, { at, action: 'amendment-started', reason: reason.trim() }],
  };
}

/** Drops an amendment in progress; the submitted decision is untouched. */
export function discardAmendment(decision: Decision, now: Date): Decision {
  const at = now.toISOString();
  return { ...decision, draft: null, updated_at: at, audit: [...decision.audit, { at, action: 'amendment-discarded', reason: decision.draft?.amend_reason ?? '' }] };
}

/** Replaces a first draft with an empty one; the old answers go into the audit trail. */
export function startOver(decision: Decision, now: Date): Decision {
  const at = now.toISOString();
  const previous = decision.draft ? (decision.draft as Record<string, unknown>) : undefined;
  return {
    ...decision,
    draft: { ...emptyBody(), started_at: at, ...(decision.draft?.amend_reason ? { amend_reason: decision.draft.amend_reason } : {}) },
    updated_at: at,
    audit: [...decision.audit, { at, action: 'started-over', ...(previous ? { previous } : {}) }],
  };
}

export function answeredCount(body: DecisionBody): number {
  return body.consensus.length + body.knockouts.length + (body.outcome ? 1 : 0) + (body.rationale ? 1 : 0) + (body.participants.length > 0 ? 1 : 0);
}
