// The committee's record on disk: candidates/<slug>/decision.yaml, written atomically with owner-only
// permissions after every answer, and the decision file (`decide --answers`) that records a meeting from
// YAML, checked with every problem pinned to FILE:LINE:COL and reported at once. Format: docs/decision-file.md.
import path from 'node:path';
import { stringify } from 'yaml';
import { z } from 'zod';
import { DataError } from '../errors.js';
import type { Debrief } from '../core/debrief.js';
import { Decision, OUTCOMES, RULINGS, checkReason, knockoutsRaised, type Outcome, type Ruling } from '../core/decision.js';
import type { Finding } from '../core/finding.js';
import { nearest } from '../core/nearest.js';
import { INSUFFICIENT, type RatingValue } from '../core/rubric.js';
import { writeFileAtomic } from './atomic.js';
import { describeFsError } from './fs-error.js';
import { exists } from './scorecard-store.js';
import { candidateDir, FILE_MODE, readValidated } from './workspace.js';
import { formatLocated, loadYaml, locate, type Located } from './yaml-file.js';

const HEADER = '# hirekit committee decision: personal data about a candidate; keep it in a private place.\n';
// As for scorecards: YAML 1.1 readers see the same values (timestamps, yes/no quoted).
const WRITE_OPTIONS = { lineWidth: 0, version: '1.1' } as const;

export function decisionPath(workspace: string, candidateSlug: string): string {
  return path.join(candidateDir(workspace, candidateSlug), 'decision.yaml');
}

export async function loadDecision(file: string): Promise<Decision | undefined> {
  if (!(await exists(file))) return undefined;
  return readValidated(file, Decision, 'decision');
}

export function decisionYaml(decision: Decision): string {
  return HEADER + stringify(Decision.parse(decision), WRITE_OPTIONS);
}

/** Owner-only and atomic, like scorecards: a killed process leaves the last complete answer, never half a file. */
export async function saveDecision(file: string, decision: Decision): Promise<void> {
  try {
    await writeFileAtomic(file, decisionYaml(decision), { mode: FILE_MODE });
  } catch (error) {
    throw describeFsError(error, file, 'written', 'check the workspace folder (--workspace or HIREKIT_WORKSPACE)');
  }
}

export const DECISION_FILE_FORMAT = 'hirekit-decision-file/1';

// Any level a scale may have (3 to 7 levels); checked against this rubric's own scale below.
const LevelSchema = z.union([z.number().int().min(1).max(7), z.literal(INSUFFICIENT)], {
  error: `must be a level of the rubric's scale (1, 2, 3, ...) or ${INSUFFICIENT}`,
});

/** The decision file's shape; `strict` refuses unknown keys (the loose one still checks what is there). */
function decisionFileSchema(strict: boolean) {
  const object = <T extends z.ZodRawShape>(shape: T) => (strict ? z.object(shape).strict() : z.object(shape));
  return object({
    format: z.literal(DECISION_FILE_FORMAT).optional(),
    consensus: z.record(z.string(), object({ level: LevelSchema, reason: z.string() })).default({}),
    knockouts: z.record(z.string(), object({ ruling: z.enum(RULINGS), reason: z.string().default('') })).default({}),
    decision: z.enum(OUTCOMES).optional(),
    rationale: z.string().optional(),
    participants: z.array(z.string()).default([]),
    dissent: z.array(object({ name: z.string(), note: z.string() })).default([]),
  });
}

export const DecisionFileSchema = decisionFileSchema(true);
const LooseDecisionFile = decisionFileSchema(false);

export interface DecisionAnswers {
  consensus: Array<{ dimension: string; level: RatingValue; reason: string }>;
  knockouts: Array<{ flag: string; ruling: Ruling; reason: string }>;
  outcome: Outcome;
  rationale: string;
  participants: string[];
  dissent: Array<{ name: string; note: string }>;
}

/** Problems of a decision file against the candidate's debrief: unknown ids, missing answers, reasons. */
export function checkDecisionFile(debrief: Debrief, answers: z.infer<typeof DecisionFileSchema>): Finding[] {
  const findings: Finding[] = [];
  const error = (at: Finding['path'], message: string, locateKey = false): void => {
    findings.push({ severity: 'error', code: 'decision', path: at, message, locateKey });
  };
  const dimensionIds = debrief.dimensions.map((d) => d.id);
  for (const [dimension, answer] of Object.entries(answers.consensus)) {
    if (!dimensionIds.includes(dimension)) {
      const hint = nearest(dimension, dimensionIds);
      error(['consensus', dimension], `consensus: unknown dimension '${dimension}'${hint ? `; did you mean '${hint}'?` : ''} (dimensions of ${debrief.role.id}: ${dimensionIds.join(', ')})`, true);
      continue;
    }
    const top = debrief.scale.levels.length;
    if (answer.level !== INSUFFICIENT && answer.level > top) {
      error(['consensus', dimension, 'level'], `consensus.${dimension}.level: ${answer.level} is not a level of this rubric's scale; use 1 to ${top} or ${INSUFFICIENT}`);
    }
    const problem = checkReason(answer.reason);
    if (problem) error(['consensus', dimension, 'reason'], `consensus.${dimension}.reason: ${problem}`);
  }
  const raised = knockoutsRaised(debrief).map((f) => f.id);
  const allFlags = debrief.flags.map((f) => f.id);
  for (const [flag, answer] of Object.entries(answers.knockouts)) {
    if (!raised.includes(flag)) {
      const hint = nearest(flag, raised);
      const why = allFlags.includes(flag) ? `'${flag}' was not raised as a knockout for ${debrief.candidate.name}` : `unknown flag '${flag}'`;
      error(['knockouts', flag], `knockouts: ${why}${hint ? `; did you mean '${hint}'?` : ''} (knockouts raised: ${raised.join(', ') || 'none'})`, true);
      continue;
    }
    if (answer.ruling === 'overridden') {
      const problem = answer.reason.trim() === '' ? 'overriding a knockout needs a written reason: why the committee sets it aside' : checkReason(answer.reason, 'the reason for overriding a knockout');
      if (problem) error(['knockouts', flag, 'reason'], `knockouts.${flag}.reason: ${problem}`);
    }
  }
  const missingDimensions = dimensionIds.filter((d) => !(d in answers.consensus));
  if (missingDimensions.length > 0) error(['consensus'], `consensus: missing ${missingDimensions.join(', ')}; the committee settles every dimension (use ${INSUFFICIENT} when it cannot)`);
  const missingKnockouts = raised.filter((f) => !(f in answers.knockouts));
  if (missingKnockouts.length > 0) error(['knockouts'], `knockouts: no ruling on ${missingKnockouts.join(', ')}; confirm each knockout raised, or override it with a written reason`);
  if (answers.decision === undefined) error([], `missing decision (one of ${OUTCOMES.join(', ')})`);
  if (answers.rationale === undefined) error([], 'missing rationale: why the committee decided so');
  else {
    const problem = checkReason(answers.rationale, 'the rationale');
    if (problem) error(['rationale'], `rationale: ${problem}`);
  }
  if (answers.participants.filter((p) => p.trim()).length === 0) error(['participants'], 'participants: list who took part in the decision');
  answers.participants.forEach((p, i) => {
    if (!p.trim() || /\p{Cc}/u.test(p) || p.length > 200) error(['participants', i], `participants[${i}]: a name of 1 to 200 characters, without control characters`);
  });
  answers.dissent.forEach((d, i) => {
    if (!answers.participants.some((p) => p.trim().normalize('NFC') === d.name.trim().normalize('NFC'))) {
      error(['dissent', i, 'name'], `dissent[${i}].name: '${d.name}' is not listed in participants; only someone who took part can dissent`);
    }
    const problem = checkReason(d.note, 'a dissent note');
    if (problem) error(['dissent', i, 'note'], `dissent[${i}].note: ${problem}`);
  });
  return findings;
}

/** Reads and checks a decision file; every problem is reported at once, one FILE:LINE:COL line each. */
export async function readDecisionFile(file: string, debrief: Debrief): Promise<DecisionAnswers> {
  const check = await loadYaml(file, DecisionFileSchema, { what: 'decision file', empty: 'the decision file is empty; see docs/decision-file.md for the format' });
  const errors: Located[] = [...check.errors];
  const parsed = check.value;
  if (check.yaml && check.plain !== undefined) {
    // An unknown key hides nothing else: what is there is still checked against the candidate's debrief.
    const loose = parsed ?? LooseDecisionFile.safeParse(check.plain).data;
    const yaml = check.yaml;
    if (loose) errors.push(...checkDecisionFile(debrief, loose).map((f) => locate(yaml, f)));
  }
  if (errors.length > 0) throw new DataError(everyProblem(errors));
  if (!parsed?.decision || parsed.rationale === undefined) throw new DataError(`${file}: not a valid decision file; see docs/decision-file.md`);
  return {
    consensus: Object.entries(parsed.consensus).map(([dimension, a]) => ({ dimension, level: a.level, reason: a.reason })),
    knockouts: Object.entries(parsed.knockouts).map(([flag, a]) => ({ flag, ruling: a.ruling, reason: a.reason })),
    outcome: parsed.decision,
    rationale: parsed.rationale,
    participants: parsed.participants.map((p) => p.trim()),
    dissent: parsed.dissent.map((d) => ({ name: d.name.trim(), note: d.note.trim() })),
  };
}

/** Every problem, one located line each in file order, and a count when there is more than one. */
function everyProblem(errors: Located[]): string {
  const sorted = [...errors].sort((a, b) => a.line - b.line || a.col - b.col);
  const lines = sorted.map(formatLocated);
  if (lines.length === 1) return lines[0]!;
  return `${lines.join('\n')}\n${lines.length} problems in ${sorted[0]!.file}; fix them all and run again`;
}
