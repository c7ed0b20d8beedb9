// "Did you mean ...?" for an unknown key offers only keys the schema allows in that very mapping: never a key
// that belongs somewhere else in the format (a scale level '1', a case study's 'title', a red flag's
// 'knockout'), and never a whole-word rewrite. One file of each kind that goes through checkSchema.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Rubric } from '../../src/core/rubric.js';
import { Scorecard } from '../../src/core/scorecard.js';
import { ImportMapping } from '../../src/core/import/mapping.js';
import { AnswersSchema } from '../../src/io/answers.js';
import { DecisionFileSchema } from '../../src/io/decision-store.js';
import { checkYamlText, formatLocated } from '../../src/io/yaml-file.js';
import { keysAt } from '../../src/io/schema-keys.js';
import { FIXTURES } from '../helpers/cli.js';

const fixture = (...parts: string[]): string => readFileSync(path.join(FIXTURES, ...parts), 'utf8');
const RUBRIC = fixture('rubrics', 'data-analyst.yaml');
const SCORECARD = fixture('workspaces', 'panel', 'candidates', 'sebnem-agaoglu', 'scorecards', 'screen--dmitriy-sokolov.yaml');
const ANSWERS = fixture('answers', 'technical-complete.yaml');
const MAPPING = fixture('import', 'greenhouse-mapping.yaml');
const DECISION = [
  'format: hirekit-decision-file/1',
  'consensus:',
  '  sql:',
  '    level: 3',
  '    reason: Every interviewer saw correct joins checked against row counts.',
  'decision: hire',
  'rationale: Meets the bar on every dimension the loop rated.',
  'participants: [Ada, Grace]',
  '',
].join('\n');

/** The fixture with one exact piece of text replaced. */
function variant(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

/** The unknown-key findings of a text, as "LINE:COL  message" lines. */
function unknownKeys(text: string, schema: z.ZodType): string[] {
  const check = checkYamlText('f.yaml', text, schema, { what: 'file', empty: 'empty' });
  return check.errors.filter((f) => f.code === 'unknown-key').map((f) => formatLocated(f).replace('f.yaml:', ''));
}

describe('rubric', () => {
  it('suggests nothing for top-level keys that are no typo of a top-level key (the reported bug)', () => {
    // Before: "did you mean '1'?" (a scale level) and "did you mean 'file'?" (a source field).
    // A role's id and title written at the top level are pointed to role:, where they belong.
    expect(unknownKeys('id: x\ntitle: 3\n', Rubric)).toEqual([
      "1:1  unknown key 'id' here; it belongs under 'role:', indented below it",
      "2:1  unknown key 'title' here; it belongs under 'role:', indented below it",
    ]);
  });

  it('says a key belongs one level down, preferring a mapping to a list of mappings, and otherwise to remove it', () => {
    // 'anchors' is a key of each dimension (a list item); 'summary' of role; 'colour' of nothing.
    expect(unknownKeys('anchors: {}\nsummary: x\ncolour: red\n', Rubric)).toEqual([
      "1:1  unknown key 'anchors' here; it belongs under 'dimensions:', indented below it",
      "2:1  unknown key 'summary' here; it belongs under 'role:', indented below it",
      "3:1  unknown key 'colour'; remove it",
    ]);
  });

  it('matches a misspelt top-level key against the top-level keys only', () => {
    expect(unknownKeys(variant(RUBRIC, 'version: "1.2"', 'versoin: "1.2"'), Rubric)).toEqual(["11:1  unknown key 'versoin'; did you mean 'version'?"]);
    expect(unknownKeys(variant(RUBRIC, '\nscale:', '\nscle:'), Rubric)).toEqual(["12:1  unknown key 'scle'; did you mean 'scale'?"]);
    expect(unknownKeys(variant(RUBRIC, '\nrole:', '\nrle:'), Rubric)).toEqual(["3:1  unknown key 'rle'; did you mean 'role'?"]);
    // The top-level keys are role, version, scale, dimensions, flags, case_studies, loop and policy; the
    // closest to 'titel' is 'role', 4 edits away, beyond the 2 a five-letter word allows. 'title' (role's
    // and a case study's key) is 1 edit away but not allowed here.
    expect(unknownKeys(variant(RUBRIC, 'version: "1.2"', 'version: "1.2"\ntitel: x'), Rubric)).toEqual(["12:1  unknown key 'titel'; remove it"]);
  });

  it("matches a misspelt nested key against that mapping's own keys", () => {
    expect(unknownKeys(variant(RUBRIC, 'weight: 60', 'wieght: 60'), Rubric)).toEqual(["22:5  dimensions[0]: unknown key 'wieght'; did you mean 'weight'?"]);
    expect(unknownKeys(variant(RUBRIC, '  title: Data Analyst', '  tite: Data Analyst'), Rubric)).toEqual(["5:3  role: unknown key 'tite'; did you mean 'title'?"]);
    expect(unknownKeys(variant(RUBRIC, '4: { label: exceeds bar, meaning:', '4: { label: exceeds bar, meening:'), Rubric)).toEqual([
      "16:28  scale.4: unknown key 'meening'; did you mean 'meaning'?",
    ]);
    expect(unknownKeys(variant(RUBRIC, '    case_study: churn-dip', '    case_stdy: churn-dip'), Rubric)).toEqual([
      "99:5  loop[1]: unknown key 'case_stdy'; did you mean 'case_study'?",
    ]);
    expect(unknownKeys(variant(RUBRIC, '      knockout: true', '      knockot: true'), Rubric)).toEqual([
      "66:7  flags.red[0]: unknown key 'knockot'; did you mean 'knockout'?",
    ]);
  });

  it('does not offer a key that is valid elsewhere in the rubric but not in this mapping', () => {
    // A dimension has no title (role and case studies do): 'titl' is no typo of id, name, measures, weight, ...
    expect(unknownKeys(variant(RUBRIC, '    weight: 60', '    weight: 60\n    titl: SQL'), Rubric)).toEqual(["23:5  dimensions[0]: unknown key 'titl'; remove it"]);
    // Only red flags can be knockouts.
    expect(unknownKeys(variant(RUBRIC, '      dimension: sql\n  red:', '      knockot: true\n      dimension: sql\n  red:'), Rubric)).toEqual([
      "61:7  flags.green[0]: unknown key 'knockot'; remove it",
    ]);
  });
});

describe('scorecard', () => {
  it('top level and inside a rating', () => {
    expect(unknownKeys(variant(SCORECARD, 'recommendation: yes', 'recomendation: yes'), Scorecard)).toEqual([
      "27:1  unknown key 'recomendation'; did you mean 'recommendation'?",
    ]);
    expect(unknownKeys(variant(SCORECARD, '    evidence: Described', '    evidense: Described'), Scorecard)).toEqual([
      "20:5  ratings[0]: unknown key 'evidense'; did you mean 'evidence'?",
    ]);
  });

  it("does not offer a flag's 'note' inside a rating", () => {
    const text = variant(SCORECARD, '    rating: 3\n    evidence: Described', '    rating: 3\n    nte: x\n    evidence: Described');
    expect(unknownKeys(text, Scorecard)).toEqual(["20:5  ratings[0]: unknown key 'nte'; remove it"]);
  });

  it('follows the audit entry its action names', () => {
    const entry = (action: string, key: string): string =>
      variant(SCORECARD, 'audit: []', `audit:\n  - at: 2026-11-04T10:00:00Z\n    action: ${action}\n    reason: Evidence was typed into the wrong dimension.\n    ${key}: {}`);
    expect(unknownKeys(entry('amend', 'previus'), Scorecard)).toEqual(["33:5  audit[0]: unknown key 'previus'; did you mean 'previous'?"]);
    // An import entry keeps no previous answers; its keys are at, action, reason and source.
    expect(unknownKeys(variant(entry('import', 'previus'), 'reason:', 'source: { system: lever, file: a.json, scorecard_id: "1" }\n    reason:'), Scorecard)).toEqual([
      "34:5  audit[0]: unknown key 'previus'; remove it",
    ]);
  });
});

describe('answers file', () => {
  it('top level and inside a rating', () => {
    expect(unknownKeys(variant(ANSWERS, 'recommendation: yes', 'recomendation: yes'), AnswersSchema)).toEqual([
      "12:1  unknown key 'recomendation'; did you mean 'recommendation'?",
    ]);
    expect(unknownKeys(variant(ANSWERS, '    rating: 3', '    ratng: 3'), AnswersSchema)).toEqual(["5:5  ratings.sql: unknown key 'ratng'; did you mean 'rating'?"]);
  });

  it("does not offer the top level's 'summary' inside a rating", () => {
    expect(unknownKeys(variant(ANSWERS, '    rating: 3', '    rating: 3\n    sumary: x'), AnswersSchema)).toEqual(["6:5  ratings.sql: unknown key 'sumary'; remove it"]);
  });
});

describe('decision file', () => {
  it('top level and inside a consensus entry', () => {
    expect(unknownKeys(variant(DECISION, 'rationale:', 'rationle:'), DecisionFileSchema)).toEqual(["7:1  unknown key 'rationle'; did you mean 'rationale'?"]);
    expect(unknownKeys(variant(DECISION, '    reason:', '    reasn:'), DecisionFileSchema)).toEqual(["5:5  consensus.sql: unknown key 'reasn'; did you mean 'reason'?"]);
  });

  it("does not offer a knockout's 'ruling' inside a consensus entry", () => {
    expect(unknownKeys(variant(DECISION, '    level: 3', '    level: 3\n    rulng: x'), DecisionFileSchema)).toEqual(["5:5  consensus.sql: unknown key 'rulng'; remove it"]);
  });
});

describe('import mapping', () => {
  it('top level (its sections are lists of names, with no keys of their own to misspell)', () => {
    expect(unknownKeys(variant(MAPPING, '\nrecommendations:', '\nrecommendatons:'), ImportMapping)).toEqual([
      "24:1  unknown key 'recommendatons'; did you mean 'recommendations'?",
    ]);
    expect(unknownKeys(variant(MAPPING, '\ncandidates:', '\ncandidate:'), ImportMapping)).toEqual(["35:1  unknown key 'candidate'; did you mean 'candidates'?"]);
  });
});

describe('keysAt: the keys allowed at a place, followed through the schema', () => {
  const Leaf = z.object({ weight: z.number(), name: z.string() }).strict();

  it('opens wrappers, lists, records, tuples, lazy schemas and pipes', () => {
    const schema = z.object({
      a: z.array(Leaf).optional(),
      b: z.record(z.string(), Leaf.nullable()).default({}),
      c: z.tuple([z.string(), Leaf]).readonly(),
      d: z.lazy(() => Leaf).catch({ weight: 1, name: 'x' }),
      e: z.preprocess((v) => v, Leaf),
      f: Leaf.transform((leaf) => leaf.name),
    });
    for (const at of [['a', 0], ['b', 'x'], ['c', 1], ['d'], ['e'], ['f']]) expect(keysAt(schema, at, {}), at.join('.')).toEqual(['weight', 'name']);
    expect(keysAt(schema, [], {})).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('joins both sides of an intersection and the options of a union', () => {
    const both = z.intersection(z.object({ a: z.string() }), z.object({ b: z.string() }));
    expect(keysAt(both, [], {})).toEqual(['a', 'b']);
    const either = z.union([z.object({ rating: z.number(), flags: z.array(z.string()) }), Leaf.transform((l) => l), z.string()]);
    expect(keysAt(either, [], {})).toEqual(['rating', 'flags', 'weight', 'name']);
  });

  it("takes the option a discriminated union's data names, or all when it names none", () => {
    const entry = z.discriminatedUnion('kind', [z.object({ kind: z.literal('a'), only_a: z.string() }), z.object({ kind: z.literal('b'), only_b: z.string() })]);
    const schema = z.object({ entries: z.array(entry) });
    expect(keysAt(schema, ['entries', 1], { entries: [{ kind: 'a' }, { kind: 'b' }] })).toEqual(['kind', 'only_b']);
    expect(keysAt(schema, ['entries', 0], { entries: [{ kind: 'c' }] })).toEqual(['kind', 'only_a', 'only_b']);
  });

  it('is undefined where no object of the schema describes the place', () => {
    expect(keysAt(z.object({ a: z.string() }), ['a'], { a: 'x' })).toBeUndefined();
    expect(keysAt(z.object({ a: z.string() }).strict(), ['b'], {})).toBeUndefined();
  });
});
