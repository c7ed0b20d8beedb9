import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { buildPack, prose } from '../../src/core/pack.js';
import type { Rubric } from '../../src/core/rubric.js';
import { loadRubricFile } from '../../src/io/rubrics.js';
import { FIXTURES } from '../helpers/cli.js';

let rubric: Rubric;
const now = new Date('2026-03-04T10:00:00Z');

beforeAll(async () => {
  const report = await loadRubricFile(path.join(FIXTURES, 'rubrics', 'data-analyst.yaml'));
  if (!report.loaded) throw new Error('fixture rubric does not load');
  rubric = report.loaded.rubric;
});

describe('buildPack', () => {
  it('holds the whole loop by default, with the coverage matrix of stages by dimensions', () => {
    const pack = buildPack(rubric, { stages: [], now });
    expect(pack.wholeLoop).toBe(true);
    expect(pack.date).toBe('2026-03-04');
    expect(pack.stages.map((s) => s.id)).toEqual(['screen', 'technical']);
    expect(pack.loop.minutes).toBe(90);
    expect(pack.loop.stages.map((s) => [s.number, s.focus, s.caseStudy])).toEqual([
      [1, ['Communicating findings'], null],
      [2, ['SQL and data handling', 'Communicating findings'], 'The churn dip'],
    ]);
    // sql is rated only in stage 2; communication in both.
    expect(pack.loop.coverage.rows.map((r) => [r.id, r.cells.map((c) => c.covered), r.stages])).toEqual([
      ['sql', [false, true], 1],
      ['communication', [true, true], 2],
    ]);
    expect(pack.loop.coverage.uncovered).toEqual([]);
  });

  it('gives each stage its anchors, questions, flags and a scoring sheet with insufficient evidence', () => {
    const pack = buildPack(rubric, { stages: [], now, candidate: 'Zoë Łukasz', interviewer: 'Ana Ruiz' });
    const technical = pack.stages[1]!;
    expect(technical.focus.map((d) => d.id)).toEqual(['sql', 'communication']);
    expect(technical.focus[0]!.anchors[2]).toEqual({
      level: 3,
      label: 'meets bar',
      anchor: 'Writes correct joins and window functions and checks row counts unprompted.',
    });
    // The stage lists its questions explicitly: only sql-messy-join, not comm-surprise.
    expect(technical.questions.map((q) => [q.number, q.id, q.dimension])).toEqual([[1, 'sql-messy-join', 'SQL and data handling']]);
    expect(technical.questions[0]!.listenFor).toHaveLength(2);
    expect(technical.greenFlags.map((f) => f.id)).toEqual(['checks-counts']);
    expect(technical.redFlags.map((f) => [f.id, f.knockout])).toEqual([
      ['fabricates-numbers', true],
      ['blames-data', false],
    ]);
    expect(technical.sheet.candidate).toBe('Zoë Łukasz');
    expect(technical.sheet.interviewer).toBe('Ana Ruiz');
    expect(technical.sheet.dimensions[0]!.options.map((o) => o.label)).toEqual([
      'well below bar',
      'below bar',
      'meets bar',
      'exceeds bar',
      'insufficient evidence',
    ]);
    expect(technical.sheet.flags.map((f) => f.id)).toEqual(['checks-counts', 'fabricates-numbers', 'blames-data']);
    expect(technical.sheet.recommendations.map((r) => r.label)).toEqual(['Strong no', 'No', 'Yes', 'Strong yes']);
    // The screen rates only communication, so only its flag applies.
    expect(pack.stages[0]!.sheet.flags.map((f) => f.id)).toEqual(['fabricates-numbers']);
  });

  it('keeps only the chosen stages, in loop order, and only their handouts', () => {
    const screen = buildPack(rubric, { stages: ['screen'], now });
    expect(screen.wholeLoop).toBe(false);
    expect(screen.stages.map((s) => s.id)).toEqual(['screen']);
    expect(screen.handouts).toEqual([]);
    expect(screen.loop.stages.map((s) => s.included)).toEqual([true, false]);
    const both = buildPack(rubric, { stages: ['technical', 'screen'], now });
    expect(both.stages.map((s) => s.id)).toEqual(['screen', 'technical']);
    expect(both.handouts.map((h) => h.id)).toEqual(['churn-dip']);
  });

  it('builds handouts from the candidate-visible brief only', () => {
    const pack = buildPack(rubric, { stages: [], now, candidate: 'Zoë' });
    const handout = pack.handouts[0]!;
    expect(handout).toEqual({
      id: 'churn-dip',
      title: 'The churn dip',
      minutes: 30,
      stage: 'Technical case',
      role: 'Data Analyst',
      candidate: 'Zoë',
      brief: [
        {
          paragraph:
            'Weekly churn fell from 4% to 2% in one week. You have the subscriptions and events tables. Tell us what you would check first and what you would say to the product lead.',
          items: null,
        },
      ],
    });
    const text = JSON.stringify(handout);
    const study = rubric.case_studies[0]!;
    for (const secret of [study.guide, ...study.strong, ...study.weak]) expect(text).not.toContain(secret);
  });
});

describe('prose', () => {
  it('groups consecutive list items into one list', () => {
    expect(prose('Intro line\n- one\n- two\n\n1. first')).toEqual([
      { paragraph: 'Intro line', items: null },
      {
        paragraph: null,
        items: [
          { marker: '-', ordinal: false, nested: false, text: 'one' },
          { marker: '-', ordinal: false, nested: false, text: 'two' },
          { marker: '1.', ordinal: true, nested: false, text: 'first' },
        ],
      },
    ]);
  });

  it('nests bullets that follow a numbered item under it', () => {
    expect(prose('1. Churn model\n   - Cost: 4 quarters\n2. Search').flatMap((s) => s.items ?? []).map((i) => [i.marker, i.nested])).toEqual([
      ['1.', false],
      ['-', true],
      ['2.', false],
    ]);
  });
});

describe('evidence lines on a scoring sheet', () => {
  it('grow with the minutes a stage spends on each dimension, from 4 to 10', async () => {
    const { evidenceLinesFor } = await import('../../src/core/pack.js');
    expect(evidenceLinesFor(45, 3)).toBe(4); // 15 minutes a dimension
    expect(evidenceLinesFor(20, 4)).toBe(4); // the floor
    expect(evidenceLinesFor(90, 3)).toBe(8); // a 90-minute case: 30 minutes a dimension
    expect(evidenceLinesFor(90, 4)).toBe(6);
    expect(evidenceLinesFor(240, 1)).toBe(10); // the ceiling
  });
});
