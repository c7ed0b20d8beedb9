// Interviewer leniency (or severity): how far an interviewer's ratings sit above or below those of the other
// panelists who rated the same candidate on the same dimension.
//
// The figure shown is the plain mean difference, with a bootstrap interval over the candidates they share
// with others. What the adjusted scores remove is each interviewer's lean in an additive model of all the
// ratings (rating = the candidate's level on the dimension + the interviewer's lean), fitted by alternating
// means with the leans averaging zero over the ratings: with two panelists one level apart, the mean
// difference is +1 and -1 but each lean is +0.5 and -0.5, and removing those brings both to the same score.
import { drawCounts, percentileInterval, seededRandom } from './bootstrap.js';
import type { Leniency, LeanReading } from './model.js';
import type { PanelData } from './panel.js';
import type { BootstrapSettings } from './agreement.js';

export function leniencyOf(panel: PanelData, settings: BootstrapSettings & { minSharedCandidates: number }): Leniency[] {
  // Per coder, per shared candidate: the sum and count of (rating - mean of the others' ratings).
  const perCoder = panel.coders.map(() => ({ sums: [] as number[], counts: [] as number[] }));
  panel.cells.forEach((row) => {
    const sum = new Map<number, number>();
    const count = new Map<number, number>();
    for (const ratings of row) {
      if (ratings.length < 2) continue;
      const total = ratings.reduce((s, r) => s + r.value, 0);
      for (const r of ratings) {
        const others = (total - r.value) / (ratings.length - 1);
        sum.set(r.coder, (sum.get(r.coder) ?? 0) + (r.value - others));
        count.set(r.coder, (count.get(r.coder) ?? 0) + 1);
      }
    }
    for (const [coder, s] of sum) {
      perCoder[coder]!.sums.push(s);
      perCoder[coder]!.counts.push(count.get(coder)!);
    }
  });

  const effects = additiveLeans(panel);
  const random = seededRandom(settings.seed);
  return perCoder.map(({ sums, counts }, coder): Leniency => {
    const shared = sums.length;
    const units = counts.reduce((a, b) => a + b, 0);
    if (shared < settings.minSharedCandidates) {
      return { mean_difference: null, interval: null, shared_candidates: shared, shared_units: units, estimable: false, reading: 'too-few-shared-candidates', adjustment: null };
    }
    const mean = sums.reduce((a, b) => a + b, 0) / units;
    const estimates: number[] = [];
    const draws = new Uint32Array(shared);
    for (let r = 0; r < settings.replicates; r++) {
      drawCounts(shared, random, draws);
      let s = 0;
      let n = 0;
      // No test for a candidate not drawn: adding sums[j] * 0 (zero, never changing s or n) is exact and costs
      // less than the branch, which a random draw makes unpredictable.
      for (let j = 0; j < shared; j++) {
        const times = draws[j]!;
        s += sums[j]! * times;
        n += counts[j]! * times;
      }
      estimates.push(s / n);
    }
    const found = percentileInterval(estimates, settings.replicates, settings.confidence);
    const interval = found ? { low: found[0], high: found[1] } : null;
    const reading: LeanReading = interval === null ? 'no-clear-lean' : interval.low > 0 ? 'lenient' : interval.high < 0 ? 'severe' : 'no-clear-lean';
    return { mean_difference: mean, interval, shared_candidates: shared, shared_units: units, estimable: true, reading, adjustment: effects[coder] ?? 0 };
  });
}

const MAX_ROUNDS = 500;
const SETTLED = 1e-10;

/**
 * Each coder's lean in the additive model rating = unit level + lean, by alternating means over units rated
 * by two or more coders (a unit rated once says nothing about anyone's lean). Leans average zero over the
 * ratings used; a coder with no such rating gets 0.
 */
export function additiveLeans(panel: PanelData): number[] {
  const ratings: Array<{ unit: number; coder: number; value: number }> = [];
  let units = 0;
  for (const row of panel.cells) {
    for (const cell of row) {
      if (cell.length < 2) continue;
      for (const r of cell) ratings.push({ unit: units, coder: r.coder, value: r.value });
      units += 1;
    }
  }
  const coders = panel.coders.length;
  const lean = new Float64Array(coders);
  const level = new Float64Array(units);
  const unitSum = new Float64Array(units);
  const unitN = new Float64Array(units);
  const coderSum = new Float64Array(coders);
  const coderN = new Float64Array(coders);
  for (const r of ratings) {
    unitN[r.unit]! += 1;
    coderN[r.coder]! += 1;
  }
  for (let round = 0; round < MAX_ROUNDS; round++) {
    unitSum.fill(0);
    for (const r of ratings) unitSum[r.unit]! += r.value - lean[r.coder]!;
    for (let u = 0; u < units; u++) level[u] = unitSum[u]! / unitN[u]!;
    coderSum.fill(0);
    for (const r of ratings) coderSum[r.coder]! += r.value - level[r.unit]!;
    let centre = 0;
    for (let c = 0; c < coders; c++) centre += coderSum[c]!;
    centre /= ratings.length || 1;
    let moved = 0;
    for (let c = 0; c < coders; c++) {
      const next = coderN[c]! > 0 ? coderSum[c]! / coderN[c]! - centre : 0;
      moved = Math.max(moved, Math.abs(next - lean[c]!));
      lean[c] = next;
    }
    if (moved < SETTLED) break;
  }
  return [...lean];
}
