// `hirekit status [CANDIDATE]`: who has submitted, who has a draft, and which stages of the loop have no
// scorecard yet. Never ratings or recommendations: interviewers must not see each other's calls.
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import { DataError, UsageError } from '../errors.js';
import { isOptionalStage } from '../core/rubric.js';
import { findRubric } from '../io/rubrics.js';
import { listCandidates, readCandidateScorecards, requireWorkspace, resolveCandidate, resolveWorkspace, type CandidateEntry } from '../io/workspace.js';
import { colourFor } from '../render/terminal/style.js';
import type { CommandContext } from './context.js';

export interface StatusOptions {
  candidate?: string;
  json?: boolean;
  workspace?: string;
  rubrics: string[];
}

type StatusContext = Pick<CommandContext, 'env' | 'cwd' | 'stdout' | 'stderr' | 'stdoutIsTTY'>;

export interface StageStatus {
  stage: string;
  name?: string;
  /** False for a scorecard whose stage is not (or no longer) in the role's loop. */
  inLoop: boolean;
  /** A context-specific stage the loop may skip: never counted as missing. */
  optional?: boolean;
  submitted: string[];
  drafts: string[];
}

export interface CandidateStatus {
  name: string;
  slug: string;
  role?: string;
  stages: StageStatus[];
  /** Required loop stages with no scorecard at all, not even a draft. */
  missing: string[];
}

export async function runStatus(options: StatusOptions, ctx: StatusContext): Promise<CandidateStatus[]> {
  const workspace = resolveWorkspace(options.workspace, ctx.env, ctx.cwd);
  await requireWorkspace(workspace);
  const candidates: CandidateEntry[] = options.candidate ? [await resolveCandidate(workspace, options.candidate)] : await listCandidates(workspace);
  if (candidates.length === 0 && !options.json) {
    ctx.stderr.write(`No candidates in ${workspace} yet; hirekit score ROLE --candidate NAME adds one.\n`);
  }
  const report: CandidateStatus[] = [];
  for (const candidate of candidates) report.push(await statusOf(workspace, candidate, options, ctx));
  if (options.json) ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (report.length > 0) ctx.stdout.write(`${renderStatus(report, colourFor(ctx.stdoutIsTTY, ctx.env))}\n`);
  return report;
}

async function statusOf(workspace: string, candidate: CandidateEntry, options: StatusOptions, ctx: StatusContext): Promise<CandidateStatus> {
  const stored = await readCandidateScorecards(workspace, candidate.slug);
  let loop: Array<{ id: string; name: string; optional: boolean }> = [];
  if (candidate.role) {
    try {
      const { rubric } = await findRubric(candidate.role, { rubrics: options.rubrics.map((r) => path.resolve(ctx.cwd, r)), env: ctx.env });
      loop = rubric.loop.map((s) => ({ id: s.id, name: s.name, optional: isOptionalStage(rubric, s) }));
    } catch (error) {
      if (!(error instanceof UsageError || error instanceof DataError)) throw error;
      ctx.stderr.write(`hirekit: warning: ${candidate.name}: cannot list the stages of role ${candidate.role} (${error.message}); showing scorecards only\n`);
    }
  }
  const stages: StageStatus[] = loop.map((s) => ({ stage: s.id, name: s.name, inLoop: true, ...(s.optional ? { optional: true } : {}), submitted: [], drafts: [] }));
  for (const { scorecard } of stored) {
    let entry = stages.find((s) => s.stage === scorecard.stage);
    if (!entry) {
      entry = { stage: scorecard.stage, inLoop: loop.length === 0, submitted: [], drafts: [] };
      stages.push(entry);
    }
    (scorecard.status === 'submitted' ? entry.submitted : entry.drafts).push(scorecard.interviewer.name);
  }
  return {
    name: candidate.name,
    slug: candidate.slug,
    ...(candidate.role ? { role: candidate.role } : {}),
    stages,
    missing: stages.filter((s) => s.inLoop && !s.optional && s.submitted.length === 0 && s.drafts.length === 0).map((s) => s.stage),
  };
}

export function renderStatus(report: CandidateStatus[], c: ChalkInstance): string {
  const out: string[] = [];
  for (const candidate of report) {
    if (out.length > 0) out.push('');
    out.push(`${c.bold(candidate.name)}${c.dim(`  ${candidate.role ?? 'role unknown'} · ${candidate.slug}`)}`);
    const pad = Math.max(...candidate.stages.map((s) => s.stage.length), 5) + 2;
    for (const s of candidate.stages) {
      const parts: string[] = [];
      if (s.submitted.length > 0) parts.push(c.green(`submitted: ${s.submitted.join(', ')}`));
      if (s.drafts.length > 0) parts.push(c.yellow(`draft: ${s.drafts.join(', ')}`));
      if (parts.length === 0) parts.push(s.optional ? c.dim('no scorecard (optional stage)') : c.red('no scorecard yet'));
      if (!s.inLoop) parts.push(c.dim('(not a stage of the loop)'));
      out.push(`  ${s.stage.padEnd(pad)}${parts.join(' · ')}`);
    }
    if (candidate.stages.length === 0) out.push('  no scorecards yet');
  }
  return out.join('\n');
}
