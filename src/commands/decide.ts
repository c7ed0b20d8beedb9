// `hirekit decide CANDIDATE`: the hiring committee records its decision in the order of the Mediating
// Assessments Protocol (decide-session.ts in the terminal, or a decision file with --answers). Saved after
// every answer to candidates/<slug>/decision.yaml; locked once submitted; amended only with a reason, the
// submitted decision standing until the amended one is submitted.
import path from 'node:path';
import type { CommandContext } from './context.js';
import type { GlobalOptions } from './options.js';
import type { Debrief } from '../core/debrief.js';
import {
  applyConsensus,
  applyDissent,
  applyForce,
  applyKnockoutRuling,
  applyOutcome,
  applyParticipants,
  applyRationale,
  newDecision,
  startAmendment,
  startOver,
  stateOf,
  submitDecision,
  OUTCOME_LABELS,
  type Decision,
  type DecisionState,
} from '../core/decision.js';
import { DataError, InterruptedError, UsageError } from '../errors.js';
import { decisionPath, loadDecision, readDecisionFile, saveDecision } from '../io/decision-store.js';
import { lockWaitMs } from '../io/lock.js';
import { lockWorkspaceFile, removeLeftoverTempsOf } from '../io/scorecard-store.js';
import { checkWorkspaceFolder, resolveWorkspace } from '../io/workspace.js';
import { PromptInterrupted } from '../prompts/adapter.js';
import { colourFor, terminalWidth } from '../render/terminal/style.js';
import { gatherDebrief } from './candidate-debrief.js';
import { runDecisionSession } from './decide-session.js';

export interface DecideOptions extends GlobalOptions {
  candidate: string;
  /** The role to decide against, when the candidate's folder does not say. */
  role?: string;
  /** A decision file (docs/decision-file.md): no prompts are shown. */
  answers?: string;
  /** Reopen the submitted decision; needs a reason. */
  amend?: boolean;
  /** Decide although fewer scorecards were submitted than the policy asks for; needs a reason. */
  force?: boolean;
  /** Why the decision is amended, or forced; kept in the record. */
  reason?: string;
}

export type DecideContext = Pick<CommandContext, 'cwd' | 'env' | 'now' | 'stdout' | 'stderr' | 'stdinIsTTY' | 'stderrIsTTY' | 'columns' | 'prompts'>;

export interface DecideResult {
  file: string;
  state: DecisionState;
}

export async function runDecide(options: DecideOptions, ctx: DecideContext): Promise<DecideResult> {
  checkFlags(options, ctx);
  const workspace = resolveWorkspace(options.workspace, ctx.env, ctx.cwd);
  await checkWorkspaceFolder(workspace);
  const rubrics = options.rubrics.map((r) => path.resolve(ctx.cwd, r));
  const { debrief } = await gatherDebrief(
    { candidate: options.candidate, ...(options.role ? { role: options.role } : {}), ...(options.workspace ? { workspace: options.workspace } : {}), rubrics },
    ctx,
  );
  const policy = debrief.policy;
  if (!policy.enough_scorecards && !options.force) {
    throw new DataError(
      `${debrief.candidate.name} has ${policy.submitted} submitted scorecard${policy.submitted === 1 ? '' : 's'}; the policy asks for at least ${policy.min_scorecards} before the committee decides. Wait for the rest, or pass --force --reason "why the committee decides now"`,
    );
  }
  const file = decisionPath(workspace, debrief.candidate.slug);
  // One committee writer from loading the decision to its last save: a second process waits, then is refused.
  const lock = await lockWorkspaceFile(workspace, file, { by: 'the committee', what: 'deciding', ...waitOption(ctx.env) });
  try {
    return await decideUnderLock(file, debrief, options, ctx);
  } finally {
    await lock.release();
  }
}

function waitOption(env: DecideContext['env']): { waitMs?: number } {
  const waitMs = lockWaitMs(env);
  return waitMs === undefined ? {} : { waitMs };
}

async function decideUnderLock(file: string, debrief: Debrief, options: DecideOptions, ctx: DecideContext): Promise<DecideResult> {
  const policy = debrief.policy;
  const resume = resumeCommand(options, debrief);
  // What a run killed while saving left beside the decision file (wall-clock time: compared with mtimes).
  await removeLeftoverTempsOf([file], Date.now());
  const existing = await loadDecision(file);
  if (existing && existing.candidate.name.normalize('NFC') !== debrief.candidate.name.normalize('NFC')) {
    throw new DataError(`${file}: records a decision on ${existing.candidate.name}, not ${debrief.candidate.name}; restore it from version control`);
  }
  const interactive = options.answers === undefined;
  const colour = colourFor(ctx.stderrIsTTY, ctx.env);
  const width = terminalWidth(ctx.columns);
  const talk = { say: (text: string) => void ctx.stderr.write(`${text}\n`) };

  let decision = await startingPoint(existing, debrief, options, file, resume, ctx, interactive);
  if (options.force && !policy.enough_scorecards) {
    decision = applyForce(decision, { reason: (options.reason ?? '').trim(), submitted: policy.submitted, min_scorecards: policy.min_scorecards }, ctx.now());
  }

  if (!interactive) {
    const answersFile = path.resolve(ctx.cwd, options.answers ?? '');
    const answers = await readDecisionFile(options.answers && path.isAbsolute(options.answers) ? options.answers : answersFile, debrief);
    const now = ctx.now();
    for (const k of answers.knockouts) decision = applyKnockoutRuling(decision, k.flag, k.ruling, k.reason, now);
    for (const c of answers.consensus) decision = applyConsensus(decision, debrief.dimensions.find((d) => d.id === c.dimension)!, c.level, c.reason, now);
    decision = applyOutcome(decision, answers.outcome, now);
    decision = applyRationale(decision, answers.rationale, now);
    decision = applyParticipants(decision, answers.participants, now);
    decision = applyDissent(decision, answers.dissent, now);
    decision = submitDecision(debrief, decision, now);
    await saveDecision(file, decision);
    const outcome = decision.submitted?.outcome;
    talk.say(`${options.amend ? 'Amended' : 'Submitted'} the committee's decision on ${debrief.candidate.name}: ${outcome ? OUTCOME_LABELS[outcome] : ''}`);
    ctx.stdout.write(`${file}\n`);
    return { file, state: stateOf(decision) };
  }

  try {
    await saveDecision(file, decision);
    const ask = await ctx.prompts();
    const state = await runDecisionSession({ debrief, file, ask, colour, width, now: ctx.now, talk }, decision, Boolean(existing?.draft));
    if (state === 'submitted') talk.say(colour.green(`Submitted. The debrief now carries the committee's decision: hirekit debrief ${shellQuote(debrief.candidate.name)}`));
    else if (state === 'amending' || state === 'draft') talk.say(`Saved; the decision is not submitted yet. To carry on: ${resume}`);
    ctx.stdout.write(`${file}\n`);
    return { file, state };
  } catch (error) {
    if (error instanceof PromptInterrupted) {
      const stands = decision.submitted ? ' The submitted decision stands until an amended one is submitted.' : '';
      throw new InterruptedError(`stopped; every answer given is saved in ${file}.${stands} To carry on where you stopped: ${resume}`);
    }
    throw error;
  }
}

function checkFlags(options: DecideOptions, ctx: DecideContext): void {
  if (options.reason !== undefined && !options.amend && !options.force) {
    throw new UsageError('--reason goes with --amend or --force: hirekit decide NAME --amend --reason "why it changes"');
  }
  if ((options.amend || options.force) && !options.reason?.trim()) {
    throw new UsageError(`--${options.amend ? 'amend' : 'force'} needs --reason TEXT saying why; the reason is kept in the decision's record`);
  }
  if (options.answers === undefined && !ctx.stdinIsTTY) {
    throw new UsageError('no terminal to ask the questions on (stdin is not a TTY); pass the decision with --answers FILE.yaml (format: docs/decision-file.md)');
  }
}

/** The decision to work on: new, resumed, started over, or reopened for an amendment. */
async function startingPoint(existing: Decision | undefined, debrief: Debrief, options: DecideOptions, file: string, resume: string, ctx: DecideContext, interactive: boolean): Promise<Decision> {
  const now = ctx.now();
  const fresh = (): Decision =>
    newDecision({ rubric: { id: debrief.role.id, version: debrief.rubric.version, hash: debrief.rubric.hash }, candidate: debrief.candidate, now });
  if (!existing) {
    if (options.amend) throw new UsageError(`--amend: there is no submitted decision to amend at ${file}; run without --amend to decide`);
    return fresh();
  }
  const state = stateOf(existing);
  if (state === 'submitted') {
    if (!options.amend) {
      throw new DataError(`${file}: the committee's decision was submitted on ${existing.submitted?.submitted_at ?? existing.updated_at} and is locked; to change it: ${resume} --amend --reason "why it changes"`);
    }
    return startAmendment(existing, options.reason ?? '', now);
  }
  if (options.amend && state === 'draft') throw new UsageError(`--amend: the decision at ${file} was never submitted; run without --amend to carry on with it`);
  // A draft or an amendment in progress: the terminal offers to resume; a decision file replaces its answers.
  if (interactive) return existing;
  return startOver(existing, now);
}

/** The exact command that picks this decision up again, quoted for a POSIX shell. */
function resumeCommand(options: DecideOptions, debrief: Debrief): string {
  const parts = ['hirekit'];
  for (const dir of options.rubrics) parts.push('--rubrics', shellQuote(dir));
  if (options.workspace) parts.push('--workspace', shellQuote(options.workspace));
  parts.push('decide', shellQuote(debrief.candidate.name));
  if (options.role) parts.push('--role', options.role);
  return parts.join(' ');
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/u.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
