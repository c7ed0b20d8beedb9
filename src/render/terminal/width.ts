// Terminal columns, not string length: CJK and most emoji take two columns, combining marks and colour
// codes none. Every terminal renderer pads, cuts and wraps through these.
import stringWidth from 'string-width';

export function columnsOf(text: string): number {
  return stringWidth(text);
}

export function padEndTo(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - stringWidth(text)));
}

export function padStartTo(text: string, columns: number): string {
  return ' '.repeat(Math.max(0, columns - stringWidth(text))) + text;
}

/** The text cut to at most `columns` columns, ending in "…" when cut; never splits a character. */
export function truncateTo(text: string, columns: number): string {
  if (stringWidth(text) <= columns) return text;
  let out = '';
  for (const char of new Intl.Segmenter().segment(text)) {
    if (stringWidth(out + char.segment) > columns - 1) break;
    out += char.segment;
  }
  return `${out.trimEnd()}…`;
}

/** The text split into pieces of at most `columns` columns each (for a word longer than a line). */
export function sliceColumns(text: string, columns: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const { segment } of new Intl.Segmenter().segment(text)) {
    if (piece && stringWidth(piece + segment) > columns) {
      pieces.push(piece);
      piece = '';
    }
    piece += segment;
  }
  if (piece) pieces.push(piece);
  return pieces;
}
