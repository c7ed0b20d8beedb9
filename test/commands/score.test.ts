import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runInit } from '../../src/commands/init.js';
import { runScore, type ScoreOptions } from '../../src/commands/score.js';
import { runStatus } from '../../src/commands/status.js';
import { Scorecard } from '../../src/core/scorecard.js';
import { DataError, InterruptedError, UsageError } from '../../src/errors.js';
import type { CheckboxQuestion, PromptAdapter } from '../../src/prompts/adapter.js';
import type { ScriptedAnswer, ScriptedPrompts } from '../../src/prompts/scripted.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';
import { scoreHarness as harness } from '../helpers/score-harness.js';
import { columnsOf } from '../../src/render/terminal/style.js';

const RUBRICS = path.join(FIXTURES, 'rubrics');
const ANSWERS = path.join(FIXTURES, 'answers');
const SQL = 'Counted rows before and after the join and found the duplicates.';
const COMM = 'We ran out of time before the presentation part of the case.';
const NOTE = 'Summed order totals on both sides of the join before trusting it.';
const SUMMARY = 'Careful with data; communication is still an open question.';
const BLAME = 'Said the warehouse was wrong twice without checking either time.';
const PENDING = '.technical--ada-lovelace.pending.yaml';

/** "The interview is over": straight to rating, when nothing is rated yet. */
const RATE_NOW: ScriptedAnswer = { select: false, expect: /Where are you in the interview/ };
const CONFIRM: ScriptedAnswer = { select: true, expect: /Submit and lock this scorecard/ };

/** The whole technical stage, answered in the order the method asks. */
const FULL: ScriptedAnswer[] = [
  RATE_NOW,
  { rate: 3, expect: /Rating for SQL/ },
  { text: SQL, expect: /Evidence/ },
  { rate: 'insufficient', expect: /Rating for Communicating/ },
  { text: COMM, expect: /Evidence/ },
  { checkbox: ['checks-counts'], expect: /Flags/ },
  { text: NOTE, expect: /Note/ },
  { select: 'yes', expect: /Hire Zoë Łukasz/ },
  { text: SUMMARY, expect: /Summary/ },
  { select: 'submit', expect: /Submit/ },
  CONFIRM,
];
/** FULL from its n-th answer, for a run that resumes a draft (which asks "Resume?" first and no RATE_NOW). */
const RESUME = (from: number): ScriptedAnswer[] => [{ select: 'resume', expect: /Resume/ }, ...FULL.slice(from)];

const temps: Array<() => void> = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));

function workspace(): string {
  const { dir, cleanup } = tempDir('hirekit-score-');
  temps.push(cleanup);
  return dir;
}

function options(ws: string, extra: Partial<ScoreOptions> = {}): ScoreOptions {
  return { role: 'data-analyst', candidate: 'Zoë Łukasz', stage: 'technical', interviewer: 'Ada Lovelace', workspace: ws, rubrics: [RUBRICS], defaultInterviewer: () => 'Git User', ...extra };
}

function cardAt(ws: string, interviewer = 'ada-lovelace', stage = 'technical'): { file: string; scorecard: Scorecard } {
  const file = path.join(ws, 'candidates', 'zoe-lukasz', 'scorecards', `${stage}--${interviewer}.yaml`);
  return { file, scorecard: Scorecard.parse(parse(readFileSync(file, 'utf8'))) };
}

describe('hirekit score in the terminal', () => {
  it('walks the stage in order, one dimension per screen, and submits after a confirmation', async () => {
    const ws = workspace();
    const run = harness(FULL);
    const result = await runScore(options(ws), run.ctx);
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
    // The brief is read in the pager before anything is asked; each dimension has its own screen.
    expect(run.prompts.asked[0]).toMatchObject({ kind: 'page' });
    expect(run.prompts.asked.find((q) => q.kind === 'page')?.message).toContain('Technical case');
    const talk = run.stderr.join('');
    expect(talk).toContain('Zoë Łukasz · Technical case · dimension 1 of 2 · nothing saved yet');
    expect(talk).toContain('Zoë Łukasz · Technical case · dimension 2 of 2 · saved 10:00 UTC');
    expect(talk.indexOf('dimension 1 of 2')).toBeLessThan(talk.indexOf('dimension 2 of 2'));
    expect(talk).toContain('Walk me through joining orders to customers');
    expect(talk).toContain('Case study: The churn dip');
    expect(talk.replace(/\s+/g, ' ')).toContain('Submitting locks 2 ratings with their evidence, 1 flag, your recommendation (Yes) and summary.');
    for (const line of talk.split('\n')) expect(columnsOf(line), line).toBeLessThanOrEqual(80);
  });

  it('offers the four anchored levels and insufficient evidence, each with its own key and its anchor once', async () => {
    const run = harness(FULL);
    await runScore(options(workspace()), run.ctx);
    const first = run.prompts.asked.find((q) => q.kind === 'rate');
    expect(first?.choices).toEqual(['1  well below bar', '2  below bar', '3  meets bar', '4  exceeds bar', 'i  insufficient evidence']);
    const recommendation = run.prompts.asked.find((q) => /Hire/.test(q.message));
    expect(recommendation?.choices).toEqual(['Strong no', 'No', 'Yes', 'Strong yes']);
    // The anchors are in the choices (shown for the highlighted one), not printed above them as well.
    expect(run.stderr.join('')).not.toContain('Designs the query for reuse');
  });

  it('asks the overall recommendation only after every dimension and the flags', async () => {
    const run = harness(FULL);
    await runScore(options(workspace()), run.ctx);
    const order = run.prompts.asked.map((q) => q.message);
    const hire = order.findIndex((m) => /Hire/.test(m));
    expect(order.findIndex((m) => /Rating for Communicating/.test(m))).toBeLessThan(hire);
    expect(order.findIndex((m) => /Flags/.test(m))).toBeLessThan(hire);
  });

  it('refuses empty, one-word and one-word-repeated evidence and asks again', async () => {
    const ws = workspace();
    const script = [...FULL];
    script.splice(2, 1, { text: '' }, { text: 'good' }, { text: 'ok ok ok ok ok ok' }, { text: SQL });
    const run = harness(script);
    await runScore(options(ws), run.ctx);
    const evidence = run.prompts.asked.filter((q) => /Evidence/.test(q.message));
    expect(evidence.map((q) => q.refused)).toEqual([
      expect.stringMatching(/evidence is required/),
      expect.stringMatching(/real sentence/),
      expect.stringMatching(/at least 3 different words/),
      undefined,
      undefined,
    ]);
    expect(cardAt(ws).scorecard.ratings[0]?.evidence).toBe(SQL);
  });

  it('keeps every line of evidence written over several lines', async () => {
    const ws = workspace();
    const lines = 'Joined orders to customers.\nCounted rows before and after.\nFound the duplicated customer ids.';
    const script = [...FULL];
    script.splice(2, 1, { text: lines });
    await runScore(options(ws), harness(script).ctx);
    expect(cardAt(ws).scorecard.ratings[0]?.evidence).toBe(lines);
    expect(readFileSync(cardAt(ws).file, 'utf8')).toContain('Found the duplicated customer ids.');
  });

  it('writes nothing when stopped before the first answer', async () => {
    for (const stopAt of [0, 1]) {
      const ws = workspace();
      const stopped = runScore(options(ws), harness(FULL.slice(0, stopAt)).ctx);
      await expect(stopped).rejects.toBeInstanceOf(InterruptedError);
      await expect(stopped).rejects.toThrow(/stopped before the first answer; nothing was saved/);
      expect(readdirSync(ws)).toEqual([]);
    }
  });

  it('saves each answer at once: Ctrl-C mid-stage leaves a valid draft and says how to resume', async () => {
    const ws = workspace();
    const run = harness(FULL.slice(0, 4)); // the last answer is the rating for communication; its evidence is never typed
    const stopped = runScore(options(ws), run.ctx);
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

  it('keeps a rating chosen before its evidence, the draft written with it, and offers it again on resume', async () => {
    const ws = workspace();
    await expect(runScore(options(ws), harness(FULL.slice(0, 2)).ctx)).rejects.toBeInstanceOf(InterruptedError);
    expect(cardAt(ws).scorecard.ratings).toEqual([]);
    const run = harness([{ select: 'resume' }, RATE_NOW, ...FULL.slice(1)]);
    await runScore(options(ws), run.ctx);
    expect(run.prompts.asked.find((q) => q.kind === 'rate')).toMatchObject({ message: 'Rating for SQL and data handling', default: 3 });
    expect(run.stderr.join('')).toContain('Before stopping you chose meets bar; it is selected below.');
    expect(readdirSync(path.dirname(cardAt(ws).file))).toEqual(['technical--ada-lovelace.yaml']);
  });

  it('resumes a draft where it stopped', async () => {
    const ws = workspace();
    await expect(runScore(options(ws), harness(FULL.slice(0, 3)).ctx)).rejects.toBeInstanceOf(InterruptedError);
    const draft = cardAt(ws).scorecard;
    const run = harness(RESUME(3));
    expect((await runScore(options(ws), run.ctx)).status).toBe('submitted');
    expect(run.stderr.join('')).toMatch(/You have a draft for Zoë Łukasz, Technical case, last saved 2026-11-24 10:00 UTC\s\(1 answer\)/);
    expect(run.prompts.asked.find((q) => q.kind === 'rate')?.message).toMatch(/Rating for Communicating/);
    const { scorecard } = cardAt(ws);
    expect(scorecard.ratings.map((r) => r.evidence)).toEqual([SQL, COMM]);
    expect(scorecard.created_at).toBe(draft.created_at);
    expect(scorecard.ratings[0]).toEqual(draft.ratings[0]);
  });

  it('starts over on request, keeps the old draft as a backup, and replaces it only with the first new answer', async () => {
    const ws = workspace();
    await expect(runScore(options(ws), harness(FULL.slice(0, 3)).ctx)).rejects.toBeInstanceOf(InterruptedError);
    const before = readFileSync(cardAt(ws).file, 'utf8');
    // Start over, then stop before answering: the draft is as it was and no backup is made.
    await expect(runScore(options(ws), harness([{ select: 'start-over' }]).ctx)).rejects.toBeInstanceOf(InterruptedError);
    expect(readFileSync(cardAt(ws).file, 'utf8')).toBe(before);
    expect(existsSync(path.join(ws, 'candidates', 'zoe-lukasz', 'backups'))).toBe(false);
    const run = harness([{ select: 'start-over' }, ...FULL]);
    await runScore(options(ws), run.ctx);
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

  it('shows what was said before the first screen again where it is read: a rubric warning in the brief, a backup on the review', async () => {
    const ws = workspace();
    await expect(runScore(options(ws), harness(FULL.slice(0, 3)).ctx)).rejects.toBeInstanceOf(InterruptedError);
    const { file } = cardAt(ws);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/hash: .*/, 'hash: sha256:0000000000000000'));
    const resumed = harness([{ select: 'resume' }]);
    await expect(runScore(options(ws), resumed.ctx)).rejects.toBeInstanceOf(InterruptedError);
    const brief = resumed.prompts.asked.find((q) => q.kind === 'page')?.lines ?? [];
    expect(brief.join(' ')).toMatch(/^Warning: this draft was started with rubric data-analyst v1\.2 \(sha256:0000000000000000\); the rubric is now/);

    const over = harness([{ select: 'start-over' }, ...FULL.slice(0, -2), { select: 'later' }]);
    await runScore(options(ws), over.ctx);
    const talk = over.stderr.join('');
    const review = talk.slice(talk.lastIndexOf('· review ·'));
    expect(review.replace(/\s+/g, ' ')).toContain('Your earlier draft is kept at');
  });

  it('goes back to the previous dimension, and skips one to come back to it, keeping the stage order', async () => {
    const ws = workspace();
    const run = harness([
      RATE_NOW,
      { rate: 'skip', expect: /Rating for SQL/ },
      { rate: 4, expect: /Rating for Communicating/ },
      { text: COMM },
      { rate: 2, expect: /Rating for SQL/ },
      { text: SQL },
      ...FULL.slice(5, 9),
      { select: 'rating:communication' },
      { rate: 3 },
      { text: '' }, // keeps the evidence given before
      { select: 'submit' },
      CONFIRM,
    ]);
    await runScore(options(ws), run.ctx);
    expect(cardAt(ws).scorecard.ratings.map((r) => [r.dimension, r.rating, r.evidence])).toEqual([
      ['sql', 2, SQL],
      ['communication', 3, COMM],
    ]);
    // Skip is offered only while another dimension is unrated; back only after the first.
    const rates = run.prompts.asked.filter((q) => q.kind === 'rate');
    expect(rates.map((q) => q.message)).toEqual(['Rating for SQL and data handling', 'Rating for Communicating findings', 'Rating for SQL and data handling', 'Rating for Communicating findings']);

    const back = workspace();
    const again = harness([RATE_NOW, FULL[1]!, FULL[2]!, { rate: 'back', expect: /Communicating/ }, { rate: 1, expect: /SQL/ }, { text: '' }, ...FULL.slice(3)]);
    await runScore(options(back), again.ctx);
    expect(again.prompts.asked.filter((q) => q.kind === 'rate')[2]).toMatchObject({ message: 'Rating for SQL and data handling', default: 3 });
    expect(cardAt(back).scorecard.ratings.map((r) => [r.dimension, r.rating, r.evidence])).toEqual([
      ['sql', 1, SQL],
      ['communication', 'insufficient', COMM],
    ]);
  });

  it('refuses back on the first dimension and skip on the last one left', async () => {
    await expect(runScore(options(workspace()), harness([RATE_NOW, { rate: 'back' }]).ctx)).rejects.toThrow(/does not offer back/);
    await expect(runScore(options(workspace()), harness([...FULL.slice(0, 3), { rate: 'skip' }]).ctx)).rejects.toThrow(/does not offer skip/);
  });

  it('takes notes during the interview, saves each at once, and offers them as the start of the evidence', async () => {
    const ws = workspace();
    const first = harness(
      [
        { select: 'question:sql-messy-join', expect: /Write a note about/ },
        { text: 'Counted rows on both sides.\nFound duplicated customer ids.', expect: /Note on Q1/ },
        { select: 'case:churn-dip' },
        { text: 'Asked which regions first.' },
      ],
      { now: () => new Date('2026-11-24T10:05:00Z') },
    );
    await expect(runScore(options(ws, { notes: true }), first.ctx)).rejects.toBeInstanceOf(InterruptedError);
    // Stopped in the middle: both notes are on disk, nothing else.
    const notes = cardAt(ws).scorecard.notes;
    expect(notes?.map((n) => [n.question ?? n.case_study, n.text])).toEqual([
      ['sql-messy-join', 'Counted rows on both sides.\nFound duplicated customer ids.'],
      ['churn-dip', 'Asked which regions first.'],
    ]);
    expect(first.stderr.join('')).toContain('0 min of 60 · now: Welcome');

    const later = harness(
      [
        { select: 'resume' },
        { select: true, expect: /Where are you/ },
        { select: 'rate', expect: /Write a note about/ },
        { rate: 3 },
        { text: '' },
        { rate: 4 },
        { text: '' },
        ...FULL.slice(5),
      ],
      { now: () => new Date('2026-11-24T10:52:00Z') },
    );
    await runScore(options(ws), later.ctx);
    expect(later.stderr.join('')).toContain('47 min of 60 · now: Question 1, with its probes');
    const evidence = later.prompts.asked.filter((q) => /Evidence/.test(q.message));
    // SQL: the note on its question, then the note on the case (which assesses both dimensions); communication: the case.
    const sqlNotes = 'Counted rows on both sides.\nFound duplicated customer ids.\nAsked which regions first.';
    expect(evidence.map((q) => q.default)).toEqual([sqlNotes, 'Asked which regions first.']);
    const { scorecard } = cardAt(ws);
    expect(scorecard.ratings.map((r) => r.evidence)).toEqual([sqlNotes, 'Asked which regions first.']);
    expect(scorecard.notes).toHaveLength(2);
    // The rating screen shows the notes for that dimension.
    expect(later.stderr.join('')).toContain('Your notes');
  });

  it('stops taking notes on request, keeping the notes and saying how to rate later', async () => {
    const ws = workspace();
    const run = harness([RATE_NOW, { select: 'general' }, { text: 'Arrived late; apologised.' }, { select: 'stop' }].map((a, i) => (i === 0 ? { select: true } : a)));
    const result = await runScore(options(ws), run.ctx);
    expect(result.status).toBe('draft');
    expect(cardAt(ws).scorecard.notes).toMatchObject([{ text: 'Arrived late; apologised.' }]);
    expect(cardAt(ws).scorecard.notes?.[0]).not.toHaveProperty('question');
    expect(run.stderr.join('')).toContain('To rate when the interview is over: hirekit');
  });

  it('lets any answer be changed on the review screen', async () => {
    const ws = workspace();
    const script = [
      ...FULL.slice(0, -2),
      { select: 'rating:sql', expect: /Submit, or change/ },
      { rate: 4 },
      { text: 'Also spotted a data-quality bug in the source table itself.' },
      { select: 'recommendation' },
      { select: 'strong-yes' },
      { select: 'submit' },
      CONFIRM,
    ];
    await runScore(options(ws), harness(script).ctx);
    const { scorecard } = cardAt(ws);
    expect(scorecard.ratings[0]).toMatchObject({ dimension: 'sql', rating: 4, evidence: 'Also spotted a data-quality bug in the source table itself.' });
    expect(scorecard.recommendation).toBe('strong-yes');
  });

  it('never submits on the default choice, and a declined confirmation leaves a draft', async () => {
    const ws = workspace();
    const run = harness([...FULL.slice(0, -2), { select: 'submit' }, { select: false, expect: /Submit and lock/ }, { select: 'later' }]);
    const result = await runScore(options(ws), run.ctx);
    expect(result.status).toBe('draft');
    expect(cardAt(ws).scorecard.status).toBe('draft');
    const review = run.prompts.asked.find((q) => /Submit, or change/.test(q.message));
    expect(review?.choices?.[0]).toBe('Keep it as a draft and finish later');
    const confirm = run.prompts.asked.find((q) => /Submit and lock/.test(q.message));
    expect(confirm?.choices?.[0]).toBe('No, back to the review');
    expect(cardAt(ws).scorecard.summary).toBe(SUMMARY);
  });

  it('locks a submitted scorecard and reopens it only with --amend and a real reason, keeping the audit trail', async () => {
    const ws = workspace();
    await runScore(options(ws), harness(FULL).ctx);
    await expect(runScore(options(ws), harness([]).ctx)).rejects.toThrow(/is locked; to change it: .* --amend --reason/);
    await expect(runScore(options(ws, { amend: true }), harness([]).ctx)).rejects.toThrow(/--amend needs --reason/);
    await expect(runScore(options(ws, { amend: true, reason: 'x' }), harness([]).ctx)).rejects.toThrow(/--reason must be a real sentence/);
    const before = cardAt(ws).scorecard;
    const later = Date.parse('2026-11-25T09:00:00Z');
    const run = harness([
      { select: 'rating:communication', expect: /Submit the amendment, or change/ },
      { rate: 2 },
      { text: 'Re-read my notes: she did present, but skipped the uncertainty.' },
      { select: 'submit' },
      { select: true, expect: /Submit the amendment in place/ },
    ]);
    await runScore(options(ws, { amend: true, reason: 'My notes had the presentation after all' }), { ...run.ctx, now: () => new Date(later) });
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
    expect(readdirSync(path.dirname(cardAt(ws).file))).toEqual(['technical--ada-lovelace.yaml']);
  });

  it('keeps the submitted scorecard byte for byte through an abandoned, resumed and discarded amendment', async () => {
    const ws = workspace();
    await runScore(options(ws), harness(FULL).ctx);
    const { file } = cardAt(ws);
    const submitted = readFileSync(file, 'utf8');
    const dir = path.dirname(file);
    const amend = options(ws, { amend: true, reason: 'Mixed up two candidates in my notes' });

    // Ctrl-C on the review screen, before any change: nothing written at all.
    await expect(runScore(amend, harness([]).ctx)).rejects.toThrow(/your submitted scorecard is unchanged and nothing of the amendment was saved/);
    expect(readFileSync(file, 'utf8')).toBe(submitted);
    expect(readdirSync(dir)).toEqual(['technical--ada-lovelace.yaml']);

    // A change, then Ctrl-C: the change waits in the working copy; the submitted file and the debrief's view are unchanged.
    const changed = harness([{ select: 'rating:sql' }, { rate: 1 }, { text: 'Could not explain why the join duplicated rows at all.' }]);
    await expect(runScore(amend, changed.ctx)).rejects.toThrow(/The amendment so far is kept apart; to finish or discard it: .* --amend$/);
    expect(readFileSync(file, 'utf8')).toBe(submitted);
    expect(readdirSync(dir).sort()).toEqual(['.technical--ada-lovelace.amendment.yaml', 'technical--ada-lovelace.yaml']);
    const out: string[] = [];
    await runStatus({ workspace: ws, rubrics: [RUBRICS] }, { env: { NO_COLOR: '1' }, cwd: process.cwd(), stdout: { write: (t) => out.push(String(t)) }, stderr: { write: () => true }, stdoutIsTTY: false });
    expect(out.join('')).toContain('technical  submitted: Ada Lovelace');

    // Plain score refuses and points at the amendment under way; --amend alone resumes it.
    await expect(runScore(options(ws), harness([]).ctx)).rejects.toThrow(/you have an amendment under way; to finish or discard it: .* --amend/);
    const resumed = harness([{ select: 'later', expect: /Submit the amendment/ }]);
    expect((await runScore(options(ws, { amend: true }), resumed.ctx)).status).toBe('draft');
    expect(resumed.stderr.join('')).toContain('Resuming your amendment');
    expect(resumed.stderr.join('')).toContain('1. SQL and data handling: 1 well below bar');

    // Discard: the working copy goes, the submitted scorecard stays exactly as it was.
    const discard = harness([{ select: 'discard' }, { select: false, expect: /Discard the amendment\?/ }, { select: 'discard' }, { select: true }]);
    expect((await runScore(options(ws, { amend: true }), discard.ctx)).status).toBe('unchanged');
    expect(readFileSync(file, 'utf8')).toBe(submitted);
    expect(readdirSync(dir)).toEqual(['technical--ada-lovelace.yaml']);
  });

  it('forgets a working copy left from an amendment that was submitted since', async () => {
    const ws = workspace();
    await runScore(options(ws), harness(FULL).ctx);
    const amend = options(ws, { amend: true, reason: 'Mixed up two candidates in my notes' });
    await expect(runScore(amend, harness([{ select: 'rating:sql' }, { rate: 1 }, { text: 'Could not explain why the join duplicated rows at all.' }]).ctx)).rejects.toBeInstanceOf(InterruptedError);
    const copy = path.join(path.dirname(cardAt(ws).file), '.technical--ada-lovelace.amendment.yaml');
    const stale = readFileSync(copy, 'utf8');
    await runScore(amend, harness([{ select: 'submit' }, { select: true }]).ctx);
    // As if a crash had left the copy behind after the amended scorecard was written.
    writeFileSync(copy, stale);
    const run = harness([{ select: 'later' }]);
    await runScore(options(ws, { amend: true, reason: 'One more change to the summary' }), run.ctx);
    expect(run.stderr.join('')).not.toContain('Resuming your amendment');
    expect(existsSync(copy)).toBe(false);
  });

  it('never shows another interviewer’s scorecard', async () => {
    const ws = workspace();
    const other = harness(FULL.map((a) => ('text' in a && a.text === SQL ? { text: 'SECRET-EVIDENCE from the other interviewer here.' } : a)));
    await runScore(options(ws, { interviewer: 'Grace Hopper' }), other.ctx);
    const run = harness(FULL);
    await runScore(options(ws), run.ctx);
    const seen = run.stderr.join('') + JSON.stringify(run.prompts.asked);
    expect(seen).not.toContain('SECRET');
    expect(seen).not.toContain('Grace');
    expect(cardAt(ws, 'grace-hopper').scorecard.ratings[0]?.evidence).toContain('SECRET');
  });

  it('asks for a missing interviewer (offering git’s user name) and stage, marking your own stages only', async () => {
    const ws = workspace();
    const run = harness([{ input: '', expect: /Interviewer/ }, { select: 'technical', expect: /Which stage/ }, ...FULL]);
    await runScore(options(ws, { stage: undefined, interviewer: undefined }), run.ctx);
    expect(run.prompts.asked[1]?.choices).toEqual(['Hiring manager screen (30 min)', 'Technical case (60 min)']);
    expect(cardAt(ws, 'git-user').scorecard.interviewer.name).toBe('Git User');

    // Git User has submitted the technical stage and has a draft of the screen; Grace has her own draft.
    await expect(runScore(options(ws, { stage: 'screen', interviewer: 'Git User' }), harness([RATE_NOW, { rate: 3 }, { text: COMM }]).ctx)).rejects.toBeInstanceOf(InterruptedError);
    await expect(runScore(options(ws, { stage: 'screen', interviewer: 'Grace Hopper' }), harness([RATE_NOW, { rate: 3 }, { text: COMM }]).ctx)).rejects.toBeInstanceOf(InterruptedError);
    const mine = harness([{ select: 'technical' }]);
    await expect(runScore(options(ws, { stage: undefined, interviewer: 'Git User' }), mine.ctx)).rejects.toThrow(/is locked/);
    expect(mine.prompts.asked[0]?.choices).toEqual(['Hiring manager screen (30 min) · your draft (1 answer)', 'Technical case (60 min) · submitted by you']);
    const someoneElse = harness([]);
    await expect(runScore(options(ws, { stage: undefined, interviewer: 'Ada Lovelace' }), someoneElse.ctx)).rejects.toBeInstanceOf(InterruptedError);
    expect(someoneElse.prompts.asked[0]?.choices).toEqual(['Hiring manager screen (30 min)', 'Technical case (60 min)']);
  });

  it('fits the stage picker to a 40-column terminal, your mark kept whole', async () => {
    const ws = workspace();
    await runScore(options(ws, { stage: 'technical', interviewer: 'Git User' }), harness(FULL).ctx);
    const narrow = harness([], { columns: 40 });
    await expect(runScore(options(ws, { stage: undefined, interviewer: 'Git User' }), narrow.ctx)).rejects.toBeInstanceOf(InterruptedError);
    const choices = narrow.prompts.asked[0]?.choices ?? [];
    expect(choices).toEqual(['Hiring manager screen (30 min)', 'Technical case (6… · submitted by you']);
    for (const choice of choices) expect(stringWidth(choice) + 2, choice).toBeLessThanOrEqual(39);
  });

  it('refuses to prompt without a terminal and names --answers', async () => {
    const run = harness(FULL, { stdinIsTTY: false });
    await expect(runScore(options(workspace()), run.ctx)).rejects.toThrow(UsageError);
    await expect(runScore(options(workspace()), run.ctx)).rejects.toThrow(/--answers FILE\.yaml/);
    expect(run.prompts.asked).toEqual([]);
  });

  it('asks before creating a workspace at a path that holds none, and refuses under --answers', async () => {
    const parent = workspace();
    const typo = path.join(parent, 'hirng');
    await expect(runScore(options(typo), harness([{ select: false, expect: /Create a workspace at/ }]).ctx)).rejects.toThrow(`${typo}: does not exist; create a workspace with: hirekit init ${typo}`);
    expect(existsSync(typo)).toBe(false);
    await expect(runScore(options(typo, { answers: path.join(ANSWERS, 'technical-complete.yaml') }), harness([]).ctx)).rejects.toThrow(
      `${typo}: does not exist; create a workspace with: hirekit init ${typo}`,
    );
    writeFileSync(path.join(parent, 'notes.txt'), 'not a workspace');
    await expect(runScore(options(parent, { answers: path.join(ANSWERS, 'technical-complete.yaml') }), harness([]).ctx)).rejects.toThrow(/holds no hirekit workspace \(no candidates\/ folder\)/);
    const run = harness([{ select: true, expect: /Create a workspace at/ }, ...FULL]);
    expect((await runScore(options(typo), run.ctx)).status).toBe('submitted');
    expect(readFileSync(path.join(typo, 'README.md'), 'utf8')).toContain('personal data');
  });

  it('refuses an unknown stage with the stages of the loop', async () => {
    await expect(runScore(options(workspace(), { stage: 'tecnical' }), harness([]).ctx)).rejects.toThrow(
      "role data-analyst has no stage 'tecnical' (did you mean 'technical'?); its stages are: screen, technical",
    );
  });

  it('keeps files inside the workspace whatever the names are', async () => {
    const ws = workspace();
    const result = await runScore(options(ws, { candidate: '../../etc', interviewer: '../..' }), harness(FULL.map((a) => (('select' in a && a.select === 'yes') ? { select: 'yes' } : a)).map((a) => ('expect' in a && /Hire/.test(String(a.expect)) ? { select: 'yes' } : a))).ctx);
    expect(path.relative(ws, result.file)).toMatch(/^candidates\/etc\/scorecards\/technical--person-[0-9a-f]{10}\.yaml$/);
  });

  it('refuses a second person whose name slugs the same as an existing candidate', async () => {
    const ws = workspace();
    await runScore(options(ws), harness(FULL).ctx);
    await expect(runScore(options(ws, { candidate: 'Zoe Lukasz', interviewer: 'Grace Hopper' }), harness(FULL).ctx)).rejects.toThrow(
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
    rate: (q) => prompts.rate(q),
    text: (q) => prompts.text(q),
    page: (q) => prompts.page(q),
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
  const RATED = FULL.slice(0, 5);
  const TWO_FLAGS: ScriptedAnswer = { checkbox: ['checks-counts', 'blames-data'], expect: /Flags/ };

  it('keeps the ticks when stopped before the notes, asks the first note on resume, then the second', async () => {
    const ws = workspace();
    await expect(runScore(options(ws), harness([...RATED, TWO_FLAGS]).ctx)).rejects.toBeInstanceOf(InterruptedError);
    expect(cardAt(ws).scorecard.flags).toEqual([]);
    expect(pendingAt(ws)).toEqual({ flags: ['checks-counts', 'blames-data'] });

    // Resumed: straight to the first ticked flag's note, no checkbox; stopped again before the second note.
    const second = harness([{ select: 'resume' }, { text: NOTE, expect: /Note/ }]);
    await expect(runScore(options(ws), second.ctx)).rejects.toBeInstanceOf(InterruptedError);
    expect(second.prompts.asked.map((q) => q.kind)).toEqual(['select', 'page', 'text', 'text']);
    const talk = second.stderr.join('');
    expect(talk).toContain('Before stopping you ticked 2 flags without a note yet');
    expect(talk.indexOf('+ Checks row counts')).toBeLessThan(talk.indexOf('− Blames the data'));
    expect(cardAt(ws).scorecard.flags).toMatchObject([{ flag: 'checks-counts', kind: 'green', note: NOTE }]);
    expect(pendingAt(ws)).toEqual({ flags: ['blames-data'] });

    // The last note, then the rest of the stage; going back to the checkbox shows both ticked.
    const third = harness([{ select: 'resume' }, { text: BLAME, expect: /Note/ }, ...FULL.slice(7, 9), { select: 'flags' }, TWO_FLAGS, { select: 'submit' }, CONFIRM]);
    const ticks = watchingTicks(third.prompts);
    expect((await runScore(options(ws), { ...third.ctx, prompts: () => Promise.resolve(ticks.ask) })).status).toBe('submitted');
    expect(ticks.preTicked).toEqual([['checks-counts', 'blames-data']]);
    expect(cardAt(ws).scorecard.flags.map((f) => [f.flag, f.note])).toEqual([
      ['checks-counts', NOTE],
      ['blames-data', BLAME],
    ]);
    expect(readdirSync(path.dirname(cardAt(ws).file))).toEqual(['technical--ada-lovelace.yaml']);
  });

  it('keeps a flag ticked on the review screen until its note is written, and returns to that note', async () => {
    const ws = workspace();
    const script = [...FULL.slice(0, -2), { select: 'flags' }, TWO_FLAGS];
    await expect(runScore(options(ws), harness(script).ctx)).rejects.toBeInstanceOf(InterruptedError);
    expect(cardAt(ws).scorecard.flags.map((f) => f.flag)).toEqual(['checks-counts']);
    expect(pendingAt(ws)).toEqual({ flags: ['blames-data'] });

    // The recommendation was given already; the pending note is still asked before the review.
    const run = harness([{ select: 'resume' }, { text: BLAME, expect: /Note/ }, { select: 'submit', expect: /Submit/ }, CONFIRM]);
    expect((await runScore(options(ws), run.ctx)).status).toBe('submitted');
    expect(cardAt(ws).scorecard.flags.map((f) => f.flag)).toEqual(['checks-counts', 'blames-data']);
    expect(pendingAt(ws)).toBeUndefined();
  });

  it('drops an unticked flag and its note on the review screen', async () => {
    const ws = workspace();
    const run = harness([...FULL.slice(0, -2), { select: 'flags' }, { checkbox: [] }, { select: 'submit' }, CONFIRM]);
    const ticks = watchingTicks(run.prompts);
    await runScore(options(ws), { ...run.ctx, prompts: () => Promise.resolve(ticks.ask) });
    expect(ticks.preTicked).toEqual([[], ['checks-counts']]);
    expect(cardAt(ws).scorecard.flags).toEqual([]);
    expect(pendingAt(ws)).toBeUndefined();
  });

  it('forgets pending ticks when the draft is started over', async () => {
    const ws = workspace();
    await expect(runScore(options(ws), harness([...RATED, TWO_FLAGS]).ctx)).rejects.toBeInstanceOf(InterruptedError);
    const run = harness([{ select: 'start-over' }, ...FULL]);
    await runScore(options(ws), run.ctx);
    expect(run.prompts.remaining).toBe(0);
    expect(cardAt(ws).scorecard.flags.map((f) => f.flag)).toEqual(['checks-counts']);
    expect(pendingAt(ws)).toBeUndefined();
  });

  it('still offers a rating chosen before an upgrade, from the older pending file', async () => {
    const ws = workspace();
    await expect(runScore(options(ws), harness(FULL.slice(0, 3)).ctx)).rejects.toBeInstanceOf(InterruptedError);
    writeFileSync(path.join(path.dirname(cardAt(ws).file), PENDING), 'dimension: communication\nrating: 4\n');
    const run = harness(RESUME(3));
    await runScore(options(ws), run.ctx);
    expect(run.prompts.asked.find((q) => q.kind === 'rate')).toMatchObject({ message: 'Rating for Communicating findings', default: 4 });
  });
});

describe('hirekit score: leftovers of a killed write', () => {
  it('removes this scorecard’s stale temp files when a session starts and keeps everything else', async () => {
    const ws = workspace();
    await expect(runScore(options(ws), harness(FULL.slice(0, 3)).ctx)).rejects.toBeInstanceOf(InterruptedError);
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

    await runScore(options(ws), harness(RESUME(3)).ctx);
    const left = readdirSync(dir);
    for (const name of removed) expect(left).not.toContain(name);
    expect(left.sort()).toEqual([...kept, 'technical--ada-lovelace.yaml'].sort());
  });
});

describe('hirekit score --answers', () => {
  it('submits a complete answers file with the same checks', async () => {
    const ws = workspace();
    const run = harness([], { stdinIsTTY: false });
    const result = await runScore(options(ws, { answers: path.join(ANSWERS, 'technical-complete.yaml') }), run.ctx);
    expect(result.status).toBe('submitted');
    expect(run.prompts.asked).toEqual([]);
    const { scorecard } = cardAt(ws);
    expect(scorecard.ratings.map((r) => r.rating)).toEqual([3, 'insufficient']);
    expect(scorecard.flags.map((f) => f.flag)).toEqual(['checks-counts']);
  });

  it('says what it submitted in one line for a log, and wrapped at words on a narrow terminal', async () => {
    const logged = harness([], { stdinIsTTY: false, stderrIsTTY: false, columns: 40 });
    await runScore(options(workspace(), { answers: path.join(ANSWERS, 'technical-complete.yaml') }), logged.ctx);
    expect(logged.stderr.join('')).toBe('Submitted: Zoë Łukasz, Technical case, by Ada Lovelace (Yes)\n');
    const narrow = harness([], { stdinIsTTY: false, stderrIsTTY: true, columns: 40 });
    await runScore(options(workspace(), { answers: path.join(ANSWERS, 'technical-complete.yaml') }), narrow.ctx);
    expect(narrow.stderr.join('')).toBe('Submitted: Zoë Łukasz, Technical case,\nby Ada Lovelace (Yes)\n');
  });

  it('keeps a partial answers file as a draft with --draft, and refuses it without', async () => {
    const ws = workspace();
    const partial = path.join(ANSWERS, 'technical-partial.yaml');
    await expect(runScore(options(ws, { answers: partial }), harness([]).ctx)).rejects.toThrow(/technical-partial\.yaml:2:1 {2}missing recommendation [^\n]*\n[\s\S]*technical-partial\.yaml: 3 problems; see docs\/answers-file\.md$/);
    expect(existsSync(path.join(ws, 'candidates'))).toBe(false);
    const result = await runScore(options(ws, { answers: partial, draft: true }), harness([]).ctx);
    expect(result.status).toBe('draft');
    expect(cardAt(ws).scorecard.ratings.map((r) => r.rating)).toEqual([2]);
  });

  it('replaces a draft (backed up) and amends a submitted scorecard with a reason', async () => {
    const ws = workspace();
    await runScore(options(ws, { answers: path.join(ANSWERS, 'technical-partial.yaml'), draft: true }), harness([]).ctx);
    await runScore(options(ws, { answers: path.join(ANSWERS, 'technical-complete.yaml') }), harness([]).ctx);
    expect(readdirSync(path.join(ws, 'candidates', 'zoe-lukasz', 'backups'))).toHaveLength(1);
    await expect(runScore(options(ws, { answers: path.join(ANSWERS, 'technical-complete.yaml') }), harness([]).ctx)).rejects.toBeInstanceOf(DataError);
    await runScore(options(ws, { answers: path.join(ANSWERS, 'technical-complete.yaml'), amend: true, reason: 'Resubmitted after review' }), harness([]).ctx);
    expect(cardAt(ws).scorecard.audit.map((a) => a.action)).toEqual(['start-over', 'amend']);
  });

  it('requires candidate, stage and interviewer on the command line', async () => {
    const answers = path.join(ANSWERS, 'technical-complete.yaml');
    await expect(runScore(options(workspace(), { answers, stage: undefined }), harness([]).ctx)).rejects.toThrow(/--stage ID is required with --answers; stages of data-analyst: screen, technical/);
    await expect(runScore(options(workspace(), { answers, interviewer: undefined }), harness([]).ctx)).rejects.toThrow(/--interviewer NAME is required/);
  });

  it('refuses --draft without --answers and --amend without --reason', async () => {
    await expect(runScore(options(workspace(), { draft: true }), harness([]).ctx)).rejects.toThrow(/--draft only applies with --answers/);
    await expect(runScore(options(workspace(), { amend: true }), harness([], { stdinIsTTY: false }).ctx)).rejects.toThrow(/--amend needs --reason/);
    await expect(runScore(options(workspace(), { amend: true }), harness([]).ctx)).rejects.toThrow(/--amend: there is no submitted scorecard to amend/);
  });
});

describe('hirekit status and init', () => {
  it('shows who submitted, who has a draft and which stages have no scorecard, never ratings', async () => {
    const ws = workspace();
    await runScore(options(ws), harness(FULL).ctx);
    await expect(runScore(options(ws, { interviewer: 'Grace Hopper' }), harness(FULL.slice(0, 3)).ctx)).rejects.toBeInstanceOf(InterruptedError);
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
