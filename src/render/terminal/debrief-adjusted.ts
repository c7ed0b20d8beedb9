// The "adjusted for interviewer leans" section of the terminal debrief (`debrief --adjusted`).
import type { ChalkInstance } from 'chalk';
import type { DebriefAdjustment } from '../../core/calibration/debrief-adjustment.js';
import { scoreText, signed, verdictWords } from '../calibration-words.js';
import { wrap } from './style.js';

export function adjustedSection(a: DebriefAdjustment, c: ChalkInstance, width: number): string[] {
  const out: string[] = ['', c.bold.underline('Adjusted for interviewer leans (not the committee’s input)')];
  out.push(wrap(c.dim(a.label), width, '  '));
  if (!a.shown) {
    out.push(wrap(`Adjusted scores ${a.reason ?? 'not shown'}.`, width, '  '));
    return out;
  }
  out.push(wrap(`Lean removed: ${a.leans.map((l) => `${l.interviewer.name} ${l.adjustment === null ? '?' : signed(l.adjustment)}`).join(', ')}.`, width, '  '));
  const name = Math.max(18, Math.min(34, width - 24));
  out.push(c.dim(`  ${'dimension'.padEnd(name)}  ${'raw'.padStart(5)}  ${'adjusted'.padStart(8)}`));
  for (const d of a.dimensions) {
    const label = d.name.length > name ? `${d.name.slice(0, name - 1)}…` : d.name.padEnd(name);
    out.push(`  ${label}  ${scoreText(d.raw).padStart(5)}  ${scoreText(d.adjusted).padStart(8)}`);
  }
  out.push(`  ${'Composite'.padEnd(name)}  ${scoreText(a.composite.raw).padStart(5)}  ${scoreText(a.composite.adjusted).padStart(8)}`);
  const changes = a.verdict.adjusted !== null && a.verdict.adjusted !== a.verdict.raw;
  out.push(wrap(`Mechanical summary: ${verdictWords(a.verdict.raw)}${changes ? `; adjusted it would read ${verdictWords(a.verdict.adjusted)}` : '; the same when adjusted'}.`, width, '  '));
  return out;
}
