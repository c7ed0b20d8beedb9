import { describe, expect, it } from 'vitest';
import { nearest } from '../../src/core/nearest.js';

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
});
