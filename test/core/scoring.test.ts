import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Rubric } from '../../src/core/rubric.js';
import {
  addNote,
  answerCount,
  applyFlags,
  describeProgress,
  interviewClock,
  nextUnrated,
  notesAbout,
  notesForDimension,
  applyRating,
  applyRecommendation,
  applySummary,
  checkEvidence,
  flagsAwaitingNotes,
  missingForSubmit,
  newScorecard,
  nextStep,
  planFor,
  reopen,
  restart,
  submit,
  type StagePlan,
} from '../../src/core/scoring.js';
import type { Scorecard } from '../../src/core/scorecard.js';
import { loadRubricFile } from '../../src/io/rubrics.js';
import { FIXTURES } from '../helpers/cli.js';

const T0 = new Date('2026-11-24T10:00:00Z');
const T1 = new Date('2026-11-24T10:05:00Z');
const T2 = new Date('2026-11-24T10:10:00Z');
const SQL_EVIDENCE = 'Counted rows before and after the join.';
const COMM_EVIDENCE = 'Led with the decision, then the uncertainty.';

let rubric: Rubric;
let technical: StagePlan;
let screen: StagePlan;

beforeAll(async () => {
  const report = await loadRubricFile(path.join(FIXTURES, 'rubrics', 'data-analyst.yaml'));
  if (!report.loaded) throw new Error('fixture rubric did not load');
  rubric = report.loaded.rubric;
  technical = planFor(rubric, 'technical') as StagePlan;
  screen = planFor(rubric, 'screen') as StagePlan;
});

function blank(stage = 'technical'): Scorecard {
  return newScorecard({
    rubric: { id: 'data-analyst', version: '1.2', hash: 'sha256:0000' },
    candidate: { name: 'Zoë Łukasz', slug: 'zoe-lukasz' },
    interviewer: { name: 'Ada Lovelace', slug: 'ada-lovelace' },
    stage,
    now: T0,
  });
}

function complete(): Scorecard {
  let s = applyRating(technical, blank(), 'sql', 3, SQL_EVIDENCE, T1);
  s = applyRating(technical, s, 'communication', 'insufficient', 'We ran out of time before the presentation part.', T1);
  s = applyRecommendation(s, 'yes', T1);
  return applySummary(s, 'Careful with data; communication still unknown.', T1);
}

describe('planFor', () => {
  it('lists the focus dimensions in the stage order with only the stage questions', () => {
    expect(technical.dimensions.map((d) => d.dimension.id)).toEqual(['sql', 'communication']);
    // The technical stage names its questions: only sql-messy-join, none for communication.
    expect(technical.dimensions.map((d) => d.questions.map((q) => q.id))).toEqual([['sql-messy-join'], []]);
    expect(technical.caseStudy?.id).toBe('churn-dip');
  });
  it('collects the flags of the focus dimensions, green first', () => {
    expect(technical.flags.map((f) => f.id)).toEqual(['checks-counts', 'fabricates-numbers', 'blames-data']);
    expect(screen.flags.map((f) => f.id)).toEqual(['fabricates-numbers']);
    expect(screen.dimensions[0]?.questions.map((q) => q.id)).toEqual(['comm-surprise']);
  });
  it('knows no unknown stage', () => {
    expect(planFor(rubric, 'onsite')).toBeUndefined();
  });
});

describe('checkEvidence', () => {
  it('refuses empty text and single words', () => {
    expect(checkEvidence('')).toMatch(/required/);
    expect(checkEvidence('   ')).toMatch(/required/);
    expect(checkEvidence('good')).toMatch(/real sentence/);
    expect(checkEvidence('good good')).toMatch(/real sentence/);
  });
  it('refuses three words that are too short to say anything', () => {
    expect(checkEvidence('ok ok ok')).toMatch(/15 characters/);
    expect(checkEvidence('- - - - - - - -')).toMatch(/3 different words/);
  });
  it('counts different words, so one word repeated is not a sentence', () => {
    expect(checkEvidence('ok ok ok ok ok ok')).toMatch(/at least 3 different words and 15 characters/);
    expect(checkEvidence('Good good GOOD good good')).toMatch(/3 different words/);
    expect(checkEvidence('yes yes no no maybe')).toBeUndefined();
    // Fifteen characters, not fifteen UTF-16 code units: 张伟 counts as two.
    expect(checkEvidence('讲了 查询 计划')).toMatch(/15 characters/);
    expect(checkEvidence('他 讲了 查询计划 和索引的选择理由')).toBeUndefined();
  });
  it('accepts a real sentence in any script', () => {
    expect(checkEvidence(SQL_EVIDENCE)).toBeUndefined();
    expect(checkEvidence('Объяснила план запроса подробно')).toBeUndefined();
  });
  it('names what it checks', () => {
    expect(checkEvidence('', 'the summary')).toMatch(/^the summary is required/);
  });
});

describe('nextStep', () => {
  it('walks dimensions, then flags, then recommendation, summary and review', () => {
    let s = blank();
    expect(nextStep(technical, s)).toMatchObject({ kind: 'rating', index: 0 });
    s = applyRating(technical, s, 'sql', 3, SQL_EVIDENCE, T1);
    expect(nextStep(technical, s)).toMatchObject({ kind: 'rating', index: 1 });
    s = applyRating(technical, s, 'communication', 2, COMM_EVIDENCE, T1);
    expect(nextStep(technical, s).kind).toBe('flags');
    s = applyFlags(s, [{ flag: 'checks-counts', kind: 'green', note: 'Summed totals on both sides of the join.' }], T1);
    expect(nextStep(technical, s).kind).toBe('recommendation');
    s = applyRecommendation(s, 'strong-yes', T1);
    expect(nextStep(technical, s).kind).toBe('summary');
    s = applySummary(s, 'Would raise the bar on data hygiene.', T1);
    expect(nextStep(technical, s).kind).toBe('review');
  });
  it('resumes at the first unrated dimension even when a later one is rated', () => {
    const s = applyRating(technical, blank(), 'communication', 2, COMM_EVIDENCE, T1);
    expect(nextStep(technical, s)).toMatchObject({ kind: 'rating', index: 0 });
  });
  it('skips flags once a recommendation is given (none ticked is an answer then)', () => {
    let s = applyRating(technical, blank(), 'sql', 3, SQL_EVIDENCE, T1);
    s = applyRating(technical, s, 'communication', 2, COMM_EVIDENCE, T1);
    s = applyRecommendation(s, 'no', T1);
    expect(nextStep(technical, s).kind).toBe('summary');
  });
  it('returns to flags while a ticked flag waits for its note, whatever else is answered', () => {
    const noted = applyFlags(complete(), [{ flag: 'checks-counts', kind: 'green', note: 'Summed totals on both sides of the join.' }], T1);
    expect(nextStep(technical, noted, ['checks-counts', 'blames-data']).kind).toBe('flags');
    // A flag with its note, or one the stage does not have, waits for nothing.
    expect(nextStep(technical, noted, ['checks-counts', 'no-such-flag']).kind).toBe('review');
    const rated = applyRating(technical, applyRating(technical, blank(), 'sql', 3, SQL_EVIDENCE, T1), 'communication', 2, COMM_EVIDENCE, T1);
    expect(nextStep(technical, applyFlags(rated, noted.flags, T1), ['blames-data']).kind).toBe('flags');
  });
  it('lists the ticked flags without a note in the stage order', () => {
    const noted = applyFlags(blank(), [{ flag: 'fabricates-numbers', kind: 'red', note: 'Gave a churn figure, then two others.' }], T1);
    expect(flagsAwaitingNotes(technical, noted, ['blames-data', 'fabricates-numbers', 'checks-counts']).map((f) => f.id)).toEqual(['checks-counts', 'blames-data']);
    expect(flagsAwaitingNotes(technical, noted, [])).toEqual([]);
  });
});

describe('applying answers', () => {
  it('keeps ratings in the stage order and replaces a changed one', () => {
    let s = applyRating(technical, blank(), 'communication', 2, COMM_EVIDENCE, T1);
    s = applyRating(technical, s, 'sql', 1, SQL_EVIDENCE, T1);
    s = applyRating(technical, s, 'sql', 4, 'Found a bug in the source table itself.', T2);
    expect(s.ratings.map((r) => [r.dimension, r.rating, r.at])).toEqual([
      ['sql', 4, T2.toISOString()],
      ['communication', 2, T1.toISOString()],
    ]);
    expect(s.updated_at).toBe(T2.toISOString());
    expect(s.created_at).toBe(T0.toISOString());
  });
  it('refuses evidence, notes and summaries that are not real sentences', () => {
    expect(() => applyRating(technical, blank(), 'sql', 3, 'fine', T1)).toThrow(/real sentence/);
    expect(() => applyFlags(blank(), [{ flag: 'checks-counts', kind: 'green', note: '' }], T1)).toThrow(/checks-counts/);
    expect(() => applySummary(blank(), 'hire', T1)).toThrow(/summary/);
  });
  it('trims what is kept', () => {
    const s = applyRating(technical, blank(), 'sql', 3, `  ${SQL_EVIDENCE}\n`, T1);
    expect(s.ratings[0]?.evidence).toBe(SQL_EVIDENCE);
  });
  it('counts answers for the resume prompt', () => {
    expect(answerCount(blank())).toBe(0);
    expect(answerCount(complete())).toBe(4);
  });
});

describe('submitting', () => {
  it('lists everything still missing', () => {
    const s = applyRating(technical, blank(), 'sql', 3, SQL_EVIDENCE, T1);
    expect(missingForSubmit(technical, s)).toEqual([
      'a rating for Communicating findings (communication)',
      'an overall recommendation',
      'a summary',
    ]);
    expect(() => submit(technical, s, T2)).toThrow(/still needs a rating for Communicating findings/);
  });
  it('refuses while a ticked flag lacks its note', () => {
    expect(missingForSubmit(technical, complete(), ['blames-data'])).toEqual(['a note for flag blames-data (ticked, no note yet)']);
    expect(() => submit(technical, complete(), T2, ['blames-data'])).toThrow(/still needs a note for flag blames-data/);
  });
  it('refuses ratings of dimensions the stage does not rate', () => {
    const s = applyRating(technical, blank('screen'), 'sql', 3, SQL_EVIDENCE, T1);
    expect(missingForSubmit(screen, s)).toContain('nothing for sql: it is not rated in stage screen');
  });
  it('counts "insufficient evidence" as a complete answer', () => {
    expect(missingForSubmit(technical, complete())).toEqual([]);
    const submitted = submit(technical, complete(), T2);
    expect(submitted).toMatchObject({ status: 'submitted', submitted_at: T2.toISOString(), updated_at: T2.toISOString() });
  });
});

describe('amending and starting over', () => {
  it('reopens a submitted scorecard and keeps the earlier answers with the reason', () => {
    const submitted = submit(technical, complete(), T1);
    const reopened = reopen(submitted, ' Mixed up two candidates ', T2);
    expect(reopened.status).toBe('draft');
    expect(reopened.submitted_at).toBeUndefined();
    expect(reopened.audit).toEqual([
      {
        at: T2.toISOString(),
        action: 'amend',
        reason: 'Mixed up two candidates',
        previous: {
          status: 'submitted',
          submitted_at: T1.toISOString(),
          ratings: submitted.ratings,
          flags: [],
          recommendation: 'yes',
          summary: 'Careful with data; communication still unknown.',
        },
      },
    ]);
    expect(reopened.ratings).toEqual(submitted.ratings);
    expect(() => reopen(reopened, 'again', T2)).toThrow(/only a submitted scorecard/);
  });
  it('starts over with an empty scorecard that remembers the old draft', () => {
    const draft = applyRating(technical, blank(), 'sql', 2, SQL_EVIDENCE, T1);
    const fresh = restart(draft, { ...blank(), created_at: T2.toISOString(), updated_at: T2.toISOString() }, 'started over', T2);
    expect(fresh.ratings).toEqual([]);
    expect(fresh.audit).toHaveLength(1);
    expect(fresh.audit[0]).toMatchObject({ action: 'start-over', reason: 'started over', previous: { status: 'draft', ratings: draft.ratings } });
  });
});

describe('notes taken during the interview', () => {
  it('keeps notes in the order written, by what they are about, and counts them apart from answers', () => {
    let s = addNote(blank(), { question: 'sql-messy-join' }, '  Counted rows on both sides.  ', T1);
    s = addNote(s, { case_study: 'churn-dip' }, 'Asked which regions first.', T1);
    s = addNote(s, {}, 'Arrived ten minutes late.', T2);
    expect(s.notes).toEqual([
      { question: 'sql-messy-join', text: 'Counted rows on both sides.', at: T1.toISOString() },
      { case_study: 'churn-dip', text: 'Asked which regions first.', at: T1.toISOString() },
      { text: 'Arrived ten minutes late.', at: T2.toISOString() },
    ]);
    expect(s.updated_at).toBe(T2.toISOString());
    expect(notesAbout(s, {}).map((n) => n.text)).toEqual(['Arrived ten minutes late.']);
    expect(notesAbout(s, { question: 'sql-messy-join' })).toHaveLength(1);
    expect(answerCount(s)).toBe(0);
    expect(describeProgress(s)).toBe('0 answers, 3 notes');
    expect(describeProgress(applyRating(technical, s, 'sql', 3, SQL_EVIDENCE, T2))).toBe('1 answer, 3 notes');
    expect(() => addNote(s, {}, '   ', T2)).toThrow(/must not be empty/);
  });

  it('gives a dimension the notes on its questions and on the case that assesses it, never general ones', () => {
    let s = addNote(blank(), { question: 'sql-messy-join' }, 'On the join.', T1);
    s = addNote(s, { question: 'comm-surprise' }, 'Not asked in this stage.', T1);
    s = addNote(s, { case_study: 'churn-dip' }, 'On the case.', T1);
    s = addNote(s, {}, 'General.', T1);
    expect(notesForDimension(technical, s, 'sql').map((n) => n.text)).toEqual(['On the join.', 'On the case.']);
    expect(notesForDimension(technical, s, 'communication').map((n) => n.text)).toEqual(['On the case.']);
    expect(notesForDimension(screen, s, 'communication').map((n) => n.text)).toEqual(['Not asked in this stage.']);
    expect(notesForDimension(technical, s, 'nope')).toEqual([]);
  });
});

describe('moving between dimensions', () => {
  it('skips to the next unrated dimension, wrapping round, and comes back to skipped ones last', () => {
    const plan = { ...technical, dimensions: [...technical.dimensions, ...technical.dimensions.map((d) => ({ ...d, dimension: { ...d.dimension, id: `${d.dimension.id}-2` } }))] };
    const none = blank();
    expect(nextUnrated(plan, none, 0)).toBe(1);
    expect(nextUnrated(plan, none, 3)).toBe(0);
    expect(nextUnrated(plan, none, 0, new Set([1]))).toBe(2);
    expect(nextUnrated(plan, none, 0, new Set([1, 2, 3]))).toBe(1);
    const rated = applyRating(plan, none, 'communication', 3, COMM_EVIDENCE, T1);
    expect(nextUnrated(plan, rated, 0)).toBe(2);
    const all = plan.dimensions.reduce((acc, d) => applyRating(plan, acc, d.dimension.id, 2, SQL_EVIDENCE, T1), none);
    expect(nextUnrated(plan, all, 0)).toBeUndefined();
  });
});

describe('the interview clock', () => {
  // 60 minutes, a 30-minute case and one question: 0-5 welcome, 5-35 case, 35-50 questions, 50-60 close.
  it('places the elapsed minutes in the stage\'s timing plan', () => {
    expect(interviewClock(rubric, technical, 0).slot?.activity).toMatch(/^Welcome/);
    expect(interviewClock(rubric, technical, 4.99).slot?.from).toBe(0);
    expect(interviewClock(rubric, technical, 5).slot?.activity).toMatch(/^Case study/);
    expect(interviewClock(rubric, technical, 35).slot?.activity).toMatch(/^Question 1, with its probes/);
    expect(interviewClock(rubric, technical, 59.5)).toMatchObject({ elapsed: 59, total: 60, slot: { from: 50, to: 60 } });
    expect(interviewClock(rubric, technical, 60).slot).toBeUndefined();
    expect(interviewClock(rubric, technical, -3).elapsed).toBe(0);
  });
});
