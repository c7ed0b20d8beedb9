// hirekit calibrate: over every submitted scorecard of the workspace, how each interviewer rates, how far
// the panel agrees, how much the interviewers' leans move the candidates, and which dimensions nobody can
// rate. Terminal text, JSON, Markdown, HTML or PDF of one Calibration object; renderers loaded when chosen.
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import { BOOTSTRAP_REPLICATES, buildCalibration, isPerson, type Calibration, type CalibrationRoleInput } from '../core/calibration/calibration.js';
import { nearest } from '../core/nearest.js';
import { stripTerminalControls } from '../core/text-safety.js';
import { DataError, UsageError } from '../errors.js';
import { defaultOutputName, outputFile, planOutput, reportFallback, writeOutput } from '../io/output.js';
import { findRubric } from '../io/rubrics.js';
import { readWorkspaceScorecards, requireWorkspace, resolveWorkspace, type StoredScorecard } from '../io/workspace.js';
import { colourFor, terminalWidth } from '../render/terminal/style.js';
import type { CommandContext } from './context.js';
import { progressOn, type Progress, type ProgressContext } from './progress.js';
import { CALIBRATION_FORMATS, type CalibrationFormat, type GlobalOptions, type Paper } from './options.js';

export { CALIBRATION_FORMATS, type CalibrationFormat } from './options.js';

export interface CalibrateOptions extends GlobalOptions {
  role?: string;
  /** YYYY-MM-DD (or a full ISO timestamp): only scorecards first submitted on or after it. */
  since?: string;
  interviewer?: string;
  format?: CalibrationFormat;
  out?: string;
  paper?: Paper;
}

export type CalibrateContext = Pick<CommandContext, 'cwd' | 'env' | 'now' | 'stdout' | 'stderr' | 'stdoutIsTTY' | 'stderrIsTTY' | 'columns'>;

export interface CalibrateResult {
  calibration: Calibration;
  format: CalibrationFormat;
  file?: string;
}

/** --since as a moment: a date alone means the start of that day in UTC. */
export function parseSince(value: string): Date {
  const text = value.trim();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : /^\d{4}-\d{2}-\d{2}T/.test(text) ? new Date(text) : new Date(NaN);
  if (Number.isNaN(date.getTime()) || (text.length === 10 && date.toISOString().slice(0, 10) !== text)) {
    throw new UsageError(`--since '${value}' is not a date; write it as YYYY-MM-DD, e.g. --since 2026-09-01`);
  }
  return date;
}

/** Reads the workspace and builds the Calibration; shared with `debrief --adjusted`. */
export async function gatherCalibration(
  options: Pick<CalibrateOptions, 'role' | 'since' | 'interviewer' | 'workspace' | 'rubrics'>,
  ctx: Pick<CommandContext, 'cwd' | 'env' | 'now' | 'stderr'> & Partial<ProgressContext>,
): Promise<{ calibration: Calibration; workspace: string }> {
  // Progress on stderr when it is a terminal: the folders read, then each role's bootstrap.
  const progress = progressOn({ stderr: ctx.stderr, stderrIsTTY: ctx.stderrIsTTY ?? false, columns: ctx.columns ?? 80 }, 0);
  try {
    return await gather(options, ctx, progress);
  } finally {
    progress.clear();
  }
}

async function gather(
  options: Pick<CalibrateOptions, 'role' | 'since' | 'interviewer' | 'workspace' | 'rubrics'>,
  ctx: Pick<CommandContext, 'cwd' | 'env' | 'now' | 'stderr'>,
  progress: Progress,
): Promise<{ calibration: Calibration; workspace: string }> {
  const since = options.since === undefined ? undefined : parseSince(options.since);
  const search = { rubrics: options.rubrics, env: ctx.env };
  // A misspelt role fails before the workspace is read.
  const asked = options.role === undefined ? undefined : await findRubric(options.role, search);
  const workspace = resolveWorkspace(options.workspace, ctx.env, ctx.cwd);
  // A path that holds no workspace is a mistake to report, never "no scorecards yet".
  await requireWorkspace(workspace);
  const stored = await readWorkspaceScorecards(workspace, (done, total) => progress.say(`[${done}/${total}] reading scorecards`));

  // Scorecards grouped by the role they were made for.
  const byRole = new Map<string, Map<string, { candidate: { name: string; slug: string }; scorecards: StoredScorecard[] }>>();
  for (const { candidate, scorecards } of stored) {
    for (const s of scorecards) {
      const roleId = s.scorecard.rubric.id;
      if (options.role !== undefined && roleId !== options.role) continue;
      // Counted as it reads now, as status and debrief do, but never silently: an edit changes an interviewer's lean.
      if (s.integrity === 'edited') {
        progress.clear();
        ctx.stderr.write(stripTerminalControls(`hirekit: warning: ${s.file}: no longer matches the digest it was submitted with; it was edited outside hirekit, and calibrate counts it as it reads now\n`));
      }
      const candidates = byRole.get(roleId) ?? new Map();
      const entry = candidates.get(candidate.slug) ?? { candidate: { name: candidate.name, slug: candidate.slug }, scorecards: [] };
      entry.scorecards.push(s);
      candidates.set(candidate.slug, entry);
      byRole.set(roleId, candidates);
    }
  }
  const submitted = [...byRole.values()].some((cs) => [...cs.values()].some((c) => c.scorecards.some((s) => s.scorecard.status === 'submitted')));
  if (!submitted) {
    const what = options.role ? `for ${options.role} ` : '';
    throw new DataError(`no submitted scorecards ${what}in ${workspace} yet (drafts never count); interviewers submit them with hirekit score ROLE --candidate NAME`);
  }

  const roles: CalibrationRoleInput[] = [];
  for (const [roleId, candidates] of [...byRole].sort((a, b) => a[0].localeCompare(b[0]))) {
    let loaded = asked;
    if (!loaded) {
      try {
        loaded = await findRubric(roleId, search);
      } catch (error) {
        if (!(error instanceof DataError || error instanceof UsageError)) throw error;
        ctx.stderr.write(`hirekit: warning: scorecards for role ${roleId} are left out: ${error.message}\n`);
        continue;
      }
    }
    roles.push({ rubric: loaded.rubric, rubricHash: loaded.hash, candidates: [...candidates.values()] });
  }

  const calibration = buildCalibration({
    roles,
    now: ctx.now(),
    filters: { ...(options.role ? { role: options.role } : {}), ...(since ? { since } : {}), ...(options.interviewer ? { interviewer: options.interviewer } : {}) },
    onRole: (rubric, index, total) => progress.say(`${total > 1 ? `[${index}/${total}] ` : ''}calibrating ${rubric.role.id}: agreement, leans and their ${RESAMPLES} bootstrap resamples`),
  });
  if (options.interviewer !== undefined && calibration.roles.every((r) => r.interviewers.length === 0)) {
    const known = [...new Set(stored.flatMap((c) => c.scorecards.filter((s) => s.scorecard.status === 'submitted').map((s) => s.scorecard.interviewer.name)))];
    if (!known.some((name) => isPerson({ name, slug: '' }, options.interviewer!))) {
      const hint = nearest(options.interviewer, known);
      throw new DataError(`no submitted scorecards by '${options.interviewer}' in ${workspace}${hint ? `; did you mean '${hint}'?` : ''}; interviewers with submitted scorecards: ${known.sort().join(', ')}`);
    }
  }
  return { calibration, workspace };
}

/**
 * "1,000": digits grouped by hand, because the first toLocaleString of a run sets up ICU's number formatting
 * (some 10 ms), paid even when no progress line is shown.
 */
const RESAMPLES = String(BOOTSTRAP_REPLICATES).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A calibration names interviewers and candidates: written private to the user (0600). */
const PRIVATE = 0o600;

export async function runCalibrate(options: CalibrateOptions, ctx: CalibrateContext): Promise<CalibrateResult> {
  const plan = await planOutput({
    command: 'calibrate',
    formats: CALIBRATION_FORMATS,
    format: options.format,
    out: options.out,
    cwd: ctx.cwd,
    fallback: reportFallback(options.out, ctx.stdoutIsTTY),
  });
  const format = plan.format;
  const { calibration, workspace } = await gatherCalibration(options, ctx);
  // A PDF cannot go to a terminal: it goes into the workspace.
  const out = outputFile(plan, defaultOutputName(['calibration'], format), format === 'pdf' ? path.join(workspace, 'calibration.pdf') : undefined);
  const toTerminal = out === undefined;
  const content = await render(calibration, format, {
    colour: toTerminal ? colourFor(ctx.stdoutIsTTY, ctx.env) : colourFor(false, {}),
    width: toTerminal ? terminalWidth(ctx.columns) : 100,
    paper: options.paper ?? 'a4',
  });
  if (out === undefined) {
    ctx.stdout.write(content);
    return { calibration, format };
  }
  await writeOutput(out, content, { mode: PRIVATE, stderr: ctx.stderr });
  ctx.stdout.write(`${out}\n`);
  return { calibration, format, file: out };
}

async function render(calibration: Calibration, format: CalibrationFormat, how: { colour: ChalkInstance; width: number; paper: Paper }): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(calibration, null, 2)}\n`;
    case 'text': {
      const { renderCalibrationText } = await import('../render/terminal/calibration.js');
      return renderCalibrationText(calibration, how.colour, how.width);
    }
    case 'md': {
      const { calibrationMarkdown } = await import('../render/calibration-md.js');
      return calibrationMarkdown(calibration);
    }
    case 'html': {
      const { calibrationHtml } = await import('../render/calibration-html.js');
      return calibrationHtml(calibration);
    }
    case 'pdf': {
      const { calibrationPdfBytes } = await import('../render/pdf/calibration.js');
      return calibrationPdfBytes(calibration, how.paper);
    }
  }
}
