// Saving scorecards: every answer is written atomically (temp file, fsync, rename) with owner-only
// permissions, so a killed process leaves the last complete answer on disk and never half a file.
import { lstatSync } from 'node:fs';
import { lstat, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { RatingValueSchema } from '../core/scorecard.js';
import { DataError } from '../errors.js';
import { Scorecard } from '../core/scorecard.js';
import { writeFileAtomic } from './atomic.js';
import { checkContained, ensureContainedDir, openNoFollow, removeIfEmpty } from './contained.js';
import { acquireLock, processIsRunning, type HeldLock, type LockOptions } from './lock.js';
import { toYaml } from './yaml-write.js';
import { loadYaml } from './yaml-file.js';
import { describeFsError, fsErrorCode, fsReason } from './fs-error.js';
import {
  answersDigest,
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
    // Synchronous: status asks for every candidate's decision file, and a round trip through the thread pool
    // for each costs more than the look itself.
    lstatSync(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new DataError(`${file}: cannot be read (${fsReason(fsErrorCode(error) ?? 'unknown error')}); check its permissions`);
  }
}

/** The scorecard at a path, validated, or undefined when there is none yet. */
export async function loadScorecard(file: string): Promise<Scorecard | undefined> {
  if (!(await exists(file))) return undefined;
  return readValidated(file, Scorecard, 'scorecard');
}

// Written with io/yaml-write.ts: every string a YAML 1.1 or 1.2 reader could take for a number, boolean, null
// or date is quoted, so names and evidence such as `0o17`, `yes` or `2026-01-01` read back as written.
export function scorecardYaml(scorecard: Scorecard): string {
  return HEADER + toYaml(Scorecard.parse(sealed(scorecard)));
}

/** A submitted scorecard carries the digest of its answers (tamper evidence); a draft carries none. */
function sealed(scorecard: Scorecard): Scorecard {
  const { digest: _old, ...rest } = scorecard;
  return scorecard.status === 'submitted' ? { ...rest, digest: answersDigest(rest) } : rest;
}

/** The workspace a scorecard path lies in: <ws>/candidates/<slug>/scorecards/<file>. */
function workspaceOf(scorecardFile: string): string {
  return path.resolve(scorecardFile, '..', '..', '..', '..');
}

/**
 * Saves a scorecard. A submitted scorecard on disk is never replaced by one that does not carry its whole
 * audit trail plus a new entry (an amendment or a start-over): a submit never overwrites another submit,
 * and no amendment drops out of the trail. Callers hold the scorecard's lock (lockScorecard).
 */
export async function saveScorecard(file: string, scorecard: Scorecard): Promise<void> {
  // A failed look is a failure, never "nothing there": read as absence, it would let a submit replace a submit.
  const onDisk = await loadScorecard(file);
  if (onDisk?.status === 'submitted' && !extendsTrail(onDisk, scorecard)) {
    throw new DataError(`${file}: was submitted on ${onDisk.submitted_at ?? onDisk.updated_at} and is locked; nothing was replaced. To change it, amend it with a reason (--amend --reason "why")`);
  }
  await writePrivate(workspaceOf(file), file, scorecardYaml(scorecard));
}

function extendsTrail(before: Scorecard, after: Scorecard): boolean {
  if (after.audit.length <= before.audit.length) return false;
  return before.audit.every((entry, i) => JSON.stringify(entry) === JSON.stringify(after.audit[i]));
}

/**
 * Takes the scorecard's lock (see io/lock.ts), after checking that its folders are real folders inside the
 * workspace. Hold it from loading the scorecard to the last save, and release it in a finally.
 */
export async function lockScorecard(file: string, by: string, waitMs?: number): Promise<HeldLock> {
  return lockWorkspaceFile(workspaceOf(file), file, { by, what: 'scoring', ...(waitMs !== undefined ? { waitMs } : {}) });
}

/**
 * The lock for any file hirekit writes in the workspace (a scorecard, candidates/<slug>/decision.yaml): its
 * folders are checked and made through real folders only, then the lock is taken (io/lock.ts). Hold it from
 * loading the file to the last save; release it in a finally.
 */
export async function lockWorkspaceFile(workspace: string, file: string, options: LockOptions): Promise<HeldLock> {
  for (let attempt = 1; ; attempt++) {
    const created = await ensureContainedDir(workspace, path.dirname(file));
    try {
      const lock = await acquireLock(file, options);
      // A run that ends up writing nothing (refused answers, Ctrl-C before the first answer) leaves no folders.
      return {
        file: lock.file,
        release: async () => {
          await lock.release();
          await removeIfEmpty(created);
        },
      };
    } catch (error) {
      // Another run removed the still-empty folder between our mkdir and our lock: make it again.
      const code = fsErrorCode(error) ?? fsErrorCode((error as Error).cause);
      if (code !== 'ENOENT' || attempt >= 5) throw error;
    }
  }
}

/**
 * Writes a YAML file of the workspace (e.g. a committee's decision file) the way scorecards are written:
 * the one quoting writer (io/yaml-write.ts), owner-only, atomic, through real folders only. `header` is a
 * comment block put first.
 */
export async function saveWorkspaceYaml(workspace: string, file: string, data: unknown, header = ''): Promise<void> {
  await writePrivate(workspace, file, header + toYaml(data));
}

/**
 * Owner-only, atomic, inside the workspace through real folders only; a file-system failure becomes one
 * plain line naming the file.
 */
async function writePrivate(workspace: string, file: string, content: string): Promise<void> {
  await checkContained(workspace, file, { create: true });
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
export async function ensureCandidate(workspace: string, slug: string, name: string, role: string, options: { check?: boolean; waitMs?: number | undefined } = {}): Promise<void> {
  if (options.check) {
    // Checking only: the record is written with the first answer, so a run stopped before it leaves nothing.
    const existing = await readCandidateRecord(workspace, slug);
    if (existing) checkSameCandidate(candidateRecordPath(workspace, slug), existing, slug, name, role);
    return;
  }
  const file = candidateRecordPath(workspace, slug);
  // Two interviewers scoring a new candidate at once: one writes the file, the other then checks against it.
  // Through lockWorkspaceFile, which makes the folder again if another run removes it while still empty.
  const lock = await lockWorkspaceFile(workspace, file, { by: `an interviewer of ${name.trim()}`, what: 'creating', ...(options.waitMs !== undefined ? { waitMs: options.waitMs } : {}) });
  try {
    await removeLeftoverTempsOf([file], Date.now());
    const existing = await readCandidateRecord(workspace, slug);
    if (existing) return checkSameCandidate(file, existing, slug, name, role);
    // The same name and role give the same bytes on every machine (see CandidateRecord), so two clones of a
    // git-shared workspace that both add the candidate never conflict.
    const record: CandidateRecord = { name: name.trim(), role };
    await writePrivate(workspace, file, toYaml(record));
  } finally {
    await lock.release();
  }
}

function checkSameCandidate(file: string, existing: CandidateRecord, slug: string, name: string, role: string): void {
  if (existing.name.normalize('NFC') !== name.trim().normalize('NFC')) {
    throw new DataError(
      `${file}: the folder ${slug} already belongs to '${existing.name}'; use that exact spelling, or tell two people apart with a middle name or initial`,
    );
  }
  if (existing.role && existing.role !== role) {
    throw new DataError(`${file}: '${existing.name}' is a candidate for role ${existing.role}, not ${role}; score them against ${existing.role}`);
  }
}

/** Where backupScorecard keeps the copy of a draft replaced at `now`. */
export function backupPath(workspace: string, candidateSlug: string, file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return path.join(backupDir(workspace, candidateSlug), `${path.basename(file, '.yaml')}.${stamp}.yaml`);
}

/** Keeps a copy of a draft before it is replaced; returns the backup's path. */
export async function backupScorecard(workspace: string, candidateSlug: string, file: string, now: Date): Promise<string> {
  const target = backupPath(workspace, candidateSlug, file, now);
  // Read without following a link and written through real folders: a copy never lands outside the workspace.
  await checkContained(workspace, file);
  const handle = await openNoFollow(file);
  let content: Buffer;
  try {
    content = await handle.readFile();
  } finally {
    await handle.close();
  }
  await writePrivate(workspace, target, content.toString('utf8'));
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
    const check = await loadYaml(pendingPath(file), PendingFile, { what: 'pending answers file', empty: 'nothing pending', noFollow: true });
    return check.errors.length === 0 && check.value !== undefined ? check.value : {};
  } catch {
    return {};
  }
}

async function updatePending(file: string, change: Partial<Record<keyof PendingAnswers, unknown>>): Promise<void> {
  const next: Record<string, unknown> = { ...(await loadPending(file)), ...change };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  if (Object.keys(next).length === 0) await clearPending(file);
  else await writePrivate(workspaceOf(file), pendingPath(file), toYaml(PendingAnswers.parse(next)));
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
  const copy = amendmentPath(file);
  return removeLeftoverTempsOf([file, pendingPath(file), copy, pendingPath(copy)], nowMs);
}

/**
 * The same for any files of one folder (a committee's decision.yaml, a candidate.yaml): the temp files a killed
 * write left beside them, and the temp file of a lock taken at the instant of the kill. Call it holding the
 * files' lock, so that no write of this very file is under way anywhere.
 */
export async function removeLeftoverTempsOf(files: readonly string[], nowMs: number): Promise<string[]> {
  const dir = path.dirname(files[0] ?? '.');
  const names = files.map((f) => path.basename(f)).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`^\\.(?:${names.join('|')})\\.(lock\\.)?(\\d+)\\.(?:[0-9a-f]{8}|[0-9a-f]{16})\\.tmp$`, 'u');
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const match = pattern.exec(entry);
    if (!match) continue;
    const temp = path.join(dir, entry);
    try {
      const info = await lstat(temp);
      if (!info.isFile()) continue;
      const stale = nowMs - info.mtimeMs >= STALE_TEMP_MS;
      // A lock's temp file may be another machine's run taking the lock this instant (its pid means nothing
      // here): it goes only once stale. Writes of the file itself are ours alone while we hold its lock.
      if (!stale && (match[1] !== undefined || processIsRunning(Number(match[2])))) continue;
      await rm(temp);
      removed.push(temp);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}
