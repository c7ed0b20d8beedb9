// Words of the bundled faces, shaped once when hirekit is built instead of in every process.
//
// Shaping a word (fontkit running DejaVu's GSUB and GPOS rules) is the largest single cost of a PDF: a
// debrief shapes about 1,400 distinct words, a `pack --all` about 14,000, at a few hundred microseconds
// each the first time, and a process starts with nothing shaped. Shaping is a pure function of the face
// file, the word and fontkit's version, so `npm run build` (scripts/shape-words.mjs) renders the bundled
// content (every role's pack and handouts, the demo's debriefs and reports) and keeps each word as pdfkit
// shaped it: dist/shaped-words/<font file>.json. At run time a word found there is the very glyph run
// pdfkit would have made; any other word is shaped by fontkit as before. A table made for another font
// file or another fontkit is not used. test/render/pdf/shaped-words.test.ts compares runs from the table
// with fontkit's for every word of a table.
//
// Every PDF reads the table of each face it sets text in (the regular face's holds some 7,000 words), so a
// word's run is kept as one string, decoded when the word is first drawn: JSON.parse makes 7,000 strings
// three times faster than the 40,000 arrays the runs would be.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** A shaped word as pdfkit's EmbeddedFont keeps it: glyphs and positions, positions at 1000 units per em. */
export interface ShapedRun {
  glyphs: ShapedGlyph[];
  positions: ShapedPosition[];
  advanceWidth: number;
}

export interface ShapedGlyph {
  id: number;
  /** In font units, as fontkit gives it. */
  advanceWidth: number;
  codePoints: number[];
}

export interface ShapedPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/**
 * A word in the table: its glyph ids, then only what differs from the plain case (each glyph advancing
 * by its own width, no offsets, one glyph per character in order); 0 where nothing differs.
 */
export type StoredRun = [ids: number[], xAdvances?: number[] | 0, offsets?: number[] | 0, codePoints?: number[][] | 0];

/** A StoredRun as the file keeps it: "36,72,80" for glyph ids alone, else the StoredRun as JSON. */
export type EncodedRun = string;

export function encodeRun(stored: StoredRun): EncodedRun {
  return stored.length === 1 ? stored[0].join(',') : JSON.stringify(stored);
}

export function decodeRun(encoded: EncodedRun): StoredRun {
  if (encoded.startsWith('[')) return JSON.parse(encoded) as StoredRun;
  return [encoded === '' ? [] : encoded.split(',').map(Number)];
}

/** What a table was made from; it is used only when all of it matches. */
export interface FaceIdentity {
  /** The font file's name and size in bytes. */
  file: string;
  bytes: number;
  fontkit: string;
  /** pdfkit's scale of the face: 1000 / units per em. */
  scale: number;
}

export interface ShapedWordsFile {
  format: 2;
  face: FaceIdentity;
  words: Record<string, EncodedRun>;
}

const require = createRequire(import.meta.url);
let fontkitVersion: string | undefined;

function installedFontkit(): string {
  // fontkit's exports map hides its package.json; its main file sits in dist/.
  fontkitVersion ??= (JSON.parse(readFileSync(path.join(path.dirname(require.resolve('fontkit')), '..', 'package.json'), 'utf8')) as { version: string }).version;
  return fontkitVersion;
}

/** The identity of a face file as this process would shape it. */
export function faceIdentity(fontFile: string, scale: number): FaceIdentity {
  return { file: path.basename(fontFile), bytes: statSync(fontFile).size, fontkit: installedFontkit(), scale };
}

export function tableFileFor(dir: string, fontFile: string): string {
  return path.join(dir, `${path.basename(fontFile)}.json`);
}

/** Makes the table of one face from the runs pdfkit shaped (the build's side). */
export function storeRuns(identity: FaceIdentity, runs: Readonly<Record<string, ShapedRun>>): ShapedWordsFile {
  const words: Record<string, EncodedRun> = {};
  for (const word of Object.keys(runs).sort()) {
    const run = runs[word]!;
    const ids: number[] = [];
    const xAdvances: number[] = [];
    const offsets: number[] = [];
    const codePoints: number[][] = [];
    let plainAdvances = true;
    let plainOffsets = true;
    const characters = Array.from(word, (c) => c.codePointAt(0)!);
    let plainCodePoints = characters.length === run.glyphs.length;
    run.glyphs.forEach((glyph, i) => {
      const position = run.positions[i]!;
      if (position.advanceWidth !== glyph.advanceWidth * identity.scale) throw new Error(`"${word}": a position's advanceWidth is not its glyph's, scaled`);
      ids.push(glyph.id);
      xAdvances.push(position.xAdvance);
      offsets.push(position.yAdvance, position.xOffset, position.yOffset);
      codePoints.push([...glyph.codePoints]);
      if (position.xAdvance !== position.advanceWidth) plainAdvances = false;
      if (position.yAdvance !== 0 || position.xOffset !== 0 || position.yOffset !== 0) plainOffsets = false;
      if (glyph.codePoints.length !== 1 || glyph.codePoints[0] !== characters[i]) plainCodePoints = false;
    });
    const stored: StoredRun = [ids, plainAdvances ? 0 : xAdvances, plainOffsets ? 0 : offsets, plainCodePoints ? 0 : codePoints];
    while (stored.length > 1 && stored[stored.length - 1] === 0) stored.pop();
    words[word] = encodeRun(stored);
  }
  return { format: 2, face: identity, words };
}

/** fontkit's glyph of a face by id, as its layout gets one: `font.getGlyph(id, codePoints)`. */
export type GlyphSource = (id: number, codePoints: number[]) => ShapedGlyph;

/**
 * The run pdfkit would make of a stored word: fontkit's own glyph objects (fontkit keeps one per glyph,
 * with the characters of its first use, and a PDF's text layer is made from those), and positions with
 * the same numbers, computed the same way.
 */
export function restoreRun(word: string, encoded: EncodedRun, scale: number, glyphFor: GlyphSource): ShapedRun {
  const [ids, xAdvances, offsets, codePoints] = decodeRun(encoded);
  const characters = codePoints ? undefined : Array.from(word, (c) => c.codePointAt(0)!);
  const glyphs: ShapedGlyph[] = [];
  const positions: ShapedPosition[] = [];
  for (let i = 0; i < ids.length; i++) {
    const glyph = glyphFor(ids[i]!, codePoints ? codePoints[i]! : [characters![i]!]);
    const scaled = glyph.advanceWidth * scale;
    glyphs.push(glyph);
    positions.push({
      xAdvance: xAdvances ? xAdvances[i]! : scaled,
      yAdvance: offsets ? offsets[3 * i]! : 0,
      xOffset: offsets ? offsets[3 * i + 1]! : 0,
      yOffset: offsets ? offsets[3 * i + 2]! : 0,
      advanceWidth: scaled,
    });
  }
  // As fontkit's GlyphRun sums it.
  let advanceWidth = 0;
  for (const position of positions) advanceWidth += position.xAdvance;
  return { glyphs, positions, advanceWidth };
}

function sameIdentity(a: FaceIdentity, b: FaceIdentity): boolean {
  return a.file === b.file && a.bytes === b.bytes && a.fontkit === b.fontkit && a.scale === b.scale;
}

/**
 * The table of shaped words for a face, or undefined when there is none or it was made for another font
 * file or fontkit: then every word is shaped as usual.
 */
export function readShapedWords(dir: string, fontFile: string, scale: number): ShapedWordsFile | undefined {
  let table: ShapedWordsFile;
  try {
    table = JSON.parse(readFileSync(tableFileFor(dir, fontFile), 'utf8')) as ShapedWordsFile;
  } catch {
    // Not built (a source checkout before `npm run build`) or unreadable: shaping as usual loses nothing.
    return undefined;
  }
  if (table.format !== 2 || !sameIdentity(table.face, faceIdentity(fontFile, scale))) return undefined;
  return table;
}
