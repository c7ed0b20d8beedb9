// Atomic file writes: write a temp file beside the target, flush it to disk, rename it over the target,
// then flush the folder. A crash leaves either the old file or the new one, never half of one.
import { rmSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** File mode for a new file, e.g. 0o600 for personal data. */
  mode?: number;
}

/** Temp files being written now: removed by removeTempsInFlight when the process is stopped midway. */
const inFlight = new Set<string>();

/**
 * Removes the temp files of writes under way, synchronously, for a process about to exit on Ctrl-C: the
 * targets keep their old content (or stay absent), and no `.x.tmp` is left beside them.
 */
export function removeTempsInFlight(): void {
  for (const temp of inFlight) rmSync(temp, { force: true });
  inFlight.clear();
}

export async function writeFileAtomic(file: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true, mode: options.mode === undefined ? undefined : 0o700 });
  // node:crypto is loaded here, not at start-up: main.ts imports this module for its Ctrl-C handler.
  const { randomBytes } = await import('node:crypto');
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  inFlight.add(temp);
  try {
    await writeTemp(temp, file, dir, content, options);
  } finally {
    inFlight.delete(temp);
  }
}

async function writeTemp(temp: string, file: string, dir: string, content: string | Uint8Array, options: AtomicWriteOptions): Promise<void> {
  const handle = await open(temp, 'wx', options.mode ?? 0o644);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDir(dir);
}

async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse to fsync a directory; the rename is still atomic there.
  }
}
