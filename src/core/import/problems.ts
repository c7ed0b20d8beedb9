// zod's findings on an ATS export as one plain message each, at their path inside the JSON.
import type { z } from 'zod';
import type { ImportProblem, JsonPath } from './model.js';

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)}`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

const EXPECTED: Record<string, string> = { string: 'a text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'an object' };

export function problemsOf(error: z.ZodError, prefix: JsonPath = []): ImportProblem[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
    const input = (issue as { input?: unknown }).input;
    // zod's own wording starts "Invalid input"; a message set on the schema says what the ATS field holds.
    const custom = issue.message.startsWith('Invalid input') ? undefined : issue.message;
    const expected = issue.code === 'invalid_type' ? `expected ${EXPECTED[issue.expected] ?? issue.expected}` : 'expected another kind of value';
    if (issue.code === 'invalid_type' || issue.code === 'invalid_union') {
      if (input === undefined) return { path, message: `is missing (${custom ?? expected})` };
      return { path, message: `${custom ?? expected}, got ${kindOf(input)}` };
    }
    return { path, message: issue.message };
  });
}

/** A message for a word outside the ATS's vocabulary, e.g. `"meh" is not a Greenhouse rating (expected ...)`. */
export function notAWord(what: string, words: readonly string[]) {
  return (issue: { input?: unknown }): string =>
    `${typeof issue.input === 'string' ? JSON.stringify(issue.input) : kindOf(issue.input)} is not ${what} (expected ${words.join(', ')})`;
}
