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
