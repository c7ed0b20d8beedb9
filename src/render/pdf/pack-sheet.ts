// The printable scoring sheet of one stage: a row of tick boxes per focus dimension (one per level plus
// "insufficient evidence") with ruled space for evidence, the flags as a checklist with ruled space for
// notes, and the overall recommendation last, so dimensions are rated before the overall call.
//
// An interviewer fills the sheet in by hand, so it should be one sheet of paper: the roomiest layout
// that fits one page is drawn (fewer evidence lines, then the flags in two columns of smaller type).
// A stage that spends long on each dimension (core's evidenceLines) gets more lines: on one page when
// at least five fit, else its full room with the dimensions running onto a second page.
// When even the tightest does not fit, the sheet runs over with the flags and the overall recommendation
// together on the second page, under a running head saying whose sheet it is.
import type { PackStage, Pack } from '../../core/pack.js';
import type { Pdf } from './document.js';
import { LINE_GAP } from './block.js';
import { checklist } from './form.js';
import { GREY, INK, flow, formFields, paragraph, ruledLines, spacer, textHeight, tickOptions, together, type Block } from './layout.js';
import { RATING_WORDS } from '../../core/rating-words.js';

/** How much writing room a sheet gets; the first one that fits the page is used. */
interface Density {
  evidenceLines: number;
  flagColumns: 1 | 2;
  flagSize: number;
  /** Room between ruled lines: 17 points (6 mm) is comfortable handwriting, 16 still fine. */
  lineSpacing: number;
}

const DENSITIES: readonly Density[] = [
  { evidenceLines: 4, flagColumns: 1, flagSize: 8.5, lineSpacing: 17 },
  { evidenceLines: 3, flagColumns: 1, flagSize: 8.5, lineSpacing: 17 },
  { evidenceLines: 3, flagColumns: 2, flagSize: 8, lineSpacing: 17 },
  { evidenceLines: 2, flagColumns: 2, flagSize: 8, lineSpacing: 17 },
  { evidenceLines: 2, flagColumns: 2, flagSize: 7.5, lineSpacing: 16 },
  { evidenceLines: 2, flagColumns: 2, flagSize: 7.5, lineSpacing: 14 },
];

export function drawScoringSheet(pdf: Pdf, pack: Pack, stage: PackStage): void {
  if (!pdf.atTopOfPage) pdf.newPage();
  const first = pdf.pageIndex;
  const sheet = (density: Density): Sheet => sheetBlocks(pack, stage, density);
  const fits = (s: Sheet): boolean => together([...s.ratings, ...s.closing]).height(pdf) <= pdf.spaceLeft;
  const wanted = stage.sheet.evidenceLines;
  // A stage that spends long on each dimension keeps all its writing room, on a second page if need be;
  // a short one is fitted on one sheet of paper, with less room if it must.
  const long = wanted > (DENSITIES[0]?.evidenceLines ?? 4);
  // A long stage tries its full room, then a line less at a time down to one more than a short stage
  // gets, on one page; failing that it takes its full room over two.
  const densities: Density[] = long
    ? Array.from({ length: wanted - 4 }, (_, i) => wanted - i).flatMap((lines) => [
        { evidenceLines: lines, flagColumns: 1 as const, flagSize: 8.5, lineSpacing: 17 },
        { evidenceLines: lines, flagColumns: 2 as const, flagSize: 8, lineSpacing: 17 },
      ])
    : [...DENSITIES];
  const fitting = densities.map(sheet).find(fits);
  if (fitting) {
    flow(pdf, [...fitting.ratings, ...fitting.closing]);
  } else {
    // Too much for one page: the ratings on this page, then the flags and the overall call together,
    // so the recommendation never stands alone at the top of a page.
    const roomy = sheet(long ? { evidenceLines: wanted, flagColumns: 2, flagSize: 8, lineSpacing: 17 } : (DENSITIES[2] ?? { evidenceLines: 3, flagColumns: 2, flagSize: 8, lineSpacing: 17 }));
    flow(pdf, [...roomy.ratings, together(roomy.closing)]);
  }
  // A sheet that runs over must still say whose it is when its pages are separated.
  const who = stage.sheet.candidate ? ` · Candidate: ${stage.sheet.candidate}` : ' · Candidate: ______________________';
  for (let page = first + 1; page <= pdf.pageIndex; page++) {
    pdf.runningHead(page, `Scoring sheet: ${stage.name} (continued)${who}`);
  }
}

interface Sheet {
  /** Heading, names and one block per dimension. */
  ratings: Block[];
  /** The flags checklist with its notes, then the overall recommendation. */
  closing: Block[];
}

/**
 * The sheet's title as a level-1 heading on one line: a long stage name is set smaller rather than
 * wrapped, since a second title line would cost the room of an evidence line.
 */
function sheetTitle(text: string): Block {
  const sizeFor = (pdf: Pdf): number => {
    for (let size = 17; size > 13; size -= 0.5) {
      if (pdf.font('bold', size).doc.widthOfString(text) <= pdf.width) return size;
    }
    return 13;
  };
  const after = 8;
  return {
    keepWithNext: 60,
    height: (pdf) => textHeight(pdf, text, 'bold', sizeFor(pdf), pdf.width) + 1 + after,
    draw: (pdf) => {
      pdf.bookmark('Scoring sheet', 2);
      pdf.font('bold', sizeFor(pdf)).doc.fillColor(INK);
      pdf.doc.text(text, pdf.left, pdf.doc.y, { width: pdf.width, lineGap: LINE_GAP, structParent: pdf.root, structType: 'H1' });
      pdf.doc.moveTo(pdf.left, pdf.doc.y + 1).lineTo(pdf.left + pdf.width, pdf.doc.y + 1).lineWidth(1).strokeColor(INK).stroke();
      pdf.doc.x = pdf.left;
      pdf.doc.y += after;
    },
  };
}

function sheetBlocks(pack: Pack, stage: PackStage, density: Density): Sheet {
  const sheet = stage.sheet;
  const insufficient = pack.scale.find((s) => s.level === null)?.label ?? RATING_WORDS.insufficient;
  const ratings = [
    sheetTitle(`Scoring sheet: ${stage.name}`),
    paragraph(`Stage ${stage.number} · ${pack.role.title} · rubric version ${pack.rubricVersion}`, { colour: GREY, size: 8.5, after: 4 }),
    formFields(
      [
        ['Candidate', sheet.candidate],
        ['Interviewer', sheet.interviewer],
        ['Date', ''],
      ],
      { after: 6, lineHeight: 16 },
    ),
    paragraph(
      `Score on your own. Tick one box per dimension, using the anchors in the interviewer guide, and write the evidence that supports it. Rate every dimension before the overall recommendation. “${insufficient}” is not a low score.`,
      { size: 8, colour: GREY, after: 7 },
    ),
    ...sheet.dimensions.map((dimension, i) =>
      together([
        paragraph(`${i + 1}. ${dimension.name}  (weight ${dimension.weight})`, { style: 'bold', size: 10.5, after: 4 }),
        tickOptions(
          dimension.options.map((o) => (o.level === null ? o.label : `${o.level} ${o.label}`)),
          { columns: dimension.options.length, size: 8, after: 0, fit: true },
        ),
        ruledLines(density.evidenceLines, { spacing: density.lineSpacing, after: 8, label: 'Evidence: what the candidate said or did' }),
      ]),
    ),
  ];
  const recommendation = together([
    spacer(2),
    titleWithNote('Overall recommendation', 'Only after rating every dimension above.', 12),
    tickOptions(
      sheet.recommendations.map((r) => r.label),
      { columns: sheet.recommendations.length, size: 9.5, after: 0 },
    ),
    ruledLines(2, { spacing: density.lineSpacing, label: 'Why: the evidence that decides it' }),
  ]);
  const flags = flagsBlock(stage, density);
  return { ratings, closing: flags ? [flags, recommendation] : [recommendation] };
}

function flagsBlock(stage: PackStage, density: Density): Block | undefined {
  const flags = stage.sheet.flags;
  if (flags.length === 0) return undefined;
  const items = flags.map((flag) => `${flag.label}: ${flag.text}`);
  const blocks = [
    titleWithNote('Flags observed', 'Tick only what you saw happen; note what it was below.', 10.5),
    checklist(items, { columns: density.flagColumns, size: density.flagSize, gap: 14, after: 0 }),
    ruledLines(2, { spacing: density.lineSpacing, after: 6, label: 'Notes on the flags you ticked' }),
  ];
  return {
    // The title and the first flags start together; later flags may move to the next page.
    height: (pdf) => (blocks[0]?.height(pdf) ?? 0) + (blocks[1]?.height(pdf) ?? 0),
    fullHeight: (pdf) => together(blocks).height(pdf),
    draw: (pdf) => flow(pdf, blocks),
  };
}

/**
 * A bold title with a grey note after it on the same line when both fit (baselines aligned), else the
 * note on a line of its own. Saves a line per section on a page that must hold a whole sheet.
 */
function titleWithNote(title: string, note: string, size: number): Block {
  const noteSize = 8;
  const layout = (pdf: Pdf): { inline: boolean; height: number } => {
    pdf.font('bold', size);
    const titleWidth = pdf.doc.widthOfString(title);
    pdf.font('regular', noteSize);
    const inline = titleWidth + 10 + pdf.doc.widthOfString(note) <= pdf.width;
    const titleHeight = textHeight(pdf, title, 'bold', size, pdf.width);
    return { inline, height: inline ? titleHeight : titleHeight + textHeight(pdf, note, 'regular', noteSize, pdf.width) };
  };
  const after = 4;
  return {
    keepWithNext: 40,
    height: (pdf) => layout(pdf).height + after,
    draw: (pdf) => {
      const { inline } = layout(pdf);
      const y = pdf.doc.y;
      pdf.font('bold', size).doc.fillColor(INK);
      const titleWidth = pdf.doc.widthOfString(title);
      pdf.doc.text(title, pdf.left, y, { width: pdf.width, lineGap: LINE_GAP, structParent: pdf.root, structType: 'P' });
      const below = pdf.doc.y;
      pdf.font('regular', noteSize).doc.fillColor(GREY);
      if (inline) {
        // Same baseline: DejaVu's ascent is 0.93 of the font size.
        pdf.doc.text(note, pdf.left + titleWidth + 10, y + 0.93 * (size - noteSize), { lineBreak: false, structParent: pdf.root, structType: 'P' });
        pdf.doc.y = below;
      } else {
        pdf.doc.text(note, pdf.left, below, { width: pdf.width, lineGap: LINE_GAP, structParent: pdf.root, structType: 'P' });
      }
      pdf.doc.x = pdf.left;
      pdf.doc.y += after;
    },
  };
}
