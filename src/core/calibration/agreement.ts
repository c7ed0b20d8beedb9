// Agreement between interviewers: Krippendorff's alpha per dimension and over all dimensions, for the
// ordinal, interval and nominal metrics, each with a bootstrap interval over candidates.
import { percentileInterval, drawCounts, seededRandom } from './bootstrap.js';
import { ALPHA_METRICS, addCoincidences, addUnit, alphaOf, emptyCoincidences, type AlphaMetric, type AlphaResult } from './krippendorff.js';
import { ALPHA_MEANING, MIN_CANDIDATES_FOR_INTERVAL, type Agreement, type AlphaEstimate, type AlphaSet } from './model.js';
import type { PanelData } from './panel.js';

export interface BootstrapSettings {
  replicates: number;
  seed: number;
  confidence: number;
}

export function agreementOf(panel: PanelData, settings: BootstrapSettings): Agreement {
  const { levels } = panel;
  const size = levels * levels;
  const dims = panel.dimensions.length;
  // One coincidence matrix per candidate and dimension, kept as its non-zero cells (a unit rated by a few
  // interviewers touches a few cells), so a bootstrap resample adds little; candidates without a pairable
  // unit drop out.
  const clusters: Array<{ matrices: Float64Array; present: number[]; cells: Uint32Array; values: Float64Array }> = [];
  const unitCounts = new Array<number>(dims).fill(0);
  for (const row of panel.cells) {
    const matrices = new Float64Array(dims * size);
    const present: number[] = [];
    row.forEach((ratings, d) => {
      if (ratings.length < 2) return;
      addUnit(matrices.subarray(d * size, (d + 1) * size), levels, ratings.map((r) => r.value));
      present.push(d);
      unitCounts[d]! += 1;
    });
    if (present.length > 0) {
      const nonZero: number[] = [];
      matrices.forEach((v, i) => {
        if (v !== 0) nonZero.push(i);
      });
      clusters.push({ matrices, present, cells: Uint32Array.from(nonZero), values: Float64Array.from(nonZero, (i) => matrices[i]!) });
    }
  }

  const total = new Float64Array(dims * size);
  for (const c of clusters) addCoincidences(total, c.matrices);
  const point = estimatesOf(total, dims, levels);

  // Bootstrap: resample candidates, add up their matrices, recompute every alpha.
  const random = seededRandom(settings.seed);
  const samples = point.map(() => ALPHA_METRICS.map(() => [] as number[]));
  const acc = new Float64Array(dims * size);
  const counts = new Uint32Array(clusters.length);
  if (clusters.length > 0) {
    for (let r = 0; r < settings.replicates; r++) {
      drawCounts(clusters.length, random, counts);
      acc.fill(0);
      for (let j = 0; j < clusters.length; j++) {
        const times = counts[j]!;
        if (times === 0) continue;
        const { cells, values } = clusters[j]!;
        for (let k = 0; k < cells.length; k++) acc[cells[k]!]! += values[k]! * times;
      }
      estimatesOf(acc, dims, levels).forEach((set, s) =>
        set.forEach((result, m) => {
          if (result.value !== null) samples[s]![m]!.push(result.value);
        }),
      );
    }
  }

  // `candidates`: how many candidates the figure rests on (one unit per candidate for a single dimension).
  const setOf = (s: number, units: number, candidates = units): AlphaSet => {
    const byMetric = Object.fromEntries(
      ALPHA_METRICS.map((metric, m) => {
        const result = point[s]![m]!;
        // Resampling a handful of candidates says little about the spread: no interval below the minimum.
        const interval = result.value === null || candidates < MIN_CANDIDATES_FOR_INTERVAL ? undefined : percentileInterval(samples[s]![m]!, settings.replicates, settings.confidence);
        const estimate: AlphaEstimate = {
          metric,
          value: result.value,
          gap: result.value === null ? result.gap : null,
          interval: interval ? { low: interval[0], high: interval[1] } : null,
          pairable: result.pairable,
        };
        return [metric, estimate];
      }),
    ) as Record<AlphaMetric, AlphaEstimate>;
    return { ...byMetric, units };
  };
  const overall = setOf(dims, unitCounts.reduce((a, b) => a + b, 0), clusters.length);
  return {
    overall,
    dimensions: panel.dimensions.map((d, i) => ({ id: d.id, name: d.name, ...setOf(i, unitCounts[i]!) })),
    meaning: ALPHA_MEANING,
  };
}

/** Alphas per dimension, then over all dimensions (index dims), each for every metric in ALPHA_METRICS order. */
function estimatesOf(matrices: Float64Array, dims: number, levels: number): AlphaResult[][] {
  const size = levels * levels;
  const overall = emptyCoincidences(levels);
  const out: AlphaResult[][] = [];
  for (let d = 0; d < dims; d++) {
    const m = matrices.subarray(d * size, (d + 1) * size);
    addCoincidences(overall, m);
    out.push(ALPHA_METRICS.map((metric) => alphaOf(m, levels, metric)));
  }
  out.push(ALPHA_METRICS.map((metric) => alphaOf(overall, levels, metric)));
  return out;
}
