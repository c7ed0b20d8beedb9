// saveScorecard never replaces a submitted scorecard with one that does not extend its audit trail. When the
// look at the file on disk fails (too many open files, an I/O error), that failure must not be read as "no
// scorecard there": the save is refused, and the submitted scorecard stays byte for byte.
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { FIXTURES, tempDir } from '../helpers/cli.js';

const failOpen = { file: '' };
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const openSync = ((file: string, ...rest: unknown[]) => {
    if (failOpen.file && String(file) === failOpen.file) throw Object.assign(new Error(`EMFILE: too many open files, open '${file}'`), { code: 'EMFILE', errno: -24, syscall: 'open' });
    return (fs.openSync as (...args: unknown[]) => number)(file, ...rest);
  }) as typeof fs.openSync;
  return { ...fs, default: { ...fs, openSync }, openSync };
});

const { loadScorecard, saveScorecard } = await import('../../src/io/scorecard-store.js');

describe('saveScorecard when the submitted scorecard cannot be read', () => {
  const tmp = tempDir('hirekit-save-guard-');
  afterAll(tmp.cleanup);
  afterEach(() => (failOpen.file = ''));

  it('refuses in one line naming the file, and replaces nothing', async () => {
    const ws = path.join(tmp.dir, 'hiring');
    cpSync(path.join(FIXTURES, 'workspaces', 'extra-candidates', 'kwame-mensah'), path.join(ws, 'candidates', 'kwame-mensah'), { recursive: true });
    const file = path.join(ws, 'candidates', 'kwame-mensah', 'scorecards', 'screen--dmitriy-sokolov.yaml');
    const before = readFileSync(file, 'utf8');
    const submitted = (await loadScorecard(file))!;
    expect(submitted.status).toBe('submitted');
    // A draft over it, without the submitted one's audit trail: what a stale or mistaken writer would save.
    const { digest: _d, submitted_at: _s, ...rest } = submitted;
    const draft = { ...rest, status: 'draft' as const, summary: 'Replaced by a writer that could not see the file.' };
    failOpen.file = file;
    await expect(saveScorecard(file, draft)).rejects.toThrow(`${file}: cannot be read (EMFILE)`);
    failOpen.file = '';
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
