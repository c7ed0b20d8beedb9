// The mapping checked against a rubric, the drafted mapping, and the conversion: hand-worked expectations on
// the data-analyst fixture rubric (stages screen and technical; dimensions sql and communication).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertScorecards } from '../../../src/core/import/convert.js';
import { draftMapping, recommendationFor, suggest } from '../../../src/core/import/draft-mapping.js';
import { checkMapping, ImportMapping, MAPPING_FORMAT, ratingTarget } from '../../../src/core/import/mapping.js';
import type { AtsScorecard } from '../../../src/core/import/model.js';
import type { Rubric } from '../../../src/core/rubric.js';
import { loadRubricFile } from '../../../src/io/rubrics.js';
import { FIXTURES } from '../../helpers/cli.js';

let rubric: Rubric;
beforeAll(async () => {
  const report = await loadRubricFile(path.join(FIXTURES, 'rubrics', 'data-analyst.yaml'));
  if (!report.loaded) throw new Error('fixture rubric did not load');
  rubric = report.loaded.rubric;
});

const mapping = (over: Partial<ImportMapping> = {}): ImportMapping =>
  ImportMapping.parse({
    format: MAPPING_FORMAT,
    source: 'greenhouse',
    role: 'data-analyst',
    stages: { 'Tech Interview': 'technical' },
    dimensions: { 'SQL Skills': 'sql', Communication: 'communication', Vibes: 'skip' },
    ratings: { definitely_not: 1, no: 2, mixed: 2, yes: 3, strong_yes: 4, no_decision: 'skip' },
    recommendations: { definitely_not: 'strong-no', no: 'no', mixed: 'none', yes: 'yes', strong_yes: 'strong-yes', no_decision: 'none' },
    questions: { 'Key Take-Aways': 'summary', 'Private Notes': 'note' },
    ...over,
  });

function card(over: Partial<AtsScorecard> = {}): AtsScorecard {
  return {
    system: 'greenhouse',
    path: [0],
    id: '11',
    candidateId: '77',
    interview: { id: '5', name: 'Tech Interview', path: [0, 'interview_step'] },
    interviewer: { id: '9', name: 'Ana Ruiz', path: [0, 'interviewer'] },
    submittedAt: '2026-05-01T10:00:00Z',
    createdAt: '2026-05-01T09:00:00Z',
    updatedAt: '2026-05-01T10:00:00Z',
    recommendation: { word: 'yes', path: [0, 'overall_recommendation'] },
    ratings: [
      { name: 'Communication', word: 'strong_yes', note: 'Explained the power calculation before running the test.', path: [0, 'attributes', 0] },
      { name: 'SQL Skills', word: 'mixed', path: [0, 'attributes', 1] },
    ],
    answers: [
      { question: 'Key Take-Aways', answer: 'Solid analyst.', path: [0, 'questions', 0] },
      { question: 'Private Notes', answer: 'Ask about notice period.', path: [0, 'questions', 1] },
    ],
    ...over,
  };
}

const convert = (cards: AtsScorecard[], m = mapping(), candidate?: string) =>
  convertScorecards({ scorecards: cards, mapping: m, rubric, rubricHash: 'sha256:abc', ...(candidate ? { candidate } : {}), file: 'gh.json', now: new Date('2026-06-01T12:00:00Z'), slugOf: (n) => n.toLowerCase().replace(/[^a-z]+/g, '-') });

describe('checkMapping', () => {
  it('accepts a complete mapping', () => {
    expect(checkMapping(mapping(), rubric)).toEqual([]);
  });

  it('refuses TODOs, unknown ids (with the nearest id), unknown ATS words and bad targets, each at its key', () => {
    const findings = checkMapping(
      mapping({
        stages: { 'Tech Interview': 'tecnical', Lunch: 'TODO' },
        dimensions: { SQL: 'sq' },
        ratings: { yes: 3, strong_yes: 9, so_so: 1, mixed: 'TODO' },
        recommendations: { yes: 'hire' },
        questions: { Notes: 'evidence' },
        interviewers: { '9': 'TODO' },
      }),
      rubric,
    );
    expect(findings.map((f) => [f.path.join('/'), f.message])).toEqual([
      ['stages/Tech Interview', "stages.\"Tech Interview\": 'tecnical' is not a stage of data-analyst; did you mean 'technical'? (stages: screen, technical; or skip)"],
      ['stages/Lunch', 'stages.Lunch: still TODO; write the id of a stage of data-analyst (screen, technical) or skip'],
      ['dimensions/SQL', expect.stringMatching(/^dimensions\.SQL: 'sq' is not a dimension of data-analyst; did you mean 'sql'\?/)],
      ['ratings/strong_yes', 'ratings.strong_yes: 9 is not a level of the scale (1, 2, 3, 4), insufficient (insufficient evidence) or skip (not imported)'],
      ['ratings/so_so', "ratings: 'so_so' is not a Greenhouse rating (expected definitely_not, no, mixed, yes, strong_yes, no_decision)"],
      ['ratings/mixed', 'ratings.mixed: still TODO; write a level of the scale (1, 2, 3, 4), insufficient (insufficient evidence) or skip (not imported)'],
      ['recommendations/yes', "recommendations.yes: 'hire' is not a hirekit recommendation (expected strong-no, no, yes, strong-yes, none)"],
      ['questions/Notes', "questions.Notes: 'evidence' is not summary (the scorecard's summary), note (a private note on it) or skip"],
      ['interviewers/9', 'interviewers.9: still TODO; write the interviewer\'s name as hirekit should show it'],
    ]);
  });

  it('reads a level written in quotes as the level', () => {
    expect(ratingTarget('3', [1, 2, 3, 4])).toBe(3);
    expect(ratingTarget(5, [1, 2, 3, 4])).toBeUndefined();
    expect(ratingTarget('insufficient', [1, 2, 3])).toBe('insufficient');
  });
});

describe('convertScorecards', () => {
  it('makes a submitted scorecard: notes as evidence, a rating without a note marked, the import in the audit trail', () => {
    const { planned, problems, notices } = convert([card()], mapping(), 'Zoë Łukasz');
    expect(problems).toEqual([]);
    expect(notices).toEqual([]);
    const sc = planned[0]!.scorecard;
    expect(planned[0]!.withoutEvidence).toBe(1);
    expect(sc).toMatchObject({ candidate: { name: 'Zoë Łukasz' }, interviewer: { name: 'Ana Ruiz', slug: 'ana-ruiz' }, stage: 'technical', status: 'submitted', submitted_at: '2026-05-01T10:00:00Z', created_at: '2026-05-01T09:00:00Z', updated_at: '2026-06-01T12:00:00.000Z', recommendation: 'yes', summary: 'Solid analyst.' });
    // The technical stage rates sql before communication: ratings follow the stage's order, not the ATS's.
    expect(sc.ratings).toEqual([
      { dimension: 'sql', rating: 2, no_evidence: 'the Greenhouse scorecard gave this rating without a note', at: '2026-05-01T10:00:00Z' },
      { dimension: 'communication', rating: 4, evidence: 'Explained the power calculation before running the test.', at: '2026-05-01T10:00:00Z' },
    ]);
    expect(sc.notes).toEqual([{ text: 'Private Notes\nAsk about notice period.', at: '2026-05-01T10:00:00Z' }]);
    expect(sc.audit).toEqual([
      {
        at: '2026-06-01T12:00:00.000Z',
        action: 'import',
        reason: 'imported from Greenhouse scorecard 11 in gh.json',
        source: { system: 'greenhouse', file: 'gh.json', scorecard_id: '11', candidate_id: '77', interviewer_id: '9', interview_id: '5', updated_at: '2026-05-01T10:00:00Z' },
      },
    ]);
  });

  it('lists attributes and questions the mapping does not name; counts what it skips; never drops silently', () => {
    const { planned, notices } = convert(
      [card({ ratings: [{ name: 'Culture', word: 'yes', path: [0, 'attributes', 0] }, { name: 'Vibes', word: 'yes', path: [0, 'attributes', 1] }, { name: 'Culture', word: 'no', path: [0, 'attributes', 2] }], answers: [{ question: 'Team?', answer: 'Alpha', path: [0, 'questions', 0] }] })],
      mapping(),
      'Zoë Łukasz',
    );
    expect(planned[0]!.scorecard.ratings).toEqual([]);
    expect(notices).toEqual([
      '[0].attributes[0]: "Culture" is not in the mapping\'s dimensions: section, so its 2 ratings were not imported; add it with a dimension id or skip',
      '[0].questions[0]: question "Team?" is not in the mapping\'s questions: section, so its answer was kept as a private note; add it with summary, note or skip',
      '1 rating left out: the mapping skips its attribute or word',
    ]);
    expect(planned[0]!.scorecard.notes).toEqual([{ text: 'Team?\nAlpha', at: '2026-05-01T10:00:00Z' }]);
  });

  it('reports unmapped stages, rating words and candidates once each, at their first path', () => {
    const m = mapping({ stages: {}, ratings: { yes: 3 } });
    const { problems } = convert([card(), card({ path: [1], id: '12' })], m);
    expect(problems.map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual([
      '0.interview_step: "Tech Interview" (and 1 more scorecard) is not in the mapping\'s stages: section; add it with a stage id of data-analyst or skip',
    ]);
    const words = convert([card()], mapping({ ratings: { yes: 3 } }));
    expect(words.problems.map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual([
      '0.candidate_id: candidate 77 has no name: pass --candidate NAME (for a file about one candidate) or add candidates: { "77": NAME } to the mapping',
    ]);
    const levels = convert([card()], mapping({ ratings: { yes: 3 } }), 'A B');
    expect(levels.problems.map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual([
      '0.attributes.0.rating: "strong_yes" has no level in the mapping\'s ratings: section; add strong_yes: with a level, insufficient or skip',
      '0.attributes.1.rating: "mixed" has no level in the mapping\'s ratings: section; add mixed: with a level, insufficient or skip',
    ]);
  });

  it('refuses two ATS scorecards that would become one hirekit scorecard, and two attributes on one dimension', () => {
    const twice = convert([card(), card({ path: [1], id: '12' })], mapping(), 'A B');
    expect(twice.problems.map((p) => p.message)).toEqual(['becomes the same scorecard as [0] (A B, stage technical, Ana Ruiz); map their interviews to different stages, or one of them to skip']);
    const both = convert([card({ ratings: [{ name: 'SQL Skills', word: 'yes', note: 'x', path: [0, 'attributes', 0] }, { name: 'Queries', word: 'no', path: [0, 'attributes', 1] }] })], mapping({ dimensions: { 'SQL Skills': 'sql', Queries: 'sql' } }), 'A B');
    expect(both.problems.map((p) => p.message)).toEqual(['"Queries" rates sql, which [0].attributes[0] already rates in this scorecard; map one of them to another dimension or to skip']);
  });

  it('skips what the ATS did not submit and what the mapping skips; --candidate cannot name several candidates', () => {
    const { planned, skipped } = convert([card({ notSubmitted: 'it has no submitted_at (not submitted in Greenhouse)' }), card({ path: [1], interview: { name: 'Lunch', path: [1, 'interview'] } })], mapping({ stages: { Lunch: 'skip' } }), 'A B');
    expect(planned).toEqual([]);
    expect(skipped).toEqual([
      { path: [0], why: 'not imported: it has no submitted_at (not submitted in Greenhouse)' },
      { path: [1], why: 'not imported: the mapping skips the interview "Lunch"' },
    ]);
    const several = convert([card(), card({ path: [1], candidateId: '78' })], mapping(), 'A B');
    expect(several.problems[0]!.message).toBe("holds scorecards of 2 candidates (ids 77, 78), so --candidate cannot name them all; name each in the mapping's candidates: section");
  });

  it('uses the mapping for interviewer names (Lever gives ids only) and refuses a name with terminal controls', () => {
    const lever = convert([card({ interviewer: { id: 'u-1', path: [0, 'user'] } })], mapping({ interviewers: { 'u-1': 'Mariam Haddad' } }), 'A B');
    expect(lever.planned[0]!.scorecard.interviewer).toEqual({ name: 'Mariam Haddad', slug: 'mariam-haddad' });
    const none = convert([card({ interviewer: { id: 'u-1', path: [0, 'user'] } })], mapping(), 'A B');
    expect(none.problems[0]!.message).toBe('user u-1 has no name in the file; add interviewers: { "u-1": NAME } to the mapping');
    const hostile = convert([card({ interviewer: { name: 'Eve\u001b[2J', path: [0, 'interviewer'] } })], mapping(), 'A B');
    expect(hostile.problems[0]!.message).toMatch(/terminal escape sequence/);
  });
});

describe('draftMapping', () => {
  it('suggests the same or a close name, and leaves the rest TODO', () => {
    const choices = rubric.dimensions.map((d) => ({ id: d.id, name: d.name }));
    expect(suggest('SQL', choices)).toEqual({ id: 'sql', how: 'same', via: 'id' });
    expect(suggest('sql & data handling', choices)).toEqual({ id: 'sql', how: 'same' });
    expect(suggest('Comunicating findings', choices)).toEqual({ id: 'communication', how: 'close' });
    expect(suggest('Communication skills', choices)).toEqual({ id: 'communication', how: 'perhaps' });
    expect(suggest('Culture add', choices)).toBeUndefined();
  });

  it('drafts every name in the export, a scale-aware ratings section and TODO where nothing fits', () => {
    const draft = draftMapping({ system: 'greenhouse', scorecards: [card({ ratings: [{ name: 'SQL', word: 'yes', path: [] }, { name: 'Culture add', word: 'yes', path: [] }] })], rubric, file: 'gh.json', candidate: 'Zoë Łukasz' });
    expect(draft.mapping).toMatchObject({
      format: MAPPING_FORMAT,
      source: 'greenhouse',
      role: 'data-analyst',
      stages: { 'Tech Interview': 'TODO' },
      dimensions: { SQL: 'sql', 'Culture add': 'TODO' },
      // A four-level scale: mixed sits between 2 and 3, so it is the user's call.
      ratings: { definitely_not: 1, no: 2, mixed: 'TODO', yes: 3, strong_yes: 4, no_decision: 'skip' },
      recommendations: { definitely_not: 'strong-no', no: 'no', mixed: 'TODO', yes: 'yes', strong_yes: 'strong-yes', no_decision: 'none' },
      questions: { 'Key Take-Aways': 'summary', 'Private Notes': 'note' },
      interviewers: { '9': 'Ana Ruiz' },
      candidates: { '77': 'Zoë Łukasz' },
    });
    // Tech Interview, Culture add, mixed twice: four entries to fill in.
    expect(draft.todo).toBe(4);
    expect(draft.comments(['dimensions', 'SQL'])).toEqual({ after: 'same name as the id sql (SQL and data handling)' });
    expect(draft.comments(['stages'])?.before).toContain('Stages: screen, technical');
    // The drafted mapping checks clean once its TODOs are filled in.
    const filled = JSON.parse(JSON.stringify(draft.mapping).replaceAll('"TODO"', '"skip"').replace('"mixed":"skip"', '"mixed":2').replace('"mixed":"skip"', '"mixed":"none"'));
    expect(checkMapping(ImportMapping.parse(filled), rubric)).toEqual([]);
  });

  it('reads overall words plainly, and has no equivalent for a middle call', () => {
    expect(['4 - Strong Hire', '3 - Hire', '2 - No Hire', '1 - Strong No Hire', 'definitely_not', 'no_decision', 'mixed'].map(recommendationFor)).toEqual(['strong-yes', 'yes', 'no', 'strong-no', 'strong-no', 'none', undefined]);
  });
});
