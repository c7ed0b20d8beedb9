// A parsed YAML text and what it takes to point into it: the document, its lines, and an index from each
// mapping's keys to their pairs, built once per mapping, so locating N findings costs N path walks and
// never a scan of a whole mapping per finding.
import { isMap, isNode, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Finding, FindingPath } from '../core/finding.js';

/** A finding pinned to a place in a file. */
export interface Located extends Finding {
  file: string;
  line: number;
  col: number;
}

export interface YamlText {
  file: string;
  /** The text as parsed (lone CR line endings already turned into LF). */
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export function formatLocated(d: Located): string {
  return `${d.file}:${d.line}:${d.col}  ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
}

export function byPlace(a: Located, b: Located): number {
  return a.line - b.line || a.col - b.col;
}

/** What a key reads as once loaded: `1:` and `'1':` are the same key. */
export function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The pair of `key` in a mapping; the mapping's index is built on first use (the first pair of a key wins). */
export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      const text = isPair(pair) ? keyText(pair.key) : undefined;
      if (text !== undefined && !index.has(text)) index.set(text, pair);
    }
    pairIndex.set(map, index);
  }
  return index.get(key);
}

/** The deepest node on `path` that exists, with the key node of its last step when that step was a mapping key. */
export function nodeAt(doc: Document.Parsed, path: FindingPath): { node: unknown; key?: unknown; depth: number } {
  let node: unknown = doc.contents;
  let key: unknown;
  let depth = 0;
  for (const step of path) {
    if (isMap(node)) {
      const pair = pairOf(node, String(step));
      if (!pair) break;
      key = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number' && node.items[step] !== undefined) {
      key = undefined;
      node = node.items[step];
    } else {
      break;
    }
    depth++;
  }
  return { node, key, depth };
}

export function rangeStart(node: unknown): number | undefined {
  return isNode(node) ? (node as Node).range?.[0] : undefined;
}

/** Pins a finding to the deepest node of its path that exists in the document. */
export function locate(yaml: YamlText, finding: Finding): Located {
  const { node, key, depth } = nodeAt(yaml.doc, finding.path);
  const complete = depth === finding.path.length;
  const offset = (complete && finding.locateKey ? rangeStart(key) : undefined) ?? rangeStart(node) ?? rangeStart(key) ?? 0;
  const { line, col } = yaml.lineCounter.linePos(offset);
  const { locateKey: _ignored, ...rest } = finding;
  return { ...rest, file: yaml.file, line, col };
}

/** The text of a 1-based line, without its line break. */
export function sourceLine(yaml: Pick<YamlText, 'text' | 'lineCounter'>, line: number): string {
  const starts = yaml.lineCounter.lineStarts;
  const start = starts[line - 1] ?? 0;
  const end = starts[line] ?? yaml.text.length;
  return yaml.text.slice(start, end).replace(/\r?\n$/, '');
}

/** A value written so no YAML reader takes it for anything but text. */
export function quoted(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The path of the deepest node whose source range holds `offset` (for syntax errors, which come without one). */
export function pathAt(doc: Document.Parsed, offset: number): FindingPath {
  const path: Array<string | number> = [];
  let node: unknown = doc.contents;
  const holds = (n: unknown): boolean => {
    const range = isNode(n) ? (n as Node).range : undefined;
    return range !== undefined && range !== null && range[0] <= offset && offset <= range[1];
  };
  for (let guard = 0; guard < 100; guard++) {
    if (isMap(node)) {
      // The path names the value that holds the offset; an offset on a key belongs to the mapping itself.
      const pair = node.items.find((p) => holds(p.value));
      const text = pair ? keyText(pair.key) : undefined;
      if (!pair || text === undefined) break;
      path.push(text);
      node = pair.value;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((item) => holds(item));
      if (i < 0) break;
      path.push(i);
      node = node.items[i];
    } else {
      break;
    }
  }
  // "level[0]" says less than "level" about where a broken list is.
  if (typeof path[path.length - 1] === 'number') path.pop();
  return path;
}
