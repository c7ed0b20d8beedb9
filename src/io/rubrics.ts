// Finding and loading rubric files: the bundled folder, then $HIREKIT_RUBRICS, then --rubrics folders.
// A later folder's rubric overrides an earlier one with the same id.
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError, UsageError } from '../errors.js';
import { fsReason } from './fs-error.js';
import { checkRubric, lintRubricText } from '../core/rubric-check.js';
import { Rubric } from '../core/rubric.js';
import { addFindings, checkYamlText, formatLocated, readYamlText, type Located } from './yaml-file.js';
import { nearest } from '../core/nearest.js';
import { prechecked } from './rubric-precheck.js';

/** Where the bundled rubrics live: <package>/rubrics, both from src/io and dist/io. */
export const BUNDLED_RUBRICS = fileURLToPath(new URL('../../rubrics/', import.meta.url));

export type RubricOrigin = 'bundled' | 'user';

export interface RubricFolder {
  dir: string;
  origin: RubricOrigin;
}

export interface LoadedRubric {
  rubric: Rubric;
  file: string;
  origin: RubricOrigin;
  /** Content hash of the validated model; scorecards record it to detect rubric drift. */
  hash: string;
  /** Lint warnings (protected topics, placeholders, ...): commands that use the rubric mention them once. */
  warnings: Located[];
}

export interface RubricReport {
  file: string;
  origin: RubricOrigin;
  loaded?: LoadedRubric;
  errors: Located[];
  warnings: Located[];
}

export interface RubricSearch {
  /** Folders from --rubrics, most important last. */
  rubrics?: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** Replaces the bundled folder (tests). */
  bundledDir?: string;
}

export function rubricFolders(search: RubricSearch = {}): RubricFolder[] {
  const env = search.env ?? process.env;
  const fromEnv = (env.HIREKIT_RUBRICS ?? '').split(path.delimiter).filter((d) => d.trim() !== '');
  return [
    { dir: search.bundledDir ?? BUNDLED_RUBRICS, origin: 'bundled' },
    ...[...fromEnv, ...(search.rubrics ?? [])].map((dir) => ({ dir, origin: 'user' as const })),
  ];
}

const isYaml = (name: string): boolean => /\.ya?ml$/i.test(name);

/** The YAML files directly inside a folder, sorted for a stable order. */
export async function yamlFilesIn(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${dir}: no such rubric folder; check --rubrics or HIREKIT_RUBRICS`);
    if (code === 'ENOTDIR') throw new UsageError(`${dir}: is a file, not a folder; pass folders to --rubrics`);
    throw new DataError(`${dir}: cannot be read (${fsReason(code ?? 'unknown error')}); check its permissions`);
  }
  return entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && isYaml(e.name))
    .map((e) => path.join(dir, e.name))
    .sort();
}

/** Expands files and folders given on the command line into rubric files, and names the folders that hold none. */
export async function expandPaths(paths: readonly string[]): Promise<{ files: string[]; emptyFolders: string[] }> {
  const files: string[] = [];
  const emptyFolders: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (info?.isDirectory()) {
      const inside = await yamlFilesIn(p);
      if (inside.length === 0) emptyFolders.push(p);
      files.push(...inside);
    } else {
      files.push(p);
    }
  }
  return { files, emptyFolders };
}

export function rubricHash(rubric: Rubric): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(rubric)).digest('hex').slice(0, 16)}`;
}

/** Loads one file with every error and warning it has; throws only for unreadable input. */
export async function loadRubricFile(file: string, origin: RubricOrigin = 'user'): Promise<RubricReport> {
  const text = await readYamlText(file, 'rubric');
  // Commands such as compare and status look rubrics up once per candidate; parsing and checking a rubric
  // is the expensive part, so an unchanged file is checked once per process.
  const key = `${origin}\0${file}`;
  const cached = checkedFiles.get(key);
  if (cached?.text === text) return cached.report;
  const report = fromPrecheck(file, text, origin) ?? checkRubricText(file, text, origin);
  checkedFiles.set(key, { text, report });
  return report;
}

function fromPrecheck(file: string, text: string, origin: RubricOrigin): RubricReport | undefined {
  const found = prechecked(file, text, BUNDLED_RUBRICS);
  if (!found) return undefined;
  return { file, origin, errors: [], warnings: found.warnings, loaded: { ...found, file, origin } };
}

/** Reports are shared between callers through this cache: treat them as read-only. */
const checkedFiles = new Map<string, { text: string; report: RubricReport }>();

function checkRubricText(file: string, text: string, origin: RubricOrigin): RubricReport {
  const check = checkYamlText(file, text, Rubric, { what: 'rubric', empty: 'the file is empty; a rubric needs role, version, scale, dimensions, loop and policy' });
  // Schema errors and lint are reported together: the lint that reads only text (protected topics,
  // placeholders) runs on whatever the file holds, even when the schema refuses it.
  if (check.value) addFindings(check, checkRubric(check.value));
  else if (check.plain !== undefined) addFindings(check, lintRubricText(check.plain));
  const report: RubricReport = { file, origin, errors: check.errors, warnings: check.warnings };
  if (check.value && report.errors.length === 0) {
    report.loaded = { rubric: check.value, file, origin, hash: rubricHash(check.value), warnings: report.warnings };
  }
  return report;
}

export interface RubricCatalog {
  /** Usable rubrics by id, after overrides. */
  byId: Map<string, LoadedRubric>;
  /** Rubrics that another folder's rubric of the same id replaced. */
  overridden: LoadedRubric[];
  /** Files that could not be loaded, with their reports. */
  broken: RubricReport[];
}

export async function loadCatalog(search: RubricSearch = {}): Promise<RubricCatalog> {
  const catalog: RubricCatalog = { byId: new Map(), overridden: [], broken: [] };
  for (const folder of rubricFolders(search)) {
    for (const file of await yamlFilesIn(folder.dir)) {
      let report: RubricReport;
      try {
        report = await loadRubricFile(file, folder.origin);
      } catch (error) {
        if (!(error instanceof DataError)) throw error;
        report = { file, origin: folder.origin, errors: [unreadable(file, error)], warnings: [] };
      }
      if (!report.loaded) {
        catalog.broken.push(report);
        continue;
      }
      const previous = catalog.byId.get(report.loaded.rubric.role.id);
      if (previous) catalog.overridden.push(previous);
      catalog.byId.set(report.loaded.rubric.role.id, report.loaded);
    }
  }
  return catalog;
}

export function unreadable(file: string, error: Error): Located {
  const message = error.message.startsWith(`${file}: `) ? error.message.slice(file.length + 2) : error.message;
  return { file, line: 1, col: 1, severity: 'error', code: 'unreadable', path: [], message };
}

/**
 * Finds a role by id, or fails with the known ids and the nearest match. Loading and checking every
 * rubric is most of a command's start-up, so the bundled folder is first tried by file name (bundled
 * files are named after their id); user folders, which may name files freely and override bundled ids,
 * are always read in full.
 */
export async function findRubric(roleId: string, search: RubricSearch = {}): Promise<LoadedRubric> {
  const fast = await findBundledByName(roleId, search);
  if (fast) return fast;
  const catalog = await loadCatalog(search);
  const found = catalog.byId.get(roleId);
  if (found) return found;
  const known = [...catalog.byId.keys()].sort();
  const brokenHere = catalog.broken.find((r) => path.basename(r.file).replace(/\.ya?ml$/i, '') === roleId);
  if (brokenHere?.errors[0]) {
    throw new DataError(`${formatLocated(brokenHere.errors[0])}${brokenHere.errors.length > 1 ? ` (and ${brokenHere.errors.length - 1} more; run hirekit validate ${brokenHere.file})` : ''}`);
  }
  const hint = nearest(roleId, known);
  throw new UsageError(
    `unknown role '${roleId}'${hint ? `; did you mean '${hint}'?` : ';'} known roles: ${known.join(', ') || 'none (add a folder with --rubrics DIR)'}`,
  );
}

async function findBundledByName(roleId: string, search: RubricSearch): Promise<LoadedRubric | undefined> {
  const [bundled, ...user] = rubricFolders(search);
  if (!bundled || user.length > 0 || !/^[a-z0-9-]+$/.test(roleId)) return undefined;
  const file = path.join(bundled.dir, `${roleId}.yaml`);
  const exists = await stat(file).then((s) => s.isFile(), () => false);
  if (!exists) return undefined;
  const report = await loadRubricFile(file, 'bundled');
  return report.loaded?.rubric.role.id === roleId ? report.loaded : undefined;
}

/**
 * One line for commands that use a rubric (show, pack, score): the rubric asks about protected topics. A
 * warning, not a refusal: `validate` lists every place.
 */
export function protectedTopicNotice(loaded: LoadedRubric): string | undefined {
  const found = loaded.warnings.filter((w) => w.code === 'protected-topic');
  const first = found[0];
  if (!first) return undefined;
  const count = found.length === 1 ? 'a text that touches' : `${found.length} texts that touch`;
  return `hirekit: warning: rubric ${loaded.rubric.role.id} has ${count} a protected topic, first ${formatLocated(first)}; see hirekit validate ${loaded.file}\n`;
}
