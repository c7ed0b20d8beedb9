// How a debrief's numbers and facts are put into words, shared by the terminal, Markdown/HTML and PDF
// renderers so they all say the same thing the same way. Formatting only: no number is computed here.
import type { AgendaItem, Debrief, DebriefPerson, TallyKey } from '../core/debrief.js';
import type { HurdleResult } from '../core/debrief-policy.js';
import { RECOMMENDATION_LABELS } from '../core/scorecard.js';
import { initialsOf } from '../core/names.js';
import { MARK_LEGEND, RATING_MARKS, RATING_WORDS, ratingMark } from '../core/rating-words.js';
import type { RatingValue } from '../core/rubric.js';

export const TALLY_ORDER: readonly TallyKey[] = ['strong-yes', 'yes', 'no', 'strong-no', 'none'];
export const TALLY_LABELS: Record<TallyKey, string> = { ...RECOMMENDATION_LABELS, none: 'No recommendation' };

/** A score at the precision it was computed: 3, 3.5, 2.67; an em dash when there is none. */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined) return RATING_MARKS.none;
  return String(Math.round(value * 100) / 100);
}

/** Two fixed decimals, for the composite and the bar. */
export function formatComposite(value: number | null): string {
  return value === null ? RATING_MARKS.none : value.toFixed(2);
}

/** A whole percentage computed in the core (largest-remainder, so a column of them adds up to 100). */
export function formatPercent(percent: number | null): string {
  return percent === null ? '—' : `${percent}%`;
}

export function formatShare(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** A rating in a cell: its level, or the insufficient-evidence mark (core/rating-words.ts) everywhere. */
export function ratingSymbol(rating: RatingValue | undefined): string {
  return ratingMark(rating);
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
  const also = item.also.length > 0 ? `; also ${item.also.map((k) => ALSO_WORDS[k]).join(', ')}` : '';
  return `${agendaHeadline(item)}${also}`;
}

function agendaHeadline(item: AgendaItem): string {
  switch (item.kind) {
    case 'knockout':
      return `Knockout raised: ${item.text}`;
    case 'flag-conflict':
      return `${item.dimension.name}: a red and a green flag`;
    case 'hurdle-failed':
      return `${item.dimension.name}: hurdle failed, ${formatScore(item.score)} below ${item.min_level}`;
    case 'disagreement':
      return `${item.dimension.name}: ratings span ${item.low.rating} to ${item.high.rating}`;
    case 'below-bar':
      return `${item.dimension.name}: ${formatScore(item.score)}, below the bar of ${formatScore(item.bar)}`;
    case 'single-rating':
      return `${item.dimension.name}: ${item.rating === null ? 'no rating' : `one rating (${item.rating})`}${item.insufficient > 0 ? `, ${item.insufficient} × ${RATING_WORDS.insufficientShort}` : ''}`;
  }
}

const ALSO_WORDS: Record<AgendaItem['kind'], string> = {
  knockout: 'a knockout',
  'flag-conflict': 'conflicting flags',
  'hurdle-failed': 'a failed hurdle',
  disagreement: 'a disagreement',
  'below-bar': 'below bar',
  'single-rating': 'one rating only',
};

/** "Hear from: Ana Ruiz · Screen; Wei Zhang · Case A": the people the committee asks first. */
export function hearFrom(item: AgendaItem): string {
  return item.hear_from.length === 0 ? '' : `Hear from: ${item.hear_from.map((w) => `${w.name} · ${w.stage}`).join('; ')}`;
}

export function agendaDetail(item: AgendaItem): string {
  const hear = hearFrom(item);
  const tail = hear ? ` ${hear}.` : '';
  switch (item.kind) {
    case 'knockout':
      return `Raised by ${names(item.raised_by)}. The committee confirms it, or overrides it with a written reason.${tail}`;
    case 'flag-conflict':
      return `Red: ${item.red.map((f) => f.text).join('; ')} Green: ${item.green.map((f) => f.text).join('; ')} Hear both sides before settling the score.${tail}`;
    case 'hurdle-failed':
      return `The dimension must reach ${item.min_level} whatever the composite says; the lowest ratings are heard first.${tail}`;
    case 'disagreement':
      return `${names(item.low.interviewers)} rated ${item.low.rating}; ${names(item.high.interviewers)} rated ${item.high.rating}. Compare the evidence before settling the score.${tail}`;
    case 'below-bar':
      return `The panel score is under the bar the composite is held to; check the evidence behind it.${tail}`;
    case 'single-rating':
      return `The score rests on one interviewer; weigh it accordingly.${tail}`;
  }
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

export interface MarkWords {
  insufficient: string;
  not_rated: string;
  none: string;
  words: { insufficient: string; insufficient_short: string; no_evidence: string; not_rated: string; not_rated_with_evidence: string };
  legend: { insufficient: string; not_rated: string; none: string };
}

/** The marks and words of core/rating-words.ts with the names templates use. */
export function markWords(): MarkWords {
  return {
    insufficient: RATING_MARKS.insufficient,
    not_rated: RATING_MARKS.notRated,
    none: RATING_MARKS.none,
    words: {
      insufficient: RATING_WORDS.insufficient,
      insufficient_short: RATING_WORDS.insufficientShort,
      no_evidence: RATING_WORDS.noEvidence,
      not_rated: RATING_WORDS.notRated,
      not_rated_with_evidence: RATING_WORDS.notRatedWithEvidence,
    },
    legend: { insufficient: MARK_LEGEND.insufficient, not_rated: MARK_LEGEND.notRated, none: MARK_LEGEND.none },
  };
}
