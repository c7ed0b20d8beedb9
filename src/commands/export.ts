// `hirekit export`: the workspace's submitted scorecards (one row per scorecard and dimension) or its
// debriefs (one row per candidate) as CSV for a spreadsheet or JSON for a script, on stdout or into --out.
import { buildDebrief } from '../core/debrief.js';
import { DEBRIEF_COLUMNS, EXPORT_FORMAT, SCORECARD_COLUMNS, debriefRow, neutraliseFormula, scorecardRows, type ExportRow, type ExportSubject } from '../core/export.js';
import type { Rubric } from '../core/rubric.js';
import { defaultOutputName, outputFile, planOutput, writeOutput } from '../io/output.js';
import { findRubric } from '../io/rubrics.js';
import { checkWorkspaceFolder, listCandidates, readCandidateScorecards, resolveWorkspace, type CandidateEntry, type StoredScorecard } from '../io/workspace.js';
import type { CommandContext } from './context.js';
import { EXPORT_FORMATS, type ExportFormat, type GlobalOptions } from './options.js';

export interface ExportOptions extends GlobalOptions {
  format?: ExportFormat;
  what: ExportSubject;
  out?: string;
  /** Only candidates for this role. */
  role?: string;
}

type ExportContext = Pick<CommandContext, 'cwd' | 'env' | 'now' | 'stdout' | 'stderr'>;

export interface ExportResult {
  format: ExportFormat;
  rows: ExportRow[];
  file?: string;
}

/** The export quotes interviewers' evidence about people: a file is private to the user (0600). */
const PRIVATE = 0o600;

export async function runExport(options: ExportOptions, ctx: ExportContext): Promise<ExportResult> {
  const plan = await planOutput({ command: 'export', formats: EXPORT_FORMATS, format: options.format, out: options.out, cwd: ctx.cwd, fallback: 'csv' });
  const workspace = resolveWorkspace(options.workspace, ctx.env, ctx.cwd);
  await checkWorkspaceFolder(workspace);

  const candidates: Array<{ entry: CandidateEntry; stored: StoredScorecard[] }> = [];
  for (const entry of await listCandidates(workspace)) {
    const stored = await readCandidateScorecards(workspace, entry.slug);
    const role = roleOf(entry, stored);
    if (options.role !== undefined && role !== options.role) continue;
    candidates.push({ entry, stored });
  }

  const rows = options.what === 'scorecards' ? scorecardRows(candidates.flatMap((c) => c.stored.map((s) => s.scorecard))) : await debriefRows(candidates, options, ctx);
  const columns = options.what === 'scorecards' ? SCORECARD_COLUMNS : DEBRIEF_COLUMNS;
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

function roleOf(entry: CandidateEntry, stored: readonly StoredScorecard[]): string | undefined {
  return entry.role ?? stored[0]?.scorecard.rubric.id;
}

async function debriefRows(candidates: ReadonlyArray<{ entry: CandidateEntry; stored: StoredScorecard[] }>, options: ExportOptions, ctx: ExportContext): Promise<ExportRow[]> {
  const rubrics = new Map<string, { rubric: Rubric; hash: string }>();
  const rows: ExportRow[] = [];
  for (const { entry, stored } of candidates) {
    const role = roleOf(entry, stored);
    if (role === undefined || !stored.some((s) => s.scorecard.status === 'submitted')) {
      ctx.stderr.write(`hirekit: ${entry.name} has no submitted scorecard yet; left out of the export\n`);
      continue;
    }
    let found = rubrics.get(role);
    if (!found) {
      found = await findRubric(role, { rubrics: options.rubrics, env: ctx.env });
      rubrics.set(role, found);
    }
    const debrief = buildDebrief({ rubric: found.rubric, rubricHash: found.hash, candidate: { name: entry.name, slug: entry.slug }, scorecards: stored, now: ctx.now() });
    for (const w of debrief.warnings) ctx.stderr.write(`hirekit: warning: ${w.message}\n`);
    rows.push(debriefRow(debrief));
  }
  return rows;
}

/** RFC 4180 (CRLF, quotes doubled), UTF-8 with a byte-order mark so spreadsheets read "Zoë Łukasz". */
async function toCsv(rows: readonly ExportRow[], columns: readonly string[]): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  return stringify(
    rows.map((row) => columns.map((c) => neutraliseFormula(row[c] ?? null))),
    { bom: true, header: true, columns: [...columns], record_delimiter: 'windows', cast: { number: (n) => String(n) } },
  );
}

function toJson(rows: readonly ExportRow[], what: ExportSubject, now: Date): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, what, generated_at: now.toISOString(), rows }, null, 2)}\n`;
}
