// The export command in-process: progress on stderr only when it is a terminal, cleared before the rows go to
// stdout, and the rows the same either way.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../src/commands/export.js';
import { FIXTURES } from '../helpers/cli.js';
import { fakeContext } from '../helpers/context.js';

const options = { rubrics: [path.join(FIXTURES, 'workspaces', 'rubrics')], workspace: path.join(FIXTURES, 'workspaces', 'panel'), format: 'csv' as const };
const CLEAR = '\r\u001b[2K';

describe('export progress', () => {
  it.each(['scorecards', 'debriefs', 'calibration'] as const)('--what %s on a terminal: the folders read, cleared before the rows', async (what) => {
    const tty = fakeContext({ stderrIsTTY: true, columns: 80 });
    await runExport({ ...options, what }, tty);
    const piped = fakeContext({ stderrIsTTY: false });
    await runExport({ ...options, what }, piped);
    // The progress line, then the line cleared, then exactly what a pipe gets (warnings, e.g. an older rubric version).
    const calibrating = what === 'calibration' ? `calibrating ml-platform-lead: agreement, leans and their 1,000 bootstrap resam…${CLEAR}` : '';
    expect(tty.err()).toBe(`${CLEAR}[1/1] reading scorecards${CLEAR}${calibrating}${piped.err()}`);
    expect(piped.err()).not.toContain('reading scorecards');
    expect(tty.out()).toBe(piped.out());
    expect(piped.out().startsWith('\uFEFF')).toBe(true);
  });
});
