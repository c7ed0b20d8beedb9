// Font fallback inside pdfkit, so every doc.text, widthOfString, heightOfString and doc.table call in the
// renderers sets any script without knowing about it.
//
// For each style, a FallbackFont stands in pdfkit's font cache under the style's file path (the key
// `doc.font(path)` and table cells look up). It measures a string run by run, each run in the face that
// has its characters (./fonts.ts decides which). pdfkit still wraps lines; when it draws one (its
// _fragment method), the line is split into runs and each run is drawn in its own embedded, subset face
// on the primary face's baseline. Right-to-left runs (Arabic, Hebrew) are laid out in visual order:
// fontkit shapes each word and reverses its glyphs, and the words of a run are placed right to left.
import type { Face, FontStyle } from './fonts.js';
import { FONTS, FONT_STYLES, faceFor, isNeutral, primaryCovers, primaryFace } from './fonts.js';
import { knownWidth, rememberWidth, shareShapedWords, shareSubsets, type ShapedWordsLookup } from './measure.js';
import { SHAPED_WORDS_DIR } from '../build-files.js';
import { readShapedWords, restoreRun } from './shaped-words.js';

/** The part of pdfkit's embedded font (PDFFont) this module uses. */
interface EmbeddedFont {
  id: string;
  name: string;
  ascender: number;
  descender: number;
  lineGap: number;
  xHeight: number;
  capHeight: number;
  bbox: unknown;
  lineHeight(size: number, includeGap?: boolean): number;
  widthOfString(text: string, size: number, features?: unknown): number;
  ref(): unknown;
  /** pdfkit's cache of shaped words, shared by ./measure.ts. */
  layoutCache?: Record<string, unknown>;
  /** fontkit's subset of the face, shared by ./measure.ts. */
  subset?: { glyphs?: unknown; encode(): unknown };
}

interface Run {
  face: EmbeddedFont;
  text: string;
  rtl: boolean;
  /** No font has these characters: drawn as empty boxes, extracted as the characters themselves. */
  missing?: boolean;
}

/** What a run of characters no font has is drawn as: a white square each, a box that says "missing" on paper. */
function boxes(text: string): string {
  return [...text].map((c) => (isNeutral(c.codePointAt(0) ?? 0) ? '' : '\u25a1')).join('');
}

/** The text a run draws. */
function shown(run: Run): string {
  return run.missing ? boxes(run.text) : run.text;
}

/** pdfkit internals this module reaches: the font cache, the current font and the line drawer. */
interface DocInternals {
  _font: EmbeddedFont | FallbackFont | null;
  _fontSource: unknown;
  _fontFamily: unknown;
  _fontSize: number;
  _fontFamilies: Record<string, unknown>;
  font(src: unknown, family?: string): unknown;
  _fragment(text: string, x: number, y: number, options: FragmentOptions): void;
  markContent(tag: string, options?: Record<string, unknown>): unknown;
  endMarkedContent(): unknown;
}

interface FragmentOptions {
  align?: string;
  width?: number;
  lineWidth?: number;
  textWidth?: number;
  wordCount?: number;
  characterSpacing?: number;
  baseline?: number | string;
  [key: string]: unknown;
}

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;

export class FallbackFont {
  readonly name: string;
  readonly id: string;
  readonly ascender: number;
  readonly descender: number;
  readonly lineGap: number;
  readonly xHeight: number;
  readonly capHeight: number;
  readonly bbox: unknown;
  private readonly faces = new Map<string, EmbeddedFont>();
  private readonly primaryKey: string;
  private readonly cut = new Map<string, readonly Run[]>();

  constructor(
    private readonly doc: DocInternals,
    readonly style: FontStyle,
    readonly primary: EmbeddedFont,
  ) {
    this.name = primary.name;
    this.id = primary.id;
    this.ascender = primary.ascender;
    this.descender = primary.descender;
    this.lineGap = primary.lineGap;
    this.xHeight = primary.xHeight;
    this.capHeight = primary.capHeight;
    this.bbox = primary.bbox;
    this.primaryKey = primaryFace(style).key;
    this.faces.set(this.primaryKey, primary);
  }

  lineHeight(size: number, includeGap = false): number {
    return this.primary.lineHeight(size, includeGap);
  }

  widthOfString(text: string, size: number, features?: unknown): number {
    // Text the bundled face sets alone is measured once per process (./measure.ts).
    if (features === undefined) {
      const known = knownWidth(this.primaryKey, text);
      if (known !== undefined) return known * (size / 1000);
    }
    if (primaryCovers(this.style, text)) {
      if (features !== undefined) return this.primary.widthOfString(text, size, features);
      return rememberWidth(this.primaryKey, text, this.primary.widthOfString(text, 1000)) * (size / 1000);
    }
    const runs = this.runs(text);
    if (runs.length === 1 && runs[0]?.face === this.primary) return this.primary.widthOfString(text, size, features);
    return runs.reduce((sum, run) => sum + run.face.widthOfString(shown(run), size, features), 0);
  }

  ref(): unknown {
    return this.primary.ref();
  }

  /** Never drawn or embedded itself: its faces are. */
  encode(): never {
    throw new Error('FallbackFont draws through its faces');
  }

  finalize(): void {}

  embed(): void {}

  /** The text cut into runs of one face and one direction, in reading (logical) order. */
  runs(text: string): readonly Run[] {
    // Cut once per document: headers and names are measured and drawn many times.
    let runs = this.cut.get(text);
    if (!runs) {
      runs = this.cutRuns(text);
      this.cut.set(text, runs);
    }
    return runs;
  }

  private cutRuns(text: string): Run[] {
    const runs: Run[] = [];
    let current: Run | undefined;
    for (const char of text) {
      const cp = char.codePointAt(0) ?? 0;
      const neutral = isNeutral(cp);
      const found = neutral && current ? undefined : faceFor(this.style, cp);
      const face = neutral && current ? current.face : this.embedded(found ?? null);
      const missing = neutral && current ? (current.missing ?? false) : found === null;
      const rtl = neutral && current ? current.rtl : RTL.test(char);
      if (current && current.face === face && current.rtl === rtl && (current.missing ?? false) === missing) {
        current.text += char;
      } else {
        current = { face, text: char, rtl, ...(missing ? { missing } : {}) };
        runs.push(current);
      }
    }
    // Spaces at the end of a right-to-left run belong between it and what follows, which reads left to right.
    for (let i = 0; i < runs.length; i++) {
      const run = runs[i];
      const next = runs[i + 1];
      if (!run?.rtl || !next || next.rtl) continue;
      const trailing = /\s+$/u.exec(run.text)?.[0];
      if (trailing && trailing.length < run.text.length) {
        run.text = run.text.slice(0, -trailing.length);
        runs.splice(i + 1, 0, { face: run.face, text: trailing, rtl: false });
      }
    }
    return runs.length > 0 ? runs : [{ face: this.primary, text: '', rtl: false }];
  }

  /**
   * The text's runs in drawing order: consecutive right-to-left runs, and the words inside each, reversed.
   * Each right-to-left group carries its text in reading order, for text extraction.
   */
  visualRuns(text: string): Array<{ runs: Run[]; actual?: string }> {
    const logical = this.runs(text);
    const out: Array<{ runs: Run[]; actual?: string }> = [];
    for (let i = 0; i < logical.length; ) {
      const run = logical[i]!;
      if (!run.rtl) {
        out.push({ runs: [run] });
        i++;
        continue;
      }
      const group: Run[] = [];
      while (i < logical.length && logical[i]!.rtl) group.push(logical[i++]!);
      const actual = group.map((r) => r.text).join('');
      const runs: Run[] = [];
      for (const r of [...group].reverse()) {
        // fontkit reverses the glyphs of each word it lays out; the words themselves go right to left.
        const words = r.text.split(/(\s+)/u).filter(Boolean).reverse();
        for (const word of words) runs.push({ face: r.face, text: word, rtl: true });
      }
      out.push({ runs, actual });
    }
    return out;
  }

  private embedded(face: Face | null): EmbeddedFont {
    const chosen = face ?? primaryFace(this.style);
    const known = this.faces.get(chosen.key);
    if (known) return known;
    const doc = this.doc;
    const saved = { font: doc._font, source: doc._fontSource, family: doc._fontFamily };
    doc.font(chosen.font, chosen.key);
    const embedded = doc._font as EmbeddedFont;
    shareShapedWords(embedded, chosen.key);
    if (chosen.key !== this.primaryKey) shareSubsets(embedded, chosen.key);
    doc._font = saved.font;
    doc._fontSource = saved.source;
    doc._fontFamily = saved.family;
    this.faces.set(chosen.key, embedded);
    return embedded;
  }
}

/**
 * The face, encoding any text as the given words in the given (visual) order: each word shaped and
 * reversed by fontkit on its own, so joining forms stay right.
 */
function visualFace(face: EmbeddedFont, words: readonly string[]): EmbeddedFont {
  face.ref();
  const proxy = Object.create(face) as EmbeddedFont & { encode(text: string, features?: unknown): [string[], unknown[]] };
  const real = face as EmbeddedFont & { encode(text: string, features?: unknown): [string[], unknown[]] };
  proxy.encode = (_text: string, features?: unknown) => {
    const encoded: string[] = [];
    const positions: unknown[] = [];
    for (const word of words) {
      const [e, p] = real.encode(word, features);
      encoded.push(...e);
      positions.push(...p);
    }
    return [encoded, positions];
  };
  return proxy;
}

const prepared = new Map<FontStyle, ShapedWordsLookup | null>();

/** The build's table of shaped words of a style's bundled face, read once per process; undefined without one. */
function preparedWords(style: FontStyle): ShapedWordsLookup | undefined {
  let lookup = prepared.get(style);
  if (lookup === undefined) {
    const { font } = primaryFace(style);
    const scale = 1000 / font.unitsPerEm;
    const table = readShapedWords(SHAPED_WORDS_DIR, FONTS[style], scale);
    const glyphFor = (id: number, codePoints: number[]) => font.getGlyph(id, codePoints);
    lookup = table ? (word) => (Object.hasOwn(table.words, word) ? restoreRun(word, table.words[word]!, scale, glyphFor) : undefined) : null;
    prepared.set(style, lookup);
  }
  return lookup ?? undefined;
}

/**
 * Installs a FallbackFont for every style in a fresh pdfkit document, each face parsed once per process,
 * and teaches the document to draw a line run by run.
 */
export function installFallbackFonts(document: PDFKit.PDFDocument): void {
  const doc = document as unknown as DocInternals;
  for (const style of FONT_STYLES) {
    const face = primaryFace(style);
    doc.font(face.font, face.key);
    const primary = doc._font as EmbeddedFont;
    shareShapedWords(primary, face.key, () => preparedWords(style));
    doc._fontFamilies[FONTS[style]] = new FallbackFont(doc, style, primary);
  }
  const drawLine = Object.getPrototypeOf(doc)._fragment as DocInternals['_fragment'];
  doc._fragment = function (this: DocInternals, text: string, x: number, y: number, options: FragmentOptions): void {
    const font = this._font;
    if (!(font instanceof FallbackFont)) return drawLine.call(this, text, x, y, options);
    if (primaryCovers(font.style, text)) {
      this._font = font.primary;
      try {
        drawLine.call(this, text, x, y, options);
      } finally {
        this._font = font;
      }
      return;
    }
    const line = text.replace(/\n/g, '');
    const groups = font.visualRuns(line);
    const only = groups.length === 1 && !groups[0]?.actual && groups[0]?.runs.length === 1 && !groups[0].runs[0]?.missing ? groups[0].runs[0] : undefined;
    if (only) {
      this._font = only.face;
      try {
        drawLine.call(this, text, x, y, options);
      } finally {
        this._font = font;
      }
      return;
    }
    const size = this._fontSize;
    const spacing = options.characterSpacing ?? 0;
    const widthOf = (run: Run): number => run.face.widthOfString(shown(run), size) + spacing * [...shown(run)].length;
    // Align the whole line here; each run is then drawn from its own left edge.
    if (options.width) {
      const lineWidth = options.lineWidth ?? options.width;
      if (options.align === 'right') x += lineWidth - font.widthOfString(line.replace(/\s+$/u, ''), size);
      else if (options.align === 'center') x += lineWidth / 2 - (options.textWidth ?? font.widthOfString(line, size)) / 2;
    }
    // Every run sits on the primary face's baseline, whatever its own ascent.
    const baseline = options.baseline ?? -(font.primary.ascender / 1000) * size;
    const { width: _width, textWidth: _textWidth, wordCount: _wordCount, ...rest } = options;
    try {
      for (const group of groups) {
        // A right-to-left group in one face is one text object, its words' glyphs in visual order, so
        // text extraction sees the spaces between them and reads the words right to left.
        const single = group.actual !== undefined && group.runs.every((r) => r.face === group.runs[0]?.face) ? group.runs[0]?.face : undefined;
        if (single && group.actual !== undefined) {
          this._font = visualFace(single, group.runs.map((r) => r.text));
          drawLine.call(this, group.actual, x, y, { ...rest, align: 'left', baseline });
          x += group.runs.reduce((sum, run) => sum + widthOf(run), 0);
          continue;
        }
        for (const run of group.runs) {
          this._font = run.face;
          // Boxes on paper, but search, copy and screen readers still get the characters.
          if (run.missing) this.markContent('Span', { actual: run.text });
          drawLine.call(this, shown(run), x, y, { ...rest, align: 'left', baseline });
          if (run.missing) this.endMarkedContent();
          x += widthOf(run);
        }
      }
    } finally {
      this._font = font;
    }
  };
}
