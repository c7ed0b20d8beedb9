// Part of `npm run build`, last (after scripts/bundle.mjs): V8's code cache for the command chunks
// (dist/bundle/*.cjs) and the CommonJS libraries they load, dist/code-cache/hirekit.bin
// (src/io/code-cache.ts says why and how it is used).
//
// The cache holds what V8 compiled while hirekit made PDFs, so it is made from a representative run: the
// built bundle, in this process, renders the demo (a debrief and a pack with handouts), then `pack --all`,
// a compare, the calibration report, a status and a validation, as a user's commands would. Functions
// that ran are in it; the others are compiled lazily, as without a cache. main.cjs is compiled before any
// hook can be installed, and dynamic-import.cjs calls import(), which code compiled from a cache cannot.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { buildContext } from './build-context.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = path.join(ROOT, 'dist', 'bundle');
const { modules } = createRequire(import.meta.url)(path.join(BUNDLE, 'main.cjs'));
const { CODE_CACHE_FILE, recordCodeCache, writeCodeCache } = modules['io/code-cache.js'];
const { configureFonts } = modules['render/pdf/font-setup.js'];
const { buildProgram } = modules['cli.js'];

const started = Date.now();
rmSync(CODE_CACHE_FILE, { force: true });
recordCodeCache((file) => file.includes(`${path.sep}node_modules${path.sep}`) || (path.dirname(file) === BUNDLE && !['main.cjs', 'dynamic-import.cjs'].includes(path.basename(file))));
const work = mkdtempSync(path.join(os.tmpdir(), 'hirekit-code-cache-'));
const context = buildContext(work);
const hirekit = (...args) => buildProgram(context).parseAsync(args, { from: 'user' });

try {
  configureFonts({ systemFonts: false });
  await hirekit('demo', 'demo');
  const workspace = path.join(work, 'demo', 'hiring');
  await hirekit('-w', workspace, 'debrief', 'Zoë Łukasz', '--out', path.join(work, 'debrief.pdf'));
  await hirekit('pack', '--all', '--handouts', '--out', `${path.join(work, 'packs')}/`);
  await hirekit('-w', workspace, 'compare', 'head-of-ml', '--out', path.join(work, 'compare.pdf'));
  await hirekit('-w', workspace, 'calibrate', '--out', path.join(work, 'calibration.pdf'));
  await hirekit('-w', workspace, 'status');
  await hirekit('validate');
  mkdirSync(path.dirname(CODE_CACHE_FILE), { recursive: true });
  // pack --all tightened the heap for its later roles (src/commands/heap.ts); V8 stamps the flags into the cache
  // and refuses it under others, and every command starts with the defaults.
  setFlagsFromString('--heap-growing-percent=0');
  const count = writeCodeCache(CODE_CACHE_FILE);
  console.log(`code-cache: ${count} modules compiled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
