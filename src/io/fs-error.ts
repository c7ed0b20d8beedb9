// The one way a file-system failure is told to a person: what went wrong, in words, for one path. Every
// writer in io/ (output files, scorecards, workspaces) goes through it, so the same failure always reads the
// same and is never an "internal error".
import { DataError } from '../errors.js';

const REASONS: Record<string, string> = {
  ENOTDIR: 'a file stands where a folder should be',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOENT: 'no such file or folder',
  // mkdir meets a file where a folder of the path should be (the temp file's own name is random).
  EEXIST: 'a file stands where a folder should be',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EBUSY: 'it is in use',
  EXDEV: 'it lies on another file system',
  EMFILE: 'too many files are open',
};

/** The system error code of a Node fs failure, if it is one. */
export function fsErrorCode(error: unknown): string | undefined {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' ? (error as NodeJS.ErrnoException).code : undefined;
}

/** Plain words for a file-system error code ("permission denied"); the code itself when it is a rare one. */
export function fsReason(code: string): string {
  return REASONS[code] ?? code;
}

/**
 * Turns a file-system failure into one line: `FILE: cannot be written (the disk is full); HINT`. Anything
 * that is not a file-system error is returned unchanged: it is a bug and must stay visible as one.
 */
export function describeFsError(error: unknown, file: string, doing: string, hint: string): unknown {
  const code = fsErrorCode(error);
  if (!code) return error;
  // The system error stays the cause, so a caller can still act on its code (e.g. retry after ENOENT).
  return new DataError(`${file}: cannot be ${doing} (${fsReason(code)}); ${hint}`, { cause: error });
}
