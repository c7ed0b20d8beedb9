// The PDF foundation every hirekit PDF (interview pack, debrief) is drawn on.
//
//   const pdf = await createPdf({ title: 'Head of ML: interview pack', confidentiality: 'Confidential: hiring panel only' });
//   flow(pdf, [heading('Loop overview', 1), paragraph('...')]);   // blocks from ./layout.ts
//   drawTable(pdf, { columns: [...], rows: [...] });                // ./layout.ts
//   const bytes = await pdf.bytes();                               // footers stamped; the command writes them
//
// createPdf   loads pdfkit lazily (so `hirekit --help` never pays for it), embeds DejaVu Sans (regular,
//             bold, oblique) with a per-character fallback for scripts it lacks (./fallback.ts, ./fonts.ts),
//             sets the title metadata shown by viewers (displayTitle), makes a tagged PDF
//             (every text call may pass `structParent: pdf.root`), A4 by default or Letter, and buffers
//             pages so the final pass can write "page x of y" on each of them. Heights and widths
//             are measured once and words shaped once per process (./measure.ts), so blocks may ask
//             for their height as often as layout needs.
// Pdf         the pdfkit document plus page geometry (left, width, bottom, spaceLeft), font(style, size),
//             ensureSpace(height) that moves to a new page instead of writing into the bottom margin,
//             bookmark(title, level) for a nested outline (also recorded in `sections`, for a contents
//             page), footer(text, { restartNumbering }) to change the footer line from the current page
//             on, runningHead(pageIndex, text) for a line above a page's content, fittedSize() for the
//             largest type that fits a line, and finish() which stamps footers and running heads (each
//             shrunk, then wrapped, to fit: never cut).
// Rendering never writes files: pdf.bytes() finishes the document and the command writes the bytes (io/output.ts).
import { FallbackFont, installFallbackFonts } from './fallback.js';
import { memoiseMeasurements } from './measure.js';
import { loadPdfkit } from './pdf-modules.js';
import { FONTS, type FontStyle } from './fonts.js';

export interface PdfOptions {
  title: string;
  subject?: string;
  author?: string;
  /** Printed on every page beside the page number, e.g. "Confidential: hiring panel only". */
  confidentiality: string;
  pageSize?: 'A4' | 'LETTER';
}

import type { Paper } from './paper.js';
export type { Paper } from './paper.js';

/** pdfkit's name for the page size of each paper. */
export const PAGE_SIZE: Record<Paper, NonNullable<PdfOptions['pageSize']>> = { a4: 'A4', letter: 'LETTER' };

/** Outline levels: 1 for a part (a stage), 2 for a section inside it, 3 below that. */
export type OutlineLevel = 1 | 2 | 3;

const MARGIN = { top: 54, bottom: 64, left: 54, right: 54 };
/** Distance from the bottom edge of the page to the footer's first line. */
const FOOTER_FROM_BOTTOM = 40;

export class Pdf {
  readonly fonts = FONTS;
  /** The tagged-PDF structure root; pass it as `structParent` so text is readable by assistive tools. */
  readonly root: PDFKit.PDFStructureElement;
  private readonly outline: Array<{ level: number; item: PDFKit.PDFOutline }> = [];
  private readonly chunks: Uint8Array[] = [];
  private readonly ended: Promise<void>;
  private finished = false;
  /** Footer text by the first page (index) it applies to. */
  private readonly footers: Array<{ from: number; text: string; restart: boolean }> = [];
  /** Where each outline entry points: its title, level, page and named destination (for a contents page). */
  readonly sections: Array<{ title: string; level: OutlineLevel; page: number; destination: string }> = [];
  /** Running heads by page index, e.g. on the second page of a form that ran over. */
  private readonly heads = new Map<number, string>();

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly options: PdfOptions,
  ) {
    this.ended = new Promise((resolve, reject) => {
      doc.on('data', (chunk: Uint8Array) => this.chunks.push(chunk));
      doc.on('end', () => resolve());
      doc.on('error', reject);
    });
    installFallbackFonts(doc);
    memoiseMeasurements(doc, (font) => (font instanceof FallbackFont ? font.style : undefined));
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
    this.font('regular', 10);
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  /** Width between the left and right margins. */
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** The lowest y content may reach; below it is the footer's margin. */
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  get top(): number {
    return this.doc.page.margins.top;
  }

  get spaceLeft(): number {
    return this.bottom - this.doc.y;
  }

  /** Height of a fresh page's content area. */
  get pageHeight(): number {
    return this.bottom - this.top;
  }

  get atTopOfPage(): boolean {
    return this.doc.y <= this.top + 0.5;
  }

  font(style: FontStyle, size: number): this {
    this.doc.font(this.fonts[style]).fontSize(size);
    return this;
  }

  /**
   * Starts a new page unless `height` still fits on this one. A block taller than a whole page starts
   * where it is (it will flow over pages anyway) unless the page is nearly full.
   */
  ensureSpace(height: number): void {
    if (this.movesOn(height)) this.newPage();
  }

  /** Whether ensureSpace(height) would start a new page when `spaceLeft` is left on this one. */
  movesOn(height: number, spaceLeft = this.spaceLeft): boolean {
    if (height <= spaceLeft) return false;
    if (this.atTopOfPage) return false;
    return !(height > this.pageHeight && spaceLeft > this.pageHeight / 3);
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = this.top;
  }

  /** Adds an outline (bookmark) entry pointing at the current page, nested under the last shallower one. */
  bookmark(title: string, level: OutlineLevel): void {
    while (this.outline.length > 0 && (this.outline[this.outline.length - 1]?.level ?? 0) >= level) this.outline.pop();
    const parent = this.outline[this.outline.length - 1]?.item ?? this.doc.outline;
    const item = parent.addItem(title, { expanded: level === 1 });
    this.outline.push({ level, item });
    const destination = `section-${this.sections.length + 1}`;
    this.doc.addNamedDestination(destination, 'XYZ', null, this.doc.y, null);
    this.sections.push({ title, level, page: this.pageIndex, destination });
  }

  /**
   * Uses another footer line from the current page on, e.g. for candidate handouts inside a pack. With
   * `restartNumbering`, pages are counted afresh from here ("page 1 of 2" on a handout bound into a pack).
   */
  footer(text: string, options: { restartNumbering?: boolean } = {}): void {
    this.footers.push({ from: this.pageIndex, text, restart: options.restartNumbering ?? false });
  }

  /** Index of the current page, for runningHead. */
  get pageIndex(): number {
    const { start, count } = this.doc.bufferedPageRange();
    return start + count - 1;
  }

  /** Prints a small line above the content of the given page, e.g. "Scoring sheet: Screen (continued)". */
  runningHead(page: number, text: string): void {
    this.heads.set(page, text);
  }

  private footerFor(page: number): string {
    return this.footers.filter((f) => f.from <= page).pop()?.text ?? this.options.confidentiality;
  }

  /** The printed page number of a page and how many pages its numbering runs to: "page x of y". */
  pageNumber(page: number): { number: number; of: number } {
    const { start, count } = this.doc.bufferedPageRange();
    const starts = [start, ...this.footers.filter((f) => f.restart).map((f) => f.from)].sort((a, b) => a - b);
    const first = starts.filter((s) => s <= page).pop() ?? start;
    const next = starts.find((s) => s > page) ?? start + count;
    return { number: page - first + 1, of: next - first };
  }

  /** Stamps "page x of y" and the confidentiality line on every page. Idempotent. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      const page = this.doc.page;
      // Text below the bottom margin would make pdfkit add a page, so lift the margin while stamping.
      const margin = page.margins.bottom;
      page.margins.bottom = 0;
      const y = page.height - FOOTER_FROM_BOTTOM;
      const width = page.width - page.margins.left - page.margins.right;
      this.doc.markContent('Artifact', { type: 'Pagination' });
      this.doc
        .moveTo(page.margins.left, y - 6)
        .lineTo(page.width - page.margins.right, y - 6)
        .lineWidth(0.5)
        .strokeColor('#000000')
        .stroke();
      const { number, of } = this.pageNumber(i);
      const numbering = `page ${number} of ${of}`;
      this.font('regular', 7.5).doc.fillColor('#000000');
      const numberWidth = this.doc.widthOfString(numbering);
      this.doc.text(numbering, page.margins.left, y, { width, align: 'right', lineBreak: false });
      // The footer and a running head shrink to fit their line, then wrap; never cut.
      this.fittedLine(this.footerFor(i), page.margins.left, y, width - numberWidth - 12, 7.5);
      const head = this.heads.get(i);
      if (head) this.fittedLine(head, page.margins.left, page.margins.top - 24, width, 7.5, 'up');
      this.doc.endMarkedContent();
      page.margins.bottom = margin;
    }
  }

  /**
   * Draws a line of small print at the largest size down to 5.5 points that fits `width`; text that
   * fits no size wraps at 5.5 points (growing down from y, or up so its last line sits at y).
   */
  private fittedLine(text: string, x: number, y: number, width: number, size: number, grow: 'down' | 'up' = 'down'): void {
    const fitted = this.fittedSize(text, width, size, 5.5);
    this.font('regular', fitted ?? 5.5);
    if (fitted !== undefined) {
      this.doc.text(text, x, y, { lineBreak: false });
      return;
    }
    const height = this.doc.heightOfString(text, { width });
    const top = grow === 'up' ? y - height + this.doc.currentLineHeight() : y - 2;
    this.doc.text(text, x, top, { width, lineGap: 0 });
  }

  /** The largest size from `size` down to `min`, in half points, at which the text fits one line; undefined if none. */
  fittedSize(text: string, width: number, size: number, min: number, style: FontStyle = 'regular'): number | undefined {
    for (let s = size; s >= min - 0.001; s -= 0.5) {
      if (this.font(style, s).doc.widthOfString(text) <= width) return s;
    }
    return undefined;
  }

  /** The text, shortened with an ellipsis to fit on one line of the given width in the current font. */
  fit(text: string, width: number): string {
    if (this.doc.widthOfString(text) <= width) return text;
    const chars = Array.from(text);
    let low = 0;
    let high = chars.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.doc.widthOfString(`${chars.slice(0, mid).join('')}…`) <= width) low = mid;
      else high = mid - 1;
    }
    return `${chars.slice(0, low).join('').trimEnd()}…`;
  }

  /** Finishes the document and resolves with the whole file. */
  async bytes(): Promise<Uint8Array> {
    this.finish();
    this.root.end();
    this.doc.end();
    await this.ended;
    return Buffer.concat(this.chunks);
  }
}

export async function createPdf(options: PdfOptions): Promise<Pdf> {
  const PDFDocument = loadPdfkit();
  const doc = new PDFDocument({
    size: options.pageSize ?? 'A4',
    margins: MARGIN,
    bufferPages: true,
    tagged: true,
    lang: 'en',
    displayTitle: true,
    // No default font: installFallbackFonts sets DejaVu Sans with its fallbacks, parsed once per process.
    font: null as unknown as string,
    info: {
      Title: options.title,
      ...(options.subject ? { Subject: options.subject } : {}),
      ...(options.author ? { Author: options.author } : {}),
      Creator: 'hirekit',
    },
  });
  return new Pdf(doc, options);
}
