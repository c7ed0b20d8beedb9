// One writer at a time per workspace file (a scorecard, a candidate file, a committee's decision file), across
// processes and across machines sharing the folder. The lock is a hidden file beside the one it guards,
// created atomically (a temp file hard-linked into place, so it never exists half written) and holding who
// took it: the person, the host, the pid and since when. A second writer waits briefly, then is refused with
// one line naming the holder. A lock whose holder is gone is taken over: on the same host when its pid no
// longer runs, anywhere when its heartbeat (the file's mtime, refreshed while held) is older than STALE_MS.
import { randomBytes } from 'node:crypto';
import { closeSync, constants, openSync, writeFileSync } from 'node:fs';
import { link, open, readFile, rm, stat, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DataError } from '../errors.js';
import { describeFsError } from './fs-error.js';
import { locksHeld, tempsInFlight } from './temps-in-flight.js';

/** How long a second writer waits for the holder before giving up; HIREKIT_LOCK_WAIT_MS overrides it. */
export const DEFAULT_WAIT_MS = 5_000;
/** A lock not refreshed for this long is abandoned, whoever holds it. */
export const STALE_MS = 120_000;
const HEARTBEAT_MS = 20_000;

const LockOwner = z.object({ by: z.string(), host: z.string(), pid: z.number().int(), since: z.string(), token: z.string() }).strict();
export type LockOwner = z.infer<typeof LockOwner>;

export interface HeldLock {
  /** The lock file's path. */
  readonly file: string;
  /** Removes the lock if it is still ours; safe to call twice. */
  release(): Promise<void>;
}

export interface LockOptions {
  /** Who takes the lock, as shown to a second writer, e.g. the interviewer's name. */
  by: string;
  /** What the holder is doing, for the refusal line, e.g. "scoring". */
  what?: string;
  /** How the guarded thing is named in the refusal line, when not by the file's path (e.g. a whole folder). */
  name?: string;
  waitMs?: number;
  now?: () => Date;
}

/** The lock file that guards a workspace file: `.NAME.lock` beside it (readers skip dot-files). */
export function lockPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}

export function lockWaitMs(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const raw = env.HIREKIT_LOCK_WAIT_MS;
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * Takes the lock for `file`, waiting up to waitMs for another holder; throws a DataError naming the holder, or
 * one line naming the file when the lock cannot be written at all (a full disk, a read-only folder).
 */
export async function acquireLock(file: string, options: LockOptions): Promise<HeldLock> {
  try {
    return await waitForLock(file, options);
  } catch (error) {
    throw describeFsError(error, file, 'locked for writing', 'check the workspace folder (--workspace or HIREKIT_WORKSPACE)');
  }
}

async function waitForLock(file: string, options: LockOptions): Promise<HeldLock> {
  const lockFile = lockPathFor(file);
  const now = options.now ?? (() => new Date());
  const owner: LockOwner = { by: options.by, host: hostname(), pid: process.pid, since: now().toISOString(), token: randomBytes(8).toString('hex') };
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
  let delay = 15;
  for (;;) {
    if (await tryCreate(lockFile, owner)) return holding(lockFile, owner);
    const holder = await readOwner(lockFile);
    if (await isAbandoned(lockFile, holder)) {
      await breakLock(lockFile, holder);
      continue;
    }
    if (Date.now() >= deadline) throw new DataError(refusal(options.name ?? file, holder, options.what));
    // Jittered backoff, so two waiters do not retry in step.
    await sleep(Math.min(delay + Math.random() * delay, Math.max(1, deadline - Date.now())));
    delay = Math.min(delay * 2, 250);
  }
}

/** Runs `work` holding the lock for `file`, and releases it whatever happens. */
export async function withLock<T>(file: string, options: LockOptions, work: () => Promise<T>): Promise<T> {
  const lock = await acquireLock(file, options);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}

function refusal(file: string, holder: LockOwner | undefined, what = 'writing'): string {
  const who = holder ? `${holder.by} (pid ${holder.pid} on ${holder.host}, since ${holder.since})` : 'another hirekit process';
  return `${file}: ${who} is ${what} it; wait for them to finish and try again (a lock left by a process that died is taken over automatically)`;
}

async function tryCreate(lockFile: string, owner: LockOwner): Promise<boolean> {
  const temp = `${lockFile}.${process.pid}.${owner.token}.tmp`;
  // Created synchronously and registered, so a Ctrl-C between two steps finds it and removes it (as io/atomic.ts).
  tempsInFlight.add(temp);
  try {
    const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | noFollow(), 0o600);
    try {
      // Written in full before it is linked into place: a full disk fails here, and the temp file goes below.
      writeFileSync(fd, `${JSON.stringify(owner)}\n`);
    } finally {
      closeSync(fd);
    }
    // link() fails when the lock exists, atomically, and never follows a symlink at the target.
    await link(temp, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temp, { force: true });
    tempsInFlight.delete(temp);
  }
}

function holding(lockFile: string, owner: LockOwner): HeldLock {
  // The heartbeat keeps a long session (an interview scored in the terminal) from looking abandoned.
  const heartbeat = setInterval(() => {
    const at = new Date();
    utimes(lockFile, at, at).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  locksHeld.set(lockFile, owner.token);
  let released = false;
  return {
    file: lockFile,
    release: async () => {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      locksHeld.delete(lockFile);
      if ((await readOwner(lockFile))?.token === owner.token) await rm(lockFile, { force: true });
    },
  };
}

async function readOwner(lockFile: string): Promise<LockOwner | undefined> {
  try {
    const parsed = LockOwner.safeParse(JSON.parse(await readFile(lockFile, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function isAbandoned(lockFile: string, holder: LockOwner | undefined): Promise<boolean> {
  const info = await stat(lockFile).catch(() => undefined);
  if (!info) return false; // gone already: the next attempt takes it
  if (Date.now() - info.mtimeMs > STALE_MS) return true;
  return holder !== undefined && holder.host === hostname() && !processIsRunning(holder.pid);
}

/**
 * Removes an abandoned lock. Two waiters may find the same abandoned lock; a short-lived breaker lock lets
 * only one of them look again and remove it, so a fresh lock taken in between is never removed by mistake.
 */
async function breakLock(lockFile: string, seen: LockOwner | undefined): Promise<void> {
  const breaker = `${lockFile}.break`;
  let handle;
  try {
    handle = await open(breaker, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | noFollow(), 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Someone else is breaking it; a breaker left by a process killed in these few lines goes after 10 s.
    const info = await stat(breaker).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > 10_000) await rm(breaker, { force: true });
    await sleep(10);
    return;
  }
  try {
    const now = await readOwner(lockFile);
    if (now?.token === seen?.token && (await isAbandoned(lockFile, now))) await rm(lockFile, { force: true });
  } finally {
    await handle.close();
    await rm(breaker, { force: true });
  }
}

export function processIsRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** O_NOFOLLOW where the platform has it (not on Windows). */
export function noFollow(): number {
  return constants.O_NOFOLLOW ?? 0;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
