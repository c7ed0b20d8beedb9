// Reading YAML files at the border: hostile-input guards, syntax errors and zod errors, all located
// as FILE:LINE:COL. Used for rubrics, scorecards and answers files alike.
import { readFile, stat } from 'node:fs/promises';
import { LineCounter, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { DataError } from '../errors.js';
import type { Finding, FindingPath } from '../core/finding.js';
import { nearest } from '../core/nearest.js';

export const MAX_YAML_BYTES = 1024 * 1024;
const MAX_ALIASES = 100;

/** A finding pinned to a place in a file. */
export interface Located extends Finding {
  file: string;
  line: number;
  col: number;
}

export interface YamlText {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export function formatLocated(d: Located): string {
  return `${d.file}:${d.line}:${d.col}  ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
}

/**
 * Reads a file the user pointed at, refusing what is not a sane YAML text file. Throws DataError with
 * one plain line for anything that cannot even be parsed (missing, directory, too big, binary, empty).
 * Messages name `file`; the bytes come from `readFrom` (the same path resolved against the command's folder).
 */
export async function readYamlText(file: string, what = 'YAML file', readFrom = file): Promise<string> {
  let info;
  try {
    info = await stat(readFrom);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DataError(`${file}: no such file; check the path`);
    if (code === 'EACCES') throw new DataError(`${file}: permission denied; check the file's permissions`);
    throw new DataError(`${file}: cannot be read (${code ?? 'unknown error'})`);
  }
  if (info.isDirectory()) throw new DataError(`${file}: is a directory, not a ${what}; pass a .yaml file`);
  if (!info.isFile()) throw new DataError(`${file}: is not a regular file; pass a .yaml file`);
  if (info.size > MAX_YAML_BYTES) {
    throw new DataError(`${file}: is ${(info.size / 1024 / 1024).toFixed(1)} MiB; a ${what} may be at most 1 MiB`);
  }
  const bytes = await readFile(readFrom);
  if (bytes.includes(0)) throw new DataError(`${file}: looks like a binary file, not a ${what}`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DataError(`${file}: is not valid UTF-8 text; save it as UTF-8`);
  }
  return text;
}

export function parseYaml(file: string, text: string): { yaml: YamlText; findings: Located[] } {
  const lineCounter = new LineCounter();
  // Keys are compared as the text they become: `1:` and `'1':` are the same key once read.
  const sameKey = (a: unknown, b: unknown): boolean =>
    a === b || (isScalar(a) && isScalar(b) && String(a.value) === String(b.value));
  const doc = parseDocument(text, { lineCounter, uniqueKeys: sameKey, prettyErrors: true, strict: true });
  const yaml = { file, doc, lineCounter };
  const findings: Located[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    if (e.code === 'TAG_RESOLVE_FAILED') {
      // An unknown tag (!!js/function, !custom) is read as plain text by this reader but may run code in another.
      const pos = lineCounter.linePos(e.pos[0]);
      const tag = /tag: (\S+)/.exec(e.message)?.[1]?.replace(/^tag:yaml\.org,2002:/, '!!') ?? 'this tag';
      findings.push({ file, line: pos.line, col: pos.col, severity: 'error', code: 'unknown-tag', path: [], message: `unknown YAML tag ${tag}; hirekit files hold plain text, numbers, lists and mappings, so remove the tag` });
      continue;
    }
    const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
    const first = e.message.split('\n')[0] ?? e.message;
    const message =
      e.code === 'DUPLICATE_KEY'
        ? `duplicate key ${duplicateKeyName(text, e.pos[0])}; each key may appear once in a mapping, remove or rename one`
        : `YAML syntax: ${first.replace(/ at line \d+, column \d+:?$/, '')}`;
    findings.push({
      file,
      line: pos.line,
      col: pos.col,
      severity: e instanceof Error && doc.errors.includes(e) ? 'error' : 'warning',
      code: e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax',
      message,
      path: [],
    });
  }
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        const pos = lineCounter.linePos(pair.key.range?.[0] ?? 0);
        findings.push({ file, line: pos.line, col: pos.col, severity: 'error', code: 'forbidden-key', path: [], message: `key '${String(pair.key.value)}' is not allowed: it names a JavaScript object's internals, not a hirekit field; remove it` });
      }
    },
  });
  // After the first syntax error the parser's later complaints are mostly echoes of it; keep the first.
  const firstSyntax = findings.find((f) => f.code === 'yaml-syntax' && f.severity === 'error');
  return { yaml, findings: findings.filter((f) => f.code !== 'yaml-syntax' || f.severity !== 'error' || f === firstSyntax) };
}

/** Keys that reach an object's prototype when a reader is careless; never a field of any hirekit file. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function duplicateKeyName(text: string, offset: number): string {
  const match = /^["']?([^"':\n]+)/.exec(text.slice(offset));
  return match?.[1] ? `'${match[1].trim()}'` : '';
}

/** Turns the document into plain JS, refusing alias bombs. */
export function toPlain(yaml: YamlText): unknown {
  try {
    return yaml.doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (error instanceof ReferenceError || /alias/i.test(String(error))) {
      throw new DataError(
        `${yaml.file}: too many YAML aliases (more than ${MAX_ALIASES} expansions); this looks like an alias bomb, write the content out instead`,
      );
    }
    throw error;
  }
}

/** Validates plain data against a schema; every issue becomes a located finding. */
export function checkSchema<T extends z.ZodType>(
  yaml: YamlText,
  plain: unknown,
  schema: T,
): { value?: z.infer<T>; findings: Located[] } {
  const result = schema.safeParse(plain);
  if (result.success) return { value: result.data, findings: [] };
  const known = keysOf(schema);
  const findings = result.error.issues.flatMap((issue) => describeIssue(issue, plain, known)).map((f) => locate(yaml, f));
  return { findings };
}

function describeIssue(issue: z.core.$ZodIssue, plain: unknown, known: readonly string[]): Finding[] {
  const path = issue.path as FindingPath;
  const where = formatPath(path);
  const prefix = where ? `${where}: ` : '';
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(issue, plain, known);
      return issue.keys.map((key) => {
        const hint = nearest(key, allowed);
        return {
          severity: 'error',
          code: 'unknown-key',
          path: [...path, key],
          locateKey: true,
          message: `${prefix}unknown key '${key}'${hint ? `; did you mean '${hint}'?` : '; remove it'}`,
        } satisfies Finding;
      });
    }
    case 'invalid_type': {
      const actual = valueAt(plain, path);
      if (actual === undefined) {
        const key = path[path.length - 1];
        return [
          {
            severity: 'error',
            code: 'missing-key',
            path: path.slice(0, -1),
            message: `${formatPath(path.slice(0, -1)) || 'top level'}: missing required key '${String(key)}' (${issue.expected})`,
          },
        ];
      }
      return [
        {
          severity: 'error',
          code: 'wrong-type',
          path,
          message: `${prefix}expected ${article(issue.expected)}, got ${describeValue(actual)}`,
        },
      ];
    }
    case 'invalid_value':
      return [
        {
          severity: 'error',
          code: 'invalid-value',
          path,
          message: `${prefix}must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
        },
      ];
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const word = issue.code === 'too_small' ? 'at least' : 'at most';
      const detail =
        issue.origin === 'array'
          ? `needs ${word} ${String(bound)} item${bound === 1 ? '' : 's'}`
          : issue.origin === 'string'
            ? bound === 1 && issue.code === 'too_small'
              ? 'must not be empty'
              : `must be ${word} ${String(bound)} characters`
            : `must be ${word} ${String(bound)}`;
      return [{ severity: 'error', code: 'out-of-range', path, message: `${prefix}${detail}` }];
    }
    default:
      return [{ severity: 'error', code: 'invalid', path, message: `${prefix}${issue.message}` }];
  }
}

function allowedKeys(issue: z.core.$ZodIssue, plain: unknown, known: readonly string[]): string[] {
  // zod does not report the allowed keys; the known keys of the object are the present ones minus the unknown.
  const here = valueAt(plain, issue.path as FindingPath);
  const unknown = new Set(issue.code === 'unrecognized_keys' ? issue.keys : []);
  const present = here && typeof here === 'object' ? Object.keys(here).filter((k) => !unknown.has(k)) : [];
  return [...present, ...known].filter((k) => !unknown.has(k));
}

/**
 * Every object key the schema knows, at any depth: the words a typo is matched against. Derived from the
 * schema itself, so a key added to a format is suggested without a second list to keep up to date.
 */
export function keysOf(schema: z.core.$ZodType): string[] {
  const keys = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    const shape = def.shape as Record<string, unknown> | undefined;
    for (const [key, child] of Object.entries(shape ?? {})) {
      keys.add(key);
      walk(child);
    }
    // Wrappers and containers: optional, default, nullable, array, record, union, pipe, intersection, tuple.
    for (const field of ['innerType', 'element', 'valueType', 'in', 'out', 'left', 'right', 'catchall']) walk(def[field]);
    for (const field of ['options', 'items']) if (Array.isArray(def[field])) for (const child of def[field] as unknown[]) walk(child);
  };
  walk(schema);
  return [...keys];
}

function valueAt(plain: unknown, path: FindingPath): unknown {
  let here: unknown = plain;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[key as PropertyKey];
  }
  return here;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

export function formatPath(path: FindingPath): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

/** Pins a finding to the deepest node of its path that exists in the document. */
export function locate(yaml: YamlText, finding: Finding): Located {
  const offset = offsetOf(yaml.doc, finding.path, finding.locateKey ?? false);
  const { line, col } = yaml.lineCounter.linePos(offset);
  const { locateKey: _ignored, ...rest } = finding;
  return { ...rest, file: yaml.file, line, col };
}

function offsetOf(doc: Document.Parsed, path: FindingPath, wantKey: boolean): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [i, key] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) return offset;
      if (last && wantKey) return rangeStart(pair.key) ?? offset;
      node = pair.value;
      offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if (node === undefined) return offset;
      offset = rangeStart(node) ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  return isNode(node) ? (node as Node).range?.[0] : undefined;
}
