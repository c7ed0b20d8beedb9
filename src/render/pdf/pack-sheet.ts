// The printable scoring sheet of one stage: a row of tick boxes per focus dimension (one per level plus
// "insufficient evidence") with ruled space for evidence, the flags as a checklist with ruled space for
// notes, and the overall recommendation last, so dimensions are rated before the overall call. Kept
// compact so that a stage's sheet fits one printed page where the rubric allows.
import type { PackStage, Pack } from '../../core/pack.js';
import type { Pdf } from './document.js';
import { GREY, flow, formFields, heading, paragraph, ruledLines, spacer, tickOptions, together, type Block } from './layout.js';

export function drawScoringSheet(pdf: Pdf, pack: Pack, stage: PackStage): void {
  if (!pdf.atTopOfPage) pdf.newPage();
  // Four ruled lines of evidence per dimension, or three when that keeps the whole sheet on one page.
  const fits = (blocks: ReadonlyArray<Block | undefined>): boolean =>
    together(blocks.filter((b): b is Block => b !== undefined)).height(pdf) <= pdf.spaceLeft;
  const roomy = sheetBlocks(pack, stage, 4);
  const tight = sheetBlocks(pack, stage, 3);
  const first = pdf.pageIndex;
  flow(pdf, fits(roomy) || !fits(tight) ? roomy : tight);
  // A sheet that runs over must still say whose it is when its pages are separated.
  const who = stage.sheet.candidate ? ` · Candidate: ${stage.sheet.candidate}` : ' · Candidate: ______________________';
  for (let page = first + 1; page <= pdf.pageIndex; page++) {
    pdf.runningHead(page, `Scoring sheet: ${stage.name} (continued)${who}`);
  }
}

function sheetBlocks(pack: Pack, stage: PackStage, evidenceLines: number): Array<Block | undefined> {
  const sheet = stage.sheet;
  return [
    heading(`Scoring sheet: ${stage.name}`, 1, { newPage: true, outlineTitle: 'Scoring sheet', outlineLevel: 2 }),
    paragraph(`Stage ${stage.number} · ${pack.role.title} · rubric version ${pack.rubricVersion}`, { colour: GREY, size: 9, after: 8 }),
    formFields([
      ['Candidate', sheet.candidate],
      ['Interviewer', sheet.interviewer],
      ['Date', ''],
    ]),
    paragraph(
      `Score on your own. Tick one box per dimension, using the anchors in the interviewer guide, and write the evidence that supports it. Rate every dimension before the overall recommendation. “${pack.scale.find((s) => s.level === null)?.label ?? 'insufficient evidence'}” is not a low score.`,
      { size: 8.5, colour: GREY, after: 10 },
    ),
    ...sheet.dimensions.map((dimension, i) =>
      together([
        paragraph(`${i + 1}. ${dimension.name}  (weight ${dimension.weight})`, { style: 'bold', size: 10.5, after: 5 }),
        tickOptions(
          dimension.options.map((o) => (o.level === null ? o.label : `${o.level} ${o.label}`)),
          { columns: dimension.options.length, size: 8, after: 1 },
        ),
        paragraph('Evidence: what the candidate said or did', { size: 8, colour: GREY, after: 0 }),
        ruledLines(evidenceLines, { spacing: 18, after: 11 }),
      ]),
    ),
    flagsBlock(stage),
    together([
      spacer(4),
      paragraph('Overall recommendation', { style: 'bold', size: 12, after: 1 }),
      paragraph('Only after rating every dimension above.', { size: 8, colour: GREY, after: 5 }),
      tickOptions(
        sheet.recommendations.map((r) => r.label),
        { columns: sheet.recommendations.length, size: 9.5 },
      ),
      paragraph('Why: the evidence that decides it', { size: 8, colour: GREY, after: 0 }),
      ruledLines(2, { spacing: 18 }),
    ]),
  ];
}

function flagsBlock(stage: PackStage): Block | undefined {
  const flags = stage.sheet.flags;
  if (flags.length === 0) return undefined;
  const [first, ...rest] = flags.map((flag) =>
    tickOptions([`${flag.kind === 'green' ? 'Green' : flag.knockout ? 'Red, knockout' : 'Red'}: ${flag.text}`], { columns: 1, size: 8.5, after: 0 }),
  );
  const blocks = [
    heading('Flags observed', 2, { outline: false }),
    paragraph('Tick only what you saw happen; note what it was below.', { size: 8.5, colour: GREY, after: 5 }),
    ...(first ? [first] : []),
    ...rest,
    paragraph('Notes on the flags you ticked', { size: 8, colour: GREY, after: 0 }),
    ruledLines(2, { spacing: 18, after: 8 }),
  ];
  return {
    // The heading, its note and the first flag start together; later flags may move to the next page.
    height: (pdf) => together(blocks.slice(0, 3)).height(pdf),
    fullHeight: (pdf) => together(blocks).height(pdf),
    draw: (pdf) => flow(pdf, blocks),
  };
}
