// hirekit init --git and the shared-workspace workflow through the built binary: a bare repository, two
// interviewers scoring the same new candidate in their own clones and pushing, a committee member pulling.
// The debrief in the third clone sees both scorecards and no merge conflicts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Debrief } from '../../src/core/debrief.js';
import { FIXTURES, runCli, tempDir } from '../helpers/cli.js';

let tmp: ReturnType<typeof tempDir>;
const RUBRICS = path.join(FIXTURES, 'rubrics');
const ANSWERS = path.join(FIXTURES, 'answers', 'technical-complete.yaml');

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${result.stderr}`);
  return result.stdout;
}

const hirekit = (ws: string, ...args: string[]) => runCli(['--rubrics', RUBRICS, '-w', ws, ...args], { cwd: tmp.dir });

beforeAll(() => {
  tmp = tempDir('hirekit-git-');
});
afterAll(() => tmp.cleanup());

describe('hirekit init --git', () => {
  it('makes a git repository with a .gitignore and the workflow in its README', () => {
    const ws = path.join(tmp.dir, 'seed');
    const result = runCli(['init', '--git', ws]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${ws}\n`);
    expect(existsSync(path.join(ws, '.git'))).toBe(true);
    const ignore = readFileSync(path.join(ws, '.gitignore'), 'utf8');
    for (const pattern of ['.*.pending.yaml', '.*.amendment.yaml', 'candidates/*/backups/', '.*.tmp', '*.lock']) expect(ignore).toContain(pattern);
    expect(readFileSync(path.join(ws, 'README.md'), 'utf8')).toContain('## Sharing the workspace through git');
    // What must stay on one machine is ignored; a scorecard is not.
    mkdirSync(path.join(ws, 'candidates', 'zoe', 'scorecards'), { recursive: true });
    const check = (file: string) => spawnSync('git', ['check-ignore', '-q', file], { cwd: ws }).status === 0;
    expect(check('candidates/zoe/scorecards/.technical--ana-ruiz.pending.yaml')).toBe(true);
    expect(check('candidates/zoe/scorecards/.technical--ana-ruiz.yaml.123.0a1b2c3d.tmp')).toBe(true);
    expect(check('candidates/zoe/backups/technical--ana-ruiz.2026-01-01.yaml')).toBe(true);
    // An amendment in progress and its pending answers; a lock and the temp file of a lock being taken.
    expect(check('candidates/zoe/scorecards/.technical--ana-ruiz.amendment.yaml')).toBe(true);
    expect(check('candidates/zoe/scorecards/.technical--ana-ruiz.amendment.pending.yaml')).toBe(true);
    expect(check('candidates/zoe/scorecards/.technical--ana-ruiz.yaml.lock')).toBe(true);
    expect(check('candidates/zoe/.decision.yaml.lock.123.abc.tmp')).toBe(true);
    expect(check('candidates/zoe/debrief.pdf')).toBe(true);
    expect(check('candidates/zoe/decision.yaml')).toBe(false);
    expect(check('candidates/zoe/scorecards/technical--ana-ruiz.yaml')).toBe(false);
    expect(check('candidates/zoe/candidate.yaml')).toBe(false);
    // Run again: the repository and its files are kept, the README and the .gitignore are not doubled.
    expect(runCli(['init', '--git', ws]).code).toBe(0);
    expect(readFileSync(path.join(ws, 'README.md'), 'utf8').split('## Sharing the workspace through git')).toHaveLength(2);
    expect(readFileSync(path.join(ws, '.gitignore'), 'utf8')).toBe(ignore);
    // A .gitignore of an earlier hirekit (without the amendment line) and the user's own lines: only what is missing is added.
    writeFileSync(path.join(ws, '.gitignore'), `node_modules/\n${ignore.replace('.*.amendment.yaml\n', '')}`);
    expect(runCli(['init', '--git', ws]).code).toBe(0);
    const updated = readFileSync(path.join(ws, '.gitignore'), 'utf8');
    expect(updated.startsWith('node_modules/\n')).toBe(true);
    expect(updated.split('.*.pending.yaml')).toHaveLength(2);
    expect(updated.endsWith('# hirekit: added by a later version (see README.md)\n.*.amendment.yaml\n')).toBe(true);
  });

  it('two interviewers push their scorecards of a new candidate, the committee pulls both, nothing conflicts', () => {
    const origin = path.join(tmp.dir, 'origin.git');
    git(tmp.dir, 'init', '--bare', '--quiet', origin);
    const seed = path.join(tmp.dir, 'seed');
    git(seed, 'add', '.');
    git(seed, 'commit', '--quiet', '-m', 'hiring workspace');
    git(seed, 'push', '--quiet', origin, 'HEAD:main');
    const [ana, ben, committee] = ['ana', 'ben', 'committee'].map((who) => {
      const dir = path.join(tmp.dir, who);
      git(tmp.dir, 'clone', '--quiet', '--branch', 'main', origin, dir);
      return dir;
    }) as [string, string, string];

    // Both score before either pushes: each creates the candidate's folder on their own machine.
    for (const [dir, name] of [[ana, 'Ana Ruiz'], [ben, 'Wei Zhang (张伟)']] as const) {
      const scored = hirekit(dir, 'score', 'data-analyst', '--candidate', 'Zoë Łukasz', '--stage', 'technical', '--interviewer', name, '--answers', ANSWERS);
      expect(scored.code, scored.stderr).toBe(0);
      git(dir, 'add', '.');
      git(dir, 'commit', '--quiet', '-m', `technical scorecard by ${name}`);
    }
    git(ana, 'push', '--quiet', 'origin', 'main');
    git(ben, 'pull', '--quiet', '--rebase', 'origin', 'main'); // throws on a conflict
    git(ben, 'push', '--quiet', 'origin', 'main');

    git(committee, 'pull', '--quiet', 'origin', 'main');
    const debrief = JSON.parse(hirekit(committee, 'debrief', 'Zoë Łukasz', '--format', 'json').stdout) as Debrief;
    expect(debrief.panel.map((p) => p.interviewer.name).sort()).toEqual(['Ana Ruiz', 'Wei Zhang (张伟)']);
    expect(debrief.tally.submitted).toBe(2);
    expect(git(committee, 'status', '--porcelain')).toBe('');
    expect(git(committee, 'log', '--format=%s')).not.toMatch(/Merge|conflict/i);
    const files = git(committee, 'ls-files').trim().split('\n').sort();
    expect(files).toEqual([
      '.gitignore',
      'README.md',
      'candidates/.gitkeep',
      'candidates/zoe-lukasz/candidate.yaml',
      'candidates/zoe-lukasz/scorecards/technical--ana-ruiz.yaml',
      'candidates/zoe-lukasz/scorecards/technical--wei-zhang.yaml',
    ]);
  });
});

describe('candidate.yaml written by hirekit score', () => {
  it('holds only the name and role, so two machines write the same bytes', () => {
    expect(readFileSync(path.join(tmp.dir, 'committee', 'candidates', 'zoe-lukasz', 'candidate.yaml'), 'utf8')).toBe('name: Zoë Łukasz\nrole: data-analyst\n');
  });
});
