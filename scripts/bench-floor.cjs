// Part of npm run bench: the floor of the PDF goals. It sets the text of hirekit's own Markdown output
// (the same content as the PDF) with pdfkit alone, as plain paragraphs in DejaVu Sans: no tables, no
// colours, no hirekit code, and no code cache. When this takes longer than a goal allows, the goal asks for
// less than pdfkit itself needs in a fresh process, whatever hirekit does around it. CommonJS, as hirekit
// starts: an ES module entry and pdfkit's ES module build each take longer to load.
//   node scripts/bench-floor.cjs OUT_DIR FILE.md...   (one PDF per Markdown file)
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const PDFDocument = require('pdfkit');

const [outDir, ...sources] = process.argv.slice(2);
const regular = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const bold = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

for (const source of sources) {
  const doc = new PDFDocument({ size: 'A4', margin: 50 });
  const chunks = [];
  doc.on('data', (chunk) => chunks.push(chunk));
  doc.on('end', () => writeFileSync(path.join(outDir, `${path.basename(source, '.md')}.pdf`), Buffer.concat(chunks)));
  for (const paragraph of readFileSync(source, 'utf8').split(/\n\s*\n/)) {
    // Headings and table rows in bold, the rest regular: two faces, as a document needs at least.
    const heading = /^(#|\|)/.test(paragraph);
    doc.font(heading ? bold : regular).fontSize(heading ? 11 : 9).text(paragraph.replace(/^#+\s*/gm, ''));
  }
  doc.end();
}
