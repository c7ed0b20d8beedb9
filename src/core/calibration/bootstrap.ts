// Bootstrap intervals with a seeded random number generator, so the same workspace always gives the same
// interval (a report that changes on every run would look like the data changed).
//
// Resampling is over candidates: all of one candidate's ratings go in or out together, because ratings of the
// same person are not independent of each other. Hayes & Krippendorff (2007) bootstrap alpha by resampling
// within the reliability data; resampling whole candidates is the cluster form of the same idea and is also
// what the leniency intervals use, so every interval in a calibration means the same thing.

/** mulberry32: a small, well-mixed 32-bit generator; plenty for drawing resample indices. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many times each of `n` clusters is drawn in one resample of size n (with replacement). */
export function drawCounts(n: number, random: () => number, into: Uint32Array = new Uint32Array(n)): Uint32Array {
  into.fill(0);
  for (let i = 0; i < n; i++) into[Math.floor(random() * n)]! += 1;
  return into;
}

/** The q-quantile (0..1) of sorted values, interpolating between neighbours (type 7, as R and numpy do). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of an empty list');
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/**
 * A percentile interval from bootstrap estimates; undefined (no interval) when fewer than half of the
 * replicates had an estimate at all, since the interval would then describe a different population.
 */
export function percentileInterval(estimates: readonly number[], replicates: number, confidence: number): [number, number] | undefined {
  if (estimates.length === 0 || estimates.length < replicates / 2) return undefined;
  const sorted = [...estimates].sort((a, b) => a - b);
  const tail = (1 - confidence) / 2;
  return [quantile(sorted, tail), quantile(sorted, 1 - tail)];
}
