// The ATS readers, the HTML stripping and the JSON error locator: hand-written inputs, expectations worked out
// from the documented shapes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGreenhouse } from '../../../src/core/import/greenhouse.js';
import { htmlToText } from '../../../src/core/import/html-text.js';
import { parseJson, positionOf } from '../../../src/core/import/json-text.js';
import { readLever } from '../../../src/core/import/lever.js';
import { formatJsonPath } from '../../../src/core/import/model.js';
import { FIXTURES } from '../../helpers/cli.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(path.join(FIXTURES, 'import', name), 'utf8'));

describe('htmlToText', () => {
  it('drops tags, decodes entities, turns blocks and list items into lines', () => {
    expect(htmlToText('<p>Stopped <b>two</b> models &amp; moved on.</p><p>Second&nbsp;para</p>')).toBe('Stopped two models & moved on.\n\nSecond para');
    expect(htmlToText('<ul><li>one</li><li>two</li></ul><ol><li>a</li><li>b</li></ol>')).toBe('- one\n- two\n1. a\n2. b');
    expect(htmlToText('line one<br>line two<br/>three')).toBe('line one\nline two\nthree');
    expect(htmlToText('&lt;not a tag&gt; &#233;&#x4E2D;')).toBe('<not a tag> é中');
  });

  it('drops script and style content whole, and terminal controls', () => {
    expect(htmlToText("ok<script>alert('x')</script><style>p{}</style> done")).toBe('ok done');
    expect(htmlToText('<p>red\u001b[31m text\u202e</p>')).toBe('red text');
  });

  it('leaves plain text as written (a < alone is not a tag)', () => {
    expect(htmlToText('  a < b and c > d  ')).toBe('a < b and c > d');
    expect(htmlToText('')).toBe('');
  });

  it('stays linear on hostile nesting and unclosed tags', () => {
    const nested = '<div>'.repeat(5000) + 'deep' + '</div>'.repeat(5000);
    const started = performance.now();
    expect(htmlToText(nested)).toBe('deep');
    expect(htmlToText('<<<<<<<<'.repeat(5000) + 'x')).toContain('x');
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('parseJson', () => {
  it('parses JSON, with or without a byte-order mark', () => {
    expect(parseJson('[1,2]')).toEqual({ value: [1, 2] });
    expect(parseJson('\uFEFF{"a":1}')).toEqual({ value: { a: 1 } });
  });

  it('locates the first syntax error at line:col', () => {
    // The trailing comma is at line 3, column 12; the property name was expected at the } on line 4, column 3.
    expect(parseJson('[\n  {\n    "id": 1,\n  }\n]')).toEqual({ line: 4, col: 3, message: 'expected a property name in double quotes (a trailing comma?)' });
    expect(parseJson('{"a": 1 "b": 2}')).toMatchObject({ line: 1, col: 9, message: 'expected a comma between two items' });
    expect(parseJson('   ')).toMatchObject({ line: 1, col: 1 });
  });

  it('counts lines and columns from 1', () => {
    expect(positionOf('ab\ncd', 0)).toEqual({ line: 1, col: 1 });
    expect(positionOf('ab\ncd', 4)).toEqual({ line: 2, col: 2 });
  });
});

describe('formatJsonPath', () => {
  it('prints paths as a reader would type them', () => {
    expect(formatJsonPath([3, 'attributes', 1, 'rating'])).toBe('[3].attributes[1].rating');
    expect(formatJsonPath(['data', 0, 'fields', 2])).toBe('data[0].fields[2]');
    expect(formatJsonPath(['odd key'])).toBe('["odd key"]');
    expect(formatJsonPath([])).toBe('(the whole file)');
  });
});

describe('readGreenhouse', () => {
  it('reads the documented shape: interview step, interviewer, ratings with notes, answers', () => {
    const read = readGreenhouse(fixture('greenhouse-scorecards.json'));
    expect(read.problems).toEqual([]);
    const [first, second, lunch, draft] = read.scorecards!;
    expect(first).toMatchObject({
      id: '90001',
      candidateId: '4410',
      applicationId: '88120',
      interview: { id: '7101', name: 'Hiring Manager Screen', path: [0, 'interview_step'] },
      interviewer: { id: '501', name: 'Ana Ruiz', path: [0, 'interviewer'] },
      submittedAt: '2026-10-05T15:40:03.000Z',
      recommendation: { word: 'yes', path: [0, 'overall_recommendation'] },
    });
    expect(first!.ratings.map((r) => [r.name, r.word, r.note])).toEqual([
      ['ML Strategy & Portfolio', 'yes', 'Explained why she stopped two churn models & moved the team onto ranking, with the revenue figures behind it.'],
      ['MLOps & Reliability', 'mixed', undefined],
      ['Talent and Org Leadership', 'strong_yes', 'Grew a team from 4 to 15 and named the two hires that did not work out.'],
      ['Culture Add', 'yes', 'Warm with the coordinator.'],
    ]);
    expect(first!.answers[0]).toEqual({ question: 'Key Take-Aways', answer: 'Clear strategist with a record of stopping work that does not pay.\n\n- Asks about on-call\n- Wants a platform team', path: [0, 'questions', 0] });
    expect(second!.answers[0]!.answer).toBe('Strongest systems answer this quarter — would trust her with the platform.');
    expect(lunch!.notSubmitted).toBeUndefined();
    expect(draft!.notSubmitted).toBe('it has no submitted_at (not submitted in Greenhouse)');
  });

  it('reads the older shape: interview as text, submitted_by as the interviewer, a single scorecard object', () => {
    const read = readGreenhouse({ id: 7, interview: 'Screen', submitted_by: { id: 4080, first_name: 'Kate', last_name: 'Austen' }, submitted_at: '2014-03-26T21:59:51Z', attributes: [] });
    expect(read.scorecards![0]).toMatchObject({ id: '7', path: [], interview: { name: 'Screen', path: ['interview'] }, interviewer: { id: '4080', name: 'Kate Austen', path: ['submitted_by'] } });
  });

  it('names every bad input by its path inside the JSON', () => {
    const read = readGreenhouse([
      { id: 1, interview: 'A', interviewer: { name: 'X' }, submitted_at: '2026-01-01T00:00:00Z', attributes: [] },
      { id: 2, interview: 'A', interviewer: { name: 'Y' }, submitted_at: 'yesterday', attributes: [{ name: 'Comms', rating: 'yes' }, { name: 'Depth', rating: 'meh' }] },
      { interview_step: { name: 'B' }, attributes: [{ rating: 'yes' }] },
      { id: 4, interviewer: { name: 'Z' } },
    ]);
    expect(read.scorecards).toBeUndefined();
    expect(read.problems.map((p) => `${formatJsonPath(p.path)}: ${p.message}`)).toEqual([
      '[1].submitted_at: expected a date and time such as 2026-03-26T21:59:51Z',
      '[1].attributes[1].rating: "meh" is not a Greenhouse rating (expected definitely_not, no, mixed, yes, strong_yes, no_decision)',
      '[2].id: is missing (expected an id: a number or a text)',
      '[2].attributes[0].name: is missing (expected a text)',
      '[3]: has no interview_step.name (or interview); the mapping needs the interview to choose a stage',
    ]);
  });

  it('refuses what is not a list of scorecards', () => {
    expect(readGreenhouse('scorecards').problems[0]!.message).toMatch(/^expected the list of scorecards/);
  });
});

describe('readLever', () => {
  it('reads feedback forms: the score-system as the overall call, scorecard skills with comments, text answers', () => {
    const read = readLever(fixture('lever-feedback.json'));
    expect(read.problems).toEqual([]);
    const [form, open] = read.scorecards!;
    expect(form).toMatchObject({
      id: 'f3c1a9e0-5b7d-4c11-9a0e-1d2b3c4d5e6f',
      path: ['data', 0],
      interview: { id: 'iv-0042', name: 'Case B - incident and drift', path: ['data', 0, 'text'] },
      interviewer: { id: 'u-7101' },
      // 1791453600000 ms = 1791453600 s after 1970: 20734 days (to 2026-10-08) and 36000 s, so 10:00 UTC.
      submittedAt: '2026-10-08T10:00:00.000Z',
      recommendation: { word: '3 - Hire', path: ['data', 0, 'fields', 0, 'value'] },
    });
    expect(form!.ratings.map((r) => [r.name, r.word, r.note])).toEqual([
      ['MLOps and reliability', '3', 'Paged the right owner first and wrote the timeline as she went.'],
      ['Cross-functional leadership', '2', undefined],
      ['Executive communication', '4', '- One-page summary for the VP\n- Said what was still unknown'],
    ]);
    expect(form!.answers.map((a) => [a.question, a.answer])).toEqual([
      ['Notes / Comments', 'Calm under the drift scenario; would hire for the platform lead seat.'],
      ['Would you work with this person?', 'yes'],
    ]);
    expect(open).toMatchObject({ interviewer: { id: 'u-7102', name: 'Sam Okafor' }, notSubmitted: 'it has no completedAt (not completed in Lever)' });
  });

  it('reads a score field (one skill) and a bare list; a deleted form is not submitted', () => {
    const read = readLever([
      { id: 'x', text: 'Screen', user: 'u1', completedAt: 0, deletedAt: 5, fields: [{ type: 'score', text: 'SQL', value: 2 }, { type: 'score', text: 'Stats', value: null }] },
    ]);
    expect(read.scorecards![0]!.ratings).toEqual([{ name: 'SQL', word: '2', path: [0, 'fields', 0] }]);
    expect(read.scorecards![0]!.notSubmitted).toBe('it was deleted in Lever');
  });

  it('names every bad input by its path', () => {
    const read = readLever({
      data: [
        { id: 'a', text: 'T', user: 'u', completedAt: 'today', fields: [{ type: 'score', text: 'SQL', value: 7 }] },
        { id: 'b', text: 'T', fields: [{ type: 'scorecard', text: 'S', scores: [{ text: 'one' }], value: [{ score: 1 }, { score: 2 }] }] },
      ],
    });
    expect(read.problems.map((p) => `${formatJsonPath(p.path)}: ${p.message}`)).toEqual([
      'data[0].completedAt: expected a time in milliseconds since 1970 (a number), got the text "today"',
      'data[1].user: is missing (expected the id of the Lever user who wrote the feedback, or the expanded user)',
    ]);
    const scores = readLever([{ id: 'a', text: 'T', user: 'u', fields: [{ type: 'score', text: 'SQL', value: 7 }, { type: 'scorecard', text: 'S', scores: [{ text: 'one' }], value: [{ score: 1 }, { score: 2 }] }] }]);
    expect(scores.problems.map((p) => `${formatJsonPath(p.path)}: ${p.message}`)).toEqual([
      '[0].fields[0].value: 7 is not a Lever score (expected 1, 2, 3 or 4, or null when not scored)',
      '[0].fields[1].value: holds 2 scores for 1 skills in scores; each score needs its skill',
    ]);
  });
});
