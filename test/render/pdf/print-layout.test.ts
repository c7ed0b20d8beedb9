// Print checks over whole documents, read back from the PDF's own text positions and tags: every bundled
// rubric's pack (with handouts and pre-filled names) and three debriefs keep all text inside the
// margins, never end a page with a heading, never cut text with an ellipsis, and keep every name,
// in any script, in the extracted text.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { buildPack } from '../../../src/core/pack.js';
import { loadRubricFile } from '../../../src/io/rubrics.js';
import { debriefPdfBytes } from '../../../src/render/pdf/debrief.js';
import { faceFor } from '../../../src/render/pdf/fonts.js';
import { renderPackPdf } from '../../../src/render/pdf/pack.js';
import { ROOT } from '../../helpers/cli.js';
import { placedText, type PlacedPage } from '../../helpers/pdf.js';
import { debriefOf, twoStagesEach } from '../debrief-panel.fixture.js';

const BUNDLED = path.join(ROOT, 'rubrics');
const bundled = readdirSync(BUNDLED).filter((f) => /\.ya?ml$/.test(f));
const MARGIN = { top: 54, bottom: 64, side: 54 };

/** CJK needs a font from the system (fonts-noto-cjk); CI installs it, so there the CJK checks never skip. */
const hasCjkFont = faceFor('regular', '张'.codePointAt(0)!) !== null;
const cjk = process.env.CI === 'true' || hasCjkFont;

const NAMES = ['Wei Zhang (张伟)', '佐藤 花子', '김민준', 'سارة الحربي', 'Anne-Marie O’Sullivan-Fitzgerald Ní Bhriain', 'Chloé "Coco" Dubois'];

interface Problem {
  page: number;
  what: string;
}

/** Text outside the margins, a heading with less than two lines under it at a page's foot, and text ending in an ellipsis the source did not have. */
function problemsOf(pages: readonly PlacedPage[], source: string): Problem[] {
  const problems: Problem[] = [];
  pages.forEach((page, i) => {
    for (const item of page.items) {
      const right = page.width - MARGIN.side;
      if (item.x < MARGIN.side - 1 || item.x + item.width > right + 1) problems.push({ page: i + 1, what: `outside the side margins: "${item.text}"` });
      // Footers and running heads are artifacts in the margins; everything else stays in the content area.
      const [top, bottom] = item.tag === 'Artifact' ? [MARGIN.top - 32, page.height - 18] : [MARGIN.top - 1, page.height - MARGIN.bottom + 3];
      if (item.top < top || item.bottom > bottom) problems.push({ page: i + 1, what: `outside the top or bottom margin: "${item.text}" (${item.tag})` });
      if (/…$/.test(item.text.trim()) && !source.includes(item.text.trim())) problems.push({ page: i + 1, what: `cut with an ellipsis: "${item.text}"` });
    }
    // A heading needs at least two lines of what it introduces under it on its page (a one-line summary
    // under a heading does not count as a start): else it ends the page.
    const content = page.items.filter((item) => item.tag !== 'Artifact');
    const headings = content.filter((item) => /^H\d$/.test(item.tag));
    const lastHeading = headings.length > 0 ? Math.max(...headings.map((h) => h.bottom)) : undefined;
    if (i < pages.length - 1 && lastHeading !== undefined) {
      const below = new Set(content.filter((item) => item.top > lastHeading - 1 && !/^H\d$/.test(item.tag)).map((item) => Math.round(item.bottom)));
      if (below.size < 2) problems.push({ page: i + 1, what: `ends with a heading: "${headings.filter((h) => h.bottom > lastHeading - 30).map((h) => h.text).join(' ')}"` });
    }
  });
  return problems;
}

async function textOf(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  // A name may wrap after a hyphen; the line break is not part of it.
  return text.replace(/\s+/g, ' ').replace(/- /g, '-');
}

describe('every bundled rubric’s pack, with handouts and pre-filled names', () => {
  it.each(bundled)('%s: inside the margins, no heading at a page foot, nothing cut, names kept', async (file) => {
    const report = await loadRubricFile(path.join(BUNDLED, file), 'bundled');
    if (!report.loaded) throw new Error(`${file} does not load`);
    const candidate = cjk ? 'Wei Zhang (张伟)' : 'Zoë Łukasz';
    const interviewer = 'Anne-Marie O’Sullivan-Fitzgerald Ní Bhriain';
    const pack = buildPack(report.loaded.rubric, { stages: [], candidate, interviewer, now: new Date('2026-03-02T10:00:00Z') });
    const bytes = await (await renderPackPdf(pack, { handouts: true })).bytes();
    const pages = await placedText(bytes);
    expect(problemsOf(pages, readFileSync(path.join(BUNDLED, file), 'utf8'))).toEqual([]);
    const text = await textOf(bytes);
    expect(text).toContain(candidate);
    expect(text).toContain(interviewer);
    // Every scoring sheet carries both names whole, however long.
    const sheets = pages.filter((p) => p.items.some((i) => i.text.startsWith('Scoring sheet:') && i.tag === 'H1'));
    expect(sheets.length).toBe(pack.stages.length);
    for (const sheet of sheets) {
      const sheetText = sheet.items.map((i) => i.text).join(' ');
      expect(sheetText).toContain(interviewer);
    }
  });
});

describe('a heading over a block that may not split (a case study in the guide)', () => {
  it('never ends a page, wherever on the page it falls', async () => {
    const { createPdf } = await import('../../../src/render/pdf/document.js');
    const { flow, heading, keptWithNext, paragraph, spacer, together } = await import('../../../src/render/pdf/layout.js');
    const problems: string[] = [];
    for (let used = 0; used <= 740; used += 20) {
      const pdf = await createPdf({ title: 't', confidentiality: 'c' });
      flow(pdf, [
        spacer(used),
        heading('Case study: a platform and operating model design', 2),
        keptWithNext(paragraph('75 minutes · assesses Production ML architecture; MLOps & reliability', { size: 9 })),
        heading('The brief the candidate receives', 3),
        // Taller than 60% of a page and kept whole: the heading cannot just reserve its first lines.
        together([paragraph('You have just joined a company that runs 31 models in production. '.repeat(50), { size: 9.5 })]),
      ]);
      for (const p of problemsOf(await placedText(await pdf.bytes()), '')) problems.push(`at ${used} pt: page ${p.page} ${p.what}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('a pack for a role with a long title', () => {
  it('keeps the whole footer on every page, shrinking it, and restarts page numbers on each handout', async () => {
    const report = await loadRubricFile(path.join(BUNDLED, 'head-of-ml.yaml'), 'bundled');
    const rubric = report.loaded!.rubric;
    const title = 'Head of Machine Learning Platform, Applied Research and Responsible AI Governance (Europe, Middle East and Africa)';
    const long = { ...rubric, role: { ...rubric.role, title } };
    const stages = long.loop.filter((s) => s.case_study).slice(0, 2).map((s) => s.id);
    const pack = buildPack(long, { stages, now: new Date('2026-03-02T10:00:00Z') });
    const pages = await placedText(await (await renderPackPdf(pack, { handouts: true })).bytes());
    const footers = pages.map((p) => p.items.filter((i) => i.tag === 'Artifact' && i.top > p.height - 64).map((i) => i.text).join(' ').replace(/\s+/g, ' '));
    const handoutFrom = footers.findIndex((f) => f.includes('Candidate handout:'));
    expect(handoutFrom).toBeGreaterThan(0);
    for (const footer of footers.slice(0, handoutFrom)) expect(footer).toContain(`Confidential: interviewer material for ${title}. Do not share with candidates.`);
    for (const [i, footer] of footers.slice(0, handoutFrom).entries()) expect(footer).toContain(`page ${i + 1} of ${handoutFrom}`);
    // Each handout counts its own pages from 1.
    const handoutPages = footers.slice(handoutFrom);
    expect(handoutPages.filter((f) => /\bpage 1 of \d+\b/.test(f)).length).toBe(pack.handouts.length);
    for (const footer of handoutPages) expect(footer).toMatch(/\bpage \d of \d\b/);
    // The contents page names each stage and the page its guide starts on.
    const contents = pages[0]!.items.map((i) => i.text).join(' ');
    for (const stage of pack.stages) expect(contents).toContain(`Stage ${stage.number}: ${stage.name}`);
  });
});

describe('debriefs', () => {
  const fixtures = {
    'two stages per interviewer': () => debriefOf(twoStagesEach(8)),
    'a panel named in four scripts': () =>
      debriefOf(
        NAMES.slice(0, cjk ? 4 : 0).concat(['Σοφία Παππά', 'Chloé "Coco" Dubois']).map((who, stage) => ({ who, stage })),
        { candidate: cjk ? '佐藤 花子' : 'سارة الحربي' },
      ),
    'one scorecard, long names': () => debriefOf([{ who: 'Anne-Marie O’Sullivan-Fitzgerald Ní Bhriain', stage: 2 }], { candidate: 'Maximiliane Alexandra von Hohenberg-Wittelsbach' }),
  };
  it.each(Object.keys(fixtures))('%s: inside the margins, no heading at a page foot, nothing cut, names kept', async (name) => {
    const debrief = fixtures[name as keyof typeof fixtures]();
    const bytes = await debriefPdfBytes(debrief);
    expect(problemsOf(await placedText(bytes), '')).toEqual([]);
    const text = await textOf(bytes);
    expect(text).toContain(debrief.candidate.name);
    for (const person of debrief.panel) expect(text).toContain(person.interviewer.name);
  });
});

describe('names in any script, as pdftotext reads them', () => {
  let pdftotext = false;
  beforeAll(() => {
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
      pdftotext = true;
    } catch {
      pdftotext = process.env.CI === 'true';
    }
  });
  it.skipIf(!cjk)('keeps Chinese, Japanese, Korean and Arabic names in a debrief and a pack, every font embedded as a subset', async () => {
    if (!pdftotext) return;
    const report = await loadRubricFile(path.join(BUNDLED, 'ml-scientist.yaml'), 'bundled');
    const rubric = report.loaded!.rubric;
    for (const candidate of NAMES.slice(0, 4)) {
      const pack = await (await renderPackPdf(buildPack(rubric, { stages: [rubric.loop[0]!.id], candidate, now: new Date('2026-03-02T10:00:00Z') }), { handouts: true })).bytes();
      const debrief = await debriefPdfBytes(debriefOf(NAMES.slice(0, 4).map((who, stage) => ({ who, stage })), { candidate }));
      for (const bytes of [pack, debrief]) {
        const text = execFileSync('pdftotext', ['-', '-'], { input: bytes, encoding: 'utf8' }).replace(/[\u202a-\u202e]/g, '');
        for (const name of NAMES.slice(0, 4)) if (bytes === pack ? name === candidate : true) expect(text).toContain(name);
        const fonts = execFileSync('pdffonts', ['-'], { input: bytes, encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
        expect(fonts.length).toBeGreaterThan(1);
        // name type encoding emb sub uni: every font embedded and subset.
        for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+\S+ .* yes\s+yes\s+yes\s+\d+\s+\d+$/);
      }
    }
  });
});
