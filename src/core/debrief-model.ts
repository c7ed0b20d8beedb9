// The shape of a committee debrief: one plain object per candidate that every renderer draws. Stable
// within format hirekit-debrief/1 (fields may be added, none renamed or removed); documented in
// docs/debrief.md. Built by buildDebrief in ./debrief.ts.
import type { RatingValue } from './rubric.js';
import type { Recommendation } from './scorecard.js';

export const DEBRIEF_FORMAT = 'hirekit-debrief/1';
/** Ratings of one dimension whose highest and lowest level are this far apart go on the agenda (on a four-level scale). */
export const DISAGREEMENT_SPREAD = 2;
export const OUTCOMES = ['advance', 'reject', 'hold'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = { advance: 'Advance', reject: 'Reject', hold: 'Hold' };
export const RULINGS = ['confirmed', 'overridden'] as const;
export type Ruling = (typeof RULINGS)[number];


/** Half the scale's range, and never less than two levels: 2 on scales of 3 to 5 levels, 3 on 6 or 7. */
export function disagreementSpread(levels: number): number {
  return Math.max(DISAGREEMENT_SPREAD, Math.ceil((levels - 1) / 2));
}
export const DECISION_NOTICE = "Input to the committee's decision, not the decision.";

export interface DebriefPerson {
  name: string;
  slug: string;
}

/** One submitted scorecard: a column of the heatmap. */
export interface PanelEntry {
  interviewer: DebriefPerson;
  stage: { id: string; name: string };
  /** Heatmap column label: the interviewer's name, with the stage when they submitted more than one. */
  label: string;
  file: string;
  submitted_at: string | null;
  recommendation: Recommendation | null;
  summary: string | null;
  rubric: { version: string; hash: string };
  /** Made against another version (or an edited copy) of the rubric: included, and marked. */
  rubric_mismatch: boolean;
}

export interface DraftEntry {
  interviewer: DebriefPerson;
  stage: { id: string; name: string };
  file: string;
  updated_at: string;
}

export interface DimensionRating {
  /** Index into `panel`. */
  panel: number;
  interviewer: DebriefPerson;
  stage: string;
  rating: RatingValue;
  /** Null only for a rating imported from an ATS without a note; `no_evidence` then says so. */
  evidence: string | null;
  no_evidence?: string;
}

export interface DimensionResult {
  id: string;
  name: string;
  weight: number;
  /** The hurdle's minimum level, when the policy has one for this dimension. */
  hurdle: number | null;
  ratings: DimensionRating[];
  /** Number of ratings on the scale's levels; "insufficient evidence" is counted separately. */
  count: number;
  insufficient: number;
  median: number | null;
  mean: number | null;
  min: number | null;
  max: number | null;
  /** max - min of the numeric ratings. */
  spread: number | null;
  /** The panel score: the policy's dimension_score (median or mean) of the numeric ratings. */
  score: number | null;
  disagreement: boolean;
}

/** How strongly a raised flag speaks: a weak signal ("concern") is listed but never on page 1 by itself. */
export type FlagTier = 'green' | 'concern' | 'red' | 'knockout';


export type ConcernKind =
  | 'knockout'
  | 'red-flag'
  | 'flag-conflict'
  | 'hurdle-failed'
  | 'hurdle-not-assessed'
  | 'disagreement'
  | 'below-bar'
  | 'single-rating'
  | 'only-insufficient'
  | 'not-rated'
  | 'too-few-scorecards'
  | 'low-coverage'
  | 'stage-missing'
  | 'drafts-left-out'
  | 'concern-flag';

/** A person the committee should hear from on a concern: who, and in which stage they saw it. */
export interface Witness {
  name: string;
  slug: string;
  stage: string;
}

export interface Concern {
  kind: ConcernKind;
  /** False for what is listed in full but not on the first page by itself (a weak-signal flag). */
  page_one: boolean;
  dimension: { id: string; name: string } | null;
  flag: { id: string; text: string } | null;
  /** One plain sentence: what, where, who. */
  message: string;
  people: Witness[];
}

/** The kinds of agenda item, in the order the committee takes them. */
export const AGENDA_ORDER = ['knockout', 'flag-conflict', 'hurdle-failed', 'disagreement', 'below-bar', 'single-rating'] as const;
export type AgendaKind = (typeof AGENDA_ORDER)[number];

export interface AgendaEnd {
  rating: number;
  interviewers: DebriefPerson[];
}

interface AgendaBase {
  dimension: { id: string; name: string };
  /** Who to hear from first, with the stage each saw the candidate in. */
  hear_from: Witness[];
  /** Further agenda reasons for the same dimension, after the one this item is filed under. */
  also: AgendaKind[];
}

export type AgendaItem =
  | (AgendaBase & { kind: 'knockout'; flag: string; text: string; raised_by: DebriefPerson[] })
  | (AgendaBase & { kind: 'flag-conflict'; green: Array<{ flag: string; text: string }>; red: Array<{ flag: string; text: string }> })
  | (AgendaBase & { kind: 'hurdle-failed'; score: number; min_level: number })
  | (AgendaBase & { kind: 'disagreement'; spread: number; low: AgendaEnd; high: AgendaEnd })
  | (AgendaBase & { kind: 'below-bar'; score: number; bar: number })
  | (AgendaBase & { kind: 'single-rating'; rating: number | null; insufficient: number });


export interface FlagRaise {
  panel: number;
  interviewer: DebriefPerson;
  stage: string;
  note: string;
}

export interface RaisedFlag {
  id: string;
  kind: 'green' | 'concern' | 'red';
  /** green, concern (a weak signal), red, or knockout (a red flag that is disqualifying unless overridden). */
  tier: 'green' | 'concern' | 'red' | 'knockout';
  text: string;
  /** The first of `dimensions` ({ id: '', name: '' } when there is none); kept for readers of earlier versions. */
  dimension: { id: string; name: string };
  /** Every dimension the flag bears on; empty for a cross-cutting flag (or one the rubric no longer has). */
  dimensions: Array<{ id: string; name: string }>;
  /** The rubric marks it as bearing on no one dimension. */
  cross_cutting: boolean;
  knockout: boolean;
  raised_by: FlagRaise[];
}

export interface Coverage {
  /** Dimensions with no rating on the scale (nobody rated them, or only "insufficient evidence"). */
  unrated_dimensions: Array<{ id: string; name: string; weight: number; insufficient: number }>;
  /** Stages of the loop nobody submitted a scorecard for; `optional` ones may have been skipped on purpose. */
  stages_without_scorecard: Array<{ id: string; name: string; optional: boolean }>;
  rated_weight: number;
  total_weight: number;
  /** rated_weight / total_weight. */
  rated_share: number;
}

export type TallyKey = Recommendation | 'none';

export interface Tally {
  /** Per recommendation over submitted scorecards; "none" counts scorecards without one. */
  counts: Record<TallyKey, number>;
  submitted: number;
}

export interface DebriefWarning {
  code: 'below-min-scorecards' | 'rubric-mismatch' | 'other-role' | 'unknown-dimension' | 'unknown-flag' | 'unknown-stage' | 'edited-outside' | 'imported-without-evidence';
  message: string;
}

export interface Debrief {
  format: typeof DEBRIEF_FORMAT;
  generated_at: string;
  candidate: DebriefPerson;
  role: { id: string; title: string; level: string };
  rubric: { version: string; hash: string };
  /** The rubric's levels (3 to 7) and how far apart ratings must be to go on the agenda. */
  scale: { levels: Array<{ level: number; label: string }>; insufficient: string; disagreement_spread: number };
  panel: PanelEntry[];
  drafts: DraftEntry[];
  dimensions: DimensionResult[];
  agenda: AgendaItem[];
  flags: RaisedFlag[];
  coverage: Coverage;
  tally: Tally;
  policy: PolicyApplication;
  /**
   * The first page: the mechanical summary and, beside it, every concern (never empty when there is
   * something to worry about). `concerns` with `page_one: false` are listed in full but not on page 1.
   */
  summary: { verdict: Verdict; label: string; reasons: string[]; notice: string; concerns: Concern[] };
  warnings: DebriefWarning[];
  /** Only with `debrief --adjusted`: the scores with each panelist's lean removed, beside (never instead of) the raw ones. */
  adjusted?: DebriefAdjustment;
  /** The committee's submitted decision, when there is one; null before the committee decides. */
  decision: CommitteeDecision | null;
}

/** The committee's submitted decision beside the numbers (built by reviewDecision in ./decision-review.ts). */
export interface CommitteeDecision {
  outcome: Outcome;
  label: string;
  rationale: string;
  decided_at: string;
  participants: string[];
  dissent: Array<{ name: string; note: string }>;
  dimensions: Array<{
    id: string;
    name: string;
    consensus: RatingValue | null;
    reason: string;
    panel_score: number | null;
    /** The consensus level minus the panel score; null when either is missing or "insufficient". */
    difference: number | null;
  }>;
  knockouts: Array<{ flag: string; text: string; raised_by: DebriefPerson[]; ruling: Ruling | null; reason: string }>;
  /** Where the decision departs from the mechanical summary, one sentence each; empty when it follows it. */
  departures: string[];
  /** Decided with fewer scorecards than the policy asks for. */
  forced: { reason: string; submitted: number; min_scorecards: number } | null;
  /** How many times the decision was amended after it was first submitted. */
  amendments: number;
  /** An amendment in progress: the decision above stands until it is submitted. */
  amendment_in_progress: { reason: string; started_at: string } | null;
}

export type Verdict = 'knockout-raised' | 'not-enough-evidence' | 'hurdle-failed' | 'at-or-above-bar' | 'below-bar';

export const VERDICT_LABELS: Record<Verdict, string> = {
  'knockout-raised': 'knockout raised',
  'not-enough-evidence': 'not enough evidence',
  'hurdle-failed': 'below bar (hurdle failed)',
  'at-or-above-bar': 'at or above bar',
  'below-bar': 'below bar',
};

export type HurdleStatus = 'met' | 'failed' | 'not-assessed';

export interface HurdleResult {
  dimension: string;
  name: string;
  min_level: number;
  score: number | null;
  status: HurdleStatus;
}

export interface WeightUse {
  dimension: string;
  name: string;
  weight: number;
  /** Share of the composite after renormalising over rated dimensions; null when the dimension was not rated. */
  share: number | null;
  /** The share as a whole percentage; the percentages of the rated dimensions add up to exactly 100. */
  percent: number | null;
}

export interface PolicyApplication {
  dimension_score: 'median' | 'mean';
  bar: number;
  min_scorecards: number;
  min_coverage: number;
  submitted: number;
  enough_scorecards: boolean;
  enough_coverage: boolean;
  /** sum(weight * score) / sum(weight) over rated dimensions, two decimals; null when nothing was rated. */
  composite: number | null;
  weights: WeightUse[];
  /** True when some weight was left out because its dimension was not rated. */
  renormalised: boolean;
  /** Ids of the dimensions whose weight was renormalised away. */
  excluded: string[];
  hurdles: HurdleResult[];
  knockouts: Array<{ flag: string; text: string; dimension: string; raised_by: DebriefPerson[] }>;
  /** Red flags that are not knockouts: each is a reason to look, not a verdict. */
  red_flags: Array<{ flag: string; text: string; raised_by: DebriefPerson[] }>;
  /**
   * Concerns (weak signals) noted by at least two interviewers independently. A concern noted once is listed
   * with the flags but is not, by itself, a reason in the summary.
   */
  corroborated_concerns: Array<{ flag: string; text: string; raised_by: DebriefPerson[] }>;
}

/** `debrief --adjusted`: a candidate's scores with each panelist's lean removed (built in ./calibration/debrief-adjustment.ts). */
export interface DebriefAdjustment {
  label: string;
  /** False when some panelist's lean is unknown; `reason` then says whose, and no adjusted number is given. */
  shown: boolean;
  reason: string | null;
  leans: Array<{ interviewer: { name: string; slug: string }; mean_difference: number | null; adjustment: number | null; shared_candidates: number }>;
  dimensions: Array<{ id: string; name: string; raw: number | null; adjusted: number | null }>;
  composite: { raw: number | null; adjusted: number | null };
  verdict: { raw: Verdict; adjusted: Verdict | null };
}
