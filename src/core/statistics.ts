// Summary statistics over the numeric ratings of one dimension. "Insufficient evidence" is filtered out
// before anything here is called: these functions only ever see levels 1 to 4.

export interface Spread {
  count: number;
  median: number;
  mean: number;
  min: number;
  max: number;
}

/** Median, mean, min and max of a non-empty list; undefined for an empty one (nothing to summarise). */
export function spreadOf(values: readonly number[]): Spread | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  // An even count takes the mean of the two middle values, so two ratings 2 and 4 have median 3.
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return { count: sorted.length, median, mean, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/**
 * Weighted mean of the items that have a value; items without one drop out and the remaining weights are
 * renormalised to sum to one. Undefined when nothing has a value.
 */
export function weightedMean(items: ReadonlyArray<{ weight: number; value: number | undefined }>): number | undefined {
  let weightSum = 0;
  let total = 0;
  for (const item of items) {
    if (item.value === undefined) continue;
    weightSum += item.weight;
    total += item.weight * item.value;
  }
  return weightSum > 0 ? total / weightSum : undefined;
}

/** Two decimals, the precision every number of a debrief is reported and compared at. */
export function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

/**
 * Whole percentages of `parts` that add up to exactly 100 (largest-remainder rounding): each part gets
 * its share rounded down, and the points left go to the largest remainders, ties to the earlier part.
 * All zero (or no parts) gives zeros.
 */
export function wholePercentages(parts: readonly number[]): number[] {
  const total = parts.reduce((sum, p) => sum + p, 0);
  if (total <= 0) return parts.map(() => 0);
  const exact = parts.map((p) => (p / total) * 100);
  const floors = exact.map((x) => Math.floor(x + 1e-9));
  let left = 100 - floors.reduce((sum, f) => sum + f, 0);
  const byRemainder = exact.map((x, i) => ({ i, remainder: x - (floors[i] ?? 0) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left--;
  }
  return floors;
}
