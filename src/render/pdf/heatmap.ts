// The heatmap, as a layout Block: rows by columns, each cell a grey shade with its number printed in it,
// so it survives black-and-white printing. Column headers are the columns' labels when they fit, or
// short keys with a legend beneath when they do not (eight scorecards of "Name · Stage" on A4, say).
// Plain data in, no Debrief: the renderers decide what goes in the rows and columns.
import type { Pdf } from './document.js';
import { GREY, INK, type Block } from './layout.js';
import { inkOnShade, shadeFor } from '../shade.js';

/** A heat cell: the text printed in it and the value that sets its shade (1 to the scale's top; null leaves it white). */
export interface HeatCell {
  text: string;
  value: number | null;
  /** Drawn with a dashed outline: "insufficient evidence", or a mark the renderer wants noticed. */
  dashed?: boolean;
}

/**
 * A heatmap column. Its header is the label (and the detail beneath, in grey) when every word of them
 * fits the column; otherwise, for every column alike, a short key (and the key detail beneath) with a
 * legend under the table that maps each key to its label and detail. Words are never broken.
 */
export interface HeatColumn {
  /** What the column is, e.g. an interviewer's name. */
  label: string;
  /** A second line, e.g. the stage; after the label in the legend. */
  detail?: string;
  /** Header when the labels do not fit; default the column number. */
  key?: string;
  /** A second, grey line under the key, e.g. the interviewer's initials. */
  keyDetail?: string;
}

export interface HeatmapSpec {
  rowHeader: string;
  columns: ReadonlyArray<string | HeatColumn>;
  rows: ReadonlyArray<{ label: string; cells: readonly HeatCell[]; trailing?: string; bold?: boolean }>;
  /** Header of an extra text column at the right, e.g. "panel score". */
  trailingHeader?: string;
  size?: number;
  /** The top level of the scale, which gets the darkest shade; default 4. */
  levels?: number;
}

/** Width of the row labels' column, shared with the spread chart so the two line up. */
export const LABEL_WIDTH = 150;
const TRAILING_WIDTH = 52;
const MIN_ROW = 18;
/** Column headers taller than this (about six lines) give way to keys and a legend. */
const MAX_HEADER = 60;
const LEGEND_GAP = 16;
/** Smallest size a cell's text is set in to keep it on one line. */
const MIN_CELL_SIZE = 5.5;

export { shadeFor };

function textOnShade(value: number, top: number): string {
  return inkOnShade(value, top, INK);
}

export function labelHeight(pdf: Pdf, text: string, size: number, width: number, bold = false): number {
  pdf.font(bold ? 'bold' : 'regular', size);
  return pdf.doc.heightOfString(text, { width, lineGap: 1 });
}

/** Every word of the text fits on a line of this width in this font, so wrapping never splits one. */
function wordsFit(pdf: Pdf, text: string, size: number, width: number, bold: boolean): boolean {
  pdf.font(bold ? 'bold' : 'regular', size);
  // Split at spaces only: a no-break space keeps a mark with its word, so they are measured as one.
  return text.split(/[ \t\n]+/).every((word) => pdf.doc.widthOfString(word) <= width);
}

/** Header lines of one column, top to bottom, as they will be drawn. */
interface HeaderLine {
  text: string;
  bold: boolean;
  size: number;
}

function headerLines(column: HeatColumn, index: number, keyed: boolean, size: number): HeaderLine[] {
  if (!keyed) {
    return [{ text: column.label, bold: true, size: size - 1 }, ...(column.detail ? [{ text: column.detail, bold: false, size: size - 1.5 }] : [])];
  }
  return [{ text: column.key ?? String(index + 1), bold: true, size }, ...(column.keyDetail ? [{ text: column.keyDetail, bold: false, size: size - 1.5 }] : [])];
}

function linesHeight(pdf: Pdf, lines: readonly HeaderLine[], width: number): number {
  return lines.reduce((h, l) => h + labelHeight(pdf, l.text, l.size, width, l.bold), 0);
}

export function heatmap(spec: HeatmapSpec): Block {
  const size = spec.size ?? 8.5;
  const columns: HeatColumn[] = spec.columns.map((c) => (typeof c === 'string' ? { label: c } : c));
  const legendText = (c: HeatColumn): string => (c.detail ? `${c.label} · ${c.detail}` : c.label);
  const geometry = (pdf: Pdf) => {
    const trailing = spec.trailingHeader !== undefined ? TRAILING_WIDTH : 0;
    const cellWidth = Math.min(70, (pdf.width - LABEL_WIDTH - trailing) / Math.max(1, columns.length));
    const inner = cellWidth - 4;
    const fits = (keyed: boolean): boolean =>
      columns.every((c, i) => headerLines(c, i, keyed, size).every((l) => wordsFit(pdf, l.text, l.size, inner, l.bold)));
    const tallest = (keyed: boolean): number => Math.max(0, ...columns.map((c, i) => linesHeight(pdf, headerLines(c, i, keyed, size), inner)));
    const keyed = !fits(false) || tallest(false) > MAX_HEADER;
    const trailingHeight = spec.trailingHeader === undefined ? 0 : labelHeight(pdf, spec.trailingHeader, size - 1, TRAILING_WIDTH - 4, true);
    const rowHeaderHeight = labelHeight(pdf, spec.rowHeader, size - 1, LABEL_WIDTH - 8, true);
    const headerHeight = Math.max(tallest(keyed), trailingHeight, rowHeaderHeight) + 8;
    const rowHeights = spec.rows.map((r) => Math.max(MIN_ROW, labelHeight(pdf, r.label, size, LABEL_WIDTH - 8, r.bold) + 7));
    const legend = keyed ? legendGeometry(pdf, columns.map((c, i) => ({ key: c.key ?? String(i + 1), text: legendText(c) })), size - 1) : undefined;
    const table = headerHeight + rowHeights.reduce((a, b) => a + b, 0) + 8;
    return { cellWidth, inner, keyed, trailing, headerHeight, rowHeights, legend, total: table + (legend ? legend.height + 6 : 0) };
  };
  return {
    height: (pdf) => geometry(pdf).total,
    draw: (pdf) => {
      const { cellWidth, inner, keyed, trailing, headerHeight, rowHeights, legend } = geometry(pdf);
      const doc = pdf.doc;
      const x0 = pdf.left;
      let y = doc.y;
      const bottomAligned = (text: string, x: number, width: number, align: 'left' | 'center'): void => {
        const h = labelHeight(pdf, text, size - 1, width, true);
        doc.fillColor(GREY).text(text, x, y + headerHeight - h - 4, { width, align, lineGap: 1, structParent: pdf.root, structType: 'P' });
      };
      bottomAligned(spec.rowHeader, x0, LABEL_WIDTH - 8, 'left');
      columns.forEach((c, i) => {
        // Each column's lines sit on the header's bottom edge, measured in the font each is drawn in.
        const lines = headerLines(c, i, keyed, size);
        let ly = y + headerHeight - 4 - linesHeight(pdf, lines, inner);
        for (const line of lines) {
          const h = labelHeight(pdf, line.text, line.size, inner, line.bold);
          doc.fillColor(line.bold ? INK : GREY).text(line.text, x0 + LABEL_WIDTH + i * cellWidth + 2, ly, { width: inner, align: 'center', lineGap: 1, structParent: pdf.root, structType: 'P' });
          ly += h;
        }
      });
      if (spec.trailingHeader !== undefined) bottomAligned(spec.trailingHeader, x0 + LABEL_WIDTH + columns.length * cellWidth + 2, TRAILING_WIDTH - 4, 'center');
      y += headerHeight;
      const right = x0 + LABEL_WIDTH + columns.length * cellWidth + trailing;
      spec.rows.forEach((row, r) => {
        const h = rowHeights[r]!;
        doc.markContent('Artifact', { type: 'Layout' });
        doc.moveTo(x0, y).lineTo(right, y).lineWidth(0.4).strokeColor('#bbbbbb').stroke();
        doc.endMarkedContent();
        pdf.font(row.bold ? 'bold' : 'regular', size);
        doc.fillColor(INK).text(row.label, x0, y + 4, { width: LABEL_WIDTH - 8, lineGap: 1, structParent: pdf.root, structType: 'P' });
        row.cells.forEach((cell, i) => {
          const cx = x0 + LABEL_WIDTH + i * cellWidth;
          drawCell(pdf, cell, cx + 1.5, y + 1.5, cellWidth - 3, h - 3, size, spec.levels ?? 4);
        });
        if (row.trailing !== undefined) {
          pdf.font('bold', size + 0.5);
          doc.fillColor(INK).text(row.trailing, x0 + LABEL_WIDTH + columns.length * cellWidth, y + h / 2 - (size + 0.5) / 2 - 1, { width: trailing, align: 'center', lineBreak: false });
        }
        y += h;
      });
      doc.markContent('Artifact', { type: 'Layout' });
      doc.moveTo(x0, y).lineTo(right, y).lineWidth(0.4).strokeColor('#bbbbbb').stroke();
      doc.endMarkedContent();
      y += 8;
      if (legend) {
        drawLegend(pdf, legend, y, size - 1);
        y += legend.height + 6;
      }
      doc.x = pdf.left;
      doc.y = y;
    },
  };
}

interface LegendGeometry {
  entries: ReadonlyArray<{ key: string; text: string }>;
  keyWidth: number;
  columnWidth: number;
  /** Entries per legend column; the legend reads down, then across. */
  perColumn: number;
  rowHeights: number[];
  height: number;
}

/** The key → label list under a keyed heatmap, reading down (then across, when in two columns). */
function legendGeometry(pdf: Pdf, entries: ReadonlyArray<{ key: string; text: string }>, size: number): LegendGeometry {
  pdf.font('bold', size);
  const keyWidth = Math.max(8, ...entries.map((e) => pdf.doc.widthOfString(e.key))) + 6;
  // Two columns only when every entry then fits on one line: uneven rows read worse than a longer list.
  const half = (pdf.width - LEGEND_GAP) / 2;
  pdf.font('regular', size);
  const twoColumns = entries.length > 3 && entries.every((e) => pdf.doc.widthOfString(e.text) <= half - keyWidth);
  const columnWidth = twoColumns ? half : pdf.width;
  const perColumn = twoColumns ? Math.ceil(entries.length / 2) : entries.length;
  const entry = (i: number): number => {
    const e = entries[i];
    return e ? labelHeight(pdf, e.text, size, columnWidth - keyWidth) : 0;
  };
  const rowHeights = Array.from({ length: perColumn }, (_, r) => Math.max(entry(r), twoColumns ? entry(r + perColumn) : 0) + 2);
  return { entries, keyWidth, columnWidth, perColumn, rowHeights, height: rowHeights.reduce((a, b) => a + b, 0) };
}

function drawLegend(pdf: Pdf, g: LegendGeometry, top: number, size: number): void {
  const doc = pdf.doc;
  g.entries.forEach((e, i) => {
    const column = Math.floor(i / g.perColumn);
    const row = i % g.perColumn;
    const x = pdf.left + column * (g.columnWidth + LEGEND_GAP);
    const y = top + g.rowHeights.slice(0, row).reduce((a, b) => a + b, 0);
    pdf.font('bold', size);
    doc.fillColor(INK).text(e.key, x, y, { width: g.keyWidth, lineBreak: false, structParent: pdf.root, structType: 'P' });
    pdf.font('regular', size);
    doc.text(e.text, x + g.keyWidth, y, { width: g.columnWidth - g.keyWidth, lineGap: 1, structParent: pdf.root, structType: 'P' });
  });
}

function drawCell(pdf: Pdf, cell: HeatCell, x: number, y: number, w: number, h: number, size: number, top: number): void {
  const doc = pdf.doc;
  doc.markContent('Artifact', { type: 'Layout' });
  if (cell.value !== null) {
    doc.rect(x, y, w, h).fillColor(shadeFor(cell.value, top)).fill();
  }
  if (cell.dashed) {
    doc.rect(x + 0.5, y + 0.5, w - 1, h - 1).lineWidth(0.7).dash(2, { space: 1.5 }).strokeColor(GREY).stroke().undash();
  }
  doc.endMarkedContent();
  if (!cell.text) return;
  // pdfkit wraps text wider than its box even with lineBreak: false, breaking "2.05" into "2.0" over "5" when
  // many columns narrow the cells: the text is set smaller instead, down to what still reads in print.
  pdf.font('bold', size + 0.5);
  const room = w - 2;
  const natural = doc.widthOfString(cell.text);
  const fitted = natural <= room ? size + 0.5 : Math.max(MIN_CELL_SIZE, Math.floor(((size + 0.5) * room) / natural * 10) / 10);
  if (fitted !== size + 0.5) pdf.font('bold', fitted);
  doc.fillColor(cell.value === null ? GREY : textOnShade(cell.value, top));
  doc.text(cell.text, x, y + h / 2 - fitted / 2 - 1, { width: w, align: 'center', lineBreak: false, structParent: pdf.root, structType: 'P' });
}
