// The debrief as a compact, coloured terminal summary: the mechanical summary, a dimension-by-interviewer
// grid, the agenda, flags, coverage gaps and integrity warnings. Evidence is left to the PDF/Markdown.
import type { ChalkInstance } from 'chalk';
import type { Debrief } from '../../core/debrief.js';
import type { Verdict } from '../../core/debrief-policy.js';
import { RATING_MARKS, RATING_WORDS } from '../../core/rating-words.js';
import { agendaDetail, agendaTitle, columnKeys, dateOf, formatComposite, formatScore, formatShare, hurdleLine, ratingSymbol, tallyLine } from '../debrief-words.js';
import { adjustedSection } from './debrief-adjusted.js';
import { debriefView } from '../debrief-view.js';
import { FLAG_SIGNS } from '../flag-words.js';
import { wrap } from './style.js';
import { columnsOf, padEndTo, padStartTo, truncateTo } from './width.js';

export function verdictColour(c: ChalkInstance, verdict: Verdict): ChalkInstance {
  if (verdict === 'at-or-above-bar') return c.green.bold;
  if (verdict === 'not-enough-evidence') return c.yellow.bold;
  return c.red.bold;
}

/** Green at or above the bar, yellow within a level below it, red further down; on any scale. */
export function ratingColour(c: ChalkInstance, rating: number | 'insufficient', bar = 3): ChalkInstance {
  if (rating === 'insufficient') return c.dim;
  return rating >= bar ? c.green : rating >= bar - 1 ? c.yellow : c.red;
}

export function renderDebriefText(d: Debrief, c: ChalkInstance, width = 80): string {
  const out: string[] = [];
  const para = (text: string, indent = '  '): void => {
    out.push(wrap(text, width, indent));
  };
  const heading = (text: string): void => {
    out.push('', c.bold.underline(text));
  };

  // The heading and summary lines wrap like the rest: a long name or verdict must not run past the terminal.
  out.push(wrap(`${c.bold(d.candidate.name)} ${c.dim('·')} ${d.role.title} ${c.dim(`(${d.role.id}, rubric v${d.rubric.version})`)}`, width));
  const drafts = d.drafts.length > 0 ? `, ${d.drafts.length} draft${d.drafts.length === 1 ? '' : 's'} left out` : '';
  out.push(c.dim(wrap(`Debrief of ${dateOf(d.generated_at)}: ${d.panel.length} submitted scorecard${d.panel.length === 1 ? '' : 's'}${drafts}`, width)));
  for (const w of d.warnings) para(`${c.yellow('!')} ${w.message}`, '');

  const verdict = `${c.bold('Mechanical summary:')} ${verdictColour(c, d.summary.verdict)(d.summary.label.toUpperCase())}`;
  const composite = c.dim(`composite ${formatComposite(d.policy.composite)}, bar ${formatComposite(d.policy.bar)}`);
  // The composite beside the verdict when both fit; on a narrow terminal, on the next line under it.
  if (columnsOf(verdict) + 2 + columnsOf(composite) <= width) out.push('', `${verdict}  ${composite}`);
  else out.push('', wrap(verdict, width), `  ${composite}`);
  para(c.dim(d.summary.notice), '  ');
  for (const r of d.summary.reasons) para(`• ${r}`, '  ');
  out.push(wrap(`${c.bold('Recommendations:')} ${tallyLine(d)}`, width, ''));

  heading('Concerns');
  if (d.summary.concerns.length === 0) para('None: no flag against the candidate, every dimension at or above the bar and rated by two or more interviewers, full coverage.');
  for (const concern of d.summary.concerns) {
    const mark = concern.kind === 'knockout' || concern.kind === 'red-flag' || concern.kind === 'hurdle-failed' ? c.red('!') : concern.page_one ? c.yellow('!') : c.dim('·');
    out.push(wrap(`${mark} ${concern.message}`, width, '    ').replace(/^ {4}/, '  '));
  }

  heading('To discuss first');
  if (d.agenda.length === 0) para('Nothing: no knockout, conflict, failed hurdle, disagreement, below-bar or single-rating dimension.');
  d.agenda.forEach((item, i) => {
    para(`${i + 1}. ${item.kind === 'knockout' ? c.red.bold(agendaTitle(item)) : c.bold(agendaTitle(item))}`, '  ');
    para(agendaDetail(item), '     ');
  });

  if (d.decision) out.push(...committeeDecision(d, c, width));

  heading('Dimensions');
  out.push(...dimensionGrid(d, c, width));
  para(c.dim(`${RATING_MARKS.insufficient}  ${RATING_WORDS.insufficient}, never counted;  ${RATING_MARKS.notRated}  ${RATING_WORDS.notRated};  ↔  to discuss;  ≥n  hurdle`), '');
  if (d.dimensions.some((x) => x.score === null)) para(c.dim(`${RATING_MARKS.none}  ${RATING_WORDS.notRatedWithEvidence}: no panel score`), '');

  heading('Flags');
  if (d.flags.length === 0) para('No flags raised.');
  for (const f of d.flags) {
    const colour = f.kind === 'green' ? c.green : f.kind === 'concern' ? c.yellow : c.red;
    const mark = f.tier === 'knockout' ? c.red.bold(' KNOCKOUT') : f.tier === 'concern' ? c.yellow(' (concern)') : '';
    const where = f.cross_cutting ? 'any dimension' : f.dimensions.map((x) => x.name).join(', ') || f.id;
    para(`${colour(FLAG_SIGNS[f.tier])} ${f.text}${mark} ${c.dim(`[${where}]`)}`);
    for (const r of f.raised_by) para(`${r.interviewer.name} (${d.panel[r.panel]?.stage.name ?? r.stage}): “${r.note}”`, '      ');
  }

  heading('Coverage');
  const cov = d.coverage;
  para(`${formatShare(cov.rated_share)} of the weight rated (${cov.rated_weight} of ${cov.total_weight}); the policy asks for ${formatShare(d.policy.min_coverage)}.`);
  if (cov.unrated_dimensions.length > 0) para(`Not rated with evidence: ${cov.unrated_dimensions.map((u) => u.name).join(', ')}.`);
  const missing = cov.stages_without_scorecard.filter((s) => !s.optional);
  const skipped = cov.stages_without_scorecard.filter((s) => s.optional);
  if (missing.length > 0) para(`Stages without a submitted scorecard: ${missing.map((s) => s.name).join(', ')}.`);
  if (skipped.length > 0) para(`Optional stages without a scorecard (the loop may skip them): ${skipped.map((s) => s.name).join(', ')}.`);
  for (const h of d.policy.hurdles) para(`Hurdle: ${hurdleLine(h)}.`);
  if (d.drafts.length > 0) para(`Drafts left out: ${d.drafts.map((x) => `${x.interviewer.name} (${x.stage.name})`).join(', ')}.`);
  if (d.adjusted) out.push(...adjustedSection(d.adjusted, c, width));
  out.push('');
  return `${out.join('\n')}\n`;
}

/** The committee's submitted decision: where it departs from the numbers first, then consensus per dimension. */
function committeeDecision(d: Debrief, c: ChalkInstance, width: number): string[] {
  const v = debriefView(d).decision;
  if (!v) return [];
  const out: string[] = ['', c.bold.underline('Committee decision')];
  const para = (text: string, indent = '  '): void => void out.push(wrap(text, width, indent));
  out.push(wrap(`${c.bold(v.label.toUpperCase())} ${c.dim(`decided ${v.date} by ${v.participants}`)}`, width, ''));
  if (v.follows) para(`Follows the mechanical summary (${d.summary.label}).`);
  else for (const line of v.departures) para(`${c.yellow('≠')} ${line}`);
  para(`Rationale: ${v.rationale}`);
  for (const x of v.dimensions) para(`${x.name}: consensus ${c.bold(x.consensus)} ${c.dim(`(panel ${x.panel})`)}${x.differs ? c.yellow(' ≠') : ''}: ${x.reason}`, '    ');
  for (const k of v.knockouts) para(`Knockout ${k.ruling}: ${k.text}${k.reason ? `: ${k.reason}` : ''}`);
  para(`Dissent: ${v.dissent.length === 0 ? 'none recorded' : v.dissent.map((x) => `${x.name}: “${x.note}”`).join('; ')}`);
  for (const n of v.notes) para(c.dim(n));
  return out;
}

/** Narrowest the dimension names get before the scorecard columns wrap into another block. */
const MIN_NAME_WIDTH = 20;
/** "wt", "score" and "range" with the spaces between them, and the room for " ↔" or " ≥3" after the cells. */
const FIXED_WIDTH = 1 + 4 + 1 + 5 + 1 + 5 + 2;
const MARK_WIDTH = 3;

/**
 * The dimension-by-scorecard grid with its legend, within `width` columns. Columns are as wide as their
 * keys; names shrink to make room, and past that the scorecards wrap into further blocks of the grid.
 */
export function dimensionGrid(d: Debrief, c: ChalkInstance, width = 80): string[] {
  const keys = columnKeys(d.panel);
  const cellWidth = Math.max(2, ...keys.map((k) => columnsOf(k))) + 1;
  const longest = Math.max(9, ...d.dimensions.map((x) => columnsOf(x.name)));
  const room = (names: number): number => Math.max(1, Math.floor((width - FIXED_WIDTH - MARK_WIDTH - names) / cellWidth));
  const nameWidth = Math.max(MIN_NAME_WIDTH, Math.min(34, longest, width - FIXED_WIDTH - MARK_WIDTH - keys.length * cellWidth));
  const perBlock = Math.max(1, Math.min(keys.length, room(nameWidth)));
  const out: string[] = [];
  for (let from = 0; from < Math.max(1, keys.length); from += perBlock) {
    const columns = Array.from({ length: Math.min(perBlock, keys.length - from) }, (_, i) => from + i);
    if (from > 0) out.push('');
    const cell = (s: string): string => padStartTo(s, cellWidth);
    out.push(c.dim(`${'dimension'.padEnd(nameWidth)} ${'wt'.padStart(4)} ${'score'.padStart(5)} ${'range'.padStart(5)}  ${columns.map((i) => cell(keys[i]!)).join('')}`));
    for (const x of d.dimensions) {
      const name = padEndTo(truncateTo(x.name, nameWidth), nameWidth);
      const range = x.min === null ? RATING_MARKS.none : x.min === x.max ? String(x.min) : `${x.min}-${x.max}`;
      const cells = columns.map((i) => {
        const r = x.ratings.find((y) => y.panel === i);
        const text = cell(r ? ratingSymbol(r.rating) : RATING_MARKS.notRated);
        return r ? ratingColour(c, r.rating, d.policy.bar)(text) : c.dim(text);
      });
      const score = formatScore(x.score).padStart(5);
      const mark = x.disagreement ? c.red(' ↔') : x.hurdle !== null ? c.dim(` ≥${x.hurdle}`) : '';
      out.push(`${name} ${String(x.weight).padStart(4)} ${x.score === null ? c.dim(score) : c.bold(score)} ${range.padStart(5)}  ${cells.join('')}${mark}`);
    }
  }
  // One line per scorecard: who, and at which stage, so a column number or repeated initials resolve.
  const keyWidth = Math.max(...keys.map((k) => columnsOf(k)), 0);
  d.panel.forEach((p, i) => {
    const who = `${p.interviewer.name} · ${p.stage.name}${p.rubric_mismatch ? ' (other rubric version)' : ''}`;
    const lines = wrap(who, width - keyWidth - 2).split('\n');
    lines.forEach((line, n) => out.push(c.dim(`${n === 0 ? padStartTo(keys[i]!, keyWidth) : ' '.repeat(keyWidth)}  ${line}`)));
  });
  return out;
}
