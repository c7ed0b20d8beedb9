// The committee's submitted decision set beside the mechanical summary, for the debrief's "Committee
// decision" section: consensus against the panel's score per dimension, knockout rulings, the decision,
// and plain sentences wherever the committee departs from what the numbers said.
import { OUTCOME_LABELS, type CommitteeDecision, type Debrief } from './debrief-model.js';
import type { Decision } from './decision.js';

export function reviewDecision(debrief: Debrief, decision: Decision): CommitteeDecision | null {
  const s = decision.submitted;
  if (!s) return null;
  const dimensions = debrief.dimensions.map((d) => {
    const c = s.consensus.find((x) => x.dimension === d.id);
    const panel = d.score;
    const difference = c && c.level !== 'insufficient' && panel !== null ? Math.round((c.level - panel) * 100) / 100 : null;
    return { id: d.id, name: d.name, consensus: c?.level ?? null, reason: c?.reason ?? '', panel_score: panel, difference };
  });
  const knockouts = debrief.policy.knockouts.map((k) => {
    const r = s.knockouts.find((x) => x.flag === k.flag);
    return { flag: k.flag, text: k.text, raised_by: k.raised_by, ruling: r?.ruling ?? null, reason: r?.reason ?? '' };
  });
  const label = OUTCOME_LABELS[s.outcome ?? 'hold'];
  const verb = s.outcome === 'advance' ? 'Advanced' : s.outcome === 'reject' ? 'Rejected' : 'Held';
  const summary = debrief.summary;
  const departures: string[] = [];
  if (s.outcome === 'advance' && summary.verdict !== 'at-or-above-bar') {
    departures.push(`${verb} although the mechanical summary read "${summary.label}"${s.rationale ? `: ${s.rationale}` : ''}`);
  }
  if (s.outcome === 'reject' && summary.verdict === 'at-or-above-bar') {
    departures.push(`${verb} although the mechanical summary read "${summary.label}"${s.rationale ? `: ${s.rationale}` : ''}`);
  }
  for (const k of knockouts) {
    if (k.ruling === 'overridden') departures.push(`Knockout "${k.text}" overridden: ${k.reason}`);
    if (k.ruling === null) departures.push(`Knockout "${k.text}" was raised after the decision and has no ruling yet`);
  }
  for (const d of dimensions) {
    if (d.difference !== null && Math.abs(d.difference) >= 1) {
      departures.push(`${d.name}: consensus ${d.consensus} against a panel ${debrief.policy.dimension_score} of ${fmt(d.panel_score)}: ${d.reason}`);
    } else if (d.consensus === null) {
      departures.push(`${d.name}: no consensus recorded (rated after the decision, or new in the rubric)`);
    }
  }
  if (s.outcome === 'advance') {
    for (const h of debrief.policy.hurdles) {
      const level = s.consensus.find((c) => c.dimension === h.dimension)?.level;
      if (typeof level === 'number' && level < h.min_level) departures.push(`Advanced although the consensus on ${h.name} (${level}) is below its hurdle of ${h.min_level}`);
    }
  }
  if (s.forced) departures.push(`Decided on ${s.forced.submitted} submitted scorecard${s.forced.submitted === 1 ? '' : 's'} where the policy asks for ${s.forced.min_scorecards}: ${s.forced.reason}`);
  return {
    outcome: s.outcome ?? 'hold',
    label,
    rationale: s.rationale ?? '',
    decided_at: s.submitted_at,
    participants: s.participants,
    dissent: s.dissent,
    dimensions,
    knockouts,
    departures,
    forced: s.forced ?? null,
    amendments: decision.audit.filter((a) => a.action === 'amended').length,
    amendment_in_progress: decision.draft?.amend_reason ? { reason: decision.draft.amend_reason, started_at: decision.draft.started_at } : null,
  };
}

function fmt(value: number | null): string {
  return value === null ? 'n/a' : String(Math.round(value * 100) / 100);
}
