// The one YAML reader (io/yaml-file.ts): hostile shapes refused quickly, every problem at its place, and for
// the common hand-writing mistakes the words of a fix with the corrected line.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rubric } from '../../src/core/rubric.js';
import { planFor } from '../../src/core/scoring.js';
import { AnswersSchema, readAnswers } from '../../src/io/answers.js';
import { loadRubricFile } from '../../src/io/rubrics.js';
import { MAX_REPORTED, checkYamlText, formatLocated, problemsMessage } from '../../src/io/yaml-file.js';
import { FIXTURES, runCli, tempDir } from '../helpers/cli.js';

const FIXTURE = path.join(FIXTURES, 'rubrics', 'data-analyst.yaml');
const original = readFileSync(FIXTURE, 'utf8');
const RUBRIC = { what: 'rubric', empty: 'the file is empty' };

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir()));
afterAll(() => tmp.cleanup());

/** The findings of a text, as "LINE:COL  message" lines. */
function lines(text: string): string[] {
  const check = checkYamlText('f.yaml', text, Rubric, RUBRIC);
  return [...check.errors, ...check.warnings].map((f) => formatLocated(f).replace('f.yaml:', ''));
}

/** The fixture with one exact line replaced. */
function variant(from: string, to: string): string {
  expect(original).toContain(from);
  return original.replace(from, to);
}

/** CPU time of a call in milliseconds: what the reader costs, whatever else the machine is doing. */
function cpuMs(run: () => unknown): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

describe('what to type instead, for the common YAML mistakes', () => {
  it('an unquoted ": " in a value: quote it, with the corrected line', () => {
    expect(lines(variant('  title: Data Analyst\n', '  title: Data Analyst: product\n'))).toEqual([
      '5:10  role.title: this value contains ": ", which YAML reads as a new key; put it in quotes: title: "Data Analyst: product"',
    ]);
  });

  it('an unquoted ": " inside { }: the README mistake of issue 14', () => {
    const text = variant('  1: { label: well below bar,', '  1: { label: Well below the bar: no evidence yet,');
    expect(lines(text)[0]).toBe(
      '13:15  scale.1.label: this value contains ": ", which YAML reads as a new key; put it in quotes: 1: { label: "Well below the bar: no evidence yet", meaning: Clear evidence the candidate cannot yet do this. }',
    );
  });

  it('a comma inside { } that split a value: quote the whole value', () => {
    const text = variant('meaning: "Some relevant evidence, with gaps we would have to close." }', 'meaning: Some relevant evidence, with real gaps. }');
    expect(lines(text)).toEqual([
      "14:59  scale.2: unknown key 'with real gaps.'; inside { } a comma ends a value, so if 'with real gaps.' belongs to the text before it, put that whole value in quotes: 2: { label: below bar, meaning: \"Some relevant evidence, with real gaps.\" }",
    ]);
  });

  it('" #" in a value: YAML cut it at the comment; quote it', () => {
    const text = variant('text: Walk me through joining orders', 'text: Walk me through your #1 way of joining orders');
    expect(lines(text)).toEqual([
      '32:15  this value contains " #", and YAML reads everything from the # on as a comment (the value was cut to "Walk me through your"); put it in quotes: text: "Walk me through your #1 way of joining orders to customers when some customers appear twice."',
    ]);
  });

  it('a comment after a space-and-hash is still a comment', () => {
    expect(lines(variant('    weight: 60\n', '    weight: 60 # fixed before the first interview\n'))).toEqual([]);
  });

  it('a tab used for indentation', () => {
    expect(lines(variant('  title: Data Analyst\n', '\ttitle: Data Analyst\n'))).toEqual([
      '5:1  this line is indented with a tab; YAML indents with spaces only, so replace the tab with spaces (as many as the lines around it use): title: Data Analyst',
    ]);
  });

  it('a missing space after ":"', () => {
    expect(lines(variant('  title: Data Analyst\n', '  title:Data Analyst\n'))).toEqual([
      '5:3  \'title:\' needs a space after the colon, or YAML reads "title:Data Analyst" as one word; type: title: Data Analyst',
    ]);
  });

  it('a list where a mapping is expected', () => {
    const text = variant('  1: { label: well below bar,', '  - 1: { label: well below bar,')
      .replace(/\n {2}([2-4]|insufficient): \{/g, '\n  - $1: {');
    expect(lines(text)[0]).toBe(
      '13:3  scale: expected a mapping, got a list; a mapping is written as "key: value" lines, without the "- " that starts list items; for example: 1: { label: well below bar, meaning: Clear evidence the candidate cannot yet do this. }',
    );
  });

  it('text where a number is expected, and a number where text is expected', () => {
    expect(lines(variant('    weight: 60\n', '    weight: "60"\n'))).toEqual([
      '22:13  dimensions[0].weight: expected a number, got the text "60"; write the number alone, without quotes or words: weight: 60',
    ]);
    expect(lines(variant('    weight: 60\n', '    weight: sixty percent\n'))).toEqual([
      '22:13  dimensions[0].weight: expected a number, got the text "sixty percent"; write a number such as 25, without quotes',
    ]);
    expect(lines(variant('version: "1.2"', 'version: 1.2'))).toEqual([
      '11:10  version: expected text, got number 1.2; YAML reads 1.2 as a number; put it in quotes: version: "1.2"',
    ]);
  });
});

describe('the right words at the right place', () => {
  it('an undefined alias is named at its place, not called an alias bomb', () => {
    expect(lines(variant('  title: Data Analyst\n', '  title: *analyst\n'))).toEqual([
      '5:10  *analyst refers to no anchor &analyst defined above it; define the anchor first, or write the value out (a text starting with * needs quotes)',
    ]);
  });

  it('a duplicate top-level key names the key', () => {
    expect(lines(`${original}version: "1.3"\n`)).toEqual([
      `${original.split('\n').length}:1  duplicate key 'version'; each key may appear once in a mapping, remove or rename one`,
    ]);
  });

  it('CR-only line endings are read as lines, with the right line numbers', () => {
    const cr = original.replace(/\n/g, '\r');
    expect(lines(cr)).toEqual([]);
    expect(lines(variant('    weight: 60\n', '    weight: sixty\n').replace(/\n/g, '\r'))[0]).toMatch(/^22:13 {2}dimensions\[0\]\.weight: expected a number/);
  });

  it('a complex key is an error at its place, and nothing reaches stderr but hirekit\'s own line', () => {
    expect(lines('? [a, b]\n: 1\n')).toEqual(['1:3  a key here is a list, a mapping or an alias; keys in hirekit files are plain words, such as id: or text:']);
    const file = path.join(tmp.dir, 'complex.yaml');
    writeFileSync(file, `${original}? [a, b]\n: 1\n`);
    const result = runCli(['validate', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/Warning|\(node/);
    expect(result.stderr.trim().split('\n').every((l) => l.startsWith(`${file}:`) || l.startsWith('hirekit: '))).toBe(true);
  });

  it('an alias bomb is refused at the first alias', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    expect(lines(`${bomb.join('\n')}\n`)).toEqual(['2:8  too many YAML aliases (more than 100 expansions); this looks like an alias bomb, write the content out instead']);
  });
});

describe('linear time: any file under the 1 MiB cap is refused or accepted in well under a second', () => {
  it('the widest mapping that fits the cap', () => {
    const keys: string[] = [];
    let size = 0;
    for (let i = 0; ; i++) {
      const line = `k${i}: 1\n`;
      if (size + line.length > 1024 * 1024) break;
      keys.push(line);
      size += line.length;
    }
    expect(keys.length).toBeGreaterThan(85_000);
    let found: string[] = [];
    const ms = cpuMs(() => (found = lines(keys.join(''))));
    expect(found).toEqual(['10001:7  more than 10,000 keys and list items by here; a hirekit file holds a few hundred to a few thousand, so this is not one (or it was generated wrongly)']);
    console.log(`widest mapping (${keys.length} keys, 1 MiB): refused in ${ms.toFixed(0)} ms of CPU`);
    expect(ms).toBeLessThan(1000);
  });

  it('the same width in one flow mapping on one line', () => {
    const text = `{${Array.from({ length: 90_000 }, (_, i) => `k${i}: 1`).join(', ')}}\n`.slice(0, 1024 * 1024);
    const ms = cpuMs(() => expect(lines(text)[0]).toMatch(/^1:\d+ {2}more than 10,000 keys and list items/));
    expect(ms).toBeLessThan(1000);
  });

  it('9,000 unknown keys: every one counted, the first 50 shown with the right remainder', () => {
    const text = Array.from({ length: 9_000 }, (_, i) => `k${i}: 1\n`).join('');
    let check = checkYamlText('f.yaml', text, Rubric, RUBRIC);
    const ms = cpuMs(() => (check = checkYamlText('f.yaml', text, Rubric, RUBRIC)));
    const unknown = check.errors.filter((e) => e.code === 'unknown-key');
    expect(unknown).toHaveLength(9_000);
    const message = problemsMessage('f.yaml', check.errors).split('\n');
    expect(message).toHaveLength(MAX_REPORTED + 1);
    expect(message[MAX_REPORTED]).toBe(`f.yaml: and ${check.errors.length - MAX_REPORTED} more problems (${check.errors.length} in all)`);
    console.log(`9,000 unknown keys: refused in ${ms.toFixed(0)} ms of CPU`);
    expect(ms).toBeLessThan(1000);
  });

  it('an answers file with 25,000 unknown rating keys', async () => {
    const rubric = (await loadRubricFile(FIXTURE)).loaded?.rubric;
    const plan = rubric && planFor(rubric, 'technical');
    if (!plan) throw new Error('fixture stage missing');
    const file = path.join(tmp.dir, 'wide-answers.yaml');
    writeFileSync(file, `ratings:\n${Array.from({ length: 25_000 }, (_, i) => `  d${i}: { rating: 3, evidence: x }\n`).join('')}`);
    const started = process.cpuUsage();
    await expect(readAnswers(file, plan, false)).rejects.toThrow(/more than 10,000 keys and list items/);
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(1000);
  });

  it('an answers file with 2,000 unknown rating keys lists 50 and counts the rest', async () => {
    const rubric = (await loadRubricFile(FIXTURE)).loaded?.rubric;
    const plan = rubric && planFor(rubric, 'technical');
    if (!plan) throw new Error('fixture stage missing');
    const file = path.join(tmp.dir, 'many-answers.yaml');
    writeFileSync(file, `ratings:\n${Array.from({ length: 2_000 }, (_, i) => `  d${i}: { rating: 3, evidence: x }\n`).join('')}`);
    const error = await readAnswers(file, plan, false).then(() => undefined, (e: Error) => e);
    const shown = error?.message.split('\n') ?? [];
    expect(shown).toHaveLength(MAX_REPORTED + 1);
    // 2,000 unknown dimensions, 2 missing dimensions (one line), a missing recommendation and summary.
    expect(shown[MAX_REPORTED]).toBe(`${file}: and ${2_003 - MAX_REPORTED} more problems (2003 in all); see docs/answers-file.md`);
  });
});

describe('answers files report every problem at once', () => {
  it('a bad rating, a one-word evidence, an unknown flag, a bad recommendation and a missing summary: five lines and the count', async () => {
    const rubric = (await loadRubricFile(FIXTURE)).loaded?.rubric;
    const plan = rubric && planFor(rubric, 'technical');
    if (!plan) throw new Error('fixture stage missing');
    const file = path.join(tmp.dir, 'five.yaml');
    writeFileSync(
      file,
      [
        'ratings:',
        '  sql:',
        '    rating: 5',
        '    evidence: Counted rows before and after the join and found the duplicates.',
        '  communication:',
        '    rating: 2',
        '    evidence: good',
        'flags:',
        '  check-counts: Summed order totals on both sides of the join.',
        'recommendation: maybe',
        '',
      ].join('\n'),
    );
    const error = await readAnswers(file, plan, false).then(() => undefined, (e: Error) => e);
    expect(error?.message.split('\n').map((l) => l.replace(`${file}:`, ''))).toEqual([
      '1:1  missing summary: a short paragraph on the overall call; or pass --draft to save what you have',
      "3:13  ratings.sql.rating: 5 is not a rating: use 1, 2, 3, 4 (the scale's levels) or insufficient (insufficient evidence is its own answer, not a low score)",
      '7:15  ratings.communication.evidence: evidence must be a real sentence (at least 3 different words and 15 characters), not "good"',
      "9:3  flags: 'check-counts' is not a flag of stage technical; did you mean 'checks-counts'? (flags here: checks-counts, fabricates-numbers, blames-data)",
      '10:17  recommendation: must be one of "strong-no", "no", "yes", "strong-yes"',
      ' 5 problems; see docs/answers-file.md',
    ]);
  });

  it('parses the schema of answers the same way as before for a good file', () => {
    const text = readFileSync(path.join(FIXTURES, 'answers', 'technical-complete.yaml'), 'utf8');
    const check = checkYamlText('a.yaml', text, AnswersSchema, { what: 'answers file', empty: 'empty' });
    expect(check.errors).toEqual([]);
    expect(check.value?.recommendation).toBe('yes');
  });
});

describe('schema errors and lint warnings together', () => {
  it('a rubric the schema refuses still gets its protected-topic and placeholder warnings', async () => {
    const text = variant('    weight: 60\n', '    weight: sixty\n').replace('What did they decide afterwards?', 'Are you married?').replace('title: Data Analyst', 'title: "TODO: the title"');
    const file = path.join(tmp.dir, 'both.yaml');
    writeFileSync(file, text);
    const report = await loadRubricFile(file);
    expect([...report.errors, ...report.warnings].map((f) => `${f.severity} ${f.code}`)).toEqual(['error wrong-type', 'warning placeholder', 'warning protected-topic']);
  });
});
