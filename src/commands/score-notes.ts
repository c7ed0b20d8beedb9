// Notes during the interview: pick what a note is about (a question of the stage, the case study, or the
// interview in general), write it, and it is saved at once. The time spent is shown against the stage's
// timing plan. Notes stay in the interviewer's scorecard and start the evidence when rating.
import { addNote, interviewClock, notesAbout, type NoteTopic } from '../core/scoring.js';
import { renderNotesScreen } from '../render/terminal/screen.js';
import { truncate, wrap } from '../render/terminal/style.js';
import { editorOf, header, type Progress, type Session } from './score-steps.js';

type Pick = { kind: 'topic'; topic: NoteTopic; label: string } | { kind: 'rate' } | { kind: 'stop' };

export async function takeNotes(s: Session, progress: Progress): Promise<'rate' | 'stop'> {
  // The clock starts with the first note ever written for this scorecard, or now.
  const first = progress.scorecard.notes?.[0]?.at;
  const started = first ? Date.parse(first) : s.ctx.now().getTime();
  let last: string | undefined;
  for (;;) {
    const clock = interviewClock(s.loaded.rubric, s.plan, (s.ctx.now().getTime() - started) / 60_000);
    progress.clear();
    const top = renderNotesScreen({ header: header(s, s.sheet, progress, 'notes'), clock, colour: s.colour, width: s.width });
    s.ctx.stderr.write(`${top}\n`);
    // A question's text and probes show under the menu in the rows left: the header must not scroll away.
    // (Left: the screen's top, the message, the choices the menu shows at once, a blank line, the keys.)
    const choices = topics(s, progress, s.rows - top.split('\n').length - 3);
    const pick = await s.ask.select<string>({
      message: 'Write a note about',
      choices: choices.map((c) => ({ value: c.value, name: c.name, ...(c.description ? { description: c.description } : {}) })),
      ...(last ? { default: last } : {}),
    });
    const chosen = choices.find((c) => c.value === pick)?.pick;
    if (!chosen || chosen.kind === 'rate') return 'rate';
    if (chosen.kind === 'stop') return 'stop';
    last = pick;
    const text = await s.ask.text({ message: `Note on ${chosen.label}`, ...editorOf(s) });
    if (text.trim() === '') continue;
    await progress.save(addNote(progress.scorecard, chosen.topic, text, s.ctx.now()));
  }
}

/** Choices the menu shows at once (inquirer's select pages longer lists). */
const MENU_PAGE = 7;

/** The text cut to at most `lines` lines (never fewer than two), the last one ending in "…" when cut. */
function clampLines(text: string, lines: number, width: number): string {
  const all = text.split('\n');
  const keep = Math.max(2, lines);
  return all.length <= keep ? text : [...all.slice(0, keep - 1), truncate(`${all[keep - 1] ?? ''} …`, width).replace(/([^.!?;:]) …$/, '$1…')].join('\n');
}

function topics(s: Session, progress: Progress, rows: number): Array<{ value: string; name: string; description?: string; pick: Pick }> {
  const count = (topic: NoteTopic): string => {
    const n = notesAbout(progress.scorecard, topic).length;
    return n === 0 ? '' : ` (${n} note${n === 1 ? '' : 's'})`;
  };
  const room = s.width - 4;
  const out: Array<{ value: string; name: string; description?: string; pick: Pick }> = [];
  let number = 0;
  for (const { questions } of s.plan.dimensions) {
    for (const question of questions) {
      number += 1;
      const topic = { question: question.id };
      const suffix = count(topic);
      out.push({
        value: `question:${question.id}`,
        name: `${truncate(`Q${number} ${question.text}`, room - suffix.length)}${suffix}`,
        description: '',
        pick: { kind: 'topic', topic, label: `Q${number}` },
      });
    }
  }
  if (s.plan.caseStudy) {
    const topic = { case_study: s.plan.caseStudy.id };
    const suffix = count(topic);
    out.push({
      value: `case:${s.plan.caseStudy.id}`,
      name: `${truncate(`Case study: ${s.plan.caseStudy.title}`, room - suffix.length)}${suffix}`,
      pick: { kind: 'topic', topic, label: 'the case study' },
    });
  }
  out.push({ value: 'general', name: `Anything else${count({})}`, pick: { kind: 'topic', topic: {}, label: 'the interview' } });
  out.push({ value: 'rate', name: 'Done: the interview is over, rate the dimensions', pick: { kind: 'rate' } });
  out.push({ value: 'stop', name: 'Stop for now (rate later with the same command)', pick: { kind: 'stop' } });
  // Each question's description in the rows the menu leaves.
  const descriptionRows = rows - Math.min(MENU_PAGE, out.length);
  for (const { questions, dimension } of s.plan.dimensions) {
    for (const question of questions) {
      const entry = out.find((o) => o.value === `question:${question.id}`);
      if (entry) entry.description = clampLines([wrap(`${dimension.name}: ${question.text}`, s.width - 1), ...question.probes.slice(0, 2).map((p) => wrap(`Probe: ${p}`, s.width - 1, ''))].join('\n'), descriptionRows, s.width - 1);
    }
  }
  return out;
}
