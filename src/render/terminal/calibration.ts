// The calibration as terminal text: agreement per dimension, one line per interviewer with their lean, the
// adjusted scores beside the raw ones, and the dimensions the panel struggles to rate.
import type { ChalkInstance } from 'chalk';
import type { Calibration, InterviewerProfile, RoleCalibration } from '../../core/calibration/calibration.js';
import { RATING_WORDS } from '../../core/rating-words.js';
import {
  NOTE_WORDS,
  READING_WORDS,
  adjustedLabel,
  countsLine,
  formatAlpha,
  formatAlphaInterval,
  formatLean,
  formatMinutes,
  insufficientStages,
  LEVELS_LEGEND,
  levelsLine,
  percent,
  rankText,
  recommendationsLine,
  scoreText,
  thresholdLine,
  verdictWords,
  windowLine,
} from '../calibration-words.js';
import { wrap } from './style.js';
import { columnsOf, padEndTo, padStartTo, truncateTo } from './width.js';

/** The text cut (with an ellipsis) or padded to exactly `width` columns. */
function cell(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const cut = truncateTo(text, width);
  return align === 'left' ? padEndTo(cut, width) : padStartTo(cut, width);
}

/** Columns the agreement table takes with all three alphas (ordinal, interval, nominal). */
const ALPHA_TABLE_WIDTH = 71;

export function renderCalibrationText(calibration: Calibration, c: ChalkInstance, width = 80): string {
  const out: string[] = [];
  out.push(c.bold('Calibration of the interview panel'));
  out.push(c.dim(wrap(`${calibration.generated_at.slice(0, 10)}: ${windowLine(calibration)}`, width)));
  if (calibration.roles.length === 0) out.push('', 'No submitted scorecards match.');
  for (const role of calibration.roles) out.push(...roleText(calibration, role, c, width));
  out.push('', wrap(c.dim(calibration.method.missing), width, ''));
  return `${out.join('\n')}\n`;
}

function roleText(calibration: Calibration, role: RoleCalibration, c: ChalkInstance, width: number): string[] {
  const out: string[] = [];
  const heading = (text: string): void => {
    out.push('', c.bold.underline(text));
  };
  const para = (text: string, indent = '  '): void => {
    out.push(wrap(text, width, indent));
  };
  out.push('', wrap(`${c.bold(role.role.title)} ${c.dim(`(${role.role.id}, rubric v${role.rubric.version})`)}`, width));
  out.push(wrap(c.dim(countsLine(role)), width));

  heading("Agreement: Krippendorff's alpha");
  para(c.dim(role.agreement.meaning));
  // The interval and nominal alphas, a cross-check of the ordinal one, give way on a narrow terminal.
  const alternatives = width >= ALPHA_TABLE_WIDTH;
  const nameWidth = Math.max(18, Math.min(30, width - (alternatives ? 53 : 34)));
  const others = (interval: string, nominal: string): string => (alternatives ? `  ${cell(interval, 8, 'right')}  ${cell(nominal, 7, 'right')}` : '');
  out.push(c.dim(`  ${cell('dimension', nameWidth)}  ${cell('ordinal', 7, 'right')}  ${cell('95% interval', 14)}${others('interval', 'nominal')}  ${cell('units', 5, 'right')}`));
  const alphaRow = (name: string, set: RoleCalibration['agreement']['overall'], bold: boolean): string => {
    if (set.ordinal.value === null) return `  ${cell(name, nameWidth)}  ${c.dim(formatAlpha(set.ordinal))}`;
    const tone = set.ordinal.value >= 0.8 ? c.green : set.ordinal.value >= 0.667 ? c.yellow : c.red;
    const text = `  ${cell(name, nameWidth)}  ${tone(cell(formatAlpha(set.ordinal), 7, 'right'))}  ${cell(formatAlphaInterval(set.ordinal.interval), 14)}${others(set.interval.value === null ? '—' : formatAlpha(set.interval), set.nominal.value === null ? '—' : formatAlpha(set.nominal))}  ${cell(String(set.units), 5, 'right')}`;
    return bold ? c.bold(text) : text;
  };
  out.push(alphaRow('All dimensions', role.agreement.overall, true));
  for (const d of role.agreement.dimensions) out.push(alphaRow(d.name, d, false));
  if (!alternatives) para(c.dim(`Interval and nominal alpha: on a terminal of ${ALPHA_TABLE_WIDTH} columns or more, or with --format md.`));

  heading('Interviewers');
  para(c.dim(`${calibration.method.leniency} ${thresholdLine(calibration)}`));
  para(c.dim(LEVELS_LEGEND));
  const who = Math.max(16, Math.min(30, width - 51));
  out.push(c.dim(`  ${cell('interviewer', who)}  ${cell('cards', 5, 'right')}  ${cell('cands', 5, 'right')}  lean (95% interval)`));
  for (const p of role.interviewers) out.push(interviewerLine(p, who, c, calibration.method.min_shared_candidates, width));
  for (const p of role.interviewers) {
    out.push('', wrap(c.bold(p.interviewer.name), width, '  '));
    para(c.dim(`${READING_WORDS[p.leniency.reading]}; ${p.leniency.shared_candidates} shared candidate${p.leniency.shared_candidates === 1 ? '' : 's'}, ${p.leniency.shared_units} shared ratings`), '    ');
    para(`levels ${levelsLine(p.levels.overall)} (${RATING_WORDS.insufficient}: ${percent(p.insufficient_share)})`, '    ');
    para(`recommendations ${recommendationsLine(p)}`, '    ');
    para(`first save to submission: median ${formatMinutes(p.time_to_submit.median_minutes)}, longest ${formatMinutes(p.time_to_submit.longest_minutes)} (${p.time_to_submit.scorecards} scorecard${p.time_to_submit.scorecards === 1 ? '' : 's'})`, '    ');
    if (p.unrated_focus.total > 0) {
      para(`focus dimensions left unanswered: ${p.unrated_focus.dimensions.map((d) => `${d.name} ×${d.count}`).join(', ')}`, '    ');
    }
  }

  heading('Adjusted scores');
  para(c.dim(adjustedLabel()));
  para(role.adjustment.note);
  const changed = role.adjustment.candidates.filter((x) => x.verdict_changes || x.rank_changes);
  const shown = changed.length > 0 ? changed : role.adjustment.candidates.filter((x) => x.adjusted).slice(0, 10);
  if (shown.length > 0) {
    const name = Math.max(16, Math.min(30, width - 44));
    out.push(c.dim(`  ${cell('candidate', name)}  ${cell('raw', 5, 'right')}  ${cell('adj.', 5, 'right')}  ${cell('rank', 7, 'right')}  verdict`));
    for (const x of shown) {
      const rank = `${rankText(x.rank.raw)}→${rankText(x.rank.adjusted)}`;
      out.push(`  ${cell(x.candidate.name, name)}  ${cell(scoreText(x.composite.raw), 5, 'right')}  ${cell(scoreText(x.composite.adjusted), 5, 'right')}  ${cell(rank, 7, 'right')}  ${x.verdict_changes ? c.yellow('changes') : c.dim('same')}`);
      if (x.verdict_changes) para(c.yellow(`${verdictWords(x.verdict.raw)} → ${verdictWords(x.verdict.adjusted)}`), '    ');
    }
    if (changed.length === 0 && role.adjustment.adjusted > shown.length) out.push(c.dim(`  … and ${role.adjustment.adjusted - shown.length} more (--format md or pdf lists every candidate)`));
  }
  const unadjusted = role.adjustment.candidates.filter((x) => !x.adjusted);
  if (unadjusted.length > 0) para(c.dim(`Not adjusted (a panelist's lean is unknown): ${unadjusted.length} candidate${unadjusted.length === 1 ? '' : 's'}.`));

  heading('Dimensions');
  const dim = Math.max(18, Math.min(30, width - 40));
  out.push(c.dim(`  ${cell('dimension', dim)}  ${cell('answers', 7, 'right')}  ${cell('insufficient', 12, 'right')}  spread`));
  for (const d of role.dimensions) {
    const spread = d.sd === null ? '—' : `sd ${d.sd.toFixed(2)}`;
    out.push(`  ${cell(d.name, dim)}  ${cell(String(d.answers), 7, 'right')}  ${cell(`${d.insufficient} (${percent(d.insufficient_rate)})`, 12, 'right')}  ${spread}`);
    if (d.insufficient > 0) para(c.dim(`insufficient in: ${insufficientStages(d)}`), '    ');
    for (const note of d.notes) para(c.yellow(NOTE_WORDS[note]), '    ');
  }
  return out;
}

function interviewerLine(p: InterviewerProfile, who: number, c: ChalkInstance, min: number, width: number): string {
  const lean = p.leniency.estimable ? formatLean(p.leniency, min).replace('95%: ', '') : READING_WORDS['too-few-shared-candidates'];
  const tone = p.leniency.reading === 'lenient' || p.leniency.reading === 'severe' ? c.yellow : p.leniency.estimable ? (x: string) => x : c.dim;
  const head = `  ${cell(p.interviewer.name, who)}  ${cell(String(p.scorecards), 5, 'right')}  ${cell(String(p.candidates), 5, 'right')}  `;
  // The lean wraps under its own column rather than past the terminal's edge.
  const indent = columnsOf(head);
  return wrap(lean, Math.max(12, width - indent)).split('\n').map((line, i) => `${i === 0 ? head : ' '.repeat(indent)}${tone(line)}`).join('\n');
}
