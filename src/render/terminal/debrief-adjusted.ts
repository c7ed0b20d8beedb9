// The "adjusted for interviewer leans" section of the terminal debrief (`debrief --adjusted`).
import type { ChalkInstance } from 'chalk';
import type { DebriefAdjustment } from '../../core/calibration/debrief-adjustment.js';
import { adjustedView } from '../debrief-adjusted-view.js';
import { wrap } from './style.js';
import { padEndTo, padStartTo, truncateTo } from './width.js';

export function adjustedSection(a: DebriefAdjustment, c: ChalkInstance, width: number): string[] {
  const v = adjustedView(a);
  const out: string[] = ['', c.bold.underline(v.title), wrap(c.dim(v.label), width, '  ')];
  if (!v.shown) return [...out, wrap(v.reason, width, '  ')];
  out.push(wrap(v.leans, width, '  '));
  const name = Math.max(18, Math.min(34, width - 24));
  const row = (label: string, raw: string, adjusted: string): string => `  ${padEndTo(truncateTo(label, name), name)}  ${padStartTo(raw, 5)}  ${padStartTo(adjusted, 8)}`;
  out.push(c.dim(row('dimension', 'raw', 'adjusted')));
  for (const r of v.rows) out.push(row(r.name, r.raw, r.adjusted));
  out.push(c.bold(row('Composite', v.composite.raw, v.composite.adjusted)));
  out.push(wrap(v.verdict, width, '  '));
  return out;
}
