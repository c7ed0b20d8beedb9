// `hirekit import greenhouse|lever FILE.json`: scorecards an ATS exported become submitted hirekit scorecards,
// through a mapping file (`--mapping`, drafted by `--init-mapping`). Everything is read and checked first;
// nothing is written while any input is bad or any scorecard would clash with one already in the workspace.
// Written through the scorecard store (locks, digests, atomic writes, real folders only), each with an audit
// entry naming the ATS and its ids, so importing the same file again skips what is already there.
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { DataError, UsageError } from '../errors.js';
import { answerChanges, answersAsImported, changedSinceImport } from '../core/import/changes.js';
import { convertScorecards, type PlannedScorecard } from '../core/import/convert.js';
import { draftMapping } from '../core/import/draft-mapping.js';
import { UNFILLED } from '../core/import/mapping.js';
import { formatJsonPath, type AtsSystem } from '../core/import/model.js';
import { ATS_NAMES, importOf, type Scorecard } from '../core/scorecard.js';
import { checkPersonName, stripTerminalControls } from '../core/text-safety.js';
import { lockWaitMs } from '../io/lock.js';
import { writeOutput } from '../io/output.js';
import { findRubric } from '../io/rubrics.js';
import { ensureCandidate, loadScorecard, lockScorecard, saveScorecard } from '../io/scorecard-store.js';
import { readWorkspaceScorecards, requireWorkspace, resolveWorkspace, scorecardPath, slugFor, type StoredScorecard } from '../io/workspace.js';
import { toYaml } from '../io/yaml-write.js';
import type { CommandContext } from './context.js';
import { problemLines, readExport, readMapping } from './import-files.js';
import type { GlobalOptions } from './options.js';
import { progressOn } from './progress.js';
import { RATING_WORDS } from '../core/rating-words.js';

export interface ImportOptions extends GlobalOptions {
  system: AtsSystem;
  file: string;
  /** The role to draft a mapping for; with --mapping, only checked against the mapping's role. */
  role?: string;
  /** The candidate's name, for an export about one candidate (every Lever export). */
  candidate?: string;
  mapping?: string;
  initMapping?: boolean;
  /** With --init-mapping: where to write the draft (default stdout). */
  out?: string;
  /** With --init-mapping --out: replace an existing file. */
  force?: boolean;
  /** Check and show what would be imported; write nothing. */
  dryRun?: boolean;
}

type ImportContext = Pick<CommandContext, 'cwd' | 'env' | 'now' | 'stdout' | 'stderr' | 'stderrIsTTY' | 'columns'>;

export interface ImportResult {
  /** Scorecard files written (or, with --dry-run, that would be). */
  written: string[];
  /** Already imported before: left as they are. */
  unchanged: string[];
  /** The drafted mapping's path, with --init-mapping --out. */
  mappingFile?: string;
}

export async function runImport(options: ImportOptions, ctx: ImportContext): Promise<ImportResult> {
  checkFlags(options);
  const rubrics = options.rubrics.map((r) => path.resolve(ctx.cwd, r));
  if (options.initMapping) return initMapping(options, rubrics, ctx);
  const mappingFile = options.mapping!;
  const scorecards = await readExport(options.system, options.file, ctx.cwd);
  const { mapping, loaded } = await readMapping(mappingFile, options.system, options.role, { rubrics, env: ctx.env }, ctx.cwd);
  const conversion = convertScorecards({
    scorecards,
    mapping,
    rubric: loaded.rubric,
    rubricHash: loaded.hash,
    ...(options.candidate !== undefined ? { candidate: options.candidate } : {}),
    file: path.basename(options.file),
    now: ctx.now(),
    slugOf: slugFor,
  });
  if (conversion.problems.length > 0) throw new DataError(problemLines(options.file, conversion.problems, `nothing was imported; fix the mapping (${mappingFile}) or the file`));
  // A wrong workspace is said alone, before the notices about the file (they are no use without one).
  const workspace = resolveWorkspace(options.workspace, ctx.env, ctx.cwd);
  await requireWorkspace(workspace);
  const say = (line: string): void => void ctx.stderr.write(stripTerminalControls(`hirekit: ${options.file}: ${line}`).replace(/\n/g, ' ') + '\n');
  for (const skip of conversion.skipped) say(`${formatJsonPath(skip.path)}: ${skip.why}`);
  for (const notice of conversion.notices) say(notice);

  const ats = ATS_NAMES[options.system];
  const dimensionNames = new Map(loaded.rubric.dimensions.map((d) => [d.id, d.name] as const));
  const plan = await planWrites(workspace, conversion.planned, ats, {
    nameOf: (dimension) => dimensionNames.get(dimension) ?? dimension,
    workspaceFlag: options.workspace,
  });
  if (plan.clashes.length > 0) {
    throw new DataError(`${plan.clashes.join('\n')}${plan.clashes.length > 1 ? `\n${plan.clashes.length} clashes` : ''}; nothing was imported and nothing was overwritten`);
  }
  for (const { file, why, then } of plan.unchanged) say(`${why}; left as it is (${file})${then ? `; ${then}` : ''}`);

  const written: string[] = [];
  if (options.dryRun) {
    for (const { file, planned } of plan.toWrite) {
      say(`would import ${describe(planned, ats)}`);
      ctx.stdout.write(`${file}\n`);
      written.push(file);
    }
    ctx.stderr.write(`Dry run: ${count(plan.toWrite.length, 'scorecard')} would be imported, ${plan.unchanged.length} already imported; nothing was written.\n`);
    return { written, unchanged: plan.unchanged.map((u) => u.file) };
  }

  const progress = progressOn(ctx, plan.toWrite.length);
  const raced: string[] = [];
  try {
    for (const [i, { file, planned }] of plan.toWrite.entries()) {
      const { scorecard } = planned;
      progress.step(i + 1, `${scorecard.candidate.name}: ${scorecard.stage}, ${scorecard.interviewer.name}`);
      await ensureCandidate(workspace, scorecard.candidate.slug, scorecard.candidate.name, scorecard.rubric.id, { waitMs: lockWaitMs(ctx.env) });
      const lock = await lockScorecard(file, `the import of ${ats} scorecard ${planned.ats.id}`, lockWaitMs(ctx.env));
      try {
        // Someone may have scored this stage between the check above and now: theirs stands.
        const now = await loadScorecard(file);
        if (now) {
          // Another import of the same ATS scorecard (two people running the same import at once) is no clash.
          const source = importOf(now);
          if (source?.system === options.system && source.scorecard_id === planned.ats.id) {
            plan.unchanged.push({ file, why: `${formatJsonPath(planned.ats.path)}: ${ats} scorecard ${planned.ats.id} was imported meanwhile by another run` });
            say(`${formatJsonPath(planned.ats.path)}: ${ats} scorecard ${planned.ats.id} was imported meanwhile by another run; left as it is (${file})`);
          } else {
            raced.push(clashLine(file, now, planned, ats));
          }
          continue;
        }
        await saveScorecard(file, scorecard);
      } finally {
        await lock.release();
      }
      progress.clear();
      ctx.stdout.write(`${file}\n`);
      written.push(file);
    }
  } finally {
    progress.clear();
  }
  const bare = plan.toWrite.filter((w) => written.includes(w.file)).reduce((n, w) => n + w.planned.withoutEvidence, 0);
  const candidates = new Set(plan.toWrite.filter((w) => written.includes(w.file)).map((w) => w.planned.scorecard.candidate.slug)).size;
  if (written.length === 0 && raced.length === 0) {
    ctx.stderr.write(`Nothing new to import from ${ats} (${options.file})${plan.unchanged.length > 0 ? `: ${plan.unchanged.length} already imported, left as they are` : ''}.\n`);
    return { written, unchanged: plan.unchanged.map((u) => u.file) };
  }
  ctx.stderr.write(
    `Imported ${count(written.length, 'scorecard')} from ${ats} (${options.file}) for ${count(candidates, 'candidate')}` +
      `${bare > 0 ? `; ${count(bare, 'rating')} came without a note and ${bare === 1 ? 'is' : 'are'} marked "${RATING_WORDS.noEvidence}"` : ''}` +
      `${plan.unchanged.length > 0 ? `; ${plan.unchanged.length} already imported, left as they are` : ''}.\n`,
  );
  if (raced.length > 0) throw new DataError(`${raced.join('\n')}; that scorecard was not imported, the rest were`);
  return { written, unchanged: plan.unchanged.map((u) => u.file) };
}

function checkFlags(options: ImportOptions): void {
  if (options.candidate !== undefined) {
    const problem = checkPersonName(options.candidate, 'candidate');
    if (problem) throw new UsageError(`--candidate: ${problem}`);
  }
  if (options.initMapping) {
    if (options.mapping !== undefined) throw new UsageError('--init-mapping drafts a mapping; it does not go with --mapping (import with --mapping once the draft is filled in)');
    if (options.dryRun) throw new UsageError('--dry-run goes with --mapping: it shows what an import would write');
    if (options.role === undefined) throw new UsageError(`--init-mapping needs --role ROLE: the rubric whose stages and dimensions the ${ATS_NAMES[options.system]} names map to (see hirekit roles)`);
    if (options.force && options.out === undefined) throw new UsageError('--force goes with --out: it replaces an existing mapping file');
    return;
  }
  if (options.out !== undefined) throw new UsageError('--out goes with --init-mapping (where to write the drafted mapping); imported scorecards go into the workspace');
  if (options.force) throw new UsageError('--force goes with --init-mapping --out; an import never overwrites a scorecard');
  if (options.mapping === undefined) {
    throw new UsageError(`--mapping FILE is required: it says which stage and dimension each ${ATS_NAMES[options.system]} name is. Draft one with: hirekit import ${options.system} ${options.file} --role ROLE --init-mapping --out mapping.yaml`);
  }
}

async function initMapping(options: ImportOptions, rubrics: string[], ctx: ImportContext): Promise<ImportResult> {
  const scorecards = await readExport(options.system, options.file, ctx.cwd);
  const { rubric } = await findRubric(options.role!, { rubrics, env: ctx.env });
  const draft = draftMapping({ system: options.system, scorecards, rubric, file: path.basename(options.file), ...(options.candidate !== undefined ? { candidate: options.candidate.trim() } : {}) });
  const text = toYaml(draft.mapping, { header: draft.header, at: draft.comments });
  const left = draft.todo > 0 ? `${count(draft.todo, 'entry', 'entries')} marked ${UNFILLED} to fill in, then` : 'check the suggested entries, then';
  if (options.out === undefined) {
    ctx.stdout.write(text);
    ctx.stderr.write(`Drafted a mapping for ${rubric.role.id} from ${options.file}: ${left} save it and import with --mapping FILE.\n`);
    return { written: [], unchanged: [] };
  }
  const file = path.resolve(ctx.cwd, options.out);
  // A file there may hold the user's edits (as hirekit new, exit 2); a folder, a device or a link is refused
  // by the output writer, in its own words.
  if (!options.force && (await lstat(file).catch(() => undefined))?.isFile()) {
    throw new UsageError(`${options.out}: already exists and may hold your edits; choose another --out, or pass --force to replace it`);
  }
  await writeOutput(file, text, { stderr: ctx.stderr });
  ctx.stdout.write(`${file}\n`);
  ctx.stderr.write(`Drafted ${options.out} for ${rubric.role.id} from ${options.file}: ${left} run: hirekit import ${options.system} ${options.file} --mapping ${options.out}${options.system === 'lever' ? ` --candidate ${shellWord(options.candidate ?? 'NAME')}` : ''}\n`);
  return { written: [], unchanged: [], mappingFile: file };
}

interface WritePlan {
  toWrite: Array<{ file: string; planned: PlannedScorecard }>;
  /** `then`: what to do about it, said after the file (the amend command for a scorecard changed in the ATS). */
  unchanged: Array<{ file: string; why: string; then?: string }>;
  clashes: string[];
}

/**
 * What each planned scorecard meets in the workspace: nothing (write it), its own earlier import (leave it),
 * or another scorecard for the same stage and interviewer (a clash: refused, never overwritten).
 */
async function planWrites(
  workspace: string,
  planned: readonly PlannedScorecard[],
  ats: string,
  how: { nameOf: (dimension: string) => string; workspaceFlag: string | undefined },
): Promise<WritePlan> {
  // Every scorecard of the workspace, read once: an ATS scorecard imported before is found wherever the
  // mapping of the day put it (another stage, another spelling of the candidate), so it is never imported twice.
  const everything = await readWorkspaceScorecards(workspace);
  const byFile = new Map<string, StoredScorecard>();
  const byImport = new Map<string, StoredScorecard>();
  for (const { scorecards } of everything) {
    for (const stored of scorecards) {
      byFile.set(stored.file, stored);
      const source = importOf(stored.scorecard);
      if (source) byImport.set(`${source.system}\u0000${source.scorecard_id}`, stored);
    }
  }
  const plan: WritePlan = { toWrite: [], unchanged: [], clashes: [] };
  for (const p of planned) {
    const { scorecard, ats: card } = p;
    const slug = scorecard.candidate.slug;
    const file = scorecardPath(workspace, slug, scorecard.stage, scorecard.interviewer.slug);
    const earlier = byImport.get(`${card.system}\u0000${card.id}`);
    if (earlier) {
      const change = changeNote(earlier.scorecard, p, ats, how);
      plan.unchanged.push({ file: earlier.file, why: `${formatJsonPath(card.path)}: ${ats} scorecard ${card.id} was already imported${change.note}`, ...(change.then ? { then: change.then } : {}) });
      continue;
    }
    try {
      await ensureCandidate(workspace, slug, scorecard.candidate.name, scorecard.rubric.id, { check: true });
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      plan.clashes.push(`${error.message} (${ats} scorecard ${card.id} at ${formatJsonPath(card.path)})`);
      continue;
    }
    const there = byFile.get(file);
    if (there) {
      plan.clashes.push(clashLine(file, there.scorecard, p, ats));
      continue;
    }
    plan.toWrite.push({ file, planned: p });
  }
  return plan;
}

/**
 * When the ATS says its scorecard changed after the import: what importing it today would bring (compared
 * with the answers as first imported), and the command that takes it in as an amendment with a reason.
 * The scorecard itself is never replaced by an import: it may have been read, debriefed or decided on.
 */
function changeNote(
  existing: Scorecard,
  planned: PlannedScorecard,
  ats: string,
  how: { nameOf: (dimension: string) => string; workspaceFlag: string | undefined },
): { note: string; then?: string } {
  const source = importOf(existing);
  const updated = planned.ats.updatedAt;
  if (updated === undefined || source?.updated_at === undefined || updated === source.updated_at) return { note: '' };
  const changes = answerChanges(answersAsImported(existing), planned.scorecard, how.nameOf);
  const when = `it changed in ${ats} since, on ${updated.slice(0, 10)}`;
  if (changes.length === 0) return { note: ` (${when}, in nothing hirekit imports)` };
  const shown = changes.length > 4 ? [...changes.slice(0, 4), `${changes.length - 4} more`] : changes;
  const amended = changedSinceImport(existing) ? '; it was also amended in hirekit since the import (see its audit trail)' : '';
  const command = [
    'hirekit',
    ...(how.workspaceFlag !== undefined ? ['-w', shellWord(how.workspaceFlag)] : []),
    'score',
    existing.rubric.id,
    '--candidate',
    shellWord(existing.candidate.name),
    '--stage',
    existing.stage,
    '--interviewer',
    shellWord(existing.interviewer.name),
    '--amend',
    '--reason',
    shellWord(`${ats} scorecard ${planned.ats.id} changed on ${updated.slice(0, 10)}`),
  ].join(' ');
  return { note: ` (${when}: ${shown.join(', ')}${amended})`, then: `to take the change, amend it: ${command}` };
}

function clashLine(file: string, existing: Scorecard, planned: PlannedScorecard, ats: string): string {
  const source = importOf(existing);
  const made = source ? `imported from ${ATS_NAMES[source.system]} scorecard ${source.scorecard_id}` : `made in hirekit (${existing.status})`;
  return `${file}: already holds ${existing.interviewer.name}'s ${existing.stage} scorecard for ${existing.candidate.name}, ${made}; ${ats} scorecard ${planned.ats.id} (${formatJsonPath(planned.ats.path)}) is for the same stage and interviewer`;
}

function describe(planned: PlannedScorecard, ats: string): string {
  const { scorecard } = planned;
  const bare = planned.withoutEvidence > 0 ? `, ${planned.withoutEvidence} without evidence` : '';
  return `${ats} scorecard ${planned.ats.id}: ${scorecard.candidate.name}, stage ${scorecard.stage}, by ${scorecard.interviewer.name} (${count(scorecard.ratings.length, 'rating')}${bare})`;
}

/** A word as a POSIX shell reads it back: quoted when it holds anything but plain characters. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/u.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
