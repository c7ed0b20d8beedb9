// Adjusted scores: each candidate's dimension scores, composite and mechanical verdict with every panelist's
// lean removed from their ratings, beside the raw ones and never instead of them. A candidate is adjusted only
// when every panelist who rated on the scale has an estimable lean; otherwise the raw scores stand alone and
// the panelists whose lean is unknown are named.
import { applyPolicy, type Verdict } from '../debrief-policy.js';
import type { DebriefScores } from '../debrief.js';
import type { DimensionResult } from '../debrief-model.js';
import { INSUFFICIENT, type Rubric } from '../rubric.js';
import { round2, spreadOf } from '../statistics.js';
import type { AdjustedCandidate, Adjustment, CalibrationPerson } from './model.js';

/** An interviewer's lean to remove, by slug; absent when it could not be estimated. */
export type LeanBySlug = ReadonlyMap<string, number>;

/** The adjusted scores of one candidate (rank fields are filled in by rankAdjusted). */
export function adjustCandidate(rubric: Rubric, debrief: DebriefScores, leans: LeanBySlug, levels: number): AdjustedCandidate {
  const panelists = new Map<string, CalibrationPerson>();
  for (const d of debrief.dimensions) for (const r of d.ratings) if (r.rating !== INSUFFICIENT) panelists.set(r.interviewer.slug, r.interviewer);
  const unknown = [...panelists.values()].filter((p) => !leans.has(p.slug));
  const adjustable = unknown.length === 0 && panelists.size > 0;

  const adjustedDimensions: DimensionResult[] = debrief.dimensions.map((d) => {
    if (!adjustable) return d;
    const values = d.ratings.flatMap((r) => (r.rating === INSUFFICIENT ? [] : [clamp(r.rating - (leans.get(r.interviewer.slug) ?? 0), 1, levels)]));
    const spread = spreadOf(values);
    const score = spread === undefined ? null : round2(rubric.policy.dimension_score === 'median' ? spread.median : spread.mean);
    return { ...d, score };
  });
  const outcome = adjustable ? applyPolicy(rubric, adjustedDimensions, debrief.flags, debrief.coverage, debrief.panel.length) : undefined;
  const verdict: { raw: Verdict; adjusted: Verdict | null } = { raw: debrief.summary.verdict, adjusted: outcome?.summary.verdict ?? null };
  return {
    candidate: debrief.candidate,
    adjusted: adjustable,
    panelists: [...panelists.values()],
    unknown_lean: unknown,
    dimensions: debrief.dimensions.map((d, i) => ({ id: d.id, raw: d.score, adjusted: adjustable ? (adjustedDimensions[i]?.score ?? null) : null })),
    composite: { raw: debrief.policy.composite, adjusted: outcome?.policy.composite ?? null },
    verdict,
    rank: { raw: null, adjusted: null },
    verdict_changes: outcome !== undefined && verdict.adjusted !== verdict.raw,
    rank_changes: false,
  };
}

/**
 * Ranks the adjusted candidates that have a composite both ways, highest first (equal composites share a
 * rank), and counts who moves. Candidates not adjusted keep no rank: mixing raw and adjusted would compare
 * unlike with unlike.
 */
export function rankAdjusted(candidates: readonly AdjustedCandidate[]): Adjustment {
  const ranked = candidates.filter((c) => c.adjusted && c.composite.raw !== null && c.composite.adjusted !== null);
  const rawRank = ranks(ranked.map((c) => c.composite.raw!));
  const adjustedRank = ranks(ranked.map((c) => c.composite.adjusted!));
  const withRanks = new Map(ranked.map((c, i) => [c, { raw: rawRank[i]!, adjusted: adjustedRank[i]! }]));
  const out = candidates.map((c) => {
    const rank = withRanks.get(c);
    return rank ? { ...c, rank, rank_changes: rank.raw !== rank.adjusted } : c;
  });
  const adjusted = out.filter((c) => c.adjusted).length;
  const verdictChanges = out.filter((c) => c.verdict_changes).length;
  const rankChanges = out.filter((c) => c.rank_changes).length;
  return {
    candidates: out,
    adjusted,
    verdict_changes: verdictChanges,
    ranked: ranked.length,
    rank_changes: rankChanges,
    note:
      adjusted === 0
        ? 'No candidate could be adjusted: every candidate has a panelist whose lean is unknown.'
        : `With each interviewer's lean removed, ${verdictChanges} of ${adjusted} adjusted candidate${adjusted === 1 ? '' : 's'} would get another mechanical verdict and ${rankChanges} of ${ranked.length} would move in the rank order. The raw scores stand; this shows how much the panel's leans matter.`,
  };
}

/** Competition ranks (1, 2, 2, 4) by value, highest first; values equal to two decimals tie. */
function ranks(values: readonly number[]): number[] {
  const rounded = values.map(round2);
  const order = rounded.map((_v, i) => i).sort((a, b) => rounded[b]! - rounded[a]!);
  const out = new Array<number>(values.length);
  order.forEach((index, position) => {
    const before = order[position - 1];
    out[index] = before !== undefined && rounded[before] === rounded[index] ? out[before]! : position + 1;
  });
  return out;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
