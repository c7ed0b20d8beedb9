// Two different hirekit commands on the same thing at once, as real child processes of the built binary
// started together (races.e2e.test.ts covers two submits and two amends of one scorecard): decide against
// decide --amend on one candidate, a submit against an import of the same scorecard, two demos and two inits
// into one folder, two packs to one --out. Few rounds each, so the file stays fast; what is counted must hold
// whichever process wins. Run `npm run build` first.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Decision } from '../../src/core/decision.js';
import { Scorecard } from '../../src/core/scorecard.js';
import { WORKSPACE_README } from '../../src/commands/init.js';
import { kwameAdvanceOrHold } from '../helpers/decision-file.js';
import { FIXTURES, startCli, tempDir, type CliResult } from '../helpers/cli.js';

const tmp = tempDir('hirekit-race-pairs-');
afterAll(tmp.cleanup);

type Run = CliResult;

/** The built CLI in the temp folder, started after `delayMs`. */
function run(args: string[], delayMs = 0): Promise<Run> {
  return new Promise((resolve, reject) => setTimeout(() => startCli(args, { cwd: tmp.dir }).then(resolve, reject), delayMs));
}

const noInternalError = (r: Run): boolean => !/internal error|\n\s+at /.test(r.stderr);
/** A refusal: exit 1 or 2, ending with one `hirekit:` line (import says its warnings first), never an internal error. */
const cleanRefusal = (r: Run): boolean => (r.code === 1 || r.code === 2) && /(^|\n)hirekit: [^\n]+\n$/.test(r.stderr) && noInternalError(r);

/** Hidden leftovers: temp files, locks, breakers. */
function leftovers(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tmp$|\.lock$|\.break$/.test(f) && !f.split(path.sep).includes('.git'));
}

const file = (name: string, text: string): string => {
  const target = path.join(tmp.dir, name);
  writeFileSync(target, text);
  return target;
};

describe('decide and decide --amend on one candidate at once', () => {
  const RUBRICS = path.join(FIXTURES, 'workspaces', 'rubrics');
  const decisionFile = (outcome: 'advance' | 'hold'): string => file(`decision-${outcome}.yaml`, kwameAdvanceOrHold(outcome));

  it('5 rounds: the decision is always submitted; an amendment that reported success is in force and in the trail', async () => {
    const advance = decisionFile('advance');
    const hold = decisionFile('hold');
    const counts = { rounds: 0, amended: 0, amendRefused: 0, decideFailed: 0, lost: 0, notSubmitted: 0, unclean: 0, leftovers: 0 };
    for (let round = 0; round < 5; round++) {
      const ws = path.join(tmp.dir, `decide-${round}`, 'hiring');
      cpSync(path.join(FIXTURES, 'workspaces', 'extra-candidates', 'kwame-mensah'), path.join(ws, 'candidates', 'kwame-mensah'), { recursive: true });
      const reason = `The last reference came back negative (round ${round}).`;
      const base = ['--rubrics', RUBRICS, '-w', ws, 'decide', 'kwame-mensah', '--force'];
      const [decide, amend] = await Promise.all([
        run([...base, '--reason', 'The last interviewer has left the company.', '--answers', advance]),
        run([...base, '--amend', '--reason', reason, '--answers', hold], round * 40),
      ]);
      counts.rounds++;
      if (decide.code !== 0) counts.decideFailed++;
      for (const r of [decide, amend]) if (r.code !== 0 && !cleanRefusal(r)) counts.unclean++;
      const decision = Decision.parse(parse(readFileSync(path.join(ws, 'candidates', 'kwame-mensah', 'decision.yaml'), 'utf8')));
      if (!decision.submitted) counts.notSubmitted++;
      if (amend.code === 0) {
        counts.amended++;
        const trail = decision.audit.filter((e) => e.action === 'amended').map((e) => ('reason' in e ? e.reason : ''));
        if (decision.submitted?.outcome !== 'hold' || !trail.includes(reason)) counts.lost++;
      } else {
        counts.amendRefused++;
        if (decision.submitted?.outcome !== 'advance') counts.lost++;
      }
      counts.leftovers += leftovers(ws).length;
    }
    console.log('decide vs decide --amend', counts);
    expect(counts).toMatchObject({ rounds: 5, decideFailed: 0, lost: 0, notSubmitted: 0, unclean: 0, leftovers: 0 });
  }, 120_000);
});

describe('a submit and an import of the same scorecard at once', () => {
  const GH = path.join(FIXTURES, 'import', 'greenhouse-scorecards.json');
  const GH_MAP = path.join(FIXTURES, 'import', 'greenhouse-mapping.yaml');

  it('4 rounds: exactly one of them writes it, the scorecard on disk is the winner\'s, the other is refused in one line', async () => {
    const answers = file(
      'screen-answers.yaml',
      [
        'format: hirekit-answers/1',
        'ratings:',
        '  mlops-reliability:',
        '    rating: 3',
        '    evidence: Owned the fraud-scoring service end to end, with an on-call rota and a rollback she used twice.',
        '  ml-strategy-portfolio:',
        '    rating: 4',
        '    evidence: Stopped a recommendation rewrite after a holdback showed a fraction of the projected revenue.',
        '  talent-org-leadership:',
        '    rating: 3',
        '    evidence: Grew the team from 9 to 26 with two managers under her and explained one hire she declined.',
        'recommendation: yes',
        'summary: Written in the terminal by Ana while the import ran; a clear operator with a real record.',
      ].join('\n'),
    );
    const counts = { rounds: 0, scoreWon: 0, importWon: 0, bothWrote: 0, noneWrote: 0, wrongContent: 0, unclean: 0, leftovers: 0 };
    for (let round = 0; round < 4; round++) {
      const ws = path.join(tmp.dir, `import-${round}`);
      mkdirSync(path.join(ws, 'candidates'), { recursive: true });
      const card = path.join(ws, 'candidates', 'zoe-lukasz', 'scorecards', 'hiring-manager-screen--ana-ruiz.yaml');
      // Each side starts a little later in every other round, so that each wins some (which one is timing).
      const [score, imported] = await Promise.all([
        run(['-w', ws, 'score', 'head-of-ml', '--candidate', 'Zoë Łukasz', '--stage', 'hiring-manager-screen', '--interviewer', 'Ana Ruiz', '--answers', answers], round % 2 ? 100 : 0),
        run(['-w', ws, 'import', 'greenhouse', GH, '--mapping', GH_MAP], round % 2 ? 0 : 100),
      ]);
      counts.rounds++;
      const scoreWrote = score.code === 0;
      const importWrote = imported.stdout.split('\n').includes(card);
      if (scoreWrote) counts.scoreWon++;
      if (importWrote) counts.importWon++;
      if (scoreWrote && importWrote) counts.bothWrote++;
      if (!scoreWrote && !importWrote) counts.noneWrote++;
      if (!scoreWrote && !cleanRefusal(score)) counts.unclean++;
      if (imported.code !== 0 && !cleanRefusal(imported)) counts.unclean++;
      if (!noInternalError(imported) || !noInternalError(score)) counts.unclean++;
      const onDisk = Scorecard.parse(parse(readFileSync(card, 'utf8')));
      const fromTerminal = onDisk.summary?.startsWith('Written in the terminal by Ana') === true;
      if (onDisk.status !== 'submitted' || (scoreWrote && !fromTerminal) || (importWrote && fromTerminal)) counts.wrongContent++;
      counts.leftovers += leftovers(ws).length;
    }
    console.log('score vs import', counts);
    expect(counts).toMatchObject({ rounds: 4, bothWrote: 0, noneWrote: 0, wrongContent: 0, unclean: 0, leftovers: 0 });
  }, 120_000);
});

describe('two demos, two inits, two packs into one place at once', () => {
  it('two demos into one folder: never an internal error, and the folder ends as one whole demo', async () => {
    for (const [round, delay] of [0, 400].entries()) {
      const dir = path.join(tmp.dir, `demo-${round}`);
      const runs = await Promise.all([run(['demo', dir]), run(['demo', dir], delay)]);
      for (const r of runs) expect(r.code === 0 || cleanRefusal(r), r.stderr).toBe(true);
      expect(runs.some((r) => r.code === 0)).toBe(true);
      // A refused demo is refused for the one under way, by name.
      for (const r of runs.filter((x) => x.code !== 0)) expect(r.stderr).toMatch(new RegExp(`hirekit: ${dir}: hirekit demo \\(pid \\d+ on .*\\) is making the demo in it`));
      expect(existsSync(path.join(dir, 'hiring', 'candidates', 'zoe-lukasz', 'decision.yaml'))).toBe(true);
      expect(readFileSync(path.join(dir, 'debrief.pdf')).subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
      expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual(['.hirekit-demo']);
      expect(leftovers(dir)).toEqual([]);
    }
  }, 180_000);

  it('two inits (one with --git) into one folder, 6 rounds: both succeed, one whole README, no leftovers', async () => {
    for (let round = 0; round < 6; round++) {
      const dir = path.join(tmp.dir, `init-${round}`);
      const runs = await Promise.all([run(['init', dir]), run(['init', dir, ...(round % 2 ? ['--git'] : [])])]);
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(path.join(dir, 'README.md'), 'utf8').startsWith(WORKSPACE_README)).toBe(true);
      expect(statSync(path.join(dir, 'candidates')).isDirectory()).toBe(true);
      expect(leftovers(dir)).toEqual([]);
    }
  }, 120_000);

  it('two packs to one --out, 3 rounds: both succeed, the file is one whole PDF, no temp file', async () => {
    for (let round = 0; round < 3; round++) {
      const out = path.join(tmp.dir, `pack-${round}`, 'loop.pdf');
      const runs = await Promise.all([run(['pack', 'data-analyst', '--rubrics', path.join(FIXTURES, 'rubrics'), '--out', out]), run(['pack', 'data-analyst', '--rubrics', path.join(FIXTURES, 'rubrics'), '--out', out])]);
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const pdf = readFileSync(out);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
      expect(leftovers(path.dirname(out))).toEqual([]);
    }
  }, 120_000);
});
