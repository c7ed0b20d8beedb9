import { describe, expect, it } from 'vitest';
import { nearest } from '../../src/core/nearest.js';

// The top-level keys of a rubric (src/core/rubric.ts, Rubric).
const RUBRIC_TOP = ['role', 'version', 'scale', 'dimensions', 'flags', 'case_studies', 'loop', 'policy'];

describe('nearest', () => {
  it('suggests the closest word when it is within typo distance, ignoring case', () => {
    expect(nearest('comunication', ['sql', 'communication'])).toBe('communication');
    expect(nearest('SQL', ['sql', 'communication'])).toBe('sql');
    // distance 2 is always allowed; longer words allow a third of their length
    expect(nearest('tecnicall', ['screen', 'technical'])).toBe('technical');
  });

  it('suggests nothing for a word that is not a typo of any candidate', () => {
    expect(nearest('sequel', ['sql', 'communication'])).toBeUndefined();
    expect(nearest('anything', [])).toBeUndefined();
  });

  it('finds common slips: a missing letter, swapped letters', () => {
    expect(nearest('rle', RUBRIC_TOP)).toBe('role'); // one letter missing: 1 edit
    expect(nearest('scle', RUBRIC_TOP)).toBe('scale'); // 1 edit
    expect(nearest('wieght', ['id', 'name', 'measures', 'weight', 'anchors', 'questions', 'source'])).toBe('weight'); // a swap: 2 edits
  });

  it('never suggests a word that would be rewritten whole', () => {
    // 'id' -> '1' is 2 edits, within the 2 always allowed, but '1' has only one letter to keep: no typo.
    expect(nearest('id', ['1'])).toBeUndefined();
    expect(nearest('1', ['2', '3'])).toBeUndefined();
    expect(nearest('al', ['ed'])).toBeUndefined();
    // A candidate rewritten whole is skipped, not allowed to hide an equally close typo after it: 'a' is
    // 1 edit from 'ab' but that edit is all of 'a'; 'abc' is 1 edit too, and keeps two letters.
    expect(nearest('ab', ['a', 'abc'])).toBe('abc');
  });

  it("'titel' at a rubric's top level: no top-level key is close enough", () => {
    // The closest is 'role', 4 edits away (leven), beyond the 2 a five-letter word allows; 'title' is a
    // key of role and of a case study, not of the top level, so it is not a candidate here.
    expect(nearest('titel', RUBRIC_TOP)).toBeUndefined();
    expect(nearest('titel', [...RUBRIC_TOP, 'title'])).toBe('title');
  });
});
