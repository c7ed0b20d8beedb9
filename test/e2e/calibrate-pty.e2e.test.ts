// hirekit calibrate in a real pseudo-terminal: progress is drawn on stderr while the workspace is read and
// the bootstrap runs, and cleared before the report, so the screen shows the report alone. (Piped, stderr
// stays empty: test/e2e/calibrate.e2e.test.ts.) Run `npm run build` first.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { Screen } from '../helpers/screen.js';

let tmp: ReturnType<typeof tempDir>;
let ws: string;

beforeAll(() => {
  tmp = tempDir('hirekit-calibrate-pty-');
  const demo = runCli(['demo', path.join(tmp.dir, 'demo')]);
  expect(demo.code, demo.stderr).toBe(0);
  ws = path.join(tmp.dir, 'demo', 'hiring');
});
afterAll(() => tmp.cleanup());

describe('hirekit calibrate on a terminal', () => {
  it('shows progress while it works and leaves only the report on the screen', async () => {
    const screen = new Screen(['-w', ws, 'calibrate'], { rows: 200 });
    try {
      expect((await screen.exited).exitCode).toBe(0);
      await screen.waitFor('Calibration of the interview panel');
      const transcript = screen.transcript();
      // Every folder counted, then the bootstrap named.
      for (let i = 1; i <= 10; i += 1) expect(transcript).toContain(`[${i}/10] reading scorecards`);
      expect(transcript).toContain('calibrating head-of-ml: agreement, leans and their 1,000 bootstrap resamples');
      // The progress line was cleared: the report starts on the first row, and no progress text is left.
      const lines = await screen.lines();
      expect(lines[0]).toBe('Calibration of the interview panel');
      expect(lines.join('\n')).not.toMatch(/reading scorecards|calibrating head-of-ml/);
    } finally {
      screen.dispose();
    }
  });
});
