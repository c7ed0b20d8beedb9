// The calibration as Markdown: the same sections as the terminal text, with every candidate's adjusted
// scores and every interviewer's level distribution per dimension.
import type { AlphaSet, Calibration, RoleCalibration } from '../core/calibration/calibration.js';
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
} from './calibration-words.js';
import { escapeMarkdown, escapeMarkdownCell } from './templates.js';
import { RATING_MARKS } from '../core/rating-words.js';

const cell = escapeMarkdownCell;

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, right: readonly number[] = []): string[] {
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `|${header.map((_h, i) => (right.includes(i) ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

export function calibrationMarkdown(calibration: Calibration): string {
  const out: string[] = ['# Calibration of the interview panel', '', escapeMarkdown(`${calibration.generated_at.slice(0, 10)}: ${windowLine(calibration)}.`)];
  if (calibration.roles.length === 0) out.push('', 'No submitted scorecards match.');
  for (const role of calibration.roles) out.push(...roleMarkdown(calibration, role));
  out.push('', '## Method', '', escapeMarkdown(calibration.method.missing), '', escapeMarkdown(calibration.method.resampling), '', escapeMarkdown(thresholdLine(calibration)), '', escapeMarkdown(calibration.method.adjustment), '');
  return out.join('\n');
}

function alphaRow(name: string, set: AlphaSet): string[] {
  return [name, formatAlpha(set.ordinal), formatAlphaInterval(set.ordinal.interval), formatAlpha(set.interval), formatAlpha(set.nominal), String(set.units)];
}

function roleMarkdown(calibration: Calibration, role: RoleCalibration): string[] {
  const min = calibration.method.min_shared_candidates;
  const out: string[] = ['', `## ${escapeMarkdown(role.role.title)} (${role.role.id}, rubric v${role.rubric.version})`, '', escapeMarkdown(countsLine(role))];

  out.push('', "### Agreement: Krippendorff's alpha", '', escapeMarkdown(role.agreement.meaning), '');
  out.push(
    ...table(
      ['Dimension', 'Ordinal', '95% interval', 'Interval', 'Nominal', 'Units'],
      [alphaRow('All dimensions', role.agreement.overall), ...role.agreement.dimensions.map((d) => alphaRow(d.name, d))],
      [1, 3, 4, 5],
    ),
  );

  out.push('', '### Interviewers', '', escapeMarkdown(`${calibration.method.leniency} ${thresholdLine(calibration)}`), '', escapeMarkdown(LEVELS_LEGEND), '');
  out.push(
    ...table(
      ['Interviewer', 'Scorecards', 'Candidates', 'Lean', 'Reading', 'Insufficient', 'First save to submission (median)'],
      role.interviewers.map((p) => [
        p.interviewer.name,
        String(p.scorecards),
        String(p.candidates),
        p.leniency.estimable ? formatLean(p.leniency, min) : '—',
        READING_WORDS[p.leniency.reading],
        percent(p.insufficient_share),
        formatMinutes(p.time_to_submit.median_minutes),
      ]),
      [1, 2, 5],
    ),
  );
  for (const p of role.interviewers) {
    out.push('', `#### ${escapeMarkdown(p.interviewer.name)}`, '');
    out.push(`- Lean: ${escapeMarkdown(formatLean(p.leniency, min))}; ${p.leniency.shared_candidates} shared candidates, ${p.leniency.shared_units} shared ratings`);
    out.push(`- Levels overall: ${escapeMarkdown(levelsLine(p.levels.overall))}`);
    out.push(`- Recommendations: ${escapeMarkdown(recommendationsLine(p))}`);
    out.push(`- First save to submission: median ${formatMinutes(p.time_to_submit.median_minutes)}, longest ${formatMinutes(p.time_to_submit.longest_minutes)}`);
    out.push(
      `- Focus dimensions left unanswered: ${p.unrated_focus.total === 0 ? 'none' : escapeMarkdown(p.unrated_focus.dimensions.map((d) => `${d.name} ×${d.count}`).join(', '))}`,
    );
    if (p.levels.dimensions.length > 0) {
      out.push('');
      out.push(
        ...table(
          ['Dimension', ...role.scale.levels.map((l) => String(l.level)), RATING_MARKS.insufficient],
          p.levels.dimensions.map((d) => [d.name, ...d.counts.levels.map(String), String(d.counts.insufficient)]),
          role.scale.levels.map((_l, i) => i + 1).concat([role.scale.levels.length + 1]),
        ),
      );
    }
  }

  out.push('', '### Adjusted scores', '', `*${escapeMarkdown(adjustedLabel())}*`, '', escapeMarkdown(role.adjustment.note), '');
  out.push(
    ...table(
      ['Candidate', 'Composite (raw)', 'Composite (adjusted)', 'Rank raw → adjusted', 'Verdict (raw)', 'Verdict (adjusted)', 'Not adjusted because'],
      role.adjustment.candidates.map((x) => [
        x.candidate.name,
        scoreText(x.composite.raw),
        scoreText(x.composite.adjusted),
        x.rank.raw === null ? '—' : `${rankText(x.rank.raw)} → ${rankText(x.rank.adjusted)}`,
        verdictWords(x.verdict.raw),
        verdictWords(x.verdict.adjusted),
        x.adjusted ? '' : x.unknown_lean.length > 0 ? `lean unknown: ${x.unknown_lean.map((p) => p.name).join(', ')}` : 'no rating on the scale',
      ]),
      [1, 2],
    ),
  );

  out.push('', '### Dimensions', '');
  out.push(
    ...table(
      ['Dimension', 'Answers', 'Insufficient', 'Insufficient in', 'SD', 'Note'],
      role.dimensions.map((d) => [
        d.name,
        String(d.answers),
        `${d.insufficient} (${percent(d.insufficient_rate)})`,
        insufficientStages(d),
        d.sd === null ? '—' : d.sd.toFixed(2),
        d.notes.map((n) => NOTE_WORDS[n]).join('; '),
      ]),
      [1, 4],
    ),
  );
  return out;
}
