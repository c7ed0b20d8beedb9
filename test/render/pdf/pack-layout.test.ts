// How the interview pack PDF uses its pages, for every bundled rubric: each scoring sheet is one sheet of
// paper with the overall recommendation beside the ratings, a sheet too long for one page splits cleanly,
// and interviewer guides do not leave big holes by moving whole blocks to the next page. Text and its
// positions are read back from the PDF with pdf.js.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDocumentProxy } from 'unpdf';
import { buildPack, type Pack } from '../../../src/core/pack.js';
import { loadRubricFile } from '../../../src/io/rubrics.js';
import { createPdf, type Paper, type Pdf } from '../../../src/render/pdf/document.js';
import { flow, heading, paragraph, table } from '../../../src/render/pdf/layout.js';
import { renderPackPdf } from '../../../src/render/pdf/pack.js';
import { ROOT } from '../../helpers/cli.js';

const BUNDLED = path.join(ROOT, 'rubrics');
const bundled = readdirSync(BUNDLED).filter((f) => /\.ya?ml$/.test(f));

/** The margins of every hirekit PDF: content runs from 54 pt below the top to 64 pt above the bottom. */
const CONTENT_TOP = 54;
const CONTENT_BOTTOM_MARGIN = 64;

interface Page {
  text: string;
  /** How far down the content area the lowest line of text reaches, 0 (top) to 1 (bottom). */
  filled: number;
}

async function pagesOf(pack: Pack, paper: Paper = 'a4'): Promise<Page[]> {
  const pdf = await renderPackPdf(pack, { handouts: false, paper });
  const doc = await getDocumentProxy(new Uint8Array(await pdf.bytes()));
  const pages: Page[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const height = page.getViewport({ scale: 1 }).height;
    const contentBottom = height - CONTENT_BOTTOM_MARGIN;
    const content = await page.getTextContent();
    const items = content.items.flatMap((item) => ('transform' in item && item.str.trim() ? [{ text: item.str, y: item.transform[5] as number }] : []));
    // Baselines in points from the bottom; the footer sits below the content area and is left out.
    const lowest = Math.min(...items.filter((i) => i.y > height - contentBottom).map((i) => i.y));
    pages.push({
      text: items.map((i) => i.text).join(' ').replace(/\s+/g, ' '),
      filled: (height - lowest - CONTENT_TOP) / (contentBottom - CONTENT_TOP),
    });
  }
  return pages;
}

async function packOf(file: string): Promise<Pack> {
  const report = await loadRubricFile(path.join(BUNDLED, file), 'bundled');
  if (!report.loaded) throw new Error(`${file} does not load`);
  return buildPack(report.loaded.rubric, { stages: [], now: new Date('2026-03-02T10:00:00Z') });
}

const sheetStart = (page: Page): boolean => page.text.includes('Scoring sheet:') && !page.text.includes('(continued)');
const guideStart = (page: Page): boolean => page.text.includes('Interviewer guide ·');

describe('interview pack PDF page layout for every bundled rubric', () => {
  it('finds the bundled rubrics', () => {
    expect(bundled.length).toBeGreaterThan(0);
  });

  for (const file of bundled) {
    const name = file.replace(/\.ya?ml$/, '');

    it(`${name}: every scoring sheet of a short stage is one page holding its ratings, flags and the overall recommendation; a long stage's splits cleanly`, async () => {
      const pack = await packOf(file);
      const pages = await pagesOf(pack);
      for (const stage of pack.stages) {
        const first = pages.findIndex((p) => p.text.includes(`Scoring sheet: ${stage.name} Stage ${stage.number}`));
        expect(first, stage.name).toBeGreaterThan(0);
        const page = pages[first]!;
        if (stage.sheet.evidenceLines > 4 && pages[first + 1]?.text.includes(`Scoring sheet: ${stage.name} (continued)`)) {
          // Two pages: every dimension on one of them, the flags and the overall call together on the second.
          const both = `${page.text} ${pages[first + 1]!.text}`;
          for (const dimension of stage.sheet.dimensions) expect(both, stage.name).toContain(dimension.name);
          if (stage.sheet.flags.length > 0) expect(pages[first + 1]!.text, stage.name).toContain('Flags observed');
          expect(pages[first + 1]!.text, stage.name).toContain('Overall recommendation');
          expect(pages[first + 2]?.text ?? '', stage.name).not.toContain(`Scoring sheet: ${stage.name} (continued)`);
          continue;
        }
        for (const dimension of stage.sheet.dimensions) expect(page.text, stage.name).toContain(dimension.name);
        if (stage.sheet.flags.length > 0) expect(page.text, stage.name).toContain('Flags observed');
        expect(page.text, stage.name).toContain('Overall recommendation');
        expect(pages[first + 1]?.text ?? '', stage.name).not.toContain(`Scoring sheet: ${stage.name} (continued)`);
      }
    });

    it(`${name}: no page inside an interviewer guide is left more than 40% empty`, async () => {
      const pages = await pagesOf(await packOf(file));
      const holes: string[] = [];
      let inGuide = false;
      pages.forEach((page, i) => {
        if (guideStart(page)) inGuide = true;
        if (sheetStart(page)) inGuide = false;
        const next = pages[i + 1];
        // The last page of a guide ends where the guide ends; the sheet starts a page of its own.
        if (inGuide && next && !sheetStart(next) && !guideStart(next) && page.filled < 0.6) {
          holes.push(`page ${i + 1} filled to ${Math.round(page.filled * 100)}%`);
        }
      });
      expect(holes).toEqual([]);
    });
  }
});

describe('scoring sheets on US Letter, 50 pt shorter than A4', () => {
  for (const file of bundled) {
    const name = file.replace(/\.ya?ml$/, '');
    it(`${name}: each sheet is one page, or its ratings on one page and the flags with the overall recommendation on the next`, async () => {
      const pack = await packOf(file);
      const pages = await pagesOf(pack, 'letter');
      for (const stage of pack.stages) {
        const first = pages.findIndex((p) => p.text.includes(`Scoring sheet: ${stage.name} Stage ${stage.number}`));
        expect(first, stage.name).toBeGreaterThan(0);
        const next = pages[first + 1]?.text ?? '';
        // A long stage's dimensions may run onto the second page; a short stage's ratings fill the first.
        const ratings = stage.sheet.evidenceLines > 4 ? `${pages[first]!.text} ${next}` : pages[first]!.text;
        for (const dimension of stage.sheet.dimensions) expect(ratings, stage.name).toContain(dimension.name);
        const closing = next.includes(`Scoring sheet: ${stage.name} (continued)`) ? next : pages[first]!.text;
        if (stage.sheet.flags.length > 0) expect(closing, stage.name).toContain('Flags observed');
        expect(closing, stage.name).toContain('Overall recommendation');
        expect(pages[first + 2]?.text ?? '', stage.name).not.toContain(`Scoring sheet: ${stage.name} (continued)`);
      }
    });
  }
});

describe('a scoring sheet too long for one page', () => {
  it('keeps the flags and the overall recommendation together on its second page, under a running head', async () => {
    const pack = await packOf(bundled[0]!);
    const stage = pack.stages[0]!;
    // Eight dimensions and every flag twice over: more than any rubric asks of one stage.
    const dimensions = Array.from({ length: 8 }, (_, i) => ({ ...stage.sheet.dimensions[0]!, id: `d${i}`, name: `Dimension ${i + 1}` }));
    const flags = [...stage.sheet.flags, ...stage.sheet.flags];
    const long: Pack = { ...pack, stages: [{ ...stage, sheet: { ...stage.sheet, dimensions, flags } }] };
    const pages = await pagesOf(long);
    const first = pages.findIndex((p) => p.text.includes(`Scoring sheet: ${stage.name} Stage`));
    const recommendation = pages.findIndex((p) => p.text.includes('Overall recommendation'));
    expect(recommendation).toBeGreaterThan(first);
    const closing = pages[recommendation]!.text;
    expect(closing).toContain(`Scoring sheet: ${stage.name} (continued)`);
    // The recommendation never stands alone: the flags checklist starts on its page.
    expect(closing).toContain('Flags observed');
    expect(closing.indexOf('Flags observed')).toBeLessThan(closing.indexOf('Overall recommendation'));
    for (const dimension of dimensions) expect(pages.slice(first, recommendation + 1).map((p) => p.text).join(' ')).toContain(dimension.name);
  });
});

describe('a long table in a flow', () => {
  async function textPages(draw: (pdf: Pdf) => void): Promise<string[]> {
    const pdf = await createPdf({ title: 'tables', confidentiality: 'test' });
    draw(pdf);
    const doc = await getDocumentProxy(new Uint8Array(await pdf.bytes()));
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' ').replace(/\s+/g, ' '));
    }
    return pages;
  }
  const anchors = table({
    columns: [{ header: 'Level', width: 105 }, { header: 'What an answer at this level sounds like' }],
    rows: ['one', 'two', 'three', 'four'].map((level) => [level, `${'An anchor that takes several lines to read in full. '.repeat(4)}(${level})`]),
  });
  /** Start 72% down the page: room for the heading and two rows, not for the whole table. */
  const filler = (pdf: Pdf): void => {
    pdf.doc.y = pdf.top + pdf.pageHeight * 0.72;
  };

  it('starts under its heading on a page with room for its first rows, and repeats its header on the next page', async () => {
    const pages = await textPages((pdf) => {
      filler(pdf);
      flow(pdf, [heading('Anchors', 3), anchors]);
    });
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Anchors');
    expect(pages[0]).toContain('(one)');
    for (const page of pages) expect(page).toContain('What an answer at this level sounds like');
    expect(pages[1]).toContain('(four)');
  });

  it('keeps its caption with its last row and never ends with a single row on a page', async () => {
    const pages = await textPages((pdf) => {
      filler(pdf);
      flow(pdf, [table({ columns: [{ header: 'Rows' }], rows: Array.from({ length: 40 }, (_, i) => [`row ${i + 1}`]), caption: paragraph('The caption under the table.') })]);
    });
    const last = pages[pages.length - 1]!;
    expect(last).toContain('The caption under the table.');
    expect(last).toContain('row 39');
    expect(last).toContain('row 40');
  });
});
