// Vector charts for debriefs and comparisons, as layout Blocks: the heatmap (./heatmap.ts, re-exported
// here) and a spread chart (each row's ratings as dots on the rubric's scale, the range between them as a
// line, the panel score as a diamond). Plain data in, no Debrief: the renderers decide what goes in.
import type { Pdf } from './document.js';
import { GREY, INK, type Block } from './layout.js';
import { LABEL_WIDTH, labelHeight } from './heatmap.js';

export { heatmap, shadeFor, type HeatCell, type HeatColumn, type HeatmapSpec } from './heatmap.js';

export interface SpreadRow {
  label: string;
  /** Individual ratings on the scale; equal ratings are drawn as one dot with a count. */
  points: readonly number[];
  /** The panel score (median or mean), drawn as a diamond. */
  score: number | null;
  /** Minimum level of a hurdle, drawn as a bracket on the axis. */
  hurdle?: number | null;
  /** Text at the right end of the row, e.g. "3 (2–4) +1 ?". */
  note: string;
  /** Rows to discuss get a heavier label. */
  highlight?: boolean;
}

export interface SpreadSpec {
  rows: readonly SpreadRow[];
  /** Labels of levels 1 up to the top (3 to 7 of them), printed over the axis. */
  levels: readonly string[];
  size?: number;
}

const NOTE_WIDTH = 78;

export function spreadChart(spec: SpreadSpec): Block {
  const size = spec.size ?? 8.5;
  const geometry = (pdf: Pdf) => {
    const rowHeights = spec.rows.map((r) => Math.max(25, labelHeight(pdf, r.label, size, LABEL_WIDTH - 8, r.highlight) + 9));
    const head = 26;
    return { head, rowHeights, total: head + rowHeights.reduce((a, b) => a + b, 0) + 10 };
  };
  return {
    height: (pdf) => geometry(pdf).total,
    draw: (pdf) => {
      const { head, rowHeights } = geometry(pdf);
      const doc = pdf.doc;
      const plotLeft = pdf.left + LABEL_WIDTH + 10;
      const plotRight = pdf.left + pdf.width - NOTE_WIDTH - 10;
      const topLevel = Math.max(2, spec.levels.length);
      const xOf = (v: number): number => plotLeft + ((v - 1) / (topLevel - 1)) * (plotRight - plotLeft);
      // Level labels share the space between gridlines; on a wide scale they get narrower, never overlap.
      const labelWidth = Math.min(80, (plotRight - plotLeft) / (topLevel - 1));
      const top = doc.y;
      const bottom = top + head + rowHeights.reduce((a, b) => a + b, 0);

      // Axis labels and gridlines at each level.
      for (let level = 1; level <= topLevel; level++) {
        const x = xOf(level);
        pdf.font('bold', size);
        doc.fillColor(INK).text(String(level), x - 20, top, { width: 40, align: 'center', lineBreak: false });
        pdf.font('regular', size - 1.5);
        doc.fillColor(GREY).text(spec.levels[level - 1] ?? '', x - labelWidth / 2, top + size + 2, { width: labelWidth, align: 'center', lineBreak: false, ellipsis: true });
        doc.markContent('Artifact', { type: 'Layout' });
        doc.moveTo(x, top + head - 2).lineTo(x, bottom).lineWidth(0.4).dash(1.5, { space: 2 }).strokeColor('#999999').stroke().undash();
        doc.endMarkedContent();
      }
      let y = top + head;
      spec.rows.forEach((row, r) => {
        const h = rowHeights[r]!;
        const mid = y + h / 2;
        doc.markContent('Artifact', { type: 'Layout' });
        doc.moveTo(pdf.left, y).lineTo(pdf.left + pdf.width, y).lineWidth(0.3).strokeColor('#cccccc').stroke();
        doc.endMarkedContent();
        pdf.font(row.highlight ? 'bold' : 'regular', size);
        doc.fillColor(INK).text(row.label, pdf.left, y + 4, { width: LABEL_WIDTH - 8, lineGap: 1, structParent: pdf.root, structType: 'P' });
        doc.markContent('Artifact', { type: 'Layout' });
        if (row.hurdle) {
          // A bracket under the axis from the hurdle's minimum to the top level: the zone the score must reach.
          const hx = xOf(row.hurdle);
          doc.moveTo(hx, mid + 7).lineTo(hx, mid + 9).lineTo(xOf(topLevel), mid + 9).lineTo(xOf(topLevel), mid + 7).lineWidth(0.8).strokeColor(INK).stroke();
        }
        if (row.points.length > 0) {
          const lo = Math.min(...row.points);
          const hi = Math.max(...row.points);
          if (hi > lo) doc.moveTo(xOf(lo), mid).lineTo(xOf(hi), mid).lineWidth(row.highlight ? 2.2 : 1.4).strokeColor(INK).stroke();
          // The diamond goes under the dots, so a rating equal to the panel score shows as a dot inside it.
          if (row.score !== null) {
            const sx = xOf(row.score);
            doc.polygon([sx, mid - 6.5], [sx + 6.5, mid], [sx, mid + 6.5], [sx - 6.5, mid]).fillColor(INK).fill();
          }
          const counts = new Map<number, number>();
          for (const p of row.points) counts.set(p, (counts.get(p) ?? 0) + 1);
          for (const [value] of counts) doc.circle(xOf(value), mid, 3).lineWidth(1).fillColor('#ffffff').strokeColor(INK).fillAndStroke();
          doc.endMarkedContent();
          for (const [value, n] of counts) {
            if (n < 2) continue;
            pdf.font('regular', size - 2);
            doc.fillColor(INK).text(`×${n}`, xOf(value) - 10, mid - 15, { width: 20, align: 'center', lineBreak: false });
          }
        } else {
          doc.endMarkedContent();
        }
        pdf.font(row.highlight ? 'bold' : 'regular', size);
        doc.fillColor(INK).text(row.note, pdf.left + pdf.width - NOTE_WIDTH, mid - size / 2 - 1, { width: NOTE_WIDTH, align: 'right', lineBreak: false });
        y += h;
      });
      doc.markContent('Artifact', { type: 'Layout' });
      doc.moveTo(pdf.left, y).lineTo(pdf.left + pdf.width, y).lineWidth(0.3).strokeColor('#cccccc').stroke();
      doc.endMarkedContent();
      doc.x = pdf.left;
      doc.y = y + 10;
    },
  };
}

/** The legend under the spread chart, drawn with the same marks. */
export function spreadLegend(items: { point: string; range: string; score: string; hurdle?: string; extra?: string }): Block {
  const size = 7.5;
  return {
    height: () => 16,
    draw: (pdf) => {
      const doc = pdf.doc;
      const y = doc.y + 5;
      let x = pdf.left;
      const label = (text: string, width: number): void => {
        pdf.font('regular', size);
        doc.fillColor(GREY).text(text, x, y - size / 2 - 1, { width, lineBreak: false });
        x += Math.min(width, doc.widthOfString(text)) + 14;
      };
      doc.markContent('Artifact', { type: 'Layout' });
      doc.circle(x + 3.5, y, 3.2).lineWidth(1).fillColor('#ffffff').strokeColor(INK).fillAndStroke();
      doc.endMarkedContent();
      x += 10;
      label(items.point, 150);
      doc.markContent('Artifact', { type: 'Layout' });
      doc.moveTo(x, y).lineTo(x + 16, y).lineWidth(1.4).strokeColor(INK).stroke();
      doc.endMarkedContent();
      x += 20;
      label(items.range, 150);
      doc.markContent('Artifact', { type: 'Layout' });
      doc.polygon([x + 4, y - 4.5], [x + 8.5, y], [x + 4, y + 4.5], [x - 0.5, y]).fillColor(INK).fill();
      doc.endMarkedContent();
      x += 12;
      label(items.score, 150);
      if (items.hurdle) {
        doc.markContent('Artifact', { type: 'Layout' });
        doc.moveTo(x, y - 1).lineTo(x, y + 1).lineTo(x + 16, y + 1).lineTo(x + 16, y - 1).lineWidth(0.8).strokeColor(INK).stroke();
        doc.endMarkedContent();
        x += 20;
        label(items.hurdle, 150);
      }
      if (items.extra) label(items.extra, pdf.left + pdf.width - x);
      doc.x = pdf.left;
      doc.y = y + 10;
    },
  };
}
