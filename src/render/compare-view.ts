// A Comparison put into words for the compare renderers (terminal, Markdown template, PDF): every number
// formatted once, here. The raw Comparison is passed along as `comparison`.
import type { Comparison } from '../core/compare.js';
import type { Verdict } from '../core/debrief-policy.js';
import { formatComposite, formatScore, formatShare, markWords, TALLY_LABELS, type MarkWords } from './debrief-words.js';

export interface ComparisonView {
  comparison: Comparison;
  title: string;
  role: string;
  role_id: string;
  rubric_version: string;
  date: string;
  bar: string;
  notice: string;
  min_coverage: string;
  /** hirekit's marks and words for a rating's special states (core/rating-words.ts), for legends. */
  rating_marks: MarkWords;
  candidates: Array<{
    name: string;
    /** The composite, in brackets and marked when it rests on too little of the weight. */
    composite: string;
    /** The composite may be shaded and read as a standing: enough of the weight was rated. */
    composite_value: number | null;
    thin: boolean;
    coverage: string;
    /** Short marks for the candidate's column: "knockout", "hurdle failed", "thin coverage". */
    marks: string[];
    decision: string;
    /** The same for a narrow column: "Advance on 2026-12-05", which wraps before the date, not inside it. */
    decision_short: string;
    label: string;
    verdict: Verdict;
    flags: string;
    knockouts: string[];
    tally: string;
    scorecards: string;
    disagreements: number;
  }>;
  dimensions: Array<{ name: string; weight: number; hurdle: string; cells: Array<{ score: string; value: number | null; disagreement: boolean; hurdle_failed: boolean }> }>;
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
    min_coverage: formatShare(c.min_coverage),
    rating_marks: markWords(),
    candidates: c.candidates.map((x) => ({
      name: x.name,
      composite: x.thin_coverage && x.composite !== null ? `(${formatComposite(x.composite)}) thin` : formatComposite(x.composite),
      composite_value: x.thin_coverage ? null : x.composite,
      thin: x.thin_coverage,
      coverage: `${formatShare(x.rated_share)} rated`,
      marks: [
        ...(x.flags.knockouts.length > 0 ? [`knockout raised (${x.flags.knockouts.length})`] : []),
        ...(x.hurdle_failed.some(Boolean) ? [`hurdle failed: ${c.dimensions.filter((_, i) => x.hurdle_failed[i]).map((d) => d.name).join(', ')}`] : []),
        ...(x.thin_coverage ? [`thin coverage: ${formatShare(x.rated_share)} rated, the policy asks for ${formatShare(c.min_coverage)}`] : []),
      ],
      decision: x.decision ? `${x.decision.label} (${x.decision.decided_at.slice(0, 10)})${x.decision.departs ? ', departs from the summary' : ''}` : 'undecided',
      decision_short: x.decision ? `${x.decision.label} on ${x.decision.decided_at.slice(0, 10)}${x.decision.departs ? ', departs from the summary' : ''}` : 'undecided',
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
      cells: c.candidates.map((x) => ({
        score: formatScore(x.scores[i] ?? null),
        value: x.scores[i] ?? null,
        disagreement: x.disagreed[i] ?? false,
        hurdle_failed: x.hurdle_failed[i] ?? false,
      })),
    })),
  };
}
