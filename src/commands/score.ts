// `hirekit score ROLE --candidate NAME [--stage ID] [--interviewer NAME]`: one interviewer scores one stage
// of one candidate, in the terminal (score-session.ts) or from an answers file. Every answer is saved the
// moment it is given; a submitted scorecard is locked until amended with a reason.
import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import path from 'node:path';
import { DataError, InterruptedError, UsageError } from '../errors.js';
import { RECOMMENDATION_LABELS, type Scorecard } from '../core/scorecard.js';
import { checkPersonName, safeForTerminal } from '../core/text-safety.js';
import { answerCount, newScorecard, planFor, reopen, restart, submit, type StagePlan } from '../core/scoring.js';
import { applyAnswers, readAnswers } from '../io/answers.js';
import { findRubric, protectedTopicNotice, type LoadedRubric } from '../io/rubrics.js';
import { lockWaitMs } from '../io/lock.js';
import { backupScorecard, clearPending, ensureCandidate, loadScorecard, lockScorecard, removeLeftoverTemps, saveScorecard } from '../io/scorecard-store.js';
import { checkWorkspaceFolder, resolveWorkspace, scorecardPath, slugFor } from '../io/workspace.js';
import { unknownStage } from './unknown-stage.js';
import { PromptInterrupted, type PromptAdapter } from '../prompts/adapter.js';
import { savedAt } from '../render/terminal/scoring.js';
import { colourFor, terminalWidth, wrap } from '../render/terminal/style.js';
import { runSession, type Talk } from './score-session.js';
import type { CommandContext } from './context.js';

export interface ScoreOptions {
  role: string;
  candidate?: string;
  stage?: string;
  interviewer?: string;
  /** Path of an answers file (docs/answers-file.md); no prompts are shown. */
  answers?: string;
  /** With --answers: keep the scorecard as a draft instead of submitting it. */
  draft?: boolean;
  /** Reopen a submitted scorecard; needs a reason. */
  amend?: boolean;
  reason?: string;
  workspace?: string;
  rubrics: string[];
  /** The name offered as the interviewer; default git's user.name, then the login name. */
  defaultInterviewer?: () => string | undefined;
}

export type ScoreContext = Pick<CommandContext, 'now' | 'prompts' | 'stdinIsTTY' | 'stdout' | 'stderr' | 'stderrIsTTY' | 'env' | 'cwd' | 'columns'>;

/** The context with the prompts loaded (only when the run asks) and the interviewer's default name. */
interface ScoreDeps extends ScoreContext {
  ask: PromptAdapter;
  defaultInterviewer: () => string | undefined;
}

export interface ScoreResult {
  file: string;
  status: 'draft' | 'submitted';
}

export async function runScore(options: ScoreOptions, ctx: ScoreContext): Promise<ScoreResult> {
  checkFlags(options, ctx);
  const d = await withPrompts(options, ctx);
  const loaded = await findRubric(options.role, { rubrics: options.rubrics.map((r) => path.resolve(d.cwd, r)), env: d.env });
  const notice = protectedTopicNotice(loaded);
  if (notice) d.stderr.write(notice);
  const workspace = resolveWorkspace(options.workspace, d.env, d.cwd);
  await checkWorkspaceFolder(workspace);
  const interactive = options.answers === undefined;
  try {
    const who = await identify(options, loaded, d, interactive);
    const file = scorecardPath(workspace, who.candidate.slug, who.plan.stage.id, who.interviewer.slug);
    const resume = resumeCommand(options, who);
    const context: ScoringContext = { ...who, loaded, workspace, file, resume, options, deps: d };
    // One writer per scorecard from loading it to the last save: a second process waits, then is refused.
    const lock = await lockScorecard(file, who.interviewer.name, lockWaitMs(d.env));
    try {
      return interactive ? await scoreInTerminal(context) : await scoreFromAnswers(context, options.answers ?? '');
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

async function withPrompts(options: ScoreOptions, ctx: ScoreContext): Promise<ScoreDeps> {
  // An answers run never asks: the prompts (and @inquirer/prompts) are not even loaded.
  const ask = options.answers === undefined ? await ctx.prompts() : neverAsks;
  return { ...ctx, ask, defaultInterviewer: options.defaultInterviewer ?? gitUserName };
}

const refuse = (): Promise<never> => Promise.reject(new Error('an answers run must not prompt'));
const neverAsks: PromptAdapter = { select: refuse, input: refuse, checkbox: refuse };

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

function checkFlags(options: ScoreOptions, d: Pick<ScoreContext, 'stdinIsTTY'>): void {
  // Options that contradict each other are reported before the missing terminal, which they would hide.
  if (options.draft && options.answers === undefined) {
    throw new UsageError('--draft only applies with --answers; in the terminal every answer is saved as a draft until you submit');
  }
  if (options.reason !== undefined && !options.amend) throw new UsageError('--reason goes with --amend: hirekit score ... --amend --reason "why it changes"');
  if (options.amend && !options.reason?.trim()) {
    throw new UsageError('--amend needs --reason TEXT saying why the submitted scorecard changes; the reason is kept in its audit trail');
  }
  if (options.answers === undefined && !d.stdinIsTTY) {
    throw new UsageError('no terminal to ask the questions on (stdin is not a TTY); pass the answers with --answers FILE.yaml (format: docs/answers-file.md)');
  }
}

interface Identity {
  candidate: { name: string; slug: string };
  interviewer: { name: string; slug: string };
  plan: StagePlan;
}

interface ScoringContext extends Identity {
  loaded: LoadedRubric;
  workspace: string;
  file: string;
  resume: string;
  options: ScoreOptions;
  deps: ScoreDeps;
}


async function identify(options: ScoreOptions, loaded: LoadedRubric, d: ScoreDeps, interactive: boolean): Promise<Identity> {
  const { rubric } = loaded;
  const named = async (given: string | undefined, what: 'candidate' | 'interviewer', flag: string, fallback?: string): Promise<string> => {
    if (given !== undefined) {
      const problem = checkPersonName(given, what);
      if (problem) throw new UsageError(`${flag}: ${problem}`);
      return given.trim();
    }
    if (!interactive) throw new UsageError(`${flag} NAME is required with --answers`);
    const answer = await d.ask.input({
      message: `${what[0]?.toUpperCase()}${what.slice(1)}'s name`,
      ...(fallback ? { default: fallback } : {}),
      validate: (v) => checkPersonName(v, what),
    });
    return answer.trim();
  };
  const candidate = await named(options.candidate, 'candidate', '--candidate');
  const stageIds = rubric.loop.map((s) => s.id);
  let stageId = options.stage;
  if (stageId === undefined) {
    if (!interactive) throw new UsageError(`--stage ID is required with --answers; stages of ${rubric.role.id}: ${stageIds.join(', ')}`);
    stageId = await d.ask.select({
      message: 'Which stage did you run?',
      choices: rubric.loop.map((s) => ({ value: s.id, name: `${s.name} (${s.id}, ${s.duration_minutes} min)`, description: wrap(s.purpose, terminalWidth(d.columns) - 1) })),
    });
  }
  const plan = planFor(rubric, stageId);
  if (!plan) throw unknownStage(rubric, stageId);
  const interviewer = await named(options.interviewer, 'interviewer', '--interviewer', d.defaultInterviewer());
  return { candidate: { name: candidate, slug: slugFor(candidate) }, interviewer: { name: interviewer, slug: slugFor(interviewer) }, plan };
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

function fresh(c: ScoringContext): Scorecard {
  return newScorecard({
    rubric: { id: c.loaded.rubric.role.id, version: c.loaded.rubric.version, hash: c.loaded.hash },
    candidate: c.candidate,
    interviewer: c.interviewer,
    stage: c.plan.stage.id,
    now: c.deps.now(),
  });
}

function lockedMessage(c: ScoringContext, existing: Scorecard): string {
  return `${c.file}: was submitted on ${existing.submitted_at ?? existing.updated_at} and is locked; to change it: ${c.resume} --amend --reason "why it changes"`;
}

/**
 * The starting scorecard of a run: new, resumed, restarted (old draft backed up) or reopened for an amendment.
 * A terminal session (with `talk`) saves it at once; an answers run saves only its final scorecard, so a
 * process killed in between leaves the earlier file whole.
 */
async function startingPoint(c: ScoringContext, talk: Talk | undefined, replaceDraftReason: string): Promise<{ scorecard: Scorecard; resumed: boolean }> {
  const { deps: d, options } = c;
  // Wall-clock time on purpose: it is compared with the temp files' modification times.
  await removeLeftoverTemps(c.file, Date.now());
  const existing = await loadScorecard(c.file);
  if (existing && (existing.candidate.name !== c.candidate.name || existing.interviewer.name !== c.interviewer.name)) {
    throw new DataError(
      `${c.file}: belongs to ${existing.interviewer.name} scoring ${existing.candidate.name}; names that slug alike must be spelled the same, or told apart (e.g. with an initial)`,
    );
  }
  if (options.amend) {
    if (existing?.status !== 'submitted') {
      throw new UsageError(`--amend: there is no submitted scorecard to amend at ${c.file}; run without --amend to score`);
    }
    const scorecard = reopen(existing, options.reason ?? '', d.now());
    if (talk) await saveScorecard(c.file, scorecard);
    talk?.say(`Reopened your submitted scorecard; the earlier answers and your reason are kept in its audit trail.`);
    return { scorecard, resumed: true };
  }
  if (existing?.status === 'submitted') throw new DataError(lockedMessage(c, existing));
  await ensureCandidate(c.workspace, c.candidate.slug, c.candidate.name, c.loaded.rubric.role.id);
  if (!existing) {
    // A pending file without its scorecard is left from a draft someone deleted; it must not leak into this one.
    await clearPending(c.file);
    const scorecard = fresh(c);
    if (talk) await saveScorecard(c.file, scorecard);
    return { scorecard, resumed: false };
  }
  if (existing.rubric.hash !== c.loaded.hash) {
    (talk ?? stderrTalk(d)).warn(`this draft was started with rubric ${existing.rubric.id} v${existing.rubric.version} (${existing.rubric.hash}); the rubric is now v${c.loaded.rubric.version} (${c.loaded.hash})`);
  }
  const keep = talk ? await talk.resumeOrStartOver(existing) : 'start-over';
  if (keep === 'resume') return { scorecard: existing, resumed: true };
  const backup = await backupScorecard(c.workspace, c.candidate.slug, c.file, d.now());
  await clearPending(c.file);
  const relative = path.relative(c.workspace, backup);
  const scorecard = restart(existing, fresh(c), `${replaceDraftReason}; the earlier draft is kept at ${relative}`, d.now());
  if (talk) await saveScorecard(c.file, scorecard);
  (talk ?? stderrTalk(d)).say(`Your earlier draft is kept at ${backup}.`);
  return { scorecard, resumed: false };
}

function stderrTalk(d: ScoreDeps): Pick<Talk, 'say' | 'warn'> {
  return {
    say: (text) => d.stderr.write(`${text}\n`),
    warn: (text) => d.stderr.write(`hirekit: warning: ${text}\n`),
  };
}

async function scoreFromAnswers(c: ScoringContext, answersFile: string): Promise<ScoreResult> {
  const { deps: d, options } = c;
  // Read relative to the command's folder; messages name the file as typed.
  const answers = await readAnswers(answersFile, c.plan, options.draft ?? false, d.cwd);
  const { scorecard: start } = await startingPoint(c, undefined, `replaced by the answers in ${answersFile}`);
  let scorecard = applyAnswers(c.plan, start, answers, d.now());
  if (!options.draft) scorecard = submit(c.plan, scorecard, d.now());
  await saveScorecard(c.file, scorecard);
  const verdict = scorecard.recommendation ? ` (${RECOMMENDATION_LABELS[scorecard.recommendation]})` : '';
  d.stderr.write(`${scorecard.status === 'submitted' ? 'Submitted' : 'Saved draft'}: ${c.candidate.name}, ${c.plan.stage.name}, by ${c.interviewer.name}${verdict}\n`);
  d.stdout.write(`${c.file}\n`);
  return { file: c.file, status: scorecard.status };
}

async function scoreInTerminal(c: ScoringContext): Promise<ScoreResult> {
  const { deps: d } = c;
  const colour = colourFor(d.stderrIsTTY, d.env);
  const width = terminalWidth(d.columns);
  const session = { ...c, colour, width };
  try {
    const talk = sessionTalk(session);
    const { scorecard, resumed } = await startingPoint(c, talk, 'started over');
    const status = await runSession(session, scorecard, resumed, talk);
    d.stdout.write(`${c.file}\n`);
    return { file: c.file, status };
  } catch (error) {
    if (error instanceof PromptInterrupted) {
      throw new InterruptedError(`stopped; every answer you gave is saved in ${c.file}. To carry on where you stopped: ${c.resume}`);
    }
    throw error;
  }
}

function sessionTalk(session: ScoringContext & { colour: ReturnType<typeof colourFor>; width: number }): Talk {
  const { deps: d } = session;
  return {
    say: (text) => d.stderr.write(`${safeForTerminal(text)}\n`),
    warn: (text) => d.stderr.write(`${safeForTerminal(session.colour.yellow(`hirekit: warning: ${text}`))}\n`),
    resumeOrStartOver: async (draft) => {
      const answered = answerCount(draft);
      const line = `You have a draft for ${draft.candidate.name}, ${session.plan.stage.name}, last saved ${savedAt(draft.updated_at)} (${answered} answer${answered === 1 ? '' : 's'}).`;
      d.stderr.write(`${wrap(line, session.width)}\n`);
      return d.ask.select({
        message: 'Resume the draft or start over?',
        choices: [
          { value: 'resume' as const, name: 'Resume where I stopped' },
          { value: 'start-over' as const, name: 'Start over (the draft is kept as a backup)' },
        ],
      });
    },
  };
}
