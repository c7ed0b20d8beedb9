// `hirekit init [DIR]`: a workspace folder with a short README, private to its owner.
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { describeFsError } from '../io/fs-error.js';
import { DIR_MODE, FILE_MODE, resolveWorkspace } from '../io/workspace.js';
import type { CommandContext } from './context.js';

export interface InitOptions {
  dir?: string;
  workspace?: string;
  /** Make the workspace a git repository with a .gitignore and the sharing workflow in its README. */
  git?: boolean;
}

export const WORKSPACE_README = `# Hiring workspace

This folder holds scorecards written with \`hirekit score\`. They are personal data about candidates:
keep the folder in a private repository or a shared drive only the hiring panel can read.

    candidates/<candidate>/candidate.yaml                       name and role
    candidates/<candidate>/scorecards/<stage>--<interviewer>.yaml  one per interviewer and stage
    candidates/<candidate>/backups/                             drafts kept when someone started over

Each interviewer writes only their own file, so two people never edit the same file and merges never
conflict. Interviewers score independently: do not read each other's scorecards before submitting yours.

    hirekit score ROLE --candidate "Name"      score the stage you ran (answers are saved as you go)
    hirekit status                             who has submitted, who has a draft, what is missing
    hirekit debrief "Name"                     the committee view, once the scorecards are in
`;

const GIT_SECTION_TITLE = '## Sharing the workspace through git';

export const WORKSPACE_GIT_README = `
${GIT_SECTION_TITLE}

This workspace is a git repository. Push it to a private remote only the hiring panel can read.

1. Before you score, pull: \`git pull --rebase\`.
2. Score on your machine: \`hirekit score ROLE --candidate "Name" --stage STAGE\` (or \`--answers FILE\`).
   A draft stays on your machine until you submit it: commit nothing while \`hirekit status\` shows your
   scorecard as a draft, since your colleagues must not read your ratings before they have scored.
3. Once submitted, commit your own scorecard and push:
       git add candidates/<candidate>/candidate.yaml candidates/<candidate>/scorecards/<stage>--<you>.yaml
       git commit -m "<candidate>: <stage> scorecard"
       git pull --rebase && git push
4. The committee pulls and runs \`hirekit debrief "Name"\`.
5. Whoever records the committee's decision (\`hirekit decide "Name"\`) commits
   candidates/<candidate>/decision.yaml once \`hirekit status\` shows it decided; only they write it.

Why merges never conflict: every scorecard is its own file, named by stage and interviewer, and only its
interviewer writes it; candidate.yaml holds only the name and role, so two interviewers who add the same
new candidate write the very same bytes. Amending a submitted scorecard changes only your own file.

What .gitignore keeps on one machine, and why:
- \`.*.pending.yaml\`: a rating chosen before its evidence was typed, flags ticked before their notes; an
  interviewer's unfinished answers, which nobody else may see or build on.
- \`.*.amendment.yaml\`: an amendment of a submitted scorecard while it is being worked on; the submitted
  scorecard stands (and is what the others pull) until the amendment is submitted over it.
- \`candidates/*/backups/\`: earlier drafts kept when someone started over; drafts are private.
- \`.*.tmp\`, \`*.lock\`: temp files of a write that was interrupted, and locks; they mean nothing elsewhere.
- \`candidates/*/debrief.pdf\` and other generated output: rebuilt from the scorecards by anyone, and a
  copy of personal data that should not multiply.
A draft scorecard has the same path as the submitted one it becomes, so git cannot tell them apart by
name: that is why step 2 says to commit only after submitting.
`;

export const WORKSPACE_GITIGNORE = `# hirekit: what stays on one machine (see README.md, "Sharing the workspace through git")
# An interviewer's unfinished answers (a rating before its evidence, flags before their notes)
.*.pending.yaml
# An amendment of a submitted scorecard, until it is submitted over it
.*.amendment.yaml
# Earlier drafts kept when someone started over
candidates/*/backups/
# Temp files of an interrupted atomic write, and locks
.*.tmp
*.lock
# Generated output: anyone can rebuild it from the scorecards
candidates/*/debrief.pdf
*.pdf
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
  if (!hasReadme) await writeWorkspaceFile(readme, WORKSPACE_README + (options.git ? WORKSPACE_GIT_README : ''), { mode: FILE_MODE });
  if (options.git) {
    await shareThroughGit(dir, hasReadme ? readme : undefined, stderr);
    stdout.write(`${dir}\n`);
    return { dir, created: !info };
  }
  stderr.write(info ? `Workspace ${dir} already exists; ${hasReadme ? 'left it as it was' : 'added a README'}.\n` : `Created workspace ${dir}; keep it private, it will hold personal data.\n`);
  stdout.write(`${dir}\n`);
  return { dir, created: !info };
}

/** Atomic, and a file-system failure (a full disk, a read-only folder) is one line naming the file. */
async function writeWorkspaceFile(file: string, content: string, options: { mode: number }): Promise<void> {
  try {
    await writeFileAtomic(file, content, options);
  } catch (error) {
    throw describeFsError(error, file, 'written', 'free some space or check the folder\'s permissions, then run hirekit init again');
  }
}

/** git init (unless it is one already), the .gitignore, and the workflow section in an existing README. */
async function shareThroughGit(dir: string, existingReadme: string | undefined, stderr: CommandContext['stderr']): Promise<void> {
  const { gitInit, isGitRepository } = await import('../io/git.js');
  const already = await isGitRepository(dir);
  if (!already) await gitInit(dir);
  // git keeps no empty folder: without this file a clone would have no candidates/ and not read as a workspace.
  const keep = path.join(dir, 'candidates', '.gitkeep');
  if (!(await stat(keep).catch(() => undefined))) await writeWorkspaceFile(keep, '', { mode: 0o644 });
  const gitignore = path.join(dir, '.gitignore');
  const current = await readFile(gitignore, 'utf8').catch(() => undefined);
  if (current === undefined) await writeWorkspaceFile(gitignore, WORKSPACE_GITIGNORE, { mode: 0o644 });
  else {
    // Keep the user's own lines; add the block, or (from an earlier hirekit) only the patterns it lacks.
    const have = new Set(current.split(/\r?\n/).map((l) => l.trim()));
    const patterns = WORKSPACE_GITIGNORE.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    const missing = patterns.filter((p) => !have.has(p));
    const addition = missing.length === patterns.length ? WORKSPACE_GITIGNORE : `# hirekit: added by a later version (see README.md)\n${missing.join('\n')}\n`;
    if (missing.length > 0) await writeWorkspaceFile(gitignore, `${current.replace(/\n*$/, '\n\n')}${addition}`, { mode: 0o644 });
  }
  if (existingReadme) {
    const text = await readFile(existingReadme, 'utf8');
    if (!text.includes(GIT_SECTION_TITLE)) await writeWorkspaceFile(existingReadme, text + WORKSPACE_GIT_README, { mode: FILE_MODE });
  }
  stderr.write(
    `${already ? 'Workspace' : 'Created git workspace'} ${dir} ${already ? 'was already a git repository; added the .gitignore and workflow' : 'with a .gitignore and the workflow in README.md'}.\n` +
      `Next: cd ${dir} && git add . && git commit -m "hiring workspace" && git remote add origin <private remote> && git push -u origin HEAD\n`,
  );
}
