// A rubric with a five-level scale, a bar and hurdle between levels, tiers of flags, a cross-cutting flag,
// an optional stage and a question asked inside a case, through the real command line in-process: score from
// answers files, the debrief (PDF text and JSON) and the pack (PDF text).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Debrief } from '../../src/core/debrief.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { readPdf, type PdfFacts } from '../helpers/pdf.js';

const RUBRICS = path.join(FIXTURES, 'rubrics-five');
let tmp: ReturnType<typeof tempDir>;
let ws: string;

const hirekit = (args: string[]) => runInProcess(['--rubrics', RUBRICS, '--workspace', ws, ...args]);

function answers(name: string, body: string): string {
  const file = path.join(tmp.dir, name);
  writeFileSync(file, body);
  return file;
}

function score(stage: string, interviewer: string, file: string, ...extra: string[]) {
  return hirekit(['score', 'support-lead', '--candidate', 'Wei Zhang (张伟)', '--stage', stage, '--interviewer', interviewer, '--answers', file, ...extra]);
}

beforeAll(() => {
  tmp = tempDir('hirekit-five-');
  ws = path.join(tmp.dir, 'ws');
  // score writes only into a workspace that exists (hirekit init); an answers run never creates one.
  mkdirSync(path.join(ws, 'candidates'), { recursive: true });
});
afterAll(() => tmp.cleanup());

describe('a five-level rubric', () => {
  it('refuses a rating above the top level, naming the scale', async () => {
    const file = answers('bad.yaml', 'ratings:\n  queue-management:\n    rating: 6\n    evidence: Moved two engineers to intake within the hour.\n');
    const result = await score('screen', 'Zoë Łukasz', file, '--draft');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:3:13  ratings.queue-management.rating: 6 is not a rating: use 1, 2, 3, 4, 5 (the scale's levels) or insufficient`);
  });

  it('scores levels 5 and 1, a concern and the cross-cutting knockout offered in every stage', async () => {
    const screen = answers(
      'screen.yaml',
      [
        'ratings:',
        '  queue-management: { rating: 5, evidence: Rebuilt intake routing and held response times through a launch spike. }',
        '  coaching: { rating: 4, evidence: Grew a junior engineer into the escalation lead within a year. }',
        'flags:',
        '  hero-fixes: Said the last two backlogs were cleared by working weekends personally.',
        'recommendation: yes',
        'summary: Strong queue judgement and a real coaching story; one habit of heroics to ask about.',
        '',
      ].join('\n'),
    );
    expect(await score('screen', 'Zoë Łukasz', screen)).toMatchObject({ code: 0 });
    const onsite = answers(
      'onsite.yaml',
      [
        'ratings:',
        '  queue-management: { rating: 2, evidence: Picked the louder customer without a stated rule for priority. }',
        '  written-updates: { rating: 4, evidence: Wrote a short honest update with a time for the next one. }',
        '  coaching: { rating: insufficient, evidence: We ran out of time before reaching coaching in this stage. }',
        'flags:',
        "  takes-credit: Described the routing rebuild as solo work; the screen notes named a team member's design.",
        'recommendation: no',
        'summary: Sound writing, weak triage, and an account of the routing work that conflicts with the screen.',
        '',
      ].join('\n'),
    );
    expect(await score('onsite', 'Ana Ruiz', onsite)).toMatchObject({ code: 0 });
    const card = parse(readFileSync(path.join(ws, 'candidates', 'wei-zhang', 'scorecards', 'screen--zoe-lukasz.yaml'), 'utf8'));
    expect(card.ratings[0].rating).toBe(5);
    expect(card.flags).toMatchObject([{ flag: 'hero-fixes', kind: 'concern' }]);
  });

  it('aggregates on the five-level scale: JSON debrief', async () => {
    const result = await hirekit(['debrief', 'Wei Zhang (张伟)', '--format', 'json']);
    expect(result.code).toBe(0);
    const d = JSON.parse(result.stdout) as Debrief;
    expect(d.scale.levels.map((l) => l.label)).toEqual(['no evidence of skill', 'developing', 'nearly there', 'meets bar', 'role model']);
    // Half the range of five levels is two: ratings 5 and 2 (spread 3) go on the agenda.
    expect(d.scale.disagreement_spread).toBe(2);
    const queue = d.dimensions.find((x) => x.id === 'queue-management')!;
    expect([queue.score, queue.disagreement]).toEqual([3.5, true]);
    // Hurdle 2.5 met by 3.5; composite (40 x 3.5 + 35 x 4 + 25 x 4) / 100 = 3.8 against the bar of 3.5.
    expect(d.policy.hurdles[0]).toMatchObject({ min_level: 2.5, status: 'met' });
    expect(d.policy.composite).toBe(3.8);
    expect(d.summary.verdict).toBe('knockout-raised');
    expect(d.flags.map((f) => [f.id, f.tier, f.cross_cutting])).toEqual([
      ['takes-credit', 'knockout', true],
      ['hero-fixes', 'concern', false],
    ]);
    // A concern noted by one interviewer is listed with the flags, not a reason of the summary.
    expect(d.summary.reasons.join(' ')).not.toContain('working weekends');
    expect(d.summary.reasons.join(' ')).not.toContain('Solves most backlog problems');
    expect(d.coverage.stages_without_scorecard).toEqual([{ id: 'backlog', name: 'Backlog case', optional: true }]);
  });

  describe('debrief PDF', () => {
    let pdf: PdfFacts;
    beforeAll(async () => {
      const out = path.join(tmp.dir, 'debrief.pdf');
      expect((await hirekit(['debrief', 'Wei Zhang (张伟)', '--out', out])).code).toBe(0);
      pdf = await readPdf(out);
    });

    it('labels the axis with all five levels and states the scale', () => {
      for (const label of ['no evidence of skill', 'developing', 'nearly there', 'meets bar', 'role model']) expect(pdf.text).toContain(label);
      expect(pdf.text).toContain('ratings on the 1–5 scale');
    });

    it('names the tiers and the cross-cutting flag, and counts the optional stage apart', () => {
      expect(pdf.text).toContain('KNOCKOUT: Presents a team member');
      expect(pdf.text).toContain('any dimension (cross-cutting)');
      expect(pdf.text).toContain('Concern: Solves most backlog problems by working late personally.');
      expect(pdf.text).toContain('Every required stage of the loop has a submitted scorecard.');
      expect(pdf.text).toContain('Optional stages without a scorecard (the loop may skip them): Backlog case.');
    });
  });

  describe('pack PDF', () => {
    let pdf: PdfFacts;
    beforeAll(async () => {
      const out = path.join(tmp.dir, 'pack.pdf');
      expect((await hirekit(['pack', 'support-lead', '--out', out])).code).toBe(0);
      pdf = await readPdf(out);
    });

    it('gives every dimension five level boxes and insufficient evidence on the sheets, and five anchors in the guide', () => {
      const sheet = pdf.pageTexts.find((t) => t.includes('Scoring sheet: Screen')) ?? '';
      const folded = sheet.replace(/\s+/g, ' ');
      for (const box of ['1 no evidence of skill', '2 developing', '3 nearly there', '4 meets bar', '5 role model', 'insufficient evidence']) {
        expect(folded).toContain(box);
      }
      expect(pdf.text).toContain('5 · role model Redesigns intake and routing');
    });

    it('marks the optional stage, plans the case question inside the case, and offers the cross-cutting flag everywhere', () => {
      expect(pdf.text).toContain('Backlog case (optional)');
      expect(pdf.text).toContain('Without the optional stages (context-specific, run where the role calls for them): 105 minutes.');
      expect(pdf.text).toContain('25–35 min Question 1, inside the case, with its probes');
      expect(pdf.text).toContain('asked inside the case study');
      const sheets = pdf.pageTexts.filter((t) => t.includes('Scoring sheet:')).map((t) => t.replace(/\s+/g, ' '));
      expect(sheets.length).toBe(3);
      for (const s of sheets) expect(s).toContain('Red, knockout: Presents a team member');
    });
  });
});
