// `hirekit score ROLE --candidate NAME [--stage ID] [--interviewer NAME]`: one interviewer scores one stage
// of one candidate, in the terminal (score-session.ts) or from an answers file. Every answer is saved the
// moment it is given; a submitted scorecard is locked until an amendment (with a reason) is submitted.
import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import path from 'node:path';
import { DataError, InterruptedError, UsageError } from '../errors.js';
import { RECOMMENDATION_LABELS } from '../core/scorecard.js';
import { checkEvidence, describeProgress, planFor, submit } from '../core/scoring.js';
import { applyAnswers, readAnswers } from '../io/answers.js';
import { checkPersonName } from '../core/text-safety.js';
import { findRubric, protectedTopicNotice, type LoadedRubric } from '../io/rubrics.js';
import { lockWaitMs } from '../io/lock.js';
import { loadAmendment, loadScorecard, lockScorecard } from '../io/scorecard-store.js';
import { noWorkspaceMessage, resolveWorkspace, scorecardPath, slugFor, workspaceState } from '../io/workspace.js';
import { PromptInterrupted, type PromptAdapter } from '../prompts/adapter.js';
import { SCREEN_ROWS } from '../render/terminal/scoring.js';
import { colourFor, terminalWidth, truncate, wrap } from '../render/terminal/style.js';
import { columnsOf } from '../render/terminal/width.js';
import type { Identity, ScoreContext, ScoreOptions, ScoreResult, ScoreRun } from './score-run.js';
import { runInit } from './init.js';
import { openSheet, type Sheet } from './score-sheet.js';
import { runSession } from './score-session.js';

export type { ScoreContext, ScoreOptions, ScoreResult, ScoreRun } from './score-run.js';
import { unknownStage } from './unknown-stage.js';




export async function runScore(options: ScoreOptions, ctx: ScoreContext): Promise<ScoreResult> {
  checkFlags(options, ctx);
  const loaded = await findRubric(options.role, { rubrics: options.rubrics.map((r) => path.resolve(ctx.cwd, r)), env: ctx.env });
  const notice = protectedTopicNotice(loaded);
  if (notice) ctx.stderr.write(notice);
  const workspace = resolveWorkspace(options.workspace, ctx.env, ctx.cwd);
  const interactive = options.answers === undefined;
  const ask = interactive ? await ctx.prompts() : undefined;
  try {
    await checkWorkspace(workspace, ctx, ask);
    const who = await identify(options, loaded, workspace, ctx, ask);
    const file = scorecardPath(workspace, who.candidate.slug, who.plan.stage.id, who.interviewer.slug);
    const run: ScoreRun = { ...who, loaded, workspace, file, resume: resumeCommand(options, who), options, ctx };
    // One writer per scorecard from loading it to the last save: a second process waits, then is refused.
    const lock = await lockScorecard(file, who.interviewer.name, lockWaitMs(ctx.env));
    try {
      return ask ? await scoreInTerminal(run, ask) : await scoreFromAnswers(run, options.answers ?? '');
    } finally {
      await lock.release();
    }
  } catch (error) {
    if (error instanceof PromptInterrupted) {
      throw new InterruptedError(`stopped before scoring began; nothing was saved. To start: hirekit score ${options.role} --candidate NAME`);
    }
    throw error;
  }
}

function checkFlags(options: ScoreOptions, ctx: ScoreContext): void {
  // Options that contradict each other are reported before the missing terminal, which they would hide.
  if (options.draft && options.answers === undefined) {
    throw new UsageError('--draft only applies with --answers; in the terminal every answer is saved as a draft until you submit');
  }
  if (options.notes && options.answers !== undefined) throw new UsageError('--notes is for taking notes in the terminal during the interview; it does not go with --answers');
  if (options.reason !== undefined && !options.amend) throw new UsageError('--reason goes with --amend: hirekit score ... --amend --reason "why it changes"');
  if (options.reason !== undefined) {
    if (options.reason.trim() === '') throw new UsageError('--reason is empty: say why the submitted scorecard changes; the reason is kept in its audit trail');
    const problem = checkEvidence(options.reason, '--reason');
    if (problem) throw new UsageError(`${problem}; the reason is kept in the scorecard's audit trail`);
  }
  // In a terminal, --amend alone resumes an amendment under way; anywhere else a reason is needed.
  if (options.amend && options.reason === undefined && (options.answers !== undefined || !ctx.stdinIsTTY)) {
    throw new UsageError('--amend needs --reason TEXT saying why the submitted scorecard changes; the reason is kept in its audit trail');
  }
  if (options.answers === undefined && !ctx.stdinIsTTY) {
    throw new UsageError('no terminal to ask the questions on (stdin is not a TTY); pass the answers with --answers FILE.yaml (format: docs/answers-file.md)');
  }
}

/** Scorecards land only in a workspace: a path without one is created on request in a terminal, never silently. */
async function checkWorkspace(workspace: string, ctx: ScoreContext, ask: PromptAdapter | undefined): Promise<void> {
  const state = await workspaceState(workspace);
  if (state === 'workspace') return;
  if (!ask) throw new DataError(noWorkspaceMessage(workspace, state));
  ctx.stderr.write(`${wrap(`${workspace} ${state === 'missing' ? 'does not exist yet' : 'holds no hirekit workspace'}. Scorecards are kept in a workspace folder (--workspace DIR or HIREKIT_WORKSPACE).`, ctx.columns)}\n`);
  const create = await ask.select({
    message: `Create a workspace at ${workspace}?`,
    choices: [
      { value: false, name: 'No, stop here' },
      { value: true, name: 'Yes, create it here' },
    ],
  });
  if (!create) throw new DataError(noWorkspaceMessage(workspace, state));
  await runInit({ dir: workspace }, { env: ctx.env, cwd: ctx.cwd, stdout: { write: () => true }, stderr: ctx.stderr });
}



async function identify(options: ScoreOptions, loaded: LoadedRubric, workspace: string, ctx: ScoreContext, ask: PromptAdapter | undefined): Promise<Identity> {
  const { rubric } = loaded;
  const named = async (given: string | undefined, what: 'candidate' | 'interviewer', flag: string, fallback?: string): Promise<string> => {
    if (given !== undefined) {
      const problem = checkPersonName(given, what);
      if (problem) throw new UsageError(`${flag}: ${problem}`);
      return given.trim();
    }
    if (!ask) throw new UsageError(`${flag} NAME is required with --answers`);
    const answer = await ask.input({
      message: `${what[0]?.toUpperCase()}${what.slice(1)}'s name`,
      ...(fallback ? { default: fallback } : {}),
      validate: (v) => checkPersonName(v, what),
    });
    return answer.trim();
  };
  if (!ask && options.stage === undefined) {
    throw new UsageError(`--stage ID is required with --answers; stages of ${rubric.role.id}: ${rubric.loop.map((s) => s.id).join(', ')}`);
  }
  const candidateName = await named(options.candidate, 'candidate', '--candidate');
  const candidate = { name: candidateName, slug: slugFor(candidateName) };
  // The interviewer before the stage, so the stage picker can mark the stages you already scored.
  const interviewerName = await named(options.interviewer, 'interviewer', '--interviewer', (options.defaultInterviewer ?? gitUserName)());
  const interviewer = { name: interviewerName, slug: slugFor(interviewerName) };
  let stageId = options.stage;
  if (stageId === undefined && ask) {
    const marks = await stageMarks(rubric.loop.map((s) => s.id), workspace, candidate, interviewer);
    stageId = await ask.select({
      message: 'Which stage did you run?',
      choices: rubric.loop.map((s) => ({
        value: s.id,
        // Within the terminal ("❯ " takes two columns): the stage is cut with "…" so your own mark stays whole.
        name: stageChoice(`${s.name} (${s.duration_minutes} min)`, marks.get(s.id) ? ` · ${marks.get(s.id)}` : '', terminalWidth(ctx.columns) - 3),
        description: wrap(`${s.id}: ${s.purpose}`, ctx.columns - 1),
      })),
    });
  }
  const plan = planFor(rubric, stageId ?? '');
  if (!plan) throw unknownStage(rubric, stageId ?? '');
  return { candidate, interviewer, plan };
}

function stageChoice(stage: string, mark: string, width: number): string {
  return columnsOf(stage + mark) <= width ? stage + mark : truncate(`${truncate(stage, Math.max(16, width - columnsOf(mark)))}${mark}`, width);
}

/** What you already have for each stage of this candidate: your own files only, never anyone else's. */
async function stageMarks(
  stageIds: string[],
  workspace: string,
  candidate: { name: string; slug: string },
  interviewer: { name: string; slug: string },
): Promise<Map<string, string>> {
  const marks = new Map<string, string>();
  for (const stage of stageIds) {
    const file = scorecardPath(workspace, candidate.slug, stage, interviewer.slug);
    const mine = await loadScorecard(file).catch(() => undefined);
    // A file under your slug written by someone whose name slugs alike is not yours.
    if (!mine || mine.interviewer.name !== interviewer.name || mine.candidate.name !== candidate.name) continue;
    if (mine.status === 'submitted') {
      const amending = await loadAmendment(file).catch(() => undefined);
      marks.set(stage, amending ? 'submitted by you, amendment in progress' : 'submitted by you');
    } else {
      marks.set(stage, `your draft (${describeProgress(mine)})`);
    }
  }
  return marks;
}

function gitUserName(): string | undefined {
  try {
    const name = execFileSync('git', ['config', 'user.name'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 }).trim();
    if (name) return name;
  } catch {
    // No git, or no user.name: fall back to the login name.
  }
  try {
    return userInfo().username || undefined;
  } catch {
    return undefined;
  }
}

/** The exact command that picks this scorecard up again, quoted for a POSIX shell. */
function resumeCommand(options: ScoreOptions, who: Identity): string {
  const parts = ['hirekit'];
  for (const dir of options.rubrics) parts.push('--rubrics', shellQuote(dir));
  if (options.workspace) parts.push('--workspace', shellQuote(options.workspace));
  parts.push('score', options.role, '--candidate', shellQuote(who.candidate.name), '--stage', who.plan.stage.id, '--interviewer', shellQuote(who.interviewer.name));
  return parts.join(' ');
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/u.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

async function scoreFromAnswers(run: ScoreRun, answersFile: string): Promise<ScoreResult> {
  const { ctx, options } = run;
  const answers = await readAnswers(answersFile, run.plan, options.draft ?? false, ctx.cwd);
  const sheet = await openSheet(run, undefined, `replaced by the answers in ${answersFile}`);
  let scorecard = applyAnswers(run.plan, sheet.start, answers, ctx.now());
  if (!options.draft) scorecard = submit(run.plan, scorecard, ctx.now());
  if (scorecard.status === 'submitted') await sheet.submit(scorecard);
  else await sheet.save(scorecard);
  const verdict = scorecard.recommendation ? ` (${RECOMMENDATION_LABELS[scorecard.recommendation]})` : '';
  const said = `${scorecard.status === 'submitted' ? 'Submitted' : 'Saved draft'}: ${run.candidate.name}, ${run.plan.stage.name}, by ${run.interviewer.name}${verdict}`;
  // Wrapped at words on a terminal (a terminal cuts a long line mid-word); one line per scorecard in a log.
  ctx.stderr.write(`${ctx.stderrIsTTY ? wrap(said, terminalWidth(ctx.columns)) : said}\n`);
  ctx.stdout.write(`${run.file}\n`);
  return { file: run.file, status: scorecard.status };
}

async function scoreInTerminal(run: ScoreRun, ask: PromptAdapter): Promise<ScoreResult> {
  const { ctx } = run;
  const colour = colourFor(ctx.stderrIsTTY, ctx.env);
  const width = terminalWidth(ctx.columns);
  const rows = ctx.rows ?? SCREEN_ROWS;
  let sheet: Sheet | undefined;
  try {
    const notices: string[] = [];
    sheet = await openSheet(run, { ask, colour, width, notices }, 'started over');
    const status = await runSession({ ...run, ask, colour, width, rows, clears: ctx.stderrIsTTY, sheet, notices });
    if (status !== 'unchanged') ctx.stdout.write(`${sheet.amending && status === 'draft' ? sheet.file : run.file}\n`);
    return { file: run.file, status };
  } catch (error) {
    if (error instanceof PromptInterrupted) throw new InterruptedError(stoppedMessage(run, sheet));
    throw error;
  }
}

function stoppedMessage(run: ScoreRun, sheet: Sheet | undefined): string {
  if (sheet?.amending) {
    return sheet.written
      ? `stopped; your submitted scorecard is unchanged and still counts. The amendment so far is kept apart; to finish or discard it: ${run.resume} --amend`
      : `stopped; your submitted scorecard is unchanged and nothing of the amendment was saved`;
  }
  if (!sheet?.written) return `stopped before the first answer; nothing was saved. To start again: ${run.resume}`;
  return `stopped; every answer you gave is saved in ${run.file}. To carry on where you stopped: ${run.resume}`;
}
