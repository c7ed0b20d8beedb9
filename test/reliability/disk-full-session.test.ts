// A full disk in the middle of a terminal session: the answer just given is not lost with the session. The
// interviewer (or the committee) is told in one line, frees some space, tries again, and carries on. In-process
// with the scripted prompt adapter; the full disk is an fsync of one file's temp file failing with ENOSPC.
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { Scorecard } from '../../src/core/scorecard.js';
import { Decision } from '../../src/core/decision.js';
import { DataError, InterruptedError } from '../../src/errors.js';
import { scriptedPrompts, type ScriptedAnswer } from '../../src/prompts/scripted.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';
import { scoreHarness } from '../helpers/score-harness.js';
import { fakeContext } from '../helpers/context.js';

/** Fail the n-th fsync of a temp file whose path matches, once. */
const full = { target: /$^/, nth: 0, seen: 0 };
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const paths = new Map<number, string>();
  const openSync = ((file: string, ...rest: unknown[]) => {
    const fd = (fs.openSync as (...args: unknown[]) => number)(file, ...rest);
    paths.set(fd, String(file));
    return fd;
  }) as typeof fs.openSync;
  const fsync = ((fd: number, done: (error: NodeJS.ErrnoException | null) => void) => {
    if (full.target.test(paths.get(fd) ?? '') && ++full.seen === full.nth) {
      setImmediate(() => done(Object.assign(new Error('ENOSPC: no space left on device, fsync'), { code: 'ENOSPC', errno: -28, syscall: 'fsync' })));
      return;
    }
    fs.fsync(fd, done);
  }) as typeof fs.fsync;
  return { ...fs, default: { ...fs, openSync, fsync }, openSync, fsync };
});

const { runScore } = await import('../../src/commands/score.js');
const { runDecide } = await import('../../src/commands/decide.js');

const SQL = 'Counted rows before and after the join and found the duplicates.';
const FULL_STAGE = (onFull: ScriptedAnswer[]): ScriptedAnswer[] => [
  { select: false, expect: /Where are you in the interview/ },
  { rate: 3, expect: /Rating for SQL/ },
  { text: SQL, expect: /Evidence/ },
  ...onFull,
  { rate: 'insufficient', expect: /Rating for Communicating/ },
  { text: 'We ran out of time before the presentation part of the case.', expect: /Evidence/ },
  { checkbox: ['checks-counts'], expect: /Flags/ },
  { text: 'Summed order totals on both sides of the join before trusting it.', expect: /Note/ },
  { select: 'yes', expect: /Hire Zoë Łukasz/ },
  { text: 'Careful with data; communication is still an open question.', expect: /Summary/ },
  { select: 'submit', expect: /Submit/ },
  { select: true, expect: /Submit and lock this scorecard/ },
];

describe('a full disk while scoring in the terminal', () => {
  const tmp = tempDir('hirekit-disk-full-');
  afterAll(tmp.cleanup);
  afterEach(() => Object.assign(full, { target: /$^/, nth: 0, seen: 0 }));
  const options = (ws: string) => ({ role: 'data-analyst', candidate: 'Zoë Łukasz', stage: 'technical', interviewer: 'Ada Lovelace', workspace: ws, rubrics: [path.join(FIXTURES, 'rubrics')] });
  const scorecardTemp = /scorecards\/\.technical--ada-lovelace\.yaml\.\d+\.[0-9a-f]{8}\.tmp$/;

  it('the evidence just typed survives: told in one line, try again, and the session carries on to the submit', async () => {
    const ws = path.join(tmp.dir, 'retry');
    mkdirSync(ws);
    // The first scorecard write holds the rating's start; the second the SQL rating with its evidence.
    Object.assign(full, { target: scorecardTemp, nth: 2 });
    const run = scoreHarness(FULL_STAGE([{ select: true, expect: /disk is full and this answer is not saved yet/ }]));
    const result = await runScore(options(ws), run.ctx);
    expect(result.status).toBe('submitted');
    expect(run.prompts.remaining).toBe(0);
    const file = path.join(ws, 'candidates', 'zoe-lukasz', 'scorecards', 'technical--ada-lovelace.yaml');
    // Said on the screen above the question, wrapped to its width (so compared without the line breaks).
    const said = `hirekit: ${file}: cannot be written (the disk is full); check the workspace folder (--workspace or HIREKIT_WORKSPACE)`;
    expect(run.stderr.join('').replace(/\s+/g, '')).toContain(said.replace(/\s+/g, ''));
    const scorecard = Scorecard.parse(parse(readFileSync(file, 'utf8')));
    expect(scorecard.ratings.find((r) => r.dimension === 'sql')).toMatchObject({ rating: 3, evidence: SQL });
  });

  it('stopping instead ends the run with the one line; what was saved before stays', async () => {
    const ws = path.join(tmp.dir, 'stop');
    mkdirSync(ws);
    Object.assign(full, { target: scorecardTemp, nth: 2 });
    const run = scoreHarness(FULL_STAGE([{ select: false, expect: /disk is full/ }]).slice(0, 4));
    const failure = await runScore(options(ws), run.ctx).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(DataError);
    expect((failure as Error).message).toMatch(/technical--ada-lovelace\.yaml: cannot be written \(the disk is full\)/);
    const file = path.join(ws, 'candidates', 'zoe-lukasz', 'scorecards', 'technical--ada-lovelace.yaml');
    expect(Scorecard.parse(parse(readFileSync(file, 'utf8'))).status).toBe('draft');
  });
});

describe('a full disk while the committee decides in the terminal', () => {
  const tmp = tempDir('hirekit-disk-full-decide-');
  afterAll(tmp.cleanup);
  afterEach(() => Object.assign(full, { target: /$^/, nth: 0, seen: 0 }));

  it('the knockout ruling just chosen survives: told, try again, saved; the session carries on', async () => {
    const ws = path.join(tmp.dir, 'hiring');
    cpSync(path.join(FIXTURES, 'workspaces', 'extra-candidates', 'kwame-mensah'), path.join(ws, 'candidates', 'kwame-mensah'), { recursive: true });
    const decisionFile = path.join(ws, 'candidates', 'kwame-mensah', 'decision.yaml');
    const override = 'Two references confirm she led the migration herself.';
    // The first write is the empty decision opened before any question; the second holds the ruling chosen.
    Object.assign(full, { target: /kwame-mensah\/\.decision\.yaml\.\d+\.[0-9a-f]{8}\.tmp$/, nth: 2 });
    const prompts = scriptedPrompts([
      { select: 'overridden', expect: /ruling on "Claims ownership/ },
      { select: true, expect: /disk is full and this answer is not saved yet/ },
      { input: override, expect: /override this knockout/ },
      // The script ends at the next question: the committee stops there (as with Ctrl-C).
    ]);
    const ctx = fakeContext({ cwd: tmp.dir, prompts, stdinIsTTY: true });
    const options = { candidate: 'kwame-mensah', workspace: ws, rubrics: [path.join(FIXTURES, 'workspaces', 'rubrics')], force: true, reason: 'The writing reviewer has left the company.' };
    await expect(runDecide(options, ctx)).rejects.toBeInstanceOf(InterruptedError);
    expect(full.seen).toBeGreaterThanOrEqual(2); // the disk was full once
    expect(ctx.err().replace(/\s+/g, '')).toContain(`hirekit: ${decisionFile}: cannot be written (the disk is full)`.replace(/\s+/g, ''));
    const record = Decision.parse(parse(readFileSync(decisionFile, 'utf8')));
    expect(JSON.stringify(record.draft)).toContain(override);
  });
});
