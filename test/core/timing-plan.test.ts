import { describe, expect, it } from 'vitest';
import { planTiming } from '../../src/core/timing-plan.js';

const q = (n: number): Array<{ id: string }> => Array.from({ length: n }, (_, i) => ({ id: `q${i + 1}` }));
const spans = (plan: ReturnType<typeof planTiming>): Array<[string, number, number]> => plan.slots.map((s) => [s.kind, s.from, s.to]);

describe('planTiming', () => {
  it('gives a case and its set question each a slot: 5 + 30 + 15 + 10 = 60', () => {
    const plan = planTiming({ minutes: 60, caseStudy: { title: 'Case', minutes: 30, questions: [] }, questions: q(1) });
    expect(spans(plan)).toEqual([
      ['opening', 0, 5],
      ['case', 5, 35],
      ['question', 35, 50],
      ['closing', 50, 60],
    ]);
    expect(plan.fits).toBe(true);
  });

  it('gives every question its own slot, sharing the time left in whole minutes', () => {
    // 45 - 5 - 10 = 30 for three questions; 50 - 5 - 10 = 35 for three: 12, 12, 11.
    expect(planTiming({ minutes: 45, questions: q(3) }).wanted.perQuestion).toEqual([10, 10, 10]);
    const plan = planTiming({ minutes: 50, questions: q(3) });
    expect(plan.slots.filter((s) => s.kind === 'question').map((s) => s.minutes)).toEqual([12, 12, 11]);
    expect(plan.slots.at(-1)!.to).toBe(50);
    expect(plan.slots.map((s) => s.activity)).toContain('Question 2, with its probes');
  });

  it('a short screen gets a 3-minute opening and 5 minutes for the candidate', () => {
    const plan = planTiming({ minutes: 30, questions: q(3) });
    expect(plan.slots.map((s) => s.minutes)).toEqual([3, 8, 7, 7, 5]);
  });

  it('question_minutes fixes each question and the candidate gets what is left', () => {
    // 45 = 5 opening + 3 x 12 + 4 closing.
    const plan = planTiming({ minutes: 45, perQuestion: 12, questions: q(3) });
    expect(plan.slots.map((s) => s.minutes)).toEqual([5, 12, 12, 12, 4]);
    expect(plan.spare).toBe(0);
  });

  it('a list of question minutes applies in order, case questions first', () => {
    // 60 = 2 opening + 25 case + 10 + 20 + 3 closing.
    const plan = planTiming({ minutes: 60, opening: 2, perQuestion: [10, 20], caseStudy: { title: 'Debugging', minutes: 25, questions: [] }, questions: q(2) });
    expect(plan.slots.map((s) => [s.kind, s.minutes])).toEqual([
      ['opening', 2],
      ['case', 25],
      ['question', 10],
      ['question', 20],
      ['closing', 3],
    ]);
  });

  it('questions asked inside a case take their minutes from the case', () => {
    // 90 - 5 - 45 - 10 = 30 for two stage questions: 15 each. The case's two questions take the same 15 out of
    // its 45 minutes, leaving 15 to work on the case.
    const plan = planTiming({ minutes: 90, caseStudy: { title: 'Case', minutes: 45, questions: q(2) }, questions: q(2) });
    expect(plan.slots.map((s) => [s.kind, s.minutes])).toEqual([
      ['opening', 5],
      ['case', 15],
      ['case-question', 15],
      ['case-question', 15],
      ['question', 15],
      ['question', 15],
      ['closing', 10],
    ]);
    expect(plan.slots.at(-1)!.to).toBe(90);
    expect(plan.slots[2]!.activity).toBe('Question 1, inside the case, with its probes');
    expect(plan.slots[4]!.activity).toBe('Question 3, with its probes');
  });

  it('puts the case after the questions when the stage says so, numbering in the order asked', () => {
    // 85 = 0 opening + 3 questions sharing 35 (12, 12, 11) + 45 case + 5 closing.
    const plan = planTiming({ minutes: 85, opening: 0, closing: 5, caseLast: true, caseStudy: { title: 'Adapt or build', minutes: 45, questions: q(1) }, questions: q(3) });
    expect(plan.slots.map((s) => [s.kind, s.minutes, s.activity.slice(0, 10)])).toEqual([
      ['question', 12, 'Question 1'],
      ['question', 12, 'Question 2'],
      ['question', 11, 'Question 3'],
      ['case', 34, 'Case study'],
      ['case-question', 11, 'Question 4'],
      ['closing', 5, "The candid"],
    ]);
  });

  it('says when the questions cannot fit, and still ends on time', () => {
    // 5 + 75 + 10 = 90: the one question would get 0 minutes.
    const plan = planTiming({ minutes: 90, caseStudy: { title: 'Case', minutes: 75, questions: [] }, questions: q(1) });
    expect(plan.fits).toBe(false);
    expect(plan.wanted.perQuestion).toEqual([0]);
    expect(plan.slots.at(-1)!.to).toBe(90);
  });

  it('trims an overbooked plan from the end so the stage ends on time', () => {
    const plan = planTiming({ minutes: 45, perQuestion: 20, questions: q(3) });
    expect(plan.needed).toBe(65);
    expect(plan.fits).toBe(false);
    expect(plan.slots.map((s) => [s.kind, s.minutes])).toEqual([
      ['opening', 5],
      ['question', 20],
      ['question', 20],
    ]);
  });

  it('never plans a case longer than the stage', () => {
    const plan = planTiming({ minutes: 45, caseStudy: { title: 'Long', minutes: 90, questions: [] }, questions: q(2) });
    expect(plan.slots.map((s) => s.minutes)).toEqual([5, 40]);
    expect(plan.fits).toBe(false);
  });

  it('reports spare minutes when opening, question_minutes and closing are all fixed', () => {
    const plan = planTiming({ minutes: 45, opening: 5, closing: 5, perQuestion: 11, questions: q(3) });
    expect(plan.spare).toBe(2);
    expect(plan.slots.at(-1)!.minutes).toBe(7);
  });
});
