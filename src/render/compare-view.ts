// A Comparison put into words for the compare renderers (terminal, Markdown template, PDF): every number
// formatted once, here. The raw Comparison is passed along as `comparison`.
import type { Comparison } from '../core/compare.js';
import type { Verdict } from '../core/debrief-policy.js';
import { formatComposite, formatScore, TALLY_LABELS } from './debrief-words.js';

export interface ComparisonView {
  comparison: Comparison;
  title: string;
  role: string;
  role_id: string;
  rubric_version: string;
  date: string;
  bar: string;
  notice: string;
  candidates: Array<{
    name: string;
    composite: string;
    label: string;
    verdict: Verdict;
    flags: string;
    knockouts: string[];
    tally: string;
    scorecards: string;
    disagreements: number;
  }>;
  dimensions: Array<{ name: string; weight: number; hurdle: string; cells: Array<{ score: string; value: number | null; disagreement: boolean }> }>;
}

export function comparisonView(c: Comparison): ComparisonView {
  return {
    comparison: c,
    title: `Candidates compared: ${c.role.title}`,
    role: c.role.title,
    role_id: c.role.id,
    rubric_version: c.rubric.version,
    date: c.generated_at.slice(0, 10),
    bar: formatComposite(c.bar),
    notice: c.notice,
    candidates: c.candidates.map((x) => ({
      name: x.name,
      composite: formatComposite(x.composite),
      label: x.label,
      verdict: x.verdict,
      flags: `${x.flags.green} green, ${x.flags.concern} concern${x.flags.concern === 1 ? '' : 's'}, ${x.flags.red} red`,
      knockouts: x.flags.knockouts,
      tally: (['strong-yes', 'yes', 'no', 'strong-no'] as const).map((k) => `${TALLY_LABELS[k]} ${x.tally.counts[k]}`).join(', '),
      scorecards: `${x.submitted} submitted${x.drafts > 0 ? `, ${x.drafts} draft${x.drafts === 1 ? '' : 's'}` : ''}`,
      disagreements: x.disagreements,
    })),
    dimensions: c.dimensions.map((d, i) => ({
      name: d.name,
      weight: d.weight,
      hurdle: d.hurdle === null ? '' : `at least ${d.hurdle}`,
      cells: c.candidates.map((x) => ({ score: formatScore(x.scores[i] ?? null), value: x.scores[i] ?? null, disagreement: x.disagreed[i] ?? false })),
    })),
  };
}
