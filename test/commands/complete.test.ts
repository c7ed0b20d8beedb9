// The words bash hands to `hirekit __complete` are as the user typed them; read as the shell reads them.
import { describe, expect, it } from 'vitest';
import { shellUnquote } from '../../src/commands/complete.js';

describe('shellUnquote', () => {
  it.each([
    ['head-of-ml', 'head-of-ml'],
    ["'head-of-ml'", 'head-of-ml'],
    ['"head-of-ml"', 'head-of-ml'],
    ['Zoë\\ Łukasz', 'Zoë Łukasz'],
    ['Wei\\ Zhang\\ \\(张伟\\)', 'Wei Zhang (张伟)'],
    ['"Wei Zhang (张伟)"', 'Wei Zhang (张伟)'],
    ["'it''s'", 'its'],
    ["\"O'Brien\"", "O'Brien"],
    ["'say \"hi\"'", 'say "hi"'],
    ['"a \\"quoted\\" \\\\ word"', 'a "quoted" \\ word'],
    ['"keeps \\n as written"', 'keeps \\n as written'],
    ["'unclosed", 'unclosed'],
    ['trailing\\', 'trailing\\'],
  ])('%s reads as %s', (typed, meant) => {
    expect(shellUnquote(typed)).toBe(meant);
  });
});
