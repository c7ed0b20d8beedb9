// `hirekit pack` through the built binary (run `npm run build` first): one smoke run per format, the unknown
// stage message, and --paper with HIREKIT_PAPER (commander reads that variable from the real environment).
// The content checks run in-process: test/commands/pack-content.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from '../helpers/cli.js';
import { bundledFiles, rubricOf } from '../helpers/pack-text.js';
import { pageSizes, readPdf } from '../helpers/pdf.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('hirekit-pack-e2e-')));
afterAll(() => cleanup());

describe('hirekit pack, the built binary', () => {
  for (const format of ['pdf', 'md', 'html'] as const) {
    it(`writes a ${format} pack and its handouts, printing their paths`, async () => {
      const out = path.join(dir, `smoke-${format}`, `pack.${format}`);
      const result = runCli(['--rubrics', path.join(FIXTURES, 'rubrics'), 'pack', 'data-analyst', '--out', out]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`${out}\n${path.join(path.dirname(out), `data-analyst-handout-churn-dip.${format}`)}\n`);
      if (format === 'pdf') expect((await readPdf(out)).title).toBe('Data Analyst: interview pack');
      else expect(readFileSync(out, 'utf8')).toContain('Data Analyst');
    });
  }

  it('rejects an unknown stage with the list of stages, on one line with exit code 2', async () => {
    const rubric = await rubricOf(bundledFiles[0]!);
    const result = runCli(['pack', rubric.role.id, '--stage', 'no-such-stage', '--out', path.join(dir, 'x.pdf')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `hirekit: role ${rubric.role.id} has no stage 'no-such-stage'; its stages are: ${rubric.loop.map((s) => s.id).join(', ')}\n`,
    );
  });
});

describe('hirekit pack --paper', () => {
  const A4 = '595.28x841.89';
  const LETTER = '612x792';
  const packOn = (args: string[], env: Record<string, string> = {}) => {
    // Each case in its own folder: the handouts beside the pack share their names.
    const out = path.join(dir, 'paper', `${args.join('')}-${Object.values(env).join('')}`, 'pack.pdf');
    const result = runCli(['--rubrics', path.join(FIXTURES, 'rubrics'), 'pack', 'data-analyst', '--stage', 'technical', '--out', out, ...args], { env });
    return { result, out };
  };

  // Six spawned PDF renders: on a loaded machine that takes more than the default 30 s.
  it('prints on A4 by default, on US Letter with --paper letter or HIREKIT_PAPER=letter, and the flag wins over the variable', async () => {
    const cases: Array<[string[], Record<string, string>, string]> = [
      [[], {}, A4],
      [['--paper', 'letter'], {}, LETTER],
      [['--paper', 'Letter'], {}, LETTER],
      [[], { HIREKIT_PAPER: 'letter' }, LETTER],
      [['--paper', 'a4'], { HIREKIT_PAPER: 'letter' }, A4],
    ];
    for (const [args, env, size] of cases) {
      const { result, out } = packOn(args, env);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      // The pack and the handout of the stage's case study, every page the same paper.
      const written = result.stdout.trim().split('\n');
      expect(written).toHaveLength(2);
      for (const file of written) expect(new Set(await pageSizes(file)), `${args.join(' ')} ${JSON.stringify(env)}`).toEqual(new Set([size]));
      expect(written[0]).toBe(out);
    }
  }, 120_000);

  it('rejects another paper size on one line naming the allowed values, with exit code 2', () => {
    const flag = packOn(['--paper', 'a3']).result;
    expect(flag.code).toBe(2);
    expect(flag.stdout).toBe('');
    expect(flag.stderr).toBe("hirekit: option '--paper <size>' argument 'a3' is invalid. Allowed choices are a4, letter; see hirekit pack --help\n");
    const variable = packOn([], { HIREKIT_PAPER: 'legal' }).result;
    expect(variable.code).toBe(2);
    expect(variable.stderr).toBe(
      "hirekit: option '--paper <size>' value 'legal' from env 'HIREKIT_PAPER' is invalid. Allowed choices are a4, letter; see hirekit pack --help\n",
    );
  });
});
