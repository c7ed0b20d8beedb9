// pdfkit and fontkit, loaded without the parts a hirekit PDF rarely or never needs.
//
// Requiring fontkit also loads a Brotli decoder with its 120 KB dictionary (for WOFF2 fonts) and builds four
// Unicode lookup tables by inflating compressed data (for the Arabic, Indic and universal shapers and for
// script detection); pdfkit loads AES code for encrypted PDFs and a PNG decoder. Together that is about a
// third of loading them, paid by every PDF, though hirekit embeds TrueType and OpenType fonts, never
// encrypts, embeds no images, and shapes most words from a table made at build time (./shaped-words.ts).
//
// Each of those modules is put in Node's module cache as a stand-in before pdfkit and fontkit load: a
// function, object or class that loads the real module the first time it is called, read or constructed.
// A Unicode table is inflated on its first lookup, by node's zlib (unpackTrie). So nothing behaves differently when a PDF does need one
// (a right-to-left name, a WOFF2 fallback font): it is loaded then, not before.
// test/render/pdf/pdf-modules.test.ts checks the stand-ins are in place and answer as the real modules do.
import { Module, createRequire } from 'node:module';
import { installFastPaths } from './pdfkit-fast.js';

const require = createRequire(import.meta.url);

/** How a deferred module is used by the code that requires it, which decides the stand-in's shape. */
type Shape = 'function' | 'namespace' | 'class' | 'trie';

/** Modules to defer: who requires them (a package whose main file resolves the request), and how they are used. */
const DEFERRED: ReadonlyArray<{ from: string; request: string; shape: Shape }> = [
  { from: 'fontkit', request: 'brotli/decompress.js', shape: 'function' },
  { from: 'fontkit', request: 'unicode-trie', shape: 'trie' },
  { from: 'unicode-properties', request: 'unicode-trie', shape: 'trie' },
  { from: 'pdfkit', request: '@noble/ciphers/aes', shape: 'namespace' },
  { from: 'pdfkit', request: '@noble/hashes/utils', shape: 'namespace' },
  { from: 'pdfkit', request: 'png-js', shape: 'class' },
];

interface Trie {
  get(codePoint: number): number;
}

/** A stand-in exports object that loads the real module on first use. */
function standIn(shape: Shape, load: () => unknown): unknown {
  if (shape === 'trie') {
    // `new UnicodeTrie(data)` runs when fontkit loads; the inflating waits for the first lookup.
    return class DeferredTrie {
      #data: unknown;
      #trie: Trie | undefined;
      constructor(data: unknown) {
        this.#data = data;
      }
      get(codePoint: number): number {
        if (!this.#trie) {
          const RealTrie = load() as new (data: unknown) => Trie;
          this.#trie = new RealTrie(unpackTrie(this.#data) ?? this.#data);
          this.#data = undefined;
        }
        return this.#trie.get(codePoint);
      }
    };
  }
  const target = shape === 'namespace' ? {} : function deferred(): void {};
  return new Proxy(target, {
    // Bundlers' interop asks `__esModule` of what they require before using it; these modules are plain
    // CommonJS, whose answer is no, and asking must not load them.
    get: (_, key) => (key === '__esModule' ? undefined : Reflect.get(load() as object, key)),
    has: (_, key) => Reflect.has(load() as object, key),
    apply: (_, self, args) => Reflect.apply(load() as (...a: unknown[]) => unknown, self, args),
    construct: (_, args) => Reflect.construct(load() as new (...a: unknown[]) => object, args) as object,
  });
}

/** unicode-trie's table as its constructor keeps it, which it also takes instead of the packed bytes. */
export interface UnpackedTrie {
  data: Uint32Array;
  highStart: number;
  errorValue: number;
}

interface PackedBuffer {
  readUInt32BE(offset: number): number;
  readUInt32LE(offset: number): number;
  slice(start: number): Uint8Array;
}

/**
 * A table in unicode-trie's packed form (a header, then the words deflated twice), unpacked as its
 * constructor does but inflated by node's zlib instead of tiny-inflate, a DEFLATE decoder in JavaScript that
 * takes 10 to 15 ms a table in a fresh process (fontkit's Unicode properties and pdfkit's line breaking
 * each inflate one): the same words, in a fraction of a millisecond. Undefined for anything else, or
 * anything the constructor would read otherwise (then it reads it itself).
 */
export function unpackTrie(packed: unknown): UnpackedTrie | undefined {
  const isBuffer = typeof (packed as PackedBuffer | undefined)?.readUInt32BE === 'function' && typeof (packed as PackedBuffer).slice === 'function';
  if (!isBuffer && !(packed instanceof Uint8Array)) return undefined;
  try {
    let highStart: number;
    let errorValue: number;
    let length: number;
    let body: Uint8Array;
    // The header as unicode-trie reads it, a Buffer's through its own methods, a Uint8Array's from the start
    // of its ArrayBuffer.
    if (isBuffer) {
      const buffer = packed as PackedBuffer;
      highStart = buffer.readUInt32LE(0);
      errorValue = buffer.readUInt32LE(4);
      length = buffer.readUInt32LE(8);
      body = buffer.slice(12);
    } else {
      const bytes = packed as Uint8Array;
      const view = new DataView(bytes.buffer);
      highStart = view.getUint32(0, true);
      errorValue = view.getUint32(4, true);
      length = view.getUint32(8, true);
      body = bytes.subarray(12);
    }
    const { inflateRawSync } = require('node:zlib') as typeof import('node:zlib');
    // tiny-inflate writes into a buffer of `length` bytes and keeps what fits: longer output is not this case.
    const once = inflateRawSync(body, { maxOutputLength: length });
    const twice = inflateRawSync(once, { maxOutputLength: length });
    if (twice.length % 4 !== 0) return undefined;
    const words = new Uint8Array(twice.length);
    words.set(twice);
    // Stored little-endian, as unicode-trie's swap32LE assumes.
    if (new Uint8Array(new Uint32Array([0x12345678]).buffer)[0] === 0x12) {
      for (let i = 0; i < words.length; i += 4) words.set([words[i + 3]!, words[i + 2]!, words[i + 1]!, words[i]!], i);
    }
    return { data: new Uint32Array(words.buffer), highStart, errorValue };
  } catch {
    return undefined;
  }
}

let deferred = false;

/** Puts the stand-ins in Node's module cache, once, before pdfkit or fontkit is first required. */
function deferUnusedModules(): void {
  if (deferred) return;
  deferred = true;
  const cache = require.cache;
  for (const { from, request, shape } of DEFERRED) {
    let file: string;
    let requireFrom: NodeJS.Require;
    try {
      requireFrom = createRequire(require.resolve(from));
      file = requireFrom.resolve(request);
    } catch {
      // Not installed as expected (another version's layout): it simply loads as usual.
      continue;
    }
    if (cache[file]) continue;
    let real: unknown;
    const load = (): unknown => {
      if (real === undefined) {
        delete cache[file];
        real = requireFrom(request);
      }
      return real;
    };
    const placeholder = new Module(file);
    placeholder.filename = file;
    placeholder.loaded = true;
    placeholder.exports = standIn(shape, load);
    cache[file] = placeholder;
  }
}

export function loadFontkit(): typeof import('fontkit') {
  deferUnusedModules();
  return require('fontkit') as typeof import('fontkit');
}

export function loadPdfkit(): typeof import('pdfkit') {
  deferUnusedModules();
  // Through require, not import: pdfkit's CommonJS build uses the same fontkit as ./fonts.ts, where its
  // ES build would load a second copy of fontkit and its Unicode tables (about 60 ms and 9 MB more).
  const pdfkit = require('pdfkit') as typeof import('pdfkit');
  // Cheaper roads to the same bytes for the methods every page calls thousands of times (./pdfkit-fast.ts).
  installFastPaths(pdfkit as unknown as Parameters<typeof installFastPaths>[0]);
  return pdfkit;
}
