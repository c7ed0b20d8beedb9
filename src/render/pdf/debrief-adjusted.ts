// The "adjusted for interviewer leans" section of the debrief PDF (`debrief --adjusted`).
import type { DebriefAdjustment } from '../../core/calibration/debrief-adjustment.js';
import { adjustedView } from '../debrief-adjusted-view.js';
import { GREY, heading, paragraph, table, type Block } from './layout.js';

export function adjustedBlocks(a: DebriefAdjustment): Block[] {
  const v = adjustedView(a);
  if (!v.shown) return [heading(v.title, 2), paragraph(v.label, { size: 9, colour: GREY, after: 4 }), paragraph(v.reason, { size: 9.5 })];
  return [
    heading(v.title, 2),
    paragraph(v.label, { size: 9, colour: GREY, after: 4 }),
    paragraph(v.leans, { size: 9, after: 4 }),
    table({
      columns: [{ header: 'Dimension' }, { header: 'Raw score', width: 70, align: 'right' }, { header: 'Adjusted', width: 70, align: 'right' }],
      rows: [...v.rows.map((r) => [r.name, r.raw, r.adjusted]), ['Composite', v.composite.raw, v.composite.adjusted]],
      size: 9,
    }),
    paragraph(v.verdict, { size: 9.5 }),
  ];
}
