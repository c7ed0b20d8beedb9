// Runs the layer rules of .dependency-cruiser.mjs over a source tree and words each broken rule as one line
// naming the importing file, the line and the import as written, so a failing test says what to move.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { ROOT } from './cli.js';

export const LAYER_RULES = path.join(ROOT, '.dependency-cruiser.mjs');

/** Every arrow in `baseDir`/src that breaks a layer rule, one line each; empty when the layers hold. */
export async function layerViolations(baseDir: string): Promise<string[]> {
  const options = await extractDepcruiseOptions(LAYER_RULES);
  const { output } = await cruise(['src'], { ...options, baseDir, validate: true });
  if (typeof output === 'string') throw new Error('dependency-cruiser returned text instead of a cruise result');
  return output.summary.violations.map((violation) => describe(violation, output, baseDir));
}

function describe(violation: IViolation, result: ICruiseResult, baseDir: string): string {
  const rule = result.summary.ruleSetUsed?.forbidden?.find((r) => r.name === violation.rule.name);
  const why = rule?.comment ? ` (${rule.comment})` : '';
  const specifier = violation.unresolvedTo ?? importedAs(result, violation.from, violation.to) ?? violation.to;
  const where = `${violation.from}${lineOf(path.join(baseDir, violation.from), specifier)}`;
  const cycle = violation.cycle?.length ? `; cycle: ${[violation.from, ...violation.cycle.map((step) => step.name)].join(' -> ')}` : '';
  return `${where} imports '${specifier}' (${violation.to}): ${violation.rule.name}${why}${cycle}`;
}

function importedAs(result: ICruiseResult, from: string, to: string): string | undefined {
  return result.modules.find((m) => m.source === from)?.dependencies.find((d) => d.resolved === to)?.module;
}

function lineOf(file: string, specifier: string): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(`'${specifier}'`) || line.includes(`"${specifier}"`));
  return index === -1 ? '' : `:${index + 1}`;
}
