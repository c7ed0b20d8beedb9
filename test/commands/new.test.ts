// `hirekit new`: the starter rubric validates as written, refuses --strict until every TODO is replaced,
// explains every field, and is never written over somebody's rubric.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysOf } from '../../src/io/yaml-file.js';
import { Rubric } from '../../src/core/rubric.js';
import { loadRubricFile } from '../../src/io/rubrics.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir('hirekit-new-')));
afterAll(() => tmp.cleanup());

describe('hirekit new', () => {
  it('writes a starter that validates, with only placeholder warnings, and prints its path', async () => {
    const cwd = path.join(tmp.dir, 'a');
    mkdirSync(cwd);
    const result = await runInProcess(['new', 'data-analyst'], { cwd });
    const file = path.join(cwd, 'data-analyst.yaml');
    expect(result).toMatchObject({ code: 0, stdout: `${file}\n` });
    expect(result.stderr).toBe('hirekit: wrote a starter rubric; replace every TODO, then check it with: hirekit validate data-analyst.yaml --strict\n');
    const report = await loadRubricFile(file);
    expect(report.errors).toEqual([]);
    expect(report.loaded?.rubric.role).toMatchObject({ id: 'data-analyst', title: 'Data Analyst' });
    expect(report.warnings.length).toBeGreaterThan(20);
    expect(new Set(report.warnings.map((w) => w.code))).toEqual(new Set(['placeholder']));
  });

  it('carries the schema line for editors, and explains every field of the format in a comment', () => {
    const text = readFileSync(path.join(tmp.dir, 'a', 'data-analyst.yaml'), 'utf8');
    const schemaLine = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text);
    expect(schemaLine?.[1]).toBeDefined();
    expect(existsSync(path.resolve(tmp.dir, 'a', schemaLine?.[1] ?? ''))).toBe(true);
    const lines = text.split('\n');
    for (const key of keysOf(Rubric)) {
      if (/^\d+$/.test(key)) continue; // scale levels and anchors: explained once for the block
      const at = lines.findIndex((l) => new RegExp(`^\\s*(?:- )?${key}:|[{,] ${key}:`).test(l));
      expect(at, `${key} appears`).toBeGreaterThanOrEqual(0);
      const commented = lines[at]?.includes('#') || lines.slice(Math.max(0, at - 3), at).some((l) => /^\s*#/.test(l));
      expect(commented, `${key} is explained`).toBe(true);
    }
  });

  it('fails validate --strict until every TODO is replaced, then passes', () => {
    const file = path.join(tmp.dir, 'a', 'data-analyst.yaml');
    const strict = runCli(['validate', file, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/^FAILED: 1 rubric file checked, 0 errors, \d+ warnings \(warnings fail under --strict\)\n$/);
    expect(strict.stderr).toContain(`${file}:12:10  warning: role.level still holds placeholder text (TODO); write the real text before the rubric is used`);
    const finished = readFileSync(file, 'utf8').replace(/"TODO: ([^"]*)"/g, (_, what: string) => `"Written: ${what}, in the team's own words."`);
    const done = path.join(tmp.dir, 'a', 'finished.yaml');
    writeFileSync(done, finished);
    expect(runCli(['validate', done, '--strict'])).toMatchObject({ code: 0, stdout: 'ok: 1 rubric file checked, 0 errors, 0 warnings\n' });
  });

  it('never replaces an existing file unless --force, writes into a folder, and refuses a bad id', async () => {
    const cwd = path.join(tmp.dir, 'a');
    const again = await runInProcess(['new', 'data-analyst'], { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`hirekit: ${path.join(cwd, 'data-analyst.yaml')}: already exists; hirekit new never replaces a rubric, so choose another --out or pass --force\n`);
    expect((await runInProcess(['new', 'data-analyst', '--force'], { cwd })).code).toBe(0);
    const into = await runInProcess(['new', 'ml-lead', '--out', 'team-rubrics/'], { cwd });
    expect(into).toMatchObject({ code: 0, stdout: `${path.join(cwd, 'team-rubrics', 'ml-lead.yaml')}\n` });
    const bad = await runInProcess(['new', 'Data Analyst'], { cwd });
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toBe("hirekit: 'Data Analyst' is not a role id: use lowercase letters, digits and single hyphens, e.g. data-analyst\n");
    expect((await runInProcess(['new', 'x', '--out', 'x.pdf'], { cwd })).code).toBe(2);
  });
});

describe('the protected-topic lint outside validate', () => {
  it('show, pack and score each say it once on stderr, and still work', async () => {
    const folder = path.join(tmp.dir, 'topics');
    mkdirSync(folder);
    const fixture = readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'rubrics', 'data-analyst.yaml'), 'utf8');
    writeFileSync(path.join(folder, 'data-analyst.yaml'), fixture.replace('What did they decide afterwards?', 'Do you have children?'));
    const line = `hirekit: warning: rubric data-analyst has a text that touches a protected topic, first ${path.join(folder, 'data-analyst.yaml')}:54:13  warning: question 'comm-surprise' touches a protected topic (children or childcare: "Do you have children"); state the hours, travel and schedule the job needs and ask whether the candidate can meet them; see hirekit validate ${path.join(folder, 'data-analyst.yaml')}\n`;
    const show = await runInProcess(['--rubrics', folder, 'show', 'data-analyst']);
    expect(show.code).toBe(0);
    expect(show.stderr).toBe(line);
    const pack = await runInProcess(['--rubrics', folder, 'pack', 'data-analyst', '--format', 'md', '--out', path.join(tmp.dir, 'pack.md')]);
    expect(pack.code).toBe(0);
    expect(pack.stderr.split('\n').filter((l) => l.includes('protected topic'))).toHaveLength(1);
    const answers = path.join(import.meta.dirname, '..', 'fixtures', 'answers', 'technical-complete.yaml');
    mkdirSync(path.join(tmp.dir, 'ws'));
    const score = runCli(['--rubrics', folder, 'score', 'data-analyst', '--candidate', 'Zoë Łukasz', '--stage', 'technical', '--interviewer', 'Ana Ruiz', '--answers', answers, '--workspace', path.join(tmp.dir, 'ws')]);
    expect(score.code).toBe(0);
    expect(score.stderr.split('\n').filter((l) => l.includes('protected topic'))).toHaveLength(1);
  });
});
