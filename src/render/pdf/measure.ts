// Text measurement, done once. Laying out a pack measures the same strings again and again: each block's
// height is asked for before it is drawn (sometimes three times, to keep headings with what follows),
// pdfkit's table measures every cell four times per row, and its line wrapper asks the width of every
// word each time. Shaping a word with fontkit costs tens of microseconds, so a pack --all measured ~24,500
// heights (2,500 distinct) and ~430,000 widths (14,000 distinct). This module remembers the answers.
//
// It is the one place that reaches into pdfkit for speed (./fallback.ts reaches in for fonts), written
// against pdfkit 0.20; test/render/pdf/measure.test.ts fails if an upgrade takes away what it relies on:
//   - EmbeddedFont.layoutCache: pdfkit's per-document cache of shaped words (it honours the documented
//     `fontLayoutCache` option). Documents share one per font face here, so a word shaped for one pack
//     is not shaped again for the next document in the same process.
//   - EmbeddedFont.layout, layoutCached and layoutRun: layout is replaced by the same cut into words
//     without pdfkit's array copying; layoutCached asks the build's table of shaped words first.
//   - doc.heightOfString / doc.boundsOfString: pure measurements (they restore x and y), memoised for
//     every document of a process (forgotten when the fonts change), for the plain cases: a known font,
//     a width, no pending `continued` text, options of plain values. Anything else goes to pdfkit.
//   - EmbeddedFont.subset (fontkit's Subset: its `glyphs` list and `encode()`): a fallback face's
//     subset (a CJK name on a pack and each of its handouts) is encoded once for the same glyphs.
// Results are the numbers and bytes pdfkit computes (the same calls, made once), so output does not
// change; test/render/pdf/golden.test.ts holds the layouts to that.

import { installFontFastPaths } from './pdfkit-fast.js';
import { forEachWord } from './words.js';

/** pdfkit's embedded font, as far as this module touches it. */
interface ShapingFont {
  layoutCache?: Record<string, unknown>;
  layoutCached?(text: string): unknown;
  layoutRun?(text: string, features?: unknown): unknown;
  layout?(text: string, features?: unknown, onlyWidth?: boolean): unknown;
}

/** A shaped run as pdfkit's EmbeddedFont.layout returns it. */
interface LaidOut {
  glyphs: unknown[] | null;
  positions: unknown[] | null;
  advanceWidth: number;
}

/**
 * pdfkit's EmbeddedFont.layout with the same words, glyphs and sums, without its copying: it cuts the text
 * after each space or tab and looks each word up in the cache (layoutCached), as pdfkit does, but pdfkit
 * appends each word's glyphs by concatenating into new arrays (quadratic in the words of a line) and tests
 * every character against a new array. Laying out is most of drawing a line.
 */
function layoutWords(this: Required<ShapingFont>, text: string, features?: unknown, onlyWidth?: boolean): unknown {
  if (features) return this.layoutRun(text, features);
  const glyphs: unknown[] | null = onlyWidth ? null : [];
  const positions: unknown[] | null = onlyWidth ? null : [];
  let advanceWidth = 0;
  const add = (word: string): void => {
    const run = this.layoutCached(word) as LaidOut;
    if (glyphs && positions) {
      for (const glyph of run.glyphs!) glyphs.push(glyph);
      for (const position of run.positions!) positions.push(position);
    }
    advanceWidth += run.advanceWidth;
  };
  forEachWord(text, add);
  return { glyphs, positions, advanceWidth } satisfies LaidOut;
}

const layouts = new Map<string, Record<string, unknown>>();

/** The words shaped in a face so far in this process, as pdfkit keeps them (for the build's table). */
export function shapedWordsOf(faceKey: string): Readonly<Record<string, unknown>> {
  return layouts.get(faceKey) ?? {};
}

/** Fonts whose layoutCached already asks a table first (pdfkit hands the same font out again per face). */
const preparing = new WeakSet<object>();

/** A table of words shaped at build time (./shaped-words.ts): a word's run, or undefined. */
export type ShapedWordsLookup = (word: string) => unknown;

/**
 * Makes an embedded font use the process-wide cache of shaped words of its face. `faceKey` names the
 * font file and face (fonts.ts openFace), so only documents using the very same parsed face share.
 * `prepared`, given for the bundled faces, is asked first for a word not yet in the cache (loaded on
 * the first such word, so a face a document never uses costs nothing).
 */
export function shareShapedWords(font: ShapingFont, faceKey: string, prepared?: () => ShapedWordsLookup | undefined): void {
  // A document made with fontLayoutCache: false has none, and keeps none.
  if (!font.layoutCache) return;
  let shared = layouts.get(faceKey);
  if (!shared) {
    shared = Object.create(null) as Record<string, unknown>;
    layouts.set(faceKey, shared);
  }
  font.layoutCache = shared;
  installFontFastPaths(font);
  if (typeof font.layout === 'function' && typeof font.layoutCached === 'function' && typeof font.layoutRun === 'function') font.layout = layoutWords;
  const layoutRun = font.layoutRun;
  if (!prepared || preparing.has(font) || typeof font.layoutCached !== 'function' || typeof layoutRun !== 'function') return;
  preparing.add(font);
  const cache = shared;
  let lookup: ShapedWordsLookup | null | undefined;
  // pdfkit's own layoutCached, with the table asked before fontkit.
  font.layoutCached = function (this: ShapingFont, text: string): unknown {
    let run = cache[text];
    if (run !== undefined) return run;
    if (lookup === undefined) lookup = prepared() ?? null;
    run = lookup?.(text) ?? layoutRun.call(this, text);
    cache[text] = run;
    return run;
  };
}

/** The doc state a measurement depends on besides its arguments. */
interface MeasuringDoc {
  _font: unknown;
  _fontSize: number;
  _lineGap?: number;
  _wrapper?: unknown;
  _textOptions?: unknown;
  x: number;
  y: number;
  heightOfString(text: string, options?: Record<string, unknown>): number;
  boundsOfString(text: string, x?: unknown, y?: unknown, options?: Record<string, unknown>): Bounds;
}

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Memoises a document's doc.heightOfString and doc.boundsOfString, in the process-wide memory above.
 * `fontKey` names the current font (a style) or returns undefined for a font this module should not vouch for.
 */
/**
 * Heights and bounds measured so far, shared by the documents of a process: the same faces, sizes,
 * widths and text give the same numbers in every document (a pack and its handouts repeat the case
 * texts; pack --all measures each role's labels again per role). Forgotten when the fonts change.
 */
// By the measuring state and options first, then by the text: the renderers pass the same string objects
// again and again, whose hash a Map has computed already, where a key made of state and text would be a
// new string to build and hash on every call.
const heights = new Map<string, Map<string, number>>();
const bounds = new Map<string, Map<string, Bounds>>();
let remembered = 0;
/** Far more than a pack --all asks (about 2,500 distinct); then they start afresh. */
const MAX_MEASUREMENTS = 100_000;

/** Forgets every remembered height and bounds: fonts.ts calls it when the fallback fonts change. */
export function forgetMeasurements(): void {
  heights.clear();
  bounds.clear();
  remembered = 0;
}

/** The texts measured in one state, with one set of options. */
function textsOf<T>(memory: Map<string, Map<string, T>>, key: string): Map<string, T> {
  let texts = memory.get(key);
  if (!texts) {
    texts = new Map();
    memory.set(key, texts);
  }
  return texts;
}

export function memoiseMeasurements(document: PDFKit.PDFDocument, fontKey: (font: unknown) => string | undefined): void {
  const doc = document as unknown as MeasuringDoc;
  const heightOf = doc.heightOfString;
  const boundsOf = doc.boundsOfString;
  if (remembered >= MAX_MEASUREMENTS) forgetMeasurements();

  /** The cache key of a measurement but its text, or undefined when it must be measured afresh. */
  const keyOf = (text: unknown, options: Record<string, unknown> | undefined, extra: string): string | undefined => {
    if (typeof text !== 'string' || doc._wrapper || doc._textOptions) return undefined;
    const font = fontKey(doc._font);
    if (font === undefined) return undefined;
    let key = `${font}\u0001${doc._fontSize}\u0001${doc._lineGap ?? 0}\u0001${extra}`;
    // Options in the order given: the same call site gives the same key.
    for (const name in options) {
      const value = options[name];
      if (value === undefined) continue;
      if ((value !== null && typeof value === 'object') || typeof value === 'function' || name === 'continued') return undefined;
      key += `\u0001${name}=${String(value)}`;
    }
    return key;
  };

  doc.heightOfString = function (this: MeasuringDoc, text: string, options?: Record<string, unknown>): number {
    // Without a width, pdfkit wraps at the right margin from the current x.
    const key = typeof options?.width === 'number' ? keyOf(text, options, 'h') : undefined;
    if (key === undefined) return heightOf.call(this, text, options);
    const texts = textsOf(heights, key);
    let height = texts.get(text);
    if (height === undefined) {
      height = heightOf.call(this, text, options);
      texts.set(text, height);
      remembered++;
    }
    return height;
  };

  doc.boundsOfString = function (this: MeasuringDoc, text: string, x?: unknown, y?: unknown, options?: Record<string, unknown>): Bounds {
    // Only at a given point and within a given height: otherwise the bounds depend on the page, and
    // pdfkit may even start a new one while measuring.
    const plain = typeof x === 'number' && typeof y === 'number' && typeof options?.width === 'number' && Number.isFinite(options.height);
    const key = plain ? keyOf(text, options, `b${x},${y}`) : undefined;
    if (key === undefined) return boundsOf.call(this, text, x, y, options);
    const texts = textsOf(bounds, key);
    let found = texts.get(text);
    if (found === undefined) {
      found = boundsOf.call(this, text, x, y, options);
      texts.set(text, { ...found });
      remembered++;
    } else {
      // pdfkit leaves the document at the point measured from.
      this.x = x as number;
      this.y = y as number;
    }
    return { ...found };
  };
}

/** Widths of strings in the bundled faces at 1000 points, by face; pdfkit scales them linearly. */
const widths = new Map<string, Map<string, number>>();
/** Enough for every distinct word and line of a pack --all several times over; then it starts afresh. */
const MAX_WIDTHS = 200_000;

/**
 * The remembered width of a string at 1000 points in a face, if any. pdfkit computes a width at `size`
 * as width × (size / 1000); callers do the same with this, so the result is the very same number.
 */
export function knownWidth(faceKey: string, text: string): number | undefined {
  return widths.get(faceKey)?.get(text);
}

/** Remembers the width of a string at 1000 points in a face, and returns it. */
export function rememberWidth(faceKey: string, text: string, width: number): number {
  let known = widths.get(faceKey);
  if (!known) {
    known = new Map();
    widths.set(faceKey, known);
  }
  if (known.size >= MAX_WIDTHS) known.clear();
  known.set(text, width);
  return width;
}

/** fontkit's subset of a face behind a pdfkit embedded font. */
interface SubsettingFont {
  subset?: { glyphs?: unknown; encode(): unknown };
}

const subsets = new Map<string, unknown>();
/** A few faces times a few names: enough for a pack and its handouts, small enough to keep. */
const MAX_SUBSETS = 32;

/**
 * Makes an embedded font reuse the encoded subset of a document before it that used the same glyphs of
 * the same face. For fallback faces: a CJK font is large and slow to subset, and the same name appears
 * on a pack and on every handout printed for the candidate.
 */
export function shareSubsets(font: SubsettingFont, faceKey: string): void {
  const subset = font.subset;
  if (!subset || !Array.isArray(subset.glyphs)) return;
  const glyphs = subset.glyphs as unknown[];
  const encode = subset.encode.bind(subset);
  subset.encode = () => {
    const key = `${faceKey}\u0000${glyphs.join(',')}`;
    let bytes = subsets.get(key);
    if (bytes === undefined) {
      bytes = encode();
      if (subsets.size >= MAX_SUBSETS) subsets.clear();
      subsets.set(key, bytes);
    }
    return bytes;
  };
}

/** The fontkit font internals readPostHeader uses: its decoded tables, table directory and file bytes. */
interface FontTables {
  _tables?: Record<string, unknown>;
  directory?: { tables?: Record<string, { offset: number; length: number } | undefined> };
  stream?: { buffer?: Uint8Array };
}

/**
 * Gives a font its `post` table without the glyph names. pdfkit asks that table two things when it
 * embeds a face (is it fixed-pitch; fontkit's italicAngle reads it too), and fontkit decodes it whole to
 * answer: DejaVu's names its 6,000 glyphs, 25 to 50 ms per face in every process. Only the table's
 * fixed 32-byte header is read here, into the fields and numbers fontkit's own decoder gives (Fixed 16.16
 * values divided by 65536); nothing hirekit prints uses glyph names.
 */
export function readPostHeader(font: unknown): void {
  const { _tables: tables, directory, stream } = font as FontTables;
  const entry = directory?.tables?.post;
  const bytes = stream?.buffer;
  if (!tables || !entry || !bytes || 'post' in tables || entry.length < 32 || entry.offset + 32 > bytes.length) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset + entry.offset, 32);
  const fixed = (at: number): number => view.getInt32(at) / 65536;
  tables.post = {
    version: fixed(0),
    italicAngle: fixed(4),
    underlinePosition: view.getInt16(8),
    underlineThickness: view.getInt16(10),
    isFixedPitch: view.getUint32(12),
    minMemType42: view.getUint32(16),
    maxMemType42: view.getUint32(20),
    minMemType1: view.getUint32(24),
    maxMemType1: view.getUint32(28),
  };
}
