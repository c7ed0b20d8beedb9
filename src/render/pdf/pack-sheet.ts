// The printable scoring sheet of one stage: a row of tick boxes per focus dimension (one per level plus
// "insufficient evidence") with ruled space for evidence, the flags as a checklist, and the overall
// recommendation last, so dimensions are rated before the overall call.
import type { PackStage, Pack } from '../../core/pack.js';
import type { Pdf } from './document.js';
import { GREY, flow, formFields, heading, paragraph, ruledLines, tickOptions, together, type Block } from './layout.js';

export function drawScoringSheet(pdf: Pdf, pack: Pack, stage: PackStage): void {
  const sheet = stage.sheet;
  flow(pdf, [
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
        paragraph(`${i + 1}. ${dimension.name}`, { style: 'bold', size: 10.5, after: 1 }),
        paragraph(`weight ${dimension.weight}`, { size: 8, colour: GREY, after: 5 }),
        tickOptions(
          dimension.options.map((o) => (o.level === null ? o.label : `${o.level} ${o.label}`)),
          { columns: dimension.options.length, size: 8, after: 2 },
        ),
        paragraph('Evidence: what the candidate said or did', { size: 8, colour: GREY, after: 0 }),
        ruledLines(4, { spacing: 19, after: 12 }),
      ]),
    ),
    flagsBlock(stage),
    together([
      heading('Overall recommendation', 2, { outline: false }),
      paragraph('Only after rating every dimension above.', { size: 8.5, colour: GREY, after: 6 }),
      tickOptions(
        sheet.recommendations.map((r) => r.label),
        { columns: sheet.recommendations.length, size: 9.5 },
      ),
      paragraph('Why: the evidence that decides it', { size: 8, colour: GREY, after: 0 }),
      ruledLines(3, { spacing: 19 }),
    ]),
  ]);
}

function flagsBlock(stage: PackStage): Block | undefined {
  const flags = stage.sheet.flags;
  if (flags.length === 0) return undefined;
  const rows = flags.map((flag) =>
    together([
      tickOptions([`${flag.kind === 'green' ? 'Green' : flag.knockout ? 'Red, knockout' : 'Red'}: ${flag.text}`], { columns: 1, size: 9, after: 0 }),
      ruledLines(1, { spacing: 16, indent: 15, after: 6 }),
    ]),
  );
  const [first, ...rest] = rows;
  return {
    // The heading, the note and the first flag start together; later flags may move to the next page.
    height: (pdf) => 60 + (first ? first.height(pdf) : 0),
    draw: (pdf) =>
      flow(pdf, [
        heading('Flags observed', 2, { outline: false }),
        paragraph('Tick only what you saw happen, and note what it was.', { size: 8.5, colour: GREY, after: 6 }),
        first,
        ...rest,
      ]),
  };
}
