import type { CommandContext } from './context.js';
import type { GlobalOptions } from './options.js';
import { CheckFailed, DataError } from '../errors.js';
import { expandPaths, loadRubricFile, rubricFolders, unreadable, yamlFilesIn, type RubricReport } from '../io/rubrics.js';
import { MAX_REPORTED, byPlace, formatLocated } from '../io/yaml-file.js';

export interface ValidateOptions extends GlobalOptions {
  paths: string[];
  strict: boolean;
  json: boolean;
}

export interface ValidateResult {
  ok: boolean;
  strict: boolean;
  files: Array<Omit<RubricReport, 'loaded'> & { role?: string }>;
  errorCount: number;
  warningCount: number;
  /** Folders given on the command line that hold no .yaml or .yml file. */
  emptyFolders: string[];
}

export async function validateRubrics(options: ValidateOptions, env: CommandContext['env']): Promise<ValidateResult> {
  const { files, emptyFolders } =
    options.paths.length > 0
      ? await expandPaths(options.paths)
      : { files: (await Promise.all(rubricFolders({ rubrics: options.rubrics, env }).map((f) => yamlFilesIn(f.dir)))).flat(), emptyFolders: [] };
  const reports: ValidateResult['files'] = [];
  for (const file of files) {
    let report: RubricReport;
    try {
      report = await loadRubricFile(file);
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      report = { file, origin: 'user', errors: [unreadable(file, error)], warnings: [] };
    }
    const { loaded, ...rest } = report;
    reports.push({ ...rest, ...(loaded ? { role: loaded.rubric.role.id } : {}) });
  }
  const errorCount = reports.reduce((n, r) => n + r.errors.length, 0);
  const warningCount = reports.reduce((n, r) => n + r.warnings.length, 0);
  const ok = errorCount === 0 && emptyFolders.length === 0 && !(options.strict && warningCount > 0);
  return { ok, strict: options.strict, files: reports, errorCount, warningCount, emptyFolders };
}

export async function runValidate(options: ValidateOptions, ctx: Pick<CommandContext, 'env' | 'stdout' | 'stderr'>): Promise<ValidateResult> {
  const result = await validateRubrics(options, ctx.env);
  if (options.json) {
    ctx.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    for (const report of result.files) {
      const findings = [...report.errors, ...report.warnings].sort(byPlace);
      for (const finding of findings.slice(0, MAX_REPORTED)) ctx.stderr.write(`${formatLocated(finding)}\n`);
      const more = findings.length - MAX_REPORTED;
      if (more > 0) ctx.stderr.write(`${report.file}: and ${more} more problem${more === 1 ? '' : 's'} (${findings.length} in all; --json lists every one)\n`);
    }
    const fileCount = result.files.length;
    const verdict = result.ok ? 'ok' : 'FAILED';
    const strictNote = options.strict && result.warningCount > 0 ? ' (warnings fail under --strict)' : '';
    ctx.stdout.write(
      `${verdict}: ${fileCount} rubric file${fileCount === 1 ? '' : 's'} checked, ${result.errorCount} error${result.errorCount === 1 ? '' : 's'}, ${result.warningCount} warning${result.warningCount === 1 ? '' : 's'}${strictNote}\n`,
    );
  }
  const [firstEmpty, ...moreEmpty] = result.emptyFolders;
  if (firstEmpty !== undefined) {
    const named = moreEmpty.length === 0 ? `${firstEmpty} holds` : `${[firstEmpty, ...moreEmpty].join(', ')} hold`;
    throw new DataError(`${named} no rubric files (.yaml or .yml); pass a folder of rubrics or a .yaml file`);
  }
  if (result.files.length === 0) throw new DataError('no rubric files found; pass a .yaml file or a folder that holds some');
  if (!result.ok) throw new CheckFailed();
  return result;
}
