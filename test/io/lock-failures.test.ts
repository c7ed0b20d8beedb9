// The lock's own file-system failures, at the exact instant another process or a full disk would cause them:
// one plain line naming the file, no temp file left behind, and a folder removed by another run made again.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { DataError } from '../../src/errors.js';
import { tempDir } from '../helpers/cli.js';

const fault = { diskFullOnLock: false, removeFolderBeforeLock: '' };
const enospc = (): NodeJS.ErrnoException => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
const isLockTemp = (file: unknown): boolean => /\.lock\.\d+\.[0-9a-f]+\.tmp$/.test(String(file));

/** "The other process": a run that wrote nothing removes the still-empty candidate folder it had made. */
function otherRunRemovesFolder(fs: typeof import('node:fs'), file: unknown): void {
  if (fault.removeFolderBeforeLock && isLockTemp(file) && String(file).startsWith(fault.removeFolderBeforeLock)) {
    fs.rmdirSync(fault.removeFolderBeforeLock);
    fault.removeFolderBeforeLock = '';
  }
}

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const lockFds = new Set<number>();
  const openSync = ((file: string, ...rest: unknown[]) => {
    otherRunRemovesFolder(fs, file);
    const fd = (fs.openSync as (...args: unknown[]) => number)(file, ...rest);
    if (isLockTemp(file)) lockFds.add(fd);
    return fd;
  }) as typeof fs.openSync;
  const writeFileSync = ((target: unknown, ...rest: unknown[]) => {
    if (fault.diskFullOnLock && typeof target === 'number' && lockFds.has(target)) throw enospc();
    return (fs.writeFileSync as (...args: unknown[]) => void)(target, ...rest);
  }) as typeof fs.writeFileSync;
  return { ...fs, default: { ...fs, openSync, writeFileSync }, openSync, writeFileSync };
});
vi.mock('node:fs/promises', async (importOriginal) => {
  const fsp = await importOriginal<typeof import('node:fs/promises')>();
  const fs = await import('node:fs');
  const open = (async (file: string, ...rest: unknown[]) => {
    otherRunRemovesFolder(fs, file);
    const handle = await (fsp.open as (...args: unknown[]) => Promise<import('node:fs/promises').FileHandle>)(file, ...rest);
    if (fault.diskFullOnLock && isLockTemp(file)) handle.writeFile = () => Promise.reject(enospc());
    return handle;
  }) as typeof fsp.open;
  return { ...fsp, default: { ...fsp, open }, open };
});

const { acquireLock } = await import('../../src/io/lock.js');
const { ensureCandidate } = await import('../../src/io/scorecard-store.js');

describe('the lock when the file system fails under it', () => {
  const tmp = tempDir('hirekit-lock-failures-');
  afterAll(tmp.cleanup);
  afterEach(() => Object.assign(fault, { diskFullOnLock: false, removeFolderBeforeLock: '' }));

  it('a full disk while the lock is written: one line naming the file, no temp file left', async () => {
    const dir = path.join(tmp.dir, 'full');
    mkdirSync(dir);
    const file = path.join(dir, 'technical--ada.yaml');
    fault.diskFullOnLock = true;
    const failure = await acquireLock(file, { by: 'Ada', waitMs: 50 }).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(DataError);
    expect((failure as Error).message).toBe(`${file}: cannot be locked for writing (the disk is full); check the workspace folder (--workspace or HIREKIT_WORKSPACE)`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('ensureCandidate makes the folder again when another run removes it (still empty) just before the lock', async () => {
    const ws = path.join(tmp.dir, 'ws');
    mkdirSync(path.join(ws, 'candidates'), { recursive: true });
    const folder = path.join(ws, 'candidates', 'zoe-lukasz');
    fault.removeFolderBeforeLock = folder;
    await ensureCandidate(ws, 'zoe-lukasz', 'Zoë Łukasz', 'data-analyst');
    expect(fault.removeFolderBeforeLock).toBe(''); // the other run did act
    expect(readFileSync(path.join(folder, 'candidate.yaml'), 'utf8')).toBe('name: Zoë Łukasz\nrole: data-analyst\n');
    expect(readdirSync(folder)).toEqual(['candidate.yaml']);
    expect(existsSync(path.join(folder, '.candidate.yaml.lock'))).toBe(false);
  });
});
