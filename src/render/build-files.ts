// Files `npm run build` makes for the renderers. Found from this module, which sits two folders below the
// package in every form hirekit runs in: src/render (tests), dist/render (tsc) and dist/bundle (the bundle).
import { fileURLToPath } from 'node:url';

/** The bundled faces' words shaped at build time (scripts/shape-words.mjs, pdf/shaped-words.ts). */
export const SHAPED_WORDS_DIR = fileURLToPath(new URL('../../dist/shaped-words/', import.meta.url));
