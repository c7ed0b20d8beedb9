// `hirekit score` in a real pseudo-terminal at 80x24, as an interviewer sees it: the output goes through a
// headless terminal emulator, so each check is about what is on the screen. Run `npm run build` first.
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Scorecard } from '../../src/core/scorecard.js';
import { planFor } from '../../src/core/scoring.js';
import { loadCatalog } from '../../src/io/rubrics.js';
import { FIXTURES, runCli, tempDir } from '../helpers/cli.js';
import { KEY, Screen } from '../helpers/screen.js';

const RUBRICS = path.join(FIXTURES, 'rubrics');
const SQL = 'Counted rows before and after the join and found the duplicates.';
const COMM = 'Anticipated the product lead’s follow-up and showed what would change.';
const NOTE = 'Summed order totals on both sides of the join before trusting it.';
const SUMMARY = 'Careful with data and clear with people; I would hire her.';

const screens: Screen[] = [];
const temps: Array<() => void> = [];
afterEach(() => {
  screens.splice(0).forEach((s) => s.dispose());
  temps.splice(0).forEach((cleanup) => cleanup());
});

function workspace(): string {
  const { dir, cleanup } = tempDir('hirekit-pty-');
  temps.push(cleanup);
  return dir;
}

function open(args: string[], env: Record<string, string | undefined> = {}): Screen {
  const screen = new Screen(args, { env });
  screens.push(screen);
  return screen;
}

function args(ws: string, ...extra: string[]): string[] {
  return ['--rubrics', RUBRICS, '--workspace', ws, 'score', 'data-analyst', '--candidate', 'Zoë Łukasz', '--stage', 'technical', '--interviewer', 'Ada Lovelace', ...extra];
}

function fileIn(ws: string): string {
  return path.join(ws, 'candidates', 'zoe-lukasz', 'scorecards', 'technical--ada-lovelace.yaml');
}

function scorecardIn(ws: string): Scorecard {
  return Scorecard.parse(parse(readFileSync(fileIn(ws), 'utf8')));
}

/** Past the brief (q leaves the pager) and "the interview is over", to the first rating screen. */
async function toRating(screen: Screen): Promise<void> {
  await screen.answer(/(q|Enter): start/, 'q');
  await screen.answer('Where are you in the interview?', `${KEY.down}${KEY.enter}`);
}

describe('the rating screen at 80x24, for every stage of every bundled rubric', async () => {
  const catalog = await loadCatalog({ rubrics: [], env: {} });
  const rubrics = [...catalog.byId.values()].map((l) => l.rubric);

  it('finds the bundled rubrics', () => {
    expect(rubrics.map((r) => r.role.id).sort()).toEqual(['head-of-ml', 'ml-scientist', 'senior-director-data-science', 'senior-ml-engineer']);
  });

  for (const rubric of rubrics) {
    it(`${rubric.role.id}: shows each dimension's name with the start of a question it asks (or the case), the header on top and the keys at the bottom`, async () => {
      for (const stage of rubric.loop) {
        const plan = planFor(rubric, stage.id);
        if (!plan) throw new Error(`no plan for ${stage.id}`);
        const ws = workspace();
        const screen = open(['--workspace', ws, 'score', rubric.role.id, '--candidate', 'Wei Zhang (张伟)', '--stage', stage.id, '--interviewer', 'Zoë Łukasz']);
        await toRating(screen);
        for (const [i, { dimension, questions }] of plan.dimensions.entries()) {
          const where = `${rubric.role.id}/${stage.id}/${dimension.id}`;
          await screen.waitFor(`dimension ${i + 1} of ${plan.dimensions.length}`);
          await screen.waitFor('pick ·');
          const lines = await screen.lines();
          const flat = await screen.flat();
          // Nothing scrolled away: the header is the top row, the keys of the choice the last one used.
          expect(lines[0], where).toContain('Wei Zhang (张伟) · ');
          expect(lines[1], where).toBe(dimension.name);
          expect(lines.filter((l) => l.trim() !== '').at(-1), where).toMatch(/^1 2 3 4 i pick · /);
          const caseStudy = plan.caseStudy?.dimensions.includes(dimension.id) ? plan.caseStudy : undefined;
          const first = questions[0];
          if (first) expect(flat, where).toContain(first.text.replace(/\s+/g, ' ').slice(0, 40));
          else if (caseStudy) expect(flat, where).toContain(`Case study: ${caseStudy.title}`);
          else expect(flat, where).toContain('This stage asks no set question for it');
          for (const line of lines) expect(line.length, `${where}: ${line}`).toBeLessThanOrEqual(80);
          // Skip moves to the next dimension without answering anything.
          screen.write(i < plan.dimensions.length - 1 ? 's' : KEY.ctrlC);
        }
        const stopped = await screen.exited;
        expect(stopped.exitCode, `${rubric.role.id}/${stage.id}`).toBe(130);
        // Stopped before any answer: nothing at all was written.
        expect(readdirSync(ws), `${rubric.role.id}/${stage.id}`).toEqual([]);
        screen.dispose();
      }
    }, 300_000);
  }
});

describe('the rating screen on a 60x20 terminal', async () => {
  const catalog = await loadCatalog({ rubrics: [], env: {} });
  const rubric = catalog.byId.get('head-of-ml')!.rubric;

  // A case stage (the case's signals) and a question stage: at 20 rows the header and the dimension's name
  // stayed 24 rows' worth above the prompt and scrolled away.
  it.each(['case-b-session', 'hiring-manager-screen'])('%s: the header on top, the dimension under it, the keys at the bottom, within 60 columns', async (stageId) => {
    const plan = planFor(rubric, stageId)!;
    const ws = workspace();
    const screen = new Screen(['--workspace', ws, 'score', 'head-of-ml', '--candidate', 'Maximilian Alexander von Hohenzollern-Sigmaringen', '--stage', stageId, '--interviewer', 'Bartholomew Fitzgerald-Montgomery Alexander Wojciechowski III'], { cols: 60, rows: 20 });
    screens.push(screen);
    await toRating(screen);
    for (const [i, { dimension }] of plan.dimensions.entries()) {
      const where = `${stageId}/${dimension.id}`;
      await screen.waitFor(`dimension ${i + 1} of ${plan.dimensions.length}`);
      await screen.waitFor('pick ·');
      const lines = await screen.lines();
      expect(lines[0], where).toMatch(/^ Maximilian /);
      expect(lines[0], where).toContain(`dimension ${i + 1} of ${plan.dimensions.length}`);
      expect(lines[1], where).toBe(dimension.name);
      expect(lines.filter((l) => l.trim() !== '').at(-1), where).toMatch(/^1 2 3 4 i pick · /);
      for (const line of lines) expect(line.length, `${where}: ${line}`).toBeLessThanOrEqual(60);
      screen.write(i < plan.dimensions.length - 1 ? 's' : KEY.ctrlC);
    }
    expect((await screen.exited).exitCode).toBe(130);
  }, 120_000);
});

describe('the notes screen on a 60x20 terminal', () => {
  it('keeps the header on top with a question described under the menu', async () => {
    const ws = workspace();
    const screen = new Screen(['--workspace', ws, 'score', 'head-of-ml', '--candidate', 'Maximilian Alexander von Hohenzollern-Sigmaringen', '--stage', 'case-a-session', '--interviewer', 'Σοφία Παππά', '--notes'], { cols: 60, rows: 20 });
    screens.push(screen);
    await screen.answer(/(q|Enter): start/, 'q');
    await screen.waitFor('Write a note about');
    await screen.waitFor('navigate');
    const lines = await screen.lines();
    // Before: the question's text and probes took nine rows under the menu and pushed the header away.
    expect(lines[0]).toMatch(/^ Maximilian .* · notes · nothing saved yet/);
    expect(lines.join('\n')).toContain('Production ML architecture: Tell me about a');
    expect(lines.filter((l) => l.trim() !== '').at(-1)).toMatch(/navigate/);
    screen.write(KEY.ctrlC);
    expect((await screen.exited).exitCode).toBe(130);
  }, 60_000);
});

describe('hirekit score in a pseudo-terminal', () => {
  it('keeps all three lines of a pasted piece of evidence', async () => {
    const ws = workspace();
    const screen = open(args(ws));
    await toRating(screen);
    await screen.answer('Rating for SQL and data handling', '3');
    await screen.waitFor('Evidence: what did the candidate say or do?');
    // A paste arrives as one burst of characters with carriage returns between the lines.
    screen.write('Joined orders to customers first.\rCounted rows before and after.\rFound the duplicated customer ids.\r');
    await screen.waitFor('Found the duplicated customer ids.');
    await screen.waitFor('Backspace: back into the line above');
    screen.write(KEY.enter);
    await screen.answer('Rating for Communicating findings', KEY.ctrlC);
    expect((await screen.exited).exitCode).toBe(130);
    expect(scorecardIn(ws).ratings).toMatchObject([
      { dimension: 'sql', rating: 3, evidence: 'Joined orders to customers first.\nCounted rows before and after.\nFound the duplicated customer ids.' },
    ]);
  }, 60_000);

  it('writes evidence in $EDITOR with Ctrl-X, starting from what was typed', async () => {
    const ws = workspace();
    const screen = open(args(ws), { EDITOR: `${process.execPath} ${path.join(FIXTURES, 'editor.mjs')}` });
    await toRating(screen);
    await screen.answer('Rating for SQL and data handling', '2');
    await screen.answer('Ctrl-X: ', `Typed in the terminal first.\r`);
    await screen.waitFor('Typed in the terminal first.');
    screen.write(KEY.ctrlX);
    await screen.waitFor('Added in the editor, second line.');
    screen.write(KEY.enter);
    await screen.answer('Rating for Communicating findings', KEY.ctrlC);
    expect((await screen.exited).exitCode).toBe(130);
    expect(scorecardIn(ws).ratings[0]?.evidence).toBe('Typed in the terminal first.\nAdded in the editor, first line.\nAdded in the editor, second line.');
  }, 60_000);

  it('asks for a confirmation before submitting (No is the default), then submits', async () => {
    const ws = workspace();
    const screen = open(args(ws));
    await toRating(screen);
    await screen.answer('Rating for SQL and data handling', '3');
    await screen.answer('Evidence: what did the candidate say or do?', `${SQL}\r\r`);
    await screen.answer('Rating for Communicating findings', '4');
    await screen.answer('Evidence: what did the candidate say or do?', `${COMM}\r\r`);
    await screen.answer('Flags you saw', ` ${KEY.enter}`);
    await screen.answer('Note: what happened that raised this flag?', `${NOTE}\r\r`);
    await screen.answer('Hire Zoë Łukasz?', `${KEY.down}${KEY.down}${KEY.enter}`);
    await screen.answer('Summary:', `${SUMMARY}\r\r`);
    await screen.waitFor('Submit, or change an answer?');
    // The default choice keeps the draft; Submit… is further down.
    await screen.waitFor('❯ Keep it as a draft and finish later');
    const choices = (await screen.lines()).filter((l) => /^[❯ ] /.test(l));
    const submitAt = choices.findIndex((l) => l.includes('Submit…'));
    expect(submitAt).toBeGreaterThan(0);
    screen.write(`${KEY.down.repeat(submitAt)}${KEY.enter}`);
    await screen.waitFor('Submit and lock this scorecard?');
    await screen.waitFor('Submitting locks 2 ratings with their evidence, 1 flag, your recommendation (Yes) and summary.');
    await screen.waitFor('❯ No, back to the review');
    screen.write(KEY.enter);
    await screen.waitFor('❯ Keep it as a draft and finish later');
    expect(scorecardIn(ws).status).toBe('draft');
    screen.write(`${KEY.down.repeat(submitAt)}${KEY.enter}`);
    await screen.answer('Submit and lock this scorecard?', `${KEY.down}${KEY.enter}`);
    expect((await screen.exited).exitCode).toBe(0);
    expect(screen.transcript()).toContain('Submitted.');
    const submitted = scorecardIn(ws);
    expect(submitted.status).toBe('submitted');
    expect(submitted.ratings.map((r) => [r.dimension, r.rating, r.evidence])).toEqual([
      ['sql', 3, SQL],
      ['communication', 4, COMM],
    ]);
    expect(submitted.flags).toMatchObject([{ flag: 'checks-counts', kind: 'green', note: NOTE }]);
    expect(submitted.recommendation).toBe('yes');
  }, 90_000);

  it('leaves the submitted scorecard identical when an amendment is abandoned with Ctrl-C, before and after a change', async () => {
    const ws = workspace();
    expect(runCli(args(ws, '--answers', path.join(FIXTURES, 'answers', 'technical-complete.yaml'))).code).toBe(0);
    const file = fileIn(ws);
    const submitted = readFileSync(file);
    copyFileSync(file, path.join(ws, 'before.yaml'));

    const first = open(args(ws, '--amend', '--reason', 'Mixed up two candidates in my notes'));
    await first.waitFor('Submit the amendment, or change an answer?');
    await first.waitFor('Amending (Mixed up two candidates in my notes)');
    first.write(KEY.ctrlC);
    expect((await first.exited).exitCode).toBe(130);
    expect(first.transcript()).toContain('your submitted scorecard is unchanged and nothing of the amendment was saved');
    expect(readFileSync(file).equals(submitted)).toBe(true);
    expect(readdirSync(path.dirname(file))).toEqual(['technical--ada-lovelace.yaml']);

    const second = open(args(ws, '--amend', '--reason', 'Mixed up two candidates in my notes'));
    await second.waitFor('❯ Finish the amendment later');
    const choices = (await second.lines()).filter((l) => /^[❯ ] /.test(l));
    const change = choices.findIndex((l) => l.includes('Change the rating for SQL'));
    second.write(`${KEY.down.repeat(change)}${KEY.enter}`);
    await second.answer('Rating for SQL and data handling', '1');
    // The evidence given before is the starting text; a line added under it.
    await second.answer('Evidence: what did the candidate say or do?', `Could not explain why the join duplicated rows.\r\r`);
    await second.waitFor('amendment saved');
    await second.waitFor('1. SQL and data handling: 1 well below bar');
    // The review was cleared and redrawn: a choice on screen now belongs to the new prompt.
    await second.answer('❯ Finish the amendment later', KEY.ctrlC);
    expect((await second.exited).exitCode).toBe(130);
    expect(readFileSync(file).equals(submitted)).toBe(true);
    expect(existsSync(path.join(path.dirname(file), '.technical--ada-lovelace.amendment.yaml'))).toBe(true);
    // A closed terminal (SIGHUP) in the middle of the resumed amendment: the submitted file is still untouched.
    const third = open(args(ws, '--amend'));
    await third.waitFor('Resuming your amendment');
    await third.waitFor('❯ Finish the amendment later');
    third.write(`${KEY.down.repeat(change)}${KEY.enter}`);
    await third.answer('Rating for SQL and data handling', '2');
    await third.answer('Evidence: what did the candidate say or do?', 'Half a sentence that is never fini');
    await third.waitFor('never fini');
    third.kill('SIGHUP');
    await third.exited;
    expect(readFileSync(file).equals(submitted)).toBe(true);
    // The debrief still reads the submitted version.
    const debrief = runCli(['--rubrics', RUBRICS, '--workspace', ws, 'debrief', 'Zoë Łukasz', '--format', 'json']);
    expect(debrief.code).toBe(0);
    expect(debrief.stdout).not.toContain('Could not explain why the join');
  }, 90_000);

  it('survives Ctrl-C with exit 130 and the draft on disk, then resumes where it stopped', async () => {
    const ws = workspace();
    const first = open(args(ws));
    await toRating(first);
    await first.answer('Rating for SQL and data handling', '3');
    await first.answer('Evidence: what did the candidate say or do?', `${SQL}\r\r`);
    await first.answer('Rating for Communicating findings', KEY.ctrlC);
    expect((await first.exited).exitCode).toBe(130);
    expect(first.transcript().replace(/\s+/g, ' ')).toMatch(/To carry on where you stopped: hirekit --rubrics .* score data-analyst --candidate 'Zoë Łukasz' --stage technical --interviewer 'Ada Lovelace'/);
    expect(scorecardIn(ws).ratings).toMatchObject([{ dimension: 'sql', rating: 3, evidence: SQL }]);

    const second = open(args(ws));
    await second.waitFor('You have a draft for Zoë Łukasz');
    await second.answer('Resume the draft or start over?', KEY.enter);
    await second.answer(/(q|Enter): carry on/, 'q');
    await second.waitFor('dimension 2 of 2');
    await second.waitFor('Rating for Communicating findings');
    second.write(KEY.ctrlC);
    expect((await second.exited).exitCode).toBe(130);
  }, 60_000);

  it('keeps an answer that was given when the process is SIGKILLed right after it', async () => {
    const ws = workspace();
    const screen = open(args(ws));
    await toRating(screen);
    await screen.answer('Rating for SQL and data handling', '2');
    await screen.answer('Evidence: what did the candidate say or do?', `${SQL}\r\r`);
    // Each question is drawn only after the answer before it has been saved; kill the moment the next one shows.
    await screen.answer('Rating for Communicating findings', '4');
    await screen.waitFor('Evidence: what did the candidate say or do?');
    screen.kill('SIGKILL');
    expect((await screen.exited).signal).toBe(9);
    const draft = scorecardIn(ws);
    expect(draft.status).toBe('draft');
    expect(draft.ratings).toMatchObject([{ dimension: 'sql', rating: 2, evidence: SQL }]);
    // The rating chosen for communication, whose evidence was never typed, waits beside the draft.
    const dir = path.dirname(fileIn(ws));
    // The killed session's lock stays behind; its pid is dead, so the next run takes it over at once.
    expect(readdirSync(dir).sort()).toEqual(['.technical--ada-lovelace.pending.yaml', '.technical--ada-lovelace.yaml.lock', 'technical--ada-lovelace.yaml']);
    expect(parse(readFileSync(path.join(dir, '.technical--ada-lovelace.pending.yaml'), 'utf8'))).toEqual({ rating: { dimension: 'communication', rating: 4 } });
  }, 60_000);

  it('keeps flags ticked before their notes through Ctrl-C and a SIGKILL between two notes', async () => {
    const ws = workspace();
    const dir = path.dirname(fileIn(ws));
    const pending = path.join(dir, '.technical--ada-lovelace.pending.yaml');

    const first = open(args(ws));
    await toRating(first);
    await first.answer('Rating for SQL and data handling', '3');
    await first.answer('Evidence: what did the candidate say or do?', `${SQL}\r\r`);
    await first.answer('Rating for Communicating findings', '4');
    await first.answer('Evidence: what did the candidate say or do?', `${COMM}\r\r`);
    // Tick the first flag (checks-counts) and the third (blames-data), then stop at the first note.
    await first.answer('Flags you saw', ` ${KEY.down}${KEY.down} ${KEY.enter}`);
    await first.answer('Note: what happened that raised this flag?', KEY.ctrlC);
    expect((await first.exited).exitCode).toBe(130);
    expect(scorecardIn(ws).flags).toEqual([]);
    expect(parse(readFileSync(pending, 'utf8'))).toEqual({ flags: ['checks-counts', 'blames-data'] });

    const second = open(args(ws));
    await second.answer('Resume the draft or start over?', KEY.enter);
    await second.answer(/(q|Enter): carry on/, 'q');
    await second.waitFor('Before stopping you ticked 2 flags without a note yet');
    await second.waitFor('+ Checks row counts');
    await second.answer('Note: what happened that raised this flag?', `${NOTE}\r\r`);
    // The second flag is shown only after the first note is saved; kill the moment it shows.
    await second.waitFor('− Blames the data');
    second.kill('SIGKILL');
    expect((await second.exited).signal).toBe(9);
    expect(second.transcript()).not.toContain('Flags you saw');
    expect(scorecardIn(ws).flags).toMatchObject([{ flag: 'checks-counts', kind: 'green', note: NOTE }]);
    expect(parse(readFileSync(pending, 'utf8'))).toEqual({ flags: ['blames-data'] });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('takes notes with the time against the plan, and shows them on the rating screen', async () => {
    const ws = workspace();
    const screen = open(args(ws, '--notes'));
    await screen.answer(/(q|Enter): start/, 'q');
    await screen.waitFor('0 min of 60 · now: Welcome');
    await screen.answer('Write a note about', KEY.enter);
    await screen.answer('Note on Q1', 'Counted rows on both sides.\rFound duplicated ids.\r\r');
    await screen.waitFor('(1 note)');
    const choices = (await screen.lines()).filter((l) => /^[❯ ] /.test(l));
    const done = choices.findIndex((l) => l.includes('Done: the interview is over'));
    screen.write(`${KEY.down.repeat(done)}${KEY.enter}`);
    await screen.waitFor('dimension 1 of 2');
    await screen.waitFor('Your notes');
    await screen.waitFor('Found duplicated ids.');
    // Ctrl-C once the choice is drawn (the prompt owns the keys then), not while the screen is still printing.
    await screen.answer('1 2 3 4 i pick ·', KEY.ctrlC);
    expect((await screen.exited).exitCode).toBe(130);
    expect(scorecardIn(ws).notes).toMatchObject([{ question: 'sql-messy-join', text: 'Counted rows on both sides.\nFound duplicated ids.' }]);
  }, 60_000);
});
