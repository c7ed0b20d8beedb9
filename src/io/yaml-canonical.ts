// The quick reader of YAML in the form hirekit writes it (io/yaml-write.ts), for commands that read
// thousands of workspace files (status, compare, calibrate, export). The reader of record (yaml-file.ts, the
// `yaml` package) builds a document with every node's position so that any problem can be named at
// FILE:LINE:COL; that costs some 130 microseconds per file, most of `status` on a large workspace.
//
// This reader knows only the narrow grammar the writer produces, and gives up (undefined) on anything else,
// so the caller reads the file the full way. What it accepts:
//   - full-line comments at the very top (the writer's header), then one block mapping at column 0;
//   - `key: value` lines, keys plain words ([A-Za-z_][A-Za-z0-9_-]*), each once per mapping, and exactly one
//     space after the colon; `key:` alone opens a nested mapping or list indented further;
//   - list items `- value`, `- key: value` (a mapping continuing two columns in) and `- - value`;
//   - values: `[]`, `{}`, a double-quoted or single-quoted text on one line, a `|` or `|-` literal block, or a
//     plain word: a decimal integer, true, false, null, or text no YAML reader could take for anything else.
// Anything outside that (a comment after a value, an anchor, a tag, a flow list, a plain value with `: ` or
// ` #` in it, a tab, a CR, a control character, a key with no value, indentation the writer never uses, a plain
// value that continues on the next line) is not hirekit's form: the caller falls back, and the full reader
// accepts it or names the problem exactly as it always has. Within the grammar every line means one thing in
// YAML 1.2, and test/io/yaml-canonical.test.ts compares both readers over generated, hand-edited and fuzzed
// files: where this one answers, it answers what the full reader does, and where the full reader finds any
// error, this one declines.
import { MAX_ENTRIES } from './yaml-file.js';

/** Thrown inside the reader for anything outside the grammar; never escapes readCanonicalYaml. */
const NOT_CANONICAL = new Error('not in the form hirekit writes');

/**
 * Characters the writer never leaves bare: CR (the full reader turns a lone CR into a line break), controls
 * other than tab and line feed (the writer escapes them), C1 controls, the YAML 1.1 line breaks U+0085,
 * U+2028 and U+2029 and a byte-order mark (left to the full reader rather than reasoned about).
 */
// eslint-disable-next-line no-control-regex
const BARE_UNUSUAL = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u2028\u2029\uFEFF]/;
const KEY = /[A-Za-z_][A-Za-z0-9_-]{0,99}:/y;
/** Keys the full reader refuses (forbidden-key) or reads as something other than the word. */
const SPECIAL_KEYS = new Set(['__proto__', 'constructor', 'prototype', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
/** Deeper than any file hirekit writes; keeps the reader's recursion shallow. */
const MAX_INDENT = 64;
const INTEGER = /^-?(?:0|[1-9][0-9]{0,14})$/;
/**
 * Plain words some YAML reader takes for a number, boolean, null, date or merge key (the writer's own test,
 * io/yaml-write.ts LOOKS_TYPED): the writer quotes them, so bare they are a hand edit for the full reader.
 */
const LOOKS_TYPED = /^(?:[-+.]?\d|[-+]?\.(?:inf|nan)$|~$|(?:y|n|yes|no|true|false|on|off|null|nil)$|[<=]{1,2}$)/i;
/** First characters of every word LOOKS_TYPED matches, of integers, and of `---` and `...`: - + . 0-9 ~ y n t f o < = */
const MAYBE_TYPED = new Set([...'-+.0123456789~yYnNtTfFoO<='].map((c) => c.charCodeAt(0)));
const INDICATOR = new Set([...'[]{},#&*!|>\'"%@`-?:'].map((c) => c.charCodeAt(0)));
/** First characters that make a plain value something else in YAML (flow, anchor, alias, tag, block, quote...). */
const INDICATOR_START = /^(?:[[\]{},#&*!|>'"%@`]|[-?:](?:[ \t]|$))/;
const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};
const HEX = /^[0-9a-fA-F]+$/;

/** The plain data of `text` when it is in the form hirekit writes; undefined for anything else. */
export function readCanonicalYaml(text: string): unknown {
  if (BARE_UNUSUAL.test(text)) return undefined;
  try {
    return new CanonicalReader(text.split('\n')).document();
  } catch (error) {
    if (error === NOT_CANONICAL) return undefined;
    throw error;
  }
}

class CanonicalReader {
  private line = 0;
  private entries = 0;

  constructor(private readonly lines: string[]) {}

  document(): Record<string, unknown> {
    // The writer's header: comment lines at the very top.
    while (this.line < this.lines.length && this.lines[this.line]!.startsWith('#')) this.line++;
    const first = this.nextContent();
    if (first === -1 || indentOf(this.lines[first]!) !== 0) throw NOT_CANONICAL;
    const value = this.mapping(0);
    if (this.nextContent() !== -1) throw NOT_CANONICAL;
    return value;
  }

  /** The index of the next line with content (blank lines skipped), or -1 at the end; a comment is refused. */
  private nextContent(): number {
    const { lines } = this;
    while (this.line < lines.length) {
      const line = lines[this.line]!;
      if (line.length === 0) {
        this.line++;
        continue;
      }
      const indent = indentOf(line);
      if (indent === line.length) throw NOT_CANONICAL; // spaces only: the writer never leaves them
      if (line.charCodeAt(indent) === 35 /* # */) throw NOT_CANONICAL;
      return this.line;
    }
    return -1;
  }

  private count(): void {
    // The full reader refuses a file past MAX_ENTRIES keys and items; well below that, both read alike.
    if (++this.entries > MAX_ENTRIES / 2) throw NOT_CANONICAL;
  }

  /** A block mapping whose keys sit at column `indent`, starting at the current line. */
  private mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (;;) {
      const at = this.nextContent();
      if (at === -1) break;
      const line = this.lines[at]!;
      const lineIndent = indentOf(line);
      if (lineIndent < indent) break;
      if (lineIndent > indent) throw NOT_CANONICAL;
      KEY.lastIndex = indent;
      if (!KEY.test(line)) throw NOT_CANONICAL;
      const key = line.slice(indent, KEY.lastIndex - 1);
      if (SPECIAL_KEYS.has(key) || Object.hasOwn(out, key)) throw NOT_CANONICAL;
      this.count();
      const rest = KEY.lastIndex;
      this.line = at + 1;
      if (rest === line.length) {
        out[key] = this.nested(indent);
      } else {
        if (line.charCodeAt(rest) !== 32 /* space */) throw NOT_CANONICAL;
        out[key] = this.value(line.slice(rest + 1), indent);
      }
    }
    return out;
  }

  /** The mapping or list under `key:` (at column `parent`), indented further on the next line. */
  private nested(parent: number): unknown {
    const at = this.nextContent();
    if (at === -1) throw NOT_CANONICAL; // `key:` with nothing after it is null to YAML; the writer says null
    const line = this.lines[at]!;
    const indent = indentOf(line);
    if (indent <= parent || indent > MAX_INDENT) throw NOT_CANONICAL;
    return isItem(line, indent) ? this.sequence(indent) : this.mapping(indent);
  }

  /** A block list whose dashes sit at column `indent`, starting at the current line. */
  private sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    const { lines } = this;
    for (;;) {
      const at = this.nextContent();
      if (at === -1) break;
      const line = lines[at]!;
      const lineIndent = indentOf(line);
      if (lineIndent < indent) break;
      if (lineIndent > indent || !isItem(line, indent)) throw NOT_CANONICAL;
      this.count();
      const content = line.slice(indent + 2);
      if (content.length === 0 || content.charCodeAt(0) === 32) throw NOT_CANONICAL;
      KEY.lastIndex = indent + 2;
      // `- http://example.org` is text: a key's colon is followed by a space or ends the line.
      const keyed = KEY.test(line) && (KEY.lastIndex === line.length || line.charCodeAt(KEY.lastIndex) === 32);
      if (keyed || isItem(line, indent + 2)) {
        // `- key: value` and `- - value`: the item is a mapping or list whose first line starts two columns in,
        // read as if the dash were a space (which is what YAML's compact notation means).
        if (indent + 2 > MAX_INDENT) throw NOT_CANONICAL;
        lines[at] = ' '.repeat(indent + 2) + content;
        out.push(isItem(line, indent + 2) ? this.sequence(indent + 2) : this.mapping(indent + 2));
      } else {
        this.line = at + 1;
        out.push(this.value(content, indent));
      }
    }
    return out;
  }

  /** A value written after `key: ` or `- ` on a line whose key or dash sits at column `parent`. */
  private value(text: string, parent: number): unknown {
    // Nothing after `key: ` is null to YAML, which the writer spells out; more spaces are not its form.
    if (text.length === 0) throw NOT_CANONICAL;
    switch (text.charCodeAt(0)) {
      case 32 /* space */:
      case 9 /* tab */:
        throw NOT_CANONICAL;
      case 34 /* " */:
        return doubleQuoted(text);
      case 39 /* ' */:
        return singleQuoted(text);
      case 124 /* | */:
        if (text === '|-') return this.literal(parent, false);
        if (text === '|') return this.literal(parent, true);
        throw NOT_CANONICAL;
      case 91 /* [ */:
        if (text === '[]') return [];
        throw NOT_CANONICAL;
      case 123 /* { */:
        if (text === '{}') return {};
        throw NOT_CANONICAL;
      default:
        return plain(text);
    }
  }

  /**
   * A literal block (`|-` keeps no final line break, `|` keeps one) under a key or dash at column `parent`: its
   * lines are indented further, by the amount of its first line, which must not be blank.
   */
  private literal(parent: number, keepOne: boolean): string {
    const { lines } = this;
    const first = lines[this.line];
    if (first === undefined || first.length === 0) throw NOT_CANONICAL;
    const indent = indentOf(first);
    if (indent <= parent || indent === first.length) throw NOT_CANONICAL;
    const parts: string[] = [];
    let end = this.line;
    while (end < lines.length) {
      const line = lines[end]!;
      if (line.length === 0) {
        parts.push('');
        end++;
        continue;
      }
      const lineIndent = indentOf(line);
      if (lineIndent === line.length) throw NOT_CANONICAL; // a line of spaces: left to the full reader
      if (lineIndent < indent) break;
      parts.push(line.slice(indent));
      end++;
    }
    // Blank lines before whatever follows the block belong to it and are chomped.
    while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
    this.line = end;
    const body = parts.join('\n');
    return keepOne ? `${body}\n` : body;
  }
}

function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  // A tab where indentation goes is not hirekit's form (and YAML forbids tabs as indentation).
  if (line.charCodeAt(i) === 9) throw NOT_CANONICAL;
  return i;
}

/** Whether the line holds a list item (`-` then a space) at column `indent`. */
function isItem(line: string, indent: number): boolean {
  return line.charCodeAt(indent) === 45 /* - */ && line.charCodeAt(indent + 1) === 32;
}

/** A plain word: an integer, true, false, null, or text that no YAML reader takes for anything else. */
function plain(text: string): unknown {
  const first = text.charCodeAt(0);
  if (MAYBE_TYPED.has(first)) {
    if (INTEGER.test(text)) {
      if (text === '-0') throw NOT_CANONICAL;
      return Number(text);
    }
    if (text === 'true') return true;
    if (text === 'false') return false;
    if (text === 'null') return null;
    if (LOOKS_TYPED.test(text) || text.startsWith('---') || text.startsWith('...')) throw NOT_CANONICAL;
  }
  if (
    (INDICATOR.has(first) && INDICATOR_START.test(text)) ||
    text.includes(': ') ||
    text.includes(':\t') ||
    text.includes(' #') ||
    text.includes('\t#') ||
    text.endsWith(':') ||
    text.endsWith(' ') ||
    text.endsWith('\t')
  ) {
    throw NOT_CANONICAL;
  }
  return text;
}

/** A double-quoted text that ends the line; escapes as YAML 1.2 defines them. */
function doubleQuoted(text: string): string {
  let out = '';
  let from = 1;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      if (i !== text.length - 1) throw NOT_CANONICAL;
      return out + text.slice(from, i);
    }
    if (c !== 92 /* \ */) continue;
    out += text.slice(from, i);
    const next = text[i + 1];
    if (next === undefined) throw NOT_CANONICAL;
    const simple = ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      i += 1;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const hex = text.slice(i + 2, i + 2 + length);
      if (hex.length !== length || !HEX.test(hex)) throw NOT_CANONICAL;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw NOT_CANONICAL;
      out += String.fromCodePoint(code);
      i += 1 + length;
    } else {
      throw NOT_CANONICAL;
    }
    from = i + 1;
  }
  throw NOT_CANONICAL; // no closing quote on this line
}

/** A single-quoted text that ends the line; '' stands for one quote. */
function singleQuoted(text: string): string {
  let out = '';
  let from = 1;
  for (let i = 1; i < text.length; i++) {
    if (text.charCodeAt(i) !== 39 /* ' */) continue;
    if (text.charCodeAt(i + 1) === 39) {
      out += text.slice(from, i + 1);
      i += 1;
      from = i + 1;
      continue;
    }
    if (i !== text.length - 1) throw NOT_CANONICAL;
    return out + text.slice(from, i);
  }
  throw NOT_CANONICAL;
}
