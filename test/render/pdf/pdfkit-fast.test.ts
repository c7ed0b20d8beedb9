// ./pdfkit-fast.ts and ./pdfkit-objects.ts replace pdfkit and fontkit methods with cheaper ones that must
// give the very same results. Each test sets a replacement against the original of a fresh, unpatched
// copy of the library (the renderer's copy is patched once loaded), on many inputs, and checks that a
// method whose source is not the one a replacement was written against is left alone.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  EXPECTED,
  addGlyphWithoutDecoding,
  eachWordOnce,
  encodeByWord,
  installFastPaths,
  installFontFastPaths,
  installSubsetFastPath,
  replaceMethod,
  sourceHash,
} from '../../../src/render/pdf/pdfkit-fast.js';
import { fastFinalize, fastReferenceWrite, fastWrite, pdfValue, streamBytes } from '../../../src/render/pdf/pdfkit-objects.js';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

type Fn = (this: unknown, ...args: unknown[]) => unknown;
type PdfkitModule = typeof import('pdfkit') & { LineWrapper: { prototype: Record<string, Fn> } };

/** A fresh copy of a package's main module, as it is before ./pdfkit-fast.ts touches it. */
function fresh<T>(name: string, from = require): T {
  const file = from.resolve(name);
  const saved = from.cache[file];
  delete from.cache[file];
  try {
    return from(name) as T;
  } finally {
    if (saved) from.cache[file] = saved;
    else delete from.cache[file];
  }
}

const pristinePdfkit = (): PdfkitModule => fresh<PdfkitModule>('pdfkit');
const pdfkitRequire = createRequire(require.resolve('pdfkit'));

/** Every UTF-16 code unit, 0 to 0xFFFF, in strings of 257 (so lone surrogates and every byte value occur). */
function everyCodeUnit(): string[] {
  const strings: string[] = [];
  for (let start = 0; start <= 0xffff; start += 257) {
    let s = '';
    for (let c = start; c < Math.min(start + 257, 0x10000); c++) s += String.fromCharCode(c);
    strings.push(s);
  }
  return strings;
}

const bytesOf = (chunks: Uint8Array[]): number[] => chunks.flatMap((c) => [...c]);

describe('writing lines of PDF', () => {
  const PDFDocument = pristinePdfkit();
  const original = (PDFDocument.prototype as unknown as Record<string, Fn>)._write!;
  const inputs: unknown[] = [...everyCodeUnit(), '', 'BT', '1 0 0 1 54 738.5 Tm', 12.5, 0, new String('x\u0142'), null, undefined, ['a', 'b']];

  it('gives the bytes and offset pdfkit gives for every char code and kind of data', () => {
    expect(sourceHash(original)).toBe(EXPECTED.write);
    const run = (write: Fn): { chunks: Uint8Array[]; offset: number } => {
      const chunks: Uint8Array[] = [];
      const doc = { _offset: 3, push: (chunk: Uint8Array) => chunks.push(chunk) };
      for (const input of inputs) write.call(doc, input);
      return { chunks, offset: doc._offset };
    };
    const expected = run(original);
    const actual = run(fastWrite as Fn);
    expect(actual.offset).toBe(expected.offset);
    expect(actual.chunks.map((c) => c.length)).toEqual(expected.chunks.map((c) => c.length));
    expect(bytesOf(actual.chunks)).toEqual(bytesOf(expected.chunks));
  });

  it('passes bytes through as they are', () => {
    const bytes = new Uint8Array([1, 2, 300 & 0xff]);
    const pushed: Uint8Array[] = [];
    fastWrite.call({ _offset: 0, push: (c: Uint8Array | null) => pushed.push(c!) > 0 }, bytes);
    expect(pushed[0]).toBe(bytes);
  });

  it('writes an object, its stream lines and bytes, as pdfkit does', () => {
    const ref = (PDFDocument.prototype as unknown as { ref: Fn }).ref;
    type Ref = { data: Record<string, unknown>; uncompressedLength: number };
    const standIn = { _offsets: [], _waiting: 0, compress: false };
    const proto = Object.getPrototypeOf(ref.call(standIn, {})) as { write: Fn; finalize: Fn };
    expect(sourceHash(proto.write)).toBe(EXPECTED.referenceWrite);
    expect(sourceHash(proto.finalize)).toBe(EXPECTED.referenceFinalize);
    const AbstractReference = Object.getPrototypeOf(proto).constructor as abstract new () => object;
    const fast = { write: fastReferenceWrite as Fn, finalize: fastFinalize(AbstractReference)(proto.finalize as never) as Fn };
    const object = (methods: { write: Fn; finalize: Fn }, compress: boolean, data: Record<string, unknown>, parts: unknown[]) => {
      const written: Buffer[] = [];
      const document = {
        ...standIn,
        _offsets: [] as unknown[],
        compress,
        _offset: 0,
        _security: null,
        _write: (d: unknown) => written.push(d instanceof Uint8Array ? Buffer.from(d) : Buffer.from(`${d as string}\n`, 'latin1')),
        _refEnd: () => undefined,
      };
      const reference = ref.call(document, data) as Ref;
      for (const part of parts) methods.write.call(reference, part);
      const before = { data: { ...reference.data }, uncompressedLength: reference.uncompressedLength };
      methods.finalize.call(reference);
      return { before, bytes: Buffer.concat(written) };
    };
    const binary = new Uint8Array([0, 255, 7, 40, 41]);
    for (const parts of [inputs, [binary, ...inputs, binary, binary, 'q', binary], [], [binary], ['only a line']]) {
      for (const compress of [false, true]) {
        for (const data of [{}, { Length: 5 }, { Filter: 'DCTDecode' }, { Length: null, Type: 'XObject' }]) {
          const expected = object(proto, compress, { ...data }, parts);
          const actual = object(fast, compress, { ...data }, parts);
          expect(actual.before).toEqual(expected.before);
          expect(actual.bytes.equals(expected.bytes)).toBe(true);
        }
      }
    }
  });

  it("writes an object's dictionary as pdfkit's convert does, whatever it holds", () => {
    const ref = (PDFDocument.prototype as unknown as { ref: Fn }).ref;
    const standIn = { _offsets: [], _waiting: 0, compress: false };
    const proto = Object.getPrototypeOf(ref.call(standIn, {})) as { write: Fn; finalize: Fn };
    const AbstractReference = Object.getPrototypeOf(proto).constructor as abstract new () => object;
    const finalize = fastFinalize(AbstractReference)(proto.finalize as never) as Fn;
    let next = 1;
    const written = (end: Fn, data: unknown, security: unknown = null, stream?: string): string => {
      const out: string[] = [];
      const document = {
        ...standIn,
        _offsets: [] as unknown[],
        compress: true,
        _offset: 0,
        _security: security,
        _write: (d: unknown) => out.push(d instanceof Uint8Array ? Buffer.from(d).toString('latin1') : `${d as string}\n`),
        _refEnd: () => undefined,
      };
      const reference = ref.call(document, data) as { data: unknown; id: number };
      reference.id = next++;
      if (stream !== undefined) proto.write.call(reference, stream);
      end.call(reference);
      expect(reference.data).toBe(data);
      return out.join('').replace(/^\d+ 0 obj/, '');
    };
    const other = ref.call(standIn, {}) as { id: number };
    other.id = 42;
    const strings = ['', 'plain', 'Zoë Łukasz', 'Wei Zhang (张伟)', 'a\\b(c)d\n\r\t\b\f', '\u00ff\u0100\ud83d\ude00', 'ÿ', '\x7f\x80'];
    const numbers = [0, -0, 1, -1.5, 1 / 3, 1e-7, 123456.1234567, 1e20, -1e20, 2 ** 53];
    const dictionaries: unknown[] = [
      {},
      { Type: 'Page', Parent: other, MediaBox: [0, 0, 595.28, 841.89], Contents: other, Resources: { Font: { F1: other }, ProcSet: ['PDF', 'Text'] } },
      { S: 'P', P: other, K: [{ Type: 'MCR', Pg: other, MCID: 3 }, other, 7], Pg: other, ActualText: new String('Zoë'), Alt: new String('chart (1)'), Lang: new String('en-GB') },
      { Skipped: undefined, Kept: null, Yes: true, No: false, Holes: [undefined, 1, null] },
      { Length: undefined, Type: 'XObject' },
      { Length: null, Type: 'XObject' },
      { Type: 'XObject', Length: 12, Filter: 'FlateDecode' },
      ...strings.map((text) => ({ T: new String(text), Name: text.replace(/[^a-z]/gi, '') || 'X', List: [new String(text), text.length] })),
      ...numbers.map((n) => ({ N: n, A: [n, -n, [n]] })),
      Object.assign(Object.create(null) as object, { Null: 'Prototype', Nested: Object.assign(Object.create(null) as object, { a: 1 }) }),
      // Left to pdfkit: a date, bytes, an instance of another class, numbers it refuses, a function, a symbol.
      { CreationDate: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) },
      { ID: new Uint8Array([1, 2, 254]) },
      { Tree: new (class Tree {
        toString(): string {
          return 'tree';
        }
      })() },
      { Big: 1e21 },
      { NaN: Number.NaN },
      { Fn: function named(): void {} },
    ];
    for (const data of dictionaries) {
      for (const stream of [undefined, 'BT /F1 10 Tf ET']) {
        const copy = (): unknown => (data && typeof data === 'object' && !(data instanceof Date) ? Object.assign(Object.create(Object.getPrototypeOf(data) as object) as object, data) : data);
        let expected: string | Error;
        try {
          expected = written(proto.finalize, copy(), null, stream);
        } catch (error) {
          expected = error as Error;
        }
        if (expected instanceof Error) expect(() => written(finalize, copy(), null, stream)).toThrow(expected.message);
        else expect(written(finalize, copy(), null, stream)).toBe(expected);
      }
    }
    // Not a dictionary (an array, a string object, a date as pdfkit's info entries are), or encrypted: pdfkit's own convert.
    for (const data of [[1, 'A', other], new String('PDFKit'), new Date(Date.UTC(2026, 0, 2))]) expect(written(finalize, data)).toBe(written(proto.finalize, data));
    const security = { getEncryptFn: () => (bytes: Uint8Array) => bytes.map((b) => b ^ 1) };
    expect(written(finalize, { T: new String('x'), N: 1 }, security, 'q')).toBe(written(proto.finalize, { T: new String('x'), N: 1 }, security, 'q'));
    expect(pdfValue(new String('()'), AbstractReference)).toBe('(\\(\\))');
  });

  it('converts stream lines as pdfkit converts a line, for every char code', () => {
    const lines = everyCodeUnit();
    const joined = Buffer.concat(streamBytes(lines));
    expect([...joined]).toEqual(lines.flatMap((line) => Array.from({ length: line.length }, (_, i) => line.charCodeAt(i) & 0xff)));
  });
});

/** A paragraph generator: repeated words, tabs, runs of spaces, long words, soft hyphens, non-Latin text. */
function paragraphs(): string[] {
  const words = ['Evidence', 'rollback', 'the', 'candidate', 'Zoë', 'Łukasz', 'Ελληνικά', 'Кириллица', 'naïve', 'co\u00ADoperation', 'A/B', '—', 'Wei', 'ffi', 'Kalibrierungsstichprobenumfang', '42%', '(p < 0.05)'];
  const out = ['', ' ', '\t', 'one', 'two words', '  leading', 'trailing  ', 'tab\tseparated\twords', 'line\nbreak\n\nagain', 'x'.repeat(300)];
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let i = 0; i < 120; i++) {
    let text = '';
    const count = 1 + next(40);
    for (let w = 0; w < count; w++) text += words[next(words.length)]! + [' ', ' ', ' ', '  ', '\t', '\n', '-'][next(7)]!;
    out.push(text);
  }
  return out;
}

/** The same document drawn by a pristine pdfkit copy, with the given patch applied or not: its bytes. */
async function draw(PDFDocument: PdfkitModule, font: string | undefined, texts: readonly string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(Date.UTC(2026, 0, 2)) } });
  if (font) doc.font(font);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  for (const [i, text] of texts.entries()) {
    const width = [30, 80, 200, 451][i % 4]!;
    doc.fontSize(8 + (i % 5));
    doc.text(text, { width, align: (['left', 'right', 'center', 'justify'] as const)[i % 4] });
    if (i % 7 === 0) doc.text(text, 60, 100, { width, height: 30, ellipsis: true });
    if (i % 11 === 0) doc.text(text, { width, continued: true }).text(' and more', { continued: false });
    doc.heightOfString(text, { width });
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

describe('line breaks found once per text', () => {
  it('draws every paragraph exactly as pdfkit does', async () => {
    const PDFDocument = pristinePdfkit();
    const proto = PDFDocument.LineWrapper.prototype;
    const original = proto.eachWord!;
    expect(sourceHash(original)).toBe(EXPECTED.eachWord);
    const texts = paragraphs();
    for (const font of [undefined, FONT]) {
      proto.eachWord = original;
      const expected = await draw(PDFDocument, font, texts);
      proto.eachWord = eachWordOnce(pdfkitRequire('linebreak') as never) as Fn;
      // Twice: the second time every text's breaks are remembered ones.
      expect((await draw(PDFDocument, font, texts)).equals(expected)).toBe(true);
      expect((await draw(PDFDocument, font, texts)).equals(expected)).toBe(true);
    }
  });

  it('calls back with the words, widths and breaks pdfkit does, and stops when told', () => {
    const PDFDocument = pristinePdfkit();
    const original = PDFDocument.LineWrapper.prototype.eachWord!;
    const fast = eachWordOnce(pdfkitRequire('linebreak') as never) as Fn;
    const record = (eachWord: Fn, text: string, stopAt: number): unknown[] => {
      const calls: unknown[] = [];
      const wrapper = {
        lineWidth: 50,
        continuedX: 0,
        spaceLeft: 50,
        wordWidth: (word: string) => word.length * 6.5,
      };
      eachWord.call(wrapper, text, (word: string, w: number, bk: { position?: number; required?: boolean }, last: { position?: number; required?: boolean } | null) => {
        calls.push([word, w, bk.position, bk.required, last?.position, last?.required]);
        // As pdfkit's wrap does: a required break or a word that does not fit starts a new line.
        if (bk.required) wrapper.spaceLeft = 50;
        else if (w > wrapper.spaceLeft) wrapper.spaceLeft = 50 - w;
        else wrapper.spaceLeft -= w;
        return calls.length === stopAt ? false : undefined;
      });
      return calls;
    };
    for (const text of paragraphs()) {
      for (const stopAt of [0, 1, 3]) {
        expect(record(fast, text, stopAt)).toEqual(record(original, text, stopAt));
        expect(record(fast, text, stopAt)).toEqual(record(original, text, stopAt));
      }
    }
  });
});

describe('words encoded once per font', () => {
  it('gives the glyph codes, positions, subset, widths and Unicode map pdfkit gives', () => {
    const PDFDocument = pristinePdfkit();
    const fontOf = (): Record<string, unknown> & { encode: Fn; subset: { glyphs: number[] } } => {
      const doc = new PDFDocument({ autoFirstPage: false });
      doc.font(FONT);
      return (doc as unknown as { _font: never })._font;
    };
    const a = fontOf();
    const b = fontOf();
    const original = Object.getPrototypeOf(a).encode as Fn;
    expect(sourceHash(original)).toBe(EXPECTED.encode);
    const fast = encodeByWord(original as never) as Fn;
    const texts = paragraphs().flatMap((t) => [t, t.toUpperCase()]);
    for (const text of [...texts, ...texts]) expect(fast.call(b, text)).toEqual(original.call(a, text));
    expect(fast.call(b, 'naïve', { liga: false })).toEqual(original.call(a, 'naïve', { liga: false }));
    expect(b.subset.glyphs).toEqual(a.subset.glyphs);
    expect(b.widths).toEqual(a.widths);
    expect(b.unicode).toEqual(a.unicode);
    // Another document's font numbers its subset in its own order: its words are its own.
    const c = fontOf();
    const d = fontOf();
    for (const text of [...texts].reverse()) expect(fast.call(d, text)).toEqual(original.call(c, text));
    expect(d.subset.glyphs).toEqual(c.subset.glyphs);
    expect(d.subset.glyphs).not.toEqual(b.subset.glyphs);
  });

  it('draws the same document as pdfkit', async () => {
    const PDFDocument = pristinePdfkit();
    const doc = new PDFDocument({ autoFirstPage: false });
    doc.font(FONT);
    const proto = Object.getPrototypeOf((doc as unknown as { _font: object })._font) as { encode: Fn };
    const original = proto.encode;
    const texts = paragraphs();
    const expected = await draw(PDFDocument, FONT, texts);
    proto.encode = encodeByWord(original as never) as Fn;
    expect((await draw(PDFDocument, FONT, texts)).equals(expected)).toBe(true);
  });
});

describe('glyphs copied into a subset without decoding their outlines', () => {
  it('encodes the same font file as fontkit, for simple, composite and empty glyphs', () => {
    const fontkit = fresh<typeof import('fontkit')>('fontkit', pdfkitRequire);
    const font = fontkit.openSync(FONT) as unknown as { numGlyphs: number; createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array; _addGlyph: Fn }; getGlyph(id: number): { _decode: Fn } };
    const decode = font.getGlyph(0)._decode;
    expect(sourceHash(decode)).toBe(EXPECTED.decodeGlyph);
    const original = Object.getPrototypeOf(font.createSubset())._addGlyph as Fn;
    expect(sourceHash(original)).toBe(EXPECTED.addGlyph);
    const fast = addGlyphWithoutDecoding(decode)(original as never) as Fn;
    // Every glyph of the face in a scrambled order, then a few small sets (a composite's components are pulled in).
    const all = Array.from({ length: font.numGlyphs }, (_, i) => (i * 2579) % font.numGlyphs);
    const sets = [all, [3, 36, 37, 200], ...['é', 'Łukasz', 'Ǻ', ' ', 'ffi'].map((s) => [...s].map((c) => (font as unknown as { glyphForCodePoint(c: number): { id: number } }).glyphForCodePoint(c.codePointAt(0)!).id))];
    for (const ids of sets) {
      const a = font.createSubset();
      const b = font.createSubset();
      b._addGlyph = fast;
      for (const id of ids) {
        a.includeGlyph(id);
        b.includeGlyph(id);
      }
      expect(Buffer.from(b.encode()).equals(Buffer.from(a.encode()))).toBe(true);
    }
  });
});

describe('installed only over the methods they were written against', () => {
  it('replaces a method only when its source is the expected one', () => {
    const owner = { method: (x: number) => x + 1 };
    const expected = sourceHash(owner.method);
    expect(replaceMethod(owner, 'method', 'not-the-hash', () => () => 0)).toBe(false);
    expect(owner.method(1)).toBe(2);
    expect(replaceMethod(owner, 'missing', expected, () => () => 0)).toBe(false);
    expect(replaceMethod(owner, 'method', expected, () => () => 0)).toBe(true);
    expect(owner.method(1)).toBe(0);
  });

  it('installs every fast path in the pdfkit this renderer pins', () => {
    const PDFDocument = pristinePdfkit();
    expect(installFastPaths(PDFDocument as never)).toEqual({ write: true, referenceWrite: true, eachWord: true });
    const doc = new PDFDocument({ autoFirstPage: false });
    doc.font(FONT);
    const font = (doc as unknown as { _font: object })._font;
    expect(installFontFastPaths(font)).toBe(true);
    expect(Object.getPrototypeOf(font).encode).not.toBe(undefined);
    expect(sourceHash(Object.getPrototypeOf(font).encode)).not.toBe(EXPECTED.encode);
  });

  it("leaves pdfkit's and fontkit's methods alone when their source is not the expected one", () => {
    // A pdfkit whose methods differ (an upgrade): same names, other code.
    class OtherWrapper {
      eachWord(): void {}
    }
    class OtherDocument {
      static LineWrapper = OtherWrapper;
      ref(): object {
        return {};
      }
      _write(): void {}
    }
    const before = { write: OtherDocument.prototype._write, eachWord: OtherWrapper.prototype.eachWord };
    expect(installFastPaths(OtherDocument as never, class {} as never)).toEqual({ write: false, referenceWrite: false, eachWord: false });
    expect(OtherDocument.prototype._write).toBe(before.write);
    expect(OtherWrapper.prototype.eachWord).toBe(before.eachWord);
    class OtherSubset {
      _addGlyph(): number {
        return 0;
      }
    }
    class OtherFont {
      subset = new OtherSubset();
      font = { getGlyph: () => ({ _decode: () => null }) };
      encode(): unknown[] {
        return [];
      }
    }
    const encode = OtherFont.prototype.encode;
    const addGlyph = OtherSubset.prototype._addGlyph;
    expect(installFontFastPaths(new OtherFont())).toBe(false);
    expect(installSubsetFastPath(new OtherFont())).toBe(false);
    expect(OtherFont.prototype.encode).toBe(encode);
    expect(OtherSubset.prototype._addGlyph).toBe(addGlyph);
  });
});
