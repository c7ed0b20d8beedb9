// A folder the workspace needs can vanish between two steps: another run that wrote nothing removes the empty
// folders it had made (removeIfEmpty). Here that other run acts at the exact instant, through a mocked mkdir.
import { existsSync, mkdirSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/cli.js';

const other = { before: '', after: '' };
vi.mock('node:fs/promises', async (importOriginal) => {
  const fsp = await importOriginal<typeof import('node:fs/promises')>();
  const mkdir = (async (dir: string, ...rest: unknown[]) => {
    // Just before our mkdir, the other run removes the (empty) parent it had made.
    if (other.before && String(dir) === other.before) {
      rmdirSync(path.dirname(other.before));
      other.before = '';
    }
    // The other run makes the folder just before our mkdir (which then fails EEXIST) and removes it just after.
    const meanwhile = other.after !== '' && String(dir) === other.after;
    if (meanwhile) mkdirSync(other.after);
    try {
      return await (fsp.mkdir as (...args: unknown[]) => Promise<string | undefined>)(dir, ...rest);
    } finally {
      if (meanwhile) {
        rmdirSync(other.after);
        other.after = '';
      }
    }
  }) as typeof fsp.mkdir;
  return { ...fsp, default: { ...fsp, mkdir }, mkdir };
});

const { ensureContainedDir } = await import('../../src/io/contained.js');

describe('ensureContainedDir while another run removes its empty folders', () => {
  const tmp = tempDir('hirekit-contained-race-');
  afterAll(tmp.cleanup);
  afterEach(() => Object.assign(other, { before: '', after: '' }));

  it('the parent removed just before the folder is made: the walk starts again and makes both', async () => {
    const ws = path.join(tmp.dir, 'before');
    const slug = path.join(ws, 'candidates', 'zoe-lukasz');
    mkdirSync(slug, { recursive: true });
    const scorecards = path.join(slug, 'scorecards');
    other.before = scorecards;
    await expect(ensureContainedDir(ws, scorecards)).resolves.toEqual([slug, scorecards]);
    expect(other.before).toBe(''); // the other run did act
    expect(statSync(scorecards).isDirectory()).toBe(true);
  });

  it('the folder found there (EEXIST) and removed just after: the walk starts again and makes it', async () => {
    const ws = path.join(tmp.dir, 'after');
    const slug = path.join(ws, 'candidates', 'zoe-lukasz');
    mkdirSync(slug, { recursive: true });
    const scorecards = path.join(slug, 'scorecards');
    other.after = scorecards;
    await expect(ensureContainedDir(ws, scorecards)).resolves.toEqual([scorecards]);
    expect(other.after).toBe(''); // the other run did act
    expect(existsSync(scorecards)).toBe(true);
  });
});
