// How a debrief's numbers and facts are put into words, shared by the terminal, Markdown/HTML and PDF
// renderers so they all say the same thing the same way. Formatting only: no number is computed here.
import type { AgendaItem, Debrief, DebriefPerson, TallyKey } from '../core/debrief.js';
import type { HurdleResult } from '../core/debrief-policy.js';
import { RECOMMENDATION_LABELS } from '../core/scorecard.js';
import { initialsOf } from '../core/names.js';
import type { RatingValue } from '../core/rubric.js';

export const TALLY_ORDER: readonly TallyKey[] = ['strong-yes', 'yes', 'no', 'strong-no', 'none'];
export const TALLY_LABELS: Record<TallyKey, string> = { ...RECOMMENDATION_LABELS, none: 'No recommendation' };

/** A score at the precision it was computed: 3, 3.5, 2.67; an em dash when there is none. */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return String(Math.round(value * 100) / 100);
}

/** Two fixed decimals, for the composite and the bar. */
export function formatComposite(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}

/** A whole percentage computed in the core (largest-remainder, so a column of them adds up to 100). */
export function formatPercent(percent: number | null): string {
  return percent === null ? '—' : `${percent}%`;
}

export function formatShare(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** "?" stands for "insufficient evidence" everywhere a rating is printed in a cell. */
export function ratingSymbol(rating: RatingValue | undefined): string {
  if (rating === undefined) return '';
  return rating === 'insufficient' ? '?' : String(rating);
}

export function names(people: readonly DebriefPerson[]): string {
  return people.map((p) => p.name).join(', ');
}

export function tallyParts(debrief: Debrief): Array<{ key: TallyKey; label: string; count: number }> {
  return TALLY_ORDER.filter((k) => k !== 'none' || debrief.tally.counts.none > 0).map((key) => ({
    key,
    label: TALLY_LABELS[key],
    count: debrief.tally.counts[key],
  }));
}

export function tallyLine(debrief: Debrief): string {
  return tallyParts(debrief)
    .map((p) => `${p.label} ${p.count}`)
    .join(' · ');
}

export function agendaTitle(item: AgendaItem): string {
  return item.kind === 'knockout' ? `Knockout raised: ${item.text}` : `${item.dimension.name}: ratings span ${item.low.rating} to ${item.high.rating}`;
}

export function agendaDetail(item: AgendaItem): string {
  if (item.kind === 'knockout') {
    return `Raised by ${names(item.raised_by)}. The committee confirms it, or overrides it with a written reason.`;
  }
  return `${names(item.low.interviewers)} rated ${item.low.rating}; ${names(item.high.interviewers)} rated ${item.high.rating}. Compare the evidence before settling the score.`;
}

export function hurdleLine(h: HurdleResult): string {
  const status = h.status === 'met' ? 'met' : h.status === 'failed' ? 'failed' : 'not assessed';
  return `${h.name} must reach ${h.min_level}: ${h.score === null ? 'no score' : `score ${formatScore(h.score)}`}, ${status}`;
}

/** The sentence that says how the composite was formed, naming any weight that was renormalised away. */
export function compositeLine(debrief: Debrief): string {
  const p = debrief.policy;
  if (p.composite === null) return `No dimension was rated on the 1-${debrief.scale.levels.length} scale, so there is no composite.`;
  const base = `Weighted composite ${formatComposite(p.composite)} against a bar of ${formatComposite(p.bar)}: the sum of weight × ${p.dimension_score} over rated dimensions, divided by their weights.`;
  if (!p.renormalised) return `${base} Every dimension was rated, so the rubric's weights apply unchanged.`;
  const left = p.weights.filter((w) => w.share === null).map((w) => `${w.name} (weight ${w.weight})`);
  return `${base} Renormalised: ${left.join(', ')} had no rating, so the remaining weights were scaled to add up to 100%.`;
}

export function dateOf(iso: string): string {
  return iso.slice(0, 10);
}

export { initialsOf } from '../core/names.js';

/** Initials for grid columns, made unique with a digit when two interviewers share them. */
export function initialsFor(labels: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const base = initialsOf(label);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}${n}`;
  });
}

/**
 * The heading of each scorecard's column in a dimension-by-interviewer grid. Initials when every
 * interviewer submitted one scorecard (they then name the column); the column number when someone
 * submitted more than one, since "KNW2" says neither who nor which stage: a legend says both.
 */
export function columnKeys(panel: ReadonlyArray<{ interviewer: DebriefPerson }>): string[] {
  const slugs = panel.map((p) => p.interviewer.slug);
  if (new Set(slugs).size === slugs.length) return initialsFor(panel.map((p) => p.interviewer.name));
  return panel.map((_, i) => String(i + 1));
}
