// Part of `npm run build`, last (after scripts/bundle.mjs): V8's code cache for the CommonJS libraries a
// PDF loads, dist/code-cache/pdf.bin (src/render/pdf/code-cache.ts says why and how it is used).
//
// The cache holds what V8 compiled while hirekit made PDFs, so it is made from a representative run: the
// built bundle, in this process, renders the demo (a debrief and a pack with handouts), then `pack --all`,
// a compare and the calibration report, as a user's commands would. Functions that ran are in it;
// the others are compiled lazily, as without a cache.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { modules } = createRequire(import.meta.url)(path.join(ROOT, 'dist', 'bundle', 'main.cjs'));
const { recordCodeCache, writeCodeCache } = modules['render/pdf/code-cache.js'];
const { CODE_CACHE_FILE } = modules['render/build-files.js'];
const { configureFonts } = modules['render/pdf/fonts.js'];
const { buildProgram } = modules['cli.js'];

const started = Date.now();
rmSync(CODE_CACHE_FILE, { force: true });
recordCodeCache();
const work = mkdtempSync(path.join(os.tmpdir(), 'hirekit-code-cache-'));
const sink = { write: () => true };
const context = {
  cwd: work,
  env: { NO_COLOR: '1' },
  now: () => new Date('2026-01-01T09:00:00Z'),
  stdout: sink,
  stderr: sink,
  stdoutIsTTY: false,
  stderrIsTTY: false,
  stdinIsTTY: false,
  columns: 80,
  prompts: () => Promise.reject(new Error('the build asks nothing')),
};
const hirekit = (...args) => buildProgram(context).parseAsync(args, { from: 'user' });

try {
  configureFonts({ systemFonts: false });
  await hirekit('demo', 'demo');
  const workspace = path.join(work, 'demo', 'hiring');
  await hirekit('-w', workspace, 'debrief', 'Zoë Łukasz', '--out', path.join(work, 'debrief.pdf'));
  await hirekit('pack', '--all', '--handouts', '--out', `${path.join(work, 'packs')}/`);
  await hirekit('-w', workspace, 'compare', 'head-of-ml', '--out', path.join(work, 'compare.pdf'));
  await hirekit('-w', workspace, 'calibrate', '--out', path.join(work, 'calibration.pdf'));
  mkdirSync(path.dirname(CODE_CACHE_FILE), { recursive: true });
  const count = writeCodeCache(CODE_CACHE_FILE);
  console.log(`code-cache: ${count} library modules compiled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
