// The terminal session of `hirekit score`, in the order the method needs: stage brief, each dimension
// (questions, anchors, rating, evidence), flags, then the overall recommendation and summary, then a review
// where any answer can be changed. Each answer is saved before the next question is asked.
import type { ChalkInstance } from 'chalk';
import { flagTier, levelLabel } from '../core/rubric.js';
import type { Scorecard } from '../core/scorecard.js';
import {
  applyFlags,
  applyRating,
  applyRecommendation,
  applySummary,
  checkEvidence,
  flagsAwaitingNotes,
  missingForSubmit,
  nextStep,
  submit,
  type StagePlan,
} from '../core/scoring.js';
import type { LoadedRubric } from '../io/rubrics.js';
import {
  clearPending,
  clearPendingRating,
  loadPendingFlags,
  loadPendingRating,
  savePendingFlags,
  savePendingRating,
  saveScorecard,
} from '../io/scorecard-store.js';
import type { PromptAdapter } from '../prompts/adapter.js';
import { wrap } from '../render/terminal/style.js';
import { FLAG_SIGNS } from '../render/flag-words.js';
import {
  flagChoice,
  ratingChoices,
  recommendationChoices,
  renderDimension,
  renderReview,
  renderStageBrief,
} from '../render/terminal/scoring.js';

export interface Talk {
  say(text: string): void;
  warn(text: string): void;
  resumeOrStartOver(draft: Scorecard): Promise<'resume' | 'start-over'>;
}

export interface Session {
  loaded: LoadedRubric;
  plan: StagePlan;
  file: string;
  resume: string;
  candidate: { name: string };
  interviewer: { name: string };
  colour: ChalkInstance;
  width: number;
  deps: { now: () => Date; ask: PromptAdapter };
}

type ReviewAction = 'submit' | 'later' | 'flags' | 'recommendation' | 'summary' | `rating:${string}`;

export async function runSession(s: Session, start: Scorecard, resumed: boolean, talk: Talk): Promise<'draft' | 'submitted'> {
  const { rubric } = s.loaded;
  const ask = s.deps.ask;
  let scorecard = start;
  const save = async (next: Scorecard): Promise<void> => {
    await saveScorecard(s.file, next);
    scorecard = next;
  };

  talk.say(renderStageBrief(rubric, s.plan, { candidate: s.candidate.name, interviewer: s.interviewer.name }, s.colour, s.width));
  if (resumed) talk.say(s.colour.dim(`\nResuming: ${scorecard.ratings.length} of ${s.plan.dimensions.length} dimensions rated so far.`));
  const say = (text: string): void => talk.say(wrap(text, s.width));

  const rate = async (index: number): Promise<void> => {
    const entry = s.plan.dimensions[index];
    if (!entry) return;
    const { dimension } = entry;
    const earlier = scorecard.ratings.find((r) => r.dimension === dimension.id);
    const pending = await loadPendingRating(s.file);
    const chosen = earlier?.rating ?? (pending?.dimension === dimension.id ? pending.rating : undefined);
    talk.say(renderDimension(rubric, s.plan, index, s.colour, s.width));
    if (!earlier && chosen !== undefined) talk.say(s.colour.dim(`  Before stopping you chose ${levelLabel(rubric, chosen)}; it is selected below.`));
    const rating = await ask.select({
      message: `Rating for ${dimension.name}`,
      choices: ratingChoices(rubric, dimension, s.width),
      ...(chosen !== undefined ? { default: chosen } : {}),
    });
    await savePendingRating(s.file, { dimension: dimension.id, rating });
    const evidence = await ask.input({
      message: 'Evidence: what did the candidate say or do?',
      ...(earlier ? { default: earlier.evidence } : {}),
      validate: (text) => checkEvidence(text),
    });
    await save(applyRating(s.plan, scorecard, dimension.id, rating, evidence, s.deps.now()));
    await clearPendingRating(s.file);
  };

  // Flags ticked whose note is not written yet. They are saved (in the pending file) the moment the checkbox
  // is answered, so an interruption before the notes keeps the ticks and the next run asks for the notes.
  let ticked = await loadPendingFlags(s.file);
  const setTicked = async (ids: string[]): Promise<void> => {
    await savePendingFlags(s.file, ids);
    ticked = ids;
  };

  const dimensionNames = new Map(rubric.dimensions.map((d) => [d.id, d.name]));
  const flags = async (choose: boolean): Promise<void> => {
    let waiting = flagsAwaitingNotes(s.plan, scorecard, ticked);
    talk.say(`\n${s.colour.bold('Flags')}`);
    if (choose || waiting.length === 0) {
      talk.say(wrap('Tick what you saw in this interview (space to tick, enter when done). Each ticked flag needs a note.', s.width, '  '));
      const chosen = await ask.checkbox({
        message: 'Flags you saw',
        choices: s.plan.flags.map((f) => flagChoice(f, scorecard.flags.some((m) => m.flag === f.id) || waiting.includes(f), s.width, dimensionNames)),
      });
      const marks = scorecard.flags.filter((m) => chosen.includes(m.flag));
      waiting = s.plan.flags.filter((f) => chosen.includes(f.id) && !marks.some((m) => m.flag === f.id));
      // The new ticks first: stopped in between, a flag unticked keeps its note rather than a tick being lost.
      await setTicked(waiting.map((f) => f.id));
      if (marks.length !== scorecard.flags.length) await save(applyFlags(scorecard, marks, s.deps.now()));
    } else {
      const count = waiting.length === 1 ? 'a flag' : `${waiting.length} flags`;
      talk.say(s.colour.dim(wrap(`Before stopping you ticked ${count} without a note yet; write the notes now (the review screen can change the ticks).`, s.width, '  ')));
    }
    const order = s.plan.flags.map((f) => f.id);
    for (const [i, flag] of waiting.entries()) {
      talk.say(wrap(`${FLAG_SIGNS[flagTier(flag)]} ${flag.text}`, s.width, '  '));
      const note = await ask.input({
        message: 'Note: what happened that raised this flag?',
        validate: (text) => checkEvidence(text, 'a flag note'),
      });
      const marks = [...scorecard.flags, { flag: flag.id, kind: flag.kind, note, at: s.deps.now().toISOString() }].sort(
        (a, b) => order.indexOf(a.flag) - order.indexOf(b.flag),
      );
      // The note reaches the scorecard before the flag leaves the pending list, so no moment holds neither.
      await save(applyFlags(scorecard, marks, s.deps.now()));
      await setTicked(waiting.slice(i + 1).map((f) => f.id));
    }
  };

  const recommend = async (): Promise<void> => {
    talk.say(`\n${s.colour.bold('Overall recommendation')}\n${wrap('Now that every dimension is rated: would you hire? There is no neutral option.', s.width, '  ')}`);
    const recommendation = await ask.select({
      message: `Hire ${s.candidate.name}?`,
      choices: recommendationChoices(),
      ...(scorecard.recommendation ? { default: scorecard.recommendation } : {}),
    });
    await save(applyRecommendation(scorecard, recommendation, s.deps.now()));
  };

  const summarise = async (): Promise<void> => {
    const summary = await ask.input({
      message: 'Summary: the reasons for your call, in a sentence or two',
      ...(scorecard.summary ? { default: scorecard.summary } : {}),
      validate: (text) => checkEvidence(text, 'the summary'),
    });
    await save(applySummary(scorecard, summary, s.deps.now()));
  };

  for (let step = nextStep(s.plan, scorecard, ticked); step.kind !== 'review'; step = nextStep(s.plan, scorecard, ticked)) {
    if (step.kind === 'rating') await rate(step.index);
    else if (step.kind === 'flags') {
      await flags(false);
      // Ticking nothing leaves the scorecard unchanged; go on to the recommendation regardless.
      if (scorecard.flags.length === 0 && scorecard.recommendation === undefined) await recommend();
    } else if (step.kind === 'recommendation') await recommend();
    else await summarise();
  }

  for (;;) {
    talk.say(renderReview(rubric, s.plan, scorecard, s.colour, s.width));
    const action = await ask.select<ReviewAction>({
      message: 'Submit, or change an answer?',
      choices: [
        { value: 'submit', name: 'Submit this scorecard (it is then locked)' },
        ...s.plan.dimensions.map(({ dimension }) => ({ value: `rating:${dimension.id}` as const, name: `Change the rating for ${dimension.name}` })),
        ...(s.plan.flags.length > 0 ? [{ value: 'flags' as const, name: 'Change flags' }] : []),
        { value: 'recommendation', name: 'Change the recommendation' },
        { value: 'summary', name: 'Change the summary' },
        { value: 'later', name: 'Keep it as a draft and finish later' },
      ],
    });
    if (action === 'later') {
      say(`Saved as a draft in ${s.file}. To finish: ${s.resume}`);
      return 'draft';
    }
    if (action === 'submit') {
      const missing = missingForSubmit(s.plan, scorecard, ticked);
      if (missing.length > 0) {
        talk.warn(`not submitted yet: the scorecard still needs ${missing.join(', ')}`);
        continue;
      }
      await save(submit(s.plan, scorecard, s.deps.now(), ticked));
      // Nothing can be pending for a submitted scorecard; a leftover would only confuse an amendment.
      await clearPending(s.file);
      talk.say('');
      say(`Submitted. ${s.file} is locked; to change it: ${s.resume} --amend --reason "why"`);
      return 'submitted';
    }
    if (action === 'flags') await flags(true);
    else if (action === 'recommendation') await recommend();
    else if (action === 'summary') await summarise();
    else await rate(s.plan.dimensions.findIndex((d) => `rating:${d.dimension.id}` === action));
  }
}
