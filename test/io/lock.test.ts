// The lock that guards a workspace file: held, refused in one line naming the holder, taken over when its
// holder is dead or silent, released only by its holder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, lockPathFor, STALE_MS, withLock } from '../../src/io/lock.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const temps: Array<() => void> = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));
function guarded(): string {
  const { dir, cleanup } = tempDir('hirekit-lock-');
  temps.push(cleanup);
  return path.join(dir, 'technical--ada.yaml');
}

function foreignLock(file: string, owner: { pid: number; host?: string; by?: string; since?: string }): void {
  const { pid, host = hostname(), by = 'Grace Hopper', since = '2026-11-24T10:00:00.000Z' } = owner;
  writeFileSync(lockPathFor(file), `${JSON.stringify({ by, host, pid, since, token: 'f00d' })}\n`);
}

describe('workspace file lock', () => {
  it('is a hidden file beside the guarded one, holding who took it, and gone after release', async () => {
    const file = guarded();
    const lock = await acquireLock(file, { by: 'Ada Lovelace' });
    expect(lock.file).toBe(path.join(path.dirname(file), '.technical--ada.yaml.lock'));
    expect(JSON.parse(readFileSync(lock.file, 'utf8'))).toMatchObject({ by: 'Ada Lovelace', host: hostname(), pid: process.pid });
    await lock.release();
    expect(existsSync(lock.file)).toBe(false);
  });

  it('a second writer waits for the holder and then gets the lock', async () => {
    const file = guarded();
    const order: string[] = [];
    const first = await acquireLock(file, { by: 'first' });
    const second = withLock(file, { by: 'second', waitMs: 5_000 }, async () => void order.push('second'));
    await new Promise((r) => setTimeout(r, 100));
    order.push('first done');
    await first.release();
    await second;
    expect(order).toEqual(['first done', 'second']);
  });

  it('a second writer is refused in one line naming the holder, pid, host and since when', async () => {
    const file = guarded();
    foreignLock(file, { pid: process.pid, by: 'Grace Hopper' });
    await expect(acquireLock(file, { by: 'Ada', what: 'scoring', waitMs: 50 })).rejects.toThrow(
      `${file}: Grace Hopper (pid ${process.pid} on ${hostname()}, since 2026-11-24T10:00:00.000Z) is scoring it; wait for them to finish and try again (a lock left by a process that died is taken over automatically)`,
    );
    // Not ours: left in place.
    expect(JSON.parse(readFileSync(lockPathFor(file), 'utf8')).by).toBe('Grace Hopper');
  });

  it('a lock whose process died on this host is taken over at once', async () => {
    const file = guarded();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    foreignLock(file, { pid: dead });
    const lock = await acquireLock(file, { by: 'Ada', waitMs: 0 });
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).by).toBe('Ada');
    await lock.release();
  });

  it('a lock from another host is taken over once its heartbeat is older than the stale limit, not before', async () => {
    const file = guarded();
    foreignLock(file, { pid: 1, host: 'another-laptop' });
    await expect(acquireLock(file, { by: 'Ada', waitMs: 0 })).rejects.toThrow(/pid 1 on another-laptop/);
    const old = new Date(Date.now() - STALE_MS - 5_000);
    utimesSync(lockPathFor(file), old, old);
    const lock = await acquireLock(file, { by: 'Ada', waitMs: 0 });
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).by).toBe('Ada');
    await lock.release();
  });

  it('a holder killed with SIGKILL leaves its lock, and the next writer takes it over at once', async () => {
    const file = guarded();
    const lockModule = pathToFileURL(path.join(ROOT, 'dist', 'io', 'lock.js')).href;
    const holder = spawn(process.execPath, ['--input-type=module', '-e', `const { acquireLock } = await import(${JSON.stringify(lockModule)}); await acquireLock(${JSON.stringify(file)}, { by: 'Killed' }); console.log('held'); setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    expect(JSON.parse(readFileSync(lockPathFor(file), 'utf8')).by).toBe('Killed');
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const lock = await acquireLock(file, { by: 'Ada', waitMs: 0 });
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).by).toBe('Ada');
    await lock.release();
  });

  it('release never removes a lock someone else holds now', async () => {
    const file = guarded();
    const lock = await acquireLock(file, { by: 'Ada' });
    foreignLock(file, { pid: process.pid, by: 'Grace Hopper' }); // e.g. taken over after a long stall
    await lock.release();
    expect(JSON.parse(readFileSync(lockPathFor(file), 'utf8')).by).toBe('Grace Hopper');
  });

  it('twenty writers in one process each get the lock in turn, never two at once', async () => {
    const file = guarded();
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        withLock(file, { by: `writer ${i}`, waitMs: 20_000 }, async () => {
          most = Math.max(most, ++inside);
          await new Promise((r) => setTimeout(r, 5));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
  });
});
