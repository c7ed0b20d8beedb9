// `hirekit init [DIR]`: a workspace folder with a short README, private to its owner.
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { describeFsError } from '../io/fs-error.js';
import { DIR_MODE, FILE_MODE, resolveWorkspace } from '../io/workspace.js';
import type { CommandContext } from './context.js';

export interface InitOptions {
  dir?: string;
  workspace?: string;
}

export const WORKSPACE_README = `# Hiring workspace

This folder holds scorecards written with \`hirekit score\`. They are personal data about candidates:
keep the folder in a private repository or a shared drive only the hiring panel can read.

    candidates/<candidate>/candidate.yaml                       name, role, when the file was created
    candidates/<candidate>/scorecards/<stage>--<interviewer>.yaml  one per interviewer and stage
    candidates/<candidate>/backups/                             drafts kept when someone started over

Each interviewer writes only their own file, so two people never edit the same file and merges never
conflict. Interviewers score independently: do not read each other's scorecards before submitting yours.

    hirekit score ROLE --candidate "Name"      score the stage you ran (answers are saved as you go)
    hirekit status                             who has submitted, who has a draft, what is missing
    hirekit debrief "Name"                     the committee view, once the scorecards are in
`;

export async function runInit(options: InitOptions, ctx: Pick<CommandContext, 'env' | 'cwd' | 'stdout' | 'stderr'>): Promise<{ dir: string; created: boolean }> {
  const { stdout, stderr } = ctx;
  const dir = options.dir !== undefined ? path.resolve(ctx.cwd, options.dir) : resolveWorkspace(options.workspace, ctx.env, ctx.cwd);
  const info = await stat(dir).catch(() => undefined);
  if (info && !info.isDirectory()) throw new DataError(`${dir}: is a file; choose a folder for the workspace`);
  const readme = path.join(dir, 'README.md');
  const hasReadme = await stat(readme).then(
    () => true,
    () => false,
  );
  try {
    await mkdir(path.join(dir, 'candidates'), { recursive: true, mode: DIR_MODE });
  } catch (error) {
    throw describeFsError(error, dir, 'created as a workspace', 'check the path and permissions');
  }
  if (!hasReadme) await writeFileAtomic(readme, WORKSPACE_README, { mode: FILE_MODE });
  stderr.write(info ? `Workspace ${dir} already exists; ${hasReadme ? 'left it as it was' : 'added a README'}.\n` : `Created workspace ${dir}; keep it private, it will hold personal data.\n`);
  stdout.write(`${dir}\n`);
  return { dir, created: !info };
}
