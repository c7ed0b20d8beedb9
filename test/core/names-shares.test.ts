// Initials from letters only, and whole percentages that add up to 100 (largest-remainder rounding).
import { describe, expect, it } from 'vitest';
import { initialsOf } from '../../src/core/names.js';
import { wholePercentages } from '../../src/core/statistics.js';

describe('initialsOf', () => {
  it.each([
    ['Kenji Nakamura-Wójcik', 'KNW'],
    ['Chloé "Coco" Dubois', 'CD'],
    ['Chloé “Coco” Dubois', 'CD'],
    ["Chloé 'Coco' Dubois", 'CD'],
    ["Anne-Marie O'Sullivan", 'AMO'],
    ['Wei Zhang (张伟)', 'WZ'],
    ['佐藤 花子', '佐花'],
    ['zoë łukasz', 'ZŁ'],
    ['  ', '?'],
    ['"Coco"', '?'],
    ['J. R. R. Tolkien', 'JRR'],
    ['Dr. 2nd Ana', 'DNA'],
  ])('%s → %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});

describe('wholePercentages', () => {
  it('gives the point left over to the largest remainder: weights 4:3:4 are 37 + 27 + 36, not 36 + 27 + 36 = 99', () => {
    // 36.36, 27.27, 36.36: floors 36 + 27 + 36 = 99; the largest remainder (.36, the first) takes the point.
    expect(wholePercentages([4, 3, 4])).toEqual([37, 27, 36]);
  });
  it('adds up to exactly 100 for thirds, sevenths and uneven weights', () => {
    expect(wholePercentages([1, 1, 1])).toEqual([34, 33, 33]);
    for (const parts of [[1, 1, 1, 1, 1, 1, 1], [3, 2, 2, 1.5, 1], [0.1, 0.2, 0.7], [5]]) {
      expect(wholePercentages(parts).reduce((a, b) => a + b, 0)).toBe(100);
    }
  });
  it('keeps exact shares as they are', () => {
    expect(wholePercentages([1, 1, 2])).toEqual([25, 25, 50]);
  });
  it('gives zeros when there is no weight', () => {
    expect(wholePercentages([])).toEqual([]);
    expect(wholePercentages([0, 0])).toEqual([0, 0]);
  });
});
