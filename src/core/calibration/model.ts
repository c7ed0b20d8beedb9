// The shape of a calibration: one plain object over the submitted scorecards of a workspace, that every
// renderer draws. Stable within format hirekit-calibration/1 (fields may be added, none renamed or removed);
// documented in docs/calibration.md. Built by buildCalibration in ./calibration.ts.
import type { TallyKey, Verdict } from '../debrief-model.js';
import type { AlphaGap, AlphaMetric } from './krippendorff.js';

export const CALIBRATION_FORMAT = 'hirekit-calibration/1';

/** Below this many candidates shared with other panelists, an interviewer's lean is not estimated. */
export const MIN_SHARED_CANDIDATES = 5;
export const BOOTSTRAP_REPLICATES = 1000;
/** An alpha resting on fewer candidates than this gets no interval: a resample of a handful says little. */
export const MIN_CANDIDATES_FOR_INTERVAL = 5;
/** Fixed so the same workspace always gives the same intervals. */
export const BOOTSTRAP_SEED = 20070401;
export const CONFIDENCE = 0.95;
/** A dimension needs this many numeric ratings before "barely varies" is said of it. */
export const MIN_RATINGS_FOR_VARIATION = 10;
/** Ratings whose standard deviation is below this (in levels) barely vary... */
export const LOW_SPREAD_SD = 0.5;
/** ...as do ratings of which this share or more sit on one level. */
export const ONE_LEVEL_SHARE = 0.9;

export const ALPHA_MEANING =
  "Krippendorff's alpha says how much more the interviewers agree than chance would: 1 is perfect agreement, 0 no better than chance; below 0.667 the ratings are too unreliable to lean on, and 0.800 or more is the usual standard.";
export const ADJUSTMENT_MEANING =
  "Adjusted scores remove each interviewer's lean as fitted by an additive model of all the ratings (rating = the candidate's level on the dimension + the interviewer's lean, leans averaging zero over the ratings); with two panelists one level apart, each gets half of it. A candidate is adjusted only when every panelist's lean is estimable; the raw scores stand.";
export const LENIENCY_MEANING =
  "An interviewer's lean is the mean difference between their rating and the other panelists' ratings of the same candidate and dimension, in levels: above 0 they rate higher than their fellow panelists, below 0 lower.";

export interface CalibrationPerson {
  name: string;
  slug: string;
}

export interface Interval {
  low: number;
  high: number;
}

/** One alpha: a value with its bootstrap interval, or the reason there is none. */
export interface AlphaEstimate {
  metric: AlphaMetric;
  value: number | null;
  /** Why there is no value; null when there is one. */
  gap: AlphaGap | null;
  interval: Interval | null;
  /** Pairable values: ratings on the scale in units (candidate x dimension) rated by two or more interviewers. */
  pairable: number;
}

export interface AlphaSet {
  ordinal: AlphaEstimate;
  interval: AlphaEstimate;
  nominal: AlphaEstimate;
  /** Units (candidate x dimension) with at least two ratings on the scale. */
  units: number;
}

export interface Agreement {
  overall: AlphaSet;
  dimensions: Array<{ id: string; name: string } & AlphaSet>;
  meaning: string;
}

export type LeanReading = 'lenient' | 'severe' | 'no-clear-lean' | 'too-few-shared-candidates';

export interface Leniency {
  /** Mean of (their rating - mean of the other panelists' ratings) over shared candidate x dimension units; null below the threshold. */
  mean_difference: number | null;
  interval: Interval | null;
  /** Candidates on which they and at least one other panelist rated the same dimension. */
  shared_candidates: number;
  /** Candidate x dimension units behind the mean. */
  shared_units: number;
  estimable: boolean;
  reading: LeanReading;
  /**
   * What the adjusted scores remove from each of their ratings: their lean in an additive model of the ratings
   * (rating = candidate's level on the dimension + interviewer's lean), leans averaging zero. Null when not estimable.
   */
  adjustment: number | null;
}

export interface LevelCounts {
  /** Count per level, index 0 for level 1. */
  levels: number[];
  insufficient: number;
  total: number;
}

export interface InterviewerProfile {
  interviewer: CalibrationPerson;
  scorecards: number;
  candidates: number;
  levels: { overall: LevelCounts; dimensions: Array<{ id: string; name: string; counts: LevelCounts }> };
  recommendations: Record<TallyKey, number>;
  /** Share of their ratings that were "insufficient evidence"; null with no ratings. */
  insufficient_share: number | null;
  /** Minutes from the scorecard's first save to its first submission. */
  time_to_submit: { scorecards: number; median_minutes: number | null; longest_minutes: number | null };
  /** Dimensions of a stage's focus that a submitted scorecard left without any answer, not even "insufficient". */
  unrated_focus: { total: number; scorecards: number; dimensions: Array<{ id: string; name: string; count: number }> };
  leniency: Leniency;
}

export type DimensionNote = 'nobody-rates' | 'barely-varies';

export interface DimensionUsage {
  id: string;
  name: string;
  /** Answers given: levels plus "insufficient". */
  answers: number;
  rated: number;
  insufficient: number;
  insufficient_rate: number | null;
  stages: Array<{ id: string; name: string; answers: number; insufficient: number; insufficient_rate: number | null }>;
  counts: LevelCounts;
  /** Standard deviation of the ratings on the scale; null with fewer than two. */
  sd: number | null;
  /** Share of the ratings on the commonest level. */
  top_level_share: number | null;
  notes: DimensionNote[];
}

export interface AdjustedDimension {
  id: string;
  raw: number | null;
  adjusted: number | null;
}

export interface AdjustedCandidate {
  candidate: CalibrationPerson;
  /** True when every panelist who rated on the scale has an estimable lean. */
  adjusted: boolean;
  /** Interviewers who rated the candidate on the scale. */
  panelists: CalibrationPerson[];
  /** Panelists whose lean could not be estimated (why the candidate is not adjusted). */
  unknown_lean: CalibrationPerson[];
  dimensions: AdjustedDimension[];
  composite: { raw: number | null; adjusted: number | null };
  verdict: { raw: Verdict; adjusted: Verdict | null };
  rank: { raw: number | null; adjusted: number | null };
  verdict_changes: boolean;
  rank_changes: boolean;
}

export interface Adjustment {
  candidates: AdjustedCandidate[];
  /** Candidates whose whole panel has an estimable lean. */
  adjusted: number;
  verdict_changes: number;
  /** Among adjusted candidates with a composite, how many move in the rank order. */
  ranked: number;
  rank_changes: number;
  note: string;
}

export interface RoleCalibration {
  role: { id: string; title: string };
  rubric: { version: string };
  scale: { levels: Array<{ level: number; label: string }>; insufficient: string };
  counts: { candidates: number; scorecards: number; interviewers: number; drafts_left_out: number };
  agreement: Agreement;
  interviewers: InterviewerProfile[];
  dimensions: DimensionUsage[];
  adjustment: Adjustment;
}

export interface Calibration {
  format: typeof CALIBRATION_FORMAT;
  generated_at: string;
  filters: { role: string | null; since: string | null; interviewer: string | null };
  method: {
    min_shared_candidates: number;
    bootstrap_replicates: number;
    bootstrap_seed: number;
    confidence: number;
    resampling: string;
    leniency: string;
    adjustment: string;
    missing: string;
  };
  roles: RoleCalibration[];
}
