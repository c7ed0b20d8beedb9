// A contents page drawn last, on a page kept free for it at the front, when every section's page is
// known: each entry links to its section, with the page number printed in that section's own numbering.
import type { OutlineLevel, Pdf } from './document.js';
import { GREY, INK } from './block.js';

export interface ContentsEntry {
  title: string;
  level: OutlineLevel;
  /** Page index in the document. */
  page: number;
  destination: string;
}

/**
 * Draws the contents on page `at` (an empty page kept for it): a title, a grey line under it, then one
 * line per entry with dotted leaders to the page number, indented by level. The type shrinks (down to
 * 7 points) until every entry fits the page. Entries in a part numbered on its own (a candidate handout)
 * print "p. 1 of its own" style labels: the number their own pages carry.
 */
export function drawContents(pdf: Pdf, at: number, title: string, subtitle: string, entries: readonly ContentsEntry[]): void {
  const doc = pdf.doc;
  doc.switchToPage(at);
  const top = pdf.top;
  pdf.font('bold', 17).doc.fillColor(INK);
  doc.text(title, pdf.left, top, { width: pdf.width, structParent: pdf.root, structType: 'H1' });
  doc.moveTo(pdf.left, doc.y + 1).lineTo(pdf.left + pdf.width, doc.y + 1).lineWidth(1).strokeColor(INK).stroke();
  doc.y += 8;
  pdf.font('regular', 9).doc.fillColor(GREY);
  doc.text(subtitle, pdf.left, doc.y, { width: pdf.width, structParent: pdf.root, structType: 'P' });
  doc.y += 10;
  const start = doc.y;
  const mainPart = pdf.pageNumber(0).of;
  const label = (entry: ContentsEntry): string => {
    const { number, of } = pdf.pageNumber(entry.page);
    return entry.page < mainPart ? String(number) : of === 1 ? 'own page' : `own pages 1–${of}`;
  };
  const indentOf = (entry: ContentsEntry): number => (entry.level - 1) * 16;
  const heightAt = (size: number): number =>
    entries.reduce((sum, e) => sum + pdf.font(e.level === 1 ? 'bold' : 'regular', size).doc.heightOfString(e.title, { width: pdf.width - indentOf(e) - 90 }) + size * 0.6, 0);
  let size = 11;
  while (size > 7 && heightAt(size) > pdf.bottom - start) size -= 0.5;
  let y = start;
  for (const entry of entries) {
    const style = entry.level === 1 ? 'bold' : 'regular';
    const x = pdf.left + indentOf(entry);
    const number = label(entry);
    pdf.font(style, size).doc.fillColor(INK);
    const numberWidth = doc.widthOfString(number);
    const textWidth = pdf.width - indentOf(entry) - 90;
    doc.text(entry.title, x, y, { width: textWidth, goTo: entry.destination, structParent: pdf.root, structType: 'TOCI' });
    const lastLineY = doc.y - doc.currentLineHeight(true);
    const titleEnd = x + Math.min(textWidth, doc.widthOfString(entry.title.split('\n').pop() ?? ''));
    const after = doc.y;
    // Dotted leaders from the title's end to the number, on the title's last line.
    doc.markContent('Artifact', { type: 'Layout' });
    const leaderY = lastLineY + size * 0.85;
    const leaderEnd = pdf.left + pdf.width - numberWidth - 4;
    if (leaderEnd > titleEnd + 8) doc.moveTo(titleEnd + 4, leaderY).lineTo(leaderEnd, leaderY).lineWidth(0.6).dash(0.6, { space: 2.4 }).strokeColor(GREY).stroke().undash();
    doc.endMarkedContent();
    pdf.font(style, size).doc.fillColor(INK);
    doc.text(number, pdf.left + pdf.width - numberWidth - 1, lastLineY, { lineBreak: false, goTo: entry.destination });
    y = after + size * 0.6;
  }
  doc.x = pdf.left;
}
