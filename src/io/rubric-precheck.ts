// The bundled rubrics, checked when hirekit is built. Reading and checking a rubric (YAML with every node's
// position, the schema, the lint) takes 50-100 ms, and almost every command starts with one; the bundled
// files never change after the build, so `npm run build` (scripts/precheck-rubrics.mjs) checks each once and
// writes what the check found to dist/prechecked/<file>.json, keyed by the sha256 of the text it checked and
// hirekit's version. At run time a bundled file whose text still hashes to that key gets the stored result;
// any other text (an edited file, another version, no build) is checked in full as before.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rubric } from '../core/rubric.js';
import { version } from './package-info.js';
import type { Located } from './yaml-file.js';

/** dist/prechecked/ from dist/io and from dist/bundle alike; under src/ it does not exist. */
export const PRECHECKED_DIR = fileURLToPath(new URL('../prechecked/', import.meta.url));
export const PRECHECK_FORMAT = 'hirekit-prechecked/1';

/** What the check of one clean rubric file found: the model, its hash and its warnings (without the file name). */
export interface Prechecked {
  format: typeof PRECHECK_FORMAT;
  version: string;
  sha256: string;
  rubric: Rubric;
  hash: string;
  warnings: Array<Omit<Located, 'file'>>;
}

export function textDigest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The stored check of a bundled file, when it was made by this version from this very text. */
export function prechecked(file: string, text: string, bundledDir: string, storedIn = PRECHECKED_DIR): { rubric: Rubric; hash: string; warnings: Located[] } | undefined {
  if (path.dirname(path.resolve(file)) !== path.resolve(bundledDir)) return undefined;
  let stored: Prechecked;
  try {
    stored = JSON.parse(readFileSync(path.join(storedIn, `${path.basename(file)}.json`), 'utf8')) as Prechecked;
  } catch {
    return undefined;
  }
  if (stored.format !== PRECHECK_FORMAT || stored.version !== version || stored.sha256 !== textDigest(text)) return undefined;
  return { rubric: stored.rubric, hash: stored.hash, warnings: stored.warnings.map((w) => ({ ...w, file })) };
}

/** The record the build writes for a clean check (a file with errors is never stored). */
export function precheckRecord(text: string, result: { rubric: Rubric; hash: string; warnings: readonly Located[] }): Prechecked {
  return {
    format: PRECHECK_FORMAT,
    version,
    sha256: textDigest(text),
    rubric: result.rubric,
    hash: result.hash,
    warnings: result.warnings.map(({ file: _file, ...rest }) => rest),
  };
}
