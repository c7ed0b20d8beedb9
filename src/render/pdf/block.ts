// The unit of PDF layout: a Block knows the room it needs before it may start on a page and how to draw
// itself at doc.y. Shared by ./layout.ts (text and flow), ./form.ts (things to fill in) and ./table.ts.
import type { Pdf } from './document.js';
import type { FontStyle } from './fonts.js';

export interface Block {
  /** Room the block needs before it may start on the current page (its first line for splittable blocks). */
  height(pdf: Pdf): number;
  /** Room the whole block takes, when it differs from `height` because the block may split. */
  fullHeight?(pdf: Pdf): number;
  draw(pdf: Pdf): void;
  /** Room the next block must have beside this one: headings never end a page. */
  keepWithNext?: number;
}

export const INK = '#000000';
export const GREY = '#444444';
export const LINE_GAP = 1.5;

export interface TextStyle {
  style?: FontStyle;
  size?: number;
  colour?: string;
  /** Points to indent from the left margin. */
  indent?: number;
  /** Space after the block, in points. */
  after?: number;
  align?: 'left' | 'center' | 'right';
  /** Tagged-PDF structure type, e.g. 'P', 'H1', 'Caption'. */
  tag?: string;
}

/** Height of a text at a style and width, the way `paragraph` will draw it. */
export function textHeight(pdf: Pdf, text: string, style: FontStyle, size: number, width: number): number {
  pdf.font(style, size);
  return pdf.doc.heightOfString(text, { width, lineGap: LINE_GAP });
}
