// zod's findings about a YAML document, in the words of someone writing the file: where (FILE:LINE:COL and
// the path), what is wrong, and for the common mistakes what to type instead, with the corrected line.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { z } from 'zod';
import type { Finding, FindingPath } from '../core/finding.js';
import { nearest } from '../core/nearest.js';
import { keysAt, keysOf } from './schema-keys.js';
import { locate, nodeAt, quoted, sourceLine, type Located, type YamlText } from './yaml-source.js';

export { keysOf } from './schema-keys.js';

/** Unknown keys past this many get no "did you mean" or corrected line (each costs a search), only their place. */
const HINTED_KEYS = 200;

/** Validates plain data against a schema; every issue becomes a located finding. */
export function checkSchema<T extends z.ZodType>(
  yaml: YamlText,
  plain: unknown,
  schema: T,
): { value?: z.infer<T>; findings: Located[] } {
  const result = schema.safeParse(plain);
  if (result.success) return { value: result.data, findings: [] };
  let everywhere: string[] | undefined;
  const knownAnywhere = (): string[] => (everywhere ??= keysOf(schema));
  const findings = result.error.issues.flatMap((issue) => describeIssue(yaml, issue, plain, schema, knownAnywhere)).map((f) => locate(yaml, f));
  return { findings };
}

function describeIssue(
  yaml: YamlText,
  issue: z.core.$ZodIssue,
  plain: unknown,
  schema: z.core.$ZodType,
  knownAnywhere: () => string[],
): Finding[] {
  const path = issue.path as FindingPath;
  const where = formatPath(path);
  const prefix = where ? `${where}: ` : '';
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(issue.keys, plain, path, schema, knownAnywhere);
      return issue.keys.map((key, i) => {
        const hint = i < HINTED_KEYS ? nearest(key, allowed) : undefined;
        const home = !hint && i < HINTED_KEYS ? homeOf(key, schema, path, plain) : undefined;
        const inFlow = valueAt(plain, [...path, key]) === null && flowParent(yaml, path);
        const fixed = inFlow && i < HINTED_KEYS ? joinedFlowValue(yaml, path, key) : undefined;
        return {
          severity: 'error',
          code: 'unknown-key',
          path: [...path, key],
          locateKey: true,
          message: inFlow
            ? `${prefix}unknown key '${key}'; inside { } a comma ends a value, so if '${key}' belongs to the text before it, put that whole value in quotes${fixed ? `: ${fixed}` : ''}`
            : `${prefix}unknown key '${key}'${hint ? `; did you mean '${hint}'?` : home ? ` here; it belongs under '${home}:', indented below it` : '; remove it'}`,
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
      const advice = typeAdvice(yaml, path, issue.expected, actual);
      return [
        {
          severity: 'error',
          code: 'wrong-type',
          path,
          message: `${prefix}expected ${words(issue.expected)}, got ${describeValue(actual)}${advice ? `; ${advice}` : ''}`,
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

/** zod's type names as a person says them, with their article. */
function words(expected: string): string {
  return expected === 'object' ? 'a mapping' : expected === 'array' ? 'a list' : expected === 'string' ? 'text' : article(expected);
}

/** Whether the mapping at `path` is written { like: this }. */
function flowParent(yaml: YamlText, path: FindingPath): boolean {
  const { node, depth } = nodeAt(yaml.doc, path);
  return depth === path.length && isMap(node) && node.flow === true;
}

/**
 * `{ meaning: Some evidence, with gaps. }` read as a value "Some evidence" and a key "with gaps.": the line
 * with the value before the key and the key joined and quoted.
 */
function joinedFlowValue(yaml: YamlText, path: FindingPath, key: string): string | undefined {
  const { node } = nodeAt(yaml.doc, path);
  if (!isMap(node)) return undefined;
  const at = node.items.findIndex((p) => isScalar(p.key) && String(p.key.value) === key);
  const before = node.items[at - 1];
  const start = (before?.value as Node | undefined)?.range?.[0];
  const end = (node.items[at]?.key as Node | undefined)?.range?.[1];
  if (start === undefined || end === undefined) return undefined;
  const from = yaml.lineCounter.linePos(start);
  const to = yaml.lineCounter.linePos(end);
  if (from.line !== to.line) return undefined;
  const line = sourceLine(yaml, from.line);
  return `${line.slice(0, from.col - 1)}${quoted(yaml.text.slice(start, end))}${line.slice(to.col - 1)}`.trim();
}

/** What to type instead, for a value of the wrong type, with the corrected line where one can be written. */
function typeAdvice(yaml: YamlText, path: FindingPath, expected: string, actual: unknown): string | undefined {
  const { node, key, depth } = nodeAt(yaml.doc, path);
  if (depth !== path.length) return undefined;
  const range = (node as Node | undefined)?.range;
  const keyName = isScalar(key) ? String(key.value) : undefined;
  const rewrite = (value: string): string | undefined => {
    if (!range) return undefined;
    const start = yaml.lineCounter.linePos(range[0]);
    const end = yaml.lineCounter.linePos(range[1]);
    if (start.line !== end.line) return undefined;
    const line = sourceLine(yaml, start.line);
    return `${line.slice(0, start.col - 1)}${value}${line.slice(end.col - 1)}`.trim();
  };
  if (typeof actual === 'string') {
    const noSpace = /^([A-Za-z_][\w-]*):(\S.*)$/.exec(actual);
    if (noSpace && expected === 'object') {
      const fixed = rewrite(`${noSpace[1]}: ${noSpace[2]}`);
      return `'${noSpace[1]}:' needs a space after the colon${fixed ? `; type: ${fixed}` : ''}`;
    }
    if (expected === 'number') {
      const number = /^\s*([-+]?\d+(?:\.\d+)?)/.exec(actual)?.[1];
      const fixed = number !== undefined ? rewrite(String(Number(number))) : undefined;
      return fixed
        ? `write the number alone, without quotes or words: ${fixed}`
        : `write a number such as ${keyName === 'weight' ? '25' : '3'}, without quotes`;
    }
    if (expected === 'array') {
      const fixed = rewrite(`[${quoted(actual)}]`);
      return `a list is written [in brackets] or as lines starting with "- "${fixed ? `: ${fixed}` : ''}`;
    }
  }
  if (expected === 'string' && (typeof actual === 'number' || typeof actual === 'boolean')) {
    const source = range ? yaml.text.slice(range[0], range[1]) : String(actual);
    const fixed = rewrite(quoted(source));
    return `YAML reads ${source} as a ${typeof actual}; put it in quotes${fixed ? `: ${fixed}` : ''}`;
  }
  if (expected === 'string' && actual === null) {
    return `write the text after ${keyName ? `'${keyName}: '` : 'the colon'}`;
  }
  if (expected === 'object' && Array.isArray(actual) && isSeq(node)) {
    const first = node.items[0] as Node | undefined;
    const at = first?.range ? yaml.lineCounter.linePos(first.range[0]) : undefined;
    const line = at ? sourceLine(yaml, at.line) : undefined;
    const fixed = line && /^\s*- /.test(line) ? line.replace(/^(\s*)- /, '$1  ').trim() : undefined;
    return `a mapping is written as "key: value" lines, without the "- " that starts list items${fixed ? `; for example: ${fixed}` : ''}`;
  }
  if (expected === 'array' && actual !== null && typeof actual === 'object') {
    return 'a list is written as lines starting with "- " (or [a, b]), not as "key: value" lines';
  }
  return undefined;
}

/**
 * The keys a typo at `path` is matched against: those the schema allows in that very mapping, so a key that
 * belongs somewhere else in the format is never offered. Only when the schema cannot be followed to `path`,
 * the keys present beside the unknown ones and every key the schema knows anywhere.
 */
/**
 * The key one level down where a key unknown here is known: `title` written at a rubric's top level
 * belongs under `role:`. A mapping below is preferred to a list of mappings (`case_studies:` items).
 */
function homeOf(key: string, schema: z.core.$ZodType, path: FindingPath, plain: unknown): string | undefined {
  const here = keysAt(schema, path, plain) ?? [];
  for (const below of [[], [0]] as FindingPath[]) {
    for (const child of here) if (keysAt(schema, [...path, child, ...below], plain)?.includes(key)) return child;
  }
  return undefined;
}

function allowedKeys(
  unknownKeys: readonly string[],
  plain: unknown,
  path: FindingPath,
  schema: z.core.$ZodType,
  knownAnywhere: () => string[],
): string[] {
  const unknown = new Set(unknownKeys);
  const here = keysAt(schema, path, plain);
  if (here) return here.filter((k) => !unknown.has(k));
  const value = valueAt(plain, path);
  const present = value && typeof value === 'object' ? Object.keys(value) : [];
  return [...new Set([...present, ...knownAnywhere()])].filter((k) => !unknown.has(k));
}

export function valueAt(plain: unknown, path: FindingPath): unknown {
  let here: unknown = plain;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(here, key as PropertyKey)) return undefined;
    here = (here as Record<PropertyKey, unknown>)[key as PropertyKey];
  }
  return here;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'nothing (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
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
