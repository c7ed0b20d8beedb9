// Faster versions of a few pdfkit and fontkit methods every page calls thousands of times, same results.
//
// Each replacement does what the library's method does, for every input, only by a cheaper road:
//   - Writing objects (./pdfkit-objects.ts): PDFDocument._write and PDFReference.write turn each line of
//     PDF into a typed array with a JavaScript loop, which the document's stream then wraps again as a
//     Buffer; there a line becomes a Buffer natively (Buffer.from(line, 'latin1'): the low byte of each
//     UTF-16 code unit, as pdfkit's `& 0xff`). An object's stream (a page's drawing operators) keeps its
//     lines as text until the object is written out (finalize), then converts them at once; its
//     dictionary is converted by a straight switch instead of PDFObject.convert's instanceof chain.
//   - EmbeddedFont.encode lays a line out and, glyph by glyph, adds each glyph to the font's subset and
//     writes its subset id as hex. A document draws the same words again and again; once a word has been
//     encoded, its glyphs are in the subset with fixed ids, so its hex codes and positions are the same
//     every time. They are kept per font (one per document and face) and reused.
//   - LineWrapper.eachWord finds a text's line-break opportunities (Unicode line breaking) before it can
//     wrap it, and a block is wrapped at least twice (measured, then drawn). The opportunities depend on
//     the text alone, so they are found once per text.
//   - fontkit's TTFSubset._addGlyph decodes every outline it copies into a subset just to learn whether
//     it is a composite; it reads just that field for a simple glyph.
//
// Each is installed only when the method is the one it was written against (a hash of its source): after
// an upgrade that changes one, that one stays the library's own and output cannot silently change.
// test/render/pdf/pdfkit-fast.test.ts holds each replacement to the original on many inputs.
import { createRequire } from 'node:module';
import { fastFinalize, fastReferenceWrite, fastWrite } from './pdfkit-objects.js';
import { forEachWord } from './words.js';

const require = createRequire(import.meta.url);

/** The first 16 hex digits of the SHA-256 of a function's source. */
export function sourceHash(fn: unknown): string {
  // node:crypto required here, not imported: this module is on the start-up path, which loads no crypto.
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(Function.prototype.toString.call(fn)).digest('hex').slice(0, 16);
}

/** The hashes of the pdfkit 0.20.2 methods replaced here (and of PDFDocument.ref, used to find PDFReference). */
export const EXPECTED = {
  ref: '0266979fe5ef0619',
  write: '153111aba901401f',
  referenceWrite: 'd1f6b34f81ec4b0d',
  referenceFinalize: '0b450aae31df155b',
  eachWord: '8a57d353032a51ba',
  encode: '8829b1a80749bb7b',
  /** fontkit 2.0.4's TrueType subset (TTFSubset._addGlyph) and glyph decoder (TTFGlyph._decode). */
  addGlyph: '625b34b9ae3d4053',
  decodeGlyph: '25a4890ab467a51a',
} as const;

type Method = (this: unknown, ...args: never[]) => unknown;

/**
 * Replaces `owner[key]` by `make(original)` when the original's source hash is `expected`, keeping the
 * property's attributes. Returns whether it did.
 */
export function replaceMethod(owner: object, key: string, expected: string, make: (original: Method) => Method): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(owner, key);
  const original = descriptor?.value as unknown;
  if (!descriptor || typeof original !== 'function' || sourceHash(original) !== expected) return false;
  Object.defineProperty(owner, key, { ...descriptor, value: make(original as Method) });
  return true;
}

/** A word's glyphs as EmbeddedFont.encode returns them: hex subset ids and positions. */
type Encoded = [string[], unknown[]];

const encodedWords = new WeakMap<object, Map<string, Encoded>>();

/** EmbeddedFont.encode, word by word (cut as pdfkit's layout cuts: after each space or tab), each word once. */
export function encodeByWord(original: Method): Method {
  const encodeOnce = original as (this: object, text: string, features?: unknown) => Encoded;
  return function (this: object, text: string, features?: unknown): Encoded {
    if (features || typeof text !== 'string') return encodeOnce.call(this, text, features);
    let words = encodedWords.get(this);
    if (!words) {
      words = new Map();
      encodedWords.set(this, words);
    }
    const hex: string[] = [];
    const positions: unknown[] = [];
    const add = (word: string): void => {
      let encoded = words.get(word);
      if (!encoded) {
        encoded = encodeOnce.call(this, word);
        words.set(word, encoded);
      }
      for (const code of encoded[0]) hex.push(code);
      for (const position of encoded[1]) positions.push(position);
    };
    forEachWord(text, add);
    return [hex, positions];
  } as Method;
}

/** fontkit's TrueType font, as far as a subset reads it. */
interface TrueTypeFont {
  _variationProcessor?: unknown;
  loca: { offsets: number[] };
  getGlyph(id: number): { _decode(): unknown };
  _getTableStream(tag: string): { pos: number; readInt16BE(): number } | null;
}

/**
 * fontkit's TTFSubset._addGlyph copies a glyph's outline into the subset. To learn whether the glyph is a
 * composite (whose component ids it must renumber) it decodes the whole outline, every point of it, and
 * then uses nothing else of it. This reads just the outline's first field, its number of contours, as
 * fontkit's decoder reads it, and hands composites (and variable fonts, whose outlines are re-encoded) to
 * fontkit's own code; for a simple glyph it then does what fontkit does, step for step.
 */
export function addGlyphWithoutDecoding(decodeGlyph: unknown): (original: Method) => Method {
  return (original) => {
    const addGlyph = original as (this: unknown, gid: number) => number;
    return function (this: { font: TrueTypeFont; glyf: Uint8Array[]; loca: { offsets: number[] }; hmtx: { metrics: unknown[] }; offset: number }, gid: number): number {
      const font = this.font;
      const glyph = font.getGlyph(gid) as { _decode: unknown; advanceWidth: number; _getMetrics(): { leftBearing: number } };
      if (font._variationProcessor || glyph._decode !== decodeGlyph) return addGlyph.call(this, gid);
      const curOffset = font.loca.offsets[gid]!;
      const nextOffset = font.loca.offsets[gid + 1]!;
      if (curOffset !== nextOffset) {
        const header = font._getTableStream('glyf')!;
        header.pos += curOffset;
        if (header.readInt16BE() < 0) return addGlyph.call(this, gid);
      }
      const stream = font._getTableStream('glyf') as unknown as { pos: number; readBuffer(length: number): Uint8Array };
      stream.pos += curOffset;
      const buffer = stream.readBuffer(nextOffset - curOffset);
      this.glyf.push(buffer);
      this.loca.offsets.push(this.offset);
      this.hmtx.metrics.push({
        advance: glyph.advanceWidth,
        bearing: glyph._getMetrics().leftBearing,
      });
      this.offset += buffer.length;
      return this.glyf.length - 1;
    } as Method;
  };
}

/** A line-break opportunity as the linebreak package gives it. */
interface Break {
  position: number;
  required: boolean;
}

type LineBreakerClass = new (text: string) => { nextBreak(): Break | null };

const breaksOf = new Map<string, readonly Break[]>();
/** Far more than the distinct paragraphs of a pack --all; then it starts afresh. */
const MAX_TEXTS = 20_000;

/** The break opportunities of a text, found once. */
function breaks(LineBreaker: LineBreakerClass, text: string): readonly Break[] {
  let found = breaksOf.get(text);
  if (!found) {
    const list: Break[] = [];
    const breaker = new LineBreaker(text);
    let bk: Break | null;
    while ((bk = breaker.nextBreak())) list.push(bk);
    if (breaksOf.size >= MAX_TEXTS) breaksOf.clear();
    breaksOf.set(text, list);
    found = list;
  }
  return found;
}

interface Wrapper {
  lineWidth: number;
  continuedX: number;
  spaceLeft: number;
  wordWidth(word: string): number;
}

type WordCallback = (word: string, width: number, bk: Partial<Break>, last: Partial<Break> | null) => unknown;

/**
 * LineWrapper.eachWord, statement for statement, with the breaks of the text found once per process
 * instead of by a new LineBreaker each time the text is wrapped.
 */
export function eachWordOnce(LineBreaker: LineBreakerClass): Method {
  return function (this: Wrapper, text: string, fn: WordCallback): void {
    const all = breaks(LineBreaker, text);
    let last: Break | null = null;
    const wordWidths = Object.create(null) as Record<string, number>;
    for (const bk of all) {
      let shouldContinue: unknown;
      let word = text.slice((last != null ? last.position : undefined) || 0, bk.position);
      let w: number = wordWidths[word] ?? (wordWidths[word] = this.wordWidth(word));
      if (w > this.lineWidth + this.continuedX) {
        let lbk: Partial<Break> | null = last;
        const fbk: Partial<Break> = {};
        while (word.length) {
          let l: number;
          let mightGrow: boolean | undefined;
          if (w > this.spaceLeft) {
            l = Math.ceil(this.spaceLeft / (w / word.length));
            w = this.wordWidth(word.slice(0, l));
            mightGrow = w <= this.spaceLeft && l < word.length;
          } else {
            l = word.length;
          }
          let mustShrink = w > this.spaceLeft && l > 0;
          while (mustShrink || mightGrow) {
            if (mustShrink) {
              w = this.wordWidth(word.slice(0, --l));
              mustShrink = w > this.spaceLeft && l > 0;
            } else {
              w = this.wordWidth(word.slice(0, ++l));
              mustShrink = w > this.spaceLeft && l > 0;
              mightGrow = w <= this.spaceLeft && l < word.length;
            }
          }
          if (l === 0 && this.spaceLeft === this.lineWidth) {
            l = 1;
          }
          fbk.required = bk.required || l < word.length;
          shouldContinue = fn(word.slice(0, l), w, fbk, lbk);
          lbk = { required: false };
          word = word.slice(l);
          w = this.wordWidth(word);
          if (shouldContinue === false) {
            break;
          }
        }
      } else {
        shouldContinue = fn(word, w, bk, last);
      }
      if (shouldContinue === false) {
        break;
      }
      last = bk;
    }
  } as Method;
}

/** pdfkit's exports, as far as the fast paths reach. */
interface Pdfkit {
  prototype: object;
  LineWrapper?: { prototype: object };
}

/** What was installed, by method. */
export interface Installed {
  write: boolean;
  referenceWrite: boolean;
  eachWord: boolean;
}

const installedIn = new WeakMap<object, Installed>();

/** The PDFReference prototype, found by making a reference for a stand-in document (pdfkit does not export it). */
function referencePrototype(PDFDocument: Pdfkit): object | undefined {
  const ref = (PDFDocument.prototype as { ref?: unknown }).ref;
  if (typeof ref !== 'function' || sourceHash(ref) !== EXPECTED.ref) return undefined;
  const standIn = { _offsets: [] as unknown[], _waiting: 0, compress: false };
  return Object.getPrototypeOf((ref as (this: unknown, data: object) => object).call(standIn, {})) as object;
}

/**
 * Installs the document-level fast paths in pdfkit, once per process (pdf-modules.ts loadPdfkit).
 * `linebreak` is pdfkit's own line breaker, passed in by tests; by default it is required from pdfkit.
 */
export function installFastPaths(PDFDocument: Pdfkit, lineBreaker?: LineBreakerClass): Installed {
  const done = installedIn.get(PDFDocument);
  if (done) return done;
  const reference = referencePrototype(PDFDocument);
  let LineBreaker = lineBreaker;
  if (!LineBreaker && PDFDocument.LineWrapper) {
    try {
      LineBreaker = createRequire(require.resolve('pdfkit'))('linebreak') as LineBreakerClass;
    } catch {
      LineBreaker = undefined;
    }
  }
  const installed: Installed = {
    write: replaceMethod(PDFDocument.prototype, '_write', EXPECTED.write, () => fastWrite as Method),
    // Both or neither: lines kept as text must be made bytes before pdfkit's finalize concatenates them.
    referenceWrite:
      reference !== undefined &&
      sourceHash((reference as { finalize?: unknown }).finalize) === EXPECTED.referenceFinalize &&
      sourceHash((reference as { write?: unknown }).write) === EXPECTED.referenceWrite &&
      replaceMethod(reference, 'finalize', EXPECTED.referenceFinalize, fastFinalize(Object.getPrototypeOf(reference).constructor as abstract new () => object)) &&
      replaceMethod(reference, 'write', EXPECTED.referenceWrite, () => fastReferenceWrite as Method),
    eachWord: LineBreaker !== undefined && PDFDocument.LineWrapper !== undefined && replaceMethod(PDFDocument.LineWrapper.prototype, 'eachWord', EXPECTED.eachWord, () => eachWordOnce(LineBreaker)),
  };
  installedIn.set(PDFDocument, installed);
  return installed;
}

interface EmbeddedFontParts {
  font?: { getGlyph?(id: number): object };
  subset?: object;
}

/** Subset classes seen, and whether their _addGlyph is the fast one. */
const subsetPrototypes = new WeakMap<object, boolean>();

/** Installs the fast _addGlyph on the class of an embedded font's fontkit subset (TrueType only), once. */
export function installSubsetFastPath(font: EmbeddedFontParts): boolean {
  const prototype = font.subset ? (Object.getPrototypeOf(font.subset) as object | null) : null;
  if (!prototype || typeof font.font?.getGlyph !== 'function') return false;
  let fast = subsetPrototypes.get(prototype);
  if (fast === undefined) {
    // Glyph 0 exists already: pdfkit reads its width when it embeds a font.
    const decodeGlyph = (font.font.getGlyph(0) as { _decode?: unknown } | null)?._decode;
    fast = typeof decodeGlyph === 'function' && sourceHash(decodeGlyph) === EXPECTED.decodeGlyph && replaceMethod(prototype, '_addGlyph', EXPECTED.addGlyph, addGlyphWithoutDecoding(decodeGlyph));
    subsetPrototypes.set(prototype, fast);
  }
  return fast;
}

/** Font classes seen, and whether their encode is the fast one. */
const fontPrototypes = new WeakMap<object, boolean>();

/**
 * Installs the font-level fast path (word-by-word encoding) on an embedded font's class, once; pdfkit
 * does not export the class, so ./measure.ts hands over each font it prepares. Returns whether the
 * font's encode is the fast one.
 */
export function installFontFastPaths(font: object): boolean {
  const prototype = Object.getPrototypeOf(font) as object | null;
  if (!prototype) return false;
  let fast = fontPrototypes.get(prototype);
  if (fast === undefined) {
    fast = replaceMethod(prototype, 'encode', EXPECTED.encode, encodeByWord);
    fontPrototypes.set(prototype, fast);
  }
  installSubsetFastPath(font as EmbeddedFontParts);
  return fast;
}
