// unpackTrie (src/render/pdf/pdf-modules.ts) inflates unicode-trie's packed tables with node's zlib instead of
// tiny-inflate: the tables fontkit ships, unpacked both ways, must be the very same words; anything it cannot
// unpack exactly as unicode-trie would is left to unicode-trie.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unpackTrie, type UnpackedTrie } from '../../../src/render/pdf/pdf-modules.js';

const fromFontkit = createRequire(createRequire(import.meta.url).resolve('fontkit'));
const UnicodeTrie = fromFontkit('unicode-trie') as new (data: unknown) => UnpackedTrie & { get(codePoint: number): number };
const SHAPERS = path.join(path.dirname(fromFontkit.resolve('fontkit')), '..', 'src', 'opentype', 'shapers');

describe('unpackTrie', () => {
  it.each(['data', 'indic', 'use'])("unpacks fontkit's %s.trie to the words unicode-trie makes, from a Buffer or a Uint8Array", (name) => {
    const packed = readFileSync(path.join(SHAPERS, `${name}.trie`));
    const real = new UnicodeTrie(packed);
    for (const input of [packed, new Uint8Array(packed)]) {
      const unpacked = unpackTrie(input);
      expect(unpacked).toBeDefined();
      expect(unpacked!.highStart).toBe(real.highStart);
      expect(unpacked!.errorValue).toBe(real.errorValue);
      expect(Buffer.from(unpacked!.data.buffer).equals(Buffer.from(real.data.buffer))).toBe(true);
      const trie = new UnicodeTrie(unpacked);
      for (let codePoint = 0; codePoint <= 0x10ffff; codePoint += 97) expect(trie.get(codePoint)).toBe(real.get(codePoint));
    }
  });

  it('leaves to unicode-trie what is not packed bytes, or not whole', () => {
    const packed = readFileSync(path.join(SHAPERS, 'data.trie'));
    expect(unpackTrie({ data: new Uint32Array(4), highStart: 0, errorValue: 0 })).toBeUndefined();
    expect(unpackTrie(undefined)).toBeUndefined();
    expect(unpackTrie(packed.subarray(0, packed.length - 40))).toBeUndefined();
    expect(unpackTrie(Buffer.from('not a trie at all'))).toBeUndefined();
  });

  it('leaves to unicode-trie a table longer than its header says (tiny-inflate would cut it)', () => {
    const packed = Buffer.from(readFileSync(path.join(SHAPERS, 'data.trie')));
    packed.writeUInt32LE(packed.readUInt32LE(8) - 4, 8);
    expect(unpackTrie(packed)).toBeUndefined();
  });
});
