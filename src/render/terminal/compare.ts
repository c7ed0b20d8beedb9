// Candidates for one role side by side in the terminal: dimension scores, composite, summary, decision,
// flags, tally. Names and verdicts wrap inside their column instead of being cut; a failed hurdle, a
// knockout and thin coverage are marked; a composite over too little of the weight is bracketed, never bold.
import type { ChalkInstance } from 'chalk';
import type { Comparison } from '../../core/compare.js';
import { MARK_LEGEND } from '../../core/rating-words.js';
import { comparisonView } from '../compare-view.js';
import { verdictColour } from './debrief.js';
import { wrap } from './style.js';
import { columnsOf, padEndTo, padStartTo } from './width.js';

const MIN_NAME_WIDTH = 20;
const MIN_COLUMN = 12;
const WEIGHT_WIDTH = 4;

export function renderComparisonText(c: Comparison, chalk: ChalkInstance, width = 100): string {
  const v = comparisonView(c);
  const out: string[] = [];
  const heads = v.dimensions.map((d) => headOf(d));
  // Dimension names keep their full length when the candidates' columns leave room; else they wrap.
  const longest = Math.max(MIN_NAME_WIDTH, ...heads.map((h) => h.length + 1), 'Composite (bar 0.00) '.length);
  // As many candidates side by side as the width holds; more come in further blocks of the same rows, so a
  // role with 40 candidates reads as blocks on an 80-column terminal, not as lines 500 columns wide.
  const perBlock = Math.max(1, Math.floor((width - MIN_NAME_WIDTH - WEIGHT_WIDTH) / MIN_COLUMN));
  const blocks = Math.max(1, Math.ceil(v.candidates.length / perBlock));

  out.push(wrap(`${chalk.bold(v.title)} ${chalk.dim(`(${v.role_id}, rubric v${v.rubric_version}, ${v.date})`)}`, width, ''));
  out.push(wrap(chalk.dim(v.notice), width, ''), '');
  for (let block = 0; block < blocks; block += 1) {
    const from = block * perBlock;
    const to = Math.min(v.candidates.length, from + perBlock);
    if (blocks > 1) out.push(chalk.dim(`Candidates ${from + 1}-${to} of ${v.candidates.length}`));
    renderBlock(from, to);
    out.push('');
  }

  function renderBlock(from: number, to: number): void {
    const shown = v.candidates.slice(from, to);
    // Every block lays out as many columns as the first, so a short last block lines up with the ones above.
    const columns = Math.max(1, blocks > 1 ? perBlock : shown.length);
    const NAME_WIDTH = Math.max(MIN_NAME_WIDTH, Math.min(longest, width - WEIGHT_WIDTH - columns * MIN_COLUMN));
    const col = Math.max(MIN_COLUMN, Math.min(24, Math.floor((width - NAME_WIDTH - WEIGHT_WIDTH) / columns)));

    /** One row of the table whose cells may take several lines each: every line is padded to its column. */
    const row = (head: string, weight: string, cells: ReadonlyArray<{ text: string; paint?: (s: string) => string }>, align: 'left' | 'right' = 'right'): void => {
      const wrapped = cells.map((cell) => cellLines(cell.text, col - 1));
      const headLines = cellLines(head, NAME_WIDTH - 1);
      const height = Math.max(headLines.length, ...wrapped.map((lines) => lines.length));
      for (let line = 0; line < height; line += 1) {
        const parts = wrapped.map((lines, i) => {
          const text = lines[line] ?? '';
          const padded = align === 'right' ? padStartTo(text, col) : ` ${padEndTo(text, col - 1)}`;
          const paint = cells[i]?.paint;
          return paint && text ? paint(padded) : padded;
        });
        out.push(`${padEndTo(headLines[line] ?? '', NAME_WIDTH)}${(line === 0 ? weight : '').padStart(WEIGHT_WIDTH)}${parts.join('')}`);
      }
    };

    row('', 'wt', shown.map((x) => ({ text: x.name, paint: chalk.bold })));
    for (const [i, d] of v.dimensions.entries()) {
      row(
        heads[i]!,
        String(d.weight),
        d.cells.slice(from, to).map((cell) => ({
          text: `${cell.score}${cell.hurdle_failed ? ' ✗' : ''}${cell.disagreement ? ' ↔' : ''}`,
          paint: cell.value === null ? chalk.dim : cell.hurdle_failed ? chalk.red.bold : cell.disagreement ? chalk.yellow : undefined,
        })),
      );
    }
    row(`Composite (bar ${v.bar})`, '', shown.map((x) => ({ text: x.composite, paint: x.thin ? chalk.dim : chalk.bold })));
    row('Mechanical summary', '', shown.map((x) => ({ text: x.label, paint: verdictColour(chalk, x.verdict) })));
    row('Committee decision', '', shown.map((x) => ({ text: x.decision_short, paint: x.decision === 'undecided' ? chalk.dim : chalk.bold })));
    row('Coverage', '', shown.map((x) => ({ text: x.coverage, paint: x.thin ? chalk.red : undefined })));
    row('Flags', '', shown.map((x) => ({ text: x.flags })));
    row('Knockouts', '', shown.map((x) => (x.knockouts.length ? { text: String(x.knockouts.length), paint: chalk.red.bold } : { text: 'none' })));
    row('Scorecards', '', shown.map((x) => ({ text: x.scorecards })));
  }

  const marked = v.candidates.filter((x) => x.marks.length > 0);
  if (marked.length > 0) {
    out.push(chalk.bold('Before reading the composites'));
    for (const x of marked) out.push(wrap(`${x.name}: ${x.marks.join('; ')}`, width, '  '));
    out.push('');
  }
  out.push(chalk.bold('Recommendations'));
  for (const x of v.candidates) out.push(wrap(`${x.name}: ${x.tally}`, width, '  '));
  const knockouts = v.candidates.filter((x) => x.knockouts.length > 0);
  if (knockouts.length > 0) {
    out.push('', chalk.red.bold('Knockouts raised'));
    for (const x of knockouts) out.push(wrap(`${x.name}: ${x.knockouts.join('; ')}`, width, '  '));
  }
  out.push(
    '',
    wrap(
      chalk.dim(`✗ below the dimension's hurdle (≥n). ↔ ratings far enough apart to discuss: see that candidate's debrief. ${MARK_LEGEND.none}. (n) thin: the composite rests on less than ${v.min_coverage} of the weight and is no standing.`),
      width,
      '',
    ),
    '',
  );
  return out.join('\n');
}

function headOf(d: { name: string; hurdle: string }): string {
  return d.hurdle ? `${d.name} ≥${d.hurdle.replace('at least ', '')}` : d.name;
}

/**
 * Words wrapped to a column. A word too long for the column breaks after a hyphen if it has one; only a
 * word with no such place is cut.
 */
function cellLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean).flatMap((word) => (columnsOf(word) > width ? word.split(/(?<=-)/u) : [word]));
  for (const [i, word] of words.entries()) {
    const joinsPrevious = i > 0 && words[i - 1]!.endsWith('-') && columnsOf(words[i - 1]!) <= width && !text.includes(`${words[i - 1]} `);
    const next = line ? `${line}${joinsPrevious ? '' : ' '}${word}` : word;
    if (columnsOf(next) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (columnsOf(rest) > width) {
      const chars = [...rest];
      let cut = 0;
      let used = 0;
      while (cut < chars.length && used + columnsOf(chars[cut]!) <= width) used += columnsOf(chars[cut++]!);
      lines.push(chars.slice(0, cut).join(''));
      rest = chars.slice(cut).join('');
    }
    line = rest;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
