// Things an interviewer fills in by hand: tick boxes with labels, fields with a writing line, ruled lines.
// Black outlines on white, so they print cleanly in black and white.
import type { Pdf } from './document.js';
import { GREY, INK, LINE_GAP, textHeight, type Block } from './block.js';

/**
 * Fields to fill in by hand, side by side: a label above a writing line, with any value known in advance
 * printed on the line.
 */
export function formFields(fields: ReadonlyArray<readonly [string, string]>, options: { size?: number; after?: number; lineHeight?: number } = {}): Block {
  const { size = 10, after = 8 } = options;
  const gap = 14;
  const labelSize = 7.5;
  /** From below the label to the writing line: room for a handwritten name. */
  const lineHeight = Math.max(size + 4, options.lineHeight ?? size + 10);
  return {
    height: () => labelSize + 4 + lineHeight + after,
    draw: (pdf) => {
      const width = (pdf.width - gap * (fields.length - 1)) / Math.max(1, fields.length);
      const y = pdf.doc.y;
      fields.forEach(([label, value], i) => {
        const x = pdf.left + i * (width + gap);
        pdf.font('bold', labelSize).doc.fillColor(INK).text(label.toUpperCase(), x, y, { width, lineBreak: false, characterSpacing: 0.4 });
        if (value) drawValue(pdf, value, x + 2, y + labelSize + 4, width - 4, lineHeight, size);
        pdf.doc.markContent('Artifact', { type: 'Layout' });
        pdf.doc.moveTo(x, y + labelSize + 4 + lineHeight).lineTo(x + width, y + labelSize + 4 + lineHeight).lineWidth(0.7).strokeColor(INK).stroke();
        pdf.doc.endMarkedContent();
      });
      pdf.doc.x = pdf.left;
      pdf.doc.y = y + labelSize + 4 + lineHeight + after;
    },
  };
}

/**
 * A value printed on a writing line whose baseline is `room` points below `top`: at the field's size
 * when it fits, else smaller (down to 6.5 points), else on two lines; never cut.
 */
function drawValue(pdf: Pdf, value: string, x: number, top: number, width: number, room: number, size: number): void {
  const fitted = pdf.fittedSize(value, width, size, 6.5);
  if (fitted !== undefined) {
    pdf.font('regular', fitted).doc.fillColor(INK).text(value, x, top + room - fitted - 4 + (size - fitted) * 0.2, { lineBreak: false, structParent: pdf.root, structType: 'P' });
    return;
  }
  let small = 6.5;
  while (small > 5 && textHeight(pdf, value, 'regular', small, width) > room + 2) small -= 0.5;
  const height = textHeight(pdf, value, 'regular', small, width);
  pdf.font('regular', small).doc.fillColor(INK).text(value, x, top + room - height - 1, { width, lineGap: LINE_GAP, structParent: pdf.root, structType: 'P' });
}

/** An empty square with a black outline, `size` points wide, its top-left corner at (x, y). */
export function tickBox(pdf: Pdf, x: number, y: number, size = 9): void {
  pdf.doc.markContent('Artifact', { type: 'Layout' });
  pdf.doc.rect(x, y, size, size).lineWidth(0.9).strokeColor(INK).stroke();
  pdf.doc.endMarkedContent();
}

/**
 * Tick boxes, each followed by its label, laid out left to right and wrapping onto further rows;
 * `columns` fixes how many share a row so boxes line up from one block to the next. With `fit`, each
 * column is as wide as its longest label needs and the space left over is shared out, so a row of short
 * labels beside one long one ("insufficient evidence") stays on one line; blocks with the same labels
 * still line up.
 */
export function tickOptions(
  labels: readonly string[],
  options: { columns?: number; size?: number; indent?: number; after?: number; fit?: boolean } = {},
): Block {
  const { size = 9, indent = 0, after = 6, fit = false } = options;
  const most = Math.max(1, options.columns ?? labels.length);
  const box = size + 1;
  const chrome = box + 10;
  // With `fit`, the columns are at most `most`, and fewer when a word would otherwise break inside its cell:
  // a long scale (seven levels and "insufficient evidence") then takes two rows instead of split words.
  const columnsFor = (pdf: Pdf): number => {
    if (!fit) return most;
    pdf.font('regular', size);
    const longestWord = Math.max(0, ...labels.flatMap((l) => l.split(/\s+/)).map((w) => pdf.doc.widthOfString(w)));
    const room = pdf.width - indent;
    let fits = 1;
    for (let c = most; c > 1; c--) {
      if (room / c - chrome >= longestWord) {
        fits = c;
        break;
      }
    }
    // As few rows as that allows, evenly filled: eight options in two rows of four, not seven and one.
    return Math.ceil(labels.length / Math.ceil(labels.length / fits));
  };
  const cellWidths = (pdf: Pdf, columns: number): number[] => {
    const room = pdf.width - indent;
    const equal = Array.from({ length: columns }, () => room / columns);
    if (!fit) return equal;
    pdf.font('regular', size);
    const needed = equal.map((_, c) => chrome + Math.max(0, ...labels.filter((_, i) => i % columns === c).map((l) => pdf.doc.widthOfString(l))));
    const spare = room - needed.reduce((a, b) => a + b, 0);
    return spare < 0 ? equal : needed.map((w) => w + spare / columns);
  };
  const layout = (pdf: Pdf): { columns: number; cells: number[]; rows: number[] } => {
    const columns = columnsFor(pdf);
    const cells = cellWidths(pdf, columns);
    const rows: number[] = [];
    for (let i = 0; i < labels.length; i += columns) {
      const heights = labels.slice(i, i + columns).map((l, c) => textHeight(pdf, l, 'regular', size, (cells[c] ?? 0) - chrome));
      rows.push(Math.max(box, ...heights) + 5);
    }
    return { columns, cells, rows };
  };
  return {
    height: (pdf) => layout(pdf).rows.reduce((a, b) => a + b, 0) + after,
    draw: (pdf) => {
      const { columns, cells, rows } = layout(pdf);
      rows.forEach((rowHeight, r) => {
        const y = pdf.doc.y;
        let x = pdf.left + indent;
        labels.slice(r * columns, r * columns + columns).forEach((label, c) => {
          const cell = cells[c] ?? 0;
          tickBox(pdf, x, y + 0.5, box);
          pdf.font('regular', size).doc.fillColor(INK).text(label, x + box + 5, y + 1, { width: cell - chrome, lineGap: LINE_GAP, structParent: pdf.root, structType: 'P' });
          x += cell;
        });
        pdf.doc.y = y + rowHeight;
      });
      pdf.doc.x = pdf.left;
      pdf.doc.y += after;
    },
  };
}

/**
 * A checklist: a tick box before each item, in `columns` columns read top to bottom and then left to
 * right, balanced so the columns end nearly level. An item never splits; a list that does not fit the
 * rest of the page fills it, balanced the same way, and continues on the next.
 */
export function checklist(items: readonly string[], options: { columns?: number; size?: number; gap?: number; after?: number } = {}): Block {
  const { size = 8.5, gap = 18, after = 6 } = options;
  const columns = Math.max(1, Math.min(options.columns ?? 1, items.length));
  const box = size + 1;
  const spaceBetween = size * 0.3;
  const columnWidth = (pdf: Pdf): number => (pdf.width - gap * (columns - 1)) / columns;
  const heights = (pdf: Pdf): number[] =>
    items.map((item) => Math.max(box, textHeight(pdf, item, 'regular', size, columnWidth(pdf) - box - 5)) + spaceBetween);
  return {
    height: (pdf) => (heights(pdf)[0] ?? 0) + after,
    fullHeight: (pdf) => balance(heights(pdf), columns).height + after,
    draw: (pdf) => {
      const width = columnWidth(pdf);
      const all = heights(pdf);
      let start = 0;
      while (start < all.length) {
        // As many items as fit on this page (at least one, on a fresh page), balanced over the columns.
        let count = all.length - start;
        while (count > 1 && balance(all.slice(start, start + count), columns).height > pdf.spaceLeft) count--;
        if (balance(all.slice(start, start + count), columns).height > pdf.spaceLeft && !pdf.atTopOfPage) {
          pdf.newPage();
          continue;
        }
        const { starts, height } = balance(all.slice(start, start + count), columns);
        const top = pdf.doc.y;
        starts.forEach((first, c) => {
          const end = starts[c + 1] ?? count;
          let y = top;
          for (let i = start + first; i < start + end; i++) {
            const x = pdf.left + c * (width + gap);
            tickBox(pdf, x, y + 0.5, box);
            pdf.font('regular', size).doc.fillColor(INK).text(items[i] ?? '', x + box + 5, y + 0.5, { width: width - box - 5, lineGap: LINE_GAP, structParent: pdf.root, structType: 'LI' });
            y += all[i] ?? 0;
          }
        });
        pdf.doc.y = top + height;
        start += count;
        if (start < all.length) pdf.newPage();
      }
      pdf.doc.x = pdf.left;
      pdf.doc.y += after;
    },
  };
}

/**
 * Splits items (by height, in order) into at most `columns` runs, the tallest run as short as it can be;
 * returns where each run starts and the tallest run's height.
 */
function balance(heights: readonly number[], columns: number): { starts: number[]; height: number } {
  const total = heights.reduce((a, b) => a + b, 0);
  const fits = (limit: number): number[] | undefined => {
    const starts = [0];
    let used = 0;
    for (const [i, h] of heights.entries()) {
      if (used + h > limit && used > 0) {
        if (starts.length === columns) return undefined;
        starts.push(i);
        used = 0;
      }
      used += h;
    }
    return starts;
  };
  // The smallest tallest-run height is one of the sums of consecutive items; try them from the smallest.
  const candidates = new Set<number>();
  for (let i = 0; i < heights.length; i++) {
    let sum = 0;
    for (let j = i; j < heights.length; j++) {
      sum += heights[j] ?? 0;
      if (sum >= total / columns - 0.001) candidates.add(sum);
    }
  }
  for (const limit of [...candidates].sort((a, b) => a - b)) {
    const starts = fits(limit + 0.001);
    if (starts) return { starts, height: limit };
  }
  return { starts: [0], height: total };
}

/**
 * Ruled lines to write on by hand; a long run continues on the next page. A `label` is printed small on
 * the first line, which starts after it, the way a paper form reads "Evidence: ________".
 */
export function ruledLines(count: number, options: { spacing?: number; indent?: number; after?: number; label?: string; labelSize?: number } = {}): Block {
  const { spacing = 20, indent = 0, after = 6, label, labelSize = 7.5 } = options;
  return {
    height: () => Math.min(count, 3) * spacing + after,
    fullHeight: () => count * spacing + after,
    draw: (pdf) => {
      for (let i = 0; i < count; i++) {
        if (pdf.spaceLeft < spacing) pdf.newPage();
        const y = pdf.doc.y + spacing;
        let start = pdf.left + indent;
        if (i === 0 && label) {
          pdf.font('regular', labelSize).doc.fillColor(GREY);
          const fitted = pdf.fit(label, pdf.width - indent - 60);
          // The label sits on the line as handwriting would: its baseline just above the rule.
          pdf.doc.text(fitted, start, y - labelSize * 1.05, { lineBreak: false, structParent: pdf.root, structType: 'P' });
          start += pdf.doc.widthOfString(fitted) + 4;
        }
        pdf.doc.markContent('Artifact', { type: 'Layout' });
        pdf.doc.moveTo(start, y).lineTo(pdf.left + pdf.width, y).lineWidth(0.5).strokeColor(GREY).stroke();
        pdf.doc.endMarkedContent();
        pdf.doc.y = y;
      }
      pdf.doc.x = pdf.left;
      pdf.doc.y += after;
    },
  };
}
