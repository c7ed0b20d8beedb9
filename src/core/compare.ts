// Candidates for one role side by side, built from their debriefs so every number is the debrief's own.
// The order is the order asked for (or by name): ranking by composite would hide the flags and the
// evidence gaps that the committee has to weigh.
import type { Debrief, Tally } from './debrief.js';
import type { Verdict } from './debrief-policy.js';

export const COMPARISON_FORMAT = 'hirekit-compare/1';

export interface ComparedCandidate {
  name: string;
  slug: string;
  /** Panel score per dimension, in the order of `dimensions`; null when unrated. */
  scores: Array<number | null>;
  /** Ratings spread per dimension (highest minus lowest level); null when unrated. */
  spreads: Array<number | null>;
  /** Per dimension, whether the debrief put a disagreement on the agenda (its own call, never recomputed). */
  disagreed: boolean[];
  composite: number | null;
  verdict: Verdict;
  label: string;
  submitted: number;
  drafts: number;
  flags: { green: number; concern: number; red: number; knockouts: string[] };
  tally: Tally;
  disagreements: number;
  warnings: number;
}

export interface Comparison {
  format: typeof COMPARISON_FORMAT;
  generated_at: string;
  role: { id: string; title: string };
  rubric: { version: string };
  dimensions: Array<{ id: string; name: string; weight: number; hurdle: number | null }>;
  bar: number;
  /** The top level of the rubric's scale (3 to 7). */
  levels: number;
  candidates: ComparedCandidate[];
  notice: string;
}

export function buildComparison(debriefs: readonly Debrief[], now: Date): Comparison {
  const first = debriefs[0];
  if (!first) throw new RangeError('buildComparison needs at least one debrief');
  const dimensions = first.dimensions.map((d) => ({ id: d.id, name: d.name, weight: d.weight, hurdle: d.hurdle }));
  return {
    format: COMPARISON_FORMAT,
    generated_at: now.toISOString(),
    role: { id: first.role.id, title: first.role.title },
    rubric: { version: first.rubric.version },
    dimensions,
    bar: first.policy.bar,
    levels: first.scale.levels.length,
    candidates: debriefs.map((d) => {
      const byId = new Map(d.dimensions.map((x) => [x.id, x]));
      return {
        name: d.candidate.name,
        slug: d.candidate.slug,
        scores: dimensions.map((x) => byId.get(x.id)?.score ?? null),
        spreads: dimensions.map((x) => byId.get(x.id)?.spread ?? null),
        disagreed: dimensions.map((x) => byId.get(x.id)?.disagreement ?? false),
        composite: d.policy.composite,
        verdict: d.summary.verdict,
        label: d.summary.label,
        submitted: d.panel.length,
        drafts: d.drafts.length,
        flags: {
          green: d.flags.filter((f) => f.kind === 'green').reduce((n, f) => n + f.raised_by.length, 0),
          concern: d.flags.filter((f) => f.kind === 'concern').reduce((n, f) => n + f.raised_by.length, 0),
          red: d.flags.filter((f) => f.kind === 'red').reduce((n, f) => n + f.raised_by.length, 0),
          knockouts: d.policy.knockouts.map((k) => k.text),
        },
        tally: d.tally,
        disagreements: d.dimensions.filter((x) => x.disagreement).length,
        warnings: d.warnings.length,
      };
    }),
    notice: first.summary.notice,
  };
}
