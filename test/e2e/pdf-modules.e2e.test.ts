// src/render/pdf/pdf-modules.ts loads pdfkit and fontkit with stand-ins for modules a hirekit PDF rarely
// or never needs (Brotli for WOFF2, AES for encryption, a PNG decoder, Unicode tables inflated on first
// lookup). In a fresh process, from the built modules: a PDF is made without loading them, and each
// stand-in, once used, answers exactly as the real module does.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';

const { dir, cleanup } = tempDir('hirekit-pdf-modules-');
afterAll(cleanup);

/** Runs an ES module snippet in a fresh node with `dist` bound to the built modules' folder URL; its stdout as JSON. */
function run(name: string, body: string): Record<string, unknown> {
  const file = path.join(dir, `${name}.mjs`);
  writeFileSync(
    file,
    [
      "import { createRequire } from 'node:module';",
      "import { types } from 'node:util';",
      "import zlib from 'node:zlib';",
      `const dist = ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist')).href)};`,
      "const { loadFontkit, loadPdfkit } = await import(`${dist}/render/pdf/pdf-modules.js`);",
      'const require = createRequire(import.meta.url);',
      `const from = (pkg) => createRequire(createRequire(${JSON.stringify(path.join(ROOT, 'package.json'))}).resolve(pkg));`,
      'const deferred = (pkg, request) => { const m = require.cache[from(pkg).resolve(request)]; return !m ? "absent" : types.isProxy(m.exports) || m.exports.name === "DeferredTrie" ? "stand-in" : "loaded"; };',
      body,
    ].join('\n'),
  );
  const result = spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

const STATE = `({
  brotli: deferred('fontkit', 'brotli/decompress.js'),
  trie: deferred('fontkit', 'unicode-trie'),
  aes: deferred('pdfkit', '@noble/ciphers/aes'),
  png: deferred('pdfkit', 'png-js'),
})`;

describe('pdfkit and fontkit without what a PDF does not use', () => {
  it('makes a PDF in Latin and Arabic leaving Brotli, AES and the PNG decoder unloaded', () => {
    const state = run(
      'latin',
      `
      const { createPdf } = await import(\`\${dist}/render/pdf/document.js\`);
      const pdf = await createPdf({ title: 'Zoë Łukasz', confidentiality: 'Panel only' });
      pdf.font('regular', 11).doc.text('Zoë Łukasz, سارة الحربي: evidence, rated 4 of 5.', pdf.left, pdf.top);
      const bytes = await pdf.bytes();
      console.log(JSON.stringify({ ...${STATE}, pdf: bytes.length > 1000 }));
      `,
    );
    // The Unicode tables are loaded: pdfkit breaks lines with one, fontkit shapes Arabic with another.
    expect(state).toEqual({ brotli: 'stand-in', trie: 'loaded', aes: 'stand-in', png: 'stand-in', pdf: true });
  });

  it('each stand-in, once used, does what the real module does', () => {
    const state = run(
      'used',
      `
      loadFontkit();
      loadPdfkit();
      const before = ${STATE};
      const text = Buffer.from('hirekit '.repeat(50));
      const decompress = from('fontkit')('brotli/decompress.js');
      const brotli = Buffer.from(decompress(zlib.brotliCompressSync(text))).equals(text);
      // unicode-properties reads its table through the stand-in trie: Arabic and Latin letters by script.
      const properties = from('fontkit')('unicode-properties');
      const scripts = [properties.getScript(0x0633), properties.getScript(0x5a), properties.getCategory(0x0301)];
      const aes = typeof from('pdfkit')('@noble/ciphers/aes').cbc;
      const key = new Uint8Array(16).fill(7), iv = new Uint8Array(16).fill(1);
      const { cbc } = from('pdfkit')('@noble/ciphers/aes');
      const roundTrip = Buffer.from(cbc(key, iv).decrypt(cbc(key, iv).encrypt(text))).equals(text);
      console.log(JSON.stringify({ before, brotli, scripts, aes, roundTrip, after: ${STATE} }));
      `,
    );
    expect(state).toEqual({
      before: { brotli: 'stand-in', trie: 'stand-in', aes: 'stand-in', png: 'stand-in' },
      brotli: true,
      scripts: ['Arabic', 'Latin', 'Mn'],
      aes: 'function',
      roundTrip: true,
      after: { brotli: 'loaded', trie: 'loaded', aes: 'loaded', png: 'stand-in' },
    });
  });
});
