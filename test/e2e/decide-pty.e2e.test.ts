// `hirekit decide` in a real pseudo-terminal, as a committee uses it: the knockout overridden with a reason,
// each dimension settled after the panel's ratings are shown, Ctrl-C and resume, the decision, who took part
// and dissent; then an amendment abandoned mid-way (the submitted decision stands) and discarded.
// Run `npm run build` first.
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pty from '@lydell/node-pty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Decision } from '../../src/core/decision.js';
import { BIN, FIXTURES, ROOT, tempDir } from '../helpers/cli.js';

const DOWN = '\x1b[B';
const UP = '\x1b[A';
const ENTER = '\r';
const CTRL_C = '\x03';
const OVERRIDE = 'Two references confirm she led the migration; the panel heard shared credit as a claim.';
const reason = (what: string): string => `After hearing the panel the committee settles ${what} here.`;

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

let tmp: ReturnType<typeof tempDir>;
let ws: string;
beforeAll(() => {
  tmp = tempDir('hirekit-decide-pty-');
  ws = path.join(tmp.dir, 'hiring');
  cpSync(path.join(FIXTURES, 'workspaces', 'extra-candidates', 'kwame-mensah'), path.join(ws, 'candidates', 'kwame-mensah'), { recursive: true });
});
afterAll(() => tmp.cleanup());

const FORCE = ['--force', '--reason', 'The writing-sample reviewer has left the company.'];
const args = (...extra: string[]): string[] => ['--rubrics', path.join(FIXTURES, 'workspaces', 'rubrics'), '--workspace', ws, 'decide', 'Kwame Mensah', ...extra];
const record = (): Decision => Decision.parse(parse(readFileSync(path.join(ws, 'candidates', 'kwame-mensah', 'decision.yaml'), 'utf8')));

describe('hirekit decide in a pseudo-terminal', () => {
  it('records the decision in MAP order, survives Ctrl-C, resumes and submits', async () => {
    const first = new Session(args(...FORCE));
    await first.waitFor('Concerns');
    await first.waitFor('Knockout raised: Claims ownership of work that references attribute to others.');
    await first.waitFor('Aoife Ní Bhriain (Partner team panel)');
    await first.answer("The committee's ruling on", `${DOWN}${ENTER}`);
    await first.answer('Why does the committee override this knockout?', `${OVERRIDE}${ENTER}`);
    // The agenda's dimension first (below the bar), the panel's ratings shown before the question.
    await first.waitFor('Technical leadership (2 of 7');
    await first.waitFor('The panel’s individual ratings:');
    await first.waitFor('Дмитрий Соколов');
    await first.waitFor('Aoife Ní Bhriain');
    await first.answer("Consensus on Technical leadership", `${DOWN}${DOWN}${ENTER}`);
    await first.answer('Reason: what in the evidence settles it?', `${reason('technical leadership')}${ENTER}`);
    await first.waitFor('Reliability and operations (3 of 7');
    await first.answer("Consensus on Reliability and operations", CTRL_C);
    expect((await first.exited).exitCode).toBe(130);
    expect(first.text()).toMatch(/every answer given is saved in .*decision\.yaml\. To carry on where you stopped: hirekit .*decide 'Kwame Mensah'/);
    const draft = record();
    expect(draft.submitted).toBeNull();
    expect(draft.draft).toMatchObject({ knockouts: [{ flag: 'misstates-ownership', ruling: 'overridden', reason: OVERRIDE }], consensus: [{ dimension: 'technical-leadership', level: 3 }] });

    const second = new Session(args(...FORCE));
    await second.answer('Resume it or start over?', ENTER);
    for (const [name, keys] of [
      ['Reliability and operations', `${DOWN}${DOWN}${DOWN}${ENTER}`],
      ['Developer experience', `${DOWN}${DOWN}${ENTER}`],
      ['Cost and capacity', `${DOWN}${DOWN}${ENTER}`],
      ['Platform architecture', `${DOWN}${DOWN}${ENTER}`],
      ['Written communication', `${DOWN}${DOWN}${DOWN}${DOWN}${ENTER}`],
    ] as const) {
      await second.answer(`Consensus on ${name}`, keys);
      await second.answer('Reason: what in the evidence settles it?', `${reason(name)}${ENTER}`);
    }
    await second.answer('The committee decides to', ENTER);
    await second.answer('Rationale: why, in a few sentences', `Strong on design and operations; the ownership claim was cleared by references.${ENTER}`);
    await second.answer('Who took part in the decision', ` ${DOWN} ${ENTER}`);
    await second.answer('Anyone else who took part', `Wei Zhang (张伟)${ENTER}`);
    await second.answer('Who dissents from the decision', `${DOWN} ${ENTER}`);
    await second.answer("Σοφία Παππά's dissent, in their words", `I would wait for the writing sample before advancing.${ENTER}`);
    await second.waitFor('Review the committee’s record');
    await second.answer('Submit the decision, or change an answer?', ENTER);
    expect((await second.exited).exitCode).toBe(0);
    expect(second.text()).toContain('Submitted.');

    const done = record();
    expect(done.draft).toBeNull();
    expect(done.submitted).toMatchObject({
      outcome: 'advance',
      participants: ['Дмитрий Соколов', 'Σοφία Παππά', 'Wei Zhang (张伟)'],
      dissent: [{ name: 'Σοφία Παππά', note: 'I would wait for the writing sample before advancing.' }],
      forced: { submitted: 3, min_scorecards: 4 },
    });
    expect(done.submitted?.consensus.map((c) => [c.dimension, c.level])).toEqual([
      ['technical-leadership', 3],
      ['reliability-operations', 4],
      ['developer-experience', 3],
      ['cost-capacity', 3],
      ['platform-architecture', 3],
      ['written-communication', 'insufficient'],
    ]);
  }, 60_000);

  it('keeps the submitted decision while an amendment is abandoned, then discards the amendment', async () => {
    const amend = new Session(args('--amend', ...FORCE));
    await amend.waitFor('Amending the submitted decision');
    await amend.waitFor('Review the committee’s record');
    // submit, the knockout, then Technical leadership: the third choice.
    await amend.answer('Submit the decision, or change an answer?', `${DOWN}${DOWN}${ENTER}`);
    await amend.answer("Consensus on Technical leadership", `${UP}${ENTER}`);
    await amend.answer('Reason: what in the evidence settles it?', `On reflection the ownership story weighs on leadership too.${ENTER}`);
    await amend.waitFor('Review the committee’s record');
    await amend.answer('Submit the decision, or change an answer?', CTRL_C);
    expect((await amend.exited).exitCode).toBe(130);
    expect(amend.text()).toContain('The submitted decision stands until an amended one is submitted.');
    const abandoned = record();
    expect(abandoned.submitted?.consensus.find((c) => c.dimension === 'technical-leadership')?.level).toBe(3);
    expect(abandoned.draft?.consensus.find((c) => c.dimension === 'technical-leadership')?.level).toBe(2);
    expect(abandoned.draft?.amend_reason).toBe('The writing-sample reviewer has left the company.');

    const discard = new Session(args(...FORCE));
    await discard.answer('Resume it or start over?', ENTER);
    await discard.waitFor('Review the committee’s record');
    // submit, knockout, six dimensions, the decision, later, discard: the eleventh choice.
    await discard.answer('Submit the decision, or change an answer?', `${DOWN.repeat(10)}${ENTER}`);
    expect((await discard.exited).exitCode).toBe(0);
    expect(discard.text()).toContain('Amendment discarded; the submitted decision stands unchanged.');
    const after = record();
    expect(after.draft).toBeNull();
    expect(after.submitted?.consensus.find((c) => c.dimension === 'technical-leadership')?.level).toBe(3);
    expect(after.audit.map((a) => a.action)).toEqual(['submitted', 'amendment-started', 'amendment-discarded']);
  }, 60_000);
});
