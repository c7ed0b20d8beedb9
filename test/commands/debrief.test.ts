// runDebrief and runCompare called directly, with injected streams, clock and environment.
import { Writable } from 'node:stream';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseFormat, runDebrief } from '../../src/commands/debrief.js';
import { runCompare } from '../../src/commands/compare.js';
import { UsageError } from '../../src/errors.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';
import { pageSizes } from '../helpers/pdf.js';

const RUBRICS = [path.join(FIXTURES, 'workspaces', 'rubrics')];
const PANEL = path.join(FIXTURES, 'workspaces', 'panel');
const NOW = new Date('2026-11-24T09:00:00Z');

function sink(isTTY: boolean): Writable & { isTTY: boolean; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return Object.assign(stream, { isTTY, text: () => chunks.join('') });
}

describe('chooseFormat', () => {
  it('follows --format, then the --out extension, then the terminal', () => {
    expect(chooseFormat({ format: 'md', out: 'x.pdf' }, true)).toBe('md');
    expect(chooseFormat({ out: 'x.HTML' }, true)).toBe('html');
    expect(chooseFormat({ out: 'debrief' }, true)).toBe('pdf');
    expect(chooseFormat({}, true)).toBe('text');
    expect(chooseFormat({}, false)).toBe('json');
  });
});

describe('runDebrief', () => {
  it('prints the text summary to a terminal, without repeating the warnings on stderr', async () => {
    const stdout = sink(true);
    const stderr = sink(false);
    const result = await runDebrief(
      { candidate: 'Şebnem Ağaoğlu', workspace: PANEL, rubrics: RUBRICS },
      { now: () => NOW, stdout, stderr, env: { NO_COLOR: '1' }, cwd: PANEL },
    );
    expect(result.format).toBe('text');
    expect(result.file).toBeUndefined();
    expect(stdout.text()).toContain('Debrief of 2026-11-24: 5 submitted scorecards, 1 draft left out');
    expect(stdout.text()).toContain('Mechanical summary: BELOW BAR  composite 2.93, bar 3.00');
    expect(stderr.text()).toBe('');
    expect(result.debrief.generated_at).toBe('2026-11-24T09:00:00.000Z');
  });

  it('prints the PDF on A4 by default and on US Letter with paper: letter', async () => {
    const { dir: out, cleanup } = tempDir('hirekit-debrief-paper-');
    try {
      const deps = { now: () => NOW, stdout: sink(false), stderr: sink(false), env: {}, cwd: out };
      await runDebrief({ candidate: 'Şebnem Ağaoğlu', out: 'a4.pdf', workspace: PANEL, rubrics: RUBRICS }, deps);
      await runDebrief({ candidate: 'Şebnem Ağaoğlu', out: 'letter.pdf', paper: 'letter', workspace: PANEL, rubrics: RUBRICS }, deps);
      await runCompare({ role: 'ml-platform-lead', candidates: [], out: 'compare.pdf', paper: 'letter', workspace: PANEL, rubrics: RUBRICS }, deps);
      expect(new Set(await pageSizes(path.join(out, 'a4.pdf')))).toEqual(new Set(['595.28x841.89']));
      expect(new Set(await pageSizes(path.join(out, 'letter.pdf')))).toEqual(new Set(['612x792']));
      expect(new Set(await pageSizes(path.join(out, 'compare.pdf')))).toEqual(new Set(['612x792']));
    } finally {
      cleanup();
    }
  });

  it('refuses --template for a format that has no template', async () => {
    await expect(runDebrief({ candidate: 'x', format: 'pdf', template: 't.hbs', workspace: PANEL, rubrics: RUBRICS }, { stdout: sink(false), stderr: sink(false) })).rejects.toThrow(UsageError);
  });
});

describe('runCompare', () => {
  it('needs a file name for a PDF', async () => {
    await expect(runCompare({ role: 'ml-platform-lead', candidates: [], format: 'pdf', workspace: PANEL, rubrics: RUBRICS })).rejects.toThrow('a PDF needs a file name: add --out compare.pdf');
  });

  it('compares the candidates recorded for the role, as JSON', async () => {
    const stdout = sink(false);
    const { comparison } = await runCompare(
      { role: 'ml-platform-lead', candidates: [], format: 'json', workspace: PANEL, rubrics: RUBRICS },
      { now: () => NOW, stdout, stderr: sink(false), env: {}, cwd: PANEL },
    );
    expect(comparison.candidates.map((c) => [c.name, c.composite, c.verdict])).toEqual([['Şebnem Ağaoğlu', 2.93, 'below-bar']]);
    expect(JSON.parse(stdout.text())).toEqual(comparison);
  });
});
