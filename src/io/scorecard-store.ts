// Saving scorecards: every answer is written atomically (temp file, fsync, rename) with owner-only
// permissions, so a killed process leaves the last complete answer on disk and never half a file.
import { chmod, copyFile, mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { RatingValueSchema } from '../core/scorecard.js';
import { DataError } from '../errors.js';
import { Scorecard } from '../core/scorecard.js';
import { writeFileAtomic } from './atomic.js';
import {
  backupDir,
  CandidateRecord,
  candidateRecordPath,
  FILE_MODE,
  readCandidateRecord,
  readValidated,
} from './workspace.js';

const HEADER = '# hirekit scorecard: personal data about a candidate; keep it in a private place.\n';

export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new DataError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}); check its permissions`);
  }
}

/** The scorecard at a path, validated, or undefined when there is none yet. */
export async function loadScorecard(file: string): Promise<Scorecard | undefined> {
  if (!(await exists(file))) return undefined;
  return readValidated(file, Scorecard, 'scorecard');
}

// Written so that YAML 1.1 readers (older tools a team may point at the folder) read the same values:
// `yes`/`no` and timestamps come out quoted. hirekit itself reads YAML 1.2.
const WRITE_OPTIONS = { lineWidth: 0, version: '1.1' } as const;

export function scorecardYaml(scorecard: Scorecard): string {
  return HEADER + stringify(Scorecard.parse(scorecard), WRITE_OPTIONS);
}

export async function saveScorecard(file: string, scorecard: Scorecard): Promise<void> {
  await writePrivate(file, scorecardYaml(scorecard));
}

/** Owner-only, atomic; a file-system failure becomes one plain line naming the file. */
async function writePrivate(file: string, content: string): Promise<void> {
  try {
    await writeFileAtomic(file, content, { mode: FILE_MODE });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    const why = code === 'ENOTDIR' ? 'a file stands where a folder should be' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' ? 'the disk is full' : code;
    throw new DataError(`${file}: cannot be written (${why}); check the workspace folder (--workspace or HIREKIT_WORKSPACE)`);
  }
}

/**
 * Creates candidate.yaml on first use. A different name or role under the same slug is refused: it is either
 * another person whose name slugs the same, or the same person under another role.
 */
export async function ensureCandidate(workspace: string, slug: string, name: string, role: string, now: Date): Promise<void> {
  const existing = await readCandidateRecord(workspace, slug);
  const file = candidateRecordPath(workspace, slug);
  if (existing) {
    if (existing.name.normalize('NFC') !== name.trim().normalize('NFC')) {
      throw new DataError(
        `${file}: the folder ${slug} already belongs to '${existing.name}'; use that exact spelling, or tell two people apart with a middle name or initial`,
      );
    }
    if (existing.role && existing.role !== role) {
      throw new DataError(`${file}: '${existing.name}' is a candidate for role ${existing.role}, not ${role}; score them against ${existing.role}`);
    }
    return;
  }
  const record: CandidateRecord = { name: name.trim(), role, created_at: now.toISOString() };
  await writePrivate(file, stringify(record, WRITE_OPTIONS));
}

/** Keeps a copy of a draft before it is replaced; returns the backup's path. */
export async function backupScorecard(workspace: string, candidateSlug: string, file: string, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = path.join(backupDir(workspace, candidateSlug), `${path.basename(file, '.yaml')}.${stamp}.yaml`);
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  await copyFile(file, target);
  await chmod(target, FILE_MODE);
  return target;
}

/**
 * A rating chosen whose evidence is still being typed. The scorecard format keeps a rating only with its
 * evidence, so the choice waits in a dot-file beside the scorecard (readers skip dot-files) until then.
 */
const PendingRating = z.object({ dimension: z.string(), rating: RatingValueSchema }).strict();
export type PendingRating = z.infer<typeof PendingRating>;

function pendingPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file, '.yaml')}.pending.yaml`);
}

export async function savePendingRating(file: string, pending: PendingRating): Promise<void> {
  await writePrivate(pendingPath(file), stringify(pending, WRITE_OPTIONS));
}

/** The pending rating, if any; an unreadable one is ignored, since the interviewer is asked again anyway. */
export async function loadPendingRating(file: string): Promise<PendingRating | undefined> {
  try {
    const result = PendingRating.safeParse(parse(await readFile(pendingPath(file), 'utf8')));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

export async function clearPendingRating(file: string): Promise<void> {
  await rm(pendingPath(file), { force: true });
}
