// `hirekit export`: the workspace's submitted scorecards (one row per scorecard and dimension), its debriefs
// (one row per candidate, with the committee's decision once recorded) or the calibration of its panel, as
// CSV for a spreadsheet or JSON for a script, on stdout or into --out.
import { buildDebrief } from '../core/debrief.js';
import {
  DEBRIEF_COLUMNS,
  EXPORT_FORMAT,
  SCORECARD_COLUMNS,
  calibrationColumns,
  calibrationRows,
  debriefRow,
  neutraliseFormula,
  scorecardRows,
  type ExportRow,
  type ExportSubject,
} from '../core/export.js';
import type { Rubric } from '../core/rubric.js';
import { stripTerminalControls } from '../core/text-safety.js';
import { UsageError } from '../errors.js';
import { decisionPath, loadDecision } from '../io/decision-store.js';
import { defaultOutputName, outputFile, planOutput, writeOutput } from '../io/output.js';
import { findRubric } from '../io/rubrics.js';
import { readWorkspaceScorecards, requireWorkspace, resolveWorkspace, type CandidateEntry, type StoredScorecard } from '../io/workspace.js';
import type { CommandContext } from './context.js';
import { EXPORT_FORMATS, type ExportFormat, type GlobalOptions } from './options.js';
import { progressOn } from './progress.js';

export interface ExportOptions extends GlobalOptions {
  format?: ExportFormat;
  what: ExportSubject;
  out?: string;
  /** Only candidates for this role. */
  role?: string;
  /** --what calibration: only scorecards first submitted on or after this date (as `calibrate --since`). */
  since?: string;
}

type ExportContext = Pick<CommandContext, 'cwd' | 'env' | 'now' | 'stdout' | 'stderr' | 'stderrIsTTY' | 'columns'>;

export interface ExportResult {
  format: ExportFormat;
  rows: ExportRow[];
  file?: string;
}

/** The export quotes interviewers' evidence about people: a file is private to the user (0600). */
const PRIVATE = 0o600;

export async function runExport(options: ExportOptions, ctx: ExportContext): Promise<ExportResult> {
  const plan = await planOutput({ command: 'export', formats: EXPORT_FORMATS, format: options.format, out: options.out, cwd: ctx.cwd, fallback: 'csv' });
  const table = options.what === 'calibration' ? await calibrationTable(options, ctx) : await candidateTable(options, ctx);
  // Every row has every column (null where its scope has no value), in the order of the CSV header.
  const columns = table.columns;
  const rows = table.rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
  const content = plan.format === 'csv' ? await toCsv(rows, columns) : toJson(rows, options.what, ctx.now());

  const file = outputFile(plan, defaultOutputName(['hirekit', options.what], plan.format));
  if (file === undefined) {
    ctx.stdout.write(content);
    return { format: plan.format, rows };
  }
  await writeOutput(file, content, { mode: PRIVATE, stderr: ctx.stderr });
  ctx.stdout.write(`${file}\n`);
  return { format: plan.format, rows, file };
}

interface Table {
  rows: ExportRow[];
  columns: readonly string[];
}

/** The same numbers `hirekit calibrate` reports, over the same scorecards (--role, --since). */
async function calibrationTable(options: ExportOptions, ctx: ExportContext): Promise<Table> {
  const { gatherCalibration } = await import('./calibrate.js');
  const { rubrics, workspace, role, since } = options;
  const { calibration } = await gatherCalibration({ rubrics, ...(workspace ? { workspace } : {}), ...(role ? { role } : {}), ...(since ? { since } : {}) }, ctx);
  return { rows: calibrationRows(calibration), columns: calibrationColumns(calibration) };
}

async function candidateTable(options: ExportOptions, ctx: ExportContext): Promise<Table> {
  if (options.since !== undefined) throw new UsageError(`--since applies to --what calibration only; scorecards and debriefs are exported whole`);
  // A misspelt role fails before the workspace is read, as in calibrate: never an empty export.
  if (options.role !== undefined) await findRubric(options.role, { rubrics: options.rubrics, env: ctx.env });
  const workspace = resolveWorkspace(options.workspace, ctx.env, ctx.cwd);
  // A path that holds no workspace is a mistake to report, never an empty export.
  await requireWorkspace(workspace);

  // Every folder read once (never looked up one by one: that grows with the square of the candidates).
  const progress = progressOn(ctx, 0);
  let read: Awaited<ReturnType<typeof readWorkspaceScorecards>>;
  try {
    read = await readWorkspaceScorecards(workspace, (done, total) => progress.say(`[${done}/${total}] reading scorecards`));
  } finally {
    progress.clear();
  }
  const candidates = read
    .map(({ candidate, scorecards }) => ({ entry: candidate, stored: scorecards }))
    .filter(({ entry, stored }) => options.role === undefined || roleOf(entry, stored) === options.role);

  if (options.what === 'scorecards') {
    // As status and debrief do: a submitted scorecard changed by hand is exported, and said so.
    for (const { file } of candidates.flatMap((c) => c.stored).filter((s) => s.integrity === 'edited')) {
      ctx.stderr.write(stripTerminalControls(`hirekit: warning: ${file}: no longer matches the digest it was submitted with; it was edited outside hirekit\n`));
    }
    return { rows: scorecardRows(candidates.flatMap((c) => c.stored.map((s) => s.scorecard))), columns: SCORECARD_COLUMNS };
  }
  return { rows: await debriefRows(workspace, candidates, options, ctx), columns: DEBRIEF_COLUMNS };
}

function roleOf(entry: CandidateEntry, stored: readonly StoredScorecard[]): string | undefined {
  return entry.role ?? stored[0]?.scorecard.rubric.id;
}

async function debriefRows(workspace: string, candidates: ReadonlyArray<{ entry: CandidateEntry; stored: StoredScorecard[] }>, options: ExportOptions, ctx: ExportContext): Promise<ExportRow[]> {
  const rubrics = new Map<string, { rubric: Rubric; hash: string }>();
  const rows: ExportRow[] = [];
  for (const { entry, stored } of candidates) {
    const role = roleOf(entry, stored);
    if (role === undefined || !stored.some((s) => s.scorecard.status === 'submitted')) {
      ctx.stderr.write(stripTerminalControls(`hirekit: ${entry.name} has no submitted scorecard yet; left out of the export\n`));
      continue;
    }
    let found = rubrics.get(role);
    if (!found) {
      found = await findRubric(role, { rubrics: options.rubrics, env: ctx.env });
      rubrics.set(role, found);
    }
    // The committee's submitted decision, when there is one, as `hirekit debrief` shows it.
    const decision = await loadDecision(decisionPath(workspace, entry.slug));
    const debrief = buildDebrief({ rubric: found.rubric, rubricHash: found.hash, candidate: { name: entry.name, slug: entry.slug }, scorecards: stored, now: ctx.now(), ...(decision ? { decision } : {}) });
    for (const w of debrief.warnings) ctx.stderr.write(stripTerminalControls(`hirekit: warning: ${w.message}\n`));
    rows.push(debriefRow(debrief));
  }
  return rows;
}

/** RFC 4180 (CRLF, quotes doubled), UTF-8 with a byte-order mark so spreadsheets read "Zoë Łukasz". */
export async function toCsv(rows: readonly ExportRow[], columns: readonly string[]): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  return stringify(
    rows.map((row) => columns.map((c) => neutraliseFormula(row[c] ?? null))),
    { bom: true, header: true, columns: [...columns], record_delimiter: 'windows', cast: { number: (n) => String(n) } },
  );
}

function toJson(rows: readonly ExportRow[], what: ExportSubject, now: Date): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, what, generated_at: now.toISOString(), rows }, null, 2)}\n`;
}
