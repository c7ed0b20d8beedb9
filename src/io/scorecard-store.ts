// Saving scorecards: every answer is written atomically (temp file, fsync, rename) with owner-only
// permissions, so a killed process leaves the last complete answer on disk and never half a file.
import { chmod, copyFile, lstat, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { RatingValueSchema } from '../core/scorecard.js';
import { DataError } from '../errors.js';
import { Scorecard } from '../core/scorecard.js';
import { writeFileAtomic } from './atomic.js';
import { describeFsError } from './fs-error.js';
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
    throw describeFsError(error, file, 'written', 'check the workspace folder (--workspace or HIREKIT_WORKSPACE)');
  }
}

/**
 * Creates candidate.yaml on first use (with `check`, only refuses a clash). A different name or role under the same slug is refused: it is either
 * another person whose name slugs the same, or the same person under another role.
 */
export async function ensureCandidate(workspace: string, slug: string, name: string, role: string, now: Date, options: { check?: boolean } = {}): Promise<void> {
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
  // Checking only: the record is written with the first answer, so a run stopped before it leaves nothing.
  if (options.check) return;
  const record: CandidateRecord = { name: name.trim(), role, created_at: now.toISOString() };
  await writePrivate(file, stringify(record, WRITE_OPTIONS));
}

/** Where backupScorecard keeps the copy of a draft replaced at `now`. */
export function backupPath(workspace: string, candidateSlug: string, file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return path.join(backupDir(workspace, candidateSlug), `${path.basename(file, '.yaml')}.${stamp}.yaml`);
}

/** Keeps a copy of a draft before it is replaced; returns the backup's path. */
export async function backupScorecard(workspace: string, candidateSlug: string, file: string, now: Date): Promise<string> {
  const target = backupPath(workspace, candidateSlug, file, now);
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  await copyFile(file, target);
  await chmod(target, FILE_MODE);
  return target;
}

/**
 * Answers whose written part is still to come: a rating chosen before its evidence is typed, and flags
 * ticked before their notes are written. The scorecard format keeps a rating only with its evidence and a
 * flag only with its note, so these wait in a dot-file beside the scorecard (readers skip dot-files).
 */
const PendingRating = z.object({ dimension: z.string(), rating: RatingValueSchema }).strict();
export type PendingRating = z.infer<typeof PendingRating>;
const PendingAnswers = z.object({ rating: PendingRating.optional(), flags: z.array(z.string()).optional() }).strict();
type PendingAnswers = z.infer<typeof PendingAnswers>;
// Before flags were kept here too, the file held the pending rating alone.
const PendingFile = z.union([PendingAnswers, PendingRating.transform((rating) => ({ rating }))]);

function pendingPath(file: string): string {
  // The amendment's working copy is a dot-file already: its pending file gets one dot, not two.
  return path.join(path.dirname(file), `.${path.basename(file, '.yaml').replace(/^\./, '')}.pending.yaml`);
}

/**
 * An amendment is worked on in a separate copy beside the submitted scorecard, a dot-file readers skip, so
 * the submitted version stays in force (byte for byte) until the amended one is submitted over it.
 */
export function amendmentPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file, '.yaml')}.amendment.yaml`);
}

/** The amendment in progress for a submitted scorecard, or undefined. */
export async function loadAmendment(file: string): Promise<Scorecard | undefined> {
  return loadScorecard(amendmentPath(file));
}

/** Forgets an amendment in progress and what it had pending; the submitted scorecard is not touched. */
export async function discardAmendment(file: string): Promise<void> {
  const copy = amendmentPath(file);
  await rm(pendingPath(copy), { force: true });
  await rm(copy, { force: true });
}

/** Puts the amended scorecard in force: it replaces the submitted one (atomically), then the working copy goes. */
export async function submitAmendment(file: string, amended: Scorecard): Promise<void> {
  await saveScorecard(file, amended);
  await discardAmendment(file);
}

/** What is pending; an unreadable file counts as nothing pending, since the interviewer is asked again anyway. */
async function loadPending(file: string): Promise<PendingAnswers> {
  try {
    const result = PendingFile.safeParse(parse(await readFile(pendingPath(file), 'utf8')));
    return result.success ? result.data : {};
  } catch {
    return {};
  }
}

async function updatePending(file: string, change: Partial<Record<keyof PendingAnswers, unknown>>): Promise<void> {
  const next: Record<string, unknown> = { ...(await loadPending(file)), ...change };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  if (Object.keys(next).length === 0) await clearPending(file);
  else await writePrivate(pendingPath(file), stringify(PendingAnswers.parse(next), WRITE_OPTIONS));
}

export async function savePendingRating(file: string, pending: PendingRating): Promise<void> {
  await updatePending(file, { rating: pending });
}

export async function loadPendingRating(file: string): Promise<PendingRating | undefined> {
  return (await loadPending(file)).rating;
}

export async function clearPendingRating(file: string): Promise<void> {
  await updatePending(file, { rating: undefined });
}

/** Sets the flags ticked without a note yet; an empty list clears them. */
export async function savePendingFlags(file: string, flagIds: readonly string[]): Promise<void> {
  await updatePending(file, { flags: flagIds.length > 0 ? [...flagIds] : undefined });
}

export async function loadPendingFlags(file: string): Promise<string[]> {
  return (await loadPending(file)).flags ?? [];
}

/** Forgets everything pending for a scorecard: it was started over, replaced, submitted or never existed. */
export async function clearPending(file: string): Promise<void> {
  await rm(pendingPath(file), { force: true });
}

/** A temp file of writeFileAtomic older than this is a leftover whatever its pid says (pids are reused). */
const STALE_TEMP_MS = 60_000;

/**
 * Removes what a process killed inside writeFileAtomic left beside this scorecard: hidden temp files named
 * `.<name>.<pid>.<8 hex>.tmp` for the scorecard or its pending file, and only when the process that wrote them
 * is gone or they are over a minute old (so a session running in another terminal keeps its write).
 * Nothing else in the folder is touched. Best effort: a leftover that cannot be removed is harmless.
 * `nowMs` is wall-clock time, since it is compared with file modification times.
 */
export async function removeLeftoverTemps(file: string, nowMs: number): Promise<string[]> {
  const dir = path.dirname(file);
  const copy = amendmentPath(file);
  const names = [file, pendingPath(file), copy, pendingPath(copy)].map((f) => path.basename(f)).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`^\\.(?:${names.join('|')})\\.(\\d+)\\.[0-9a-f]{8}\\.tmp$`, 'u');
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const pid = pattern.exec(entry)?.[1];
    if (pid === undefined) continue;
    const temp = path.join(dir, entry);
    try {
      const info = await lstat(temp);
      if (!info.isFile()) continue;
      if (processIsRunning(Number(pid)) && nowMs - info.mtimeMs < STALE_TEMP_MS) continue;
      await rm(temp);
      removed.push(temp);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}

function processIsRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
