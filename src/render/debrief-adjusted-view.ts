// The "adjusted for interviewer leans" part of a debrief (`debrief --adjusted`) in words, for every renderer:
// formatting only, every number comes from the DebriefAdjustment.
import type { DebriefAdjustment } from '../core/calibration/debrief-adjustment.js';
import { scoreText, signed, verdictWords } from './calibration-words.js';

export interface AdjustedView {
  title: string;
  label: string;
  shown: boolean;
  /** Why no adjusted number is shown; empty when they are. */
  reason: string;
  leans: string;
  rows: Array<{ name: string; raw: string; adjusted: string }>;
  composite: { raw: string; adjusted: string };
  verdict: string;
}

export const ADJUSTED_TITLE = 'Adjusted for interviewer leans (not the committee’s input)';

export function adjustedView(a: DebriefAdjustment): AdjustedView {
  const changes = a.verdict.adjusted !== null && a.verdict.adjusted !== a.verdict.raw;
  return {
    title: ADJUSTED_TITLE,
    label: a.label,
    shown: a.shown,
    reason: a.shown ? '' : `Adjusted scores ${a.reason ?? 'not shown'}.`,
    leans: `Lean removed per interviewer: ${a.leans.map((l) => `${l.interviewer.name} ${l.adjustment === null ? 'unknown' : signed(l.adjustment)}`).join(', ')}.`,
    rows: a.dimensions.map((d) => ({ name: d.name, raw: scoreText(d.raw), adjusted: scoreText(d.adjusted) })),
    composite: { raw: scoreText(a.composite.raw), adjusted: scoreText(a.composite.adjusted) },
    verdict: `Mechanical summary: ${verdictWords(a.verdict.raw)}${changes ? `; adjusted, it would read ${verdictWords(a.verdict.adjusted)}` : '; the same when adjusted'}.`,
  };
}
