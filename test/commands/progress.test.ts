// Progress of pack --all on stderr: redrawn in place on a terminal, absent otherwise, never mixed with the
// paths on stdout.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPack } from '../../src/commands/pack.js';
import { tempDir } from '../helpers/cli.js';
import { fakeContext } from '../helpers/context.js';

const tmp = tempDir('hirekit-progress-');
afterAll(() => tmp.cleanup());

describe('pack --all progress', () => {
  it('shows [i/n] per role on a terminal and clears the line before each path is printed', async () => {
    const ctx = fakeContext({ cwd: tmp.dir, stderrIsTTY: true, columns: 80 });
    const written = await runPack({ all: true, format: 'md', out: path.join(tmp.dir, 'tty') + '/', rubrics: [] }, ctx);
    const CLEAR = '\r\u001b[2K';
    const steps = ctx.err().split(CLEAR).filter((s) => s !== '').map((s) => /^\[(\d+)\/(\d+)\] pack for .+$/.exec(s)).map((m) => `${m?.[1]}/${m?.[2]}`);
    const total = steps.length;
    expect(total).toBeGreaterThan(1);
    expect(steps).toEqual(Array.from({ length: total }, (_, i) => `${i + 1}/${total}`));
    expect(ctx.err().endsWith('\r\u001b[2K')).toBe(true);
    expect(ctx.out()).toBe(written.map((f) => `${f}\n`).join(''));
  });

  it('writes nothing on stderr when it is not a terminal', async () => {
    const ctx = fakeContext({ cwd: tmp.dir, stderrIsTTY: false });
    await runPack({ all: true, format: 'md', out: path.join(tmp.dir, 'pipe') + '/', rubrics: [] }, ctx);
    expect(ctx.err()).toBe('');
  });
});
