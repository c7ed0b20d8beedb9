// `hirekit score` in a real pseudo-terminal, as an interviewer uses it: arrow keys, typing, Ctrl-C,
// resume, submit; and a SIGKILL right after an answer. Run `npm run build` first.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import pty from '@lydell/node-pty';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Scorecard } from '../../src/core/scorecard.js';
import { BIN, FIXTURES, ROOT, tempDir } from '../helpers/cli.js';

const DOWN = '\x1b[B';
const ENTER = '\r';
const SQL = 'Counted rows before and after the join and found the duplicates.';
const COMM = 'Anticipated the product lead’s follow-up and showed what would change.';
const NOTE = 'Summed order totals on both sides of the join before trusting it.';
const SUMMARY = 'Careful with data and clear with people; I would hire her.';
const PENDING = '.technical--ada-lovelace.pending.yaml';

/** One run of the built binary in a pty, with helpers that wait for text instead of sleeping. */
class Session {
  private output = '';
  private seen = 0;
  readonly exited: Promise<{ exitCode: number; signal?: number }>;
  private readonly term: pty.IPty;

  constructor(args: string[]) {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('HIREKIT_')) env[k] = v;
    this.term = pty.spawn(process.execPath, [BIN, ...args], { name: 'xterm', cols: 80, rows: 40, cwd: ROOT, env: { ...env, NO_COLOR: '1' } });
    this.term.onData((data) => {
      this.output += data;
    });
    this.exited = new Promise((resolve) => this.term.onExit(resolve));
  }

  /** Plain text printed so far, without terminal escapes. */
  text(): string {
    // eslint-disable-next-line no-control-regex
    return this.output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
  }

  /** Waits until `needle` appears in output printed after the previous wait. */
  async waitFor(needle: string, timeoutMs = 8000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = this.text().indexOf(needle, this.seen);
      if (at >= 0) {
        this.seen = at + needle.length;
        return;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for "${needle}"; screen ends with:\n${this.text().slice(-1500)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async answer(prompt: string, keys: string): Promise<void> {
    await this.waitFor(prompt);
    this.term.write(keys);
  }

  kill(signal: string): void {
    this.term.kill(signal);
  }

  write(keys: string): void {
    this.term.write(keys);
  }
}

const temps: Array<() => void> = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));

function args(ws: string): string[] {
  return ['--rubrics', path.join(FIXTURES, 'rubrics'), '--workspace', ws, 'score', 'data-analyst', '--candidate', 'Zoë Łukasz', '--stage', 'technical', '--interviewer', 'Ada Lovelace'];
}

function scorecardIn(ws: string): Scorecard {
  const file = path.join(ws, 'candidates', 'zoe-lukasz', 'scorecards', 'technical--ada-lovelace.yaml');
  return Scorecard.parse(parse(readFileSync(file, 'utf8')));
}

describe('hirekit score in a pseudo-terminal', () => {
  it('survives Ctrl-C with exit 130 and the draft on disk, then resumes and submits', async () => {
    const { dir: ws, cleanup } = tempDir('hirekit-pty-');
    temps.push(cleanup);

    const first = new Session(args(ws));
    await first.waitFor('Dimension 1 of 2: SQL and data handling');
    await first.answer('Rating for SQL and data handling', `${DOWN}${DOWN}${ENTER}`);
    await first.answer('Evidence: what did the candidate say or do?', `${SQL}${ENTER}`);
    await first.waitFor('Dimension 2 of 2: Communicating findings');
    await first.answer('Rating for Communicating findings', '\x03');
    const stopped = await first.exited;
    expect(stopped.exitCode).toBe(130);
    expect(first.text()).toMatch(/To carry on where you stopped: hirekit --rubrics .* score data-analyst --candidate 'Zoë Łukasz' --stage technical --interviewer 'Ada Lovelace'/);
    const draft = scorecardIn(ws);
    expect(draft.status).toBe('draft');
    expect(draft.ratings).toMatchObject([{ dimension: 'sql', rating: 3, evidence: SQL }]);

    const second = new Session(args(ws));
    await second.waitFor('You have a draft for Zoë Łukasz');
    await second.answer('Resume the draft or start over?', ENTER);
    await second.waitFor('Resuming: 1 of 2 dimensions rated so far.');
    await second.answer('Rating for Communicating findings', `${DOWN}${DOWN}${DOWN}${ENTER}`);
    await second.answer('Evidence: what did the candidate say or do?', `${COMM}${ENTER}`);
    await second.answer('Flags you saw', ` ${ENTER}`);
    await second.answer('Note: what happened that raised this flag?', `${NOTE}${ENTER}`);
    await second.answer('Hire Zoë Łukasz?', `${DOWN}${DOWN}${ENTER}`);
    await second.answer('Summary:', `${SUMMARY}${ENTER}`);
    await second.waitFor('Review: Zoë Łukasz · Technical case');
    await second.answer('Submit, or change an answer?', ENTER);
    expect((await second.exited).exitCode).toBe(0);
    expect(second.text()).toContain('Submitted.');

    const submitted = scorecardIn(ws);
    expect(submitted.status).toBe('submitted');
    expect(submitted.ratings.map((r) => [r.dimension, r.rating, r.evidence])).toEqual([
      ['sql', 3, SQL],
      ['communication', 4, COMM],
    ]);
    expect(submitted.flags).toMatchObject([{ flag: 'checks-counts', kind: 'green', note: NOTE }]);
    expect(submitted.recommendation).toBe('yes');
    expect(submitted.summary).toBe(SUMMARY);
    expect(submitted.created_at).toBe(draft.created_at);
  }, 30_000);

  it('keeps an answer that was given when the process is SIGKILLed right after it', async () => {
    const { dir: ws, cleanup } = tempDir('hirekit-pty-kill-');
    temps.push(cleanup);
    const session = new Session(args(ws));
    await session.answer('Rating for SQL and data handling', `${DOWN}${ENTER}`);
    await session.answer('Evidence: what did the candidate say or do?', `${SQL}${ENTER}`);
    // Each question is drawn only after the answer before it has been saved; kill the moment the next one shows.
    await session.answer('Rating for Communicating findings', `${DOWN}${DOWN}${DOWN}${ENTER}`);
    await session.waitFor('Evidence: what did the candidate say or do?');
    session.kill('SIGKILL');
    const killed = await session.exited;
    expect(killed.signal).toBe(9);
    const draft = scorecardIn(ws);
    expect(draft.status).toBe('draft');
    expect(draft.ratings).toMatchObject([{ dimension: 'sql', rating: 2, evidence: SQL }]);
    // The rating chosen for communication, whose evidence was never typed, waits beside the draft.
    const dir = path.join(ws, 'candidates', 'zoe-lukasz', 'scorecards');
    // The killed session's lock stays behind; its pid is dead, so the next run takes it over at once.
    expect(readdirSync(dir).sort()).toEqual(['.technical--ada-lovelace.pending.yaml', '.technical--ada-lovelace.yaml.lock', 'technical--ada-lovelace.yaml']);
    expect(parse(readFileSync(path.join(dir, '.technical--ada-lovelace.pending.yaml'), 'utf8'))).toEqual({ rating: { dimension: 'communication', rating: 4 } });
  }, 20_000);

  it('keeps flags ticked before their notes through Ctrl-C and a SIGKILL between two notes', async () => {
    const { dir: ws, cleanup } = tempDir('hirekit-pty-flags-');
    temps.push(cleanup);
    const dir = path.join(ws, 'candidates', 'zoe-lukasz', 'scorecards');

    const first = new Session(args(ws));
    await first.answer('Rating for SQL and data handling', `${DOWN}${DOWN}${ENTER}`);
    await first.answer('Evidence: what did the candidate say or do?', `${SQL}${ENTER}`);
    await first.answer('Rating for Communicating findings', `${DOWN}${DOWN}${DOWN}${ENTER}`);
    await first.answer('Evidence: what did the candidate say or do?', `${COMM}${ENTER}`);
    // Tick the first flag (checks-counts) and the third (blames-data), then stop at the first note.
    await first.answer('Flags you saw', ` ${DOWN}${DOWN} ${ENTER}`);
    await first.answer('Note: what happened that raised this flag?', '\x03');
    expect((await first.exited).exitCode).toBe(130);
    expect(scorecardIn(ws).flags).toEqual([]);
    expect(parse(readFileSync(path.join(dir, PENDING), 'utf8'))).toEqual({ flags: ['checks-counts', 'blames-data'] });

    const second = new Session(args(ws));
    await second.answer('Resume the draft or start over?', ENTER);
    await second.waitFor('Before stopping you ticked 2 flags without a note yet');
    await second.waitFor('+ Checks row counts');
    await second.answer('Note: what happened that raised this flag?', `${NOTE}${ENTER}`);
    // The second flag is shown only after the first note is saved; kill the moment it shows.
    await second.waitFor('− Blames the data');
    second.kill('SIGKILL');
    expect((await second.exited).signal).toBe(9);
    expect(second.text()).not.toContain('Flags you saw');
    expect(scorecardIn(ws).flags).toMatchObject([{ flag: 'checks-counts', kind: 'green', note: NOTE }]);
    expect(parse(readFileSync(path.join(dir, PENDING), 'utf8'))).toEqual({ flags: ['blames-data'] });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 30_000);
});
