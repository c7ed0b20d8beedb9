// Terminal columns, not string length: CJK and most emoji take two columns, combining marks and colour
// codes none. Every terminal renderer pads, cuts and wraps through these.
import { createRequire } from 'node:module';
import type measureColumns from 'string-width';

// string-width takes 25-35 ms to load (its Unicode property patterns compile on import), more than a whole
// `hirekit --help`. It is required on the first text that is not plain ASCII, so a command that writes a PDF,
// or only ASCII, never loads it. (Node >= 20.19 requires an ES module synchronously.)
const load = createRequire(import.meta.url);
let measure: typeof measureColumns | undefined;
function stringWidth(text: string): number {
  measure ??= (load('string-width') as { default: typeof measureColumns }).default;
  return measure(text);
}

/** Printable ASCII only: one column per character, no need to ask string-width (which is slow). */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/**
 * Widths of texts already measured: a renderer measures the same names and words again and again (compare
 * measures each candidate's name for every block it appears in). Bounded, so a long run cannot grow it forever.
 */
const measured = new Map<string, number>();
const MEASURED_MAX = 50_000;

export function columnsOf(text: string): number {
  if (PLAIN_ASCII.test(text)) return text.length;
  let width = measured.get(text);
  if (width === undefined) {
    width = stringWidth(text);
    if (measured.size >= MEASURED_MAX) measured.clear();
    measured.set(text, width);
  }
  return width;
}

export function padEndTo(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - columnsOf(text)));
}

export function padStartTo(text: string, columns: number): string {
  return ' '.repeat(Math.max(0, columns - columnsOf(text))) + text;
}

/** The text cut to at most `columns` columns, ending in "…" when cut; never splits a character. */
export function truncateTo(text: string, columns: number): string {
  if (columnsOf(text) <= columns) return text;
  let out = '';
  let used = 0;
  for (const { segment } of new Intl.Segmenter().segment(text)) {
    const width = columnsOf(segment);
    if (used + width > columns - 1) break;
    out += segment;
    used += width;
  }
  return `${out.trimEnd()}…`;
}

/** The text split into pieces of at most `columns` columns each (for a word longer than a line). */
export function sliceColumns(text: string, columns: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const { segment } of new Intl.Segmenter().segment(text)) {
    const width = columnsOf(segment);
    if (piece && used + width > columns) {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += segment;
    used += width;
  }
  if (piece) pieces.push(piece);
  return pieces;
}
