// The calibrate command in-process with a fake context: format choice, --since, what goes where, and its
// progress on stderr (only on a terminal).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { parseSince, runCalibrate } from '../../src/commands/calibrate.js';
import { progressOn } from '../../src/commands/progress.js';
import { UsageError, DataError } from '../../src/errors.js';
import { FIXTURES } from '../helpers/cli.js';
import { fakeContext } from '../helpers/context.js';

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
    mkdirSync(path.join(dir, 'ws', 'candidates'), { recursive: true });
    const out: string[] = [];
    const ctx = { cwd: dir, env: {}, now: () => new Date('2026-12-01T00:00:00Z'), stdout: { write: (s: string | Uint8Array) => out.push(String(s)) }, stderr: { write: () => true }, stdoutIsTTY: false, stderrIsTTY: false, columns: 80 };
    await expect(runCalibrate({ rubrics: [], workspace: 'ws' }, ctx)).rejects.toThrow(DataError);
    await expect(runCalibrate({ rubrics: [], workspace: 'ws' }, ctx)).rejects.toThrow(`no submitted scorecards in ${path.join(dir, 'ws')} yet (drafts never count)`);
    expect(out).toEqual([]);
  });
});

describe('calibrate progress on stderr', () => {
  const RUBRICS = path.join(FIXTURES, 'workspaces', 'rubrics');
  const WORKSPACE = path.join(FIXTURES, 'workspaces', 'panel');
  const CLEAR = '\r\u001b[2K';

  it('on a terminal: the folders read, then the role being calibrated, each line redrawn in place and cleared before the report', async () => {
    const ctx = fakeContext({ stderrIsTTY: true, columns: 60 });
    await runCalibrate({ rubrics: [RUBRICS], workspace: WORKSPACE, format: 'json' }, ctx);
    const lines = ctx.err().split(CLEAR).filter((s) => s !== '');
    expect(lines).toEqual(['[1/1] reading scorecards', 'calibrating ml-platform-lead: agreement, leans and their 1…']);
    // Cut to the terminal's width less one column, so the line never wraps.
    expect(stringWidth(lines[1]!)).toBe(59);
    expect(ctx.err().endsWith(CLEAR)).toBe(true);
    expect((JSON.parse(ctx.out()) as { format: string }).format).toBe('hirekit-calibration/1');
  });

  it('measures the line in terminal columns: wide characters are cut before they wrap', async () => {
    // "[2/3] Wei Zhang (张伟)" is 20 characters but 22 columns: cutting by length would wrap a 20-column terminal.
    const ctx = fakeContext({ stderrIsTTY: true, columns: 20 });
    const progress = progressOn(ctx, 3);
    progress.step(2, 'Wei Zhang (张伟)');
    expect(ctx.err()).toBe(`${CLEAR}[2/3] Wei Zhang (…`);
    progress.clear();
    progress.clear();
    expect(ctx.err()).toBe(`${CLEAR}[2/3] Wei Zhang (…${CLEAR}`);
  });

  it('writes nothing on stderr when it is not a terminal', async () => {
    const ctx = fakeContext({ stderrIsTTY: false });
    await runCalibrate({ rubrics: [RUBRICS], workspace: WORKSPACE, format: 'json' }, ctx);
    expect(ctx.err()).toBe('');
    expect(ctx.out()).toContain('"hirekit-calibration/1"');
  });
});
