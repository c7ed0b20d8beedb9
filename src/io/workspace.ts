// The hiring workspace: a plain folder a team keeps in a private repository or a shared drive.
//   <ws>/candidates/<candidate-slug>/candidate.yaml
//   <ws>/candidates/<candidate-slug>/scorecards/<stage>--<interviewer-slug>.yaml
// One file per candidate, stage and interviewer, so two interviewers never write the same file.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type slugifyName from '@sindresorhus/slugify';
import { z } from 'zod';
import { DataError, UsageError } from '../errors.js';
import { canonicalAnswers, integrityOf, Scorecard, type Integrity } from '../core/scorecard.js';
import { checkYamlText, problemsMessage, readYamlText } from './yaml-file.js';
import { readCanonicalYaml } from './yaml-canonical.js';
import { nearest } from '../core/nearest.js';
import { fsErrorCode, fsReason } from './fs-error.js';

export const DEFAULT_WORKSPACE = 'hiring';
/** Personal data: readable by the owner only. */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;
const MAX_SLUG = 60;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** --workspace, else $HIREKIT_WORKSPACE, else ./hiring; always absolute. */
export function resolveWorkspace(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const chosen = flag?.trim() || env.HIREKIT_WORKSPACE?.trim() || DEFAULT_WORKSPACE;
  return path.resolve(cwd, chosen);
}

/** Refuses a workspace path that exists but is not a folder, before anything is read or written there. */
export async function checkWorkspaceFolder(workspace: string): Promise<void> {
  const info = await stat(workspace).catch(() => undefined);
  if (info && !info.isDirectory()) throw new DataError(`${workspace}: the workspace is a file, not a folder; pass --workspace DIR or set HIREKIT_WORKSPACE`);
}

/**
 * What a path holds: a workspace (a folder with candidates/, or an empty folder), nothing yet, or a folder
 * with other things in it and no candidates/ (a mistyped or wrong path: never written to silently).
 */
export type WorkspaceState = 'workspace' | 'missing' | 'other-folder';

export async function workspaceState(workspace: string): Promise<WorkspaceState> {
  await checkWorkspaceFolder(workspace);
  let names: string[];
  try {
    names = await readdir(workspace);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    throw new DataError(`${workspace}: cannot be read (${fsReason(code ?? 'unknown error')}); check its permissions`);
  }
  if (names.length === 0) return 'workspace';
  const candidates = await stat(path.join(workspace, 'candidates')).catch(() => undefined);
  return candidates?.isDirectory() ? 'workspace' : 'other-folder';
}

/** The one line for a path that holds no workspace, naming the command that creates one. */
export function noWorkspaceMessage(workspace: string, state: Exclude<WorkspaceState, 'workspace'>): string {
  const what = state === 'missing' ? 'does not exist' : 'holds no hirekit workspace (no candidates/ folder)';
  return `${workspace}: ${what}; create a workspace with: hirekit init ${shellWord(workspace)} (or pass --workspace DIR, or set HIREKIT_WORKSPACE)`;
}

/** For commands that only read: a path without a workspace is a mistake to report, never an empty result. */
export async function requireWorkspace(workspace: string): Promise<void> {
  const state = await workspaceState(workspace);
  if (state !== 'workspace') throw new DataError(noWorkspaceMessage(workspace, state));
}

function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/u.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

// slugify builds its transliteration tables when loaded (10-15 ms): required by the first slug made, so a
// command that finds candidates by their folder or their recorded name never loads it.
const load = createRequire(import.meta.url);
let slugifyLoaded: typeof slugifyName | undefined;
function slugify(): typeof slugifyName {
  slugifyLoaded ??= (load('@sindresorhus/slugify') as { default: typeof slugifyName }).default;
  return slugifyLoaded;
}

/**
 * A file-name-safe slug for a free-text name: ASCII kebab-case, never empty, never "." or "..". Names with no
 * Latin transliteration (e.g. 王小明) get a stable slug from a hash of the name, so they still get their own file.
 */
export function slugFor(name: string): string {
  const slug = slugify()(name.normalize('NFC'), { decamelize: false, customReplacements: [["'", ''], ['’', '']] })
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  if (SLUG.test(slug)) return slug;
  return `person-${createHash('sha256').update(name.trim().normalize('NFC')).digest('hex').slice(0, 10)}`;
}

export function candidateDir(workspace: string, candidateSlug: string): string {
  return inside(workspace, path.join(workspace, 'candidates', safe(candidateSlug, 'candidate')));
}

export function scorecardPath(workspace: string, candidateSlug: string, stageId: string, interviewerSlug: string): string {
  const file = `${safe(stageId, 'stage')}--${safe(interviewerSlug, 'interviewer')}.yaml`;
  return inside(workspace, path.join(candidateDir(workspace, candidateSlug), 'scorecards', file));
}

export function candidateRecordPath(workspace: string, candidateSlug: string): string {
  return path.join(candidateDir(workspace, candidateSlug), 'candidate.yaml');
}

/** Earlier drafts kept when an interviewer starts over; outside scorecards/ so a debrief never reads them. */
export function backupDir(workspace: string, candidateSlug: string): string {
  return path.join(candidateDir(workspace, candidateSlug), 'backups');
}

function safe(slug: string, what: string): string {
  if (!SLUG.test(slug)) throw new UsageError(`'${slug}' is not a safe ${what} id; use lowercase letters, digits and hyphens`);
  return slug;
}

// Belt and braces: slugs cannot contain separators, but a path must never leave the workspace whatever happens.
function inside(workspace: string, target: string): string {
  const relative = path.relative(path.resolve(workspace), path.resolve(target));
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new UsageError(`${target}: would be outside the workspace ${workspace}`);
  }
  return target;
}

export const CandidateRecord = z
  .object({
    name: z.string().trim().min(1, 'must not be empty'),
    role: z.string().trim().min(1).optional(),
    // Written by hirekit before 0.2; left out since, so that two interviewers who score a new candidate on
    // their own machines write the same file and a git merge of it never conflicts.
    created_at: z.string().datetime({ offset: true }).optional(),
  })
  .strict();
export type CandidateRecord = z.infer<typeof CandidateRecord>;

export interface StoredScorecard {
  file: string;
  scorecard: Scorecard;
  /** 'edited' when a submitted scorecard no longer matches its digest; 'legacy' when it predates digests. */
  integrity: Integrity;
}

/**
 * A scorecard as read, its integrity found when first asked for, once: status, debrief, compare and export ask
 * of every one; calibrate only of those it counts (a --role run skips the digests of the other roles).
 */
function storedScorecard(file: string, scorecard: Scorecard): StoredScorecard {
  let integrity: Integrity | undefined;
  return {
    file,
    scorecard,
    get integrity(): Integrity {
      return (integrity ??= integrityOf(scorecard, sha256));
    },
  };
}

/** The digest a submitted scorecard carries: sha256 over its canonical answers (core/scorecard.ts). */
export function answersDigest(scorecard: Scorecard): string {
  return sha256(canonicalAnswers(scorecard));
}

function sha256(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

export interface CandidateEntry {
  slug: string;
  name: string;
  role?: string;
}

async function entriesOf(dir: string): Promise<Dirent[]> {
  try {
    // Synchronous: a status over 1,000 candidates lists 1,000 folders, and waiting on the thread pool for
    // each costs more than the listing itself.
    return readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    if (code === 'ENOTDIR') throw new DataError(`${dir}: is a file, but the workspace needs a folder here`);
    throw new DataError(`${dir}: cannot be read (${fsReason(code ?? 'unknown error')}); check its permissions`);
  }
}

/** Reads a YAML file and checks it against a schema; its problems become a DataError, "FILE:LINE:COL  what" each. */
export async function readValidated<T extends z.ZodType>(file: string, schema: T, what: string): Promise<z.infer<T>> {
  // Workspace files only: never through a symlink, so a linked file is neither read nor echoed in an error.
  return validated(file, await readYamlText(file, what, file, { noFollow: true }), schema, what);
}

function validated<T extends z.ZodType>(file: string, text: string, schema: T, what: string): z.infer<T> {
  // A file in the form hirekit writes is read quickly (io/yaml-canonical.ts); anything else, and anything the
  // schema refuses, the full way, which names every problem at FILE:LINE:COL.
  const quick = readCanonicalYaml(text);
  if (quick !== undefined) {
    const parsed = schema.safeParse(quick);
    if (parsed.success) return parsed.data as z.infer<T>;
  }
  const check = checkYamlText(file, text, schema, { what, empty: `the ${what} is empty`, noFollow: true });
  if (check.errors.length === 0 && check.value !== undefined) return check.value;
  throw new DataError(problemsMessage(file, check.errors, `fix the ${what} or restore it from version control`));
}

export async function readCandidateRecord(workspace: string, slug: string): Promise<CandidateRecord | undefined> {
  const file = candidateRecordPath(workspace, slug);
  try {
    return await readValidated(file, CandidateRecord, 'candidate file');
  } catch (error) {
    // No candidate.yaml (a folder from before candidate files, or one being created): not an error. Decided by
    // this read's own failure: a second look could find the file another process created meanwhile.
    if (error instanceof DataError && fsErrorCode(error.cause) === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The workspace's candidates, read once per command: every candidate.yaml is read a single time, and
 * candidates are then found by slug or by name in constant time, so status, compare and calibrate over N
 * candidates read N candidate files, not N x N.
 */
export interface WorkspaceIndex {
  workspace: string;
  /** Sorted by name. */
  candidates: CandidateEntry[];
  bySlug: ReadonlyMap<string, CandidateEntry>;
  /** Keyed by the NFC form of the name. */
  byName: ReadonlyMap<string, CandidateEntry>;
  /** Candidate folders that are symbolic links: never read (see io/contained.ts), reported by status. */
  links: string[];
}

export async function indexWorkspace(workspace: string): Promise<WorkspaceIndex> {
  const entries = await entriesOf(path.join(workspace, 'candidates'));
  const links = entries.filter((e) => e.isSymbolicLink()).map((e) => path.join(workspace, 'candidates', e.name));
  const dirs = entries.filter((e) => e.isDirectory() && SLUG.test(e.name));
  const candidates = await mapLimited(dirs, READ_CONCURRENCY, (dir) => entryFor(workspace, dir.name));
  candidates.sort((a, b) => a.name.localeCompare(b.name));
  const bySlug = new Map(candidates.map((c) => [c.slug, c] as const));
  const byName = new Map<string, CandidateEntry>();
  for (const c of candidates) if (!byName.has(c.name.normalize('NFC'))) byName.set(c.name.normalize('NFC'), c);
  return { workspace, candidates, bySlug, byName, links };
}

export async function listCandidates(workspace: string): Promise<CandidateEntry[]> {
  return (await indexWorkspace(workspace)).candidates;
}

/** The candidate given by name or slug, found in an index, or a DataError naming the known candidates. */
export function findCandidate(index: WorkspaceIndex, candidate: string): CandidateEntry {
  const wanted = candidate.trim();
  const found = index.bySlug.get(wanted) ?? index.byName.get(wanted.normalize('NFC')) ?? index.bySlug.get(slugFor(wanted));
  if (found) return found;
  const known = index.candidates;
  const hint = nearest(wanted, known.map((c) => c.name));
  const list = known.map((c) => c.name).join(', ');
  throw new DataError(
    `no candidate '${wanted}' in ${index.workspace}${hint ? `; did you mean '${hint}'?` : ''}${
      known.length ? `; known candidates: ${list}` : '; it has no candidates yet (hirekit score creates them)'
    }`,
  );
}

/** The folder slug for a candidate given by name or slug, or a DataError naming the known candidates. */
export async function resolveCandidate(workspace: string, candidate: string, index?: WorkspaceIndex): Promise<CandidateEntry> {
  if (index) return findCandidate(index, candidate);
  // A folder's slug is found as the index would find it first (findCandidate tries slugs before names), from
  // that folder alone: `debrief SLUG` reads one candidate file, not all of them. A name needs the index.
  return (await candidateAt(workspace, candidate.trim())) ?? findCandidate(await indexWorkspace(workspace), candidate);
}

/** The candidate whose folder is candidates/<slug>, when that is a real folder (not a link), as indexWorkspace lists it. */
async function candidateAt(workspace: string, slug: string): Promise<CandidateEntry | undefined> {
  if (!SLUG.test(slug)) return undefined;
  let info;
  try {
    info = lstatSync(path.join(workspace, 'candidates', slug), { throwIfNoEntry: false });
  } catch {
    return undefined; // unreadable: the index says why
  }
  if (!info?.isDirectory()) return undefined;
  return entryFor(workspace, slug);
}

async function entryFor(workspace: string, slug: string): Promise<CandidateEntry> {
  const record = await readCandidateRecord(workspace, slug);
  return { slug, name: record?.name ?? slug, ...(record?.role ? { role: record.role } : {}) };
}

const READ_CONCURRENCY = 16;

/** Maps with at most `limit` promises in flight, keeping the order of `items`. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Every scorecard file of a candidate (drafts included), validated. */
export async function readCandidateScorecards(workspace: string, candidate: string | CandidateEntry, index?: WorkspaceIndex): Promise<StoredScorecard[]> {
  const entry = typeof candidate === 'string' ? await resolveCandidate(workspace, candidate, index) : candidate;
  return readScorecardsIn(workspace, entry);
}

/** Every candidate of the workspace with every scorecard file (drafts included), each file read once. */
export async function readWorkspaceScorecards(
  workspace: string,
  /** Told after each candidate's folder is read (for progress on long work). */
  onRead?: (done: number, total: number, candidate: CandidateEntry) => void,
): Promise<Array<{ candidate: CandidateEntry; scorecards: StoredScorecard[] }>> {
  const candidates = await listCandidates(workspace);
  let done = 0;
  const scorecards = await mapLimited(candidates, READ_CONCURRENCY, async (candidate) => {
    const read = await readScorecardsIn(workspace, candidate);
    onRead?.(++done, candidates.length, candidate);
    return read;
  });
  return candidates.map((candidate, i) => ({ candidate, scorecards: scorecards[i] ?? [] }));
}

/** The scorecards in a candidate's folder. */
async function readScorecardsIn(workspace: string, candidate: CandidateEntry): Promise<StoredScorecard[]> {
  const { slug } = candidate;
  const dir = path.join(candidateDir(workspace, slug), 'scorecards');
  const files = (await entriesOf(dir))
    .filter((e) => e.isFile() && !e.name.startsWith('.') && /\.ya?ml$/i.test(e.name))
    .map((e) => path.join(dir, e.name))
    .sort();
  return mapLimited(files, READ_CONCURRENCY, async (file) => {
    const text = await readYamlText(file, 'scorecard', file, { noFollow: true });
    const scorecard = validated(file, text, Scorecard, 'scorecard');
    if (scorecard.candidate.slug !== slug) {
      throw new DataError(
        `${file}: belongs to candidate '${scorecard.candidate.slug}' but sits in the folder of '${slug}'; move it to candidates/${scorecard.candidate.slug}/scorecards/`,
      );
    }
    return storedScorecard(file, scorecard);
  });
}
