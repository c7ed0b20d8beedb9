// JSON text as an ATS exports it: parsed natively, and when it is not valid JSON, the first syntax error
// located at LINE:COL by jsonc-parser (strict JSON: no comments, no trailing commas).
import jsonc from 'jsonc-parser';

export type JsonParse = { value: unknown } | { line: number; col: number; message: string };

// Keyed by jsonc-parser's names for its error codes (its enum is a const enum, not importable here).
const WORDS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'not a valid number',
  PropertyNameExpected: 'expected a property name in double quotes (a trailing comma?)',
  ValueExpected: 'expected a value (a trailing comma, or a missing value?)',
  ColonExpected: 'expected a colon after the property name',
  CommaExpected: 'expected a comma between two items',
  CloseBraceExpected: 'expected } to close the object',
  CloseBracketExpected: 'expected ] to close the list',
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'the text ends inside a string (a missing closing quote?)',
  UnexpectedEndOfNumber: 'the text ends inside a number',
  InvalidUnicode: 'not a valid \\u escape',
  InvalidEscapeCharacter: 'not a valid escape after a backslash',
  InvalidCharacter: 'a control character (such as a raw line break or tab) inside a string; write it as \\n or \\t',
};

export function parseJson(text: string): JsonParse {
  // A byte-order mark is not JSON, but editors on Windows write one.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { value: JSON.parse(body) as unknown };
  } catch {
    // Located below.
  }
  if (body.trim() === '') return { line: 1, col: 1, message: 'the file is empty; expected the JSON the ATS exported' };
  const errors: jsonc.ParseError[] = [];
  try {
    jsonc.parse(body, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  } catch {
    // Nesting too deep for the locating parser: report the start of the file.
    return { line: 1, col: 1, message: 'not valid JSON (nested too deeply to locate the error)' };
  }
  const first = errors[0];
  const offset = first?.offset ?? 0;
  const { line, col } = positionOf(body, offset);
  const message = first ? (WORDS[jsonc.printParseErrorCode(first.error)] ?? jsonc.printParseErrorCode(first.error)) : 'not valid JSON';
  return { line, col, message };
}

/** 1-based line and column (in characters) of an offset; linear in the offset. */
export function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: end - start + 1 };
}
