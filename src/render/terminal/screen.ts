// The screens of a scoring session at 80x24: a header line, then one dimension (or the notes step) cut to fit
// above its prompt, so nothing the interviewer needs scrolls away. Plain strings; the command writes them.
import type { ChalkInstance } from 'chalk';
import type { Rubric } from '../../core/rubric.js';
import type { Note } from '../../core/scorecard.js';
import type { InterviewClock, StagePlan } from '../../core/scoring.js';
import { ratingPromptHeight, SCREEN_ROWS, wrapLines } from './scoring.js';
import { columnsOf, truncate, wrap } from './style.js';

export interface ScreenHeader {
  candidate: string;
  stage: string;
  /** "dimension 2 of 5", "notes", "review". */
  step: string;
  /** "saved 10:42", "nothing saved yet". */
  saved: string;
}

/** A stage name cut shorter than this says nothing: it is left out of the header instead. */
const MIN_STAGE_COLUMNS = 8;

export function renderHeader(h: ScreenHeader, c: ChalkInstance, width = 80): string {
  const right = ` · ${h.step} · ${h.saved} `;
  const room = Math.max(10, width - columnsOf(right));
  // Whose scorecard it is comes first; the stage gets what the name leaves, cut with "…", or is left out.
  const stageRoom = room - columnsOf(` ${h.candidate} · `);
  const left = stageRoom >= Math.min(MIN_STAGE_COLUMNS, columnsOf(h.stage)) ? ` ${h.candidate} · ${truncate(h.stage, stageRoom)}` : truncate(` ${h.candidate}`, room);
  const line = truncate(`${left}${right}`, width);
  // Inverse video marks the header; without colour it is a plain line, padded the same.
  return c.inverse(`${line}${' '.repeat(Math.max(0, width - columnsOf(line)))}`);
}

/** A block of a screen: its lines, and how few it can be cut to before it is dropped. */
interface Block {
  lines: string[];
  min: number;
}

/**
 * Fits blocks into a number of rows: the longest block loses lines first (its last kept line ends in "…"),
 * blocks at their minimum are dropped from the end. The first block is never cut.
 */
function fit(blocks: Block[], rows: number, width: number): string[] {
  const kept = blocks.map((b) => ({ ...b, take: b.lines.length }));
  const total = (): number => kept.reduce((n, b) => n + b.take, 0);
  while (total() > rows) {
    const cuttable = kept.filter((b, i) => i > 0 && b.take > b.min);
    if (cuttable.length > 0) {
      const longest = cuttable.reduce((a, b) => (b.take > a.take ? b : a));
      longest.take -= 1;
    } else {
      const last = [...kept].reverse().find((b, i) => b.take > 0 && i < kept.length - 1);
      if (!last) break;
      last.take = 0;
    }
  }
  return kept.flatMap((b) => {
    if (b.take >= b.lines.length) return b.lines;
    const lines = b.lines.slice(0, b.take);
    const end = lines.length - 1;
    // "…" marks what was cut; after a full sentence it stands apart ("finished. …"), not glued to the stop.
    if (end >= 0) lines[end] = truncate(`${lines[end] ?? ''} …`, width).replace(/([^.!?;:]) …$/, '$1…');
    return lines;
  });
}

export interface RatingScreen {
  rubric: Rubric;
  plan: StagePlan;
  index: number;
  header: ScreenHeader;
  /** The interviewer's notes bearing on this dimension. */
  notes: readonly Note[];
  /** What was chosen before, when this dimension is rated again or resumed. */
  earlier?: string;
  colour: ChalkInstance;
  width: number;
  rows?: number;
}

/**
 * One dimension on one screen, above the rating prompt: header, name and what it measures, the questions this
 * stage asks for it (or the case and its signals), and the interviewer's notes, cut to fit so that together
 * with the prompt nothing scrolls away at 80x24.
 */
export function renderRatingScreen(s: RatingScreen): string {
  const { plan, index, colour: c, width } = s;
  const entry = plan.dimensions[index];
  if (!entry) throw new RangeError(`no dimension ${index} in stage ${plan.stage.id}`);
  const { dimension, questions } = entry;
  const rows = (s.rows ?? SCREEN_ROWS) - ratingPromptHeight(s.rubric, dimension, width) - 1;
  const lines = (text: string, indent: string, paint: (t: string) => string = (t) => t): string[] => wrap(text, width, indent).split('\n').map((line) => paint(line));
  const blocks: Block[] = [
    { lines: [renderHeader(s.header, c, width), c.bold(truncate(dimension.name, width))], min: 2 },
    { lines: lines(dimension.measures, '  ', c.dim), min: 1 },
  ];
  // A heading travels with the first line of what it heads (min 2): cut short, the pair goes together, so a
  // heading is never left alone above the prompt.
  const headed = (heading: string, items: string[][]): void => {
    const [first = [], ...rest] = items;
    blocks.push({ lines: [heading, ...first], min: 2 });
    for (const item of rest) blocks.push({ lines: item, min: 1 });
  };
  if (questions.length > 0) {
    headed(c.bold(questions.length === 1 ? 'You asked' : `You asked (${questions.length} questions)`), questions.map((q) => lines(`• ${q.text}`, '  ', c.cyan)));
  }
  const { caseQuestions } = entry;
  if (caseQuestions.length > 0) {
    headed(c.bold('You asked inside the case'), caseQuestions.map((q) => lines(`• ${q.text}`, '  ', c.cyan)));
  }
  const caseStudy = plan.caseStudy && plan.caseStudy.dimensions.includes(dimension.id) ? plan.caseStudy : undefined;
  if (caseStudy) {
    blocks.push({ lines: [c.bold(truncate(`Case study: ${caseStudy.title}`, width))], min: 1 });
    // (The title alone still says which case to rate from; its signals are cut first.)
    // A signal is one item with a hanging indent under its sign: + strong, − weak.
    const signal = (sign: string, text: string, paint: (t: string) => string): string[] =>
      wrap(text, width - 4, '')
        .split('\n')
        .map((line, i) => paint(`${i === 0 ? `  ${sign} ` : '    '}${line}`));
    blocks.push({ lines: caseStudy.strong.flatMap((t) => signal('+', t, c.green)), min: 1 });
    blocks.push({ lines: caseStudy.weak.flatMap((t) => signal('−', t, c.yellow)), min: 1 });
  }
  if (questions.length === 0 && caseQuestions.length === 0 && !caseStudy) {
    blocks.push({ lines: lines('This stage asks no set question for it: rate it from what you saw in the whole interview.', '  '), min: 1 });
  }
  if (s.notes.length > 0) {
    blocks.push({ lines: [c.bold('Your notes'), ...s.notes.flatMap((n) => wrapLines(n.text, width, '  ').split('\n'))], min: 2 });
  }
  if (s.earlier) blocks.push({ lines: [c.dim(truncate(s.earlier, width))], min: 1 });
  return fit(blocks, rows, width).join('\n');
}

export interface NotesScreen {
  header: ScreenHeader;
  clock: InterviewClock;
  colour: ChalkInstance;
  width: number;
}

/** The top of the notes screen: header, time spent against the stage's plan, what this mode is for. */
export function renderNotesScreen(s: NotesScreen): string {
  const { clock, colour: c, width } = s;
  const over = clock.elapsed >= clock.total;
  const now = clock.slot ? `now: ${clock.slot.activity}` : over ? 'past the planned time: time to wrap up' : '';
  const time = truncate(`${clock.elapsed} min of ${clock.total}${now ? ` · ${now}` : ''}`, width);
  const out = [
    renderHeader(s.header, c, width),
    over ? c.yellow(time) : c.bold(time),
    c.dim(wrap('Each note is saved as you finish it. Notes stay in your scorecard (never in the debrief) and start your evidence when you rate.', width)),
  ];
  return out.join('\n');
}
