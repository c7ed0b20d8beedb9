import { describe, expect, it } from 'vitest';
import { addUnit, alphaOf, emptyCoincidences, krippendorffAlpha } from '../../../src/core/calibration/krippendorff.js';

// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability, section C: four observers (A-D) code
// twelve units on values 1-5, with blanks where an observer gave no value. Rows as published, one per observer.
const _ = null;
const OBSERVERS = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _], // A
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3], // B
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _], // C
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _], // D
];
const UNITS = OBSERVERS[0]!.map((_v, u) => OBSERVERS.map((row) => row[u] ?? null));

function rounded(result: ReturnType<typeof krippendorffAlpha>): number | null {
  return result.value === null ? null : Math.round(result.value * 1000) / 1000;
}

describe("Krippendorff's alpha on the published example (Krippendorff 2011)", () => {
  it('gives nominal 0.743, ordinal 0.815 and interval 0.849', () => {
    expect(rounded(krippendorffAlpha(UNITS, 5, 'nominal'))).toBe(0.743);
    expect(rounded(krippendorffAlpha(UNITS, 5, 'ordinal'))).toBe(0.815);
    expect(rounded(krippendorffAlpha(UNITS, 5, 'interval'))).toBe(0.849);
  });

  it('counts the 40 pairable values: unit 12 has one value and pairs with nothing', () => {
    expect(krippendorffAlpha(UNITS, 5, 'nominal').pairable).toBe(40);
  });

  it('builds the published coincidence matrix and its marginals n_c = 9, 13, 10, 5, 3', () => {
    const o = emptyCoincidences(5);
    for (const unit of UNITS) addUnit(o, 5, unit.filter((v): v is number => v !== null));
    const at = (c: number, k: number): number => Math.round(o[(c - 1) * 5 + (k - 1)]! * 1000) / 1000;
    expect(at(1, 1)).toBe(7);
    expect(at(1, 2)).toBe(1.333);
    expect(at(2, 2)).toBe(10);
    expect(at(3, 3)).toBe(8);
    expect(at(4, 4)).toBe(4);
    expect(at(5, 5)).toBe(3);
    const marginals = [1, 2, 3, 4, 5].map((c) => [1, 2, 3, 4, 5].reduce((s, k) => s + at(c, k), 0));
    expect(marginals.map((m) => Math.round(m))).toEqual([9, 13, 10, 5, 3]);
  });
});

describe('alpha edge cases', () => {
  it('is 1 when every pair agrees and there is variation between units', () => {
    expect(krippendorffAlpha([[1, 1], [3, 3, 3]], 4, 'ordinal').value).toBe(1);
  });

  it('has no value with fewer than two pairable values', () => {
    expect(krippendorffAlpha([[2, null], [null, 3]], 4, 'interval')).toEqual({ value: null, gap: 'not-enough-pairable-values', pairable: 0 });
  });

  it('has no value when every value is the same', () => {
    expect(krippendorffAlpha([[2, 2], [2, 2]], 4, 'nominal')).toMatchObject({ value: null, gap: 'no-variation' });
  });

  it('adds coincidence matrices of separate units like the units together', () => {
    const a = emptyCoincidences(4);
    addUnit(a, 4, [1, 2, 2]);
    addUnit(a, 4, [4, 3]);
    expect(alphaOf(a, 4, 'ordinal').value).toBeCloseTo(krippendorffAlpha([[1, 2, 2], [4, 3]], 4, 'ordinal').value!, 12);
  });

  it('refuses a value outside the scale', () => {
    expect(() => krippendorffAlpha([[0, 1]], 4, 'nominal')).toThrow(RangeError);
  });
});
