// Containment by real path: what hirekit writes (or reads back) inside the workspace must be reached through
// real folders only. A symlink anywhere between the workspace root and the file (candidates/, a candidate's
// folder, scorecards/, backups/, the file itself) could carry a write, or a read echoed in an error, outside
// the workspace; it is refused with one line. The workspace root itself may be a link: the user chose it.
import { constants, type Stats } from 'node:fs';
import { lstat, mkdir, open, rmdir, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../errors.js';
import { fsErrorCode, fsReason } from './fs-error.js';

/** Folders of personal data: the owner only (as workspace.ts's DIR_MODE). */
const DIR_MODE = 0o700;

function refuseLink(at: string): DataError {
  return new DataError(`${at}: is a symbolic link; hirekit only writes inside the workspace through real folders, replace the link with the folder or file itself`);
}

function partsBelow(workspace: string, target: string): string[] {
  const relative = path.relative(path.resolve(workspace), path.resolve(target));
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    throw new DataError(`${target}: would be outside the workspace ${workspace}`);
  }
  return relative.split(path.sep);
}

/**
 * Checks every step from the workspace root to `target`: none may be a symlink, every folder must be a folder,
 * and the target (when it exists) a regular file. With `create`, missing folders are made (owner-only).
 */
export async function checkContained(workspace: string, target: string, options: { create?: boolean; folder?: boolean } = {}): Promise<string[]> {
  const created: string[] = [];
  const parts = partsBelow(workspace, target);
  // The root itself is the user's choice (it may be a link); only what lies below it is checked.
  if (options.create) await mkdir(path.resolve(workspace), { recursive: true, mode: DIR_MODE }).catch(() => undefined);
  // Another run removes the empty folders it made when it ends having written nothing (removeIfEmpty): a folder
  // seen a moment ago can be gone at the next step. The walk then starts again from the top.
  for (let attempt = 1; ; attempt++) {
    const walked = await walk(workspace, parts, options, created);
    if (walked === 'done' || attempt >= 5) {
      if (walked === 'vanished') throw new DataError(`${target}: its folders keep disappearing while hirekit creates them; another program is removing them, try again`);
      return created;
    }
  }
}

async function walk(workspace: string, parts: string[], options: { create?: boolean; folder?: boolean }, created: string[]): Promise<'done' | 'vanished'> {
  const file = !options.folder;
  let here = path.resolve(workspace);
  for (const [i, part] of parts.entries()) {
    here = path.join(here, part);
    const last = i === parts.length - 1;
    let info = await lstatOrNothing(here);
    if (!info) {
      if ((last && file) || !options.create) return 'done';
      try {
        await mkdir(here, { mode: DIR_MODE });
        if (!created.includes(here)) created.push(here);
      } catch (error) {
        const code = fsErrorCode(error);
        if (code === 'ENOENT') return 'vanished'; // a folder above was removed meanwhile
        if (code !== 'EEXIST') throw new DataError(`${here}: cannot be created (${fsReason(code ?? 'unknown error')})`);
      }
      info = await lstatOrNothing(here);
      if (!info) return 'vanished'; // made (by us or another run) and removed again meanwhile
    }
    if (info.isSymbolicLink()) throw refuseLink(here);
    if ((!last || !file) && !info.isDirectory()) throw new DataError(`${here}: is a file where the workspace needs a folder; move it away`);
    if (last && file && !info.isFile()) throw new DataError(`${here}: is not a regular file; hirekit only reads and writes regular files in the workspace`);
  }
  return 'done';
}

async function lstatOrNothing(here: string): Promise<Stats | undefined> {
  return lstat(here).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new DataError(`${here}: cannot be read (${error.code ?? 'unknown error'}); check its permissions`);
  });
}

/**
 * The folder `dir` inside the workspace, created if missing, reached through real folders only. Returns the
 * folders it created, deepest last, so a caller that ends up writing nothing can remove them again.
 */
export async function ensureContainedDir(workspace: string, dir: string): Promise<string[]> {
  return checkContained(workspace, dir, { create: true, folder: true });
}

/** Removes folders ensureContainedDir created, deepest first, as long as they are still empty. */
export async function removeIfEmpty(dirs: readonly string[]): Promise<void> {
  for (const dir of [...dirs].reverse()) {
    try {
      await rmdir(dir);
    } catch (error) {
      if (fsErrorCode(error) === 'ENOENT') continue; // removed already (by another run): its parent may still go
      return; // not empty (someone wrote there): leave it and its parents
    }
  }
}

/** Opens a workspace file for reading without following a symlink (where the platform has O_NOFOLLOW). */
export async function openNoFollow(file: string): Promise<FileHandle> {
  try {
    return await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw refuseLink(file);
    throw error;
  }
}
