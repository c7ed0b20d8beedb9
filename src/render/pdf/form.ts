// Things an interviewer fills in by hand: tick boxes with labels, fields with a writing line, ruled lines.
// Black outlines on white, so they print cleanly in black and white.
import type { Pdf } from './document.js';
import { GREY, INK, LINE_GAP, textHeight, type Block } from './block.js';

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
