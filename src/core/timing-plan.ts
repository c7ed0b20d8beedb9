// How the minutes of one interview stage are spent, planned the same way for every stage of every role.

export interface TimingSlot {
  from: number;
  to: number;
  minutes: number;
  activity: string;
}

/**
 * A timing plan for a stage: a short opening, the case study (if any), the questions in the time left, and
 * the candidate's own questions at the end. Writing the scorecard comes after the interview, not inside it.
 */
export function timingPlan(minutes: number, caseMinutes: number, questionCount: number): TimingSlot[] {
  const opening = minutes >= 45 ? 5 : Math.min(3, Math.floor(minutes / 10));
  const closing = minutes >= 45 ? 10 : Math.min(5, Math.floor(minutes / 6));
  const room = minutes - opening - closing;
  const study = Math.min(caseMinutes, room);
  const asking = questionCount > 0 ? room - study : 0;
  const slots: Array<{ minutes: number; activity: string }> = [
    { minutes: opening, activity: 'Welcome: introduce yourself and explain the format and that you will take notes' },
  ];
  if (study > 0) slots.push({ minutes: study, activity: 'Case study: hand over the brief, let the candidate work, then probe' });
  if (asking > 0) {
    const each = Math.floor(asking / questionCount);
    slots.push({
      minutes: asking,
      activity:
        questionCount === 1
          ? 'Questions: 1 question with its probes'
          : `Questions: ${questionCount} questions${each > 0 ? `, about ${each} minute${each === 1 ? '' : 's'} each with probes` : ''}`,
    });
  }
  const used = opening + study + asking;
  slots.push({ minutes: minutes - used, activity: "The candidate's questions, and what happens next" });
  let from = 0;
  return slots
    .filter((s) => s.minutes > 0)
    .map((s) => {
      const slot = { from, to: from + s.minutes, minutes: s.minutes, activity: s.activity };
      from = slot.to;
      return slot;
    });
}
