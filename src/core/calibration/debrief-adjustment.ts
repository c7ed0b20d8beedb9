// `hirekit debrief --adjusted`: one candidate's adjusted scores from a calibration of the whole role, for the
// debrief to show beside the raw ones, clearly labelled, and only when every panelist's lean is estimable.
import type { RoleCalibration } from './model.js';
import type { DebriefAdjustment } from '../debrief-model.js';

export type { DebriefAdjustment };
export const ADJUSTED_LABEL = "Adjusted for interviewer leans: for calibration only. The raw scores above are the committee's input; these show how far the panelists' habits of rating high or low move them.";


export function debriefAdjustment(role: RoleCalibration, candidateSlug: string, dimensionNames: ReadonlyMap<string, string>, minSharedCandidates: number): DebriefAdjustment | undefined {
  const found = role.adjustment.candidates.find((c) => c.candidate.slug === candidateSlug);
  if (!found) return undefined;
  const panel = new Set(found.panelists.map((p) => p.slug));
  const leans = role.interviewers
    .filter((p) => panel.has(p.interviewer.slug))
    .map((p) => ({ interviewer: p.interviewer, mean_difference: p.leniency.mean_difference, adjustment: p.leniency.adjustment, shared_candidates: p.leniency.shared_candidates }));
  const reason = found.adjusted
    ? null
    : found.unknown_lean.length > 0
      ? `not shown: the lean of ${found.unknown_lean.map((p) => p.name).join(', ')} cannot be estimated yet (fewer than ${minSharedCandidates} candidates shared with other panelists)`
      : 'not shown: no panelist rated on the scale';
  return {
    label: ADJUSTED_LABEL,
    shown: found.adjusted,
    reason,
    leans,
    dimensions: found.dimensions.map((d) => ({ id: d.id, name: dimensionNames.get(d.id) ?? d.id, raw: d.raw, adjusted: d.adjusted })),
    composite: found.composite,
    verdict: found.verdict,
  };
}
