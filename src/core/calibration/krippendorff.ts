// Krippendorff's alpha for reliability data with missing values, after K. Krippendorff (2011), "Computing
// Krippendorff's Alpha-Reliability": values are tallied into a coincidence matrix (each unit's pairable values,
// every ordered pair of values from different coders weighted 1/(m_u - 1)), and
//   alpha = 1 - D_o / D_e = 1 - (n - 1) * sum_ck o_ck d2_ck / sum_ck n_c n_k d2_ck
// with the difference function d2 of the chosen metric. The ordinal metric depends on how often each value
// occurs: d2_ck = (sum_{g=c..k} n_g - (n_c + n_k) / 2)^2, which is why a pairwise distance alone cannot give it.
//
// Values are the levels 1..levels of a rating scale; a coincidence matrix is a Float64Array of levels x levels
// so that matrices of many units (or of a bootstrap resample of candidates) add up cheaply.

export const ALPHA_METRICS = ['ordinal', 'interval', 'nominal'] as const;
export type AlphaMetric = (typeof ALPHA_METRICS)[number];

/** Why alpha has no value: fewer than two pairable values, or every pairable value the same (no disagreement to expect). */
export type AlphaGap = 'not-enough-pairable-values' | 'no-variation';

export type AlphaResult = { value: number; pairable: number } | { value: null; gap: AlphaGap; pairable: number };

export function emptyCoincidences(levels: number): Float64Array {
  return new Float64Array(levels * levels);
}

/**
 * Adds one unit's pairable values (levels 1..levels; missing values already left out) to a coincidence matrix.
 * A unit with fewer than two values has no pairs and adds nothing.
 */
export function addUnit(into: Float64Array, levels: number, values: readonly number[], times = 1): void {
  const m = values.length;
  if (m < 2) return;
  const counts = new Array<number>(levels).fill(0);
  for (const v of values) {
    if (!Number.isInteger(v) || v < 1 || v > levels) throw new RangeError(`value ${v} is not a level between 1 and ${levels}`);
    counts[v - 1]! += 1;
  }
  const w = times / (m - 1);
  for (let c = 0; c < levels; c++) {
    const nc = counts[c]!;
    if (nc === 0) continue;
    for (let k = 0; k < levels; k++) {
      const nk = counts[k]!;
      if (nk === 0) continue;
      into[c * levels + k]! += (c === k ? nc * (nc - 1) : nc * nk) * w;
    }
  }
}

/** Adds matrix `from` (times `times`) into `into`. */
export function addCoincidences(into: Float64Array, from: Float64Array, times = 1): void {
  for (let i = 0; i < into.length; i++) into[i]! += from[i]! * times;
}

/** The squared difference d2(c, k) of two levels (1-based) under a metric, given the value frequencies n_g. */
function differences(metric: AlphaMetric, levels: number, marginals: Float64Array): Float64Array {
  const d2 = new Float64Array(levels * levels);
  for (let c = 0; c < levels; c++) {
    for (let k = 0; k < levels; k++) {
      if (c === k) continue;
      let d: number;
      if (metric === 'nominal') d = 1;
      else if (metric === 'interval') d = (c - k) ** 2;
      else {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        let sum = 0;
        for (let g = lo; g <= hi; g++) sum += marginals[g]!;
        d = (sum - (marginals[lo]! + marginals[hi]!) / 2) ** 2;
      }
      d2[c * levels + k] = d;
    }
  }
  return d2;
}

/** Alpha from a coincidence matrix. */
export function alphaOf(o: Float64Array, levels: number, metric: AlphaMetric): AlphaResult {
  const marginals = new Float64Array(levels);
  let n = 0;
  for (let c = 0; c < levels; c++) {
    for (let k = 0; k < levels; k++) marginals[c]! += o[c * levels + k]!;
    n += marginals[c]!;
  }
  // Values arrive in whole units, so n is (up to rounding) a whole number of pairable values.
  const pairable = Math.round(n);
  if (n < 2 - 1e-9) return { value: null, gap: 'not-enough-pairable-values', pairable };
  const d2 = differences(metric, levels, marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < levels; c++) {
    for (let k = 0; k < levels; k++) {
      const d = d2[c * levels + k]!;
      if (d === 0) continue;
      observed += o[c * levels + k]! * d;
      expected += marginals[c]! * marginals[k]! * d;
    }
  }
  if (expected <= 1e-12) return { value: null, gap: 'no-variation', pairable };
  return { value: 1 - ((n - 1) * observed) / expected, pairable };
}

/**
 * Alpha of a reliability data matrix given unit by unit: each unit lists the values its coders gave, with
 * null (or undefined) for a coder who gave none. The order of coders within a unit does not matter.
 */
export function krippendorffAlpha(units: ReadonlyArray<ReadonlyArray<number | null | undefined>>, levels: number, metric: AlphaMetric): AlphaResult {
  const o = emptyCoincidences(levels);
  for (const unit of units) addUnit(o, levels, unit.filter((v): v is number => v !== null && v !== undefined));
  return alphaOf(o, levels, metric);
}
