// Gathering one candidate's scorecards from the workspace into a Debrief: what `debrief` shows and what
// `compare` and `demo` build on. Kept apart from the debrief command so the others do not borrow from it.
import { buildDebrief, type Debrief } from '../core/debrief.js';
import { DataError } from '../errors.js';
import { decisionPath, loadDecision } from '../io/decision-store.js';
import { findRubric, type LoadedRubric } from '../io/rubrics.js';
import { candidateDir, readCandidateScorecards, requireWorkspace, resolveCandidate, resolveWorkspace, type StoredScorecard, type WorkspaceIndex } from '../io/workspace.js';
import type { CommandContext } from './context.js';

export interface CandidateDebriefRequest {
  /** Name or folder slug. */
  candidate: string;
  /** The role to debrief against, when the candidate's folder does not say. */
  role?: string;
  workspace?: string;
  rubrics: readonly string[];
}

/** Reads the workspace and builds the candidate's Debrief. */
export async function gatherDebrief(
  request: CandidateDebriefRequest,
  ctx: Pick<CommandContext, 'env' | 'cwd' | 'now'>,
  /**
   * What a command that gathers many candidates (compare) has read once: the workspace index, so each lookup
   * is constant time, and the role's rubric, so it is not looked up again per candidate.
   */
  shared: { index?: WorkspaceIndex; rubric?: LoadedRubric } = {},
): Promise<{ debrief: Debrief; workspace: string }> {
  const { index } = shared;
  const workspace = resolveWorkspace(request.workspace, ctx.env, ctx.cwd);
  if (!index) await requireWorkspace(workspace);
  const entry = await resolveCandidate(workspace, request.candidate, index);
  const stored = await readCandidateScorecards(workspace, entry);
  if (stored.length === 0) {
    throw new DataError(
      `no scorecards for ${entry.name} yet in ${candidateDir(workspace, entry.slug)}; interviewers add them with hirekit score ${entry.role ?? request.role ?? 'ROLE'} --candidate "${entry.name}"`,
    );
  }
  const roleId = request.role ?? entry.role ?? commonestRole(stored);
  const { rubric, hash } = shared.rubric?.rubric.role.id === roleId ? shared.rubric : await findRubric(roleId, { rubrics: request.rubrics, env: ctx.env });
  // The committee's record, when there is one: its submitted decision is set beside the numbers.
  const decision = await loadDecision(decisionPath(workspace, entry.slug));
  const debrief = buildDebrief({ rubric, rubricHash: hash, candidate: { name: entry.name, slug: entry.slug }, scorecards: stored, now: ctx.now(), ...(decision ? { decision } : {}) });
  return { debrief, workspace };
}

function commonestRole(stored: readonly StoredScorecard[]): string {
  const counts = new Map<string, number>();
  for (const { scorecard } of stored) counts.set(scorecard.rubric.id, (counts.get(scorecard.rubric.id) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}
