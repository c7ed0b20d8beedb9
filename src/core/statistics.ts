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
