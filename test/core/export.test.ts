import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../src/core/export.js';

describe('neutraliseFormula (OWASP CSV injection)', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])('prefixes %j with a quote', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });
  it('leaves text, numbers and empty cells alone', () => {
    expect(neutraliseFormula('Zoë said = is fine')).toBe('Zoë said = is fine');
    expect(neutraliseFormula(-2)).toBe(-2);
    expect(neutraliseFormula(null)).toBe(null);
    expect(neutraliseFormula('')).toBe('');
  });
});
