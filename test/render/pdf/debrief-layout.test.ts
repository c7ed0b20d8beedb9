// Where the debrief PDF puts its text when interviewers run two stages each: heatmap headers stay whole
// and under their caption, legends name who and which stage, quote captions never say the stage twice
// and never print over the evidence they introduce. Positions are read back from the PDF with pdf.js.
import { describe, expect, it } from 'vitest';
import { getDocumentProxy } from 'unpdf';
import { debriefPdfBytes } from '../../../src/render/pdf/debrief.js';
import { createPdf } from '../../../src/render/pdf/document.js';
import { heatmap } from '../../../src/render/pdf/charts.js';
import { flow, paragraph } from '../../../src/render/pdf/layout.js';
import { debriefOf, INTERVIEWERS, STAGES, twoStagesEach } from '../debrief-panel.fixture.js';

interface Placed {
  text: string;
  x: number;
  /** Baseline, in points from the bottom of the page. */
  y: number;
}

async function pagesOf(bytes: Uint8Array): Promise<Placed[][]> {
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const pages: Placed[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(
      content.items.flatMap((item) =>
        'transform' in item && item.str.trim() ? [{ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number }] : [],
      ),
    );
  }
  return pages;
}

const fold = (items: readonly Placed[]): string => items.map((i) => i.text).join(' ').replace(/\s+/g, ' ');

describe('debrief PDF with two scorecards per interviewer', () => {
  it('keeps heatmap labels whole: numbered columns under the caption and a legend of name · stage', async () => {
    const pages = await pagesOf(await debriefPdfBytes(debriefOf(twoStagesEach(8))));
    const scores = pages.find((p) => p.some((i) => i.text === 'Scores'))!;
    const text = fold(scores);
    const sittings = twoStagesEach(8);
    for (const [i, s] of sittings.entries()) expect(text).toContain(`${i + 1} ${INTERVIEWERS[s.who as number]} · ${STAGES[s.stage]}`);
    // The column headers (the keys 1-8) sit between the caption's last line and the first row.
    const caption = scores.find((i) => i.text.includes('a blank cell was not rated'))!;
    const firstRow = scores.find((i) => i.text.startsWith('ML strategy & portfolio'))!;
    // The header ends above the first row's top, a row's label sits 4pt under its top.
    const keys = scores.filter((i) => /^[1-8]$/.test(i.text) && i.y < caption.y && i.y > firstRow.y + 8);
    expect(keys.map((k) => k.text)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    for (const k of keys) expect(caption.y - k.y).toBeGreaterThanOrEqual(9);
  });

  it('captions evidence and notes with the plain name and the stage once', async () => {
    const text = fold((await pagesOf(await debriefPdfBytes(debriefOf(twoStagesEach(8))))).flat());
    for (const stage of STAGES) expect(text).not.toContain(`(${stage})`);
    expect(text).toContain('Mariam Haddad · Hiring manager screen');
    expect(text).toContain('Mariam Haddad · Executive communication session');
    expect(text).toContain('Overall note by Kenji Nakamura-Wójcik after Leadership and talent interview.');
  });

  it('moves the quote down when its caption wraps', async () => {
    const stageName = 'Case A: platform and operating model, incident and drift response, and a written follow-up for the whole panel to read';
    const d = debriefOf([{ who: 2, stage: 0 }, { who: 1, stage: 1 }], { stageName });
    const pages = await pagesOf(await debriefPdfBytes(d));
    const page = pages.find((p) => p.some((i) => i.text.startsWith('“Evidence from Kenji')))!;
    const at = page.findIndex((i) => i.text.startsWith('“Evidence from Kenji'));
    const evidence = page[at]!;
    // Drawn just before the quote: the caption's lines and the rating at the right.
    const caption = page.slice(Math.max(0, at - 4), at).filter((i) => i.y > evidence.y - 1 && i.y - evidence.y < 40);
    expect(fold(caption)).toContain('Kenji Nakamura-Wójcik · Case A: platform and operating model');
    expect(new Set(caption.map((i) => Math.round(i.y))).size).toBeGreaterThanOrEqual(2);
    for (const line of caption) expect(line.y - evidence.y, line.text).toBeGreaterThanOrEqual(9.5);
  });
});

describe('heatmap headers', () => {
  const rows = [{ label: 'Dimension one (25)', cells: [1, 2, 3, 4, 3].map((v) => ({ text: String(v), value: v })) }];

  it('prints names and details whole when they fit, below the text above them', async () => {
    const pdf = await createPdf({ title: 't', confidentiality: 'c' });
    const columns = ['Дмитрий Соколов', 'Mateus Conceição', 'Σοφία Παππά', 'Aoife Ní Bhriain', 'Jörg Åström'].map((label) => ({ label, detail: 'Platform system design' }));
    flow(pdf, [paragraph('Caption above the heatmap.', { size: 8.5 }), heatmap({ rowHeader: 'Dimension (weight)', columns, rows, trailingHeader: 'panel median' })]);
    const [page] = await pagesOf(await pdf.bytes());
    const caption = page!.find((i) => i.text.startsWith('Caption above'))!;
    // Everything under the caption but above the footer (page number and confidentiality line).
    const words = page!.filter((i) => i.y < caption.y && i.y > 100);
    // Every header line is made of whole words of the labels: nothing was broken mid-word.
    const vocabulary = new Set([...columns.flatMap((c) => [c.label, c.detail]), 'Dimension (weight)', 'panel median', 'Dimension one (25)', '1 2 3 4'].flatMap((t) => t.split(' ')));
    for (const w of words) for (const token of w.text.trim().split(/\s+/)) expect(vocabulary, w.text).toContain(token);
    for (const label of ['Conceição', 'Παππά', 'Bhriain', 'Åström']) expect(words.map((w) => w.text).join(' ')).toContain(label);
    for (const w of words) expect(caption.y - w.y, w.text).toBeGreaterThanOrEqual(9);
    expect(fold(page!)).not.toMatch(/\b1 Дмитрий/);
  });

  it('keeps each cell on one line, a composite whole, when fourteen columns narrow the cells', async () => {
    const pdf = await createPdf({ title: 't', confidentiality: 'c' });
    const columns = Array.from({ length: 14 }, (_, i) => `Candidate ${i + 1}`);
    const cells = (text: string, value: number) => columns.map(() => ({ text, value }));
    flow(pdf, [heatmap({ rowHeader: 'Dimension (weight)', columns, rows: [{ label: 'Dimension one (25)', cells: cells('2 ✗ ↔', 2) }, { label: 'Composite (bar 3.00)', bold: true, cells: cells('2.05', 2) }] })]);
    const [page] = await pagesOf(await pdf.bytes());
    const composite = page!.find((i) => i.text.startsWith('Composite'))!;
    const inRow = (label: Placed) => page!.filter((i) => i !== label && Math.abs(i.y - label.y) < 12 && i.x > label.x + 100);
    // pdf.js may join neighbouring cells into one item; what matters is that no cell's text breaks onto a second line.
    expect(inRow(composite).map((i) => i.text).join(' ').match(/2\.05/g)).toHaveLength(14);
    expect(new Set(inRow(composite).map((i) => Math.round(i.y))).size).toBe(1);
    const dimension = page!.find((i) => i.text.startsWith('Dimension one'))!;
    expect(inRow(dimension).map((i) => i.text).join(' ').match(/2 ✗ ↔/g)).toHaveLength(14);
    expect(new Set(inRow(dimension).map((i) => Math.round(i.y))).size).toBe(1);
  });

  it('falls back to keys and a legend when a word would not fit its column', async () => {
    const pdf = await createPdf({ title: 't', confidentiality: 'c' });
    const columns = INTERVIEWERS.concat(INTERVIEWERS.slice(0, 4)).map((label, i) => ({ label, detail: STAGES[i]!, keyDetail: label.slice(0, 2) }));
    flow(pdf, [heatmap({ rowHeader: 'Dimension (weight)', columns, rows, trailingHeader: 'panel median' })]);
    const text = fold((await pagesOf(await pdf.bytes()))[0]!);
    for (const [i, c] of columns.entries()) expect(text).toContain(`${i + 1} ${c.label} · ${c.detail}`);
    expect(text).toMatch(/^Dimension \(weight\) 1 Ma 2 To 3 Ke 4 In 5 Σο 6 Дм 7 Ma 8 To 9 Ke 10 In panel median/);
  });
});
