// What the committee sees in the terminal while it records its decision: the mechanical summary and the
// concerns, then for each step the panel's individual ratings (or the knockout and who raised it), then a
// review of every answer before submitting. Text only; the session in commands/ asks the questions.
import type { ChalkInstance } from 'chalk';
import type { AgendaItem, Debrief, DimensionResult, RaisedFlag } from '../../core/debrief.js';
import { OUTCOME_LABELS, type DecisionBody } from '../../core/decision.js';
import { RATING_MARKS, RATING_WORDS, noEvidenceText, ratingMark } from '../../core/rating-words.js';
import { agendaTitle, formatComposite, formatScore, hearFrom } from '../debrief-words.js';
import { ratingColour, verdictColour } from './debrief.js';
import { wrap } from './style.js';

export function renderDecisionBrief(d: Debrief, c: ChalkInstance, width: number): string {
  const out: string[] = [];
  out.push('', wrap(`${c.bold(`Committee decision: ${d.candidate.name}`)} ${c.dim(`· ${d.role.title} (${d.role.id}, rubric v${d.rubric.version})`)}`, width, ''));
  out.push(wrap(`${c.bold('Mechanical summary:')} ${verdictColour(c, d.summary.verdict)(d.summary.label)} ${c.dim(`composite ${formatComposite(d.policy.composite)}, bar ${formatComposite(d.policy.bar)}; ${d.panel.length} submitted scorecards`)}`, width, ''));
  out.push(wrap(c.dim(`${d.summary.notice} The committee settles each dimension after hearing the panel, rules on every knockout, and decides last.`), width, '  '));
  const concerns = d.summary.concerns;
  if (concerns.length > 0) {
    out.push('', c.bold('Concerns'));
    for (const concern of concerns) out.push(wrap(`${concern.page_one ? '!' : '·'} ${concern.message}`, width, '    ').replace(/^ {4}/, '  '));
  }
  return out.join('\n');
}

function stageOf(d: Debrief, panel: number, id: string): string {
  return d.panel[panel]?.stage.name ?? id;
}

/** A dimension before the committee settles it: why it is on the agenda, then every rating with its evidence. */
export function renderDimensionForCommittee(d: Debrief, dimension: DimensionResult, agenda: AgendaItem | null, position: string, c: ChalkInstance, width: number): string {
  const out: string[] = [];
  out.push('', wrap(`${c.bold.underline(dimension.name)} ${c.dim(`(${position}; weight ${dimension.weight}${dimension.hurdle !== null ? `, hurdle ${dimension.hurdle}` : ''})`)}`, width, ''));
  if (agenda) {
    out.push(wrap(c.yellow(`On the agenda: ${agendaTitle(agenda)}`), width, '  '));
    const hear = hearFrom(agenda);
    if (hear) out.push(wrap(c.dim(`${hear}.`), width, '  '));
  }
  const stats =
    dimension.count === 0
      ? `No rating on the scale${dimension.insufficient ? `; ${dimension.insufficient} × ${RATING_WORDS.insufficient}` : ''}.`
      : `Panel ${d.policy.dimension_score} ${formatScore(dimension.score)} · range ${dimension.min === dimension.max ? dimension.min : `${dimension.min}–${dimension.max}`} · ${dimension.count} rating${dimension.count === 1 ? '' : 's'}${dimension.insufficient ? `, ${dimension.insufficient} ${RATING_WORDS.insufficientShort}` : ''}`;
  out.push(wrap(stats, width, '  '));
  out.push(c.dim('  The panel’s individual ratings:'));
  if (dimension.ratings.length === 0) out.push('    nobody rated this dimension');
  for (const r of dimension.ratings) {
    const level = ratingMark(r.rating);
    const label = r.rating === 'insufficient' ? d.scale.insufficient : (d.scale.levels.find((l) => l.level === r.rating)?.label ?? '');
    // Who and where wrap under the name (a hanging indent), like the evidence under them.
    out.push(wrap(`${ratingColour(c, r.rating)(level)} ${c.bold(r.interviewer.name)} ${c.dim(`(${stageOf(d, r.panel, r.stage)}, ${label})`)}`, width, '      ').replace(/^ {6}/, '    '));
    out.push(wrap(r.evidence !== null ? `“${r.evidence}”` : noEvidenceText(r.no_evidence), width, '        '));
  }
  const flags = d.flags.filter((f) => f.dimension.id === dimension.id);
  for (const f of flags) {
    const sign = f.kind === 'green' ? c.green('+') : c.red('−');
    out.push(wrap(`${sign} ${f.text} ${c.dim(`(${f.raised_by.map((r) => r.interviewer.name).join(', ')})`)}`, width, '      ').replace(/^ {6}/, '    '));
  }
  return out.join('\n');
}

export function renderKnockoutForCommittee(d: Debrief, flag: RaisedFlag, position: string, c: ChalkInstance, width: number): string {
  const out: string[] = [];
  out.push('', wrap(`${c.red.bold(`Knockout raised: ${flag.text}`)} ${c.dim(`(${position}${flag.dimension.name ? `; ${flag.dimension.name}` : ''})`)}`, width, ''));
  out.push(wrap(c.dim('It stands unless the committee overrides it with a written reason.'), width, '  '));
  for (const r of flag.raised_by) {
    out.push(wrap(`${c.bold(r.interviewer.name)} ${c.dim(`(${stageOf(d, r.panel, r.stage)})`)}`, width, '      ').replace(/^ {6}/, '    '));
    out.push(wrap(`“${r.note}”`, width, '        '));
  }
  return out.join('\n');
}

export function renderDecisionReview(d: Debrief, body: DecisionBody, c: ChalkInstance, width: number): string {
  const out: string[] = ['', c.bold.underline('Review the committee’s record')];
  for (const k of body.knockouts) {
    const flag = d.flags.find((f) => f.id === k.flag);
    out.push(wrap(`Knockout ${k.ruling}: ${flag?.text ?? k.flag}${k.reason ? ` · ${k.reason}` : ''}`, width, '  '));
  }
  for (const dim of d.dimensions) {
    const entry = body.consensus.find((x) => x.dimension === dim.id);
    const level = entry ? ratingMark(entry.level) : RATING_MARKS.none;
    out.push(wrap(`${dim.name}: consensus ${c.bold(level)} ${c.dim(`(panel ${formatScore(dim.score)})`)}${entry ? ` · ${entry.reason}` : ''}`, width, '  '));
  }
  out.push(wrap(`Decision: ${body.outcome ? c.bold(OUTCOME_LABELS[body.outcome]) : '—'}${body.rationale ? ` · ${body.rationale}` : ''}`, width, '  '));
  out.push(wrap(`Took part: ${body.participants.join(', ') || '—'}`, width, '  '));
  out.push(wrap(`Dissent: ${body.dissent.length === 0 ? 'none' : body.dissent.map((x) => `${x.name} (${x.note})`).join('; ')}`, width, '  '));
  return out.join('\n');
}
