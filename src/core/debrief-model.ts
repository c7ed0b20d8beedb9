// The shape of a committee debrief: one plain object per candidate that every renderer draws. Stable
// within format hirekit-debrief/1 (fields may be added, none renamed or removed); documented in
// docs/debrief.md. Built by buildDebrief in ./debrief.ts.
import type { RatingValue } from './rubric.js';
import type { Recommendation } from './scorecard.js';

export const DEBRIEF_FORMAT = 'hirekit-debrief/1';
/** Ratings of one dimension whose highest and lowest level are this far apart go on the agenda. */
export const DISAGREEMENT_SPREAD = 2;
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
  evidence: string;
}

export interface DimensionResult {
  id: string;
  name: string;
  weight: number;
  /** The hurdle's minimum level, when the policy has one for this dimension. */
  hurdle: number | null;
  ratings: DimensionRating[];
  /** Number of ratings on the 1-4 scale; "insufficient evidence" is counted separately. */
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

export interface AgendaEnd {
  rating: number;
  interviewers: DebriefPerson[];
}

export type AgendaItem =
  | { kind: 'disagreement'; dimension: { id: string; name: string }; spread: number; low: AgendaEnd; high: AgendaEnd }
  | { kind: 'knockout'; dimension: { id: string; name: string }; flag: string; text: string; raised_by: DebriefPerson[] };

export interface FlagRaise {
  panel: number;
  interviewer: DebriefPerson;
  stage: string;
  note: string;
}

export interface RaisedFlag {
  id: string;
  kind: 'green' | 'red';
  text: string;
  dimension: { id: string; name: string };
  knockout: boolean;
  raised_by: FlagRaise[];
}

export interface Coverage {
  /** Dimensions with no rating on the 1-4 scale (nobody rated them, or only "insufficient evidence"). */
  unrated_dimensions: Array<{ id: string; name: string; weight: number; insufficient: number }>;
  stages_without_scorecard: Array<{ id: string; name: string }>;
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
  code: 'below-min-scorecards' | 'rubric-mismatch' | 'other-role' | 'unknown-dimension' | 'unknown-flag' | 'unknown-stage';
  message: string;
}

export interface Debrief {
  format: typeof DEBRIEF_FORMAT;
  generated_at: string;
  candidate: DebriefPerson;
  role: { id: string; title: string; level: string };
  rubric: { version: string; hash: string };
  scale: { levels: Array<{ level: number; label: string }>; insufficient: string };
  panel: PanelEntry[];
  drafts: DraftEntry[];
  dimensions: DimensionResult[];
  agenda: AgendaItem[];
  flags: RaisedFlag[];
  coverage: Coverage;
  tally: Tally;
  policy: PolicyApplication;
  summary: { verdict: Verdict; label: string; reasons: string[]; notice: string };
  warnings: DebriefWarning[];
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
}
