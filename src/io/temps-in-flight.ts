// The temp files of the atomic writes under way (io/atomic.ts) and the locks held (io/lock.ts). Apart from
// them, so that main.ts's Ctrl-C handler can remove both without loading node:fs/promises for `hirekit --help`.
import { readFileSync, rmSync } from 'node:fs';

/** Temp files being written now: removed by removeTempsInFlight when the process is stopped midway. */
export const tempsInFlight = new Set<string>();

/**
 * Locks this process holds (io/lock.ts): lock file -> the token that makes it ours. Removed on Ctrl-C too, so
 * that a colleague on another machine is not kept waiting until the lock goes stale.
 */
export const locksHeld = new Map<string, string>();

/**
 * Removes the temp files of writes under way, and the locks still ours, synchronously, for a process about to
 * exit on Ctrl-C: the targets keep their old content (or stay absent), and no `.x.tmp` or lock is left.
 */
export function removeTempsInFlight(): void {
  for (const temp of tempsInFlight) rmSync(temp, { force: true });
  tempsInFlight.clear();
  for (const [lockFile, token] of locksHeld) {
    try {
      if ((JSON.parse(readFileSync(lockFile, 'utf8')) as { token?: unknown }).token === token) rmSync(lockFile, { force: true });
    } catch {
      // Gone already, or not readable: a lock whose process has gone is taken over anyway.
    }
  }
  locksHeld.clear();
}
