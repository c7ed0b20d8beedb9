// Layout blocks for hirekit PDFs. A Block knows how much room it needs before it may start on a page
// and how to draw itself at doc.y; `flow` draws blocks one after another, moving to a new page instead
// of splitting a block or stranding a heading at the bottom of a page, and `keepTogether` moves a group
// of blocks to the next page as one when it would not fit.
//
//   flow(pdf, [heading('Scoring sheet', 1), labelValues([['Candidate', '']]), ruledLines(4)]);
//   keepTogether(pdf, [paragraph('Evidence', { style: 'bold' }), tickOptions(['1', '2', '3', '4']), ruledLines(3)]);
//   drawTable(pdf, { columns: [{ header: 'Stage', width: 120 }, { header: 'Dimensions' }], rows: [['Screen', 'SQL']] });
//
// Everything is black on white (greys only for secondary text), so it prints cleanly in black and white.
import type { OutlineLevel, Pdf } from './document.js';
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
const LINE_GAP = 1.5;

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

export function paragraph(text: string, options: TextStyle = {}): Block {
  const { style = 'regular', size = 10, colour = INK, indent = 0, after = 5, align = 'left', tag = 'P' } = options;
  return {
    height: (pdf) => {
      const full = textHeight(pdf, text, style, size, pdf.width - indent);
      // A long paragraph may split across pages, but not before its first three lines.
      return Math.min(full, (size + LINE_GAP) * 3.6) + after;
    },
    fullHeight: (pdf) => textHeight(pdf, text, style, size, pdf.width - indent) + after,
    draw: (pdf) => {
      pdf.font(style, size).doc.fillColor(colour);
      pdf.doc.text(text, pdf.left + indent, pdf.doc.y, {
        width: pdf.width - indent,
        lineGap: LINE_GAP,
        align,
        structParent: pdf.root,
        structType: tag,
      });
      pdf.doc.x = pdf.left;
      pdf.doc.y += after;
    },
  };
}

const HEADING_SIZES: Record<OutlineLevel, number> = { 1: 17, 2: 12.5, 3: 10.5 };

export interface HeadingOptions {
  /** Adds an outline entry; default true for levels 1 and 2. */
  outline?: boolean;
  /** Title of the outline entry when it should differ from the printed heading. */
  outlineTitle?: string;
  /** Starts a new page first (unless already at the top of one). */
  newPage?: boolean;
  /** Outline level when it should differ from the heading level (e.g. a sheet under its stage). */
  outlineLevel?: OutlineLevel;
}

/** A heading that adds a bookmark and never ends a page. */
export function heading(text: string, level: OutlineLevel, options: HeadingOptions = {}): Block {
  const size = HEADING_SIZES[level];
  const before = level === 1 ? 0 : level === 2 ? 8 : 4;
  const after = level === 1 ? 8 : 4;
  return {
    keepWithNext: 60,
    height: (pdf) => (options.newPage && !pdf.atTopOfPage ? pdf.pageHeight : 0) + before + textHeight(pdf, text, 'bold', size, pdf.width) + after,
    draw: (pdf) => {
      if (options.newPage && !pdf.atTopOfPage) pdf.newPage();
      if (!pdf.atTopOfPage) pdf.doc.y += before;
      if (options.outline ?? level <= 2) pdf.bookmark(options.outlineTitle ?? text, options.outlineLevel ?? level);
      pdf.font('bold', size).doc.fillColor(INK);
      pdf.doc.text(text, pdf.left, pdf.doc.y, { width: pdf.width, lineGap: LINE_GAP, structParent: pdf.root, structType: `H${level}` });
      if (level === 1) {
        pdf.doc.moveTo(pdf.left, pdf.doc.y + 1).lineTo(pdf.left + pdf.width, pdf.doc.y + 1).lineWidth(1).strokeColor(INK).stroke();
      }
      pdf.doc.y += after;
    },
  };
}

export interface ListItem {
  /** Printed before the text: a bullet, or "1." / "a)" for ordered items. */
  marker: string;
  text: string;
  /** Extra indent in points, for an item nested under the one before. */
  indent?: number;
}

/** A list; each item wraps under its own text, not under its marker. Strings get the bullet. */
export function bullets(items: ReadonlyArray<string | ListItem>, options: TextStyle & { bullet?: string } = {}): Block {
  const { style = 'regular', size = 10, colour = INK, indent = 0, after = 5, bullet = '•' } = options;
  const list = items.map((item) => (typeof item === 'string' ? { marker: bullet, text: item } : item));
  const hangOf = (pdf: Pdf): number => {
    pdf.font(style, size);
    return Math.max(size * 1.2, ...list.map((i) => pdf.doc.widthOfString(i.marker) + size * 0.5));
  };
  return {
    height: (pdf) => (list[0] === undefined ? 0 : textHeight(pdf, list[0].text, style, size, pdf.width - indent - hangOf(pdf))) + after,
    fullHeight: (pdf) => {
      const hang = hangOf(pdf);
      return list.reduce((sum, item) => sum + textHeight(pdf, item.text, style, size, pdf.width - indent - (item.indent ?? 0) - hang) + 1.5, 0) + after - 1.5;
    },
    draw: (pdf) => {
      const hang = hangOf(pdf);
      for (const item of list) {
        const left = pdf.left + indent + (item.indent ?? 0);
        const width = pdf.width - indent - (item.indent ?? 0) - hang;
        pdf.ensureSpace(Math.min(textHeight(pdf, item.text, style, size, width), (size + LINE_GAP) * 3));
        const y = pdf.doc.y;
        pdf.font(style, size).doc.fillColor(colour);
        pdf.doc.text(item.marker, left, y, { width: hang, lineBreak: false });
        pdf.doc.text(item.text, left + hang, y, { width, lineGap: LINE_GAP, structParent: pdf.root, structType: 'LI' });
        pdf.doc.y += 1.5;
      }
      pdf.doc.x = pdf.left;
      pdf.doc.y += after - 1.5;
    },
  };
}

/**
 * Fields to fill in by hand, side by side: a label above a writing line, with any value known in advance
 * printed on the line.
 */
export function formFields(fields: ReadonlyArray<readonly [string, string]>, options: { size?: number; after?: number } = {}): Block {
  const { size = 10, after = 8 } = options;
  const gap = 14;
  const labelSize = 7.5;
  const lineHeight = size + 10;
  return {
    height: () => labelSize + 4 + lineHeight + after,
    draw: (pdf) => {
      const width = (pdf.width - gap * (fields.length - 1)) / Math.max(1, fields.length);
      const y = pdf.doc.y;
      fields.forEach(([label, value], i) => {
        const x = pdf.left + i * (width + gap);
        pdf.font('bold', labelSize).doc.fillColor(INK).text(label.toUpperCase(), x, y, { width, lineBreak: false, characterSpacing: 0.4 });
        if (value) pdf.font('regular', size).doc.text(value, x + 2, y + labelSize + 8, { width: width - 4, height: size + 4, ellipsis: true, structParent: pdf.root, structType: 'P' });
        pdf.doc.markContent('Artifact', { type: 'Layout' });
        pdf.doc.moveTo(x, y + labelSize + 4 + lineHeight).lineTo(x + width, y + labelSize + 4 + lineHeight).lineWidth(0.7).strokeColor(INK).stroke();
        pdf.doc.endMarkedContent();
      });
      pdf.doc.x = pdf.left;
      pdf.doc.y = y + labelSize + 4 + lineHeight + after;
    },
  };
}

/** "Label: value" rows with the labels in a column of their own. */
export function labelValues(rows: ReadonlyArray<readonly [string, string]>, options: { labelWidth?: number; size?: number; after?: number } = {}): Block {
  const { labelWidth = 110, size = 10, after = 6 } = options;
  const rowHeight = (pdf: Pdf, label: string, value: string): number =>
    Math.max(textHeight(pdf, label, 'bold', size, labelWidth - 6), textHeight(pdf, value || ' ', 'regular', size, pdf.width - labelWidth));
  return {
    height: (pdf) => rows.reduce((sum, [label, value]) => sum + rowHeight(pdf, label, value) + 2, 0) + after,
    draw: (pdf) => {
      for (const [label, value] of rows) {
        const y = pdf.doc.y;
        const h = rowHeight(pdf, label, value);
        pdf.font('bold', size).doc.fillColor(INK).text(label, pdf.left, y, { width: labelWidth - 6, lineGap: LINE_GAP });
        pdf.font('regular', size).doc.text(value || ' ', pdf.left + labelWidth, y, { width: pdf.width - labelWidth, lineGap: LINE_GAP, structParent: pdf.root, structType: 'P' });
        pdf.doc.y = y + h + 2;
      }
      pdf.doc.x = pdf.left;
      pdf.doc.y += after;
    },
  };
}

/** An empty square with a black outline, `size` points wide, its top-left corner at (x, y). */
export function tickBox(pdf: Pdf, x: number, y: number, size = 9): void {
  pdf.doc.markContent('Artifact', { type: 'Layout' });
  pdf.doc.rect(x, y, size, size).lineWidth(0.9).strokeColor(INK).stroke();
  pdf.doc.endMarkedContent();
}

/**
 * Tick boxes, each followed by its label, laid out left to right and wrapping onto further rows;
 * `columns` fixes how many share a row so boxes line up from one block to the next.
 */
export function tickOptions(labels: readonly string[], options: { columns?: number; size?: number; indent?: number; after?: number } = {}): Block {
  const { size = 9, indent = 0, after = 6 } = options;
  const columns = Math.max(1, options.columns ?? labels.length);
  const box = size + 1;
  const layout = (pdf: Pdf): { cell: number; rows: number[] } => {
    const cell = (pdf.width - indent) / columns;
    const rows: number[] = [];
    for (let i = 0; i < labels.length; i += columns) {
      const heights = labels.slice(i, i + columns).map((l) => textHeight(pdf, l, 'regular', size, cell - box - 10));
      rows.push(Math.max(box, ...heights) + 5);
    }
    return { cell, rows };
  };
  return {
    height: (pdf) => layout(pdf).rows.reduce((a, b) => a + b, 0) + after,
    draw: (pdf) => {
      const { cell, rows } = layout(pdf);
      rows.forEach((rowHeight, r) => {
        const y = pdf.doc.y;
        labels.slice(r * columns, r * columns + columns).forEach((label, c) => {
          const x = pdf.left + indent + c * cell;
          tickBox(pdf, x, y + 0.5, box);
          pdf.font('regular', size).doc.fillColor(INK).text(label, x + box + 5, y + 1, { width: cell - box - 10, lineGap: LINE_GAP, structParent: pdf.root, structType: 'P' });
        });
        pdf.doc.y = y + rowHeight;
      });
      pdf.doc.x = pdf.left;
      pdf.doc.y += after;
    },
  };
}

/** Ruled lines to write on by hand; a long run continues on the next page. */
export function ruledLines(count: number, options: { spacing?: number; indent?: number; after?: number } = {}): Block {
  const { spacing = 20, indent = 0, after = 6 } = options;
  return {
    height: () => Math.min(count, 3) * spacing + after,
    fullHeight: () => count * spacing + after,
    draw: (pdf) => {
      for (let i = 0; i < count; i++) {
        if (pdf.spaceLeft < spacing) pdf.newPage();
        const y = pdf.doc.y + spacing;
        pdf.doc.markContent('Artifact', { type: 'Layout' });
        pdf.doc.moveTo(pdf.left + indent, y).lineTo(pdf.left + pdf.width, y).lineWidth(0.5).strokeColor(GREY).stroke();
        pdf.doc.endMarkedContent();
        pdf.doc.y = y;
      }
      pdf.doc.y += after;
    },
  };
}

export function spacer(points: number): Block {
  return { height: () => points, draw: (pdf) => void (pdf.doc.y += points) };
}

/** Several blocks that must stay on one page together (when they fit on a page at all). */
export function together(blocks: readonly Block[]): Block {
  return {
    height: (pdf) => totalHeight(pdf, blocks),
    draw: (pdf) => {
      for (const block of blocks) block.draw(pdf);
    },
  };
}

function totalHeight(pdf: Pdf, blocks: readonly Block[]): number {
  return blocks.reduce((sum, b) => sum + (b.fullHeight ?? b.height)(pdf), 0);
}

export function keepTogether(pdf: Pdf, blocks: readonly Block[]): void {
  flow(pdf, [together(blocks)]);
}

/** Draws blocks in order, each starting on a new page when it would not fit on this one. */
export function flow(pdf: Pdf, blocks: ReadonlyArray<Block | undefined | false>): void {
  const present = blocks.filter((b): b is Block => Boolean(b));
  // Room to start block i: a heading needs the start of what follows too (and a heading after a heading
  // the start of what follows that), unless that start is itself most of a page.
  const startOf = (i: number): number => {
    const block = present[i];
    if (!block) return 0;
    const own = block.height(pdf);
    if (!block.keepWithNext || i + 1 >= present.length) return own;
    const next = startOf(i + 1);
    return own + (next <= pdf.pageHeight * 0.6 ? next : block.keepWithNext);
  };
  present.forEach((block, i) => {
    pdf.ensureSpace(startOf(i));
    block.draw(pdf);
  });
}

export interface TableColumn {
  header: string;
  /** Points; columns without a width share what is left. */
  width?: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableSpec {
  columns: readonly TableColumn[];
  rows: ReadonlyArray<readonly string[]>;
  size?: number;
  after?: number;
}

/**
 * A table as a block: a short table (under a third of a page) stays in one piece; a longer one needs its
 * header and first row on the page it starts on and continues on the next.
 */
export function table(spec: TableSpec): Block {
  const fullHeight = (pdf: Pdf): number => {
    const widths = columnWidths(pdf, spec.columns);
    const size = spec.size ?? 9;
    const rows = [spec.columns.map((c) => c.header), ...spec.rows];
    return rows.reduce((sum, row, i) => sum + rowHeight(pdf, row, widths, size, i === 0 ? 'bold' : 'regular'), 0) + (spec.after ?? 8);
  };
  return {
    height: (pdf) => {
      const full = fullHeight(pdf);
      if (full <= pdf.pageHeight / 3) return full;
      const widths = columnWidths(pdf, spec.columns);
      const size = spec.size ?? 9;
      return rowHeight(pdf, spec.columns.map((c) => c.header), widths, size, 'bold') + (spec.rows[0] ? rowHeight(pdf, spec.rows[0], widths, size, 'regular') : 0);
    },
    fullHeight,
    draw: (pdf) => drawTable(pdf, spec),
  };
}

const CELL_PADDING = 4;

function columnWidths(pdf: Pdf, columns: readonly TableColumn[]): number[] {
  const fixed = columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
  const flexible = columns.filter((c) => c.width === undefined).length;
  const share = flexible > 0 ? Math.max(40, (pdf.width - fixed) / flexible) : 0;
  return columns.map((c) => c.width ?? share);
}

function rowHeight(pdf: Pdf, cells: readonly string[], widths: readonly number[], size: number, style: FontStyle): number {
  pdf.font(style, size);
  const measured = cells.map((cell, i) => pdf.doc.heightOfString(cell || ' ', { width: (widths[i] ?? 40) - 2 * CELL_PADDING }));
  return Math.max(...measured) + 2 * CELL_PADDING + 1;
}

/**
 * Draws a table row by row with pdfkit's doc.table, repeating the header row at the top of every page
 * the table continues on. Rows never split across pages.
 */
export function drawTable(pdf: Pdf, spec: TableSpec): void {
  const size = spec.size ?? 9;
  const widths = columnWidths(pdf, spec.columns);
  const header = spec.columns.map((c) => c.header);
  const headerHeight = rowHeight(pdf, header, widths, size, 'bold');
  const drawRow = (cells: readonly string[], isHeader: boolean): void => {
    pdf.doc.table({
      position: { x: pdf.left, y: pdf.doc.y },
      columnStyles: widths,
      structParent: pdf.root,
      defaultStyle: { border: 0.6, borderColor: INK, padding: CELL_PADDING, textColor: INK },
      data: [
        cells.map((text, i) => ({
          text: text || ' ',
          type: isHeader ? ('TH' as const) : ('TD' as const),
          font: { src: isHeader ? pdf.fonts.bold : pdf.fonts.regular, size },
          align: { x: spec.columns[i]?.align ?? 'left', y: 'top' as const },
          ...(isHeader ? { backgroundColor: '#e6e6e6' } : {}),
        })),
      ],
    });
    pdf.doc.x = pdf.left;
  };
  pdf.ensureSpace(headerHeight + (spec.rows[0] ? rowHeight(pdf, spec.rows[0], widths, size, 'regular') : 0));
  drawRow(header, true);
  for (const row of spec.rows) {
    const h = rowHeight(pdf, row, widths, size, 'regular');
    if (h > pdf.spaceLeft) {
      pdf.newPage();
      drawRow(header, true);
    }
    drawRow(row, false);
  }
  pdf.doc.y += spec.after ?? 8;
}
