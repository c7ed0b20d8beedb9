// The scorecard a run works on, and where each answer goes. A new or restarted draft is written only with its
// first answer (Ctrl-C before any answer leaves no file); an amendment is a separate working copy beside the
// submitted scorecard, which stays byte for byte as it was until the amendment is submitted over it.
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import { DataError, UsageError } from '../errors.js';
import type { Scorecard } from '../core/scorecard.js';
import { describeProgress, newScorecard, reopen, restart } from '../core/scoring.js';
import {
  amendmentPath,
  backupPath,
  backupScorecard,
  clearPending,
  discardAmendment,
  ensureCandidate,
  loadAmendment,
  loadScorecard,
  removeLeftoverTemps,
  saveScorecard,
  submitAmendment,
} from '../io/scorecard-store.js';
import type { PromptAdapter } from '../prompts/adapter.js';
import { lockWaitMs } from '../io/lock.js';
import { savedAt } from '../render/terminal/scoring.js';
import { wrap } from '../render/terminal/style.js';
import type { ScoreRun } from './score-run.js';

export interface Sheet {
  /** The scorecard the run starts from. */
  start: Scorecard;
  /** Where answers are written: the scorecard, or the amendment's working copy. Pending answers go beside it. */
  file: string;
  amending: boolean;
  /** Whether an answer of this run (or an earlier one) is on disk. */
  readonly written: boolean;
  /** Whether the run picked up a draft or an amendment already under way. */
  resumed: boolean;
  /** Saves an answer; the first one also creates the candidate's record (and backs up a replaced draft). */
  save(next: Scorecard): Promise<void>;
  /** Before something is kept beside the scorecard (a rating waiting for its evidence), the scorecard itself. */
  ensureWritten(current: Scorecard): Promise<void>;
  /** Locks the scorecard: written in place, or (an amendment) put in force over the submitted one. */
  submit(final: Scorecard): Promise<void>;
  /** Drops the amendment; the submitted scorecard stays as it was. */
  discard(): Promise<void>;
}

interface Terminal {
  ask: PromptAdapter;
  colour: ChalkInstance;
  width: number;
  /** What the session must show again: the screen is cleared between steps, so a line said now would vanish. */
  notices: string[];
}

/**
 * Opens the scorecard for this run: new, resumed, restarted (the old draft backed up at the first answer) or,
 * with --amend, the amendment's working copy (resumed when one is under way).
 */
export async function openSheet(run: ScoreRun, terminal: Terminal | undefined, replaceDraftReason: string): Promise<Sheet> {
  const { ctx, options } = run;
  // Wall-clock time on purpose: it is compared with the temp files' modification times.
  await removeLeftoverTemps(run.file, Date.now());
  const existing = await loadScorecard(run.file);
  if (existing && (existing.candidate.name !== run.candidate.name || existing.interviewer.name !== run.interviewer.name)) {
    throw new DataError(
      `${run.file}: belongs to ${existing.interviewer.name} scoring ${existing.candidate.name}; names that slug alike must be spelled the same, or told apart (e.g. with an initial)`,
    );
  }
  if (options.amend) return openAmendment(run, existing, terminal);
  if (existing?.status === 'submitted') {
    const amending = await loadAmendment(run.file).catch(() => undefined);
    const how = amending ? `you have an amendment under way; to finish or discard it: ${run.resume} --amend` : `to change it: ${run.resume} --amend --reason "why it changes"`;
    throw new DataError(`${run.file}: was submitted on ${savedAt(existing.submitted_at ?? existing.updated_at)} and is locked; ${how}`);
  }
  // Checked now (a clash is reported before any question), written with the first answer.
  await ensureCandidate(run.workspace, run.candidate.slug, run.candidate.name, run.loaded.rubric.role.id, { check: true });
  const fresh = (): Scorecard =>
    newScorecard({
      rubric: { id: run.loaded.rubric.role.id, version: run.loaded.rubric.version, hash: run.loaded.hash },
      candidate: run.candidate,
      interviewer: run.interviewer,
      stage: run.plan.stage.id,
      now: ctx.now(),
    });
  if (!existing) {
    // A pending file without its scorecard is left from a draft someone deleted; it must not leak into this one.
    await clearPending(run.file);
    return draftSheet(run, fresh(), { written: false, resumed: false });
  }
  if (existing.rubric.hash !== run.loaded.hash) {
    warn(run, terminal, `this draft was started with rubric ${existing.rubric.id} v${existing.rubric.version} (${existing.rubric.hash}); the rubric is now v${run.loaded.rubric.version} (${run.loaded.hash})`);
  }
  const keep = terminal ? await resumeOrStartOver(run, terminal, existing) : 'start-over';
  if (keep === 'resume') return draftSheet(run, existing, { written: true, resumed: true });
  // Starting over replaces the draft only with the first new answer; until then the old draft stays, and the
  // backup (named now, so the new draft's audit trail can point at it) is made with that answer.
  const at = ctx.now();
  const relative = path.relative(run.workspace, backupPath(run.workspace, run.candidate.slug, run.file, at));
  const before = async (): Promise<void> => {
    const backup = await backupScorecard(run.workspace, run.candidate.slug, run.file, at);
    await clearPending(run.file);
    say(run, terminal, `Your earlier draft is kept at ${backup}.`);
  };
  const start = restart(existing, fresh(), `${replaceDraftReason}; the earlier draft is kept at ${relative}`, at);
  return draftSheet(run, start, { written: false, resumed: false, before });
}

function draftSheet(run: ScoreRun, start: Scorecard, state: { written: boolean; resumed: boolean; before?: () => Promise<void> }): Sheet {
  let written = state.written;
  const first = async (): Promise<void> => {
    if (written) return;
    await ensureCandidate(run.workspace, run.candidate.slug, run.candidate.name, run.loaded.rubric.role.id, { waitMs: lockWaitMs(run.ctx.env) });
    await state.before?.();
  };
  const sheet: Sheet = {
    start,
    file: run.file,
    amending: false,
    get written() {
      return written;
    },
    resumed: state.resumed,
    async save(next) {
      await first();
      await saveScorecard(run.file, next);
      written = true;
    },
    async ensureWritten(current) {
      if (!written) await sheet.save(current);
    },
    async submit(final) {
      await first();
      await saveScorecard(run.file, final);
      written = true;
      // Nothing can be pending for a submitted scorecard; a leftover would only confuse an amendment.
      await clearPending(run.file);
    },
    discard() {
      return Promise.reject(new Error('only an amendment can be discarded'));
    },
  };
  return sheet;
}

async function openAmendment(run: ScoreRun, existing: Scorecard | undefined, terminal: Terminal | undefined): Promise<Sheet> {
  const { ctx, options } = run;
  if (existing?.status !== 'submitted') {
    throw new UsageError(`--amend: there is no submitted scorecard to amend at ${run.file}; run without --amend to score`);
  }
  const copy = amendmentPath(run.file);
  let underWay = terminal ? await loadAmendment(run.file) : undefined;
  if (underWay && lastAmendedFrom(underWay) !== existing.submitted_at) {
    // Left from an amendment already submitted (or from an older submission): it amends nothing now.
    await discardAmendment(run.file);
    underWay = undefined;
  }
  if (underWay) {
    say(run, terminal, `Resuming your amendment of ${savedAt(underWay.updated_at)}; the submitted scorecard still counts until you submit it.`);
    if (options.reason !== undefined) say(run, terminal, 'It keeps the reason given when it was started; the new --reason is not used.');
  } else if (options.reason === undefined) {
    throw new UsageError('--amend needs --reason TEXT saying why the submitted scorecard changes; the reason is kept in its audit trail');
  }
  const start = underWay ?? reopen(existing, options.reason ?? '', ctx.now());
  let written = underWay !== undefined;
  const target = terminal ? copy : run.file;
  const sheet: Sheet = {
    start,
    file: target,
    amending: true,
    get written() {
      return written;
    },
    resumed: underWay !== undefined,
    async save(next) {
      // Without a terminal the answers file is the whole amendment: nothing is kept apart.
      if (!terminal) throw new Error('an amendment from an answers file is submitted in one step');
      await saveScorecard(copy, next);
      written = true;
    },
    async ensureWritten(current) {
      if (!written) await sheet.save(current);
    },
    async submit(final) {
      await submitAmendment(run.file, final);
      written = false;
    },
    async discard() {
      await discardAmendment(run.file);
      written = false;
    },
  };
  return sheet;
}

/** The submission an amendment started from: `submitted_at` of the answers its last audit entry keeps. */
function lastAmendedFrom(scorecard: Scorecard): unknown {
  const last = [...scorecard.audit].reverse().find((e) => e.action === 'amend');
  return last && 'previous' in last ? last.previous.submitted_at : undefined;
}

async function resumeOrStartOver(run: ScoreRun, terminal: Terminal, draft: Scorecard): Promise<'resume' | 'start-over'> {
  const line = `You have a draft for ${draft.candidate.name}, ${run.plan.stage.name}, last saved ${savedAt(draft.updated_at)} (${describeProgress(draft)}).`;
  run.ctx.stderr.write(`${wrap(line, terminal.width)}\n`);
  return terminal.ask.select({
    message: 'Resume the draft or start over?',
    choices: [
      { value: 'resume' as const, name: 'Resume where I stopped' },
      { value: 'start-over' as const, name: 'Start over (the draft is kept as a backup)' },
    ],
  });
}

function say(run: ScoreRun, terminal: Terminal | undefined, text: string): void {
  run.ctx.stderr.write(`${terminal ? wrap(text, terminal.width) : text}\n`);
  terminal?.notices.push(text);
}

function warn(run: ScoreRun, terminal: Terminal | undefined, text: string): void {
  const line = `hirekit: warning: ${text}`;
  run.ctx.stderr.write(`${terminal ? terminal.colour.yellow(wrap(line, terminal.width)) : line}\n`);
  terminal?.notices.push(`Warning: ${text}`);
}
