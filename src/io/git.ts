// The few git calls hirekit makes (init --git). git is the user's own tool: hirekit never commits, pushes or
// pulls for them, it only makes the folder a repository.
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { DataError } from '../errors.js';

const run = promisify(execFile);

/** True when the folder is already the top of a git repository (a .git folder or file is in it). */
export async function isGitRepository(dir: string): Promise<boolean> {
  return stat(path.join(dir, '.git')).then(
    () => true,
    () => false,
  );
}

/** `git init` in the folder; a missing git or a failure is one plain line. */
export async function gitInit(dir: string): Promise<void> {
  try {
    await run('git', ['init', '--quiet'], { cwd: dir });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') throw new DataError('git is not installed or not on PATH; install git, or run hirekit init without --git');
    const said = (failure.stderr ?? failure.message).trim().split('\n')[0];
    throw new DataError(`${dir}: git init failed (${said}); check the folder and your git setup`);
  }
}

/** git's user.name where hirekit runs (the name `score` offers by default), or undefined without git or a name. */
export async function gitUserName(cwd: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['config', 'user.name'], { cwd, env, timeout: 2000 });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}
