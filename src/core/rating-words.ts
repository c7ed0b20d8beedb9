// hirekit's own words and marks for the states a rating can be in, in one place so the terminal, Markdown,
// HTML, PDF, the export and the messages all say the same thing. The rubric's own label for "insufficient
// evidence" (scale.insufficient.label) is the rubric's text and is printed where a rating's label is; these are
// the words hirekit uses around it. A mark is never a number: "insufficient evidence" must never read as a
// low score.
import { INSUFFICIENT, type RatingValue } from './rubric.js';

export const RATING_WORDS = {
  /** The separate answer: the interview did not produce enough to judge. */
  insufficient: 'insufficient evidence',
  /** The same in a count beside other counts: "4 ratings, 1 insufficient". */
  insufficientShort: 'insufficient',
  /** What "insufficient evidence" is, in a legend. */
  insufficientRule: 'shown but never counted',
  /** An imported rating whose ATS scorecard had no note. */
  noEvidence: 'no evidence',
  /** Why, when the import recorded no reason. */
  noEvidenceWhy: 'the rating came without any',
  /** A dimension an interviewer did not rate (not in their stage, or skipped). */
  notRated: 'not rated',
  /** A dimension with no rating on the scale from anyone: no panel score. */
  notRatedWithEvidence: 'not rated with evidence',
} as const;

export const RATING_MARKS = {
  /** "insufficient evidence" in a cell, a levels line or a column head. */
  insufficient: '?',
  /** An interviewer's cell for a dimension they did not rate (text grids; graphic grids leave it blank). */
  notRated: '·',
  /** No value: no panel score, no consensus yet, nothing to show. */
  none: '—',
} as const;

/** The key that answers "insufficient evidence" while scoring: a letter, so it never reads as a score below 1. */
export const INSUFFICIENT_KEY = 'i';

/** A rating in a cell: its level, or the insufficient-evidence mark; "" when there is none. */
export function ratingMark(rating: RatingValue | undefined): string {
  if (rating === undefined) return '';
  return rating === INSUFFICIENT ? RATING_MARKS.insufficient : String(rating);
}

/** The line shown in place of evidence for an imported rating that came without a note. */
export function noEvidenceText(why: string | undefined): string {
  return `No evidence: ${why ?? RATING_WORDS.noEvidenceWhy}`;
}

/** The legend entries for the marks, each once: "? insufficient evidence, shown but never counted". */
export const MARK_LEGEND = {
  insufficient: `${RATING_MARKS.insufficient} ${RATING_WORDS.insufficient}, ${RATING_WORDS.insufficientRule}`,
  notRated: `${RATING_MARKS.notRated} ${RATING_WORDS.notRated}`,
  none: `${RATING_MARKS.none} ${RATING_WORDS.notRatedWithEvidence}`,
} as const;
