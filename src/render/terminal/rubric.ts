// The rubric as a person reads it in a terminal: every anchor, question, flag, case study and stage.
import type { ChalkInstance } from 'chalk';
import { type Rubric } from '../../core/rubric.js';
import { allFlags, anchorAt, flagTier, isOptionalStage, levelLabel, scaleLevel, scaleLevels } from '../../core/rubric-queries.js';
import { wholePercentages } from '../../core/statistics.js';
import { FLAG_SIGNS, FLAG_TIER_LABELS } from '../flag-words.js';
import { wrap } from './style.js';

export function renderRubric(rubric: Rubric, c: ChalkInstance, width = 80): string {
  const out: string[] = [];
  const para = (text: string, indent = '  '): void => {
    out.push(wrap(text, width, indent));
  };
  const heading = (text: string): void => {
    out.push('', c.bold.underline(wrap(text, width)));
  };
  const dimensionName = new Map(rubric.dimensions.map((d) => [d.id, d.name]));

  // Headings wrap like the prose: a long title, dimension or stage name must not run past the terminal.
  out.push(wrap(`${c.bold(rubric.role.title)} ${c.dim(`(${rubric.role.id}, rubric v${rubric.version})`)}`, width));
  para(rubric.role.level, '');
  para(rubric.role.summary, '');
  out.push(c.dim(wrap(`Sources: ${rubric.role.sources.map((s) => `${s.file} §${s.section}`).join('; ')}`, width)));

  heading('Rating scale');
  for (const level of scaleLevels(rubric)) para(`${level} ${scaleLevel(rubric, level)?.label ?? ''}: ${scaleLevel(rubric, level)?.meaning ?? ''}`, '  ');
  para(`? ${rubric.scale.insufficient.label}: ${rubric.scale.insufficient.meaning}`, '  ');

  heading(`Dimensions (${rubric.dimensions.length})`);
  const shares = wholePercentages(rubric.dimensions.map((d) => d.weight));
  for (const [i, d] of rubric.dimensions.entries()) {
    const share = shares[i] ?? 0;
    out.push('', wrap(`${c.cyan.bold(d.name)} ${c.dim(`[${d.id}] weight ${d.weight} (${share}%)`)}`, width));
    para(d.measures);
    for (const level of scaleLevels(rubric)) {
      out.push(wrap(c.bold(`${level} ${levelLabel(rubric, level)}`), width, '  '));
      para(anchorAt(d, level), '      ');
    }
    for (const q of d.questions) {
      out.push(wrap(`${c.green('Q')} ${c.dim(`[${q.id}, ${q.kind}]`)}`, width, '  '));
      para(q.text, '      ');
      out.push(c.dim('      Probes:'));
      for (const p of q.probes) para(`• ${p}`, '        ');
      out.push(c.dim('      Listen for:'));
      for (const l of q.listen_for) para(`• ${l}`, '        ');
    }
    if (d.source) out.push(c.dim(wrap(`Source: ${d.source.file} §${d.source.section}`, width, '  ')));
  }

  heading('Flags');
  for (const f of allFlags(rubric)) {
    const tier = flagTier(f);
    const colour = f.kind === 'green' ? c.green : f.kind === 'concern' ? c.yellow : c.red;
    const mark = tier === 'knockout' ? c.red.bold(' KNOCKOUT') : tier === 'concern' ? c.yellow(' (concern)') : '';
    const where = f.dimensions.length === 0 ? 'any dimension' : f.dimensions.map((d) => dimensionName.get(d) ?? d).join(', ');
    para(`${colour(FLAG_SIGNS[tier])} ${f.text}${mark} ${c.dim(`[${f.id} → ${where}]`)}`);
  }
  para(c.dim(`Tiers: ${Object.values(FLAG_TIER_LABELS).join(', ')}. A concern is a weak signal: listed in the debrief, not a reason on its own.`));

  if (rubric.case_studies.length > 0) {
    heading(`Case studies (${rubric.case_studies.length})`);
    for (const cs of rubric.case_studies) {
      out.push('', wrap(`${c.bold(cs.title)} ${c.dim(`[${cs.id}] ${cs.duration_minutes} min${cs.optional ? ', optional' : ''}; assesses ${cs.dimensions.map((d) => dimensionName.get(d) ?? d).join(', ')}`)}`, width));
      out.push(`  ${c.underline('Candidate brief')}`);
      para(cs.brief, '    ');
      out.push(`  ${c.underline('Interviewer guide')}`);
      para(cs.guide, '    ');
      for (const s of cs.strong) para(`${c.green('strong')} ${s}`, '    ');
      for (const w of cs.weak) para(`${c.red('weak')} ${w}`, '    ');
    }
  }

  const optional = rubric.loop.filter((s) => isOptionalStage(rubric, s));
  const optionalNote = optional.length > 0 ? `; ${optional.length} optional, ${rubric.loop.filter((s) => !optional.includes(s)).reduce((sum, st) => sum + st.duration_minutes, 0)} min without them` : '';
  heading(`Interview loop (${rubric.loop.length} stages, ${rubric.loop.reduce((s, st) => s + st.duration_minutes, 0)} min${optionalNote})`);
  rubric.loop.forEach((s, i) => {
    out.push('', wrap(`${c.bold(`${i + 1}. ${s.name}`)} ${c.dim(`[${s.id}] ${s.duration_minutes} min${optional.includes(s) ? ', optional' : ''}, ${s.interviewers}`)}`, width));
    para(s.purpose);
    para(`Focus: ${s.focus.map((d) => dimensionName.get(d) ?? d).join(', ')}`);
    if (s.questions) para(`Questions: ${s.questions.join(', ')}`);
    if (s.case_study) para(`Case study: ${rubric.case_studies.find((cs) => cs.id === s.case_study)?.title ?? s.case_study}`);
    if (s.case_questions) para(`Asked inside the case: ${s.case_questions.join(', ')}`);
  });

  const p = rubric.policy;
  heading('Decision policy');
  para(`Each dimension's panel score is the ${p.dimension_score} of its ratings; "${rubric.scale.insufficient.label}" never counts.`);
  para(`Composite: weighted mean of dimension scores (weights total ${p.weights_total}), renormalised over rated dimensions; at or above ${p.bar} is at or above bar.`);
  for (const h of p.hurdles) para(`Hurdle: ${dimensionName.get(h.dimension) ?? h.dimension} must score at least ${h.min_level}${Number.isInteger(h.min_level) ? ` (${levelLabel(rubric, h.min_level)})` : ''}.`);
  const knockouts = rubric.flags.red.filter((f) => f.knockout);
  if (knockouts.length > 0) para(`Knockouts: ${knockouts.map((f) => f.id).join(', ')}; each stops the process unless the committee overrides it with a written reason.`);
  para(`A debrief needs at least ${p.min_scorecards} submitted scorecards and ${Math.round(p.min_coverage * 100)}% of the weight rated.`);
  para(c.dim('The mechanical summary informs the committee; it never makes the decision.'));
  return `${out.join('\n')}\n`;
}
