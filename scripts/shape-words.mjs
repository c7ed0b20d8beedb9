// Part of `npm run build`, after tsc: shapes the words of hirekit's bundled content once, so PDFs need not
// shape them again in every process (src/render/pdf/shaped-words.ts says why and how they are used).
//
// The words are the ones pdfkit really shapes: this renders, in-process from dist/, every bundled role's
// pack and handouts, the demo workspace's debriefs and its compare and calibration reports, with DejaVu
// only (no system fonts), then keeps each DejaVu face's shaped words in dist/shaped-words/<file>.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildContext } from './build-context.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dist = (file) => import(path.join(ROOT, 'dist', file));
const { buildProgram } = await dist('cli.js');
const { configureFonts, FONTS, FONT_STYLES, primaryFace } = await dist('render/pdf/fonts.js');
const { shapedWordsOf } = await dist('render/pdf/measure.js');
const { faceIdentity, storeRuns, tableFileFor } = await dist('render/pdf/shaped-words.js');
const { SHAPED_WORDS_DIR } = await dist('render/build-files.js');

const started = Date.now();
const work = mkdtempSync(path.join(os.tmpdir(), 'hirekit-shape-'));
const context = buildContext(work);
async function hirekit(...args) {
  await buildProgram(context).parseAsync(args, { from: 'user' });
}

try {
  configureFonts({ systemFonts: false });
  await hirekit('demo', 'demo');
  const workspace = path.join(work, 'demo', 'hiring');
  await hirekit('pack', '--all', '--out', `${path.join(work, 'packs')}/`);
  await hirekit('pack', '--all', '--handouts', '--out', `${path.join(work, 'packs-with-handouts')}/`);
  const { listCandidates } = await dist('io/workspace.js');
  const candidates = await listCandidates(workspace);
  const roles = new Set();
  for (const candidate of candidates) {
    await hirekit('-w', workspace, 'debrief', candidate.name, '--out', path.join(work, `${candidate.slug}.pdf`));
    roles.add(candidate.role);
  }
  for (const role of roles) await hirekit('-w', workspace, 'compare', role, '--out', path.join(work, `compare-${role}.pdf`));
  await hirekit('-w', workspace, 'calibrate', '--out', path.join(work, 'calibration.pdf'));

  rmSync(SHAPED_WORDS_DIR, { recursive: true, force: true });
  mkdirSync(SHAPED_WORDS_DIR, { recursive: true });
  const counts = [];
  for (const style of FONT_STYLES) {
    const face = primaryFace(style);
    const table = storeRuns(faceIdentity(FONTS[style], 1000 / face.font.unitsPerEm), shapedWordsOf(face.key));
    writeFileSync(tableFileFor(SHAPED_WORDS_DIR, FONTS[style]), JSON.stringify(table));
    counts.push(`${Object.keys(table.words).length} ${style}`);
  }
  console.log(`shape-words: ${counts.join(', ')} words shaped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
