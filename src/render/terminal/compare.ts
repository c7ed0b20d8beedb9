// Candidates for one role side by side in the terminal: dimension scores, composite, summary, flags, tally.
import type { ChalkInstance } from 'chalk';
import type { Comparison } from '../../core/compare.js';
import { comparisonView } from '../compare-view.js';
import { verdictColour } from './debrief.js';
import { wrap } from './style.js';
import { padEndTo, padStartTo, truncateTo } from './width.js';

export function renderComparisonText(c: Comparison, chalk: ChalkInstance, width = 100): string {
  const v = comparisonView(c);
  const out: string[] = [];
  const nameWidth = 28;
  const col = Math.max(12, Math.min(22, Math.floor((width - nameWidth - 5) / Math.max(1, v.candidates.length))));
  const fit = (s: string): string => padStartTo(truncateTo(s, col - 1), col);
  const label = (s: string): string => padEndTo(truncateTo(s, nameWidth), nameWidth);

  out.push(`${chalk.bold(v.title)} ${chalk.dim(`(${v.role_id}, rubric v${v.rubric_version}, ${v.date})`)}`);
  out.push(wrap(chalk.dim(v.notice), width, ''), '');
  out.push(chalk.bold(`${label('')}  wt${v.candidates.map((x) => fit(x.name)).join('')}`));
  for (const d of v.dimensions) {
    const cells = d.cells.map((cell) => {
      const text = fit(`${cell.score}${cell.disagreement ? ' ↔' : ''}`);
      return cell.value === null ? chalk.dim(text) : cell.disagreement ? chalk.yellow(text) : text;
    });
    out.push(`${label(d.name)}${String(d.weight).padStart(4)}${cells.join('')}`);
  }
  out.push(chalk.bold(`${label(`Composite (bar ${v.bar})`)}    ${v.candidates.map((x) => fit(x.composite)).join('')}`));
  out.push(`${label('Mechanical summary')}    ${v.candidates.map((x) => verdictColour(chalk, x.verdict)(fit(x.label))).join('')}`);
  out.push(`${label('Flags')}    ${v.candidates.map((x) => fit(x.flags)).join('')}`);
  out.push(`${label('Knockouts')}    ${v.candidates.map((x) => (x.knockouts.length ? chalk.red.bold(fit(String(x.knockouts.length))) : fit('none'))).join('')}`);
  out.push(`${label('Scorecards')}    ${v.candidates.map((x) => fit(x.scorecards)).join('')}`);
  out.push('', chalk.bold('Recommendations'));
  for (const x of v.candidates) out.push(wrap(`${x.name}: ${x.tally}`, width, '  '));
  const knockouts = v.candidates.filter((x) => x.knockouts.length > 0);
  if (knockouts.length > 0) {
    out.push('', chalk.red.bold('Knockouts raised'));
    for (const x of knockouts) out.push(wrap(`${x.name}: ${x.knockouts.join('; ')}`, width, '  '));
  }
  out.push('', chalk.dim('↔ ratings span two levels or more: see that candidate’s debrief. — not rated.'), '');
  return out.join('\n');
}
