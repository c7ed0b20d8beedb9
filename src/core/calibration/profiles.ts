// What each interviewer wrote, and how each dimension is used: level distributions, recommendations,
// "insufficient evidence" answers, time from first save to submission, focus dimensions left unanswered.
import { RECOMMENDATIONS, type Scorecard } from '../scorecard.js';
import type { TallyKey } from '../debrief-model.js';
import { INSUFFICIENT, type Rubric } from '../rubric.js';
import { findStage } from '../rubric-queries.js';
import {
  LOW_SPREAD_SD,
  MIN_RATINGS_FOR_VARIATION,
  ONE_LEVEL_SHARE,
  type DimensionNote,
  type DimensionUsage,
  type InterviewerProfile,
  type Leniency,
  type LevelCounts,
} from './model.js';

export function emptyCounts(levels: number): LevelCounts {
  return { levels: new Array<number>(levels).fill(0), insufficient: 0, total: 0 };
}

function count(into: LevelCounts, rating: number | typeof INSUFFICIENT): void {
  if (rating === INSUFFICIENT) into.insufficient += 1;
  else if (rating >= 1 && rating <= into.levels.length) into.levels[rating - 1]! += 1;
  else return;
  into.total += 1;
}

/** When a scorecard was first submitted: before any amendment reopened it, else its submission time. */
export function firstSubmission(scorecard: Scorecard): string | undefined {
  for (const entry of scorecard.audit) {
    if (entry.action !== 'amend') continue;
    const at = entry.previous['submitted_at'];
    if (typeof at === 'string') return at;
  }
  return scorecard.submitted_at;
}

export function profileOf(
  rubric: Rubric,
  levels: number,
  interviewer: { name: string; slug: string },
  scorecards: readonly Scorecard[],
  leniency: Leniency,
): InterviewerProfile {
  const dimensions = new Map(rubric.dimensions.map((d) => [d.id, d]));
  // Each stage's focus dimensions of this rubric, looked up once rather than per scorecard.
  const focusOf = new Map<string, string[]>();
  for (const stage of rubric.loop) if (!focusOf.has(stage.id)) focusOf.set(stage.id, (stage.focus ?? []).filter((id) => dimensions.has(id)));
  const overall = emptyCounts(levels);
  const perDimension = new Map<string, LevelCounts>();
  const recommendations = Object.fromEntries([...RECOMMENDATIONS, 'none'].map((k) => [k, 0])) as Record<TallyKey, number>;
  const minutes: number[] = [];
  const unrated = new Map<string, number>();
  let scorecardsWithUnrated = 0;
  for (const sc of scorecards) {
    recommendations[sc.recommendation ?? 'none'] += 1;
    for (const r of sc.ratings) {
      if (!dimensions.has(r.dimension)) continue;
      count(overall, r.rating);
      const counts = perDimension.get(r.dimension) ?? emptyCounts(levels);
      count(counts, r.rating);
      perDimension.set(r.dimension, counts);
    }
    const submitted = firstSubmission(sc);
    if (submitted) {
      const span = (Date.parse(submitted) - Date.parse(sc.created_at)) / 60_000;
      if (Number.isFinite(span) && span >= 0) minutes.push(span);
    }
    const focus = focusOf.get(sc.stage) ?? [];
    const missing = focus.length === 0 ? focus : focus.filter((id) => !sc.ratings.some((r) => r.dimension === id));
    if (missing.length > 0) scorecardsWithUnrated += 1;
    for (const id of missing) unrated.set(id, (unrated.get(id) ?? 0) + 1);
  }
  minutes.sort((a, b) => a - b);
  return {
    interviewer,
    scorecards: scorecards.length,
    candidates: new Set(scorecards.map((s) => s.candidate.slug)).size,
    levels: {
      overall,
      dimensions: rubric.dimensions.filter((d) => perDimension.has(d.id)).map((d) => ({ id: d.id, name: d.name, counts: perDimension.get(d.id)! })),
    },
    recommendations,
    insufficient_share: overall.total > 0 ? overall.insufficient / overall.total : null,
    time_to_submit: { scorecards: minutes.length, median_minutes: median(minutes), longest_minutes: minutes.at(-1) ?? null },
    unrated_focus: {
      total: [...unrated.values()].reduce((a, b) => a + b, 0),
      scorecards: scorecardsWithUnrated,
      dimensions: rubric.dimensions.filter((d) => unrated.has(d.id)).map((d) => ({ id: d.id, name: d.name, count: unrated.get(d.id)! })),
    },
    leniency,
  };
}

export function dimensionUsage(rubric: Rubric, levels: number, scorecards: readonly Scorecard[]): DimensionUsage[] {
  // One pass over the ratings, tallied per dimension and per stage.
  const tallies = new Map(rubric.dimensions.map((d) => [d.id, { counts: emptyCounts(levels), byStage: new Map<string, { answers: number; insufficient: number }>() }]));
  for (const sc of scorecards) {
    for (const r of sc.ratings) {
      const tally = tallies.get(r.dimension);
      if (!tally) continue;
      count(tally.counts, r.rating);
      const stage = tally.byStage.get(sc.stage) ?? { answers: 0, insufficient: 0 };
      stage.answers += 1;
      if (r.rating === INSUFFICIENT) stage.insufficient += 1;
      tally.byStage.set(sc.stage, stage);
    }
  }
  return rubric.dimensions.map((d) => {
    const { counts, byStage } = tallies.get(d.id)!;
    const rated = counts.total - counts.insufficient;
    const mean = rated > 0 ? counts.levels.reduce((s, n, i) => s + n * (i + 1), 0) / rated : 0;
    const sd = rated > 1 ? Math.sqrt(counts.levels.reduce((s, n, i) => s + n * (i + 1 - mean) ** 2, 0) / (rated - 1)) : null;
    const top = rated > 0 ? Math.max(...counts.levels) / rated : null;
    const notes: DimensionNote[] = [];
    if (rated === 0) notes.push('nobody-rates');
    else if (rated >= MIN_RATINGS_FOR_VARIATION && ((sd !== null && sd < LOW_SPREAD_SD) || (top !== null && top >= ONE_LEVEL_SHARE))) notes.push('barely-varies');
    const stageOrder = [...rubric.loop.map((s) => s.id), ...[...byStage.keys()].filter((id) => !findStage(rubric, id)).sort()];
    return {
      id: d.id,
      name: d.name,
      answers: counts.total,
      rated,
      insufficient: counts.insufficient,
      insufficient_rate: counts.total > 0 ? counts.insufficient / counts.total : null,
      stages: stageOrder
        .filter((id) => byStage.has(id))
        .map((id) => {
          const s = byStage.get(id)!;
          return { id, name: findStage(rubric, id)?.name ?? id, answers: s.answers, insufficient: s.insufficient, insufficient_rate: s.insufficient / s.answers };
        }),
      counts,
      sd,
      top_level_share: top,
      notes,
    };
  });
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
