// The calibrate command in-process with a fake context: format choice, --since, and what goes where.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSince, runCalibrate } from '../../src/commands/calibrate.js';
import { UsageError, DataError } from '../../src/errors.js';

describe('--since', () => {
  it('reads a date as the start of that day in UTC, and a full timestamp as given', () => {
    expect(parseSince('2026-09-01').toISOString()).toBe('2026-09-01T00:00:00.000Z');
    expect(parseSince('2026-09-01T12:30:00+02:00').toISOString()).toBe('2026-09-01T10:30:00.000Z');
  });

  it('refuses what is not a date, including impossible days', () => {
    for (const bad of ['yesterday', '2026-02-30', '01/09/2026', '2026-9-1']) expect(() => parseSince(bad), bad).toThrow(UsageError);
  });
});

describe('runCalibrate', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hirekit-calibrate-cmd-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails with one line naming the workspace when nothing is submitted, and writes nothing on stdout', async () => {
    const out: string[] = [];
    const ctx = { cwd: dir, env: {}, now: () => new Date('2026-12-01T00:00:00Z'), stdout: { write: (s: string | Uint8Array) => out.push(String(s)) }, stderr: { write: () => true }, stdoutIsTTY: false, stderrIsTTY: false, columns: 80 };
    await expect(runCalibrate({ rubrics: [], workspace: 'ws' }, ctx)).rejects.toThrow(DataError);
    await expect(runCalibrate({ rubrics: [], workspace: 'ws' }, ctx)).rejects.toThrow(`no submitted scorecards in ${path.join(dir, 'ws')} yet (drafts never count)`);
    expect(out).toEqual([]);
  });
});
