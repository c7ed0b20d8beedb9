// The words bash hands to `hirekit __complete` are as the user typed them; read as the shell reads them.
import { describe, expect, it } from 'vitest';
import { joinAtEquals, shellUnquote } from '../../src/commands/complete.js';

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

describe('joinAtEquals', () => {
  // bash splits `--stage=prod` at the = (COMP_WORDBREAKS); the words are read back as one.
  it.each([
    [['score', '--stage', '=', 'prod'], ['score', '--stage=prod']],
    [['score', '--stage', '='], ['score', '--stage=']],
    [['-w', '=', 'ws', 'score'], ['-w=ws', 'score']],
    // An = that follows no option is a word of its own (a candidate named "=" stays one).
    [['debrief', '=', 'x'], ['debrief', '=', 'x']],
    [['score', 'a=b'], ['score', 'a=b']],
  ])('%j reads as %j', (words, joined) => {
    expect(joinAtEquals(words)).toEqual(joined);
  });
});
