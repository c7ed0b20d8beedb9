// Two processes on one scorecard at once, as a hostile tester runs them: real child processes of the built
// binary started together, 30 pairs of simultaneous submits and 30 pairs of simultaneous amends. Counted:
// pairs where both "won" a submit (must be 0), answers or amendments lost (must be 0), and refusals that are
// not one plain line (must be 0). Run `npm run build` first. Bounded: the pairs run three at a time.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Scorecard } from '../../src/core/scorecard.js';
import { ROOT, startCli, tempDir, type CliResult } from '../helpers/cli.js';

const PAIRS = 30;
const AT_ONCE = 3;
const RUBRICS = path.join(ROOT, 'test', 'fixtures', 'rubrics');
const COMPLETE = readFileSync(path.join(ROOT, 'test', 'fixtures', 'answers', 'technical-complete.yaml'), 'utf8');

const { dir, cleanup } = tempDir('hirekit-races-');
afterAll(cleanup);
const ws = path.join(dir, 'hiring');
// score refuses to create a workspace under --answers: the folder is made first, as `hirekit init` would.
mkdirSync(ws, { recursive: true });

/** An answers file whose summary says which process wrote it. */
function answersFor(tag: string): string {
  const file = path.join(dir, `answers-${tag}.yaml`);
  writeFileSync(file, COMPLETE.replace(/^summary: .*$/m, `summary: Written by process ${tag}; careful with data and honest about what was not checked.`));
  return file;
}

type Run = CliResult;

function run(args: string[]): Promise<Run> {
  return startCli(['--rubrics', RUBRICS, '--workspace', ws, ...args]);
}

const candidate = (i: number): string => `Race Candidate ${i}`;
const scoreArgs = (i: number, ...extra: string[]): string[] => ['score', 'data-analyst', '--candidate', candidate(i), '--stage', 'technical', '--interviewer', 'Ada Lovelace', ...extra];
const fileOf = (i: number): string => path.join(ws, 'candidates', `race-candidate-${i}`, 'scorecards', 'technical--ada-lovelace.yaml');
const read = (i: number): Scorecard => Scorecard.parse(parse(readFileSync(fileOf(i), 'utf8')));
const oneLine = (text: string): boolean => /^hirekit: [^\n]+\n$/.test(text);

async function inBatches(work: (i: number) => Promise<void>): Promise<void> {
  for (let start = 0; start < PAIRS; start += AT_ONCE) {
    await Promise.all(Array.from({ length: Math.min(AT_ONCE, PAIRS - start) }, (_, k) => work(start + k)));
  }
}

describe('two writers on one scorecard at once', () => {
  const a = answersFor('A');
  const b = answersFor('B');

  it(`${PAIRS} pairs of simultaneous submits: exactly one wins each, the other is refused in one line, nothing replaced`, async () => {
    const counts = { pairs: 0, bothWon: 0, noneWon: 0, wrongContent: 0, refusalNotOneLine: 0, refusedByLock: 0, refusedAsSubmitted: 0 };
    await inBatches(async (i) => {
      const [first, second] = await Promise.all([run(scoreArgs(i, '--answers', a)), run(scoreArgs(i, '--answers', b))]);
      counts.pairs++;
      const winners = [first, second].filter((r) => r.code === 0);
      if (winners.length === 2) counts.bothWon++;
      if (winners.length === 0) counts.noneWon++;
      const loser = first.code === 0 ? second : first;
      if (!oneLine(loser.stderr) || loser.code !== 1) counts.refusalNotOneLine++;
      if (/is scoring it/.test(loser.stderr)) counts.refusedByLock++;
      if (/was submitted on .* and is locked/.test(loser.stderr)) counts.refusedAsSubmitted++;
      const tag = first.code === 0 ? 'A' : 'B';
      const scorecard = read(i);
      if (scorecard.status !== 'submitted' || !scorecard.summary?.includes(`process ${tag}`) || scorecard.audit.length !== 0) counts.wrongContent++;
    });
    console.log('submit races', counts);
    expect(counts).toMatchObject({ pairs: PAIRS, bothWon: 0, noneWon: 0, wrongContent: 0, refusalNotOneLine: 0 });
  }, 600_000);

  it(`${PAIRS} pairs of simultaneous amends: every amendment that reported success is in the audit trail`, async () => {
    const counts = { pairs: 0, succeeded: 0, refused: 0, lost: 0, refusalNotOneLine: 0, notSubmitted: 0 };
    await inBatches(async (i) => {
      const reasons = [`Amendment A of pair ${i}: the panel found a note misfiled`, `Amendment B of pair ${i}: the evidence quoted the wrong case`];
      const runs = await Promise.all([
        run(scoreArgs(i, '--amend', '--reason', reasons[0]!, '--answers', a)),
        run(scoreArgs(i, '--amend', '--reason', reasons[1]!, '--answers', b)),
      ]);
      counts.pairs++;
      const scorecard = read(i);
      if (scorecard.status !== 'submitted') counts.notSubmitted++;
      const trail = scorecard.audit.map((entry) => entry.reason);
      for (const [k, r] of runs.entries()) {
        if (r.code === 0) {
          counts.succeeded++;
          if (!trail.includes(reasons[k]!)) counts.lost++;
        } else {
          counts.refused++;
          if (!oneLine(r.stderr)) counts.refusalNotOneLine++;
        }
      }
      // Nothing in the trail that nobody reported as done.
      if (trail.length !== runs.filter((r) => r.code === 0).length) counts.lost++;
    });
    console.log('amend races', counts);
    expect(counts).toMatchObject({ pairs: PAIRS, lost: 0, refusalNotOneLine: 0, notSubmitted: 0 });
    // The lock waits for the first amendment, so under normal load both go through.
    expect(counts.succeeded).toBeGreaterThanOrEqual(PAIRS * 2 - 2);
  }, 600_000);
});
