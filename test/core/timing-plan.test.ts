// How the minutes of a stage are spent, at the edges of the rules: the 45-minute step between short and
// long openings, one question versus many, more questions than minutes, no questions, a stage too short
// for an opening. Every slot is written out with its words.
import { describe, expect, it } from 'vitest';
import { timingPlan } from '../../src/core/timing-plan.js';

const WELCOME = 'Welcome: introduce yourself and explain the format and that you will take notes';
const CASE = 'Case study: hand over the brief, let the candidate work, then probe';
const CLOSE = "The candidate's questions, and what happens next";

describe('timingPlan', () => {
  it('plans a 45-minute stage like a long one: 5 minutes opening, 10 closing', () => {
    // 45 - 5 - 10 = 30 minutes for 4 questions: about 7 each.
    expect(timingPlan(45, 0, 4)).toEqual([
      { from: 0, to: 5, minutes: 5, activity: WELCOME },
      { from: 5, to: 35, minutes: 30, activity: 'Questions: 4 questions, about 7 minutes each with probes' },
      { from: 35, to: 45, minutes: 10, activity: CLOSE },
    ]);
  });

  it('plans a 44-minute stage like a short one: opening min(3, 44/10), closing min(5, 44/6)', () => {
    // Opening 3, closing 5, 36 minutes for 2 questions: 18 each.
    expect(timingPlan(44, 0, 2)).toEqual([
      { from: 0, to: 3, minutes: 3, activity: WELCOME },
      { from: 3, to: 39, minutes: 36, activity: 'Questions: 2 questions, about 18 minutes each with probes' },
      { from: 39, to: 44, minutes: 5, activity: CLOSE },
    ]);
  });

  it('scales a very short stage down: 20 minutes get a 2-minute opening and 3 minutes at the end', () => {
    // floor(20/10) = 2, floor(20/6) = 3; 15 minutes for 1 question.
    expect(timingPlan(20, 0, 1)).toEqual([
      { from: 0, to: 2, minutes: 2, activity: WELCOME },
      { from: 2, to: 17, minutes: 15, activity: 'Questions: 1 question with its probes' },
      { from: 17, to: 20, minutes: 3, activity: CLOSE },
    ]);
  });

  it('says "about 1 minute" in the singular, and no time at all when there are more questions than minutes', () => {
    expect(timingPlan(20, 0, 15)[1]!.activity).toBe('Questions: 15 questions, about 1 minute each with probes');
    expect(timingPlan(20, 0, 30)[1]!.activity).toBe('Questions: 30 questions');
  });

  it('gives the time left after a case study to the questions', () => {
    // 60 - 5 - 10 = 45; case 20; questions 25 for 2: about 12 each.
    expect(timingPlan(60, 20, 2)).toEqual([
      { from: 0, to: 5, minutes: 5, activity: WELCOME },
      { from: 5, to: 25, minutes: 20, activity: CASE },
      { from: 25, to: 50, minutes: 25, activity: 'Questions: 2 questions, about 12 minutes each with probes' },
      { from: 50, to: 60, minutes: 10, activity: CLOSE },
    ]);
  });

  it('gives a case-only stage no question slot and hands the spare minutes to the candidate', () => {
    // No questions: the closing slot gets what the opening and the case leave, 60 - 5 - 20 = 35 minutes.
    expect(timingPlan(60, 20, 0)).toEqual([
      { from: 0, to: 5, minutes: 5, activity: WELCOME },
      { from: 5, to: 25, minutes: 20, activity: CASE },
      { from: 25, to: 60, minutes: 35, activity: CLOSE },
    ]);
  });

  it('drops empty slots: a 5-minute stage is all the candidate\'s', () => {
    // Opening min(3, 0) = 0, closing min(5, 0) = 0, no questions.
    expect(timingPlan(5, 0, 0)).toEqual([{ from: 0, to: 5, minutes: 5, activity: CLOSE }]);
  });
});
