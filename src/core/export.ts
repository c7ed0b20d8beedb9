// Rows for spreadsheets: the submitted scorecards (one row per scorecard and dimension), the debriefs (one
// row per candidate) and the calibration of the panel, as flat records every export format draws. Nothing
// here is recomputed: debrief rows copy what buildDebrief decided, calibration rows what buildCalibration did.
import type { AlphaSet, Calibration, LevelCounts } from './calibration/model.js';
import { VERDICT_LABELS, type Debrief } from './debrief-model.js';
import { RECOMMENDATIONS, type Scorecard } from './scorecard.js';

export const EXPORT_FORMAT = 'hirekit-export/1';
export { EXPORT_SUBJECTS, type ExportSubject } from './export-subjects.js';

export type Cell = string | number | null;
export type ExportRow = Record<string, Cell>;

export const SCORECARD_COLUMNS = ['candidate', 'role', 'stage', 'interviewer', 'dimension', 'level', 'evidence', 'recommendation', 'submitted_at'] as const;
export const DEBRIEF_COLUMNS = [
  'candidate',
  'role',
  'submitted_scorecards',
  'composite',
  'rated_share',
  'verdict',
  'hurdles',
  'knockouts',
  'decision',
  'decided_at',
  'decided_by',
] as const;

/** One row per rating of every submitted scorecard, in the order given; drafts are never exported. */
export function scorecardRows(scorecards: readonly Scorecard[]): ExportRow[] {
  const rows: ExportRow[] = [];
  for (const card of scorecards) {
    if (card.status !== 'submitted') continue;
    for (const rating of card.ratings) {
      rows.push({
        candidate: card.candidate.name,
        role: card.rubric.id,
        stage: card.stage,
        interviewer: card.interviewer.name,
        dimension: rating.dimension,
        // "insufficient" is its own answer, never a low number.
        level: rating.rating,
        // An imported rating without a note has none: the cell stays empty, never filled in.
        evidence: rating.evidence ?? null,
        recommendation: card.recommendation ?? null,
        submitted_at: card.submitted_at ?? null,
      });
    }
  }
  return rows;
}

/**
 * One row per candidate's debrief. Hurdles and knockouts are listed in one cell each, "; "-separated. The
 * committee's decision (advance, reject or hold), when and by whom, only once it is submitted: empty before.
 */
export function debriefRow(debrief: Debrief): ExportRow {
  const { policy, coverage, summary, decision } = debrief;
  return {
    candidate: debrief.candidate.name,
    role: debrief.role.id,
    submitted_scorecards: debrief.tally.submitted,
    composite: policy.composite,
    rated_share: coverage.rated_share,
    verdict: summary.label,
    hurdles: policy.hurdles.map((h) => `${h.dimension} ${h.status}${h.score === null ? '' : ` (${h.score} of min ${h.min_level})`}`).join('; '),
    knockouts: policy.knockouts.map((k) => `${k.flag} (${k.raised_by.map((p) => p.name).join(', ')})`).join('; '),
    decision: decision?.outcome ?? null,
    decided_at: decision?.decided_at ?? null,
    decided_by: decision ? decision.participants.join('; ') : null,
  };
}

/**
 * The calibration as one table a spreadsheet can filter by `scope`: per role a `panel` row (counts and overall
 * agreement), a row per `interviewer` (ratings, lean, recommendations, time to submit), per `dimension` (how
 * it is used, its spread and agreement), per `interviewer-dimension` (that interviewer's levels on it) and per
 * `candidate` (raw and lean-adjusted composite, rank and verdict). Columns a scope has no value for are empty.
 * Every number is copied from the Calibration; none is recomputed.
 */
export function calibrationColumns(calibration: Calibration): string[] {
  const levels = Math.max(0, ...calibration.roles.map((r) => r.scale.levels.length));
  return [...CALIBRATION_HEAD, ...Array.from({ length: levels }, (_, i) => `level_${i + 1}`), ...CALIBRATION_TAIL];
}

export const CALIBRATION_SCOPES = ['panel', 'interviewer', 'dimension', 'interviewer-dimension', 'candidate'] as const;

const CALIBRATION_HEAD = ['role', 'scope', 'interviewer', 'dimension', 'candidate', 'candidates', 'scorecards', 'interviewers', 'drafts_left_out', 'answers', 'rated', 'insufficient', 'insufficient_share'] as const;
const CALIBRATION_TAIL = [
  'sd',
  'top_level_share',
  'notes',
  'alpha_ordinal',
  'alpha_low',
  'alpha_high',
  'alpha_interval',
  'alpha_nominal',
  'alpha_units',
  'lean',
  'lean_low',
  'lean_high',
  'lean_reading',
  'shared_candidates',
  'shared_units',
  'adjustment',
  ...RECOMMENDATIONS.map((r) => `recommend_${r.replace('-', '_')}`),
  'recommend_none',
  'median_minutes_to_submit',
  'longest_minutes_to_submit',
  'focus_unanswered',
  'composite_raw',
  'composite_adjusted',
  'rank_raw',
  'rank_adjusted',
  'verdict_raw',
  'verdict_adjusted',
] as const;

export function calibrationRows(calibration: Calibration): ExportRow[] {
  const rows: ExportRow[] = [];
  for (const role of calibration.roles) {
    const base = { role: role.role.id };
    const alphaOf = (set: AlphaSet): ExportRow => ({
      alpha_ordinal: set.ordinal.value,
      alpha_low: set.ordinal.interval?.low ?? null,
      alpha_high: set.ordinal.interval?.high ?? null,
      alpha_interval: set.interval.value,
      alpha_nominal: set.nominal.value,
      alpha_units: set.units,
    });
    rows.push({ ...base, scope: 'panel', ...role.counts, ...alphaOf(role.agreement.overall) });
    for (const p of role.interviewers) {
      const lean = p.leniency;
      rows.push({
        ...base,
        scope: 'interviewer',
        interviewer: p.interviewer.name,
        candidates: p.candidates,
        scorecards: p.scorecards,
        ...countsOf(p.levels.overall),
        insufficient_share: p.insufficient_share,
        lean: lean.mean_difference,
        lean_low: lean.interval?.low ?? null,
        lean_high: lean.interval?.high ?? null,
        lean_reading: lean.reading,
        shared_candidates: lean.shared_candidates,
        shared_units: lean.shared_units,
        adjustment: lean.adjustment,
        ...Object.fromEntries(([...RECOMMENDATIONS, 'none'] as const).map((r) => [`recommend_${r.replace('-', '_')}`, p.recommendations[r]])),
        median_minutes_to_submit: p.time_to_submit.median_minutes,
        longest_minutes_to_submit: p.time_to_submit.longest_minutes,
        focus_unanswered: p.unrated_focus.total,
      });
    }
    for (const d of role.dimensions) {
      const agreement = role.agreement.dimensions.find((a) => a.id === d.id);
      rows.push({
        ...base,
        scope: 'dimension',
        dimension: d.id,
        ...countsOf(d.counts),
        rated: d.rated,
        insufficient_share: d.insufficient_rate,
        sd: d.sd,
        top_level_share: d.top_level_share,
        notes: d.notes.join('; '),
        ...(agreement ? alphaOf(agreement) : {}),
      });
    }
    for (const p of role.interviewers) {
      for (const d of p.levels.dimensions) rows.push({ ...base, scope: 'interviewer-dimension', interviewer: p.interviewer.name, dimension: d.id, ...countsOf(d.counts) });
    }
    for (const c of role.adjustment.candidates) {
      rows.push({
        ...base,
        scope: 'candidate',
        candidate: c.candidate.name,
        composite_raw: c.composite.raw,
        composite_adjusted: c.composite.adjusted,
        rank_raw: c.rank.raw,
        rank_adjusted: c.rank.adjusted,
        verdict_raw: VERDICT_LABELS[c.verdict.raw],
        verdict_adjusted: c.verdict.adjusted === null ? null : VERDICT_LABELS[c.verdict.adjusted],
      });
    }
  }
  return rows;
}

/** Answers, ratings on the scale, "insufficient" and the count at each level (level_1 ...). */
function countsOf(counts: LevelCounts): ExportRow {
  return {
    answers: counts.total,
    rated: counts.total - counts.insufficient,
    insufficient: counts.insufficient,
    ...Object.fromEntries(counts.levels.map((n, i) => [`level_${i + 1}`, n])),
  };
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as a formula.
 * OWASP's advice: prefix such a cell with a single quote so it is shown as text. Numbers stay numbers.
 */
export function neutraliseFormula(cell: Cell): Cell {
  if (typeof cell !== 'string') return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
