// The calibration as one self-contained HTML page (inline CSS, no scripts): the same sections as the
// Markdown, with the interviewers' leans drawn as a dot plot with intervals in inline SVG.
import type { AlphaSet, Calibration, RoleCalibration } from '../core/calibration/calibration.js';
import { RATING_MARKS } from '../core/rating-words.js';
import {
  NOTE_WORDS,
  READING_WORDS,
  adjustedLabel,
  countsLine,
  formatAlpha,
  formatAlphaInterval,
  formatLean,
  formatMinutes,
  insufficientStages,
  LEVELS_LEGEND,
  levelsLine,
  percent,
  rankText,
  recommendationsLine,
  scoreText,
  signed,
  thresholdLine,
  verdictWords,
  windowLine,
} from './calibration-words.js';

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, numeric: readonly number[] = []): string {
  const cls = (i: number): string => (numeric.includes(i) ? ' class="num"' : '');
  return [
    '<table>',
    `<thead><tr>${header.map((h, i) => `<th${cls(i)}>${esc(h)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows.map((r) => `<tr>${r.map((v, i) => `<td${cls(i)}>${esc(v)}</td>`).join('')}</tr>`),
    '</tbody></table>',
  ].join('\n');
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.45}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.92rem}th,td{border-bottom:1px solid #ccc;padding:.25rem .6rem;text-align:left;vertical-align:top}
th{border-bottom:2px solid #111}.num{text-align:right;font-variant-numeric:tabular-nums}.note{color:#555}.label{font-style:italic}
h1{border-bottom:2px solid #111}svg text{font-size:11px;font-family:inherit}@media print{body{margin:0}}`;

export function calibrationHtml(calibration: Calibration): string {
  const body: string[] = ['<h1>Calibration of the interview panel</h1>', `<p class="note">${esc(`${calibration.generated_at.slice(0, 10)}: ${windowLine(calibration)}.`)}</p>`];
  if (calibration.roles.length === 0) body.push('<p>No submitted scorecards match.</p>');
  for (const role of calibration.roles) body.push(roleHtml(calibration, role));
  body.push('<h2>Method</h2>', `<p>${esc(calibration.method.missing)}</p>`, `<p>${esc(calibration.method.resampling)}</p>`, `<p>${esc(thresholdLine(calibration))}</p>`, `<p>${esc(calibration.method.adjustment)}</p>`);
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Calibration of the interview panel</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}

function alphaRow(name: string, set: AlphaSet): string[] {
  return [name, formatAlpha(set.ordinal), formatAlphaInterval(set.ordinal.interval), formatAlpha(set.interval), formatAlpha(set.nominal), String(set.units)];
}

/** Leans as dots with their intervals around a zero line; interviewers without an estimate are left out. */
function leanPlot(role: RoleCalibration): string {
  const rows = role.interviewers.filter((p) => p.leniency.estimable && p.leniency.mean_difference !== null);
  if (rows.length === 0) return '';
  const extent = Math.max(1, ...rows.flatMap((p) => [Math.abs(p.leniency.interval?.low ?? 0), Math.abs(p.leniency.interval?.high ?? 0), Math.abs(p.leniency.mean_difference!)]));
  const width = 640;
  const left = 200;
  const right = width - 20;
  const x = (v: number): number => left + ((v + extent) / (2 * extent)) * (right - left);
  const rowH = 22;
  const height = 30 + rows.length * rowH;
  const parts = [`<svg role="img" aria-label="Interviewer leans with 95% intervals" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`];
  parts.push(`<line x1="${x(0)}" y1="18" x2="${x(0)}" y2="${height}" stroke="#888" stroke-dasharray="3 3"/>`);
  for (const v of [-extent, 0, extent]) parts.push(`<text x="${x(v)}" y="12" text-anchor="middle">${esc(signed(v, 1))}</text>`);
  rows.forEach((p, i) => {
    const y = 30 + i * rowH + rowH / 2 - 4;
    const l = p.leniency;
    parts.push(`<text x="0" y="${y + 4}">${esc(p.interviewer.name)}</text>`);
    if (l.interval) parts.push(`<line x1="${x(l.interval.low)}" y1="${y}" x2="${x(l.interval.high)}" y2="${y}" stroke="#111" stroke-width="2"/>`);
    parts.push(`<circle cx="${x(l.mean_difference!)}" cy="${y}" r="4.5" fill="#111"/>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

function roleHtml(calibration: Calibration, role: RoleCalibration): string {
  const min = calibration.method.min_shared_candidates;
  const out: string[] = [`<h2>${esc(role.role.title)} <span class="note">(${esc(role.role.id)}, rubric v${esc(role.rubric.version)})</span></h2>`, `<p>${esc(countsLine(role))}</p>`];
  out.push("<h3>Agreement: Krippendorff's alpha</h3>", `<p>${esc(role.agreement.meaning)}</p>`);
  out.push(table(['Dimension', 'Ordinal', '95% interval', 'Interval', 'Nominal', 'Units'], [alphaRow('All dimensions', role.agreement.overall), ...role.agreement.dimensions.map((d) => alphaRow(d.name, d))], [1, 3, 4, 5]));

  out.push('<h3>Interviewers</h3>', `<p>${esc(`${calibration.method.leniency} ${thresholdLine(calibration)}`)}</p>`, `<p class="note">${esc(LEVELS_LEGEND)}</p>`, leanPlot(role));
  out.push(
    table(
      ['Interviewer', 'Scorecards', 'Candidates', 'Lean', 'Reading', 'Insufficient', 'First save to submission (median)'],
      role.interviewers.map((p) => [
        p.interviewer.name,
        String(p.scorecards),
        String(p.candidates),
        p.leniency.estimable ? formatLean(p.leniency, min) : '—',
        READING_WORDS[p.leniency.reading],
        percent(p.insufficient_share),
        formatMinutes(p.time_to_submit.median_minutes),
      ]),
      [1, 2, 5],
    ),
  );
  for (const p of role.interviewers) {
    out.push(`<h4>${esc(p.interviewer.name)}</h4>`, '<ul>');
    out.push(`<li>Lean: ${esc(formatLean(p.leniency, min))}; ${p.leniency.shared_candidates} shared candidates, ${p.leniency.shared_units} shared ratings</li>`);
    out.push(`<li>Levels overall: ${esc(levelsLine(p.levels.overall))}</li>`, `<li>Recommendations: ${esc(recommendationsLine(p))}</li>`);
    out.push(`<li>First save to submission: median ${esc(formatMinutes(p.time_to_submit.median_minutes))}, longest ${esc(formatMinutes(p.time_to_submit.longest_minutes))}</li>`);
    out.push(`<li>Focus dimensions left unanswered: ${p.unrated_focus.total === 0 ? 'none' : esc(p.unrated_focus.dimensions.map((d) => `${d.name} ×${d.count}`).join(', '))}</li>`, '</ul>');
    if (p.levels.dimensions.length > 0) {
      const levelCols = role.scale.levels.map((_l, i) => i + 1);
      out.push(table(['Dimension', ...role.scale.levels.map((l) => String(l.level)), RATING_MARKS.insufficient], p.levels.dimensions.map((d) => [d.name, ...d.counts.levels.map(String), String(d.counts.insufficient)]), [...levelCols, levelCols.length + 1]));
    }
  }

  out.push('<h3>Adjusted scores</h3>', `<p class="label">${esc(adjustedLabel())}</p>`, `<p>${esc(role.adjustment.note)}</p>`);
  out.push(
    table(
      ['Candidate', 'Composite (raw)', 'Composite (adjusted)', 'Rank raw → adjusted', 'Verdict (raw)', 'Verdict (adjusted)', 'Not adjusted because'],
      role.adjustment.candidates.map((x) => [
        x.candidate.name,
        scoreText(x.composite.raw),
        scoreText(x.composite.adjusted),
        x.rank.raw === null ? '—' : `${rankText(x.rank.raw)} → ${rankText(x.rank.adjusted)}`,
        verdictWords(x.verdict.raw),
        verdictWords(x.verdict.adjusted),
        x.adjusted ? '' : x.unknown_lean.length > 0 ? `lean unknown: ${x.unknown_lean.map((p) => p.name).join(', ')}` : 'no rating on the scale',
      ]),
      [1, 2],
    ),
  );

  out.push('<h3>Dimensions</h3>');
  out.push(
    table(
      ['Dimension', 'Answers', 'Insufficient', 'Insufficient in', 'SD', 'Note'],
      role.dimensions.map((d) => [
        d.name,
        String(d.answers),
        `${d.insufficient} (${percent(d.insufficient_rate)})`,
        insufficientStages(d),
        d.sd === null ? '—' : d.sd.toFixed(2),
        d.notes.map((n) => NOTE_WORDS[n]).join('; '),
      ]),
      [1, 4],
    ),
  );
  return out.join('\n');
}
