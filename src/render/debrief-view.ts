// The Debrief put into words for handlebars templates (templates/debrief.md.hbs, debrief.html.hbs and
// users' copies of them). Templates run in strict mode with a fixed set of helpers, so every number is
// formatted here, once; the raw Debrief is passed along as `debrief` for templates that want it.
// The fields are documented in docs/debrief.md.
import type { Debrief } from '../core/debrief.js';
import { MARK_LEGEND, RATING_MARKS, noEvidenceText } from '../core/rating-words.js';
import {
  agendaDetail,
  agendaTitle,
  compositeLine,
  dateOf,
  formatComposite,
  formatScore,
  formatPercent,
  formatShare,
  hearFrom,
  hurdleLine,
  columnKeys,
  initialsFor,
  markWords,
  ratingSymbol,
  type MarkWords,
  tallyParts,
} from './debrief-words.js';
import { adjustedView, type AdjustedView } from './debrief-adjusted-view.js';
import { FLAG_SIGNS, FLAG_TIER_LABELS } from './flag-words.js';
import { inkOnShade, shadeFor } from './shade.js';

export interface DebriefView {
  debrief: Debrief;
  /** With `debrief --adjusted` only; null otherwise. */
  adjusted: AdjustedView | null;
  title: string;
  candidate: string;
  role: string;
  role_id: string;
  rubric_version: string;
  date: string;
  confidentiality: string;
  summary: { label: string; verdict: string; notice: string; reasons: string[] };
  composite: string;
  bar: string;
  tally: Array<{ label: string; count: number }>;
  warnings: string[];
  /**
   * `key` heads the scorecard's column in a grid: initials when everyone submitted one scorecard, else the
   * column number (a legend then says who and which stage). `label` is "Name (Stage)" for an interviewer
   * who submitted more than one; `name` is always the plain name, `stage` the stage.
   */
  panel: Array<{ key: string; initials: string; label: string; name: string; stage: string; recommendation: string; summary: string; mismatch: boolean }>;
  dimensions: Array<{
    id: string;
    name: string;
    weight: number;
    share: string;
    score: string;
    median: string;
    mean: string;
    range: string;
    count: number;
    insufficient: number;
    disagreement: boolean;
    hurdle: string;
    /** `shade` and `ink`: the cell's background and text colour on the rubric's scale ("" when not rated). */
    cells: Array<{ symbol: string; level: string; shade: string; ink: string }>;
    /** Positions on the scale's axis (1 to its top level) as CSS percentages, for drawing the spread without arithmetic in a template. */
    plot: { rated: boolean; range_left: string; range_width: string; score_left: string; dots: string[] };
    /** `evidence` is "" only for an imported rating that came without a note; `no_evidence` then says why (else ""). */
    ratings: Array<{ name: string; stage: string; rating: string; label: string; evidence: string; no_evidence: string; mismatch: boolean }>;
  }>;
  agenda: Array<{ kind: string; title: string; detail: string; hear_from: string }>;
  /** Every concern, most decisive first; `first_page` holds those printed on page 1. */
  concerns: Array<{ kind: string; message: string; first_page: boolean }>;
  first_page_concerns: string[];
  /** "two" (or "three" on a scale of six or seven levels): how far apart ratings must be to go on the agenda. */
  disagreement_span: string;
  /**
   * `tier` is green, concern, red or knockout; `tier_label` its words ("Concern", "KNOCKOUT"); `dimension` the
   * names of the dimensions it bears on, or "any dimension (cross-cutting)".
   */
  flags: Array<{ kind: string; tier: string; tier_label: string; sign: string; text: string; knockout: boolean; dimension: string; raised_by: Array<{ name: string; stage: string; note: string }> }>;
  /** `stages`: required stages without a scorecard; `optional_stages`: optional ones the loop may have skipped. */
  coverage: { rated: string; unrated: string[]; stages: string[]; optional_stages: string[]; complete: boolean };
  drafts: Array<{ name: string; stage: string; updated: string }>;
  policy: { method: string; composite_line: string; hurdles: string[]; knockouts: string[]; scorecards: string; coverage: string };
  scale: Array<{ symbol: string; label: string }>;
  /** hirekit's marks and words for a rating's special states (core/rating-words.ts), for legends. */
  rating_marks: MarkWords;
  /** "; — not rated with evidence" when some dimension has no panel score (the grid shows the mark), else "". */
  unscored_legend: string;
  /** The committee's submitted decision in words; null before the committee decides. */
  decision: DecisionView | null;
}

export interface DecisionView {
  label: string;
  outcome: string;
  date: string;
  /** One line for page 1: the decision, and whether it departs from the mechanical summary. */
  headline: string;
  rationale: string;
  participants: string;
  dissent: Array<{ name: string; note: string }>;
  dimensions: Array<{ name: string; consensus: string; panel: string; differs: boolean; reason: string }>;
  knockouts: Array<{ text: string; ruling: string; reason: string; raised_by: string }>;
  departures: string[];
  /** True when the decision follows the mechanical summary throughout. */
  follows: boolean;
  notes: string[];
}

export const CONFIDENTIALITY = 'Confidential: hiring committee only. Contains interviewers’ evidence about a candidate.';

export function debriefView(d: Debrief): DebriefView {
  const initials = initialsFor(d.panel.map((p) => p.label));
  const keys = columnKeys(d.panel);
  const stageOf = (panel: number, id: string): string => d.panel[panel]?.stage.name ?? id;
  const levelLabel = new Map<string, string>([...d.scale.levels.map((l) => [String(l.level), l.label] as const), ['insufficient', d.scale.insufficient]]);
  const p = d.policy;
  const top = d.scale.levels.length;
  return {
    debrief: d,
    adjusted: d.adjusted ? adjustedView(d.adjusted) : null,
    title: `Debrief: ${d.candidate.name}, ${d.role.title}`,
    candidate: d.candidate.name,
    role: d.role.title,
    role_id: d.role.id,
    rubric_version: d.rubric.version,
    date: dateOf(d.generated_at),
    confidentiality: CONFIDENTIALITY,
    summary: { label: d.summary.label, verdict: d.summary.verdict, notice: d.summary.notice, reasons: d.summary.reasons },
    composite: formatComposite(p.composite),
    bar: formatComposite(p.bar),
    tally: tallyParts(d).map(({ label, count }) => ({ label, count })),
    warnings: d.warnings.map((w) => w.message),
    panel: d.panel.map((x, i) => ({
      key: keys[i]!,
      initials: initials[i]!,
      label: x.label,
      name: x.interviewer.name,
      stage: x.stage.name,
      recommendation: x.recommendation ? (tallyParts(d).find((t) => t.key === x.recommendation)?.label ?? x.recommendation) : 'none',
      summary: x.summary ?? '',
      mismatch: x.rubric_mismatch,
    })),
    dimensions: d.dimensions.map((x) => ({
      id: x.id,
      name: x.name,
      weight: x.weight,
      share: formatPercent(p.weights.find((w) => w.dimension === x.id)?.percent ?? null),
      score: formatScore(x.score),
      median: formatScore(x.median),
      mean: formatScore(x.mean),
      range: x.min === null ? RATING_MARKS.none : x.min === x.max ? String(x.min) : `${x.min}–${x.max}`,
      count: x.count,
      insufficient: x.insufficient,
      disagreement: x.disagreement,
      hurdle: x.hurdle === null ? '' : `at least ${x.hurdle}`,
      cells: d.panel.map((_, i) => {
        const r = x.ratings.find((y) => y.panel === i);
        const numeric = r && r.rating !== 'insufficient' ? r.rating : null;
        return {
          symbol: r ? ratingSymbol(r.rating) : RATING_MARKS.notRated,
          level: r ? (r.rating === 'insufficient' ? 'insufficient' : `l${r.rating}`) : 'none',
          shade: numeric === null ? '' : shadeFor(numeric, top),
          ink: numeric === null ? '' : inkOnShade(numeric, top),
        };
      }),
      plot: plotOf(top, x.min, x.max, x.score, x.ratings.flatMap((r) => (r.rating === 'insufficient' ? [] : [r.rating]))),
      ratings: x.ratings.map((r) => ({
        // The plain name: the stage is a field of its own, so "Name (Stage) · Stage" never happens.
        name: r.interviewer.name,
        stage: stageOf(r.panel, r.stage),
        rating: ratingSymbol(r.rating),
        label: levelLabel.get(String(r.rating)) ?? String(r.rating),
        evidence: r.evidence ?? '',
        no_evidence: r.evidence === null ? noEvidenceText(r.no_evidence) : '',
        mismatch: d.panel[r.panel]?.rubric_mismatch ?? false,
      })),
    })),
    agenda: d.agenda.map((a) => ({ kind: a.kind, title: agendaTitle(a), detail: agendaDetail(a), hear_from: hearFrom(a) })),
    concerns: d.summary.concerns.map((c) => ({ kind: c.kind, message: c.message, first_page: c.page_one })),
    first_page_concerns: d.summary.concerns.filter((c) => c.page_one).map((c) => c.message),
    disagreement_span: SPAN_WORDS[d.scale.disagreement_spread] ?? String(d.scale.disagreement_spread),
    flags: d.flags.map((f) => ({
      kind: f.kind,
      tier: f.tier,
      tier_label: FLAG_TIER_LABELS[f.tier],
      sign: FLAG_SIGNS[f.tier],
      text: f.text,
      knockout: f.knockout,
      dimension: f.cross_cutting ? 'any dimension (cross-cutting)' : f.dimensions.map((x) => x.name).join(', '),
      raised_by: f.raised_by.map((r) => ({ name: r.interviewer.name, stage: stageOf(r.panel, r.stage), note: r.note })),
    })),
    coverage: {
      rated: `${formatShare(d.coverage.rated_share)} of the weight rated (${d.coverage.rated_weight} of ${d.coverage.total_weight}); the policy asks for at least ${formatShare(p.min_coverage)}`,
      unrated: d.coverage.unrated_dimensions.map((u) => (u.insufficient > 0 ? `${u.name} (only “${d.scale.insufficient}”)` : u.name)),
      stages: d.coverage.stages_without_scorecard.filter((s) => !s.optional).map((s) => s.name),
      optional_stages: d.coverage.stages_without_scorecard.filter((s) => s.optional).map((s) => s.name),
      complete: d.coverage.unrated_dimensions.length === 0 && d.coverage.stages_without_scorecard.every((s) => s.optional),
    },
    drafts: d.drafts.map((x) => ({ name: x.interviewer.name, stage: x.stage.name, updated: dateOf(x.updated_at) })),
    policy: {
      method: `Each dimension's panel score is the ${p.dimension_score} of its ratings on the 1–${top} scale; “${d.scale.insufficient}” is counted and shown but never enters a statistic.`,
      composite_line: compositeLine(d),
      hurdles: p.hurdles.map(hurdleLine),
      knockouts: p.knockouts.map((k) => `${k.text} (raised by ${k.raised_by.map((r) => r.name).join(', ')})`),
      scorecards: `${p.submitted} submitted scorecard${p.submitted === 1 ? '' : 's'}; the policy asks for at least ${p.min_scorecards}.`,
      coverage: `${formatShare(d.coverage.rated_share)} of the weight rated; the policy asks for at least ${formatShare(p.min_coverage)}.`,
    },
    scale: [...d.scale.levels.map((l) => ({ symbol: String(l.level), label: l.label })), { symbol: RATING_MARKS.insufficient, label: d.scale.insufficient }],
    rating_marks: markWords(),
    unscored_legend: unscoredLegend(d),
    decision: d.decision ? decisionView(d) : null,
  };
}

function decisionView(d: Debrief): DecisionView {
  const x = d.decision!;
  const notes: string[] = [];
  if (x.amendments > 0) notes.push(`Amended ${x.amendments} time${x.amendments === 1 ? '' : 's'} after it was first submitted; the audit trail is in decision.yaml.`);
  if (x.amendment_in_progress) notes.push(`An amendment is in progress (${x.amendment_in_progress.reason}); the decision above stands until it is submitted.`);
  const follows = x.departures.length === 0;
  return {
    label: x.label,
    outcome: x.outcome,
    date: dateOf(x.decided_at),
    headline: `Committee decision (${dateOf(x.decided_at)}): ${x.label}. ${follows ? 'It follows the mechanical summary.' : `It departs from the mechanical summary in ${x.departures.length} way${x.departures.length === 1 ? '' : 's'}: see “Committee decision”.`}`,
    rationale: x.rationale,
    participants: x.participants.join(', '),
    dissent: x.dissent,
    dimensions: x.dimensions.map((y) => ({
      name: y.name,
      consensus: y.consensus === null ? RATING_MARKS.none : ratingSymbol(y.consensus),
      panel: formatScore(y.panel_score),
      differs: y.difference !== null && Math.abs(y.difference) >= 1,
      reason: y.reason,
    })),
    knockouts: x.knockouts.map((k) => ({ text: k.text, ruling: k.ruling ?? 'no ruling yet', reason: k.reason, raised_by: k.raised_by.map((r) => r.name).join(', ') })),
    departures: x.departures,
    follows,
    notes,
  };
}

/** The legend entry for the no-score mark, only when a grid shows it. */
export function unscoredLegend(d: Debrief): string {
  return d.dimensions.some((x) => x.score === null) ? `; ${MARK_LEGEND.none}` : '';
}

const SPAN_WORDS: Record<number, string> = { 1: 'one', 2: 'two', 3: 'three', 4: 'four' };

function plotOf(top: number, min: number | null, max: number | null, score: number | null, points: readonly number[]): DebriefView['dimensions'][number]['plot'] {
  if (min === null || max === null || score === null) return { rated: false, range_left: '0%', range_width: '0%', score_left: '0%', dots: [] };
  const range = Math.max(1, top - 1);
  const axisPercent = (value: number): string => `${(((value - 1) / range) * 100).toFixed(1)}%`;
  return {
    rated: true,
    range_left: axisPercent(min),
    range_width: `${(((max - min) / range) * 100).toFixed(1)}%`,
    score_left: axisPercent(score),
    dots: [...new Set(points)].sort((a, b) => a - b).map(axisPercent),
  };
}
