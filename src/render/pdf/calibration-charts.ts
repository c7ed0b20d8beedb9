// Charts for the calibration PDF, as layout Blocks: a stacked bar of level shares per row (how an interviewer
// uses the scale) and a dot-with-interval plot against reference lines (interviewer leans around 0, alpha per
// dimension against 0.667 and 0.800). Plain data in; the renderer decides what goes in. Black and greys only.
import type { Pdf } from './document.js';
import { GREY, INK, type Block } from './layout.js';
import { labelHeight } from './heatmap.js';

const LABEL = 150;
const NOTE = 70;

/** Lightest for the lowest level, darkest for the highest, for any number of levels. */
export function levelShade(level: number, levels: number): string {
  const t = levels <= 1 ? 1 : (level - 1) / (levels - 1);
  const grey = Math.round(238 - t * 200);
  const hex = grey.toString(16).padStart(2, '0');
  return `#${hex}${hex}${hex}`;
}

export interface LevelBarRow {
  label: string;
  /** Count per level, index 0 for level 1. */
  levels: readonly number[];
  insufficient: number;
  note: string;
}

export function levelBars(spec: { rows: readonly LevelBarRow[]; levelLabels: readonly string[]; insufficientLabel: string; legend?: boolean }): Block {
  const size = 8.5;
  const rowHeight = (pdf: Pdf, row: LevelBarRow): number => Math.max(18, labelHeight(pdf, row.label, size, LABEL - 8) + 6);
  const legend = spec.legend === false ? 6 : 22;
  return {
    height: (pdf) => spec.rows.reduce((s, r) => s + rowHeight(pdf, r), 0) + legend + 8,
    draw: (pdf) => {
      const doc = pdf.doc;
      const left = pdf.left + LABEL;
      const right = pdf.left + pdf.width - NOTE - 8;
      let y = doc.y;
      const count = spec.levelLabels.length;
      for (const row of spec.rows) {
        const h = rowHeight(pdf, row);
        pdf.font('regular', size);
        doc.fillColor(INK).text(row.label, pdf.left, y + 3, { width: LABEL - 8, lineGap: 1, structParent: pdf.root, structType: 'P' });
        const total = row.levels.reduce((a, b) => a + b, 0) + row.insufficient;
        let x = left;
        const barTop = y + (h - 11) / 2;
        doc.markContent('Artifact', { type: 'Layout' });
        if (total > 0) {
          row.levels.forEach((n, i) => {
            if (n === 0) return;
            const w = ((right - left) * n) / total;
            doc.rect(x, barTop, w, 11).fillColor(levelShade(i + 1, count)).fill();
            x += w;
          });
          if (row.insufficient > 0) {
            const w = ((right - left) * row.insufficient) / total;
            doc.rect(x + 0.5, barTop + 0.5, w - 1, 10).lineWidth(0.7).dash(1.5, { space: 1.5 }).strokeColor(INK).stroke().undash();
          }
        }
        doc.rect(left, barTop, right - left, 11).lineWidth(0.4).strokeColor('#999999').stroke();
        doc.endMarkedContent();
        // Level counts inside their segments, where they fit.
        x = left;
        pdf.font('regular', 7);
        row.levels.forEach((n, i) => {
          if (n === 0 || total === 0) return;
          const w = ((right - left) * n) / total;
          const text = String(n);
          if (doc.widthOfString(text) + 4 <= w) doc.fillColor(i + 1 > count / 2 ? '#ffffff' : INK).text(text, x, barTop + 2.2, { width: w, align: 'center', lineBreak: false });
          x += w;
        });
        pdf.font('regular', size);
        doc.fillColor(GREY).text(row.note, right + 8, y + (h - size) / 2 - 1, { width: NOTE, align: 'right', lineBreak: false });
        y += h;
      }
      if (spec.legend !== false) drawLevelLegend(pdf, y + 6, spec.levelLabels, spec.insufficientLabel);
      doc.x = pdf.left;
      doc.y = y + legend - 6;
    },
  };
}

/** One swatch per level, then the dashed box for "insufficient", wrapping onto a second line if needed. */
function drawLevelLegend(pdf: Pdf, top: number, labels: readonly string[], insufficient: string): void {
  const doc = pdf.doc;
  let x = pdf.left;
  let y = top;
  pdf.font('regular', 7.5);
  const items = [...labels.map((label, i) => ({ text: `${i + 1} ${label}`, level: i + 1 })), { text: insufficient, level: 0 }];
  for (const item of items) {
    const w = 12 + doc.widthOfString(item.text) + 10;
    if (x + w > pdf.left + pdf.width && x > pdf.left) {
      x = pdf.left;
      y += 12;
    }
    doc.markContent('Artifact', { type: 'Layout' });
    if (item.level > 0) doc.rect(x, y, 9, 9).fillColor(levelShade(item.level, labels.length)).fill();
    else doc.rect(x + 0.5, y + 0.5, 8, 8).lineWidth(0.7).dash(1.5, { space: 1.5 }).strokeColor(INK).stroke().undash();
    doc.endMarkedContent();
    doc.fillColor(GREY).text(item.text, x + 12, y + 1, { lineBreak: false });
    x += w;
  }
}

export interface IntervalRow {
  label: string;
  /** The estimate, drawn as a dot; null draws nothing but the note. */
  value: number | null;
  low: number | null;
  high: number | null;
  note: string;
  bold?: boolean;
}

export interface IntervalSpec {
  rows: readonly IntervalRow[];
  min: number;
  max: number;
  /** Vertical reference lines with their labels, e.g. 0, or 0.667 and 0.800. */
  references: ReadonlyArray<{ at: number; label: string }>;
  /** Tick values printed over the axis. */
  ticks: readonly number[];
  tickLabel: (value: number) => string;
}

export function intervalPlot(spec: IntervalSpec): Block {
  const size = 8.5;
  const head = 16;
  const rowHeight = (pdf: Pdf, row: IntervalRow): number => Math.max(17, labelHeight(pdf, row.label, size, LABEL - 8, row.bold) + 5);
  return {
    height: (pdf) => head + spec.rows.reduce((s, r) => s + rowHeight(pdf, r), 0) + 14,
    draw: (pdf) => {
      const doc = pdf.doc;
      const left = pdf.left + LABEL + 6;
      const right = pdf.left + pdf.width - NOTE - 14;
      const clampX = (v: number): number => left + ((Math.min(spec.max, Math.max(spec.min, v)) - spec.min) / (spec.max - spec.min)) * (right - left);
      const top = doc.y;
      const bottom = top + head + spec.rows.reduce((s, r) => s + rowHeight(pdf, r), 0);
      pdf.font('regular', 7.5);
      for (const t of spec.ticks) doc.fillColor(GREY).text(spec.tickLabel(t), clampX(t) - 20, top, { width: 40, align: 'center', lineBreak: false });
      doc.markContent('Artifact', { type: 'Layout' });
      doc.moveTo(left, top + head - 4).lineTo(right, top + head - 4).lineWidth(0.5).strokeColor('#999999').stroke();
      for (const t of spec.ticks) doc.moveTo(clampX(t), top + head - 7).lineTo(clampX(t), top + head - 4).lineWidth(0.5).strokeColor('#999999').stroke();
      for (const ref of spec.references) doc.moveTo(clampX(ref.at), top + head - 4).lineTo(clampX(ref.at), bottom).lineWidth(0.6).dash(2, { space: 2 }).strokeColor(GREY).stroke().undash();
      doc.endMarkedContent();
      let y = top + head;
      for (const row of spec.rows) {
        const h = rowHeight(pdf, row);
        const mid = y + h / 2;
        pdf.font(row.bold ? 'bold' : 'regular', size);
        doc.fillColor(INK).text(row.label, pdf.left, y + 2.5, { width: LABEL - 8, lineGap: 1, structParent: pdf.root, structType: 'P' });
        doc.markContent('Artifact', { type: 'Layout' });
        doc.moveTo(pdf.left, y).lineTo(pdf.left + pdf.width, y).lineWidth(0.3).strokeColor('#dddddd').stroke();
        if (row.low !== null && row.high !== null) {
          const a = clampX(row.low);
          const b = clampX(row.high);
          doc.moveTo(a, mid).lineTo(b, mid).lineWidth(1.4).strokeColor(INK).stroke();
          doc.moveTo(a, mid - 3).lineTo(a, mid + 3).moveTo(b, mid - 3).lineTo(b, mid + 3).lineWidth(1).strokeColor(INK).stroke();
        }
        if (row.value !== null) doc.circle(clampX(row.value), mid, 3.6).fillColor(INK).fill();
        doc.endMarkedContent();
        pdf.font(row.bold ? 'bold' : 'regular', size);
        doc.fillColor(row.value === null ? GREY : INK).text(row.note, right + 14, mid - size / 2 - 1, { width: NOTE, align: 'right', lineBreak: false });
        y += h;
      }
      doc.markContent('Artifact', { type: 'Layout' });
      doc.moveTo(pdf.left, y).lineTo(pdf.left + pdf.width, y).lineWidth(0.3).strokeColor('#dddddd').stroke();
      doc.endMarkedContent();
      // Reference labels under the plot, alternately left and right of their line so close ones do not collide.
      pdf.font('regular', 7);
      spec.references.forEach((ref, i) => {
        const x = clampX(ref.at);
        const w = doc.widthOfString(ref.label);
        doc.fillColor(GREY).text(ref.label, i % 2 === 0 && spec.references.length > 1 ? x - w - 2 : x + 2, y + 2, { lineBreak: false });
      });
      doc.x = pdf.left;
      doc.y = y + 14;
    },
  };
}
