// Candidates for one role side by side as a PDF: a heatmap of dimension scores by candidate, then the
// composite, mechanical summary, flags and recommendation tally per candidate.
import type { Comparison } from '../../core/compare.js';
import { RATING_MARKS, RATING_WORDS } from '../../core/rating-words.js';
import { comparisonView } from '../compare-view.js';
import { CONFIDENTIALITY } from '../debrief-view.js';
import { PAGE_SIZE, createPdf, type Paper } from './document.js';
import { GREY, bullets, flow, heading, paragraph, table } from './layout.js';
import { heatmap } from './charts.js';

export async function comparisonPdfBytes(c: Comparison, paper: Paper = 'a4'): Promise<Uint8Array> {
  const v = comparisonView(c);
  const pdf = await createPdf({ title: v.title, subject: `Rubric ${v.role_id} v${v.rubric_version}`, confidentiality: CONFIDENTIALITY, pageSize: PAGE_SIZE[paper] });
  const marked = v.candidates.filter((x) => x.marks.length > 0);
  const knockouts = v.candidates.flatMap((x) => x.knockouts.map((k) => `${x.name}: ${k}`));
  flow(pdf, [
    heading(v.title, 1, { outlineTitle: 'Comparison' }),
    paragraph(`${v.role_id}, rubric v${v.rubric_version} · prepared ${v.date} · ${v.candidates.length} candidate${v.candidates.length === 1 ? '' : 's'}`, { colour: GREY, size: 9.5, after: 4 }),
    paragraph(`${v.notice} Each column summarises that candidate’s own debrief; read the debriefs for the evidence.`, { style: 'oblique', size: 9.5, after: 10 }),
    heading('Panel score per dimension', 2),
    paragraph(`Darker is higher; “✗” is below the dimension’s hurdle; “↔” marks ratings far enough apart to discuss; “${RATING_MARKS.none}” was ${RATING_WORDS.notRatedWithEvidence}. A composite in brackets rests on less than ${v.min_coverage} of the weight: unshaded, and no standing.`, { size: 8.5, colour: GREY, after: 6 }),
    heatmap({
      rowHeader: 'Dimension (weight)',
      levels: c.levels,
      columns: v.candidates.map((x) => x.name),
      rows: [
        ...v.dimensions.map((d) => ({
          label: `${d.name} (${d.weight})${d.hurdle ? `, hurdle ${d.hurdle.replace('at least ', '≥')}` : ''}`,
          cells: d.cells.map((cell) => ({ text: cell.value === null ? RATING_MARKS.none : `${cell.score}${cell.hurdle_failed ? ' ✗' : ''}${cell.disagreement ? ' ↔' : ''}`, value: cell.value })),
        })),
        // A composite over too little of the weight is bracketed and left unshaded: it is no standing.
        { label: `Composite (bar ${v.bar})`, bold: true, cells: v.candidates.map((x) => ({ text: x.composite, value: x.composite_value, dashed: x.thin })) },
      ],
    }),
    heading('Summary per candidate', 2),
    table({
      columns: [{ header: 'Candidate', width: 95 }, { header: 'Mechanical summary', width: 85 }, { header: 'Committee decision', width: 85 }, { header: 'Flags', width: 60 }, { header: 'Recommendations' }, { header: 'Scorecards', width: 62 }],
      rows: v.candidates.map((x) => [x.name, x.label, x.decision, x.flags, x.tally, x.scorecards]),
      size: 8.5,
    }),
    marked.length > 0 ? heading('Before reading the composites', 2) : undefined,
    marked.length > 0 ? bullets(marked.map((x) => `${x.name}: ${x.marks.join('; ')}.`), { size: 9.5 }) : undefined,
    knockouts.length > 0 ? heading('Knockouts raised', 2) : undefined,
    knockouts.length > 0 ? bullets(knockouts, { size: 9.5 }) : undefined,
  ]);
  return pdf.bytes();
}
