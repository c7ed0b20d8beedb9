// `hirekit status [CANDIDATE]`: who has submitted, who has a draft, and which stages of the loop have no
// scorecard yet. Never ratings or recommendations: interviewers must not see each other's calls.
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import { DataError, UsageError } from '../errors.js';
import { isOptionalStage } from '../core/rubric-queries.js';
import { safeForTerminal, stripTerminalControls } from '../core/text-safety.js';
import { stateOf } from '../core/decision.js';
import { ATS_NAMES, importOf, type ImportSource } from '../core/scorecard.js';
import { decisionPath, loadDecision } from '../io/decision-store.js';
import { findRubric } from '../io/rubrics.js';
import { findCandidate, indexWorkspace, readCandidateScorecards, requireWorkspace, resolveWorkspace, type CandidateEntry } from '../io/workspace.js';
import { colourFor, terminalWidth, wrap } from '../render/terminal/style.js';
import { columnsOf } from '../render/terminal/width.js';
import type { CommandContext } from './context.js';

export interface StatusOptions {
  candidate?: string;
  json?: boolean;
  workspace?: string;
  rubrics: string[];
}

type StatusContext = Pick<CommandContext, 'env' | 'cwd' | 'stdout' | 'stderr' | 'stdoutIsTTY'> & Partial<Pick<CommandContext, 'columns'>>;

export interface StageStatus {
  stage: string;
  name?: string;
  /** False for a scorecard whose stage is not (or no longer) in the role's loop. */
  inLoop: boolean;
  /** A context-specific stage the loop may skip: never counted as missing. */
  optional?: boolean;
  submitted: string[];
  drafts: string[];
  /** Of the submitted ones, those imported from an ATS (hirekit import), with the ATS they came from. */
  imported?: Array<{ name: string; from: ImportSource['system'] }>;
}

export interface CandidateStatus {
  name: string;
  slug: string;
  role?: string;
  stages: StageStatus[];
  /** Required loop stages with no scorecard at all, not even a draft. */
  missing: string[];
  /** Submitted scorecards that no longer match their digest: edited outside hirekit. */
  edited: string[];
  /**
   * Whether the committee has decided: never the decision itself, which interviewers still scoring must
   * not see. "amending": a submitted decision stands while an amendment is in progress.
   */
  decision: 'undecided' | 'in-progress' | 'decided' | 'amending';
}

export async function runStatus(options: StatusOptions, ctx: StatusContext): Promise<CandidateStatus[]> {
  const workspace = resolveWorkspace(options.workspace, ctx.env, ctx.cwd);
  await requireWorkspace(workspace);
  // One read of every candidate file, then lookups by slug or name: linear in the number of candidates.
  const index = await indexWorkspace(workspace);
  const candidates: CandidateEntry[] = options.candidate ? [findCandidate(index, options.candidate)] : index.candidates;
  for (const link of index.links) ctx.stderr.write(stripTerminalControls(`hirekit: warning: ${link}: is a symbolic link, skipped; hirekit reads candidates only from real folders in the workspace\n`));
  if (candidates.length === 0 && !options.json) {
    ctx.stderr.write(`No candidates in ${workspace} yet; hirekit score ROLE --candidate NAME adds one.\n`);
  }
  const report: CandidateStatus[] = [];
  // Each role's loop is looked up once, however many candidates share it.
  const loops = new Map<string, Promise<Loop>>();
  const loopOf = (role: string): Promise<Loop> => {
    let loop = loops.get(role);
    if (!loop) loops.set(role, (loop = findLoop(role, options, ctx)));
    return loop;
  };
  for (const candidate of candidates) report.push(await statusOf(workspace, candidate, loopOf, ctx));
  if (options.json) ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  // Wrapped to the terminal; piped, one line per stage, for grep.
  else if (report.length > 0) ctx.stdout.write(`${safeForTerminal(renderStatus(report, colourFor(ctx.stdoutIsTTY, ctx.env), ctx.stdoutIsTTY ? terminalWidth(ctx.columns ?? 80) : Infinity))}\n`);
  return report;
}

type Loop = { stages: Array<{ id: string; name: string; optional: boolean }> } | { problem: string };

async function findLoop(role: string, options: StatusOptions, ctx: StatusContext): Promise<Loop> {
  try {
    const { rubric } = await findRubric(role, { rubrics: options.rubrics.map((r) => path.resolve(ctx.cwd, r)), env: ctx.env });
    return { stages: rubric.loop.map((s) => ({ id: s.id, name: s.name, optional: isOptionalStage(rubric, s) })) };
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof DataError)) throw error;
    return { problem: error.message };
  }
}

async function statusOf(workspace: string, candidate: CandidateEntry, loopOf: (role: string) => Promise<Loop>, ctx: StatusContext): Promise<CandidateStatus> {
  const stored = await readCandidateScorecards(workspace, candidate);
  const edited = stored.filter((s) => s.integrity === 'edited').map((s) => s.file);
  for (const file of edited) ctx.stderr.write(stripTerminalControls(`hirekit: warning: ${file}: no longer matches the digest it was submitted with; it was edited outside hirekit\n`));
  let loop: Array<{ id: string; name: string; optional: boolean }> = [];
  if (candidate.role) {
    const found = await loopOf(candidate.role);
    if ('stages' in found) loop = found.stages;
    else ctx.stderr.write(stripTerminalControls(`hirekit: warning: ${candidate.name}: cannot list the stages of role ${candidate.role} (${found.problem}); showing scorecards only\n`));
  }
  const stages: StageStatus[] = loop.map((s) => ({ stage: s.id, name: s.name, inLoop: true, ...(s.optional ? { optional: true } : {}), submitted: [], drafts: [] }));
  for (const { scorecard } of stored) {
    let entry = stages.find((s) => s.stage === scorecard.stage);
    if (!entry) {
      entry = { stage: scorecard.stage, inLoop: loop.length === 0, submitted: [], drafts: [] };
      stages.push(entry);
    }
    (scorecard.status === 'submitted' ? entry.submitted : entry.drafts).push(scorecard.interviewer.name);
    const source = scorecard.status === 'submitted' ? importOf(scorecard) : undefined;
    if (source) (entry.imported ??= []).push({ name: scorecard.interviewer.name, from: source.system });
  }
  return {
    name: candidate.name,
    slug: candidate.slug,
    ...(candidate.role ? { role: candidate.role } : {}),
    stages,
    missing: stages.filter((s) => s.inLoop && !s.optional && s.submitted.length === 0 && s.drafts.length === 0).map((s) => s.stage),
    edited,
    decision: await decisionState(workspace, candidate.slug),
  };
}

async function decisionState(workspace: string, slug: string): Promise<CandidateStatus['decision']> {
  const decision = await loadDecision(decisionPath(workspace, slug));
  if (!decision) return 'undecided';
  const state = stateOf(decision);
  return state === 'draft' ? 'in-progress' : state === 'submitted' ? 'decided' : 'amending';
}

const DECISION_WORDS: Record<CandidateStatus['decision'], string> = {
  undecided: 'undecided',
  'in-progress': 'undecided (the committee is recording its decision)',
  decided: 'decided',
  amending: 'decided (an amendment is in progress)',
};

/**
 * Status within `width` columns: a long name, slug or list of interviewers wraps at spaces, each stage's
 * list under itself (a hanging indent past the stage id), so the stage column stays readable.
 */
export function renderStatus(report: CandidateStatus[], c: ChalkInstance, width = Infinity): string {
  const out: string[] = [];
  const hanging = (prefix: string, text: string): string => {
    const indent = columnsOf(prefix);
    if (!Number.isFinite(width) || indent + columnsOf(text) <= width) return `${prefix}${text}`;
    // Too narrow for a hanging indent: the list goes under the stage id instead.
    if (width - indent < 24) return `${prefix.trimEnd()}\n${wrap(text, width, '    ')}`;
    return wrap(text, width - indent).split('\n').map((line, i) => `${i === 0 ? prefix : ' '.repeat(indent)}${line}`).join('\n');
  };
  for (const candidate of report) {
    if (out.length > 0) out.push('');
    const heading = `${c.bold(candidate.name)}${c.dim(`  ${candidate.role ?? 'role unknown'} · ${candidate.slug}`)}`;
    // Too wide: the name on its own line(s), the role and folder under it.
    if (columnsOf(heading) <= width) out.push(heading);
    else out.push(wrap(c.bold(candidate.name), width), wrap(c.dim(`${candidate.role ?? 'role unknown'} · ${candidate.slug}`), width, '  '));
    const pad = Math.max(...candidate.stages.map((s) => s.stage.length), 5) + 2;
    for (const s of candidate.stages) {
      const parts: string[] = [];
      const from = (name: string): string => {
        const ats = s.imported?.find((i) => i.name === name)?.from;
        return ats ? `${name} (from ${ATS_NAMES[ats]})` : name;
      };
      if (s.submitted.length > 0) parts.push(c.green(`submitted: ${s.submitted.map(from).join(', ')}`));
      if (s.drafts.length > 0) parts.push(c.yellow(`draft: ${s.drafts.join(', ')}`));
      if (parts.length === 0) parts.push(s.optional ? c.dim('no scorecard (optional stage)') : c.red('no scorecard yet'));
      if (!s.inLoop) parts.push(c.dim('(not a stage of the loop)'));
      out.push(hanging(`  ${s.stage.padEnd(pad)}`, parts.join(' · ')));
    }
    if (candidate.stages.length === 0) out.push('  no scorecards yet');
    const word = DECISION_WORDS[candidate.decision];
    out.push(hanging(`  ${'committee'.padEnd(Math.max(...candidate.stages.map((s) => s.stage.length), 5) + 2)}`, candidate.decision === 'decided' || candidate.decision === 'amending' ? c.green(word) : c.dim(word)));
  }
  return out.join('\n');
}
