// Words shaped at build time (src/render/pdf/shaped-words.ts) must be exactly the runs pdfkit would make
// with fontkit now: the same glyphs, characters and positions, number for number. These tests store and
// restore runs shaped here, check every word of the tables `npm run build` wrote against fontkit, and check
// that a table made for another font file or fontkit is never used.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runPack } from '../../../src/commands/pack.js';
import { SHAPED_WORDS_DIR } from '../../../src/render/build-files.js';
import { FONTS, FONT_STYLES, primaryFace, type FontStyle } from '../../../src/render/pdf/fonts.js';
import { decodeRun, encodeRun, faceIdentity, readShapedWords, restoreRun, storeRuns, tableFileFor, type ShapedRun, type StoredRun } from '../../../src/render/pdf/shaped-words.js';
import { tempDir } from '../../helpers/cli.js';
import { fakeContext } from '../../helpers/context.js';

/** A word shaped as pdfkit's EmbeddedFont.layoutRun does it: fontkit's run, positions scaled to 1000 per em. */
function shapeLikePdfkit(style: FontStyle, word: string): ShapedRun {
  const { font } = primaryFace(style);
  const scale = 1000 / font.unitsPerEm;
  const run = font.layout(word);
  const positions = run.positions.map((p, i) => ({
    xAdvance: p.xAdvance * scale,
    yAdvance: p.yAdvance * scale,
    xOffset: p.xOffset * scale,
    yOffset: p.yOffset * scale,
    advanceWidth: run.glyphs[i]!.advanceWidth * scale,
  }));
  let advanceWidth = 0;
  for (const p of positions) advanceWidth += p.xAdvance;
  return { glyphs: run.glyphs.map((g) => ({ id: g.id, advanceWidth: g.advanceWidth, codePoints: [...g.codePoints] })), positions, advanceWidth };
}

/** The parts of a run pdfkit reads, as plain values. */
function plain(run: ShapedRun): unknown {
  return {
    glyphs: run.glyphs.map((g) => [g.id, g.advanceWidth, [...g.codePoints]]),
    positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset, p.advanceWidth]),
    advanceWidth: run.advanceWidth,
  };
}

const glyphFor = (style: FontStyle) => (id: number, codePoints: number[]) => primaryFace(style).font.getGlyph(id, codePoints);

const { dir, cleanup } = tempDir('hirekit-shaped-');
afterAll(cleanup);

describe('a stored word restores to the run fontkit shapes', () => {
  // Kerning (AV, Wa, Te), a final space, an accent as one character and as a combining mark (an offset),
  // ligature candidates, Arabic (joined forms, glyphs in visual order, not one per character), digits.
  const WORDS = ['AVATAR ', 'Wayfarer', 'Team-level', 'Zoë ', 'Zoe\u0308', 'office ', 'fluffy', 'سارة', 'الحربي ', '2026-12-05,', 'Łukasz'];

  for (const style of ['regular', 'bold', 'oblique'] as const) {
    it(`in ${style}`, () => {
      const { font } = primaryFace(style);
      const scale = 1000 / font.unitsPerEm;
      const runs = Object.fromEntries(WORDS.map((w) => [w, shapeLikePdfkit(style, w)]));
      const table = JSON.parse(JSON.stringify(storeRuns(faceIdentity(FONTS[style], scale), runs))) as ReturnType<typeof storeRuns>;
      for (const word of WORDS) expect(plain(restoreRun(word, table.words[word]!, scale, glyphFor(style))), word).toEqual(plain(runs[word]!));
    });
  }

  it('stores only what differs from the plain case', () => {
    const { font } = primaryFace('regular');
    const scale = 1000 / font.unitsPerEm;
    const words = ['ab', 'AV', 'Zoe\u0308', 'سارة'];
    const table = storeRuns(faceIdentity(FONTS.regular, scale), Object.fromEntries(words.map((w) => [w, shapeLikePdfkit('regular', w)])));
    // "ab": glyph ids only. "AV": kerned, so its advances too. "Zoë" with a combining mark: an offset.
    expect(table.words.ab).toMatch(/^\d+,\d+$/);
    expect(decodeRun(table.words.ab!)).toHaveLength(1);
    expect(decodeRun(table.words.AV!)[1]).not.toBe(0);
    expect(decodeRun(table.words['Zoe\u0308']!)[2]).not.toBe(0);
    // Arabic comes back in visual order, so its characters are stored.
    expect(decodeRun(table.words['سارة']!)[3]).not.toBe(0);
  });
});

describe('a run as the file keeps it', () => {
  it.each<[string, StoredRun]>([
    ['glyph ids alone', [[36, 72, 80]]],
    ['one glyph', [[19]]],
    ['no glyph', [[]]],
    ['kerned advances', [[36, 57], [612.3, 684.1]]],
    ['offsets and characters', [[61, 72, 700], 0, [0, 0, 0, 0, 0, 0, 0, -290.5, 0], [[90], [111], [101, 776]]]],
  ])('%s comes back as it was stored', (_, stored) => {
    expect(decodeRun(encodeRun(stored))).toEqual(stored);
  });

  it('keeps glyph ids alone as a short string, anything more as JSON', () => {
    expect(encodeRun([[36, 72, 80]])).toBe('36,72,80');
    expect(encodeRun([[36, 57], [612.3, 684.1]])).toBe('[[36,57],[612.3,684.1]]');
  });
});

describe('the tables npm run build wrote', () => {
  const built = FONT_STYLES.filter((style) => existsSync(tableFileFor(SHAPED_WORDS_DIR, FONTS[style])));

  it('exist for the faces the bundled content uses', () => {
    // `npm test` builds first; `npm run test:unit` alone may run before any build.
    if (!existsSync(SHAPED_WORDS_DIR)) return;
    expect(built).toEqual(expect.arrayContaining(['regular', 'bold', 'oblique']));
  });

  for (const style of FONT_STYLES) {
    it.skipIf(!built.includes(style))(`hold, for every word of ${style}, the run fontkit shapes now`, () => {
      const { font } = primaryFace(style);
      const table = readShapedWords(SHAPED_WORDS_DIR, FONTS[style], 1000 / font.unitsPerEm);
      expect(table, 'the table was made for this font file and fontkit').toBeDefined();
      const words = Object.keys(table!.words);
      const wrong = words.filter((word) => JSON.stringify(plain(restoreRun(word, table!.words[word]!, table!.face.scale, glyphFor(style)))) !== JSON.stringify(plain(shapeLikePdfkit(style, word))));
      expect(wrong).toEqual([]);
    });
  }
});

describe('a table that does not fit is not used', () => {
  const { font } = primaryFace('regular');
  const scale = 1000 / font.unitsPerEm;
  const write = (name: string, text: string): string => {
    const folder = path.join(dir, name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(tableFileFor(folder, FONTS.regular), text);
    return folder;
  };
  const table = storeRuns(faceIdentity(FONTS.regular, scale), { ab: shapeLikePdfkit('regular', 'ab') });

  it('is read when it was made for this font file and fontkit', () => {
    expect(readShapedWords(write('good', JSON.stringify(table)), FONTS.regular, scale)?.words.ab).toEqual(table.words.ab);
  });

  it.each([
    ['another size of font file', { ...table, face: { ...table.face, bytes: table.face.bytes + 1 } }],
    ['another fontkit', { ...table, face: { ...table.face, fontkit: '0.0.1' } }],
    ['another scale', { ...table, face: { ...table.face, scale: 0.5 } }],
    ['another format (the runs as arrays)', { ...table, format: 1, words: { ab: decodeRun(table.words.ab!) } }],
  ])('not when made for %s', (name, other) => {
    expect(readShapedWords(write(name, JSON.stringify(other)), FONTS.regular, scale)).toBeUndefined();
  });

  it('not when missing or cut short', () => {
    expect(readShapedWords(path.join(dir, 'none'), FONTS.regular, scale)).toBeUndefined();
    expect(readShapedWords(write('cut', JSON.stringify(table).slice(0, 40)), FONTS.regular, scale)).toBeUndefined();
  });
});

describe('in use', () => {
  it.skipIf(!existsSync(tableFileFor(SHAPED_WORDS_DIR, FONTS.regular)))("a bundled role's pack is drawn with next to no word shaped by fontkit", async () => {
    const shaped: string[] = [];
    const spies = (['regular', 'bold', 'oblique'] as const).map((style) => {
      const { font } = primaryFace(style);
      const layout = font.layout.bind(font);
      return vi.spyOn(font, 'layout').mockImplementation((text, ...rest) => {
        shaped.push(text);
        return layout(text, ...rest);
      });
    });
    try {
      const written = await runPack({ role: 'senior-ml-engineer', out: path.join(dir, 'sme.pdf'), rubrics: [] }, fakeContext({ cwd: dir }));
      expect(written.length).toBeGreaterThan(1);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    // Only what the build could not know, such as the date a pack is prepared on. Without the tables: 3,000.
    expect(shaped.length, `shaped by fontkit: ${shaped.join(' | ')}`).toBeLessThan(10);
  });
});
