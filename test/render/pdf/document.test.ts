import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { writeFileAtomic } from '../../../src/io/atomic.js';
import { createPdf, type Pdf } from '../../../src/render/pdf/document.js';
import { bullets, drawTable, flow, heading, labelValues, paragraph, ruledLines, tickOptions } from '../../../src/render/pdf/layout.js';
import { tempDir } from '../../helpers/cli.js';
import { readPdf } from '../../helpers/pdf.js';

/** What a command does with a finished PDF: its bytes, written atomically. */
const savePdf = async (pdf: Pdf, file: string): Promise<void> => writeFileAtomic(file, await pdf.bytes());

describe('createPdf and pdf.bytes()', () => {
  it('embeds DejaVu Sans, sets the title and stamps page x of y with the confidentiality line', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const pdf = await createPdf({ title: 'Panel for Zoë Łukasz', confidentiality: 'Confidential: hiring panel only' });
      flow(pdf, [heading('Zoë Łukasz', 1), paragraph('Ünïcode text and a very long word ' + 'x'.repeat(300)), bullets(['one', 'two'])]);
      flow(pdf, [labelValues([['Candidate', 'Zoë Łukasz']]), tickOptions(['1 low', '2', '3', '4 high']), ruledLines(50)]);
      const file = path.join(dir, 'out', 'a.pdf');
      await savePdf(pdf, file);
      const facts = await readPdf(file);
      expect(facts.title).toBe('Panel for Zoë Łukasz');
      expect(facts.pages).toBe(2);
      expect(facts.fonts.length).toBeGreaterThan(0);
      expect(facts.fonts.every((f) => f.embedded && f.name.includes('DejaVuSans'))).toBe(true);
            expect(facts.pageTexts[0]).toContain('page 1 of 2');
      expect(facts.pageTexts[1]).toContain('page 2 of 2');
      expect(facts.pageTexts[1]).toContain('Confidential: hiring panel only');
      expect(facts.text).toContain('Zoë Łukasz');
    } finally {
      cleanup();
    }
  });

  it('sets a long scale of tick boxes in even rows rather than breaking a word', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const pdf = await createPdf({ title: 'Scale', confidentiality: 'c' });
      const labels = ['1 no evidence of skill', '2 developing', '3 nearly there', '4 meets bar', '5 role model', '6 exceptional', '7 industry leading', 'insufficient evidence'];
      const block = tickOptions(labels, { columns: labels.length, size: 8, after: 0, fit: true });
      const five = tickOptions(labels.slice(0, 4).concat('insufficient evidence'), { columns: 5, size: 8, after: 0, fit: true });
      // Two rows of four for the long scale; one row for a four-level scale and "insufficient evidence".
      expect(block.height(pdf)).toBeGreaterThan(1.8 * five.height(pdf));
      flow(pdf, [block]);
      const file = path.join(dir, 'scale.pdf');
      await savePdf(pdf, file);
      const facts = await readPdf(file);
      for (const label of labels) expect(facts.text).toContain(label);
    } finally {
      cleanup();
    }
  });

  it('does not leave a list item that introduces nested items alone at the bottom of a page', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const pdf = await createPdf({ title: 'Lists', confidentiality: 'c' });
      // Room for the parent's one line, not for its first nested item as well.
      pdf.doc.y = pdf.bottom - 20;
      flow(pdf, [bullets([{ marker: '6.', text: 'Parent item' }, { marker: '-', text: 'Nested item', indent: 12 }])]);
      const file = path.join(dir, 'lists.pdf');
      await savePdf(pdf, file);
      const facts = await readPdf(file);
      expect(facts.pages).toBe(2);
      expect(facts.pageTexts[0]).not.toContain('Parent item');
      expect(facts.pageTexts[1]).toContain('Parent item');
      expect(facts.pageTexts[1]).toContain('Nested item');
    } finally {
      cleanup();
    }
  });

  it('changes the footer from a page on and prints running heads only where asked', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const pdf = await createPdf({ title: 'Footers', confidentiality: 'Panel only' });
      flow(pdf, [paragraph('First page')]);
      pdf.newPage();
      pdf.footer('Candidate handout');
      flow(pdf, [paragraph('Second page'), ruledLines(60)]);
      pdf.runningHead(2, 'Second page (continued)');
      const file = path.join(dir, 'f.pdf');
      await savePdf(pdf, file);
      const facts = await readPdf(file);
      expect(facts.pages).toBe(3);
      expect(facts.pageTexts[0]).toContain('Panel only');
      expect(facts.pageTexts[1]).toContain('Candidate handout');
      expect(facts.pageTexts[1]).not.toContain('Panel only');
      expect(facts.pageTexts[2]).toContain('Candidate handout');
      expect(facts.pageTexts[2]).toContain('Second page (continued)');
      expect(facts.pageTexts[1]).not.toContain('(continued)');
    } finally {
      cleanup();
    }
  });

  it('repeats the table header on every page a long table continues on', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const pdf = await createPdf({ title: 'Table', confidentiality: 'c' });
      const rows = Array.from({ length: 80 }, (_, i) => [`row ${i}`, `value ${i}`]);
      drawTable(pdf, { columns: [{ header: 'Stage name', width: 120 }, { header: 'Covered dimensions' }], rows });
      const file = path.join(dir, 't.pdf');
      await savePdf(pdf, file);
      const facts = await readPdf(file);
      expect(facts.pages).toBeGreaterThan(1);
      for (const page of facts.pageTexts) expect(page).toContain('Covered dimensions');
      expect(facts.text).toContain('row 79');
    } finally {
      cleanup();
    }
  });
});
