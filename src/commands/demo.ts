// hirekit demo [DIR]: a complete sample workspace in one command. A fictional candidate goes through the whole
// loop, one scorecard per stage from four interviewers, through the real scoring code (answers files, exactly
// as `hirekit score --answers` reads them), then the debrief PDF and a blank interview pack are written next
// to the workspace.
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { DataError, UsageError } from '../errors.js';
import { acquireLock, lockPathFor, lockWaitMs } from '../io/lock.js';
import { describeFsError } from '../io/fs-error.js';
import { writeOutput } from '../io/output.js';
import { slugFor } from '../io/workspace.js';
import type { CommandContext, OutputStream } from './context.js';
import type { GlobalOptions } from './options.js';
import { DEMO_CANDIDATE, DEMO_PANEL, DEMO_ROLE } from './demo/answers.js';
import { COHORT_CANDIDATES, cohortScorecards } from './demo/cohort.js';
import { DEMO_DECISION } from './demo/decision.js';
import type { Debrief } from '../core/debrief.js';

export interface DemoOptions extends GlobalOptions {
  dir?: string;
}

type DemoContext = Pick<CommandContext, 'now' | 'stdout' | 'stdoutIsTTY' | 'stderr' | 'stderrIsTTY' | 'columns' | 'env' | 'cwd'>;

export interface DemoResult {
  dir: string;
  workspace: string;
  scorecards: string[];
  /** The committee's decision.yaml. */
  decision: string;
  debrief: string;
  pack: string[];
  summary: Debrief['summary'];
}

/** Marks a folder as made by `hirekit demo`, so a second run may replace it and nothing else. */
const MARKER = '.hirekit-demo';
const DEFAULT_DIR = 'hirekit-demo';
/** What a demo folder holds; only these are removed when the demo is made again. */
/** The lock file of a demo under way: `..hirekit-demo.lock` (io/lock.ts), and its temp files while taken. */
const DEMO_LOCK = path.basename(lockPathFor(MARKER));
const OWNED = ['hiring', 'answers', 'debrief.pdf', `${DEMO_ROLE}-pack.pdf`, MARKER, 'README.txt'];

const silent: OutputStream = { write: () => true };
/** The demo answers from files: nothing may prompt. */
const noPrompts: CommandContext['prompts'] = () => Promise.reject(new Error('hirekit demo never prompts'));

export async function runDemo(options: DemoOptions, ctx: DemoContext): Promise<DemoResult> {
  const dir = path.resolve(ctx.cwd, options.dir ?? DEFAULT_DIR);
  await refuseFile(dir);
  await mkdir(dir, { recursive: true }).catch((error: unknown) => {
    throw describeFsError(error, dir, 'created', 'choose another folder for the demo');
  });
  // One demo at a time in a folder: a second one would clear what the first is writing (and both would fail).
  const lock = await acquireLock(path.join(dir, MARKER), { by: 'hirekit demo', what: 'making the demo in', name: dir, ...waitOption(ctx.env) });
  try {
    return await makeDemo(dir, options, ctx);
  } finally {
    await lock.release();
  }
}

function waitOption(env: DemoContext['env']): { waitMs?: number } {
  const waitMs = lockWaitMs(env);
  return waitMs === undefined ? {} : { waitMs };
}

async function makeDemo(dir: string, options: DemoOptions, ctx: DemoContext): Promise<DemoResult> {
  await prepare(dir);
  const workspace = path.join(dir, 'hiring');
  const answersDir = path.join(dir, 'answers');
  await mkdir(answersDir, { recursive: true });
  // The workspace score writes into: made here, since score never creates one silently.
  await mkdir(path.join(workspace, 'candidates'), { recursive: true, mode: 0o700 });
  const write = (file: string, content: string): Promise<void> => writeOutput(file, content, { stderr: ctx.stderr });
  await write(path.join(dir, MARKER), 'Made by hirekit demo; running it again replaces this folder.\n');
  // The commands the demo runs print their own paths and talk; the demo prints its own summary instead.
  const quiet = { ...ctx, stdout: silent, stdoutIsTTY: false, stdinIsTTY: false, prompts: noPrompts };

  const { runScore } = await import('./score.js');
  const scorecards: string[] = [];
  ctx.stderr.write(`Scoring ${DEMO_CANDIDATE}: ${panelSize()}\n`);
  for (const panelist of DEMO_PANEL) {
    const file = path.join(answersDir, `${panelist.stage}--${slugFor(panelist.interviewer)}.yaml`);
    const { ratings, flags, recommendation, summary } = panelist;
    await write(file, stringify({ format: 'hirekit-answers/1', ratings, flags, recommendation, summary }, { lineWidth: 100 }));
    const result = await runScore(
      { role: DEMO_ROLE, candidate: DEMO_CANDIDATE, stage: panelist.stage, interviewer: panelist.interviewer, answers: file, workspace, rubrics: options.rubrics },
      quiet,
    );
    scorecards.push(result.file);
  }

  // More candidates through the same loop, so that `hirekit calibrate` has a panel to describe.
  const cohort = await scoreCohort(workspace, answersDir, options, ctx, { ...quiet, stderr: silent }, write);
  scorecards.push(...cohort);
  // The committee meets last, and its decision goes through the real decision-file path.
  const decisionAnswers = path.join(answersDir, 'committee-decision.yaml');
  await write(decisionAnswers, stringify(DEMO_DECISION, { lineWidth: 100 }));
  const { runDecide } = await import('./decide.js');
  const decision = await runDecide({ candidate: DEMO_CANDIDATE, answers: decisionAnswers, workspace, rubrics: options.rubrics }, quiet);

  const { runDebrief } = await import('./debrief.js');
  const debriefFile = path.join(dir, 'debrief.pdf');
  const { debrief } = await runDebrief(
    { candidate: DEMO_CANDIDATE, out: debriefFile, format: 'pdf', workspace, rubrics: options.rubrics },
    { ...quiet, stderr: silent },
  );
  const { runPack } = await import('./pack.js');
  const pack = await runPack({ role: DEMO_ROLE, format: 'pdf', out: path.join(dir, `${DEMO_ROLE}-pack.pdf`), rubrics: options.rubrics }, { ...quiet, stderr: silent });

  await write(path.join(dir, 'README.txt'), readme(dir, debrief));
  // Every path for a pipe; on a terminal the 80 scorecards are counted in the summary, not listed above it.
  for (const file of [...(ctx.stdoutIsTTY ? [] : scorecards), decision.file, debriefFile, ...pack]) ctx.stdout.write(`${file}\n`);
  const made = { candidates: 1 + COHORT_CANDIDATES.length, scorecards: scorecards.length };
  ctx.stderr.write(nextSteps(shown(ctx.cwd, dir), debrief, made, ctx.env));
  return { dir, workspace, scorecards, decision: decision.file, debrief: debriefFile, pack, summary: debrief.summary };
}

/**
 * Scores the cohort (./demo/cohort.ts) through runScore and answers files, like Zoë's panel. Each scorecard
 * gets its own clock, set to when the interviewer opened it and moving on a few minutes per saved answer, so
 * the workspace shows loops spread over weeks and real time from first save to submission.
 */
async function scoreCohort(
  workspace: string,
  answersDir: string,
  options: DemoOptions,
  ctx: DemoContext,
  quiet: Parameters<typeof import('./score.js').runScore>[1],
  write: (file: string, content: string) => Promise<void>,
): Promise<string[]> {
  const { findRubric } = await import('../io/rubrics.js');
  const { rubric } = await findRubric(DEMO_ROLE, { rubrics: options.rubrics, env: ctx.env });
  const { runScore } = await import('./score.js');
  const plan = cohortScorecards(rubric.loop, rubric.dimensions.map((x) => x.id));
  ctx.stderr.write(`Scoring ${COHORT_CANDIDATES.length} more candidates (${plan.length} scorecards): a panel for hirekit calibrate\n`);
  const started = ctx.now().getTime();
  const files: string[] = [];
  for (const card of plan) {
    const file = path.join(answersDir, slugFor(card.candidate), `${card.stage}--${slugFor(card.interviewer)}.yaml`);
    const { ratings, flags, recommendation, summary } = card;
    await write(file, stringify({ format: 'hirekit-answers/1', ratings, flags, recommendation, summary }, { lineWidth: 100 }));
    let clock = started - card.startedMinutesAgo * 60_000;
    const now = (): Date => {
      const at = new Date(clock);
      clock += card.minutesPerAnswer * 60_000;
      return at;
    };
    const result = await runScore(
      { role: DEMO_ROLE, candidate: card.candidate, stage: card.stage, interviewer: card.interviewer, answers: file, workspace, rubrics: options.rubrics },
      { ...quiet, now },
    );
    files.push(result.file);
  }
  return files;
}

async function refuseFile(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (info && !info.isDirectory()) throw new UsageError(`${dir}: is a file; pass a folder name, e.g. hirekit demo ./hirekit-demo`);
}

/** Refuses a folder with anything in it that a previous demo did not make; clears a previous demo. */
async function prepare(dir: string): Promise<void> {
  // The demo's lock (and another demo's attempt at it) is neither foreign nor to be cleared.
  const entries = (await readdir(dir)).filter((e) => !e.startsWith(DEMO_LOCK));
  if (entries.length === 0) return;
  if (!entries.includes(MARKER)) {
    throw new UsageError(`${dir}: is not empty and was not made by hirekit demo; pass a new or empty folder, e.g. hirekit demo ./hirekit-demo`);
  }
  const foreign = entries.filter((e) => !owned(e));
  if (foreign.length > 0) {
    throw new DataError(`${dir}: a previous demo, but it now also holds ${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}; move those out or pick another folder`);
  }
  for (const e of entries.filter(owned)) await rm(path.join(dir, e), { recursive: true, force: true });
}

/** Handouts are written beside the pack, one per case study. */
function owned(entry: string): boolean {
  return OWNED.includes(entry) || (entry.startsWith(`${DEMO_ROLE}-handout-`) && entry.endsWith('.pdf'));
}

/** "8 scorecards, one per stage, from 4 interviewers": counted from the panel, so the text cannot drift from it. */
function panelSize(): string {
  const stages = new Set(DEMO_PANEL.map((p) => p.stage)).size;
  const interviewers = new Set(DEMO_PANEL.map((p) => p.interviewer)).size;
  const per = stages === DEMO_PANEL.length ? 'one per stage' : `${stages} stages`;
  return `${DEMO_PANEL.length} scorecards, ${per}, from ${interviewers} interviewers`;
}

/** The demo folder as the user would type it: relative to where they are, absolute when it lies elsewhere. */
function shown(cwd: string, dir: string): string {
  const rel = path.relative(cwd, dir);
  if (rel === '') return '.';
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? dir : rel;
}

function quoted(p: string): string {
  return /[\s"'$`\\]/.test(p) ? `"${p.replace(/(["$`\\])/g, '\\$1')}"` : p;
}

/**
 * What was made and what to try, fitted to an 80 x 24 terminal: the whole summary stays on the screen after
 * the paths above it scroll away, and no line wraps.
 */
function nextSteps(rel: string, debrief: Debrief, made: { candidates: number; scorecards: number }, env: NodeJS.ProcessEnv): string {
  // Run through npx (npm sets npm_command), the suggestions say npx too: a fresh clone has no hirekit on PATH.
  const hirekit = env.npm_command === 'exec' ? 'npx hirekit' : 'hirekit';
  // In the demo folder hirekit finds ./hiring by itself, unless HIREKIT_WORKSPACE points elsewhere.
  const run = env.HIREKIT_WORKSPACE ? `${hirekit} -w hiring` : hirekit;
  const files: Array<[string, string]> = [
    ['debrief.pdf', `mechanical summary: ${debrief.summary.label}${composite(debrief)}`],
    [`${DEMO_ROLE}-pack.pdf`, 'the blank interview pack; a handout per case beside it'],
    ['hiring/', `the workspace: ${made.candidates} candidates, ${made.scorecards} scorecards${debrief.decision ? ', 1 decision' : ''}`],
    ['answers/', 'the answers files the interviewers "typed"'],
  ];
  const column = Math.max(...files.map(([name]) => name.length)) + 2;
  return [
    '',
    `Demo ready in ${rel}/`,
    ...files.map(([name, what]) => `  ${name.padEnd(column)}${what}`),
    '',
    'Try next, in the demo folder:',
    ...(rel === '.' ? [] : [`  cd ${quoted(rel)}`]),
    // Each command under what it shows: a command with its comment beside it runs past 80 columns.
    ...[
      ['the debrief in the terminal', `${run} debrief "${DEMO_CANDIDATE}"`],
      ['the same as Markdown', `${run} debrief "${DEMO_CANDIDATE}" --format md`],
      ['the panel: leans, agreement, adjusted scores', `${run} calibrate`],
      ['add a scorecard yourself', `${run} score ${DEMO_ROLE} --candidate "${DEMO_CANDIDATE}"`],
      ["amend the committee's decision", `${run} decide "${DEMO_CANDIDATE}" --amend --reason "references came back"`],
      ['who has submitted; decided or not', `${run} status`],
      ['the rubric behind it all', `${hirekit} show ${DEMO_ROLE}`],
    ].flatMap(([what, command]) => [`  # ${what}`, `  ${command}`]),
    '',
  ].join('\n');
}

function composite(debrief: Debrief): string {
  return debrief.policy.composite === null ? '' : `, composite ${debrief.policy.composite.toFixed(2)}`;
}

function readme(dir: string, debrief: Debrief): string {
  return [
    'hirekit demo',
    '',
    `A fictional candidate, ${DEMO_CANDIDATE}, for ${debrief.role.title}, scored through the whole loop:`,
    `${panelSize()}, all fictional; and ${COHORT_CANDIDATES.length} more fictional candidates through the same loop,`,
    'so that `hirekit calibrate` has a whole panel to describe.',
    'hiring/        the workspace: candidates/<slug>/scorecards/<stage>--<interviewer>.yaml',
    'answers/       the answers files fed to `hirekit score --answers` (one folder per extra candidate), and the committee\'s decision file fed to `hirekit decide --answers`',
    'hiring/candidates/<slug>/decision.yaml   the committee\'s decision: consensus per dimension, decision, rationale, dissent',
    'debrief.pdf    the committee debrief',
    `${DEMO_ROLE}-pack.pdf   a blank interview pack for the loop`,
    '',
    `Run \`hirekit -w ${path.join(dir, 'hiring')} debrief "${DEMO_CANDIDATE}"\` to see the debrief in the terminal.`,
    '',
  ].join('\n');
}
