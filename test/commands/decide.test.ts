// `hirekit decide` in-process through scripted prompts: the questions come in MAP order, each dimension's
// panel ratings and evidence are on screen before its consensus question, the decision is asked last, an
// override without a real reason is asked again, and stdin without a terminal is refused.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runDecide } from '../../src/commands/decide.js';
import { Decision } from '../../src/core/decision.js';
import { scriptedPrompts, type ScriptedAnswer } from '../../src/prompts/scripted.js';
import { FIXTURES } from '../helpers/cli.js';
import { fakeContext } from '../helpers/context.js';

const RUBRICS = [path.join(FIXTURES, 'workspaces', 'rubrics')];
const REASON = 'The committee weighed both accounts and settled here.';
let dir: string;
let ws: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hirekit-decide-'));
  ws = path.join(dir, 'hiring');
  cpSync(path.join(FIXTURES, 'workspaces', 'extra-candidates', 'kwame-mensah'), path.join(ws, 'candidates', 'kwame-mensah'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = () => ({ candidate: 'kwame-mensah', workspace: ws, rubrics: RUBRICS, force: true, reason: 'The writing reviewer has left the company.' });

describe('hirekit decide (in-process)', () => {
  it('refuses to prompt without a terminal', async () => {
    await expect(runDecide(options(), fakeContext({ cwd: dir }))).rejects.toThrow(/no terminal to ask the questions on .* --answers FILE\.yaml/);
  });

  it('asks in MAP order, shows the panel before each consensus, and decides last', async () => {
    const consensus = (name: string, level: number | 'insufficient'): ScriptedAnswer[] => [
      { select: level, expect: new RegExp(`^Consensus on ${name}$`) },
      { input: REASON, expect: /Reason/ },
    ];
    const prompts = scriptedPrompts([
      { select: 'overridden', expect: /ruling on "Claims ownership/ },
      { input: 'no', expect: /override this knockout/ },
      { input: 'Two references confirm she led the migration herself.', expect: /override this knockout/ },
      ...consensus('Technical leadership', 3),
      ...consensus('Reliability and operations', 4),
      ...consensus('Developer experience', 3),
      ...consensus('Cost and capacity', 3),
      ...consensus('Platform architecture', 3),
      ...consensus('Written communication', 'insufficient'),
      { select: 'hold', expect: /decides to/ },
      { input: 'We hold until the writing sample is reviewed by someone else.', expect: /Rationale/ },
      { checkbox: ['Дмитрий Соколов', 'Aoife Ní Bhriain'], expect: /Who took part/ },
      { input: 'Zoë Łukasz', expect: /Anyone else/ },
      { checkbox: [], expect: /Who dissents/ },
      { select: 'submit', expect: /Submit the decision/ },
    ]);
    const ctx = fakeContext({ cwd: dir, prompts, stdinIsTTY: true });
    const result = await runDecide(options(), ctx);
    expect(result.state).toBe('submitted');
    expect(prompts.remaining).toBe(0);
    expect(prompts.asked[1]?.refused).toMatch(/real sentence/);

    // Before the consensus question on Technical leadership, both ratings and their evidence were shown.
    const screen = ctx.err();
    const question = screen.indexOf('Technical leadership (2 of 7');
    expect(question).toBeGreaterThan(-1);
    const shown = screen.slice(question, screen.indexOf('Reliability and operations (3 of 7'));
    expect(shown).toMatch(/Дмитрий Соколов \(Hiring manager screen, meets bar\)/);
    expect(shown).toMatch(/2 Aoife Ní Bhriain \(Partner team panel, below bar\)/);
    expect(shown).toContain('On the agenda: Technical leadership: 2.5, below the bar of 3');

    const record = Decision.parse(parse(readFileSync(result.file, 'utf8')));
    expect(record.submitted).toMatchObject({ outcome: 'hold', participants: ['Дмитрий Соколов', 'Aoife Ní Bhriain', 'Zoë Łukasz'], dissent: [] });
    expect(ctx.out()).toBe(`${result.file}\n`);
  });
});
