// ./measure.ts reaches into pdfkit for speed: these tests fail if a pdfkit or fontkit upgrade takes away
// what it relies on (so it would silently stop helping) or if a remembered measurement ever differs from
// what pdfkit itself computes.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPdf } from '../../../src/render/pdf/document.js';
import { FONTS, configureFonts, openFace, primaryFace } from '../../../src/render/pdf/fonts.js';
import { knownWidth, readPostHeader } from '../../../src/render/pdf/measure.js';

/** pdfkit as the renderer loads it (its CommonJS build; document.ts says why). */
const PDFDocument = createRequire(import.meta.url)('pdfkit') as typeof import('pdfkit');

/** A CJK font of Debian/Ubuntu's fonts-noto-cjk, for the fallback face. */
const NOTO_CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

afterEach(() => {
  vi.restoreAllMocks();
  configureFonts({ systemFonts: true });
});

describe('measurements made once', () => {
  it('shapes a word once per process, however many documents draw it', async () => {
    const word = `Kalibrierungsstichprobe${Date.now()}`;
    const layout = vi.spyOn(primaryFace('regular').font, 'layout');
    for (let i = 0; i < 3; i++) {
      const pdf = await createPdf({ title: 't', confidentiality: 'c' });
      pdf.font('regular', 10).doc.text(word, pdf.left, pdf.top);
      await pdf.bytes();
    }
    expect(layout.mock.calls.filter(([text]) => text === word)).toHaveLength(1);
  });

  it('measures a height once per document and gives the number pdfkit gives', async () => {
    const text = 'Evidence: the candidate walked through the rollback plan, with numbers, twice. '.repeat(4);
    const height = vi.spyOn(PDFDocument.prototype, 'heightOfString');
    const pdf = await createPdf({ title: 't', confidentiality: 'c' });
    pdf.font('regular', 10);
    const first = pdf.doc.heightOfString(text, { width: 200, lineGap: 1.5 });
    pdf.doc.y += 123.25;
    expect(pdf.doc.heightOfString(text, { width: 200, lineGap: 1.5 })).toBe(first);
    expect(height).toHaveBeenCalledTimes(1);
    // Another width, size or style is another measurement.
    pdf.doc.heightOfString(text, { width: 300, lineGap: 1.5 });
    pdf.font('bold', 10).doc.heightOfString(text, { width: 200, lineGap: 1.5 });
    pdf.font('bold', 11).doc.heightOfString(text, { width: 200, lineGap: 1.5 });
    expect(height).toHaveBeenCalledTimes(4);
    expect(first).toBe(PDFDocument.prototype.heightOfString.call(pdf.font('regular', 10).doc, text, { width: 200, lineGap: 1.5 }));
    // No width: pdfkit wraps at the margin from the current x, so it is measured afresh every time.
    pdf.doc.heightOfString(text);
    pdf.doc.heightOfString(text);
    expect(height).toHaveBeenCalledTimes(7);
  });

  it('remembers the bounds a table cell is measured with, leaving the document where pdfkit leaves it', async () => {
    const bounds = vi.spyOn(PDFDocument.prototype, 'boundsOfString');
    const pdf = await createPdf({ title: 't', confidentiality: 'c' });
    pdf.font('regular', 9);
    const options = { width: 120, height: 500, align: 'left' as const, ellipsis: true, rotation: 0 };
    const first = pdf.doc.boundsOfString('Owns the model registry and its on-call rota', 0, 0, options);
    pdf.doc.x = 70;
    pdf.doc.y = 300;
    const again = pdf.doc.boundsOfString('Owns the model registry and its on-call rota', 0, 0, options);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    expect([pdf.doc.x, pdf.doc.y]).toEqual([0, 0]);
    expect(bounds).toHaveBeenCalledTimes(1);
    // Without a height pdfkit may start a page while measuring: never remembered.
    pdf.doc.boundsOfString('x', 0, 0, { width: 120 });
    pdf.doc.boundsOfString('x', 0, 0, { width: 120 });
    expect(bounds).toHaveBeenCalledTimes(3);
  });

  it("lays out a line into the words, glyphs, positions and width pdfkit's own layout gives", async () => {
    const pdf = await createPdf({ title: 't', confidentiality: 'c' });
    type Layout = (text: string, features?: unknown, onlyWidth?: boolean) => { glyphs: unknown[] | null; positions: unknown[] | null; advanceWidth: number };
    const font = (pdf.doc as unknown as { _font: { primary: { layout: Layout } } })._font.primary;
    const pdfkitLayout = (Object.getPrototypeOf(font) as { layout: Layout }).layout;
    expect(font.layout).not.toBe(pdfkitLayout);
    const lines = ['', ' ', 'one', 'Evidence: rated 4 of 5 ', '\tTabbed\tline  with  doubled spaces', 'Zoë Łukasz · سارة الحربي', `AVATAR Wayfarer ${Date.now()}`];
    for (const text of lines) {
      for (const onlyWidth of [false, true]) expect(font.layout(text, undefined, onlyWidth), JSON.stringify(text)).toEqual(pdfkitLayout.call(font, text, undefined, onlyWidth));
    }
    expect(font.layout('office', ['liga'])).toEqual(pdfkitLayout.call(font, 'office', ['liga']));
  });

  it('gives the width pdfkit gives, at any size, and remembers it per face', async () => {
    const pdf = await createPdf({ title: 't', confidentiality: 'c' });
    const text = `Wavelength AVA Toffee ${Date.now()}`;
    /** pdfkit's own embedded DejaVu Sans behind the style (./fallback.ts). */
    const pdfkitWidth = (size: number): number => (pdf.doc as unknown as { _font: { primary: { widthOfString(t: string, s: number): number } } })._font.primary.widthOfString(text, size);
    for (const size of [7.5, 9, 10, 12.5, 17]) {
      pdf.font('regular', size);
      expect(pdf.doc.widthOfString(text)).toBe(pdfkitWidth(size));
    }
    expect(knownWidth(primaryFace('regular').key, text)).toBe(pdfkitWidth(1000));
  });

  it.skipIf(!existsSync(NOTO_CJK))('subsets a fallback face once for documents that use the same glyphs of it', async () => {
    configureFonts({ fallbackFile: NOTO_CJK, systemFonts: false });
    const face = openFace(NOTO_CJK);
    expect(face).not.toBeNull();
    const subset = vi.spyOn(Object.getPrototypeOf(face!.font.createSubset()) as { encode(): unknown }, 'encode');
    const files: Uint8Array[] = [];
    for (const name of ['Wei Zhang (张伟)', 'Wei Zhang (张伟)', 'Li Na (李娜)']) {
      const pdf = await createPdf({ title: 't', confidentiality: 'c' });
      pdf.font('regular', 10).doc.text(`Candidate: ${name}`, pdf.left, pdf.top);
      files.push(await pdf.bytes());
    }
    // The first two documents share the subset of 张伟; the third has other glyphs and makes its own.
    expect(subset).toHaveBeenCalledTimes(2);
    expect(files.every((f) => f.length > 0)).toBe(true);
  });
});

describe("a face's post table without its glyph names", () => {
  const { create } = createRequire(import.meta.url)('fontkit') as typeof import('fontkit');
  const open = (file: string): import('fontkit').Font => {
    const opened = create(readFileSync(file));
    return 'fonts' in opened ? opened.fonts[0]! : opened;
  };
  const files = [...Object.values(FONTS), ...(existsSync(NOTO_CJK) ? [NOTO_CJK] : [])] as string[];

  it.each(files)('gives what fontkit decodes from the whole table: %s', (file) => {
    const whole = open(file) as unknown as { post: Record<string, unknown>; italicAngle: number; underlinePosition: number };
    const header = open(file) as unknown as typeof whole;
    readPostHeader(header);
    const fields = ['version', 'italicAngle', 'underlinePosition', 'underlineThickness', 'isFixedPitch', 'minMemType42', 'maxMemType42', 'minMemType1', 'maxMemType1'];
    expect(header.post).toEqual(Object.fromEntries(fields.map((f) => [f, whole.post[f]])));
    expect(header.italicAngle).toBe(whole.italicAngle);
    expect(header.underlinePosition).toBe(whole.underlinePosition);
  });

  it('is what the faces hirekit opens have: no glyph names decoded', () => {
    const post = (primaryFace('oblique').font as unknown as { post: Record<string, unknown> }).post;
    expect(post.italicAngle).toBeLessThan(0);
    expect(post).not.toHaveProperty('names');
  });
});
