// How a calibration's numbers are put into words, shared by the terminal, Markdown, HTML and PDF renderers so
// they all say the same thing the same way. Formatting only: every number comes from the Calibration.
import type { AlphaEstimate, Calibration, DimensionNote, DimensionUsage, InterviewerProfile, Interval, LeanReading, Leniency, LevelCounts, RoleCalibration } from '../core/calibration/calibration.js';
import { VERDICT_LABELS, type Verdict } from '../core/debrief-policy.js';
import { RATING_MARKS, RATING_WORDS } from '../core/rating-words.js';
import { TALLY_LABELS, TALLY_ORDER } from './debrief-words.js';

export const GAP_WORDS = {
  'not-enough-pairable-values': 'not enough pairable ratings',
  'no-variation': 'no variation to compare',
} as const;

export const READING_WORDS: Record<LeanReading, string> = {
  lenient: 'rates higher than fellow panelists',
  severe: 'rates lower than fellow panelists',
  'no-clear-lean': 'no clear lean',
  'too-few-shared-candidates': 'too few shared candidates to tell',
};

export const NOTE_WORDS: Record<DimensionNote, string> = {
  'nobody-rates': 'nobody rates it on the scale',
  'barely-varies': 'ratings barely vary: little to learn from it',
};

/** Alpha to three decimals, the precision it is usually reported at; or why there is none. */
export function formatAlpha(estimate: AlphaEstimate): string {
  return estimate.value === null ? GAP_WORDS[estimate.gap ?? 'not-enough-pairable-values'] : estimate.value.toFixed(3);
}

export function formatAlphaInterval(interval: Interval | null): string {
  return interval === null ? '' : `${interval.low.toFixed(2)} to ${interval.high.toFixed(2)}`;
}

export function signed(value: number, digits = 2): string {
  const text = Math.abs(value).toFixed(digits);
  return Number(text) === 0 ? `±${text}` : `${value > 0 ? '+' : '−'}${text}`;
}

/** "+0.45 (95%: +0.20 to +0.70)" or "too few shared candidates to tell (3; needs 5)". */
export function formatLean(lean: Leniency, min: number): string {
  if (!lean.estimable || lean.mean_difference === null) return `${READING_WORDS['too-few-shared-candidates']} (${lean.shared_candidates}; needs ${min})`;
  const interval = lean.interval ? ` (95%: ${signed(lean.interval.low)} to ${signed(lean.interval.high)})` : '';
  return `${signed(lean.mean_difference)}${interval}`;
}

export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 1) return '< 1 min';
  if (minutes < 120) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / 1440).toFixed(1)} days`;
}

export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** "1: 2 · 2: 10 · 3: 20 · 4: 5 · ?: 3", the last being "insufficient evidence" (LEVELS_LEGEND says so). */
export function levelsLine(counts: LevelCounts): string {
  return [...counts.levels.map((n, i) => `${i + 1}: ${n}`), `${RATING_MARKS.insufficient}: ${counts.insufficient}`].join(' · ');
}

/** Said once wherever a levels line or a levels table shows the insufficient-evidence mark. */
export const LEVELS_LEGEND = `Levels are counts of ratings at each level of the scale; “${RATING_MARKS.insufficient}” counts ${RATING_WORDS.insufficient}, which is never a low rating.`;

export function recommendationsLine(profile: InterviewerProfile): string {
  return TALLY_ORDER.filter((k) => k !== 'none' || profile.recommendations.none > 0)
    .map((k) => `${TALLY_LABELS[k]} ${profile.recommendations[k]}`)
    .join(' · ');
}

export function verdictWords(verdict: Verdict | null): string {
  return verdict === null ? '—' : VERDICT_LABELS[verdict];
}

export function scoreText(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}

export function rankText(rank: number | null): string {
  return rank === null ? '—' : String(rank);
}

export function countsLine(role: RoleCalibration): string {
  const c = role.counts;
  const drafts = c.drafts_left_out > 0 ? ` · ${c.drafts_left_out} draft${c.drafts_left_out === 1 ? '' : 's'} left out` : '';
  return `${c.candidates} candidate${c.candidates === 1 ? '' : 's'} · ${c.scorecards} submitted scorecard${c.scorecards === 1 ? '' : 's'} · ${c.interviewers} interviewer${c.interviewers === 1 ? '' : 's'}${drafts}`;
}

export function windowLine(calibration: Calibration): string {
  const f = calibration.filters;
  const parts = [f.since ? `scorecards first submitted on or after ${f.since.slice(0, 10)}` : 'every submitted scorecard'];
  if (f.interviewer) parts.push(`interviewer profile of ${f.interviewer} only (agreement and leans over the whole panel)`);
  return parts.join('; ');
}

export function thresholdLine(calibration: Calibration): string {
  const m = calibration.method;
  return `A lean is shown for interviewers who share at least ${m.min_shared_candidates} candidates with other panelists; intervals are ${Math.round(m.confidence * 100)}% bootstrap intervals over candidates (${m.bootstrap_replicates} resamples, seed ${m.bootstrap_seed}).`;
}

export function adjustedLabel(): string {
  return 'Adjusted: each panelist\'s lean removed from their ratings. For calibration only; the raw scores stand.';
}

/** "Leadership and talent interview 7 of 10; Case B 3 of 10", or "none" when no stage answered insufficient. */
export function insufficientStages(d: DimensionUsage): string {
  const stages = d.stages.filter((s) => s.insufficient > 0).map((s) => `${s.name} ${s.insufficient} of ${s.answers}`);
  return stages.length > 0 ? stages.join('; ') : 'none';
}
