import type { CommandContext } from './context.js';
import type { GlobalOptions } from './options.js';
import { CheckFailed, DataError } from '../errors.js';
import { expandPaths, loadRubricFile, rubricFolders, unreadable, yamlFilesIn, type RubricReport } from '../io/rubrics.js';
import { formatLocated } from '../io/yaml-file.js';

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
}

export async function validateRubrics(options: ValidateOptions, env: CommandContext['env']): Promise<ValidateResult> {
  const files =
    options.paths.length > 0
      ? await expandPaths(options.paths)
      : (await Promise.all(rubricFolders({ rubrics: options.rubrics, env }).map((f) => yamlFilesIn(f.dir)))).flat();
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
  return { ok: errorCount === 0 && !(options.strict && warningCount > 0), strict: options.strict, files: reports, errorCount, warningCount };
}

export async function runValidate(options: ValidateOptions, ctx: Pick<CommandContext, 'env' | 'stdout' | 'stderr'>): Promise<ValidateResult> {
  const result = await validateRubrics(options, ctx.env);
  if (options.json) {
    ctx.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    for (const report of result.files) {
      for (const finding of [...report.errors, ...report.warnings].sort((a, b) => a.line - b.line || a.col - b.col)) {
        ctx.stderr.write(`${formatLocated(finding)}\n`);
      }
    }
    const fileCount = result.files.length;
    const verdict = result.ok ? 'ok' : 'FAILED';
    const strictNote = options.strict && result.warningCount > 0 ? ' (warnings fail under --strict)' : '';
    ctx.stdout.write(
      `${verdict}: ${fileCount} rubric file${fileCount === 1 ? '' : 's'} checked, ${result.errorCount} error${result.errorCount === 1 ? '' : 's'}, ${result.warningCount} warning${result.warningCount === 1 ? '' : 's'}${strictNote}\n`,
    );
  }
  if (result.files.length === 0) throw new DataError('no rubric files found; pass a .yaml file or a folder that holds some');
  if (!result.ok) throw new CheckFailed();
  return result;
}
