// "Did you mean ...?": the closest known word to a mistyped one, when it is close enough to be a typo.
import leven from 'leven';

/**
 * The candidate closest to `word` (ignoring case) within typo distance: at most 2 edits, or a third of the
 * word's length for longer words; and always fewer edits than the shorter of the two words has letters,
 * since rewriting a whole word ('id' into '1') is not a typo of it.
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const typed = word.toLowerCase();
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = leven(typed, c.toLowerCase());
    if (d > limit || d >= Math.min(word.length, c.length)) continue;
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}
