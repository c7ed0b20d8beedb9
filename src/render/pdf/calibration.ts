// The calibration as a PDF a hiring manager reads: a first page with the headline figures, then agreement
// per dimension (chart and table), the interviewers (leans as a dot plot with intervals, how each uses the
// scale), adjusted scores beside raw ones, the dimensions the panel struggles with, and the method.
import type { Calibration, RoleCalibration } from '../../core/calibration/calibration.js';
import {
  NOTE_WORDS,
  READING_WORDS,
  adjustedLabel,
  countsLine,
  formatAlpha,
  formatAlphaInterval,
  formatLean,
  formatMinutes,
  percent,
  insufficientStages,
  rankText,
  recommendationsLine,
  scoreText,
  signed,
  thresholdLine,
  verdictWords,
  windowLine,
} from '../calibration-words.js';
import { PAGE_SIZE, createPdf, type Paper } from './document.js';
import { GREY, bullets, flow, heading, labelValues, paragraph, spacer, table, together, type Block } from './layout.js';
import { intervalPlot, levelBars } from './calibration-charts.js';
import { RATING_WORDS } from '../../core/rating-words.js';

export const CALIBRATION_CONFIDENTIALITY = 'Confidential: names interviewers and candidates; for the hiring manager';

export async function calibrationPdfBytes(calibration: Calibration, paper: Paper = 'a4'): Promise<Uint8Array> {
  const pdf = await createPdf({
    title: 'Calibration of the interview panel',
    subject: `hirekit calibration, ${calibration.generated_at.slice(0, 10)}`,
    confidentiality: CALIBRATION_CONFIDENTIALITY,
    pageSize: PAGE_SIZE[paper],
  });
  const blocks: Block[] = [
    heading('Calibration of the interview panel', 1, { outlineTitle: 'Summary' }),
    paragraph(`Prepared ${calibration.generated_at.slice(0, 10)} from ${windowLine(calibration)}.`, { colour: GREY, size: 9.5, after: 8 }),
  ];
  if (calibration.roles.length === 0) blocks.push(paragraph('No submitted scorecards match.'));
  calibration.roles.forEach((role, i) => blocks.push(...roleBlocks(calibration, role, i > 0)));
  blocks.push(
    heading('Method', 2),
    bullets([calibration.method.missing, calibration.method.resampling, thresholdLine(calibration), calibration.method.leniency, calibration.method.adjustment], { size: 9 }),
  );
  flow(pdf, blocks);
  return pdf.bytes();
}

function roleBlocks(calibration: Calibration, role: RoleCalibration, newPage: boolean): Block[] {
  const min = calibration.method.min_shared_candidates;
  const overall = role.agreement.overall;
  const lenient = role.interviewers.filter((p) => p.leniency.reading === 'lenient').map((p) => p.interviewer.name);
  const severe = role.interviewers.filter((p) => p.leniency.reading === 'severe').map((p) => p.interviewer.name);
  const unknown = role.interviewers.filter((p) => !p.leniency.estimable).length;
  const flagged = role.dimensions.filter((d) => d.notes.length > 0);
  const levelLabels = role.scale.levels.map((l) => l.label);

  const summary: Block[] = [
    heading(`${role.role.title}`, 2, { ...(newPage ? { newPage: true } : {}) }),
    paragraph(`${role.role.id}, rubric v${role.rubric.version} · ${countsLine(role)}`, { size: 9, colour: GREY, after: 6 }),
    labelValues(
      [
        ['Agreement', overall.ordinal.value === null ? formatAlpha(overall.ordinal) : `ordinal alpha ${formatAlpha(overall.ordinal)}${overall.ordinal.interval ? ` (95%: ${formatAlphaInterval(overall.ordinal.interval)})` : ''}, over ${overall.units} candidate × dimension units rated by two or more`],
        ['Leans', `${lenient.length > 0 ? `rate higher than fellow panelists: ${lenient.join(', ')}` : 'nobody clearly rates higher than fellow panelists'}; ${severe.length > 0 ? `rate lower: ${severe.join(', ')}` : 'nobody clearly rates lower'}${unknown > 0 ? `; ${unknown} with too few shared candidates to tell` : ''}`],
        ['Adjusted', role.adjustment.note],
        ['Dimensions', flagged.length > 0 ? flagged.map((d) => `${d.name}: ${d.notes.map((n) => NOTE_WORDS[n]).join('; ')}`).join(' · ') : 'every dimension is rated and its ratings vary'],
      ],
      { labelWidth: 80, size: 9.5 },
    ),
    paragraph(role.agreement.meaning, { size: 8.5, colour: GREY, after: 6 }),
  ];

  const alphaRows = [
    { label: 'All dimensions', set: overall, bold: true },
    ...role.agreement.dimensions.map((d) => ({ label: d.name, set: d as typeof overall, bold: false })),
  ];
  const lowest = Math.min(0, ...alphaRows.flatMap((r) => [r.set.ordinal.interval?.low ?? 0, r.set.ordinal.value ?? 0]));
  const alphaMin = Math.max(-1, Math.floor(lowest * 5) / 5);
  const agreement: Block[] = [
    heading("Agreement: Krippendorff's alpha (ordinal)", 2),
    paragraph('Each dot is the ordinal alpha of a dimension; the bar is its 95% bootstrap interval. Dashed lines: 0.667, below which ratings are too unreliable to lean on, and 0.800, the usual standard.', { size: 8.5, colour: GREY, after: 4 }),
    ...inPieces(alphaRows, (part) => intervalPlot({
      rows: part.map((r) => ({
        label: r.label,
        value: r.set.ordinal.value,
        low: r.set.ordinal.interval?.low ?? null,
        high: r.set.ordinal.interval?.high ?? null,
        note: formatAlpha(r.set.ordinal),
        bold: r.bold,
      })),
      min: alphaMin,
      max: 1,
      references: [
        { at: 0.667, label: '0.667' },
        { at: 0.8, label: '0.800' },
      ],
      ticks: ticksBetween(alphaMin, 1, 0.2),
      tickLabel: (v) => v.toFixed(1),
    })),
    table({
      columns: [{ header: 'Dimension' }, { header: 'Ordinal', width: 55, align: 'right' }, { header: '95% interval', width: 80 }, { header: 'Interval', width: 55, align: 'right' }, { header: 'Nominal', width: 55, align: 'right' }, { header: 'Units', width: 40, align: 'right' }],
      rows: alphaRows.map((r) => [r.label, formatAlpha(r.set.ordinal), formatAlphaInterval(r.set.ordinal.interval), formatAlpha(r.set.interval), formatAlpha(r.set.nominal), String(r.set.units)]),
      size: 8.5,
    }),
  ];

  const estimable = role.interviewers.filter((p) => p.leniency.estimable && p.leniency.mean_difference !== null);
  const extent = Math.max(1, ...estimable.flatMap((p) => [Math.abs(p.leniency.interval?.low ?? 0), Math.abs(p.leniency.interval?.high ?? 0)]));
  const span = Math.ceil(extent * 2) / 2;
  const interviewers: Block[] = [
    heading('Interviewers', 2),
    paragraph(`${calibration.method.leniency} ${thresholdLine(calibration)}`, { size: 8.5, colour: GREY, after: 4 }),
    heading('Lean against fellow panelists (levels)', 3, { outline: false }),
    ...inPieces(role.interviewers, (part) => intervalPlot({
      rows: part.map((p) => ({
        label: p.interviewer.name,
        value: p.leniency.estimable ? p.leniency.mean_difference : null,
        low: p.leniency.interval?.low ?? null,
        high: p.leniency.interval?.high ?? null,
        note: p.leniency.estimable && p.leniency.mean_difference !== null ? signed(p.leniency.mean_difference) : `too few (${p.leniency.shared_candidates})`,
      })),
      min: -span,
      max: span,
      references: [{ at: 0, label: 'no lean' }],
      ticks: ticksBetween(-span, span, span <= 1 ? 0.5 : 1),
      tickLabel: (v) => (v === 0 ? '0' : signed(v, 1)),
    })),
    heading('How each interviewer uses the scale', 3, { outline: false }),
    ...inPieces(role.interviewers, (part, last) =>
      levelBars({
        rows: part.map((p) => ({ label: p.interviewer.name, levels: p.levels.overall.levels, insufficient: p.levels.overall.insufficient, note: `${p.levels.overall.total} answers` })),
        levelLabels,
        insufficientLabel: role.scale.insufficient,
        legend: last,
      }),
    ),
    spacer(10),
    table({
      columns: [{ header: 'Interviewer' }, { header: 'Cards', width: 38, align: 'right' }, { header: 'Cands', width: 38, align: 'right' }, { header: 'Lean (95% interval)', width: 140 }, { header: 'Insuff.', width: 42, align: 'right' }, { header: 'Save → submit', width: 62, align: 'right' }, { header: 'Unrated focus', width: 50, align: 'right' }],
      rows: role.interviewers.map((p) => [
        p.interviewer.name,
        String(p.scorecards),
        String(p.candidates),
        p.leniency.estimable ? formatLean(p.leniency, min).replace('95%: ', '') : READING_WORDS['too-few-shared-candidates'],
        percent(p.insufficient_share),
        formatMinutes(p.time_to_submit.median_minutes),
        String(p.unrated_focus.total),
      ]),
      size: 8.5,
    }),
  ];

  const perInterviewer: Block[] = role.interviewers.map((p) =>
    together([
      heading(p.interviewer.name, 3, { outline: false }),
      paragraph(`${READING_WORDS[p.leniency.reading]}; recommendations ${recommendationsLine(p)}; focus dimensions left unanswered: ${p.unrated_focus.total === 0 ? 'none' : p.unrated_focus.dimensions.map((d) => `${d.name} ×${d.count}`).join(', ')}.`, { size: 8.5, after: 3 }),
      levelBars({
        rows: p.levels.dimensions.map((d) => ({ label: d.name, levels: d.counts.levels, insufficient: d.counts.insufficient, note: `${d.counts.total} answer${d.counts.total === 1 ? '' : 's'}` })),
        levelLabels,
        insufficientLabel: role.scale.insufficient,
        legend: false,
      }),
    ]),
  );

  const adjusted: Block[] = [
    heading('Adjusted scores', 2),
    paragraph(adjustedLabel(), { style: 'bold', size: 9.5, after: 3 }),
    paragraph(role.adjustment.note, { size: 9, after: 6 }),
    table({
      columns: [{ header: 'Candidate' }, { header: 'Raw', width: 40, align: 'right' }, { header: 'Adjusted', width: 58, align: 'right' }, { header: 'Rank', width: 45, align: 'right' }, { header: 'Verdict raw → adjusted', width: 190 }],
      rows: role.adjustment.candidates.map((x) => [
        x.candidate.name,
        scoreText(x.composite.raw),
        scoreText(x.composite.adjusted),
        x.rank.raw === null ? '—' : `${rankText(x.rank.raw)} → ${rankText(x.rank.adjusted)}`,
        x.adjusted
          ? x.verdict_changes
            ? `${verdictWords(x.verdict.raw)} → ${verdictWords(x.verdict.adjusted)}`
            : `${verdictWords(x.verdict.raw)} (unchanged)`
          : `not adjusted: ${x.unknown_lean.length > 0 ? `lean of ${x.unknown_lean.map((q) => q.name).join(', ')} unknown` : 'no rating on the scale'}`,
      ]),
      size: 8.5,
    }),
  ];

  const dimensions: Block[] = [
    heading('Dimensions', 2),
    paragraph(`How often each dimension is answered with “${RATING_WORDS.insufficient}”, in which stages, and whether its ratings vary enough to tell candidates apart.`, { size: 8.5, colour: GREY, after: 4 }),
    table({
      columns: [{ header: 'Dimension' }, { header: 'Answers', width: 52, align: 'right' }, { header: 'Insufficient', width: 62, align: 'right' }, { header: 'Insufficient in', width: 160 }, { header: 'SD', width: 32, align: 'right' }],
      rows: role.dimensions.map((d) => [d.name, String(d.answers), `${d.insufficient} (${percent(d.insufficient_rate)})`, insufficientStages(d), d.sd === null ? '—' : d.sd.toFixed(2)]),
      size: 8.5,
    }),
    flagged.length > 0 ? bullets(flagged.map((d) => `${d.name}: ${d.notes.map((n) => NOTE_WORDS[n]).join('; ')}`), { size: 9 }) : paragraph('Every dimension is rated and its ratings vary.', { size: 9 }),
  ];

  return [...summary, ...agreement, ...interviewers, ...perInterviewer, ...adjusted, ...dimensions];
}

/** Charts of many rows are drawn in pieces of at most this many, each with its own axis, so a page break falls between pieces. */
const ROWS_PER_CHART = 20;

function inPieces<T>(rows: readonly T[], draw: (part: readonly T[], last: boolean) => Block): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_CHART) out.push(draw(rows.slice(i, i + ROWS_PER_CHART), i + ROWS_PER_CHART >= rows.length));
  return out;
}

function ticksBetween(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}
