// The types a run of `hirekit score` carries through its steps (score.ts, score-sheet.ts, score-steps.ts):
// kept apart from score.ts so the step modules depend on them without importing the command itself.
import type { StagePlan } from '../core/scoring.js';
import type { LoadedRubric } from '../io/rubrics.js';
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
  /** Reopen a submitted scorecard (or resume its amendment); a new amendment needs a reason. */
  amend?: boolean;
  reason?: string;
  /** Go straight to taking notes during the interview. */
  notes?: boolean;
  workspace?: string;
  rubrics: string[];
  /** The name offered as the interviewer; default git's user.name, then the login name. */
  defaultInterviewer?: () => string | undefined;
}

export type ScoreContext = Pick<CommandContext, 'now' | 'prompts' | 'stdinIsTTY' | 'stdout' | 'stderr' | 'stderrIsTTY' | 'env' | 'cwd' | 'columns'> & Partial<Pick<CommandContext, 'rows'>>;

export interface ScoreResult {
  file: string;
  status: 'draft' | 'submitted' | 'unchanged';
}

export interface Identity {
  candidate: { name: string; slug: string };
  interviewer: { name: string; slug: string };
  plan: StagePlan;
}

export interface ScoreRun extends Identity {
  loaded: LoadedRubric;
  workspace: string;
  file: string;
  resume: string;
  options: ScoreOptions;
  ctx: ScoreContext;
}
