// Layout blocks for hirekit PDFs. A Block knows how much room it needs before it may start on a page
// and how to draw itself at doc.y; `flow` draws blocks one after another, moving to a new page instead
// of splitting a block or stranding a heading at the bottom of a page, and `together` makes a group of
// blocks one block that moves to the next page as a whole when it would not fit.
//
//   flow(pdf, [heading('Scoring sheet', 1), labelValues([['Candidate', '']]), ruledLines(4)]);
//   flow(pdf, [together([paragraph('Evidence', { style: 'bold' }), tickOptions(['1', '2', '3', '4']), ruledLines(3)])]);
//   drawTable(pdf, { columns: [{ header: 'Stage', width: 120 }, { header: 'Dimensions' }], rows: [['Screen', 'SQL']] });
//
// Everything is black on white (greys only for secondary text), so it prints cleanly in black and white.
import type { OutlineLevel, Pdf } from './document.js';
import { INK, LINE_GAP, textHeight, type Block, type TextStyle } from './block.js';

// One import for renderers: every block, from whichever module draws it.
export { GREY, INK, textHeight, type Block, type TextStyle } from './block.js';
export { formFields, ruledLines, tickBox, tickOptions } from './form.js';
export { drawTable, table, type TableColumn, type TableSpec } from './table.js';

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
    // Room to start: the first two items (or the first's first three lines), so a heading above never
    // stands over a single line at the foot of a page.
    height: (pdf) => {
      const hang = hangOf(pdf);
      const first = list[0] === undefined ? 0 : textHeight(pdf, list[0].text, style, size, pdf.width - indent - (list[0].indent ?? 0) - hang);
      const second = list[1] === undefined ? 0 : textHeight(pdf, list[1].text, style, size, pdf.width - indent - (list[1].indent ?? 0) - hang) + 1.5;
      return Math.min(first + second, Math.max(first, (size + LINE_GAP) * 3)) + after;
    },
    fullHeight: (pdf) => {
      const hang = hangOf(pdf);
      return list.reduce((sum, item) => sum + textHeight(pdf, item.text, style, size, pdf.width - indent - (item.indent ?? 0) - hang) + 1.5, 0) + after - 1.5;
    },
    draw: (pdf) => {
      const hang = hangOf(pdf);
      list.forEach((item, i) => {
        const left = pdf.left + indent + (item.indent ?? 0);
        const width = pdf.width - indent - (item.indent ?? 0) - hang;
        // An item that introduces nested items does not end a page without the first of them.
        const child = list[i + 1] && (list[i + 1]?.indent ?? 0) > (item.indent ?? 0) ? size + LINE_GAP + 1.5 : 0;
        pdf.ensureSpace(Math.min(textHeight(pdf, item.text, style, size, width), (size + LINE_GAP) * 3) + child);
        const y = pdf.doc.y;
        pdf.font(style, size).doc.fillColor(colour);
        // The marker is decoration: an artifact, which also ends the content of the tag before it.
        pdf.doc.markContent('Artifact', { type: 'Layout' });
        pdf.doc.text(item.marker, left, y, { width: hang, lineBreak: false });
        pdf.doc.endMarkedContent();
        pdf.doc.text(item.text, left + hang, y, { width, lineGap: LINE_GAP, structParent: pdf.root, structType: 'LI' });
        pdf.doc.y += 1.5;
      });
      pdf.doc.x = pdf.left;
      pdf.doc.y += after - 1.5;
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

/**
 * A short block kept whole and never at the end of a page: it starts only where the start of the next
 * block fits too, e.g. the one-line summary under a heading.
 */
export function keptWithNext(block: Block): Block {
  return { ...block, height: block.fullHeight ?? block.height, keepWithNext: 40 };
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
    if (block.keepWithNext && !pdf.atTopOfPage) {
      // A heading (with any headings straight after it) whose next block would move to the next page
      // anyway goes there with it, rather than end this page.
      let j = i;
      let kept = 0;
      while (present[j]?.keepWithNext) kept += present[j++]!.height(pdf);
      const next = present[j];
      if (next && pdf.movesOn(next.height(pdf), pdf.spaceLeft - kept)) pdf.newPage();
    }
    block.draw(pdf);
  });
}
