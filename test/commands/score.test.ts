import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runInit } from '../../src/commands/init.js';
import { runScore, type ScoreContext, type ScoreOptions } from '../../src/commands/score.js';
import { runStatus } from '../../src/commands/status.js';
import { Scorecard } from '../../src/core/scorecard.js';
import { DataError, InterruptedError, UsageError } from '../../src/errors.js';
import type { CheckboxQuestion, PromptAdapter } from '../../src/prompts/adapter.js';
import { scriptedPrompts, type ScriptedAnswer, type ScriptedPrompts } from '../../src/prompts/scripted.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';

const RUBRICS = path.join(FIXTURES, 'rubrics');
const ANSWERS = path.join(FIXTURES, 'answers');
const SQL = 'Counted rows before and after the join and found the duplicates.';
const COMM = 'We ran out of time before the presentation part of the case.';
const NOTE = 'Summed order totals on both sides of the join before trusting it.';
const SUMMARY = 'Careful with data; communication is still an open question.';
const BLAME = 'Said the warehouse was wrong twice without checking either time.';
const PENDING = '.technical--ada-lovelace.pending.yaml';

/** The whole technical stage, answered in the order the method asks. */
const FULL: ScriptedAnswer[] = [
  { select: 3, expect: /Rating for SQL/ },
  { input: SQL, expect: /Evidence/ },
  { select: 'insufficient', expect: /Rating for Communicating/ },
  { input: COMM, expect: /Evidence/ },
  { checkbox: ['checks-counts'], expect: /Flags/ },
  { input: NOTE, expect: /Note/ },
  { select: 'yes', expect: /Hire Zoë Łukasz/ },
  { input: SUMMARY, expect: /Summary/ },
  { select: 'submit', expect: /Submit/ },
];

const temps: Array<() => void> = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));

function workspace(): string {
  const { dir, cleanup } = tempDir('hirekit-score-');
  temps.push(cleanup);
  return dir;
}

interface Run {
  prompts: ScriptedPrompts;
  stdout: string[];
  stderr: string[];
  deps: ScoreContext;
}

function harness(script: ScriptedAnswer[], overrides: Partial<ScoreContext> = {}): Run {
  const prompts = scriptedPrompts(script);
  const stdout: string[] = [];
  const stderr: string[] = [];
  let tick = Date.parse('2026-11-24T10:00:00Z');
  return {
    prompts,
    stdout,
    stderr,
    deps: {
      prompts: () => Promise.resolve(prompts),
      now: () => new Date((tick += 1000)),
      stdinIsTTY: true,
      stdout: { write: (t) => stdout.push(String(t)) },
      stderr: { write: (t) => stderr.push(String(t)) },
      stderrIsTTY: false,
      columns: 80,
      env: { NO_COLOR: '1' },
      cwd: process.cwd(),
      ...overrides,
    },
  };
}

function options(ws: string, extra: Partial<ScoreOptions> = {}): ScoreOptions {
  return { role: 'data-analyst', candidate: 'Zoë Łukasz', stage: 'technical', interviewer: 'Ada Lovelace', workspace: ws, rubrics: [RUBRICS], defaultInterviewer: () => 'Git User', ...extra };
}

function cardAt(ws: string, interviewer = 'ada-lovelace', stage = 'technical'): { file: string; scorecard: Scorecard } {
  const file = path.join(ws, 'candidates', 'zoe-lukasz', 'scorecards', `${stage}--${interviewer}.yaml`);
  return { file, scorecard: Scorecard.parse(parse(readFileSync(file, 'utf8'))) };
}

describe('hirekit score in the terminal', () => {
  it('walks the stage in order and submits a complete scorecard', async () => {
    const ws = workspace();
    const run = harness(FULL);
    const result = await runScore(options(ws), run.deps);
    const { file, scorecard } = cardAt(ws);
    expect(result).toEqual({ file, status: 'submitted' });
    expect(run.stdout).toEqual([`${file}\n`]);
    expect(run.prompts.remaining).toBe(0);
    expect(scorecard).toMatchObject({
      status: 'submitted',
      stage: 'technical',
      rubric: { id: 'data-analyst', version: '1.2' },
      candidate: { name: 'Zoë Łukasz', slug: 'zoe-lukasz' },
      interviewer: { name: 'Ada Lovelace', slug: 'ada-lovelace' },
      recommendation: 'yes',
      summary: SUMMARY,
    });
    expect(scorecard.rubric.hash).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(scorecard.ratings.map((r) => [r.dimension, r.rating, r.evidence])).toEqual([
      ['sql', 3, SQL],
      ['communication', 'insufficient', COMM],
    ]);
    expect(scorecard.flags).toMatchObject([{ flag: 'checks-counts', kind: 'green', note: NOTE }]);
    const talk = run.stderr.join('');
    // The brief comes first, then each dimension with its progress and anchors.
    expect(talk.indexOf('Purpose')).toBeLessThan(talk.indexOf('Dimension 1 of 2: SQL and data handling'));
    expect(talk.indexOf('Dimension 1 of 2')).toBeLessThan(talk.indexOf('Dimension 2 of 2: Communicating findings'));
    expect(talk).toContain('Walk me through joining orders to customers');
    expect(talk).toContain('Designs the query for reuse');
    expect(talk).toContain('Case study: The churn dip');
    expect(talk).toContain('Review: Zoë Łukasz · Technical case');
    for (const line of talk.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('offers all four anchored levels plus insufficient evidence, with the anchor text', async () => {
    const run = harness(FULL);
    await runScore(options(workspace()), run.deps);
    const first = run.prompts.asked[0];
    expect(first?.choices).toEqual(['1  well below bar', '2  below bar', '3  meets bar', '4  exceeds bar', '–  insufficient evidence']);
    const recommendation = run.prompts.asked.find((q) => /Hire/.test(q.message));
    expect(recommendation?.choices).toEqual(['Strong no', 'No', 'Yes', 'Strong yes']);
  });

  it('asks the overall recommendation only after every dimension and the flags', async () => {
    const run = harness(FULL);
    await runScore(options(workspace()), run.deps);
    const order = run.prompts.asked.map((q) => q.message);
    const hire = order.findIndex((m) => /Hire/.test(m));
    expect(order.findIndex((m) => /Rating for Communicating/.test(m))).toBeLessThan(hire);
    expect(order.findIndex((m) => /Flags/.test(m))).toBeLessThan(hire);
  });

  it('refuses empty and one-word evidence and asks again', async () => {
    const ws = workspace();
    const script = [...FULL];
    script.splice(1, 1, { input: '' }, { input: 'good' }, { input: SQL });
    const run = harness(script);
    await runScore(options(ws), run.deps);
    const evidence = run.prompts.asked.filter((q) => /Evidence/.test(q.message));
    expect(evidence.map((q) => q.refused)).toEqual([
      expect.stringMatching(/evidence is required/),
      expect.stringMatching(/real sentence/),
      undefined,
      undefined,
    ]);
    expect(cardAt(ws).scorecard.ratings[0]?.evidence).toBe(SQL);
  });

  it('saves each answer at once: Ctrl-C mid-stage leaves a valid draft and says how to resume', async () => {
    const ws = workspace();
    const run = harness(FULL.slice(0, 3)); // the third answer is the rating for communication; its evidence is never typed
    const stopped = runScore(options(ws), run.deps);
    await expect(stopped).rejects.toBeInstanceOf(InterruptedError);
    await expect(stopped).rejects.toThrow(
      `To carry on where you stopped: hirekit --rubrics ${RUBRICS} --workspace ${ws} score data-analyst --candidate 'Zoë Łukasz' --stage technical --interviewer 'Ada Lovelace'`,
    );
    const { file, scorecard } = cardAt(ws);
    expect(scorecard.status).toBe('draft');
    expect(scorecard.ratings.map((r) => r.dimension)).toEqual(['sql']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(ws, 'candidates', 'zoe-lukasz', 'candidate.yaml')).mode & 0o777).toBe(0o600);
    // No temp files left behind; the rating chosen for communication waits for its evidence in a dot-file.
    expect(readdirSync(path.dirname(file)).sort()).toEqual(['.technical--ada-lovelace.pending.yaml', 'technical--ada-lovelace.yaml']);
  });

  it('remembers a rating whose evidence was never typed and offers it again on resume', async () => {
    const ws = workspace();
    await expect(runScore(options(ws), harness(FULL.slice(0, 3)).deps)).rejects.toBeInstanceOf(InterruptedError);
    const run = harness([{ select: 'resume' }, ...FULL.slice(2)]);
    await runScore(options(ws), run.deps);
    expect(run.prompts.asked[1]).toMatchObject({ message: 'Rating for Communicating findings', default: 'insufficient' });
    expect(run.stderr.join('')).toContain('Before stopping you chose insufficient evidence; it is selected below.');
    const dir = path.dirname(cardAt(ws).file);
    expect(readdirSync(dir)).toEqual(['technical--ada-lovelace.yaml']);
  });

  it('resumes a draft where it stopped', async () => {
    const ws = workspace();
    await expect(runScore(options(ws), harness(FULL.slice(0, 2)).deps)).rejects.toBeInstanceOf(InterruptedError);
    const draft = cardAt(ws).scorecard;
    const run = harness([{ select: 'resume', expect: /Resume/ }, ...FULL.slice(2)]);
    expect((await runScore(options(ws), run.deps)).status).toBe('submitted');
    expect(run.stderr.join('')).toMatch(/You have a draft for Zoë Łukasz, Technical case, last saved 2026-11-24 10:00 UTC\s\(1 answer\)/);
    expect(run.prompts.asked[1]?.message).toMatch(/Rating for Communicating/);
    const { scorecard } = cardAt(ws);
    expect(scorecard.ratings.map((r) => r.evidence)).toEqual([SQL, COMM]);
    expect(scorecard.created_at).toBe(draft.created_at);
    expect(scorecard.ratings[0]).toEqual(draft.ratings[0]);
  });

  it('starts over on request and keeps the old draft as a backup', async () => {
    const ws = workspace();
    await expect(runScore(options(ws), harness(FULL.slice(0, 2)).deps)).rejects.toBeInstanceOf(InterruptedError);
    const run = harness([{ select: 'start-over' }, ...FULL]);
    await runScore(options(ws), run.deps);
    const backups = readdirSync(path.join(ws, 'candidates', 'zoe-lukasz', 'backups'));
    expect(backups).toHaveLength(1);
    const backup = path.join(ws, 'candidates', 'zoe-lukasz', 'backups', backups[0] ?? '');
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    expect(Scorecard.parse(parse(readFileSync(backup, 'utf8'))).ratings.map((r) => r.evidence)).toEqual([SQL]);
    const { scorecard } = cardAt(ws);
    expect(scorecard.status).toBe('submitted');
    expect(scorecard.audit).toMatchObject([{ action: 'start-over', previous: { status: 'draft' } }]);
    expect(scorecard.audit[0]?.reason).toContain(`backups/${backups[0]}`);
  });

  it('lets any answer be changed on the review screen', async () => {
    const ws = workspace();
    const script = [
      ...FULL.slice(0, -1),
      { select: 'rating:sql', expect: /Submit, or change/ },
      { select: 4 },
      { input: 'Also spotted a data-quality bug in the source table itself.' },
      { select: 'recommendation' },
      { select: 'strong-yes' },
      { select: 'submit' },
    ];
    await runScore(options(ws), harness(script).deps);
    const { scorecard } = cardAt(ws);
    expect(scorecard.ratings[0]).toMatchObject({ dimension: 'sql', rating: 4, evidence: 'Also spotted a data-quality bug in the source table itself.' });
    expect(scorecard.recommendation).toBe('strong-yes');
  });

  it('can keep the scorecard as a draft from the review screen', async () => {
    const ws = workspace();
    const result = await runScore(options(ws), harness([...FULL.slice(0, -1), { select: 'later' }]).deps);
    expect(result.status).toBe('draft');
    expect(cardAt(ws).scorecard.summary).toBe(SUMMARY);
  });

  it('locks a submitted scorecard and reopens it only with --amend --reason, keeping the audit trail', async () => {
    const ws = workspace();
    await runScore(options(ws), harness(FULL).deps);
    await expect(runScore(options(ws), harness([]).deps)).rejects.toThrow(/is locked; to change it: .* --amend --reason/);
    await expect(runScore(options(ws, { amend: true }), harness([]).deps)).rejects.toBeInstanceOf(UsageError);
    const before = cardAt(ws).scorecard;
    const later = Date.parse('2026-11-25T09:00:00Z');
    const run = harness([
      { select: 'rating:communication' },
      { select: 2 },
      { input: 'Re-read my notes: she did present, but skipped the uncertainty.' },
      { select: 'submit' },
    ]);
    await runScore(options(ws, { amend: true, reason: 'My notes had the presentation after all' }), { ...run.deps, now: () => new Date(later) });
    const after = cardAt(ws).scorecard;
    expect(after.status).toBe('submitted');
    expect(after.ratings[1]).toMatchObject({ rating: 2 });
    expect(after.audit).toHaveLength(1);
    expect(after.audit[0]).toMatchObject({
      action: 'amend',
      reason: 'My notes had the presentation after all',
      previous: { status: 'submitted', submitted_at: before.submitted_at, ratings: before.ratings, recommendation: 'yes' },
    });
    expect(after.submitted_at).toBe('2026-11-25T09:00:00.000Z');
    expect(after.audit[0]?.at).toBe('2026-11-25T09:00:00.000Z');
  });

  it('never shows another interviewer’s scorecard', async () => {
    const ws = workspace();
    const other = harness(FULL.map((a) => ('input' in a && a.input === SQL ? { input: 'SECRET-EVIDENCE from the other interviewer here.' } : a)));
    await runScore(options(ws, { interviewer: 'Grace Hopper' }), other.deps);
    const run = harness(FULL);
    await runScore(options(ws), run.deps);
    const seen = run.stderr.join('') + JSON.stringify(run.prompts.asked);
    expect(seen).not.toContain('SECRET');
    expect(seen).not.toContain('Grace');
    expect(cardAt(ws, 'grace-hopper').scorecard.ratings[0]?.evidence).toContain('SECRET');
  });

  it('asks for a missing stage and interviewer, offering git’s user name', async () => {
    const ws = workspace();
    const run = harness([{ select: 'technical', expect: /Which stage/ }, { input: '', expect: /Interviewer/ }, ...FULL]);
    await runScore(options(ws, { stage: undefined, interviewer: undefined }), run.deps);
    expect(run.prompts.asked[0]?.choices).toEqual(['Hiring manager screen (screen, 30 min)', 'Technical case (technical, 60 min)']);
    expect(cardAt(ws, 'git-user').scorecard.interviewer.name).toBe('Git User');
  });

  it('refuses to prompt without a terminal and names --answers', async () => {
    const run = harness(FULL, { stdinIsTTY: false });
    await expect(runScore(options(workspace()), run.deps)).rejects.toThrow(UsageError);
    await expect(runScore(options(workspace()), run.deps)).rejects.toThrow(/--answers FILE\.yaml/);
    expect(run.prompts.asked).toEqual([]);
  });

  it('refuses an unknown stage with the stages of the loop', async () => {
    await expect(runScore(options(workspace(), { stage: 'tecnical' }), harness([]).deps)).rejects.toThrow(
      "role data-analyst has no stage 'tecnical' (did you mean 'technical'?); its stages are: screen, technical",
    );
  });

  it('keeps files inside the workspace whatever the names are', async () => {
    const ws = workspace();
    const result = await runScore(options(ws, { candidate: '../../etc', interviewer: '../..' }), harness(FULL.map((a) => ('select' in a && a.select === 'yes' ? { select: 'yes' } : a))).deps);
    expect(path.relative(ws, result.file)).toMatch(/^candidates\/etc\/scorecards\/technical--person-[0-9a-f]{10}\.yaml$/);
  });

  it('refuses a second person whose name slugs the same as an existing candidate', async () => {
    const ws = workspace();
    await runScore(options(ws), harness(FULL).deps);
    await expect(runScore(options(ws, { candidate: 'Zoe Lukasz', interviewer: 'Grace Hopper' }), harness(FULL).deps)).rejects.toThrow(
      /already belongs to 'Zoë Łukasz'/,
    );
  });
});

/** The scripted prompts, also recording which flags each checkbox offered already ticked. */
function watchingTicks(prompts: ScriptedPrompts): { ask: PromptAdapter; preTicked: string[][] } {
  const preTicked: string[][] = [];
  const ask: PromptAdapter = {
    select: (q) => prompts.select(q),
    input: (q) => prompts.input(q),
    checkbox<T>(q: CheckboxQuestion<T>): Promise<T[]> {
      preTicked.push(q.choices.filter((c) => c.checked).map((c) => String(c.value)));
      return prompts.checkbox(q);
    },
  };
  return { ask, preTicked };
}

function pendingAt(ws: string): unknown {
  const file = path.join(path.dirname(cardAt(ws).file), PENDING);
  return existsSync(file) ? parse(readFileSync(file, 'utf8')) : undefined;
}

describe('hirekit score: flags ticked before their notes', () => {
  const RATED = FULL.slice(0, 4);
  const TWO_FLAGS: ScriptedAnswer = { checkbox: ['checks-counts', 'blames-data'], expect: /Flags/ };

  it('keeps the ticks when stopped before the notes, asks the first note on resume, then the second', async () => {
    const ws = workspace();
    await expect(runScore(options(ws), harness([...RATED, TWO_FLAGS]).deps)).rejects.toBeInstanceOf(InterruptedError);
    expect(cardAt(ws).scorecard.flags).toEqual([]);
    expect(pendingAt(ws)).toEqual({ flags: ['checks-counts', 'blames-data'] });

    // Resumed: straight to the first ticked flag's note, no checkbox; stopped again before the second note.
    const second = harness([{ select: 'resume' }, { input: NOTE, expect: /Note/ }]);
    await expect(runScore(options(ws), second.deps)).rejects.toBeInstanceOf(InterruptedError);
    expect(second.prompts.asked.map((q) => q.kind)).toEqual(['select', 'input', 'input']);
    const talk = second.stderr.join('');
    expect(talk).toContain('Before stopping you ticked 2 flags without a note yet');
    expect(talk.indexOf('+ Checks row counts')).toBeLessThan(talk.indexOf('− Blames the data'));
    expect(cardAt(ws).scorecard.flags).toMatchObject([{ flag: 'checks-counts', kind: 'green', note: NOTE }]);
    expect(pendingAt(ws)).toEqual({ flags: ['blames-data'] });

    // The last note, then the rest of the stage; going back to the checkbox shows both ticked.
    const third = harness([{ select: 'resume' }, { input: BLAME, expect: /Note/ }, ...FULL.slice(6, 8), { select: 'flags' }, TWO_FLAGS, { select: 'submit' }]);
    const ticks = watchingTicks(third.prompts);
    expect((await runScore(options(ws), { ...third.deps, prompts: () => Promise.resolve(ticks.ask) })).status).toBe('submitted');
    expect(ticks.preTicked).toEqual([['checks-counts', 'blames-data']]);
    expect(cardAt(ws).scorecard.flags.map((f) => [f.flag, f.note])).toEqual([
      ['checks-counts', NOTE],
      ['blames-data', BLAME],
    ]);
    expect(readdirSync(path.dirname(cardAt(ws).file))).toEqual(['technical--ada-lovelace.yaml']);
  });

  it('keeps a flag ticked on the review screen until its note is written, and returns to that note', async () => {
    const ws = workspace();
    const script = [...FULL.slice(0, -1), { select: 'flags' }, TWO_FLAGS];
    await expect(runScore(options(ws), harness(script).deps)).rejects.toBeInstanceOf(InterruptedError);
    expect(cardAt(ws).scorecard.flags.map((f) => f.flag)).toEqual(['checks-counts']);
    expect(pendingAt(ws)).toEqual({ flags: ['blames-data'] });

    // The recommendation was given already; the pending note is still asked before the review.
    const run = harness([{ select: 'resume' }, { input: BLAME, expect: /Note/ }, { select: 'submit', expect: /Submit/ }]);
    expect((await runScore(options(ws), run.deps)).status).toBe('submitted');
    expect(cardAt(ws).scorecard.flags.map((f) => f.flag)).toEqual(['checks-counts', 'blames-data']);
    expect(pendingAt(ws)).toBeUndefined();
  });

  it('drops an unticked flag and its note on the review screen', async () => {
    const ws = workspace();
    const run = harness([...FULL.slice(0, -1), { select: 'flags' }, { checkbox: [] }, { select: 'submit' }]);
    const ticks = watchingTicks(run.prompts);
    await runScore(options(ws), { ...run.deps, prompts: () => Promise.resolve(ticks.ask) });
    expect(ticks.preTicked).toEqual([[], ['checks-counts']]);
    expect(cardAt(ws).scorecard.flags).toEqual([]);
    expect(pendingAt(ws)).toBeUndefined();
  });

  it('forgets pending ticks when the draft is started over', async () => {
    const ws = workspace();
    await expect(runScore(options(ws), harness([...RATED, TWO_FLAGS]).deps)).rejects.toBeInstanceOf(InterruptedError);
    const run = harness([{ select: 'start-over' }, ...FULL]);
    await runScore(options(ws), run.deps);
    expect(run.prompts.remaining).toBe(0);
    expect(cardAt(ws).scorecard.flags.map((f) => f.flag)).toEqual(['checks-counts']);
    expect(pendingAt(ws)).toBeUndefined();
  });

  it('still offers a rating chosen before an upgrade, from the older pending file', async () => {
    const ws = workspace();
    await expect(runScore(options(ws), harness(FULL.slice(0, 2)).deps)).rejects.toBeInstanceOf(InterruptedError);
    writeFileSync(path.join(path.dirname(cardAt(ws).file), PENDING), 'dimension: communication\nrating: 4\n');
    const run = harness([{ select: 'resume' }, ...FULL.slice(2)]);
    await runScore(options(ws), run.deps);
    expect(run.prompts.asked[1]).toMatchObject({ message: 'Rating for Communicating findings', default: 4 });
  });
});

describe('hirekit score: leftovers of a killed write', () => {
  it('removes this scorecard’s stale temp files when a session starts and keeps everything else', async () => {
    const ws = workspace();
    await expect(runScore(options(ws), harness(FULL.slice(0, 2)).deps)).rejects.toBeInstanceOf(InterruptedError);
    const dir = path.dirname(cardAt(ws).file);
    const gone = spawnSync(process.execPath, ['-e', '']).pid; // a process that has exited
    const running = process.pid;
    const put = (name: string, ageSeconds = 0): string => {
      writeFileSync(path.join(dir, name), 'half a scorecard');
      const at = new Date(Date.now() - ageSeconds * 1000);
      utimesSync(path.join(dir, name), at, at);
      return name;
    };
    const removed = [
      put(`.technical--ada-lovelace.yaml.${gone}.0a1b2c3d.tmp`),
      put(`.technical--ada-lovelace.yaml.${running}.0a1b2c3d.tmp`, 120), // old: the pid has been reused
      put(`..technical--ada-lovelace.pending.yaml.${gone}.deadbeef.tmp`),
    ];
    const kept = [
      put(`.technical--ada-lovelace.yaml.${running}.0a1b2c3d.tmp`.replace('0a1b2c3d', 'feedbeef')), // a write in progress
      put(`.technical--grace-hopper.yaml.${gone}.0a1b2c3d.tmp`, 120), // another interviewer's scorecard
      put(`.technical--ada-lovelace.yaml.${gone}.tmp`, 120), // not the pattern writeFileAtomic uses
      put(`technical--ada-lovelace.yaml.${gone}.0a1b2c3d.tmp`, 120), // not hidden
      put(`.screen--ada-lovelace.yaml.${gone}.0a1b2c3d.tmp`, 120), // another stage
      put('notes.txt', 120),
    ];
    mkdirSync(path.join(dir, `.technical--ada-lovelace.yaml.${gone}.12345678.tmp`)); // a folder, never a temp file
    kept.push(`.technical--ada-lovelace.yaml.${gone}.12345678.tmp`);

    await runScore(options(ws), harness([{ select: 'resume' }, ...FULL.slice(2)]).deps);
    const left = readdirSync(dir);
    for (const name of removed) expect(left).not.toContain(name);
    expect(left.sort()).toEqual([...kept, 'technical--ada-lovelace.yaml'].sort());
  });
});

describe('hirekit score --answers', () => {
  it('submits a complete answers file with the same checks', async () => {
    const ws = workspace();
    const run = harness([], { stdinIsTTY: false });
    const result = await runScore(options(ws, { answers: path.join(ANSWERS, 'technical-complete.yaml') }), run.deps);
    expect(result.status).toBe('submitted');
    expect(run.prompts.asked).toEqual([]);
    const { scorecard } = cardAt(ws);
    expect(scorecard.ratings.map((r) => r.rating)).toEqual([3, 'insufficient']);
    expect(scorecard.flags.map((f) => f.flag)).toEqual(['checks-counts']);
  });

  it('keeps a partial answers file as a draft with --draft, and refuses it without', async () => {
    const ws = workspace();
    const partial = path.join(ANSWERS, 'technical-partial.yaml');
    await expect(runScore(options(ws, { answers: partial }), harness([]).deps)).rejects.toThrow(/technical-partial\.yaml:2:1 {2}missing recommendation [^\n]*\n[\s\S]*technical-partial\.yaml: 3 problems; see docs\/answers-file\.md$/);
    expect(existsSync(path.join(ws, 'candidates'))).toBe(false);
    const result = await runScore(options(ws, { answers: partial, draft: true }), harness([]).deps);
    expect(result.status).toBe('draft');
    expect(cardAt(ws).scorecard.ratings.map((r) => r.rating)).toEqual([2]);
  });

  it('replaces a draft (backed up) and amends a submitted scorecard with a reason', async () => {
    const ws = workspace();
    await runScore(options(ws, { answers: path.join(ANSWERS, 'technical-partial.yaml'), draft: true }), harness([]).deps);
    await runScore(options(ws, { answers: path.join(ANSWERS, 'technical-complete.yaml') }), harness([]).deps);
    expect(readdirSync(path.join(ws, 'candidates', 'zoe-lukasz', 'backups'))).toHaveLength(1);
    await expect(runScore(options(ws, { answers: path.join(ANSWERS, 'technical-complete.yaml') }), harness([]).deps)).rejects.toBeInstanceOf(DataError);
    await runScore(options(ws, { answers: path.join(ANSWERS, 'technical-complete.yaml'), amend: true, reason: 'Resubmitted after review' }), harness([]).deps);
    expect(cardAt(ws).scorecard.audit.map((a) => a.action)).toEqual(['start-over', 'amend']);
  });

  it('requires candidate, stage and interviewer on the command line', async () => {
    const answers = path.join(ANSWERS, 'technical-complete.yaml');
    await expect(runScore(options(workspace(), { answers, stage: undefined }), harness([]).deps)).rejects.toThrow(/--stage ID is required with --answers; stages of data-analyst: screen, technical/);
    await expect(runScore(options(workspace(), { answers, interviewer: undefined }), harness([]).deps)).rejects.toThrow(/--interviewer NAME is required/);
  });

  it('refuses --draft without --answers and --amend without --reason', async () => {
    await expect(runScore(options(workspace(), { draft: true }), harness([]).deps)).rejects.toThrow(/--draft only applies with --answers/);
    await expect(runScore(options(workspace(), { amend: true }), harness([]).deps)).rejects.toThrow(/--amend needs --reason/);
  });
});

describe('hirekit status and init', () => {
  it('shows who submitted, who has a draft and which stages have no scorecard, never ratings', async () => {
    const ws = workspace();
    await runScore(options(ws), harness(FULL).deps);
    await expect(runScore(options(ws, { interviewer: 'Grace Hopper' }), harness(FULL.slice(0, 2)).deps)).rejects.toBeInstanceOf(InterruptedError);
    const out: string[] = [];
    const report = await runStatus({ workspace: ws, rubrics: [RUBRICS] }, { env: { NO_COLOR: '1' }, cwd: process.cwd(), stdout: { write: (t) => out.push(String(t)) }, stderr: { write: () => true }, stdoutIsTTY: false });
    expect(report).toEqual([
      {
        name: 'Zoë Łukasz',
        slug: 'zoe-lukasz',
        role: 'data-analyst',
        stages: [
          { stage: 'screen', name: 'Hiring manager screen', inLoop: true, submitted: [], drafts: [] },
          { stage: 'technical', name: 'Technical case', inLoop: true, submitted: ['Ada Lovelace'], drafts: ['Grace Hopper'] },
        ],
        missing: ['screen'],
        edited: [],
        decision: 'undecided',
      },
    ]);
    const text = out.join('');
    expect(text).toContain('technical  submitted: Ada Lovelace · draft: Grace Hopper');
    expect(text).toContain('screen     no scorecard yet');
    expect(text).not.toMatch(/meets bar|Yes|Counted rows/);
  });

  it('creates a private workspace with a README, once', async () => {
    const parent = workspace();
    const out: string[] = [];
    const deps = { cwd: parent, env: {}, stdout: { write: (t: string | Uint8Array) => out.push(String(t)) }, stderr: { write: () => true } };
    expect(await runInit({}, deps)).toEqual({ dir: path.join(parent, 'hiring'), created: true });
    expect(statSync(path.join(parent, 'hiring', 'candidates')).mode & 0o777).toBe(0o700);
    expect(readFileSync(path.join(parent, 'hiring', 'README.md'), 'utf8')).toContain('personal data');
    writeFileSync(path.join(parent, 'hiring', 'README.md'), 'ours');
    expect((await runInit({}, deps)).created).toBe(false);
    expect(readFileSync(path.join(parent, 'hiring', 'README.md'), 'utf8')).toBe('ours');
    mkdirSync(path.join(parent, 'team'));
    expect((await runInit({ dir: 'team' }, deps)).dir).toBe(path.join(parent, 'team'));
    expect(out).toEqual([`${path.join(parent, 'hiring')}\n`, `${path.join(parent, 'hiring')}\n`, `${path.join(parent, 'team')}\n`]);
  });
});
