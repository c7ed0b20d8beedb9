// The general parts of the rubric format, through the loader: scales of 3 to 7 levels, flag dimensions and
// tiers, optional stages, case questions and timing. The five-level fixture is the base; each test changes
// one thing and checks the exact lines validate prints.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allFlags, flagsFor, isOptionalStage, scaleLevels, topLevel } from '../../src/core/rubric.js';
import { timingClaims } from '../../src/core/rubric-check-timing.js';
import { loadRubricFile } from '../../src/io/rubrics.js';
import { formatLocated } from '../../src/io/yaml-file.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';

const FIXTURE = path.join(FIXTURES, 'rubrics-five', 'support-lead.yaml');
const original = readFileSync(FIXTURE, 'utf8');

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

let counter = 0;
function write(text: string): string {
  const file = path.join(dir, `f${counter++}.yaml`);
  writeFileSync(file, text);
  return file;
}

function variant(...pairs: Array<[string, string]>): string {
  let text = original;
  for (const [from, to] of pairs) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  return write(text);
}

async function lines(file: string): Promise<string[]> {
  const report = await loadRubricFile(file);
  return [...report.errors, ...report.warnings].map((f) => formatLocated(f).replace(`${file}:`, ''));
}

describe('the five-level fixture', () => {
  it('loads cleanly, with its levels, tiers, cross-cutting flag and optional stage', async () => {
    const report = await loadRubricFile(FIXTURE);
    expect([...report.errors, ...report.warnings]).toEqual([]);
    const r = report.loaded!.rubric;
    expect(scaleLevels(r)).toEqual([1, 2, 3, 4, 5]);
    expect(topLevel(r)).toBe(5);
    expect(allFlags(r).map((f) => [f.id, f.kind, f.dimensions, f.knockout])).toEqual([
      ['numbers-first', 'green', ['queue-management', 'written-updates'], false],
      ['hero-fixes', 'concern', ['queue-management'], false],
      ['blames-customers', 'red', ['written-updates'], false],
      ['takes-credit', 'red', [], true],
    ]);
    // Coaching alone: only the cross-cutting flag applies.
    expect(flagsFor(r, ['coaching']).map((f) => f.id)).toEqual(['takes-credit']);
    expect(r.loop.map((s) => isOptionalStage(r, s))).toEqual([false, false, true]);
  });
});

describe('scales of 3 to 7 levels', () => {
  it('refuses a gap in the scale', async () => {
    const file = variant(['  4: { label: meets bar, meaning: Does this well today at the scope of the role. }\n', '']);
    expect(await lines(file)).toEqual(["18:6  scale level 5 follows a missing level 4; number the levels 1 to N without a gap (N from 3 to 7)"]);
  });

  it('refuses fewer than three levels and an eighth level', async () => {
    expect((await lines(variant(['  3: { label: nearly there', '  8: { label: nearly there'])))[0]).toBe("15:3  scale: missing required key '3' (object)");
    const eight = await lines(variant(['  insufficient:', '  8: { label: x, meaning: y }\n  insufficient:']));
    expect(eight[0]).toMatch(/^20:3 {2}scale: unknown key '8'/);
  });

  it('wants an anchor for every level of the scale, and none beyond it', async () => {
    const missing = await lines(variant(['      5: Redesigns intake and routing so the queue stays healthy without heroics.\n', '']));
    expect(missing).toEqual(["27:7  dimension 'queue-management' has no anchor for level 5; the scale has 5 levels and each needs a written anchor"]);
    const extra = await lines(variant(['      5: Built a coaching habit across the team that outlasted them.\n', '      5: Built a coaching habit across the team that outlasted them.\n      6: Extra.\n']));
    expect(extra).toEqual(["53:10  dimension 'coaching' has an anchor for level 6, but the scale stops at 5; remove it or add level 6 to the scale"]);
  });

  it('takes a bar and hurdles between levels, and refuses them above the top level', async () => {
    const file = variant(['  bar: 3.5\n', '  bar: 5.5\n'], ['      min_level: 2.5\n', '      min_level: 6\n']);
    expect(await lines(file)).toEqual([
      '136:8  policy.bar is 5.5, above the top level 5 of the scale; no candidate could reach it',
      "139:18  hurdle 'queue-management' asks for 6, above the top level 5 of the scale",
    ]);
  });
});

describe('flags', () => {
  it('needs exactly one of dimension and dimensions, and known dimensions', async () => {
    const none = await lines(variant(['      dimension: written-updates\n', '']));
    expect(none).toEqual([
      "85:7  red flag 'blames-customers' names no dimension; add dimensions: [DIMENSION-ID, ...], or dimensions: any for a cross-cutting flag offered in every stage",
    ]);
    const both = await lines(variant(['      dimension: queue-management\n', '      dimension: queue-management\n      dimensions: [coaching]\n']));
    expect(both).toEqual(["84:19  concern flag 'hero-fixes' has both dimension and dimensions; keep one (dimensions: [queue-management] says the same as dimension: queue-management)"]);
    const unknown = await lines(variant(['dimensions: [queue-management, written-updates]', 'dimensions: [queue-managment, queue-managment]']));
    expect(unknown).toEqual([
      "79:20  green flag 'numbers-first' names dimension 'queue-managment', which does not exist; did you mean 'queue-management'?",
      "79:37  green flag 'numbers-first' names dimension 'queue-managment', which does not exist; did you mean 'queue-management'?",
      "79:37  green flag 'numbers-first' lists dimension 'queue-managment' twice",
    ]);
  });

  it('refuses knockout on a concern: concerns are weak signals', async () => {
    const file = variant(['      dimension: queue-management\n  red:', '      dimension: queue-management\n      knockout: true\n  red:']);
    expect(await lines(file)).toEqual(["84:7  flags.concern[0]: unknown key 'knockout'; remove it"]);
  });

  it('finds duplicate ids across the tiers', async () => {
    const file = variant(['    - id: hero-fixes\n', '    - id: numbers-first\n']);
    expect(await lines(file)).toEqual(["81:11  duplicate flag id 'numbers-first' (first used at flags.green[0]); ids must be unique"]);
  });
});

describe('optional stages', () => {
  it('asks a stage that runs an optional case to say it is optional', async () => {
    const file = variant(['    optional: true\n    purpose: >-', '    purpose: >-']);
    expect(await lines(file)).toEqual(["131:17  warning: stage 'backlog' runs the optional case study 'backlog-case', so it is optional too; add optional: true to the stage to say so"]);
  });

  it('warns when a dimension is rated only in optional stages, and when min_scorecards needs them', async () => {
    const file = variant(['    focus: [queue-management, written-updates, coaching]\n', '    focus: [queue-management, coaching]\n'], ['    questions: [qm-triage, wu-outage-note]\n', '    questions: [qm-triage]\n'], ['  min_scorecards: 2\n', '  min_scorecards: 3\n']);
    expect(await lines(file)).toEqual([
      "59:5  warning: dimension 'written-updates' is rated only in optional stages, so a loop that skips them leaves it unrated; add it to a required stage",
      '140:19  warning: policy.min_scorecards is 3, but only 2 stages are required; a candidate whose loop skips the optional stage reads "not enough evidence" unless some stage has two scorers, so lower it to 2 or say why in a comment',
    ]);
  });
});

describe('questions and timing', () => {
  it('refuses case questions without a case, a question asked twice and a question_minutes list of the wrong length', async () => {
    const file = variant(['    questions: [qm-triage, wu-outage-note]\n', '    questions: [qm-triage, wu-outage-note]\n    case_questions: [qm-triage]\n']);
    expect(await lines(file)).toEqual([
      "121:21  stage 'onsite' has case_questions but no case_study; name the case study they are asked in, or move them to questions",
      "121:22  stage 'onsite' asks question 'qm-triage' twice (also in questions); ask it once, in questions or in case_questions",
    ]);
    const count = await lines(variant(['    question_minutes: 15\n', '    question_minutes: [15, 15, 15]\n']));
    expect(count).toEqual([
      "110:23  stage 'screen' lists 3 question_minutes but asks 2 questions; give one entry per question in the order asked, or one number for all",
    ]);
  });

  it('warns when the questions cannot fit the stage', async () => {
    const file = variant(['    question_minutes: 15\n', '    question_minutes: 25\n']);
    expect(await lines(file)).toEqual([
      "107:23  warning: stage 'screen' cannot fit its questions in 45 minutes (5 opening, 2 questions of 25 minutes, 0 closing; each question needs at least 5); lengthen the stage, shorten the case or move a question to another stage",
      '109:14  warning: stage \'screen\' says "15 minutes per question" but its timing plan gives 25 minutes (5 opening, 2 questions of 25 minutes, 0 closing); set question_minutes to 15 or change the text',
    ]);
  });

  it('warns when the stage prose states a timing the plan does not follow', async () => {
    // Without question_minutes the screen's two questions share 30 minutes: 15 each, as the prose says.
    expect(await lines(variant(['    question_minutes: 15\n', '']))).toEqual([]);
    const closing = await lines(variant(['    closing_minutes: 5\n', '']));
    expect(closing).toEqual([
      '117:14  warning: stage \'onsite\' says "five minutes for the candidate\'s questions" but its timing plan gives 10 minutes (5 opening, 2 questions of 22 to 23 minutes, 10 closing); set closing_minutes to 5 or change the text',
    ]);
  });

  it('warns when opening, question_minutes and closing leave minutes unplanned', async () => {
    const file = variant(['    question_minutes: 15\n', '    question_minutes: 15\n    opening_minutes: 5\n    closing_minutes: 5\n']);
    expect(await lines(file)).toEqual([
      "112:22  warning: stage 'screen' lasts 45 minutes but its opening, questions and closing add up to 40; the plan gives the 5 spare minutes to the candidate's questions, so set closing_minutes to 10 or change the others",
    ]);
  });

  it('reads timings from prose as people write them', () => {
    expect(timingClaims('About 12 minutes per\n      question, with 5 minutes for the candidate\'s questions.').map((c) => [c.what, c.minutes])).toEqual([
      ['question', 12],
      ['closing', 5],
    ]);
    expect(timingClaims('Five questions, about 12 minutes each, and 10 minutes for the candidate\'s questions. 45 minutes of case.').map((c) => [c.what, c.minutes])).toEqual([
      ['question', 12],
      ['closing', 10],
      ['case', 45],
    ]);
    expect(timingClaims('Allow 5 minutes at each end; a five-minute role-play.')).toEqual([]);
  });
});

describe('keys and tags a YAML reader must not trust', () => {
  it('treats 1: and quoted 1: in one map as the same key', async () => {
    const file = variant(['  2: { label: developing', "  '1': { label: developing"]);
    expect(await lines(file)).toEqual(["16:3  duplicate key '1'; each key may appear once in a mapping, remove or rename one"]);
  });

  it('refuses __proto__ and its kin as keys, wherever they are', async () => {
    const file = variant(['  title: Support Operations Lead\n', '  title: Support Operations Lead\n  __proto__: { admin: true }\n'], ['    weight: 35\n', '    weight: 35\n    constructor: x\n']);
    const found = await lines(file);
    expect(found).toEqual([
      "8:3  key '__proto__' is not allowed: it names a JavaScript object's internals, not a hirekit field; remove it",
      "48:5  key 'constructor' is not allowed: it names a JavaScript object's internals, not a hirekit field; remove it",
    ]);
  });

  it('refuses unknown tags such as !!js/function as errors', async () => {
    const file = variant(['  level: Team lead\n', '  level: !!js/function "function () { return 1 }"\n']);
    const report = await loadRubricFile(file);
    expect(report.loaded).toBeUndefined();
    expect(report.errors.map((f) => formatLocated(f).replace(`${file}:`, ''))).toEqual([
      '8:10  unknown YAML tag !!js/function; hirekit files hold plain text, numbers, lists and mappings, so remove the tag',
    ]);
  });
});
