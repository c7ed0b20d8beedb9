// The review: everything entered, with any answer open to change; then submit (after a confirmation that
// says what gets locked), keep it as a draft, or, for an amendment, discard it.
import { RECOMMENDATION_LABELS } from '../core/scorecard.js';
import { missingForSubmit, submit } from '../core/scoring.js';
import { truncate, wrap } from '../render/terminal/style.js';
import { renderReview, renderReviewCompact } from '../render/terminal/scoring.js';
import { saveOrRetry } from './disk-full.js';
import { chooseFlags, rateOne, recommend, summarise, type Progress, type Session } from './score-steps.js';

type ReviewAction = 'submit' | 'later' | 'discard' | 'read' | 'flags' | 'recommendation' | 'summary' | `rating:${string}`;

export async function review(s: Session, progress: Progress): Promise<'draft' | 'submitted' | 'unchanged'> {
  const { sheet } = s;
  for (;;) {
    const full = renderReview(s.loaded.rubric, s.plan, progress.scorecard, s.colour, s.width).replace(/^\n/, '');
    const choices: Array<{ value: ReviewAction; name: string }> = [
        sheet.amending
          ? { value: 'later', name: 'Finish the amendment later (the submitted scorecard stays in force)' }
          : { value: 'later', name: 'Keep it as a draft and finish later' },
        ...s.plan.dimensions.map(({ dimension }) => ({ value: `rating:${dimension.id}` as const, name: `Change the rating for ${dimension.name}` })),
        ...(s.plan.flags.length > 0 ? [{ value: 'flags' as const, name: 'Change flags' }] : []),
        { value: 'recommendation', name: 'Change the recommendation' },
        { value: 'summary', name: 'Change the summary' },
        { value: 'submit', name: sheet.amending ? 'Submit the amendment…' : 'Submit…' },
        ...(sheet.amending ? [{ value: 'discard' as const, name: 'Discard the amendment (the submitted scorecard stays as it was)' }] : []),
    ];
    // The whole review when it fits above the choices in the terminal's rows (24 when unknown); else one line per answer and a key to read it all.
    const noticeLines = s.notices.splice(0).flatMap((n) => wrap(n, s.width).split('\n'));
    const fits = full.split('\n').length + choices.length + (sheet.amending ? 6 : 5) + noticeLines.length <= s.rows;
    if (!fits) choices.splice(1, 0, { value: 'read', name: 'Read the whole scorecard' });
    progress.screen('review');
    // Said since the last screen (where a replaced draft went; resuming an amendment), shown once.
    for (const line of noticeLines) s.ctx.stderr.write(`${s.colour.dim(line)}\n`);
    if (sheet.amending) {
      const reason = [...progress.scorecard.audit].reverse().find((e) => e.action === 'amend')?.reason ?? '';
      s.ctx.stderr.write(`${s.colour.dim(truncate(`Amending (${reason}); the submitted version counts until this is submitted.`, s.width))}\n`);
    }
    s.ctx.stderr.write(`${fits ? full : renderReviewCompact(s.loaded.rubric, s.plan, progress.scorecard, s.colour, s.width)}\n`);
    const action = await s.ask.select<ReviewAction>({
      message: sheet.amending ? 'Submit the amendment, or change an answer?' : 'Submit, or change an answer?',
      choices,
    });
    if (action === 'read') {
      progress.clear();
      await s.ask.page({ lines: full.split('\n'), then: 'back to the choices' });
      continue;
    }
    if (action === 'later') {
      if (sheet.amending) {
        progress.say(
          sheet.written
            ? `Your amendment is kept apart; the submitted scorecard still counts. To finish it: ${s.resume} --amend`
            : 'Nothing changed; the submitted scorecard stays as it was.',
        );
        return sheet.written ? 'draft' : 'unchanged';
      }
      progress.say(sheet.written ? `Saved as a draft in ${s.file}. To finish: ${s.resume}` : 'Nothing was answered, so nothing was saved.');
      return sheet.written ? 'draft' : 'unchanged';
    }
    if (action === 'discard') {
      const sure = await s.ask.select({
        message: 'Discard the amendment?',
        choices: [
          { value: false, name: 'No, back to the review' },
          { value: true, name: 'Yes, discard it: the submitted scorecard stays exactly as it was' },
        ],
      });
      if (!sure) continue;
      await sheet.discard();
      progress.say(`Amendment discarded; ${s.file} is unchanged.`);
      return 'unchanged';
    }
    if (action === 'submit') {
      const missing = missingForSubmit(s.plan, progress.scorecard, progress.ticked);
      if (missing.length > 0) {
        progress.say(s.colour.yellow(`Not submitted yet: the scorecard still needs ${missing.join(', ')}.`));
        await s.ask.select({ message: 'Back to the review', choices: [{ value: true, name: 'Back to the review' }] });
        continue;
      }
      if (!(await confirmSubmit(s, progress))) continue;
      const final = submit(s.plan, progress.scorecard, s.ctx.now(), progress.ticked);
      await saveOrRetry(s.ask, progress.say, () => sheet.submit(final));
      progress.say(
        sheet.amending
          ? `Amendment submitted: ${s.file} now holds it, with your reason and the earlier answers in its audit trail.`
          : `Submitted. ${s.file} is locked; to change it: ${s.resume} --amend --reason "why"`,
      );
      return 'submitted';
    }
    if (action === 'flags') await chooseFlags(s, progress, true);
    else if (action === 'recommendation') await recommend(s, progress);
    else if (action === 'summary') await summarise(s, progress);
    else await rateOne(s, progress, s.plan.dimensions.findIndex((d) => `rating:${d.dimension.id}` === action), { back: false, skip: false });
  }
}

/** Submitting is never one stray Enter away: the default is "no", and the question says what gets locked. */
async function confirmSubmit(s: Session, progress: Progress): Promise<boolean> {
  const card = progress.scorecard;
  const flags = card.flags.length === 0 ? 'no flags' : card.flags.length === 1 ? '1 flag' : `${card.flags.length} flags`;
  const call = card.recommendation ? RECOMMENDATION_LABELS[card.recommendation] : 'none';
  progress.say(
    `Submitting locks ${card.ratings.length} ratings with their evidence, ${flags}, your recommendation (${call}) and summary. The debrief counts it from then on; changing it later takes --amend with a reason, kept in its audit trail.`,
  );
  return s.ask.select({
    message: s.sheet.amending ? 'Submit the amendment in place of the submitted scorecard?' : 'Submit and lock this scorecard?',
    choices: [
      { value: false, name: 'No, back to the review' },
      { value: true, name: s.sheet.amending ? 'Yes, submit the amendment' : 'Yes, submit and lock it' },
    ],
  });
}
