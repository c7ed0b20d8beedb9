// Reading YAML files at the border: hostile-input guards, syntax errors and zod errors, all located
// as FILE:LINE:COL. `loadYaml(file, schema, kind)` is the one way hirekit reads a YAML file: rubrics,
// scorecards, candidate files, answers files and decision files alike.
//
// Every check is linear in the size of the file, so anything under the size cap is accepted or refused
// quickly: duplicate keys are found in one pass over each mapping's keys, and findings are located through
// an index of each mapping's keys (yaml-source.ts), never by scanning the mapping again per finding.
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Lexer, LineCounter, isAlias, isCollection, isPair, parseDocument, visit, type Scalar } from 'yaml';
import type { z } from 'zod';
import { DataError } from '../errors.js';
import { fsReason } from './fs-error.js';
import type { Finding } from '../core/finding.js';
import { adviseCutByComment, adviseSyntax } from './yaml-advice.js';
import { checkSchema } from './yaml-schema.js';
import { byPlace, formatLocated, keyText, locate, type Located, type YamlText } from './yaml-source.js';

export { checkSchema, formatPath, keysOf } from './yaml-schema.js';
export { byPlace, formatLocated, locate, type Located, type YamlText } from './yaml-source.js';

export const MAX_YAML_BYTES = 1024 * 1024;
const MAX_ALIASES = 100;
/**
 * Keys and list items a file may hold. The bundled rubrics hold under a thousand; the cap keeps the parse of
 * a file crafted to be wide (a 1 MiB mapping holds 100,000 keys) well under a second, and is checked by the
 * lexer alone before the document is built.
 */
export const MAX_ENTRIES = 10_000;
/** A message lists at most this many problems, then says how many more there are. */
export const MAX_REPORTED = 50;

/**
 * Reads a file the user pointed at, refusing what is not a sane YAML text file. Throws DataError with
 * one plain line for anything that cannot even be parsed (missing, directory, too big, binary, empty).
 * Messages name `file`; the bytes come from `readFrom` (the same path resolved against the command's folder).
 */
export async function readYamlText(file: string, what = 'YAML file', readFrom = file, options: { noFollow?: boolean } = {}): Promise<string> {
  return decodeYaml(file, what, options.noFollow ? readNoFollow(readFrom, file, what) : await readFollowing(readFrom, file, what));
}

async function readFollowing(readFrom: string, file: string, what: string): Promise<Buffer> {
  let info;
  try {
    info = await stat(readFrom);
  } catch (error) {
    throw unreadable(file, error);
  }
  checkKind(info, file, what);
  // stat needs no read permission: a file the user may not read fails only here.
  try {
    return await readFile(readFrom);
  } catch (error) {
    throw unreadable(file, error);
  }
}

/**
 * Workspace files are never read through a symlink (see io/contained.ts): opened with O_NOFOLLOW, and
 * O_NONBLOCK so that a FIFO cannot hang the read, then checked on the open descriptor. Synchronous on
 * purpose: status reads thousands of small files, and one system call each beats four promise round trips.
 */
function readNoFollow(readFrom: string, file: string, what: string): Buffer {
  let fd;
  try {
    fd = openSync(readFrom, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new DataError(`${file}: is a symbolic link; hirekit reads workspace files only as regular files, replace the link with the file itself`);
    throw unreadable(file, error);
  }
  try {
    checkKind(fstatSync(fd), file, what);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

function unreadable(file: string, error: unknown): DataError {
  const code = (error as NodeJS.ErrnoException).code;
  // The system error stays the cause, so a caller can tell "absent" from "unreadable" by this very read.
  if (code === 'ENOENT') return new DataError(`${file}: no such file; check the path`, { cause: error });
  if (code === 'EACCES') return new DataError(`${file}: permission denied; check the file's permissions`, { cause: error });
  // Out of file handles or the file in use: nothing is wrong with the file itself.
  const passing = code === 'EMFILE' || code === 'ENFILE' || code === 'EBUSY' || code === 'EAGAIN';
  return new DataError(`${file}: cannot be read (${fsReason(code ?? 'unknown error')}); ${passing ? 'try again in a moment' : 'check the path and the disk'}`, { cause: error });
}

function checkKind(info: Stats, file: string, what: string): void {
  if (info.isDirectory()) throw new DataError(`${file}: is a directory, not ${withArticle(what)}; pass a .yaml file`);
  if (!info.isFile()) throw new DataError(`${file}: is not a regular file; pass a .yaml file`);
  if (info.size > MAX_YAML_BYTES) {
    throw new DataError(`${file}: is ${(info.size / 1024 / 1024).toFixed(1)} MiB; ${withArticle(what)} may be at most 1 MiB`);
  }
}

/** "an answers file", "an import mapping", "a rubric". */
function withArticle(what: string): string {
  return `${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what}`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeYaml(file: string, what: string, bytes: Buffer): string {
  if (bytes.includes(0)) throw new DataError(`${file}: looks like a binary file, not ${withArticle(what)}`);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new DataError(`${file}: is not valid UTF-8 text; save it as UTF-8`);
  }
}

/** What kind of file is read, for messages. */
export interface YamlKind {
  /** "rubric", "answers file", "scorecard". */
  what: string;
  /** The message for a file that holds nothing, e.g. "the file is empty; a rubric needs role, version, ...". */
  empty: string;
  /** A workspace file: never read through a symbolic link (io/contained.ts). */
  noFollow?: boolean;
}

/** Everything found in one YAML file: the value when it is valid, and every error and warning, in file order. */
export interface YamlCheck<T> {
  file: string;
  yaml?: YamlText;
  /** The data as plain JS, when the file parsed; available even when the schema refused it. */
  plain?: unknown;
  value?: T;
  errors: Located[];
  warnings: Located[];
}

/**
 * Reads, parses and checks one YAML file against `schema`. Unreadable input (missing, a folder, too big,
 * binary, not UTF-8) throws a DataError; everything else is returned as located findings, all at once.
 * A relative `file` is read from `cwd` and named in messages as given.
 */
export async function loadYaml<T extends z.ZodType>(file: string, schema: T, kind: YamlKind, cwd?: string): Promise<YamlCheck<z.infer<T>>> {
  const text = await readYamlText(file, kind.what, cwd === undefined ? file : path.resolve(cwd, file), { noFollow: kind.noFollow === true });
  return checkYamlText(file, text, schema, kind);
}

/** The checks of loadYaml on text already read. */
export function checkYamlText<T extends z.ZodType>(file: string, text: string, schema: T, kind: YamlKind): YamlCheck<z.infer<T>> {
  const { yaml, findings } = parseYaml(file, text);
  const check: YamlCheck<z.infer<T>> = {
    file,
    yaml,
    errors: findings.filter((f) => f.severity === 'error'),
    warnings: findings.filter((f) => f.severity === 'warning'),
  };
  if (check.errors.length === 0 && yaml.doc.contents === null) {
    check.errors.push({ file, line: 1, col: 1, severity: 'error', code: 'empty', path: [], message: kind.empty });
  }
  if (check.errors.length > 0) return check;
  const plain = toPlain(yaml);
  if ('error' in plain) {
    check.errors.push(plain.error);
    return check;
  }
  check.plain = plain.value;
  const checked = checkSchema(yaml, plain.value, schema);
  check.errors.push(...checked.findings);
  if (checked.value !== undefined) check.value = checked.value;
  return check;
}

/** Adds findings from a further check (cross-references, lint) at their places, keeping file order. */
export function addFindings(check: YamlCheck<unknown>, findings: readonly Finding[]): void {
  if (!check.yaml) return;
  for (const finding of findings) {
    const located = locate(check.yaml, finding);
    (located.severity === 'error' ? check.errors : check.warnings).push(located);
  }
  check.errors.sort(byPlace);
  check.warnings.sort(byPlace);
}

/**
 * The errors as a message: one FILE:LINE:COL line each, at most MAX_REPORTED of them, then how many more,
 * then (for more than one) the count, so nobody fixes one problem per run. `advice` ends the last line.
 */
export function problemsMessage(file: string, errors: readonly Located[], advice = ''): string {
  const sorted = [...errors].sort(byPlace);
  const lines = sorted.slice(0, MAX_REPORTED).map(formatLocated);
  const more = sorted.length - lines.length;
  if (more > 0) lines.push(`${file}: and ${more} more problem${more === 1 ? '' : 's'} (${sorted.length} in all)`);
  else if (sorted.length > 1) lines.push(`${file}: ${sorted.length} problems`);
  if (lines.length === 0) return `${file}: not valid${advice ? `; ${advice}` : ''}`;
  if (advice) lines[lines.length - 1] += `; ${advice}`;
  return lines.join('\n');
}

/**
 * Parses YAML text. Findings: the first syntax error (later ones are mostly echoes of it), duplicate keys,
 * keys that are not plain text, aliases with no anchor before them, and values a `#` cut short.
 */
export function parseYaml(file: string, source: string): { yaml: YamlText; findings: Located[] } {
  // Old Mac line endings (CR alone) are line breaks to a person; the parser would read one long line.
  const text = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
  const tooWide = entryBeyondCap(text);
  if (tooWide !== undefined) {
    const before = text.slice(0, tooWide);
    const line = before.split('\n').length;
    const col = tooWide - before.lastIndexOf('\n');
    const empty = parseDocument('', { lineCounter: new LineCounter() });
    return {
      yaml: { file, text: '', doc: empty, lineCounter: new LineCounter() },
      findings: [{ file, line, col, severity: 'error', code: 'too-many-entries', path: [], message: `more than ${MAX_ENTRIES.toLocaleString('en')} keys and list items by here; a hirekit file holds a few hundred to a few thousand, so this is not one (or it was generated wrongly)` }],
    };
  }
  const lineCounter = new LineCounter();
  // uniqueKeys is off because the parser's own check compares every key with every other (quadratic); the
  // pass below does it with a set. logLevel 'error' keeps the parser's warnings off stderr.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: true, strict: true, logLevel: 'error' });
  const yaml: YamlText = { file, text, doc, lineCounter };
  const findings: Located[] = [];
  const at = (offset: number, code: string, message: string, severity: Located['severity'] = 'error'): void => {
    const { line, col } = lineCounter.linePos(offset);
    findings.push({ file, line, col, severity, code, path: [], message });
  };

  // An unknown tag (!!js/function, !custom) is read as plain text by this reader but may run code in another.
  for (const problem of [...doc.errors, ...doc.warnings]) {
    if (problem.code !== 'TAG_RESOLVE_FAILED') continue;
    const tag = /tag: (\S+)/.exec(problem.message)?.[1]?.replace(/^tag:yaml\.org,2002:/, '!!') ?? 'this tag';
    at(problem.pos[0], 'unknown-tag', `unknown YAML tag ${tag}; hirekit files hold plain text, numbers, lists and mappings, so remove the tag`);
  }
  const syntax = doc.errors.find((e) => e.code !== 'TAG_RESOLVE_FAILED');
  if (syntax) {
    const { line, col } = syntax.linePos?.[0] ?? lineCounter.linePos(syntax.pos[0]);
    const advice = adviseSyntax(yaml, syntax, line, col);
    findings.push({ file, line, col, severity: 'error', code: advice.code, path: [], message: advice.message });
    return { yaml, findings: findings.sort(byPlace) };
  }
  for (const warning of doc.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED')) at(warning.pos[0], 'yaml-warning', `YAML: ${(warning.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`, 'warning');

  const anchors = new Set<string>();
  visit(doc, {
    Map(_, map) {
      if (map.anchor) anchors.add(map.anchor);
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        if (!isPair(pair)) continue;
        const key = keyText(pair.key);
        const offset = (pair.key as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
        if (key === undefined) {
          if (isCollection(pair.key) || isAlias(pair.key)) at(offset, 'complex-key', 'a key here is a list, a mapping or an alias; keys in hirekit files are plain words, such as id: or text:');
          continue;
        }
        if (FORBIDDEN_KEYS.has(key)) {
          at(offset, 'forbidden-key', `key '${key}' is not allowed: it names a JavaScript object's internals, not a hirekit field; remove it`);
        }
        // Keys are compared as the text they become: `1:` and `'1':` are the same key once read.
        const first = seen.get(key);
        if (first !== undefined) {
          at(offset, 'duplicate-key', `duplicate key '${key}'; each key may appear once in a mapping, remove or rename one`);
        } else {
          seen.set(key, offset);
        }
      }
    },
    Seq(_, seq) {
      if (seq.anchor) anchors.add(seq.anchor);
    },
    Alias(_, alias) {
      if (!anchors.has(alias.source)) {
        at(alias.range?.[0] ?? 0, 'undefined-alias', `*${alias.source} refers to no anchor &${alias.source} defined above it; define the anchor first, or write the value out (a text starting with * needs quotes)`);
      }
    },
    Scalar(_, scalar: Scalar) {
      if (scalar.anchor) anchors.add(scalar.anchor);
      if (scalar.type === 'PLAIN' && typeof scalar.value === 'string' && scalar.range) {
        const advice = adviseCutByComment(yaml, scalar.range[1], scalar.value);
        if (advice) at(scalar.range[0], advice.code, advice.message);
      }
    },
  });
  return { yaml, findings: findings.sort(byPlace) };
}

/** Keys that reach an object's prototype when a reader is careless; never a field of any hirekit file. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The offset of the first key or list item past MAX_ENTRIES, if there is one; the lexer alone, no document. */
function entryBeyondCap(text: string): number | undefined {
  // Cheap bound first: a file with fewer indicator characters than the cap cannot exceed it.
  let indicators = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 /* : */ || c === 45 /* - */ || c === 44 /* , */) indicators++;
  }
  if (indicators <= MAX_ENTRIES) return undefined;
  let entries = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === ':' || token === '-' || token === ',') {
      entries++;
      if (entries > MAX_ENTRIES) return offset;
    }
    // The lexer's markers for a document, a scalar and a flow's end take no room in the text.
    if (token !== '\x02' && token !== '\x18' && token !== '\x1f') offset += token.length;
  }
  return undefined;
}

/** Turns the document into plain JS, refusing alias bombs. */
export function toPlain(yaml: YamlText): { value: unknown } | { error: Located } {
  try {
    return { value: yaml.doc.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch (error) {
    if (error instanceof ReferenceError || /alias/i.test(String(error))) {
      let first = 0;
      visit(yaml.doc, { Alias: (_, alias) => ((first = alias.range?.[0] ?? 0), visit.BREAK) });
      const { line, col } = yaml.lineCounter.linePos(first);
      return {
        error: {
          file: yaml.file,
          line,
          col,
          severity: 'error',
          code: 'alias-bomb',
          path: [],
          message: `too many YAML aliases (more than ${MAX_ALIASES} expansions); this looks like an alias bomb, write the content out instead`,
        },
      };
    }
    throw error;
  }
}
