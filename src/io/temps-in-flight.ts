// The temp files of the atomic writes under way (io/atomic.ts). Apart from the writer, so that main.ts's
// Ctrl-C handler can remove them without loading node:fs/promises for every `hirekit --help`.
import { rmSync } from 'node:fs';

/** Temp files being written now: removed by removeTempsInFlight when the process is stopped midway. */
export const tempsInFlight = new Set<string>();

/**
 * Removes the temp files of writes under way, synchronously, for a process about to exit on Ctrl-C: the
 * targets keep their old content (or stay absent), and no `.x.tmp` is left beside them.
 */
export function removeTempsInFlight(): void {
  for (const temp of tempsInFlight) rmSync(temp, { force: true });
  tempsInFlight.clear();
}
