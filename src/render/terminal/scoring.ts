// What the interviewer reads while scoring: the stage brief, one dimension at a time with its questions and
// every anchor, the choices, and the review screen. Plain strings; the command decides where they go.
import type { ChalkInstance } from 'chalk';
import { INSUFFICIENT, anchorAt, flagTier, levelLabel, scaleLevels, type Dimension, type Flag, type Rubric } from '../../core/rubric.js';
import { FLAG_SIGNS, FLAG_TIER_LABELS } from '../flag-words.js';
import { RECOMMENDATIONS, RECOMMENDATION_LABELS, type Recommendation, type Scorecard } from '../../core/scorecard.js';
import type { StagePlan } from '../../core/scoring.js';
import { wrap } from './style.js';
import { columnsOf, truncateTo } from './width.js';

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
  const room = width - 6;
  const text = ` ${truncateTo(title, room)} `;
  return c.bold(`──${text}${'─'.repeat(Math.max(2, width - columnsOf(text) - 2))}`);
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
    out.push('', c.bold('Questions to ask'), ...questions.map((q, i) => wrap(`${i + 1}. ${q.text}`, width, '  ')));
    out.push(c.dim(wrap('Each comes again with its probes next to the dimension it informs.', width, '  ')));
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

/** One dimension: what it measures, its questions with probes, and the anchor of every level. */
export function renderDimension(rubric: Rubric, plan: StagePlan, index: number, c: ChalkInstance, width = 80): string {
  const entry = plan.dimensions[index];
  if (!entry) throw new RangeError(`no dimension ${index} in stage ${plan.stage.id}`);
  const { dimension, questions, caseQuestions } = entry;
  const out: string[] = ['', rule(`Dimension ${index + 1} of ${plan.dimensions.length}: ${dimension.name}`, c, width), wrap(dimension.measures, width, '  ')];
  for (const q of caseQuestions) {
    out.push('', c.cyan(wrap(`Ask inside the case: ${q.text}`, width, '  ')));
    if (q.probes.length > 0) out.push(c.dim('    Probes'), ...q.probes.map((p) => wrap(`- ${p}`, width, '    ')));
    if (q.listen_for.length > 0) out.push(c.dim('    Listen for'), ...q.listen_for.map((l) => wrap(`- ${l}`, width, '    ')));
  }
  if (questions.length === 0 && caseQuestions.length === 0) {
    const from = plan.caseStudy ? `Rate it from the case study, ${plan.caseStudy.title}.` : 'Rate it from what you saw in the whole interview.';
    out.push('', wrap(`This stage asks no set question for this dimension. ${from}`, width, '  '));
  }
  for (const q of questions) {
    out.push('', c.cyan(wrap(`Ask: ${q.text}`, width, '  ')));
    if (q.probes.length > 0) out.push(c.dim('    Probes'), ...q.probes.map((p) => wrap(`- ${p}`, width, '    ')));
    if (q.listen_for.length > 0) out.push(c.dim('    Listen for'), ...q.listen_for.map((l) => wrap(`- ${l}`, width, '    ')));
  }
  out.push('', c.bold('Anchors'));
  for (const level of scaleLevels(rubric)) {
    out.push(`  ${c.bold(`${level}  ${levelLabel(rubric, level)}`)}`, wrap(anchorAt(dimension, level), width, '     '));
  }
  out.push(`  ${c.bold(`–  ${rubric.scale.insufficient.label}`)}`, wrap(insufficientMeaning(rubric), width, '     '));
  return out.join('\n');
}

/** The scale's levels and "insufficient evidence"; the highlighted one shows its anchor underneath, pre-wrapped to the terminal. */
export function ratingChoices(rubric: Rubric, dimension: Dimension, width = 80): Array<MenuChoice<number | typeof INSUFFICIENT>> {
  return [
    ...scaleLevels(rubric).map((level) => ({ value: level, name: `${level}  ${levelLabel(rubric, level)}`, description: wrap(anchorAt(dimension, level), width - 1) })),
    {
      value: INSUFFICIENT,
      name: `–  ${rubric.scale.insufficient.label}`,
      description: wrap(insufficientMeaning(rubric), width - 1),
    },
  ];
}

/** A flag as one line of a checkbox list; the full text shows underneath while it is highlighted. */
export function flagChoice(flag: Flag, checked: boolean, width = 80, dimensionNames: ReadonlyMap<string, string> = new Map()): MenuChoice<string> & { checked: boolean } {
  const tier = flagTier(flag);
  const sign = FLAG_SIGNS[tier];
  const text = `${flag.knockout ? 'KNOCKOUT ' : ''}${flag.text}`;
  const room = Math.max(20, width - 8);
  const name = `${sign} ${text.length > room ? `${text.slice(0, room - 1).trimEnd()}…` : text}`;
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
    const value = rating ? `${rating.rating === INSUFFICIENT ? '–' : rating.rating} ${levelLabel(rubric, rating.rating)}` : 'not rated yet';
    const line = wrap(`${i + 1}. ${dimension.name}: ${value}`, width);
    out.push('', rating ? c.bold(line) : c.yellow(line));
    if (rating) out.push(wrap(rating.evidence, width, '   '));
  });
  out.push('', c.bold('Flags'));
  if (scorecard.flags.length === 0) out.push('   none ticked');
  for (const mark of scorecard.flags) {
    const flag = plan.flags.find((f) => f.id === mark.flag);
    const sign = mark.kind === 'green' ? c.green('+') : mark.kind === 'concern' ? c.yellow('~') : c.red('−');
    const text = wrap(`${flag?.knockout ? 'KNOCKOUT ' : ''}${flag?.text ?? mark.flag}`, width - 5, '').split('\n').join('\n     ');
    out.push(`   ${sign} ${text}`, c.dim(wrap(`Note: ${mark.note}`, width, '     ')));
  }
  const recommendation = scorecard.recommendation ? RECOMMENDATION_LABELS[scorecard.recommendation] : c.yellow('not given yet');
  out.push('', `${c.bold('Recommendation')}: ${recommendation}`);
  out.push(scorecard.summary ? wrap(scorecard.summary, width, '   ') : `   ${c.yellow('no summary yet')}`);
  return out.join('\n');
}
