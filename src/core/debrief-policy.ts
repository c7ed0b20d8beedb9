// Applying the rubric's decision policy to the aggregated dimensions: hurdles, the weighted composite
// (renormalised over the rated dimensions), coverage, knockouts and the mechanical summary. The summary
// is input to the committee's decision, never the decision.
import type { Rubric } from './rubric.js';
import { VERDICT_LABELS, type Coverage, type DebriefPerson, type DimensionResult, type HurdleResult, type HurdleStatus, type PolicyApplication, type RaisedFlag, type Verdict, type WeightUse } from './debrief-model.js';

// The policy's result types live in the model (the Debrief embeds them); re-exported for the policy's readers.
export { VERDICT_LABELS, type HurdleResult, type HurdleStatus, type PolicyApplication, type Verdict, type WeightUse } from './debrief-model.js';
import { round2, weightedMean, wholePercentages } from './statistics.js';

/** Interviewers who must note the same concern before it becomes a reason in the summary. */
export const CORROBORATION = 2;

export interface PolicyOutcome {
  policy: PolicyApplication;
  summary: { verdict: Verdict; label: string; reasons: string[] };
}

export function applyPolicy(
  rubric: Rubric,
  dimensions: readonly DimensionResult[],
  flags: readonly RaisedFlag[],
  coverage: Coverage,
  submitted: number,
): PolicyOutcome {
  const p = rubric.policy;
  const rated = dimensions.filter((d) => d.score !== null);
  const ratedWeight = rated.reduce((s, d) => s + d.weight, 0);
  const compositeRaw = weightedMean(dimensions.map((d) => ({ weight: d.weight, value: d.score ?? undefined })));
  const composite = compositeRaw === undefined ? null : round2(compositeRaw);
  const percents = wholePercentages(rated.map((d) => d.weight));
  const weights: WeightUse[] = dimensions.map((d) => {
    const used = d.score !== null && ratedWeight > 0;
    return {
      dimension: d.id,
      name: d.name,
      weight: d.weight,
      share: used ? round2(d.weight / ratedWeight) : null,
      percent: used ? (percents[rated.indexOf(d)] ?? 0) : null,
    };
  });
  const excluded = dimensions.filter((d) => d.score === null).map((d) => d.id);

  const hurdles: HurdleResult[] = p.hurdles.map((h) => {
    const d = dimensions.find((x) => x.id === h.dimension);
    const score = d?.score ?? null;
    const status: HurdleStatus = score === null ? 'not-assessed' : score >= h.min_level ? 'met' : 'failed';
    return { dimension: h.dimension, name: d?.name ?? h.dimension, min_level: h.min_level, score, status };
  });
  const knockouts = flags
    .filter((f) => f.knockout)
    .map((f) => ({ flag: f.id, text: f.text, dimension: f.dimension.id, raised_by: f.raised_by.map((r) => r.interviewer) }));
  const raisers = (f: RaisedFlag): DebriefPerson[] => f.raised_by.map((r) => r.interviewer);
  const red_flags = flags.filter((f) => f.tier === 'red').map((f) => ({ flag: f.id, text: f.text, raised_by: raisers(f) }));
  const corroborated_concerns = flags
    .filter((f) => f.tier === 'concern' && new Set(f.raised_by.map((r) => r.interviewer.slug)).size >= CORROBORATION)
    .map((f) => ({ flag: f.id, text: f.text, raised_by: raisers(f) }));

  const policy: PolicyApplication = {
    dimension_score: p.dimension_score,
    bar: p.bar,
    min_scorecards: p.min_scorecards,
    min_coverage: p.min_coverage,
    submitted,
    enough_scorecards: submitted >= p.min_scorecards,
    enough_coverage: coverage.rated_share >= p.min_coverage,
    composite,
    weights,
    renormalised: excluded.length > 0 && rated.length > 0,
    excluded,
    hurdles,
    knockouts,
    red_flags,
    corroborated_concerns,
  };
  const verdict = verdictOf(policy);
  return { policy, summary: { verdict, label: VERDICT_LABELS[verdict], reasons: reasonsFor(policy, coverage) } };
}

/** Precedence: knockout raised > not enough evidence > hurdle failed > composite at or above bar > below bar. */
export function verdictOf(policy: PolicyApplication): Verdict {
  if (policy.knockouts.length > 0) return 'knockout-raised';
  const unassessed = policy.hurdles.some((h) => h.status === 'not-assessed');
  if (!policy.enough_scorecards || !policy.enough_coverage || unassessed || policy.composite === null) return 'not-enough-evidence';
  if (policy.hurdles.some((h) => h.status === 'failed')) return 'hurdle-failed';
  return policy.composite >= policy.bar ? 'at-or-above-bar' : 'below-bar';
}

/** Every fact that bears on the summary, in plain words, most decisive first. */
function reasonsFor(policy: PolicyApplication, coverage: Coverage): string[] {
  const reasons: string[] = [];
  for (const k of policy.knockouts) {
    reasons.push(`knockout flag "${k.text}" raised by ${k.raised_by.map((r) => r.name).join(', ')}`);
  }
  for (const f of policy.red_flags) reasons.push(`red flag "${f.text}" raised by ${f.raised_by.map((r) => r.name).join(', ')}`);
  for (const f of policy.corroborated_concerns) {
    reasons.push(`concern "${f.text}" noted independently by ${f.raised_by.map((r) => r.name).join(', ')}`);
  }
  if (!policy.enough_scorecards) {
    reasons.push(`${policy.submitted} submitted scorecard${policy.submitted === 1 ? '' : 's'}; the policy asks for at least ${policy.min_scorecards}`);
  }
  if (!policy.enough_coverage) {
    reasons.push(`${percent(coverage.rated_share)} of the weight was rated; the policy asks for at least ${percent(policy.min_coverage)}`);
  }
  for (const h of policy.hurdles) {
    if (h.status === 'not-assessed') reasons.push(`hurdle ${h.name} (at least ${h.min_level}) was not assessed`);
    else if (h.status === 'failed') reasons.push(`hurdle ${h.name} failed: ${fmt(h.score)} is below ${h.min_level}`);
    else reasons.push(`hurdle ${h.name} met: ${fmt(h.score)} reaches ${h.min_level}`);
  }
  if (policy.composite === null) reasons.push('no dimension was rated, so there is no composite');
  else {
    const side = policy.composite >= policy.bar ? 'at or above' : 'below';
    reasons.push(`weighted composite ${fmt(policy.composite)} is ${side} the bar of ${fmt(policy.bar)}`);
  }
  if (policy.renormalised) {
    reasons.push(`weights renormalised over rated dimensions; left out: ${policy.weights.filter((w) => w.share === null).map((w) => w.name).join(', ')}`);
  }
  return reasons;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function fmt(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(2);
}
