// Terminal colours that respect NO_COLOR (https://no-color.org) and FORCE_COLOR, and stay off when the
// output is not a terminal. Plain values in (from the command context), never process.*.
import { Chalk, type ChalkInstance } from 'chalk';
import type cutColumns from 'cli-truncate';
import { createRequire } from 'node:module';
import { proseBlocks } from '../../core/prose.js';
import { columnsOf, sliceColumns } from './width.js';

export { columnsOf } from './width.js';

// cli-truncate (and the string-width it brings) is required when a line is first cut, not when a command that
// never cuts one starts: see width.ts.
const load = createRequire(import.meta.url);
let cut: typeof cutColumns | undefined;
function cliTruncate(): typeof cutColumns {
  cut ??= (load('cli-truncate') as { default: typeof cutColumns }).default;
  return cut;
}

export function colourFor(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): ChalkInstance {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return new Chalk({ level: 0 });
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return new Chalk({ level: 1 });
  return new Chalk({ level: isTTY ? 1 : 0 });
}

/**
 * Wraps rubric prose to a width: hard-wrapped lines join into paragraphs, list items stay items (with a
 * hanging indent), words stay whole unless one is longer than the line.
 */
export function wrap(text: string, width: number, indent = ''): string {
  return proseBlocks(text)
    .map((block) =>
      block.kind === 'item'
        ? wrapLine(`${block.marker ?? '-'} ${block.text}`, width, indent, `${indent}${' '.repeat((block.marker ?? '-').length + 1)}`)
        : wrapLine(block.text, width, indent, indent),
    )
    .join('\n');
}

function wrapLine(paragraph: string, width: number, first: string, rest: string): string {
  // Widths are kept as running sums (each word measured once), so a paragraph wraps in linear time.
  const out: string[] = [];
  let indent = first;
  let indentWidth = columnsOf(first);
  let line = '';
  let lineWidth = 0;
  const nextLine = (): void => {
    indent = rest;
    indentWidth = columnsOf(rest);
  };
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    const wordWidth = columnsOf(word);
    if (line && lineWidth + 1 + wordWidth + indentWidth > width) {
      out.push(indent + line);
      nextLine();
      line = word;
      lineWidth = wordWidth;
    } else {
      lineWidth = line ? lineWidth + 1 + wordWidth : wordWidth;
      line = line ? `${line} ${word}` : word;
    }
    // A word longer than the line is cut by columns, so a wide character is never split or overflows.
    while (lineWidth + indentWidth > width) {
      const room = Math.max(10, width - indentWidth);
      const [head = '', ...tail] = sliceColumns(line, room);
      out.push(indent + head);
      nextLine();
      line = tail.join('');
      lineWidth = columnsOf(line);
    }
  }
  out.push(indent + line);
  return out.join('\n');
}

/** Columns to lay text out in: the terminal's columns (see CommandContext.columns), kept between 40 and 100. */
export function terminalWidth(columns: number): number {
  return Math.min(Math.max(columns, 40), 100);
}

/**
 * One line cut to `width` columns with an ellipsis when longer; colour codes are kept whole (cli-truncate), and
 * the indent (after any colour codes that open the line) is kept as it is.
 */
export function truncate(text: string, width: number): string {
  // eslint-disable-next-line no-control-regex
  const indent = /^(?:\x1b\[[0-9;]*m)* */.exec(text)?.[0] ?? '';
  const line = `${indent}${text.slice(indent.length).replace(/\s+/g, ' ').trim()}`;
  // cli-truncate can overshoot by one column when the cut falls inside a wide (CJK) character: cut shorter then.
  for (let room = Math.max(1, width); ; room -= 1) {
    const cut = cliTruncate()(line, room, { position: 'end' });
    if (columnsOf(cut) <= width || room <= 1) return cut;
  }
}
