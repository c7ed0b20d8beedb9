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
// A Unicode table is inflated on its first lookup. So nothing behaves differently when a PDF does need one
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
          this.#trie = new RealTrie(this.#data);
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
