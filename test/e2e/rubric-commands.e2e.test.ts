// validate, roles and show through the built binary, as a user runs them.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runCli, tempDir } from '../helpers/cli.js';

const fixtureRubrics = path.join(FIXTURES, 'rubrics');
let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

describe('hirekit validate', () => {
  it('passes every bundled rubric under --strict', () => {
    const result = runCli(['validate', '--strict']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^ok: \d+ rubric files? checked, 0 errors, 0 warnings\n$/);
    expect(result.code).toBe(0);
  });

  it('exits 1 with FILE:LINE:COL lines on stderr for a broken rubric', () => {
    const broken = path.join(dir, 'broken.yaml');
    writeFileSync(broken, readFileSync(path.join(fixtureRubrics, 'data-analyst.yaml'), 'utf8').replace('    weight: 60\n', '    wieght: 60\n'));
    const result = runCli(['validate', broken]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `${broken}:19:5  dimensions[0]: missing required key 'weight' (number)\n${broken}:22:5  dimensions[0]: unknown key 'wieght'; did you mean 'weight'?\n`,
    );
    expect(result.stdout).toBe('FAILED: 1 rubric file checked, 2 errors, 0 warnings\n');
  });

  it('turns warnings into failure with --strict only', () => {
    const folder = path.join(dir, 'warn');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'w.yml'), readFileSync(path.join(fixtureRubrics, 'data-analyst.yaml'), 'utf8').replace('    weight: 40\n', '    weight: 45\n'));
    expect(runCli(['validate', folder]).code).toBe(0);
    const strict = runCli(['validate', '--strict', folder]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('w.yml:101:18  warning: dimension weights add up to 105');
  });

  it('prints a JSON report on stdout with --json', () => {
    const result = runCli(['validate', '--json', fixtureRubrics]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { ok: boolean; files: Array<{ role: string; errors: unknown[] }> };
    expect(report.ok).toBe(true);
    expect(report.files.map((f) => f.role)).toEqual(['data-analyst']);
  });

  it('says plainly when a path is a missing file or a binary', () => {
    const missing = runCli(['validate', path.join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`${path.join(dir, 'nope.yaml')}:1:1  no such file; check the path\n`);
    const binary = path.join(dir, 'bin.yaml');
    writeFileSync(binary, Buffer.from([0, 1, 2, 3]));
    expect(runCli(['validate', binary]).stderr).toBe(`${binary}:1:1  looks like a binary file, not a rubric\n`);
  });

  it('exits 2 for an unknown option, with one line', () => {
    const result = runCli(['validate', '--strikt']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain("unknown option '--strikt'");
    expect(result.stderr).toContain('--strict');
  });
});

describe('hirekit roles', () => {
  it('lists bundled and user rubrics with the file each came from, user overriding bundled', () => {
    const user = path.join(dir, 'user-rubrics');
    mkdirSync(user);
    cpSync(path.join(fixtureRubrics, 'data-analyst.yaml'), path.join(user, 'data-analyst.yaml'));
    const result = runCli(['--rubrics', fixtureRubrics, 'roles', '--json'], { env: { HIREKIT_RUBRICS: user } });
    expect(result.code).toBe(0);
    const { roles } = JSON.parse(result.stdout) as { roles: Array<{ id: string; file: string; origin: string; overrides: string[] }> };
    const analyst = roles.find((r) => r.id === 'data-analyst');
    expect(analyst?.file).toBe(path.join(fixtureRubrics, 'data-analyst.yaml'));
    expect(analyst?.overrides).toEqual([path.join(user, 'data-analyst.yaml')]);
    expect(roles.filter((r) => r.origin === 'bundled').every((r) => r.file.startsWith(path.join(ROOT, 'rubrics')))).toBe(true);
  });

  it('prints a readable table', () => {
    const result = runCli(['--rubrics', fixtureRubrics, 'roles']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ROLE +TITLE +STAGES +DIMS +SOURCE$/m);
    expect(result.stdout).toMatch(/^data-analyst +Data Analyst +2 +2 +.*data-analyst\.yaml$/m);
  });
});

describe('hirekit show', () => {
  it('prints every anchor, question, probe, flag, case study and stage', () => {
    const result = runCli(['--rubrics', fixtureRubrics, 'show', 'data-analyst'], { env: { COLUMNS: '200' } });
    expect(result.code).toBe(0);
    const out = result.stdout.replace(/\s+/g, ' ');
    for (const text of [
      'Cannot join two tables without help; ignores nulls and duplicates.',
      'Anticipates the follow-up question and shows what would change the recommendation.',
      'How would you notice the duplicates before they skew a total?',
      'Invents figures when asked for specifics, then changes them under probing. KNOCKOUT',
      'Weekly churn fell from 4% to 2% in one week.',
      'Let the candidate ask for the table schemas',
      '2. Technical case',
      'SQL and data handling must score at least 3 (meets bar)',
    ]) {
      expect(out).toContain(text);
    }
  });

  it('prints the validated model with --json', () => {
    const result = runCli(['--rubrics', fixtureRubrics, 'show', 'data-analyst', '--json']);
    const shown = JSON.parse(result.stdout) as { hash: string; rubric: { flags: { red: Array<{ knockout: boolean }> } } };
    expect(shown.hash).toMatch(/^sha256:/);
    expect(shown.rubric.flags.red.map((f) => f.knockout)).toEqual([true, false]);
  });

  it('points at the first error of a broken rubric asked for by name, and how to see the rest', () => {
    const folder = path.join(dir, 'broken-role');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'half-done.yaml'), 'role: {id: half-done}\n');
    const result = runCli(['--rubrics', folder, 'show', 'half-done']);
    expect(result.code).toBe(1);
    const file = path.join(folder, 'half-done.yaml');
    expect(result.stderr).toBe(
      `hirekit: ${file}:1:1  top level: missing required key 'version' (string) (and 8 more; run hirekit validate ${file})\n`,
    );
  });

  it('names the nearest role for a typo and exits 2', () => {
    const result = runCli(['--rubrics', fixtureRubrics, 'show', 'data-analist']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^hirekit: unknown role 'data-analist'; did you mean 'data-analyst'\? known roles: .*data-analyst/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('help and version', () => {
  it('has examples in the main help and in each command help', () => {
    const main = runCli(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('Examples:');
    for (const command of ['validate', 'roles', 'show']) {
      const help = runCli([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`$ hirekit ${command}`);
    }
  });

  it('prints the package version', () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(runCli(['--version']).stdout.trim()).toBe(version);
  });
});
