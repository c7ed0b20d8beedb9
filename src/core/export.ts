// Rows for spreadsheets: the submitted scorecards (one row per scorecard and dimension) and the debriefs
// (one row per candidate), as flat records every export format draws. Nothing here is recomputed: debrief
// rows copy what buildDebrief decided.
import type { Debrief } from './debrief-model.js';
import type { Scorecard } from './scorecard.js';

export const EXPORT_FORMAT = 'hirekit-export/1';
export const EXPORT_SUBJECTS = ['scorecards', 'debriefs'] as const;
export type ExportSubject = (typeof EXPORT_SUBJECTS)[number];

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

/** One row per candidate's debrief. Hurdles and knockouts are listed in one cell each, "; "-separated. */
export function debriefRow(debrief: Debrief): ExportRow {
  const { policy, coverage, summary } = debrief;
  return {
    candidate: debrief.candidate.name,
    role: debrief.role.id,
    submitted_scorecards: debrief.tally.submitted,
    composite: policy.composite,
    rated_share: coverage.rated_share,
    verdict: summary.label,
    hurdles: policy.hurdles.map((h) => `${h.dimension} ${h.status}${h.score === null ? '' : ` (${h.score} of min ${h.min_level})`}`).join('; '),
    knockouts: policy.knockouts.map((k) => `${k.flag} (${k.raised_by.map((p) => p.name).join(', ')})`).join('; '),
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
