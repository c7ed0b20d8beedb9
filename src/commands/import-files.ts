// Reading what `hirekit import` is given: the ATS export (JSON, located errors) and the mapping (YAML, through
// the one loader, checked against the rubric).
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DataError, UsageError } from '../errors.js';
import { readGreenhouse } from '../core/import/greenhouse.js';
import { parseJson } from '../core/import/json-text.js';
import { readLever } from '../core/import/lever.js';
import { checkMapping, ImportMapping } from '../core/import/mapping.js';
import { formatJsonPath, type AtsScorecard, type AtsSystem, type ImportProblem } from '../core/import/model.js';
import { ATS_NAMES } from '../core/scorecard.js';
import { stripTerminalControls } from '../core/text-safety.js';
import { fsErrorCode, fsReason } from '../io/fs-error.js';
import { findRubric, type LoadedRubric } from '../io/rubrics.js';
import { addFindings, loadYaml, MAX_REPORTED, problemsMessage } from '../io/yaml-file.js';

/** An ATS export of a whole organisation's scorecards runs to tens of megabytes; past this it is not one. */
export const MAX_EXPORT_BYTES = 64 * 1024 * 1024;

/** Reads and checks an ATS export; every problem is one line naming the file and the path inside the JSON. */
export async function readExport(system: AtsSystem, file: string, cwd: string): Promise<AtsScorecard[]> {
  const full = path.resolve(cwd, file);
  const info = await stat(full).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new DataError(`${file}: no such file; check the path`);
    throw new DataError(`${file}: cannot be read (${fsReason(error.code ?? 'unknown error')}); check its permissions`);
  });
  if (info.isDirectory()) throw new DataError(`${file}: is a folder; pass the JSON file ${ATS_NAMES[system]} exported`);
  if (!info.isFile()) throw new DataError(`${file}: is not a regular file; pass the JSON file ${ATS_NAMES[system]} exported`);
  if (info.size > MAX_EXPORT_BYTES) throw new DataError(`${file}: is ${(info.size / 1024 / 1024).toFixed(0)} MiB; an export may be at most ${MAX_EXPORT_BYTES / 1024 / 1024} MiB, so split it (by date or by job)`);
  // stat needs no read permission: a file the user may not read fails only here.
  const bytes = await readFile(full).catch((error: unknown) => {
    throw new DataError(`${file}: cannot be read (${fsReason(fsErrorCode(error) ?? 'unknown error')}); check its permissions`);
  });
  if (bytes.includes(0)) throw new DataError(`${file}: looks like a binary file, not the JSON ${ATS_NAMES[system]} exported`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DataError(`${file}: is not valid UTF-8 text; export it again as JSON (UTF-8)`);
  }
  const parsed = parseJson(text);
  if (!('value' in parsed)) throw new DataError(`${file}:${parsed.line}:${parsed.col}  not valid JSON: ${parsed.message}`);
  const readAs = (ats: AtsSystem) => (ats === 'greenhouse' ? readGreenhouse(parsed.value) : readLever(parsed.value));
  const read = readAs(system);
  if (read.scorecards) return read.scorecards;
  // The other ATS's export, named on the wrong command: one line saying so, not every field it lacks.
  const other: AtsSystem = system === 'greenhouse' ? 'lever' : 'greenhouse';
  if (readAs(other).scorecards) {
    throw new UsageError(`${file}: is ${ATS_NAMES[other]}'s export, not ${ATS_NAMES[system]}'s; import it with hirekit import ${other} (and a ${ATS_NAMES[other]} mapping)`);
  }
  throw new DataError(problemLines(file, read.problems));
}

/** One line per problem (at most MAX_REPORTED, then how many more), then the count when there are several. */
export function problemLines(file: string, problems: readonly ImportProblem[], advice = ''): string {
  const lines = problems.slice(0, MAX_REPORTED).map((p) => stripTerminalControls(`${file}: ${formatJsonPath(p.path)}: ${p.message}`).replace(/\n/g, ' '));
  const more = problems.length - lines.length;
  if (more > 0) lines.push(`${file}: and ${more} more problem${more === 1 ? '' : 's'} (${problems.length} in all)`);
  else if (problems.length > 1) lines.push(`${file}: ${problems.length} problems`);
  if (advice && lines.length > 0) lines[lines.length - 1] += `; ${advice}`;
  return lines.join('\n');
}

export interface LoadedMapping {
  mapping: ImportMapping;
  loaded: LoadedRubric;
}

/** Reads the mapping, checks it is for this ATS (and --role, when given), then checks it against its rubric. */
export async function readMapping(file: string, system: AtsSystem, role: string | undefined, search: { rubrics: string[]; env: Readonly<Record<string, string | undefined>> }, cwd: string): Promise<LoadedMapping> {
  const check = await loadYaml(file, ImportMapping, { what: 'import mapping', empty: 'the mapping is empty; draft one with hirekit import ... --init-mapping' }, cwd);
  const advice = 'fix the mapping (hirekit import --help shows its sections)';
  if (check.errors.length > 0 || !check.value) throw new DataError(problemsMessage(file, check.errors, advice));
  const mapping = check.value;
  if (mapping.source !== system) {
    throw new UsageError(`${file}: is a mapping for ${ATS_NAMES[mapping.source]} (source: ${mapping.source}), not ${ATS_NAMES[system]}; use hirekit import ${mapping.source} ..., or draft a ${system} mapping with --init-mapping`);
  }
  if (role !== undefined && role !== mapping.role) {
    throw new UsageError(`${file}: maps to role ${mapping.role}, but --role is ${role}; leave --role out (the mapping names the role) or use a mapping for ${role}`);
  }
  let loaded: LoadedRubric;
  try {
    loaded = await findRubric(mapping.role, { rubrics: search.rubrics, env: search.env });
  } catch (error) {
    // A misspelt role in the mapping is the mapping's problem: named at its line, with the known roles.
    if (!(error instanceof UsageError)) throw error;
    addFindings(check, [{ severity: 'error', code: 'unknown-role', path: ['role'], message: `role: ${error.message}` }]);
    throw new DataError(problemsMessage(file, check.errors, advice));
  }
  addFindings(check, checkMapping(mapping, loaded.rubric));
  if (check.errors.length > 0) throw new DataError(problemsMessage(file, check.errors, advice));
  return { mapping, loaded };
}
