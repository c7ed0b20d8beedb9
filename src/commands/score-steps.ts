// The steps of a scoring session, shared by the session, the notes and the review: one dimension's screen,
// the flags, the recommendation and the summary, each saved the moment it is answered.
import type { ChalkInstance } from 'chalk';
import { flagTier, levelLabel } from '../core/rubric-queries.js';
import { FLAG_SIGNS } from '../render/flag-words.js';
import type { Scorecard } from '../core/scorecard.js';
import { applyFlags, applyRating, applyRecommendation, applySummary, checkEvidence, flagsAwaitingNotes, notesForDimension } from '../core/scoring.js';
import { clearPendingRating, loadPendingRating, savePendingRating } from '../io/scorecard-store.js';
import type { PromptAdapter } from '../prompts/adapter.js';
import { renderRatingScreen, type ScreenHeader } from '../render/terminal/screen.js';
import { flagChoice, ratingChoices, recommendationChoices, savedAt } from '../render/terminal/scoring.js';
import { wrap } from '../render/terminal/style.js';
import { saveOrRetry } from './disk-full.js';
import type { ScoreRun } from './score-run.js';
import type { Sheet } from './score-sheet.js';

export interface Session extends ScoreRun {
  ask: PromptAdapter;
  colour: ChalkInstance;
  width: number;
  /** Rows of the terminal: the rating screen and the review fit in them. */
  rows: number;
  /** Whether the screen can be cleared between steps (stderr is a terminal). */
  clears: boolean;
  sheet: Sheet;
  /** Lines said before a cleared screen (a warning, where a backup went), shown again where they will be read. */
  notices: string[];
}

/** What a session can read and change: the scorecard so far, saved through the sheet. */
export interface Progress {
  scorecard: Scorecard;
  /** Flags ticked whose note is not written yet (kept beside the scorecard until each note is). */
  ticked: string[];
  save(next: Scorecard): Promise<void>;
  setTicked(ids: string[]): Promise<void>;
  /** Clears the screen: one step at a time, not a scroll of history. */
  clear(): void;
  /** A fresh screen: cleared, with the header line. */
  screen(step: string): void;
  say(text: string): void;
}



export function header(s: Session, sheet: Sheet, progress: Progress, step: string): ScreenHeader {
  const saved = sheet.amending
    ? sheet.written
      ? `amendment saved ${savedAt(progress.scorecard.updated_at).slice(11)}`
      : 'amending'
    : sheet.written
      ? `saved ${savedAt(progress.scorecard.updated_at).slice(11)}`
      : 'nothing saved yet';
  return { candidate: s.candidate.name, stage: s.plan.stage.name, step, saved };
}



export async function rateOne(s: Session, progress: Progress, index: number, moves: { back: boolean; skip: boolean }): Promise<'rated' | 'back' | 'skip'> {
  const { rubric } = s.loaded;
  const entry = s.plan.dimensions[index];
  if (!entry) return 'rated';
  const { dimension } = entry;
  const sheetFile = s.sheet.file;
  const earlier = progress.scorecard.ratings.find((r) => r.dimension === dimension.id);
  const pending = await loadPendingRating(sheetFile).catch(() => undefined);
  const chosen = earlier?.rating ?? (pending?.dimension === dimension.id ? pending.rating : undefined);
  const notes = notesForDimension(s.plan, progress.scorecard, dimension.id);
  progress.clear();
  const remembered = earlier
    ? `Rated ${levelLabel(rubric, earlier.rating)} before; it is selected below.`
    : chosen !== undefined
      ? `Before stopping you chose ${levelLabel(rubric, chosen)}; it is selected below.`
      : undefined;
  s.ctx.stderr.write(
    `${renderRatingScreen({ rubric, plan: s.plan, index, header: header(s, s.sheet, progress, `dimension ${index + 1} of ${s.plan.dimensions.length}`), notes, ...(remembered ? { earlier: remembered } : {}), colour: s.colour, width: s.width, rows: s.rows })}\n`,
  );
  const answer = await s.ask.rate({
    message: `Rating for ${dimension.name}`,
    choices: ratingChoices(rubric, dimension, s.width),
    ...(chosen !== undefined ? { default: chosen } : {}),
    ...moves,
  });
  if ('go' in answer) return answer.go;
  await saveOrRetry(s.ask, progress.say, async () => {
    await s.sheet.ensureWritten(progress.scorecard);
    await savePendingRating(sheetFile, { dimension: dimension.id, rating: answer.pick });
  });
  const evidence = await s.ask.text({
    message: 'Evidence: what did the candidate say or do?',
    ...(earlier ? { default: earlier.evidence } : notes.length > 0 ? { default: notes.map((n) => n.text).join('\n') } : {}),
    validate: (text) => checkEvidence(text),
    ...editorOf(s),
  });
  await progress.save(applyRating(s.plan, progress.scorecard, dimension.id, answer.pick, evidence, s.ctx.now()));
  await clearPendingRating(sheetFile);
  return 'rated';
}

/** $VISUAL, then $EDITOR: offered (Ctrl-X) for writing evidence in the interviewer's own editor. */
export function editorOf(s: Session): { editor?: string } {
  const editor = s.ctx.env.VISUAL?.trim() || s.ctx.env.EDITOR?.trim();
  return editor ? { editor } : {};
}


// Flags ticked whose note is not written yet are saved (in the pending file) the moment the checkbox is
// answered, so an interruption before the notes keeps the ticks and the next run asks for the notes.
export async function chooseFlags(s: Session, progress: Progress, choose: boolean): Promise<void> {
  let waiting = flagsAwaitingNotes(s.plan, progress.scorecard, progress.ticked);
  progress.screen('flags');
  if (choose || waiting.length === 0) {
    progress.say('Tick what you saw in this interview (space to tick, enter when done). Each ticked flag needs a note.');
    const chosen = await s.ask.checkbox({
      message: 'Flags you saw',
      choices: s.plan.flags.map((f) =>
        flagChoice(f, progress.scorecard.flags.some((m) => m.flag === f.id) || waiting.includes(f), s.width, new Map(s.loaded.rubric.dimensions.map((d) => [d.id, d.name]))),
      ),
    });
    const marks = progress.scorecard.flags.filter((m) => chosen.includes(m.flag));
    waiting = s.plan.flags.filter((f) => chosen.includes(f.id) && !marks.some((m) => m.flag === f.id));
    // The new ticks first: stopped in between, a flag unticked keeps its note rather than a tick being lost.
    if (waiting.length > 0 || progress.ticked.length > 0) await progress.setTicked(waiting.map((f) => f.id));
    if (marks.length !== progress.scorecard.flags.length) await progress.save(applyFlags(progress.scorecard, marks, s.ctx.now()));
  } else {
    const count = waiting.length === 1 ? 'a flag' : `${waiting.length} flags`;
    progress.say(s.colour.dim(`Before stopping you ticked ${count} without a note yet; write the notes now (the review screen can change the ticks).`));
  }
  const order = s.plan.flags.map((f) => f.id);
  for (const [i, flag] of waiting.entries()) {
    s.ctx.stderr.write(`${wrap(`${FLAG_SIGNS[flagTier(flag)]} ${flag.text}`, s.width, '  ')}\n`);
    const note = await s.ask.text({
      message: 'Note: what happened that raised this flag?',
      validate: (text) => checkEvidence(text, 'a flag note'),
      ...editorOf(s),
    });
    const marks = [...progress.scorecard.flags, { flag: flag.id, kind: flag.kind, note, at: s.ctx.now().toISOString() }].sort(
      (a, b) => order.indexOf(a.flag) - order.indexOf(b.flag),
    );
    // The note reaches the scorecard before the flag leaves the pending list, so no moment holds neither.
    await progress.save(applyFlags(progress.scorecard, marks, s.ctx.now()));
    await progress.setTicked(waiting.slice(i + 1).map((f) => f.id));
  }
}

export async function recommend(s: Session, progress: Progress): Promise<void> {
  progress.screen('recommendation');
  progress.say(s.colour.bold('Overall recommendation'));
  progress.say('Now that every dimension is rated: would you hire? There is no neutral option.');
  const recommendation = await s.ask.select({
    message: `Hire ${s.candidate.name}?`,
    choices: recommendationChoices(),
    ...(progress.scorecard.recommendation ? { default: progress.scorecard.recommendation } : {}),
  });
  await progress.save(applyRecommendation(progress.scorecard, recommendation, s.ctx.now()));
}

export async function summarise(s: Session, progress: Progress): Promise<void> {
  const summary = await s.ask.text({
    message: 'Summary: the reasons for your call, in a sentence or two',
    ...(progress.scorecard.summary ? { default: progress.scorecard.summary } : {}),
    validate: (text) => checkEvidence(text, 'the summary'),
    ...editorOf(s),
  });
  await progress.save(applySummary(progress.scorecard, summary, s.ctx.now()));
}
