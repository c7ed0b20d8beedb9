import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runPack, type PackOptions } from '../../src/commands/pack.js';
import { DataError, UsageError } from '../../src/errors.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';
import { fakeContext } from '../helpers/context.js';
import { pageSizes, readPdf } from '../helpers/pdf.js';

const RUBRICS = path.join(FIXTURES, 'rubrics');
let dir: string;
let cleanup: () => void;
let printed: string;

beforeEach(() => {
  ({ dir, cleanup } = tempDir('hirekit-pack-'));
  printed = '';
});
afterEach(() => cleanup());

function pack(options: Partial<PackOptions>): Promise<string[]> {
  const ctx = fakeContext({ cwd: dir, now: () => new Date('2026-03-04T10:00:00Z'), stdout: { write: (chunk) => (printed += String(chunk)) } });
  return runPack({ rubrics: [RUBRICS], ...options }, ctx);
}

describe('runPack', () => {
  it('writes <role>-pack.pdf and one handout per case study in the current folder, printing the paths', async () => {
    const written = await pack({ role: 'data-analyst' });
    expect(written).toEqual([path.join(dir, 'data-analyst-pack.pdf'), path.join(dir, 'data-analyst-handout-churn-dip.pdf')]);
    expect(printed).toBe(`${written.join('\n')}\n`);
    const facts = await readPdf(written[0]!);
    expect(facts.title).toBe('Data Analyst: interview pack');
    expect(facts.text).toContain('Scoring sheet: Technical case');
  });

  it('prints the pack and its handouts on A4 by default and on US Letter with paper: letter', async () => {
    const a4 = await pack({ role: 'data-analyst', out: 'a4/pack.pdf' });
    const letter = await pack({ role: 'data-analyst', out: 'letter/pack.pdf', paper: 'letter' });
    expect(a4).toHaveLength(2);
    expect(letter).toHaveLength(2);
    for (const file of a4) expect(new Set(await pageSizes(file))).toEqual(new Set(['595.28x841.89']));
    for (const file of letter) expect(new Set(await pageSizes(file))).toEqual(new Set(['612x792']));
  });

  it('pre-fills candidate and interviewer names on the sheets', async () => {
    const [file] = await pack({ role: 'data-analyst', stages: ['screen'], candidate: '  Zoë   Łukasz ', interviewer: 'Ana Ruiz', format: 'md' });
    const text = readFileSync(file!, 'utf8');
    expect(text).toContain('**Candidate:** Zoë Łukasz');
    expect(text).toContain('**Interviewer:** Ana Ruiz');
    expect(text).toContain('This pack holds stage 1 (Hiring manager screen) of the loop.');
    expect(text).not.toContain('# Stage 2');
  });

  it('rejects an unknown stage, listing the stages of the role', async () => {
    await expect(pack({ role: 'data-analyst', stages: ['tecnical'] })).rejects.toThrow(
      new UsageError("role data-analyst has no stage 'tecnical' (did you mean 'technical'?); its stages are: screen, technical"),
    );
  });

  it('writes into an existing folder named by --out and creates a missing parent folder', async () => {
    mkdirSync(path.join(dir, 'taken.pdf'));
    // An existing folder means "into this folder" (io/output.ts), never "replace the folder".
    expect((await pack({ role: 'data-analyst', out: 'taken.pdf' }))[0]).toBe(path.join(dir, 'taken.pdf', 'data-analyst-pack.pdf'));
    const written = await pack({ role: 'data-analyst', out: 'new/deeper/pack.html' });
    expect(written[0]).toBe(path.join(dir, 'new', 'deeper', 'pack.html'));
    expect(written[1]).toBe(path.join(dir, 'new', 'deeper', 'data-analyst-handout-churn-dip.html'));
    expect(readFileSync(written[0]!, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('puts handouts into the pack as separate pages with --handouts', async () => {
    const written = await pack({ role: 'data-analyst', handouts: true });
    expect(written).toEqual([path.join(dir, 'data-analyst-pack.pdf')]);
    expect(existsSync(path.join(dir, 'data-analyst-handout-churn-dip.pdf'))).toBe(false);
    const facts = await readPdf(written[0]!);
    const last = facts.pageTexts[facts.pages - 1]!;
    expect(last).toContain('The churn dip');
    expect(last).toContain('Candidate handout: Data Analyst interview');
    expect(last).not.toContain('Do not share with candidates');
  });

  it('writes a pack per known role with --all --out DIR', async () => {
    const written = await pack({ all: true, out: 'packs', format: 'md' });
    const packs = written.filter((f) => f.endsWith('-pack.md')).map((f) => path.basename(f));
    expect(packs).toContain('data-analyst-pack.md');
    expect(written.every((f) => path.dirname(f) === path.join(dir, 'packs'))).toBe(true);
  });

  it('explains wrong combinations as usage errors', async () => {
    await expect(pack({})).rejects.toThrow(/^name a role/);
    await expect(pack({ all: true })).rejects.toThrow('pack --all writes one pack per role; name a folder with --out DIR');
    await expect(pack({ all: true, role: 'data-analyst', out: 'x' })).rejects.toThrow(UsageError);
    await expect(pack({ all: true, stages: ['screen'], out: 'x' })).rejects.toThrow(UsageError);
    await expect(pack({ role: 'data-analyst', format: 'docx' as never })).rejects.toThrow("unknown format 'docx'; use --format pdf, md or html");
    await expect(pack({ role: 'data-analyst', format: 'pdf', template: 'x.html.hbs' })).rejects.toThrow(UsageError);
    await expect(pack({ role: 'data-analyst', candidate: '   ' })).rejects.toThrow('--candidate needs a name');
    await expect(pack({ role: 'data-analyst', format: 'md', out: 'pack.pdf' })).rejects.toThrow(
      '--out pack.pdf looks like a .pdf file but --format is md; make them agree or drop --format',
    );
    await expect(pack({ role: 'no-such-role' })).rejects.toThrow(/^unknown role 'no-such-role'/);
  });

  it('renders a user template, taking the format from its name', async () => {
    const template = path.join(dir, 'mine.md.hbs');
    writeFileSync(template, '{{md role.title}} has {{stages.length}} stages{{#each stages}}; {{md name}}{{/each}}\n');
    const [file] = await pack({ role: 'data-analyst', template: 'mine.md.hbs', handouts: true });
    expect(path.basename(file!)).toBe('data-analyst-pack.md');
    expect(readFileSync(file!, 'utf8')).toBe('Data Analyst has 2 stages; Hiring manager screen; Technical case\n');
  });

  it('reports a broken user template before writing anything', async () => {
    writeFileSync(path.join(dir, 'bad.html.hbs'), '<h1>{{role.title}}</h1>\n{{#each stages}}<p>{{name}}</p>\n');
    await expect(pack({ role: 'data-analyst', template: 'bad.html.hbs' })).rejects.toThrow(DataError);
    await expect(pack({ role: 'data-analyst', template: 'bad.html.hbs' })).rejects.toThrow(/bad\.html\.hbs:\d+:\d+ {2}template syntax error/);
    expect(existsSync(path.join(dir, 'data-analyst-pack.html'))).toBe(false);
  });
});
