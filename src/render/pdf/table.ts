// Tables drawn row by row with pdfkit's doc.table (fonts passed as file paths, which is fast), repeating
// the header row on every page a table continues on and never splitting a row.
import type { Pdf } from './document.js';
import type { FontStyle } from './fonts.js';
import { INK, type Block } from './block.js';

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
  /** A note under the table (e.g. a key), drawn after it and kept on the page of its last row. */
  caption?: Block;
}

/**
 * A table as a block. A table of more than three rows needs room for its header and first two rows to
 * start on a page and continues on the next under its header repeated, rather than move on whole and
 * leave a large part of a page empty; a short one (three rows, or a fifth of a page) stays in one piece.
 * The choice depends on the table alone, not on where it falls, so a heading kept with the start of a
 * table is never separated from it.
 */
export function table(spec: TableSpec): Block {
  const size = spec.size ?? 9;
  const heights = (pdf: Pdf): { header: number; rows: number[] } => {
    const widths = columnWidths(pdf, spec.columns);
    return {
      header: rowHeight(pdf, spec.columns.map((c) => c.header), widths, size, 'bold'),
      rows: spec.rows.map((row) => rowHeight(pdf, row, widths, size, 'regular')),
    };
  };
  const fullHeight = (pdf: Pdf): number => {
    const { header, rows } = heights(pdf);
    return rows.reduce((sum, h) => sum + h, header) + (spec.after ?? 8) + captionHeight(pdf, spec);
  };
  return {
    height: (pdf) => {
      const full = fullHeight(pdf);
      const { header, rows } = heights(pdf);
      if (rows.length <= 3 || full <= pdf.pageHeight / 5) return full;
      return header + (rows[0] ?? 0) + (rows[1] ?? 0);
    },
    fullHeight,
    draw: (pdf) => drawTable(pdf, spec),
  };
}

function captionHeight(pdf: Pdf, spec: TableSpec): number {
  return spec.caption ? (spec.caption.fullHeight ?? spec.caption.height)(pdf) : 0;
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
  // Room a row needs on its page: the last row takes the caption with it, so a caption never starts a
  // page on its own, and the last two rows go together, so a table never ends with one row on a page.
  const last = spec.rows.length - 1;
  const rowOf = (i: number): number => rowHeight(pdf, spec.rows[i] ?? [], widths, size, 'regular');
  const need = (i: number): number => {
    const end = (spec.after ?? 8) + captionHeight(pdf, spec);
    if (i === last) return rowOf(i) + end;
    return rowOf(i) + (i === last - 1 ? rowOf(last) + end : 0);
  };
  pdf.ensureSpace(headerHeight + (spec.rows.length > 0 ? need(0) : 0));
  drawRow(header, true);
  spec.rows.forEach((row, i) => {
    // The first row always joins the header drawn just above it.
    if (i > 0 && need(i) > pdf.spaceLeft) {
      pdf.newPage();
      drawRow(header, true);
    }
    drawRow(row, false);
  });
  pdf.doc.y += spec.after ?? 8;
  spec.caption?.draw(pdf);
}
