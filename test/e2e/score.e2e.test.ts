// The built binary without a terminal: answers files (good and bad), refusal to prompt, amend, init and status.
// Run `npm run build` first.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Scorecard } from '../../src/core/scorecard.js';
import { BIN, FIXTURES, ROOT, runCli, tempDir } from '../helpers/cli.js';

const RUBRICS = path.join('test', 'fixtures', 'rubrics');
const ANSWERS = path.join('test', 'fixtures', 'answers');

const temps: Array<() => void> = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));

function workspace(): string {
  const { dir, cleanup } = tempDir('hirekit-score-e2e-');
  temps.push(cleanup);
  return dir;
}

function score(ws: string, ...extra: string[]): string[] {
  return ['--rubrics', RUBRICS, '--workspace', ws, 'score', 'data-analyst', '--candidate', 'Zoë Łukasz', '--stage', 'technical', '--interviewer', 'Ada Lovelace', ...extra];
}

const FILE = (ws: string): string => path.join(ws, 'candidates', 'zoe-lukasz', 'scorecards', 'technical--ada-lovelace.yaml');

describe('hirekit score --answers', () => {
  it('submits a scorecard from an answers file and prints its path on stdout', () => {
    const ws = workspace();
    const result = runCli(score(ws, '--answers', path.join(ANSWERS, 'technical-complete.yaml')));
    expect(result).toMatchObject({ code: 0, stdout: `${FILE(ws)}\n` });
    expect(result.stderr).toBe('Submitted: Zoë Łukasz, Technical case, by Ada Lovelace (Yes)\n');
    expect(statSync(FILE(ws)).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(ws, 'candidates')).mode & 0o777).toBe(0o700);
    const scorecard = Scorecard.parse(parse(readFileSync(FILE(ws), 'utf8')));
    expect(scorecard).toMatchObject({ status: 'submitted', recommendation: 'yes', flags: [{ flag: 'checks-counts' }] });
    // A YAML 1.1 reader would take a bare yes for the boolean true.
    expect(readFileSync(FILE(ws), 'utf8')).toContain('\nrecommendation: "yes"\n');
    expect(parse(readFileSync(FILE(ws), 'utf8'), { version: '1.1' })).toMatchObject({ recommendation: 'yes' });
  });

  it.each([
    ['bad-one-word-evidence.yaml', '4:15', 'ratings.sql.evidence: evidence must be a real sentence (at least 3 different words and 15 characters), not "good"'],
    ['bad-unknown-dimension.yaml', '2:3', "ratings: 'sqll' is not rated in stage technical; did you mean 'sql'?"],
    ['bad-rating-value.yaml', '3:13', 'ratings.sql.rating: 5 is not a rating: use 1, 2, 3, 4 (the scale\'s levels) or insufficient'],
    ['bad-recommendation.yaml', '8:17', 'recommendation: must be one of "strong-no", "no", "yes", "strong-yes"'],
    ['bad-unknown-flag.yaml', '9:3', "flags: 'check-counts' is not a flag of stage technical; did you mean 'checks-counts'?"],
    ['bad-flag-without-note.yaml', '9:18', 'flags.checks-counts: a flag note is required'],
    ['bad-missing-dimension.yaml', '2:3', 'ratings: missing communication; rate every dimension of stage technical (or pass --draft'],
    ['bad-unknown-key.yaml', '8:1', "unknown key 'recomendation'; did you mean 'recommendation'?"],
    ['bad-syntax.yaml', '4:1', 'YAML syntax: '],
    ['bad-duplicate-key.yaml', '5:3', "duplicate key 'sql'"],
    ['bad-empty.yaml', '1:1', 'the answers file is empty; see docs/answers-file.md'],
  ])('refuses %s with FILE:LINE:COL on one line and writes nothing', (fixture, place, message) => {
    const ws = workspace();
    const file = path.join(ANSWERS, fixture);
    const result = runCli(score(ws, '--answers', file));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    // One line per problem, each naming FILE:LINE:COL, then their count when there is more than one.
    const [first, ...rest] = result.stderr.trimEnd().split('\n');
    expect(first?.startsWith(`hirekit: ${file}:`)).toBe(true);
    expect(rest.every((l) => l.startsWith(`${file}:`))).toBe(true);
    expect(result.stderr).toContain(`${file}:${place}  ${message}`);
    expect(existsSync(path.join(ws, 'candidates'))).toBe(false);
  });

  it('names a contradictory option before the missing terminal', () => {
    const result = runCli([...score(workspace()), '--amend']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(
      'hirekit: --amend needs --reason TEXT saying why the submitted scorecard changes; the reason is kept in its audit trail\n',
    );
  });

  it('refuses a workspace that is a file in one line', () => {
    const ws = workspace();
    const file = path.join(ws, 'not-a-folder');
    writeFileSync(file, 'x');
    const result = runCli(score(file, '--answers', path.join(ANSWERS, 'technical-complete.yaml')));
    expect(result).toMatchObject({ code: 1, stderr: `hirekit: ${file}: the workspace is a file, not a folder; pass --workspace DIR or set HIREKIT_WORKSPACE\n` });
  });

  it('refuses a missing answers file in one line', () => {
    const result = runCli(score(workspace(), '--answers', 'nowhere.yaml'));
    expect(result).toMatchObject({ code: 1, stderr: 'hirekit: nowhere.yaml: no such file; check the path\n' });
  });

  it('keeps a partial answers file as a draft with --draft, which status then shows', () => {
    const ws = workspace();
    expect(runCli(score(ws, '--answers', path.join(ANSWERS, 'technical-partial.yaml'), '--draft')).code).toBe(0);
    expect(Scorecard.parse(parse(readFileSync(FILE(ws), 'utf8'))).status).toBe('draft');
    const status = runCli(['--rubrics', RUBRICS, '--workspace', ws, 'status', '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toEqual([
      {
        name: 'Zoë Łukasz',
        slug: 'zoe-lukasz',
        role: 'data-analyst',
        stages: [
          { stage: 'screen', name: 'Hiring manager screen', inLoop: true, submitted: [], drafts: [] },
          { stage: 'technical', name: 'Technical case', inLoop: true, submitted: [], drafts: ['Ada Lovelace'] },
        ],
        missing: ['screen'],
        edited: [],
        decision: 'undecided',
      },
    ]);
  });

  it('locks a submitted scorecard; --amend --reason reopens it and records why', () => {
    const ws = workspace();
    const answers = path.join(ANSWERS, 'technical-complete.yaml');
    expect(runCli(score(ws, '--answers', answers)).code).toBe(0);
    const locked = runCli(score(ws, '--answers', answers));
    expect(locked.code).toBe(1);
    expect(locked.stderr).toMatch(/^hirekit: .*technical--ada-lovelace\.yaml: was submitted on .* and is locked; to change it: hirekit .* --amend --reason "why it changes"\n$/);
    const noReason = runCli(score(ws, '--answers', answers, '--amend'));
    expect(noReason).toMatchObject({ code: 2 });
    expect(noReason.stderr).toMatch(/--amend needs --reason/);
    expect(runCli(score(ws, '--answers', answers, '--amend', '--reason', 'Corrected after the calibration session')).code).toBe(0);
    const scorecard = Scorecard.parse(parse(readFileSync(FILE(ws), 'utf8')));
    expect(scorecard.status).toBe('submitted');
    expect(scorecard.audit).toMatchObject([{ action: 'amend', reason: 'Corrected after the calibration session', previous: { status: 'submitted' } }]);
  });
});

describe('hirekit score without a terminal', () => {
  it('refuses to prompt, naming --answers, with exit 2', () => {
    const ws = workspace();
    const result = runCli(score(ws));
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(
      'hirekit: no terminal to ask the questions on (stdin is not a TTY); pass the answers with --answers FILE.yaml (format: docs/answers-file.md)\n',
    );
    expect(existsSync(path.join(ws, 'candidates'))).toBe(false);
  });

  it('documents itself in --help', () => {
    const help = runCli(['score', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--answers <file>');
    expect(help.stdout).toContain('--amend');
    expect(help.stdout).toContain('Examples:');
  });
});

describe('a killed process never leaves a broken scorecard', () => {
  it('keeps the draft complete and parseable when a run that replaces it is SIGKILLed at any moment', async () => {
    const ws = workspace();
    const args = [BIN, ...score(ws, '--answers', path.join(ANSWERS, 'technical-partial.yaml'), '--draft')];
    const env = { ...process.env, NO_COLOR: '1', HIREKIT_WORKSPACE: undefined };
    const run = (killAfter?: number): Promise<void> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'ignore' });
        child.on('exit', () => resolve());
        if (killAfter !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfter);
      });
    const started = Date.now();
    await run();
    const duration = Date.now() - started;
    // Each later run backs the draft up and rewrites it; kill them across the whole of that window.
    for (let i = 0; i < 10; i++) {
      await run(Math.round(duration * (0.5 + i * 0.07)));
      const scorecard = Scorecard.parse(parse(readFileSync(FILE(ws), 'utf8')));
      expect(scorecard.status).toBe('draft');
      expect(scorecard.ratings.map((r) => r.dimension)).toEqual(['sql']);
      // Only the scorecard itself is read; a killed write can leave only a dot-file temp, which readers skip.
      expect(readdirSync(path.dirname(FILE(ws))).filter((f) => !f.startsWith('.'))).toEqual(['technical--ada-lovelace.yaml']);
    }
  }, 40_000);
});

describe('hirekit init and status', () => {
  it('creates a workspace and reports an empty one', () => {
    const parent = workspace();
    const init = runCli(['init', 'hiring'], { cwd: parent });
    expect(init).toMatchObject({ code: 0, stdout: `${path.join(parent, 'hiring')}\n` });
    expect(readFileSync(path.join(parent, 'hiring', 'README.md'), 'utf8')).toContain('hirekit score ROLE');
    const status = runCli(['status'], { cwd: parent });
    expect(status).toMatchObject({ code: 0, stdout: '' });
    expect(status.stderr).toContain('No candidates in');
  });

  it('says in one line that a mistyped path holds no workspace, for every command that reads one', () => {
    const parent = workspace();
    for (const command of [['status'], ['debrief', 'Zoë Łukasz'], ['compare', 'data-analyst']]) {
      const result = runCli(['--rubrics', path.join(ROOT, RUBRICS), '-w', 'hirng', ...command], { cwd: parent });
      expect(result, command[0]).toMatchObject({
        code: 1,
        stdout: '',
        stderr: `hirekit: ${path.join(parent, 'hirng')}: does not exist; create a workspace with: hirekit init ${path.join(parent, 'hirng')} (or pass --workspace DIR, or set HIREKIT_WORKSPACE)\n`,
      });
    }
    writeFileSync(path.join(parent, 'notes.txt'), 'a folder that is not a workspace');
    const other = runCli(['-w', parent, 'status']);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/holds no hirekit workspace \(no candidates\/ folder\); create a workspace with: hirekit init /);
    // score under --answers refuses too, and writes nothing there.
    const scored = runCli(['--rubrics', path.join(ROOT, RUBRICS), '-w', 'hirng', 'score', 'data-analyst', '--candidate', 'Zoë Łukasz', '--stage', 'technical', '--interviewer', 'Ada Lovelace', '--answers', path.join(ROOT, ANSWERS, 'technical-complete.yaml')], { cwd: parent });
    expect(scored.code).toBe(1);
    expect(scored.stderr).toContain('does not exist; create a workspace with: hirekit init');
    expect(existsSync(path.join(parent, 'hirng'))).toBe(false);
  });

  it('names the known candidates when asked about an unknown one', () => {
    const ws = path.join(FIXTURES, 'workspaces', 'panel');
    const result = runCli(['--rubrics', path.join(FIXTURES, 'workspaces', 'rubrics'), '--workspace', ws, 'status', 'Sebnem Agaoglo']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^hirekit: no candidate 'Sebnem Agaoglo' .*did you mean 'Şebnem Ağaoğlu'\?/);
  });
});
