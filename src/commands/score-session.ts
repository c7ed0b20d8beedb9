// The terminal session of `hirekit score`, in the order the method needs: the stage brief (paged), notes
// during the interview, one dimension per screen (rating, then evidence; back and skip allowed), flags, then
// the overall recommendation and summary, then the review (score-review.ts). Each answer is saved before the
// next question is asked.
import { CLEAR_SCREEN } from '../core/text-safety.js';
import { nextStep, nextUnrated } from '../core/scoring.js';
import { loadPendingFlags, savePendingFlags } from '../io/scorecard-store.js';
import { renderHeader } from '../render/terminal/screen.js';
import { renderStageBrief } from '../render/terminal/scoring.js';
import { wrap } from '../render/terminal/style.js';
import { saveOrRetry } from './disk-full.js';
import { takeNotes } from './score-notes.js';
import { review } from './score-review.js';
import { chooseFlags, header, rateOne, recommend, summarise, type Progress, type Session } from './score-steps.js';
import type { Sheet } from './score-sheet.js';

export type { Session } from './score-steps.js';

export async function runSession(s: Session): Promise<'draft' | 'submitted' | 'unchanged'> {
  const { sheet } = s;
  const progress = await startProgress(s, sheet);
  if (!sheet.amending) {
    const brief = renderStageBrief(s.loaded.rubric, s.plan, { candidate: s.candidate.name, interviewer: s.interviewer.name }, s.colour, s.width);
    progress.clear();
    // What was said before this first screen (a rubric warning, say) heads the brief, so it is not cleared unread.
    const notices = s.notices.splice(0).flatMap((n) => wrap(n, s.width).split('\n').map((l) => s.colour.yellow(l)));
    await s.ask.page({ lines: [...notices, ...(notices.length > 0 ? [''] : []), ...brief.split('\n')], then: sheet.resumed ? 'carry on' : 'start' });
    if (await wantsNotes(s, progress)) {
      const next = await takeNotes(s, progress);
      if (next === 'stop') {
        progress.say(`Your notes are saved in ${sheet.file}. To rate when the interview is over: ${s.resume}`);
        return sheet.written ? 'draft' : 'unchanged';
      }
    }
    await rateDimensions(s, progress);
    await remainingSteps(s, progress);
  }
  return review(s, progress);
}

async function startProgress(s: Session, sheet: Sheet): Promise<Progress> {
  const progress: Progress = {
    scorecard: sheet.start,
    ticked: sheet.written ? await loadPendingFlags(sheet.file) : [],
    async save(next) {
      await saveOrRetry(s.ask, progress.say, () => sheet.save(next));
      progress.scorecard = next;
    },
    async setTicked(ids) {
      await saveOrRetry(s.ask, progress.say, async () => {
        await sheet.ensureWritten(progress.scorecard);
        await savePendingFlags(sheet.file, ids);
      });
      progress.ticked = ids;
    },
    clear() {
      // The screen and the scrollback above it: the terminal shows the step at hand, not a scroll of history.
      s.ctx.stderr.write(s.clears ? CLEAR_SCREEN : '\n');
    },
    screen(step) {
      progress.clear();
      s.ctx.stderr.write(`${renderHeader(header(s, sheet, progress, step), s.colour, s.width)}\n`);
    },
    say(text) {
      s.ctx.stderr.write(`${wrap(text, s.width)}\n`);
    },
  };
  return progress;
}

/** Notes first when asked for (--notes), or when nothing is rated yet and the interviewer says so. */
async function wantsNotes(s: Session, progress: Progress): Promise<boolean> {
  if (s.options.notes) return true;
  if (progress.scorecard.ratings.length > 0) return false;
  const hasNotes = (progress.scorecard.notes?.length ?? 0) > 0;
  progress.screen('start');
  return s.ask.select({
    message: 'Where are you in the interview?',
    choices: [
      { value: true, name: hasNotes ? 'Still interviewing: back to my notes' : 'Interviewing now: take notes as it goes' },
      { value: false, name: 'The interview is over: rate the dimensions' },
    ],
    ...(hasNotes ? { default: false } : {}),
  });
}

/** Every dimension, one screen each, in the stage's order; back and skip move within the dimensions only. */
async function rateDimensions(s: Session, progress: Progress): Promise<void> {
  const first = nextStep(s.plan, progress.scorecard, progress.ticked);
  if (first.kind !== 'rating') return;
  const skipped = new Set<number>();
  let index: number | undefined = first.index;
  while (index !== undefined) {
    const others = nextUnrated(s.plan, progress.scorecard, index);
    const result = await rateOne(s, progress, index, { back: index > 0, skip: others !== undefined && others !== index });
    if (result === 'back') index -= 1;
    else if (result === 'skip') {
      skipped.add(index);
      index = nextUnrated(s.plan, progress.scorecard, index, skipped);
    } else {
      skipped.delete(index);
      index = nextUnrated(s.plan, progress.scorecard, index, skipped);
    }
  }
}

/** Flags, the recommendation and the summary, as far as the scorecard still needs them. */
async function remainingSteps(s: Session, progress: Progress): Promise<void> {
  for (let step = nextStep(s.plan, progress.scorecard, progress.ticked); step.kind !== 'review'; step = nextStep(s.plan, progress.scorecard, progress.ticked)) {
    if (step.kind === 'rating') await rateDimensions(s, progress);
    else if (step.kind === 'flags') {
      await chooseFlags(s, progress, false);
      // Ticking nothing leaves the scorecard unchanged; go on to the recommendation regardless.
      if (progress.scorecard.flags.length === 0 && progress.scorecard.recommendation === undefined) await recommend(s, progress);
    } else if (step.kind === 'recommendation') await recommend(s, progress);
    else await summarise(s, progress);
  }
}
