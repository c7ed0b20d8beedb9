import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/cli.js';

// Another process may create candidate.yaml at any instant (two imports or two interviewers of a new
// candidate). Here it appears right after this process failed to open it: the read must still count as
// "no file yet", not as an unreadable file.
const appearAfterFailedOpen = { file: '' };
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const openSync = ((file: string, ...rest: unknown[]) => {
    try {
      return (fs.openSync as (...args: unknown[]) => number)(file, ...rest);
    } catch (error) {
      if (file === appearAfterFailedOpen.file) fs.writeFileSync(file, 'name: Zoë Łukasz\nrole: ml-scientist\n');
      throw error;
    }
  }) as typeof fs.openSync;
  return { ...fs, default: { ...fs, openSync }, openSync };
});

const { readCandidateRecord } = await import('../../src/io/workspace.js');

describe('readCandidateRecord', () => {
  const tmp = tempDir('hirekit-candidate-record-');
  afterAll(tmp.cleanup);
  afterEach(() => (appearAfterFailedOpen.file = ''));

  it('reads a missing candidate.yaml as no record, even when another process creates it just after', async () => {
    const ws = path.join(tmp.dir, 'race');
    mkdirSync(path.join(ws, 'candidates', 'zoe-lukasz'), { recursive: true });
    appearAfterFailedOpen.file = path.join(ws, 'candidates', 'zoe-lukasz', 'candidate.yaml');
    await expect(readCandidateRecord(ws, 'zoe-lukasz')).resolves.toBeUndefined();
    // The next read finds the record the other process wrote.
    await expect(readCandidateRecord(ws, 'zoe-lukasz')).resolves.toEqual({ name: 'Zoë Łukasz', role: 'ml-scientist' });
  });

  it('refuses a candidate.yaml that is there but is not a file', async () => {
    const ws = path.join(tmp.dir, 'folder');
    mkdirSync(path.join(ws, 'candidates', 'zoe-lukasz', 'candidate.yaml'), { recursive: true });
    await expect(readCandidateRecord(ws, 'zoe-lukasz')).rejects.toThrow(/candidate\.yaml/);
  });

  it('refuses a broken candidate.yaml with its line and column', async () => {
    const ws = path.join(tmp.dir, 'broken');
    mkdirSync(path.join(ws, 'candidates', 'zoe-lukasz'), { recursive: true });
    writeFileSync(path.join(ws, 'candidates', 'zoe-lukasz', 'candidate.yaml'), 'name: [Zoë\n');
    await expect(readCandidateRecord(ws, 'zoe-lukasz')).rejects.toThrow(/candidate\.yaml:\d+:\d+/);
  });
});
