// runDebrief and runCompare called directly, with injected streams, clock and environment.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDebrief } from '../../src/commands/debrief.js';
import { runCompare } from '../../src/commands/compare.js';
import { UsageError } from '../../src/errors.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';
import { fakeContext } from '../helpers/context.js';
import { pageSizes } from '../helpers/pdf.js';

const RUBRICS = [path.join(FIXTURES, 'workspaces', 'rubrics')];
const PANEL = path.join(FIXTURES, 'workspaces', 'panel');
const NOW = new Date('2026-11-24T09:00:00Z');

describe('the debrief format', () => {
  const format = async (options: { format?: 'md'; out?: string }, stdoutIsTTY: boolean): Promise<string> => {
    const { dir, cleanup } = tempDir('hirekit-debrief-format-');
    try {
      const result = await runDebrief({ candidate: 'Şebnem Ağaoğlu', workspace: PANEL, rubrics: RUBRICS, ...options }, fakeContext({ cwd: dir, stdoutIsTTY }));
      return result.format;
    } finally {
      cleanup();
    }
  };
  it('follows --format, then the --out extension, then the terminal; refuses a contradiction', async () => {
    await expect(format({ format: 'md', out: 'x.pdf' }, true)).rejects.toThrow(new UsageError('--out x.pdf looks like a .pdf file but --format is md; make them agree or drop --format'));
    expect(await format({ out: 'x.HTML' }, true)).toBe('html');
    expect(await format({ out: 'debrief' }, true)).toBe('pdf');
    expect(await format({}, true)).toBe('text');
    expect(await format({}, false)).toBe('json');
  });
});

describe('runDebrief', () => {
  it('debriefs a candidate given by folder slug though another candidate file is broken; by name it names that file', async () => {
    const { dir, cleanup } = tempDir('hirekit-debrief-slug-');
    try {
      cpSync(PANEL, dir, { recursive: true });
      mkdirSync(path.join(dir, 'candidates', 'broken'));
      writeFileSync(path.join(dir, 'candidates', 'broken', 'candidate.yaml'), 'name: [Broken\n');
      const bySlug = await runDebrief({ candidate: 'sebnem-agaoglu', workspace: dir, rubrics: RUBRICS, format: 'json' }, fakeContext({ now: () => NOW, cwd: dir }));
      expect(bySlug.debrief.candidate).toEqual({ name: 'Şebnem Ağaoğlu', slug: 'sebnem-agaoglu' });
      await expect(runDebrief({ candidate: 'Şebnem Ağaoğlu', workspace: dir, rubrics: RUBRICS, format: 'json' }, fakeContext({ now: () => NOW, cwd: dir }))).rejects.toThrow(
        /broken.candidate\.yaml:\d+:\d+ /,
      );
    } finally {
      cleanup();
    }
  });

  it('prints the text summary to a terminal, without repeating the warnings on stderr', async () => {
    const ctx = fakeContext({ now: () => NOW, stdoutIsTTY: true, env: { NO_COLOR: '1' }, cwd: PANEL });
    const result = await runDebrief({ candidate: 'Şebnem Ağaoğlu', workspace: PANEL, rubrics: RUBRICS }, ctx);
    const stdout = { text: ctx.out };
    const stderr = { text: ctx.err };
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
      const deps = fakeContext({ now: () => NOW, env: {}, cwd: out });
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
    await expect(runDebrief({ candidate: 'x', format: 'pdf', template: 't.hbs', workspace: PANEL, rubrics: RUBRICS }, fakeContext())).rejects.toThrow(UsageError);
  });
});

describe('runCompare', () => {
  it('needs a file name for a PDF', async () => {
    await expect(runCompare({ role: 'ml-platform-lead', candidates: [], format: 'pdf', workspace: PANEL, rubrics: RUBRICS }, fakeContext())).rejects.toThrow('a PDF needs a file name: add --out compare.pdf');
  });

  it('compares the candidates recorded for the role, as JSON', async () => {
    const ctx = fakeContext({ now: () => NOW, env: {}, cwd: PANEL });
    const { comparison } = await runCompare({ role: 'ml-platform-lead', candidates: [], format: 'json', workspace: PANEL, rubrics: RUBRICS }, ctx);
    const stdout = { text: ctx.out };
    expect(comparison.candidates.map((c) => [c.name, c.composite, c.verdict])).toEqual([['Şebnem Ağaoğlu', 2.93, 'below-bar']]);
    expect(JSON.parse(stdout.text())).toEqual(comparison);
  });
});
