// What the interviewer reads while scoring: the stage brief, one dimension at a time with its questions and
// every anchor, the choices, and the review screen. Plain strings; the command decides where they go.
import type { ChalkInstance } from 'chalk';
import { INSUFFICIENT, type Dimension, type Rubric } from '../../core/rubric.js';
import { INSUFFICIENT_KEY, RATING_WORDS, noEvidenceText, ratingMark } from '../../core/rating-words.js';
import { anchorAt, flagTier, levelLabel, scaleLevels, type Flag } from '../../core/rubric-queries.js';
import { FLAG_SIGNS, FLAG_TIER_LABELS } from '../flag-words.js';
import { RECOMMENDATIONS, RECOMMENDATION_LABELS, type Recommendation, type Scorecard } from '../../core/scorecard.js';
import type { StagePlan } from '../../core/scoring.js';
import { truncate, wrap } from './style.js';
import { columnsOf } from './width.js';

/** Rows the screens are laid out for when the terminal does not say (CommandContext.rows): nothing may scroll away. */
export const SCREEN_ROWS = 24;

/** One entry of a menu, shaped like the prompt adapter's choices (render does not import prompts/). */
export interface MenuChoice<T> {
  value: T;
  name: string;
  description?: string;
}

/** The scale's meaning of "insufficient evidence", saying once that it is not a low score. */
function insufficientMeaning(rubric: Rubric): string {
  const meaning = rubric.scale.insufficient.meaning;
  return /not a low score/i.test(meaning) ? meaning : `${meaning} Not a low score.`;
}

function rule(title: string, c: ChalkInstance, width: number): string {
  const text = ` ${truncate(title, width - 6)} `;
  return c.bold(`──${text}${'─'.repeat(Math.max(2, width - columnsOf(text) - 2))}`);
}

/** Wraps text that keeps its line breaks (evidence, notes): each line wrapped on its own. */
export function wrapLines(text: string, width: number, indent = ''): string {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => wrap(line, width, indent))
    .join('\n');
}

export interface BriefPeople {
  candidate: string;
  interviewer: string;
}

export function renderStageBrief(rubric: Rubric, plan: StagePlan, people: BriefPeople, c: ChalkInstance, width = 80): string {
  const { stage } = plan;
  const out: string[] = [
    rule(`${stage.name} · ${rubric.role.title}`, c, width),
    wrap(`Candidate: ${people.candidate} · Interviewer: ${people.interviewer}`, width),
    c.dim(wrap(`${stage.duration_minutes} minutes · run by ${stage.interviewers} · rubric ${rubric.role.id} v${rubric.version}`, width)),
    '',
    c.bold('Purpose'),
    wrap(stage.purpose, width, '  '),
    '',
    c.bold('You will rate, in this order'),
  ];
  plan.dimensions.forEach(({ dimension, questions }, i) => {
    const asked =
      questions.length === 0 ? (plan.caseStudy ? 'from the case study' : 'no set question') : questions.length === 1 ? '1 question' : `${questions.length} questions`;
    out.push(wrap(`${i + 1}. ${dimension.name} (${asked})`, width, '  '));
  });
  const after = plan.flags.length > 0 ? 'then tick any flags you saw, then give' : 'then give';
  out.push(
    wrap(`${after} the overall recommendation. Rate each dimension on its own evidence; the overall call comes last on purpose.`, width, '  '),
  );
  const questions = plan.dimensions.flatMap((d) => d.questions);
  if (questions.length > 0) {
    out.push('', c.bold('Questions to ask'));
    questions.forEach((q, i) => {
      out.push(wrap(`${i + 1}. ${q.text}`, width, '  '));
      if (q.probes.length > 0) out.push(c.dim('     Probes'), ...q.probes.map((p) => wrap(`- ${p}`, width, '     ')));
      if (q.listen_for.length > 0) out.push(c.dim('     Listen for'), ...q.listen_for.map((l) => wrap(`- ${l}`, width, '     ')));
    });
    out.push(c.dim(wrap('Each question comes again on the screen of the dimension it informs.', width, '  ')));
  }
  if (plan.caseStudy) {
    const cs = plan.caseStudy;
    out.push('', c.bold(wrap(`Case study: ${cs.title} (${cs.duration_minutes} minutes)`, width)), c.dim('  Brief, as handed to the candidate:'));
    out.push(wrap(cs.brief, width, '    '), c.dim('  How to run it:'), wrap(cs.guide, width, '    '));
    out.push(c.dim('  Strong answers:'), ...cs.strong.map((s) => wrap(`- ${s}`, width, '    ')));
    out.push(c.dim('  Weak answers:'), ...cs.weak.map((s) => wrap(`- ${s}`, width, '    ')));
  }
  return out.join('\n');
}

/** The key that picks "insufficient evidence" (defined with the other rating marks in core/rating-words.ts). */
export { INSUFFICIENT_KEY };

/**
 * The scale's levels and "insufficient evidence", each with the key that picks it (a digit per level); the
 * highlighted one shows its full anchor underneath (the only place anchors are shown on the rating screen).
 */
export function ratingChoices(rubric: Rubric, dimension: Dimension, width = 80): Array<MenuChoice<number | typeof INSUFFICIENT> & { key: string }> {
  return [
    ...scaleLevels(rubric).map((level) => ({ value: level, key: String(level), name: levelLabel(rubric, level), description: wrap(anchorAt(dimension, level), width - 1, '    ') })),
    {
      value: INSUFFICIENT,
      key: INSUFFICIENT_KEY,
      name: rubric.scale.insufficient.label,
      description: wrap(insufficientMeaning(rubric), width - 1, '    '),
    },
  ];
}

/** Lines the rating prompt takes under the screen: message, five choices, the tallest anchor, the keys. */
export function ratingPromptHeight(rubric: Rubric, dimension: Dimension, width = 80): number {
  const choices = ratingChoices(rubric, dimension, width);
  const tallest = Math.max(...choices.map((c) => (c.description ?? '').split('\n').length));
  return 1 + choices.length + tallest + 1;
}

/** A flag as one line of a checkbox list; the full text shows underneath while it is highlighted. */
export function flagChoice(flag: Flag, checked: boolean, width = 80, dimensionNames: ReadonlyMap<string, string> = new Map()): MenuChoice<string> & { checked: boolean } {
  const tier = flagTier(flag);
  const sign = FLAG_SIGNS[tier];
  const text = `${flag.knockout ? 'KNOCKOUT ' : ''}${flag.text}`;
  const name = `${sign} ${truncate(text, Math.max(20, width - 8))}`;
  const where = flag.dimensions.length === 0 ? 'any dimension' : flag.dimensions.map((d) => dimensionNames.get(d) ?? d).join(', ');
  const label = tier === 'knockout' ? 'Red flag, knockout' : FLAG_TIER_LABELS[tier];
  return { value: flag.id, name, description: wrap(`${label} (${where}): ${flag.text}`, width - 1), checked };
}

/** "2026-11-24 07:09 UTC": when a draft was last saved, readable at a glance. */
export function savedAt(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function recommendationChoices(): Array<MenuChoice<Recommendation>> {
  return RECOMMENDATIONS.map((r) => ({ value: r, name: RECOMMENDATION_LABELS[r] }));
}

/** Everything entered, in the order it was asked, for a last look before submitting. */
export function renderReview(rubric: Rubric, plan: StagePlan, scorecard: Scorecard, c: ChalkInstance, width = 80): string {
  const out: string[] = ['', rule(`Review: ${scorecard.candidate.name} · ${plan.stage.name}`, c, width)];
  plan.dimensions.forEach(({ dimension }, i) => {
    const rating = scorecard.ratings.find((r) => r.dimension === dimension.id);
    const value = rating ? `${ratingMark(rating.rating)} ${levelLabel(rubric, rating.rating)}` : `${RATING_WORDS.notRated} yet`;
    const line = wrap(`${i + 1}. ${dimension.name}: ${value}`, width);
    out.push('', rating ? c.bold(line) : c.yellow(line));
    if (rating) out.push(rating.evidence !== undefined ? wrapLines(rating.evidence, width, '   ') : c.yellow(wrapLines(noEvidenceText(rating.no_evidence), width, '   ')));
  });
  out.push('', c.bold('Flags'));
  if (scorecard.flags.length === 0) out.push('   none ticked');
  for (const mark of scorecard.flags) {
    const flag = plan.flags.find((f) => f.id === mark.flag);
    const sign = mark.kind === 'green' ? c.green('+') : mark.kind === 'concern' ? c.yellow('~') : c.red('−');
    const text = wrap(`${flag?.knockout ? 'KNOCKOUT ' : ''}${flag?.text ?? mark.flag}`, width - 5, '').split('\n').join('\n     ');
    out.push(`   ${sign} ${text}`, c.dim(wrapLines(`Note: ${mark.note}`, width, '     ')));
  }
  const recommendation = scorecard.recommendation ? RECOMMENDATION_LABELS[scorecard.recommendation] : c.yellow('not given yet');
  out.push('', `${c.bold('Recommendation')}: ${recommendation}`);
  out.push(scorecard.summary ? wrapLines(scorecard.summary, width, '   ') : `   ${c.yellow('no summary yet')}`);
  return out.join('\n');
}

/**
 * The review in one line per answer, for the screen where the next action is chosen when the whole review
 * would not fit above it; the whole review is one key away (shown paged).
 */
export function renderReviewCompact(rubric: Rubric, plan: StagePlan, scorecard: Scorecard, c: ChalkInstance, width = 80): string {
  const out: string[] = [];
  plan.dimensions.forEach(({ dimension }, i) => {
    const rating = scorecard.ratings.find((r) => r.dimension === dimension.id);
    const value = rating ? `${ratingMark(rating.rating)} ${levelLabel(rubric, rating.rating)}` : `${RATING_WORDS.notRated} yet`;
    const line = truncate(`${i + 1}. ${dimension.name}: ${value}${rating ? ` · ${rating.evidence ?? RATING_WORDS.noEvidence}` : ''}`, width);
    out.push(rating ? line : c.yellow(line));
  });
  const flags = scorecard.flags.map((m) => `${m.kind === 'green' ? '+' : m.kind === 'concern' ? '~' : '−'}${plan.flags.find((f) => f.id === m.flag)?.knockout ? ' KNOCKOUT' : ''} ${m.flag}`);
  out.push(truncate(`Flags: ${flags.length > 0 ? flags.join(', ') : 'none ticked'}`, width));
  const recommendation = scorecard.recommendation ? RECOMMENDATION_LABELS[scorecard.recommendation] : 'not given yet';
  const line = truncate(`Recommendation: ${recommendation}${scorecard.summary ? ` · ${scorecard.summary}` : ' · no summary yet'}`, width);
  out.push(scorecard.recommendation && scorecard.summary ? line : c.yellow(line));
  return out.join('\n');
}
