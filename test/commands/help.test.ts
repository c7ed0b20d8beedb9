// What `hirekit --help` and each command's --help show on a terminal: fitted to its width, words whole.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

const COMMANDS = ['validate', 'new', 'roles', 'show', 'init', 'score', 'status', 'pack', 'debrief', 'decide', 'compare', 'calibrate', 'export', 'import', 'demo', 'completion'];

async function help(args: string[], columns: number, stdoutIsTTY = true): Promise<string[]> {
  const r = await runInProcess([...args, '--help'], { stdoutIsTTY, columns });
  expect(r.code, args.join(' ')).toBe(0);
  return r.stdout.split('\n');
}

describe('--help', () => {
  it('lists every command on one line by its summary, within 80 columns', async () => {
    const lines = await help([], 80);
    const listed = lines.slice(lines.indexOf('Commands:') + 1, lines.indexOf('', lines.indexOf('Commands:')));
    expect(listed.map((l) => l.trim().split(/\s+/)[0])).toEqual([...COMMANDS, 'help']);
    expect(listed).toContain('  score <role>                    score the stage you ran, with evidence');
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
  });

  for (const columns of [80, 100]) {
    it(`fits every command's help, examples and notes to a ${columns}-column terminal`, async () => {
      for (const command of ['', ...COMMANDS]) {
        for (const line of await help(command ? [command] : [], columns)) expect(stringWidth(line), `${command}: ${line}`).toBeLessThanOrEqual(columns);
      }
    });
  }

  it('on a 60-column terminal, wraps descriptions and notes in the room left; only a long example command runs past', async () => {
    for (const command of ['', ...COMMANDS]) {
      for (const line of await help(command ? [command] : [], 60)) {
        if (!line.startsWith('  $ ')) expect(stringWidth(line), `${command}: ${line}`).toBeLessThanOrEqual(60);
      }
    }
  });

  it('keeps an example beside its comment when it fits, and puts comments above their commands when one does not', async () => {
    const wide = await help(['debrief'], 120);
    expect(wide).toContain('  $ hirekit debrief zoe-lukasz --format pdf        # into the candidate folder: candidates/zoe-lukasz/debrief.pdf');
    const narrow = await help(['debrief'], 80);
    const at = narrow.indexOf('  # into the candidate folder: candidates/zoe-lukasz/debrief.pdf');
    expect(narrow[at + 1]).toBe('  $ hirekit debrief zoe-lukasz --format pdf');
  });

  it('wraps notes at words, not in the middle of one', async () => {
    const lines = await help(['import'], 80);
    const notes = lines.slice(lines.findIndex((l) => l.startsWith('The mapping (YAML)')));
    expect(notes.length).toBeGreaterThan(3);
    // Each line ends at a whole word: joined with spaces, the lines give the note back.
    expect(notes.slice(0, 7).join(' ')).toContain('Nothing is written while anything is wrong; a stage and interviewer');
  });

  it('written to a pipe, is fitted to 80 columns, as commander does', async () => {
    for (const line of await help(['calibrate'], 200, false)) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
  });
});
