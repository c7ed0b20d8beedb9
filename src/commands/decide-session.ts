// The terminal session of `hirekit decide`, in the order of the Mediating Assessments Protocol: knockouts
// and agenda dimensions first, then every remaining dimension (the panel's ratings shown before the committee
// gives its consensus and reason), then the final decision, who took part and dissent; then a review where
// any answer can be changed before submitting. Every answer is saved before the next question.
import type { ChalkInstance } from 'chalk';
import type { Debrief } from '../core/debrief.js';
import {
  answeredCount,
  applyConsensus,
  applyDissent,
  applyKnockoutRuling,
  applyOutcome,
  applyParticipants,
  applyRationale,
  checkReason,
  decisionSteps,
  discardAmendment,
  draftOf,
  isAnswered,
  missingForDecision,
  setPending,
  startOver,
  stateOf,
  submitDecision,
  OUTCOMES,
  OUTCOME_LABELS,
  type Decision,
  type DecisionState,
  type DecisionStep,
  type Ruling,
} from '../core/decision.js';
import type { RatingValue } from '../core/rubric.js';
import { saveDecision } from '../io/decision-store.js';
import { saveOrRetry } from './disk-full.js';
import type { PromptAdapter } from '../prompts/adapter.js';
import { renderDecisionBrief, renderDecisionReview, renderDimensionForCommittee, renderKnockoutForCommittee } from '../render/terminal/decision.js';
import { wrap } from '../render/terminal/style.js';

export interface DecisionSession {
  debrief: Debrief;
  file: string;
  ask: PromptAdapter;
  colour: ChalkInstance;
  width: number;
  now: () => Date;
  talk: { say(text: string): void };
}

type ReviewAction = 'submit' | 'later' | 'discard' | 'final' | `step:${number}`;

export async function runDecisionSession(s: DecisionSession, start: Decision, inProgress: boolean): Promise<DecisionState> {
  const { debrief: d, ask, colour: c, width } = s;
  let decision = start;
  const save = async (next: Decision): Promise<void> => {
    await saveOrRetry(ask, (text) => s.talk.say(text), () => saveDecision(s.file, next));
    decision = next;
  };

  s.talk.say(renderDecisionBrief(d, c, width));
  const state = stateOf(decision);
  if (state === 'amending') s.talk.say(wrap(c.yellow(`Amending the submitted decision (${draftOf(decision).amend_reason ?? ''}). It stands until this amendment is submitted.`), width));
  // A draft or amendment left by an earlier run: resume it, or start it over.
  if (inProgress && answeredCount(draftOf(decision)) > 0) {
    const choice = await ask.select({
      message: `A ${state === 'amending' ? 'amendment' : 'draft decision'} is in progress (${answeredCount(draftOf(decision))} answers). Resume it or start over?`,
      choices: [
        { value: 'resume' as const, name: 'Resume where the committee stopped' },
        { value: 'start-over' as const, name: 'Start over (the earlier answers are kept in the audit trail)' },
      ],
    });
    if (choice === 'start-over') await save(startOver(decision, s.now()));
  }

  const steps = decisionSteps(d);
  const total = steps.length - 1;
  const position = (i: number): string => `${i + 1} of ${total}`;

  const runStep = async (index: number): Promise<void> => {
    const step = steps[index];
    if (!step) return;
    if (step.kind === 'knockout') await ruleOnKnockout(step, index);
    else if (step.kind === 'consensus') await settleDimension(step, index);
    else await finalDecision();
  };

  const ruleOnKnockout = async (step: Extract<DecisionStep, { kind: 'knockout' }>, index: number): Promise<void> => {
    s.talk.say(renderKnockoutForCommittee(d, step.flag, position(index), c, width));
    const earlier = draftOf(decision).knockouts.find((k) => k.flag === step.flag.id);
    const pending = draftOf(decision).pending;
    const chosen = earlier?.ruling ?? (pending?.flag === step.flag.id ? pending.ruling : undefined);
    const ruling = await ask.select<Ruling>({
      message: `The committee's ruling on "${step.flag.text}"`,
      choices: [
        { value: 'confirmed', name: 'Confirm the knockout' },
        { value: 'overridden', name: 'Override it (a written reason is required)' },
      ],
      ...(chosen ? { default: chosen } : {}),
    });
    await save(setPending(decision, { flag: step.flag.id, ruling }, s.now()));
    const reason = await ask.input({
      message: ruling === 'overridden' ? 'Why does the committee override this knockout?' : 'Note on confirming it (optional)',
      ...(earlier?.reason ? { default: earlier.reason } : {}),
      validate: (text) => (ruling === 'overridden' ? checkReason(text, 'the reason for overriding a knockout') : undefined),
    });
    await save(applyKnockoutRuling(decision, step.flag.id, ruling, reason, s.now()));
  };

  const settleDimension = async (step: Extract<DecisionStep, { kind: 'consensus' }>, index: number): Promise<void> => {
    const { dimension } = step;
    s.talk.say(renderDimensionForCommittee(d, dimension, step.agenda, position(index), c, width));
    const earlier = draftOf(decision).consensus.find((x) => x.dimension === dimension.id);
    const pending = draftOf(decision).pending;
    const chosen = earlier?.level ?? (pending?.dimension === dimension.id ? pending.level : undefined);
    const level = await ask.select<RatingValue>({
      // Short: the answered line (message and level) stays on one line of an 80-column terminal.
      message: `Consensus on ${dimension.name}`,
      choices: [
        ...d.scale.levels.map((l) => ({ value: l.level as RatingValue, name: `${l.level}  ${l.label}` })),
        { value: 'insufficient' as const, name: `?  ${d.scale.insufficient}` },
      ],
      ...(chosen !== undefined ? { default: chosen } : {}),
    });
    await save(setPending(decision, { dimension: dimension.id, level }, s.now()));
    const reason = await ask.input({
      message: 'Reason: what in the evidence settles it?',
      ...(earlier ? { default: earlier.reason } : {}),
      validate: (text) => checkReason(text),
    });
    await save(applyConsensus(decision, dimension, level, reason, s.now()));
  };

  const finalDecision = async (): Promise<void> => {
    const body = draftOf(decision);
    s.talk.say(`\n${c.bold.underline('The decision')} ${c.dim(`(mechanical summary: ${d.summary.label})`)}`);
    const outcome = await ask.select({
      message: 'The committee decides to',
      choices: OUTCOMES.map((o) => ({ value: o, name: OUTCOME_LABELS[o] })),
      ...(body.outcome ? { default: body.outcome } : {}),
    });
    await save(applyOutcome(decision, outcome, s.now()));
    const rationale = await ask.input({
      message: 'Rationale: why, in a few sentences',
      ...(body.rationale ? { default: body.rationale } : {}),
      validate: (text) => checkReason(text, 'the rationale'),
    });
    await save(applyRationale(decision, rationale, s.now()));
    const panelNames = [...new Set(d.panel.map((p) => p.interviewer.name))];
    const listed = draftOf(decision).participants;
    const chosen = await ask.checkbox({
      message: 'Who took part in the decision (space to tick)',
      choices: panelNames.map((name) => ({ value: name, name, checked: listed.includes(name) })),
    });
    const others = await ask.input({
      message: 'Anyone else who took part (names separated by commas; enter for none)',
      default: listed.filter((n) => !panelNames.includes(n)).join(', '),
      validate: (text) => (text.split(',').some((n) => /\p{Cc}/u.test(n) || n.trim().length > 200) ? 'names of at most 200 characters, without control characters' : undefined),
    });
    const participants = [...chosen, ...others.split(',').map((n) => n.trim()).filter(Boolean)];
    if (participants.length === 0) {
      s.talk.say(c.yellow('  Name at least one person who took part.'));
      return finalDecision();
    }
    await save(applyParticipants(decision, participants, s.now()));
    const earlierDissent = draftOf(decision).dissent;
    const dissenters = await ask.checkbox({
      message: 'Who dissents from the decision (space to tick; enter for nobody)',
      choices: participants.map((name) => ({ value: name, name, checked: earlierDissent.some((x) => x.name === name) })),
    });
    const dissent: Array<{ name: string; note: string }> = [];
    for (const name of dissenters) {
      const note = await ask.input({
        message: `${name}'s dissent, in their words`,
        ...(earlierDissent.find((x) => x.name === name) ? { default: earlierDissent.find((x) => x.name === name)!.note } : {}),
        validate: (text) => checkReason(text, 'a dissent note'),
      });
      dissent.push({ name, note });
      await save(applyDissent(decision, [...dissent, ...earlierDissent.filter((x) => dissenters.includes(x.name) && !dissent.some((y) => y.name === x.name))], s.now()));
    }
    await save(applyDissent(decision, dissent, s.now()));
  };

  // Walk every step not answered yet, in order; a resumed session picks up at the first of them.
  for (let i = 0; i < steps.length; i += 1) {
    const step = steps[i]!;
    if (!isAnswered(step, draftOf(decision))) await runStep(i);
  }

  for (;;) {
    const body = draftOf(decision);
    s.talk.say(renderDecisionReview(d, body, c, width));
    const missing = missingForDecision(d, body);
    if (missing.length > 0) s.talk.say(wrap(c.yellow(`Still missing: ${missing.join('; ')}.`), width, '  '));
    const amending = stateOf(decision) === 'amending';
    const action = await ask.select<ReviewAction>({
      message: 'Submit the decision, or change an answer?',
      choices: [
        ...(missing.length === 0 ? [{ value: 'submit' as const, name: amending ? 'Submit the amended decision (it replaces the submitted one)' : 'Submit the decision (it is then locked)' }] : []),
        ...steps.flatMap((step, i) =>
          step.kind === 'knockout'
            ? [{ value: `step:${i}` as const, name: `Change the ruling on "${step.flag.text}"` }]
            : step.kind === 'consensus'
              ? [{ value: `step:${i}` as const, name: `Change the consensus on ${step.dimension.name}` }]
              : [],
        ),
        { value: 'final' as const, name: 'Change the decision, rationale, participants or dissent' },
        { value: 'later' as const, name: 'Stop here and carry on later (everything is saved)' },
        ...(amending ? [{ value: 'discard' as const, name: 'Discard this amendment (the submitted decision stands)' }] : []),
      ],
    });
    if (action === 'submit') {
      await save(submitDecision(d, decision, s.now()));
      return 'submitted';
    }
    if (action === 'later') return stateOf(decision);
    if (action === 'discard') {
      await save(discardAmendment(decision, s.now()));
      s.talk.say('Amendment discarded; the submitted decision stands unchanged.');
      return 'submitted';
    }
    if (action === 'final') await finalDecision();
    else await runStep(Number(action.slice('step:'.length)));
  }
}
