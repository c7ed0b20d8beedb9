// Atomic file writes: write a temp file beside the target, flush it to disk, rename it over the target,
// then flush the folder. A crash leaves either the old file or the new one, never half of one.
import { close, fsync, openSync, writeFile } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { tempsInFlight } from './temps-in-flight.js';

export interface AtomicWriteOptions {
  /** File mode for a new file, e.g. 0o600 for personal data. */
  mode?: number;
}

export async function writeFileAtomic(file: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true, mode: options.mode === undefined ? undefined : 0o700 });
  // node:crypto is loaded on the first write: many commands load this module and never write.
  const { randomBytes } = await import('node:crypto');
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  tempsInFlight.add(temp);
  try {
    await writeTemp(temp, file, dir, content, options);
  } finally {
    tempsInFlight.delete(temp);
  }
}

const writeFd = promisify(writeFile);
const fsyncFd = promisify(fsync);
const closeFd = promisify(close);

async function writeTemp(temp: string, file: string, dir: string, content: string | Uint8Array, options: AtomicWriteOptions): Promise<void> {
  // Created synchronously, so a Ctrl-C (handled between two steps of this function) finds the temp file on disk
  // and removes it. Created by the thread pool, it could appear just after the handler had looked, and stay.
  const fd = openSync(temp, 'wx', options.mode ?? 0o644);
  try {
    try {
      await writeFd(fd, content);
      await fsyncFd(fd);
    } catch (error) {
      await closeFd(fd).catch(() => undefined);
      throw error;
    }
    // close() can fail too (a full disk on a network file system reports it there): the temp file goes then too.
    await closeFd(fd);
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
