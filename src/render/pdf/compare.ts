// Candidates for one role side by side as a PDF: a heatmap of dimension scores by candidate, then the
// composite, mechanical summary, flags and recommendation tally per candidate.
import type { Comparison } from '../../core/compare.js';
import { comparisonView } from '../compare-view.js';
import { CONFIDENTIALITY } from '../debrief-view.js';
import { PAGE_SIZE, createPdf, type Paper } from './document.js';
import { GREY, bullets, flow, heading, paragraph, table } from './layout.js';
import { heatmap } from './charts.js';

export async function comparisonPdfBytes(c: Comparison, paper: Paper = 'a4'): Promise<Uint8Array> {
  const v = comparisonView(c);
  const pdf = await createPdf({ title: v.title, subject: `Rubric ${v.role_id} v${v.rubric_version}`, confidentiality: CONFIDENTIALITY, pageSize: PAGE_SIZE[paper] });
  const knockouts = v.candidates.flatMap((x) => x.knockouts.map((k) => `${x.name}: ${k}`));
  flow(pdf, [
    heading(v.title, 1, { outlineTitle: 'Comparison' }),
    paragraph(`${v.role_id}, rubric v${v.rubric_version} · prepared ${v.date} · ${v.candidates.length} candidate${v.candidates.length === 1 ? '' : 's'}`, { colour: GREY, size: 9.5, after: 4 }),
    paragraph(`${v.notice} Each column summarises that candidate’s own debrief; read the debriefs for the evidence.`, { style: 'oblique', size: 9.5, after: 10 }),
    heading('Panel score per dimension', 2),
    paragraph('Darker is higher; “↔” marks ratings far enough apart to discuss; “—” was not rated with evidence.', { size: 8.5, colour: GREY, after: 6 }),
    heatmap({
      rowHeader: 'Dimension (weight)',
      levels: c.levels,
      columns: v.candidates.map((x) => x.name),
      rows: [
        ...v.dimensions.map((d) => ({
          label: `${d.name} (${d.weight})${d.hurdle ? `, hurdle ${d.hurdle.replace('at least ', '≥')}` : ''}`,
          cells: d.cells.map((cell) => ({ text: cell.value === null ? '—' : `${cell.score}${cell.disagreement ? ' ↔' : ''}`, value: cell.value })),
        })),
        { label: `Composite (bar ${v.bar})`, bold: true, cells: v.candidates.map((x) => ({ text: x.composite, value: x.composite === '—' ? null : Number(x.composite) })) },
      ],
    }),
    heading('Summary per candidate', 2),
    table({
      columns: [{ header: 'Candidate', width: 105 }, { header: 'Mechanical summary', width: 95 }, { header: 'Flags', width: 70 }, { header: 'Recommendations' }, { header: 'Scorecards', width: 70 }],
      rows: v.candidates.map((x) => [x.name, x.label, x.flags, x.tally, x.scorecards]),
      size: 8.5,
    }),
    knockouts.length > 0 ? heading('Knockouts raised', 2) : undefined,
    knockouts.length > 0 ? bullets(knockouts, { size: 9.5 }) : undefined,
  ]);
  return pdf.bytes();
}
