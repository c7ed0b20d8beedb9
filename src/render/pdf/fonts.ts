// The fonts every hirekit PDF embeds, and where a character DejaVu Sans lacks is found.
//
// DejaVu Sans (an npm dependency) sets Latin, Greek, Cyrillic, Arabic and Hebrew, so "Zoë Łukasz" and
// "سارة الحربي" print on any machine. It has no Chinese, Japanese or Korean: those characters fall back,
// per character, to the font named by HIREKIT_CJK_FONT (a TTF, OTF or TTC file), else to a font the
// system's fontconfig knows covers them (e.g. Noto Sans CJK from the fonts-noto-cjk package). No CJK font
// ships with hirekit: the smallest npm package with one in a format pdfkit embeds weighs about 60 MB.
// A character no font covers is printed as an empty box and named once in a warning (takeFontWarnings),
// never dropped silently.
//
// Every font file is parsed once per process (fontkit) and each PDF embeds only the glyphs it uses.
// Paths in FONTS are the keys pdfkit's doc.font() and doc.table look fonts up by. The setup (HIREKIT_CJK_FONT,
// HIREKIT_SYSTEM_FONTS) and the warnings live in ./font-setup.ts, which every command loads; this module only
// the commands that draw a PDF.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Font, FontCollection } from 'fontkit';
import { fontSetup, noteMissingCharacter, noteUnreadableFont, onFontSetupChange } from './font-setup.js';
import { forgetMeasurements, readPostHeader } from './measure.js';
import { loadFontkit } from './pdf-modules.js';

export { configureFonts, fontSetupFromEnv, takeFontWarnings, type FontSetup } from './font-setup.js';

const require = createRequire(import.meta.url);
let ttfDir: string | undefined;
const dejaVuFiles = new Map<string, string>();
/**
 * Where DejaVu's files are, found when a PDF first needs them (main.ts loads this module at every start),
 * then remembered: the paths are the keys fonts are looked up by, asked for on every line drawn.
 */
function dejaVu(file: string): string {
  let found = dejaVuFiles.get(file);
  if (found === undefined) {
    ttfDir ??= path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    found = path.join(ttfDir, file);
    dejaVuFiles.set(file, found);
  }
  return found;
}

export interface FontFiles {
  regular: string;
  bold: string;
  oblique: string;
  boldOblique: string;
}

export const FONTS: FontFiles = {
  get regular() {
    return dejaVu('DejaVuSans.ttf');
  },
  get bold() {
    return dejaVu('DejaVuSans-Bold.ttf');
  },
  get oblique() {
    return dejaVu('DejaVuSans-Oblique.ttf');
  },
  get boldOblique() {
    return dejaVu('DejaVuSans-BoldOblique.ttf');
  },
};

export type FontStyle = keyof FontFiles;

export const FONT_STYLES: readonly FontStyle[] = ['regular', 'bold', 'oblique', 'boldOblique'];

// A new setup may put text in other scripts in another face, at another height.
onFontSetupChange(() => {
  faceCache.clear();
  forgetMeasurements();
});

/** A parsed font: `key` is unique per file and face, for pdfkit's font cache. */
export interface Face {
  key: string;
  font: Font;
}

const parsed = new Map<string, Face | null>();

/** Opens a font file once per process; for a collection, the face at `index`. Null when it cannot be read. */
export function openFace(file: string, index = 0): Face | null {
  const key = `${file}#${index}`;
  if (parsed.has(key)) return parsed.get(key) ?? null;
  let face: Face | null = null;
  try {
    const { create } = loadFontkit();
    const opened = create(readFileSync(file)) as Font | FontCollection;
    const font = 'fonts' in opened ? opened.fonts[index] : opened;
    if (font && hasOutlines(font)) {
      readPostHeader(font);
      face = { key, font };
    }
  } catch {
    face = null;
  }
  parsed.set(key, face);
  if (!face) noteUnreadableFont(file);
  return face;
}

/** Colour bitmap fonts (emoji) have no outlines a PDF subset can carry. */
function hasOutlines(font: Font): boolean {
  const tables = (font as unknown as { directory?: { tables?: Record<string, unknown> } }).directory?.tables ?? {};
  return 'glyf' in tables || 'CFF ' in tables || 'CFF2' in tables;
}

export function primaryFace(style: FontStyle): Face {
  const face = openFace(FONTS[style]);
  if (!face) throw new Error(`cannot read the bundled font ${FONTS[style]}`);
  return face;
}

const coverage = new Map<FontStyle, Uint8Array>();

/** Hebrew, Arabic, Syriac, Thaana, NKo... and their presentation forms. */
export const RTL_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0590, 0x08ff],
  [0xfb1d, 0xfdff],
  [0xfe70, 0xfefc],
];

/**
 * Whether the style's bundled face has every character of the text: the quick answer for nearly all
 * text, from a bitmap of the Basic Multilingual Plane built once per style.
 */
export function primaryCovers(style: FontStyle, text: string): boolean {
  let bitmap = coverage.get(style);
  if (!bitmap) {
    bitmap = new Uint8Array(0x10000);
    for (const cp of primaryFace(style).font.characterSet) if (cp < 0x10000) bitmap[cp] = 1;
    for (let cp = 0; cp <= 0x20; cp++) bitmap[cp] = 1;
    // Right-to-left letters take the slow path, which lays them out in visual order.
    for (const [from, to] of RTL_RANGES) bitmap.fill(0, from, to + 1);
    coverage.set(style, bitmap);
  }
  for (let i = 0; i < text.length; i++) {
    if (bitmap[text.charCodeAt(i)] !== 1) return false;
  }
  return true;
}

/** Characters that take the font of their neighbours: spaces, joiners, variation selectors, marks. */
export function isNeutral(codePoint: number): boolean {
  return (
    codePoint <= 0x20 ||
    codePoint === 0xa0 ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0x300 && codePoint <= 0x36f) ||
    codePoint === 0x3000
  );
}

const faceCache = new Map<string, Face | null>();

/**
 * The font that draws a character in a style: DejaVu Sans when it has the glyph, else the configured
 * fallback file, else a system font fontconfig finds for it. Null when none has it (it is then noted
 * for the warning).
 */
export function faceFor(style: FontStyle, codePoint: number): Face | null {
  const primary = primaryFace(style);
  if (primary.font.hasGlyphForCodePoint(codePoint)) return primary;
  const cacheKey = `${style}:${codePoint}`;
  if (faceCache.has(cacheKey)) return faceCache.get(cacheKey) ?? null;
  const face = findFallback(style, codePoint);
  faceCache.set(cacheKey, face);
  if (!face) noteMissingCharacter(String.fromCodePoint(codePoint));
  return face;
}

/** Fallback faces already in use, tried before asking fontconfig again. */
const fallbacksInUse = new Map<FontStyle, Face[]>();

function findFallback(style: FontStyle, codePoint: number): Face | null {
  const setup = fontSetup();
  if (setup.fallbackFile) {
    const face = openFace(setup.fallbackFile);
    if (face?.font.hasGlyphForCodePoint(codePoint)) return face;
  }
  const inUse = fallbacksInUse.get(style) ?? [];
  const known = inUse.find((f) => f.font.hasGlyphForCodePoint(codePoint));
  if (known) return known;
  if (!setup.systemFonts) return null;
  for (const candidate of [...systemCandidates(codePoint, style), ...wellKnownCandidates()]) {
    const face = openFace(candidate.file, candidate.index);
    if (face?.font.hasGlyphForCodePoint(codePoint)) {
      fallbacksInUse.set(style, [...inUse, face]);
      return face;
    }
  }
  return null;
}

/**
 * CJK fonts macOS and Windows ship, tried after fontconfig (which they usually lack): Arial Unicode and
 * Hiragino on macOS, Microsoft YaHei, Yu Gothic and Malgun Gothic on Windows.
 */
const WELL_KNOWN_FILES: readonly string[] = [
  '/Library/Fonts/Arial Unicode.ttf',
  '/System/Library/Fonts/Supplemental/Arial Unicode.ttf',
  '/System/Library/Fonts/Hiragino Sans GB.ttc',
  '/System/Library/Fonts/AppleSDGothicNeo.ttc',
  'C:\\Windows\\Fonts\\msyh.ttc',
  'C:\\Windows\\Fonts\\YuGothR.ttc',
  'C:\\Windows\\Fonts\\malgun.ttf',
];

let wellKnown: Candidate[] | undefined;

function wellKnownCandidates(): Candidate[] {
  wellKnown ??= WELL_KNOWN_FILES.filter((file) => existsSync(file)).map((file) => ({ file, index: 0, score: 0 }));
  return wellKnown;
}

interface Candidate {
  file: string;
  index: number;
  score: number;
}

/** What fontconfig listed for a character: asked once per process, whichever style asks first. */
const listings = new Map<number, string>();

function fontsCovering(codePoint: number): string {
  let listing = listings.get(codePoint);
  if (listing === undefined) {
    try {
      // Required here, not at the top: main.ts loads this module at every start, and child_process is heavy.
      const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
      listing = execFileSync('fc-list', [`:charset=${codePoint.toString(16)}`, '--format', '%{file}\t%{index}\t%{style}\t%{postscriptname}\n'], {
        encoding: 'utf8',
        timeout: 5000,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch {
      listing = '';
    }
    listings.set(codePoint, listing);
  }
  return listing;
}

/** Fonts fontconfig says cover a character, the best first: sans over serif, not monospaced, the right weight. */
function systemCandidates(codePoint: number, style: FontStyle): Candidate[] {
  const listing = fontsCovering(codePoint);
  const bold = style === 'bold' || style === 'boldOblique';
  return listing
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([file]) => file !== undefined && /\.(ttf|otf|ttc|otc)$/i.test(file))
    .map(([file = '', index = '0', fontStyle = '', name = '']) => {
      const styles = fontStyle.toLowerCase();
      const isBold = /\bbold\b/.test(styles);
      const regular = /\b(regular|book|normal)\b/.test(styles);
      let score = 0;
      if (/sans/i.test(name)) score += 8;
      if (/mono/i.test(name)) score -= 6;
      if (bold ? isBold : regular) score += 4;
      if (/emoji/i.test(name)) score -= 2;
      return { file, index: Number(index) || 0, score };
    })
    .sort((a, b) => b.score - a.score || a.file.localeCompare(b.file) || a.index - b.index);
}
