// The interview pack as a PDF: the loop overview, then for each stage its interviewer guide and its
// scoring sheet, and (with --handouts) the candidate handouts as separate pages at the end. Candidate
// handouts can also be drawn as PDFs of their own.
import type { Handout, Pack } from '../../core/pack.js';
import { drawContents } from './contents.js';
import { PAGE_SIZE, createPdf, type Paper, type Pdf } from './document.js';
import { GREY, bullets, flow, heading, labelValues, paragraph, table, together } from './layout.js';
import { drawStageGuide } from './pack-guide.js';
import { drawScoringSheet } from './pack-sheet.js';
import { proseBlocks } from './prose.js';

export interface PackPdfOptions {
  /** Put the candidate handouts into the pack as separate pages. */
  handouts: boolean;
  /** Default A4. */
  paper?: Paper;
}

export function packConfidentiality(pack: Pack): string {
  return `Confidential: interviewer material for ${pack.role.title}. Do not share with candidates.`;
}

export function handoutFooter(handout: Handout): string {
  return `Candidate handout: ${handout.role} interview`;
}

export async function renderPackPdf(pack: Pack, options: PackPdfOptions): Promise<Pdf> {
  const pdf = await createPdf({
    title: `${pack.role.title}: interview pack`,
    subject: `Structured interview pack for ${pack.role.title}, rubric version ${pack.rubricVersion}`,
    author: 'hirekit',
    confidentiality: packConfidentiality(pack),
    pageSize: PAGE_SIZE[options.paper ?? 'a4'],
  });
  // The first page is kept for the contents, drawn last when every section's page is known.
  const contentsPage = pdf.pageIndex;
  pdf.newPage();
  drawOverview(pdf, pack);
  for (const stage of pack.stages) {
    drawStageGuide(pdf, pack, stage);
    drawScoringSheet(pdf, pack, stage);
  }
  if (options.handouts) {
    pack.handouts.forEach((handout, i) => {
      pdf.newPage();
      if (i === 0) pdf.bookmark('Candidate handouts', 1);
      // A handout is handed over on its own: its pages are numbered from 1.
      pdf.footer(handoutFooter(handout), { restartNumbering: true });
      drawHandout(pdf, handout, 2);
    });
  }
  const entries = pdf.sections.filter((s) => s.level === 1 ? s.title !== 'Candidate handouts' : s.title === 'Scoring sheet' || s.title.startsWith('Candidate handout:'));
  drawContents(
    pdf,
    contentsPage,
    `${pack.role.title}: interview pack`,
    `Contents · rubric ${pack.role.id}, version ${pack.rubricVersion} · prepared ${pack.date}${pack.candidate ? ` · candidate ${pack.candidate}` : ''}`,
    entries,
  );
  return pdf;
}

export async function renderHandoutPdf(handout: Handout, paper: Paper = 'a4'): Promise<Pdf> {
  const pdf = await createPdf({
    title: `${handout.title}: candidate brief`,
    subject: `Case study for the ${handout.role} interview`,
    confidentiality: handoutFooter(handout),
    pageSize: PAGE_SIZE[paper],
  });
  drawHandout(pdf, handout, 1);
  return pdf;
}

function drawOverview(pdf: Pdf, pack: Pack): void {
  const loop = pack.loop;
  const prepared: Array<[string, string]> = [
    ['Level', pack.role.level],
    ['Rubric', `${pack.role.id}, version ${pack.rubricVersion}`],
    ['Prepared', pack.date],
  ];
  if (pack.candidate) prepared.push(['Candidate', pack.candidate]);
  if (pack.interviewer) prepared.push(['Interviewer', pack.interviewer]);
  const included = loop.stages.filter((s) => s.included).map((s) => `${s.number}. ${s.name}`);
  flow(pdf, [
    heading(`${pack.role.title}: interview pack`, 1, { outlineTitle: 'Loop overview' }),
    paragraph(pack.role.summary, { after: 8 }),
    labelValues(prepared, { labelWidth: 90 }),
    !pack.wholeLoop && paragraph(`This pack holds ${included.length === 1 ? 'stage' : 'stages'} ${included.join(', ')} of the loop.`, { style: 'bold', size: 9.5, after: 8 }),
    heading('The loop', 2),
    table({
      columns: [
        { header: '#', width: 24, align: 'right' },
        { header: 'Stage' },
        { header: 'Min', width: 34, align: 'right' },
        { header: 'Interviewers' },
        { header: 'Rates' },
      ],
      rows: loop.stages.map((s) => [
        String(s.number),
        `${s.name}${s.optional ? ' (optional)' : ''}${s.caseStudy ? `\nCase: ${s.caseStudy}` : ''}${s.included ? '' : '\n(not in this pack)'}`,
        String(s.minutes),
        s.interviewers,
        s.focus.join('; '),
      ]),
      after: 4,
      caption: paragraph(
        `${loop.stages.length} stages, ${loop.minutes} minutes of interviews in all.${loop.optionalStages > 0 ? ` Without the optional stages (context-specific, run where the role calls for them): ${loop.requiredMinutes} minutes.` : ''}`,
        { size: 9, colour: GREY, after: 6 },
      ),
    }),
    heading('Coverage: which stage rates which dimension', 2),
    // A matrix is read across and down at once: it moves to the next page whole rather than split.
    together([table({
      columns: [
        { header: 'Dimension' },
        { header: 'Weight', width: 50, align: 'right' },
        ...loop.stages.map((s) => ({ header: String(s.number), width: 22, align: 'center' as const })),
        { header: 'Stages', width: 50, align: 'right' },
      ],
      rows: loop.coverage.rows.map((row) => [
        row.name,
        String(row.weight),
        ...row.cells.map((c) => (c.covered ? (c.optional ? '○' : '●') : '')),
        String(row.stages),
      ]),
      after: 4,
      caption: paragraph(
        [
          loop.coverage.uncovered.length === 0
            ? 'Every dimension is rated in at least one stage. Column numbers are the stages of the loop above.'
            : `Not rated in any stage: ${loop.coverage.uncovered.join('; ')}. Add these dimensions to a stage's focus before interviewing.`,
          ...(loop.optionalStages > 0 ? ['● rated in a required stage; ○ rated in an optional stage.'] : []),
          ...(loop.coverage.optionalOnly.length > 0 ? [`Rated only in optional stages: ${loop.coverage.optionalOnly.join('; ')}; a loop that skips them leaves these unrated.`] : []),
        ].join(' '),
        { size: 9, colour: GREY, after: 6 },
      ),
    })]),
    heading('The rating scale', 2),
    table({
      columns: [{ header: 'Rating', width: 130 }, { header: 'What it means for every dimension' }],
      rows: pack.scale.map((s) => [s.level === null ? s.label : `${s.level} · ${s.label}`, s.meaning]),
    }),
    heading('How every interviewer works', 2),
    bullets(pack.method, { size: 9.5 }),
  ]);
}

function drawHandout(pdf: Pdf, handout: Handout, outlineLevel: 1 | 2): void {
  const facts: Array<[string, string]> = [
    ['Interview', `${handout.role} · ${handout.stage}`],
    ['Time', `${handout.minutes} minutes`],
  ];
  if (handout.candidate) facts.push(['Candidate', handout.candidate]);
  const first = pdf.pageIndex;
  flow(pdf, [
    heading(handout.title, 1, { outlineTitle: `Candidate handout: ${handout.title}`, outlineLevel }),
    paragraph('Case study brief for the candidate', { colour: GREY, size: 9, after: 8 }),
    labelValues(facts, { labelWidth: 80 }),
    ...proseBlocks(handout.brief, { size: 10.5 }),
  ]);
  for (let page = first + 1; page <= pdf.pageIndex; page++) pdf.runningHead(page, `${handout.title} (continued)`);
}
