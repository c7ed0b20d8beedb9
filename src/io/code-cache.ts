// V8's code cache for the CommonJS files a command loads: the command chunks of the bundle (dist/bundle/*.cjs)
// and the libraries a PDF needs (pdfkit, fontkit, restructure, linebreak...).
//
// A process that makes a PDF compiles about 2 MB of JavaScript, then each function again, lazily, the first
// time it runs: a fifth of a cold debrief. Node 20 has no compile cache of its own (module.enableCompileCache
// is Node 22), so `npm run build` (scripts/code-cache.mjs) makes one: it runs the demo's commands in-process
// with those files compiled through vm.Script, then keeps what V8 compiled (bytecode of the top levels and of
// every function that ran) in dist/code-cache/hirekit.bin. main.ts installs the hook; a command's files are
// then compiled from that cache instead of from scratch, and the file is read only when the first of them
// loads (never for --help).
//
// Nothing depends on it: an entry is used only for the very same source text (its SHA-1) on the same Node
// version and architecture, and V8 checks it again (its version, its flags, the source's length) and
// compiles from scratch when it does not fit (`cachedDataRejected`). A missing, truncated or foreign cache
// file, or one made from other sources, makes every module compile as it always has.
// test/e2e/code-cache.e2e.test.ts checks both ways give the same PDF.
import { closeSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import { Module, createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type vm from 'node:vm';

// This module is on the start-up path (main.ts): node:crypto and node:vm are required when the first module
// is compiled through it, never for --help.
const require = createRequire(import.meta.url);

/**
 * The cache `npm run build` makes, found from this module, which sits two folders below the package in every
 * form hirekit runs in: src/io (tests), dist/io (tsc) and dist/bundle (the bundle).
 */
export const CODE_CACHE_FILE = fileURLToPath(new URL('../../dist/code-cache/hirekit.bin', import.meta.url));

/** The first bytes of a cache file, then a 4-byte header length, the header (JSON), the entries' bytes. */
const MAGIC = 'hirekit-code-cache-1\n';

interface CacheHeader {
  /** The Node version (and with it V8's) and the architecture of the process that made it. */
  node: string;
  arch: string;
  /**
   * Per source file: the SHA-1 of its text, where its cached data sits after the header, and the data's
   * SHA-1 (V8 checks the data's version and source, not that its bytes are whole).
   */
  entries: Array<{ sha1: string; offset: number; length: number; data: string }>;
}

type Compile = (this: Module, content: string, filename: string) => unknown;

interface ModuleInternals {
  prototype: { _compile: Compile };
  wrap(content: string): string;
  _resolveFilename(request: string, parent: Module, isMain: boolean, options?: { paths?: string[] }): string;
  _resolveLookupPaths(request: string, parent: Module): string[] | null;
  _cache: NodeJS.Require['cache'];
  _extensions: NodeJS.Require['extensions'];
}

const NodeModule = Module as unknown as ModuleInternals;

/** What the hook did in this process, for tests. */
export interface CodeCacheCounts {
  /** Modules compiled from the cache. */
  used: number;
  /** Modules whose cache entry V8 refused (compiled from scratch instead). */
  rejected: number;
}

const counts: CodeCacheCounts = { used: 0, rejected: 0 };

export function codeCacheCounts(): CodeCacheCounts {
  return { ...counts };
}

let installed: 'reading' | 'recording' | undefined;
/** The cache file's index, read when the first module is compiled; null when there is none that fits. */
let index: CacheIndex | null | undefined;
let cacheFile = '';
const recorded = new Map<string, vm.Script>();
/** Which files the build's run keeps. */
let toRecord: (filename: string) => boolean = () => false;

const sha1 = (content: string | Buffer): string => (require('node:crypto') as typeof import('node:crypto')).createHash('sha1').update(content).digest('hex');

/** Where each source's cached data sits in a cache file, by the SHA-1 of the source text. */
interface CacheIndex {
  /** The cache file, open for reading for as long as the process may compile a module. */
  fd: number;
  /** Where the entries' bytes begin. */
  start: number;
  entries: Map<string, { offset: number; length: number; sha1: string }>;
}

/**
 * The index of a cache file made by this Node on this machine's architecture, whole; undefined for any
 * other file. Only the header is read: an entry's bytes are read when its module is compiled, so a command
 * holds in memory only the data of the modules it loads, and only while it compiles them. The file stays open
 * for those reads (one open, not one per module).
 */
function readIndex(file: string): CacheIndex | undefined {
  let fd: number | undefined;
  let index: CacheIndex | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(MAGIC.length + 4);
    if (readSync(fd, head, 0, head.length, 0) !== head.length || head.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
    const headerLength = head.readUInt32LE(MAGIC.length);
    const json = Buffer.alloc(headerLength);
    if (readSync(fd, json, 0, headerLength, head.length) !== headerLength) return undefined;
    const header = JSON.parse(json.toString('utf8')) as CacheHeader;
    if (header.node !== process.version || header.arch !== process.arch) return undefined;
    const start = head.length + headerLength;
    const size = fstatSync(fd).size;
    const entries: CacheIndex['entries'] = new Map();
    for (const { sha1: key, offset, length, data } of header.entries) {
      // A file cut short is not used at all.
      if (start + offset + length > size) return undefined;
      entries.set(key, { offset, length, sha1: data });
    }
    index = { fd, start, entries };
    return index;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined && !index) closeSync(fd);
  }
}

/** The cached data of one source, read from the file; undefined unless it is whole (its SHA-1 matches). */
function readEntry(cache: CacheIndex, key: string): Buffer | undefined {
  const entry = cache.entries.get(key);
  if (!entry) return undefined;
  try {
    const data = Buffer.allocUnsafe(entry.length);
    if (readSync(cache.fd, data, 0, entry.length, cache.start + entry.offset) !== entry.length) return undefined;
    return sha1(data) === entry.sha1 ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Every whole entry of a cache file made by this Node, by the SHA-1 of its source text (for tests and tools). */
export function readCodeCache(file: string): Map<string, Buffer> {
  const cache = readIndex(file);
  const entries = new Map<string, Buffer>();
  if (!cache) return entries;
  for (const key of cache.entries.keys()) {
    const data = readEntry(cache, key);
    if (data) entries.set(key, data);
  }
  closeSync(cache.fd);
  return entries;
}

/**
 * Compiles the CommonJS modules required from now on from the cache file's entries, when one fits the
 * module's source. Once per process; a later call changes nothing.
 */
export function useCodeCache(file: string): void {
  if (installed) return;
  cacheFile = file;
  install('reading');
}

/**
 * For the build: compiles the modules required from now on that `which` names so that writeCodeCache can
 * keep them. None of them may call import(): code compiled through vm.Script cannot.
 */
export function recordCodeCache(which: (filename: string) => boolean): void {
  if (installed) throw new Error('the code cache is already in use in this process');
  toRecord = which;
  install('recording');
}

/** Writes what V8 has compiled so far of the recorded modules; returns how many modules it holds. */
export function writeCodeCache(file: string): number {
  if (installed !== 'recording') throw new Error('writeCodeCache needs recordCodeCache first');
  const entries = [...recorded].sort(([a], [b]) => a.localeCompare(b)).map(([key, script]): [string, Buffer] => [key, script.createCachedData()]);
  writeFileSync(file, encodeCodeCache(entries));
  return entries.length;
}

/** A cache file's bytes, for this Node: V8's cached data by the SHA-1 of the source text it was made from. */
export function encodeCodeCache(entries: Iterable<readonly [string, Buffer]>): Buffer {
  const header: CacheHeader = { node: process.version, arch: process.arch, entries: [] };
  const blobs: Buffer[] = [];
  let offset = 0;
  for (const [key, data] of entries) {
    header.entries.push({ sha1: key, offset, length: data.length, data: sha1(data) });
    blobs.push(data);
    offset += data.length;
  }
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const size = Buffer.alloc(4);
  size.writeUInt32LE(json.length);
  return Buffer.concat([Buffer.from(MAGIC, 'latin1'), size, json, ...blobs]);
}

function install(mode: 'reading' | 'recording'): void {
  installed = mode;
  const compile = NodeModule.prototype._compile;
  const { Script } = require('node:vm') as typeof import('node:vm');
  NodeModule.prototype._compile = function (this: Module, content: string, filename: string): unknown {
    let cachedData: Buffer | undefined;
    // With source maps on (HIREKIT_DEBUG=1), node registers a file's map as it compiles it: its own way, then.
    if ((process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled) return compile.call(this, content, filename);
    if (mode === 'recording' && !toRecord(filename)) return compile.call(this, content, filename);
    if (mode === 'reading') {
      if (index === undefined) index = readIndex(cacheFile) ?? null;
      cachedData = index ? readEntry(index, sha1(content)) : undefined;
      if (!cachedData) return compile.call(this, content, filename);
    }
    let script: vm.Script;
    try {
      script = new Script(NodeModule.wrap(content), { filename, ...(cachedData ? { cachedData } : {}) });
    } catch {
      // A syntax error is reported by node's own compile, as it would be without the cache.
      return compile.call(this, content, filename);
    }
    if (cachedData) {
      if (script.cachedDataRejected) counts.rejected++;
      else counts.used++;
    }
    if (mode === 'recording') recorded.set(sha1(content), script);
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return Reflect.apply(wrapper, this.exports, [this.exports, requireFor(this), this, filename, path.dirname(filename)]);
  };
}

/** The process's main module, as `require.main` gives it: undefined when node started from an ES module. */
const mainModule = (): NodeJS.Module | undefined => require.main;

/** The `require` a CommonJS module is given, as node makes it (lib/internal/modules/helpers.js). */
function requireFor(module: Module): NodeJS.Require {
  const requireOf = ((id: string) => module.require(id)) as NodeJS.Require;
  requireOf.resolve = ((request: string, options?: { paths?: string[] }) => NodeModule._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  requireOf.resolve.paths = (request: string) => NodeModule._resolveLookupPaths(request, module);
  requireOf.main = mainModule();
  requireOf.extensions = NodeModule._extensions;
  requireOf.cache = NodeModule._cache;
  return requireOf;
}
