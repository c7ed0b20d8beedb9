// STYLE.md habit 11: layers point one way (core <- io / render / prompts <- commands <- cli <- main), no cycles.
// The rules live in .dependency-cruiser.mjs; this test runs them over src/ and over a planted tree that breaks
// each one, so the check is known to fail when an arrow points back up.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { layerViolations } from '../helpers/layers.js';

describe('layers', () => {
  it('src/ has no upward import and no cycle', async () => {
    const violations = await layerViolations(ROOT);
    expect(violations, `layer violations:\n${violations.join('\n')}`).toEqual([]);
  });
});

describe('the layer check on a planted tree', () => {
  const { dir, cleanup } = tempDir('hirekit-layers-');
  afterAll(cleanup);
  const plant = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  plant('src/main.ts', "import { buildProgram } from './cli.js';\nbuildProgram();\n");
  plant('src/cli.ts', "export function buildProgram() {\n  return import('./commands/decide.js');\n}\n");
  plant('src/errors.ts', 'export class DataError extends Error {}\n');
  plant('src/core/rubric.ts', 'export interface Rubric { id: string }\n');
  plant('src/io/store.ts', "import type { Rubric } from '../core/rubric.js';\nimport { DataError } from '../errors.js';\nexport const load = (r: Rubric) => { if (!r) throw new DataError(); return r; };\n");
  plant('src/render/view.ts', "import type { Rubric } from '../core/rubric.js';\nexport const view = (r: Rubric) => r.id;\n");
  plant('src/prompts/adapter.ts', "import type { Rubric } from '../core/rubric.js';\nexport type Ask = (r: Rubric) => string;\n");
  plant('src/commands/decide.ts', "import { load } from '../io/store.js';\nimport { view } from '../render/view.js';\nimport type { Ask } from '../prompts/adapter.js';\nexport const run = (ask: Ask) => view(load({ id: ask({ id: 'x' }) }));\n");

  it('passes a tree that keeps the layers', async () => {
    expect(await layerViolations(dir)).toEqual([]);
  });

  it('names the file, line and import of each upward arrow, cycle and unresolved import', async () => {
    plant('src/core/scoring.ts', "import { DataError } from '../errors.js';\nimport { load } from '../io/store.js';\nexport const score = () => [DataError, load];\n");
    plant('src/core/debrief.ts', "import type { Policy } from './policy.js';\nexport type Debrief = { policy: Policy };\n");
    plant('src/core/policy.ts', "import type { Debrief } from './debrief.js';\nexport type Policy = { of?: Debrief };\n");
    plant('src/io/pack-file.ts', "import { view } from '../render/view.js';\nexport const save = () => view({ id: 'x' });\n");
    plant('src/render/pdf.ts', "import { load } from '../io/store.js';\nimport type { Ask } from '../prompts/adapter.js';\nexport const pdf = (a: Ask) => load({ id: a({ id: 'y' }) });\n");
    plant('src/prompts/inquirer.ts', "export async function ask() {\n  const { run } = await import('../commands/decide.js');\n  return run;\n}\n");
    plant('src/commands/options.ts', "import type { Rubric } from '../core/rubric.js';\nexport type GlobalOptions = { rubric?: Rubric };\n");
    plant('src/commands/show.ts', "import type { GlobalOptions } from '../cli.js';\nexport const show = (o: GlobalOptions) => o;\n");
    plant('src/errors.ts', "import type { Rubric } from './core/rubric.js';\nexport class DataError extends Error { rubric?: Rubric }\n");
    plant('src/commands/restart.ts', "import '../main.js';\n");
    plant('src/commands/typo.ts', "export { run } from './decde.js';\n");

    const violations = await layerViolations(dir);
    const expected = [
      "src/core/scoring.ts:1 imports '../errors.js' (src/errors.ts): core-imports-only-core",
      "src/core/scoring.ts:2 imports '../io/store.js' (src/io/store.ts): core-imports-only-core",
      "src/core/debrief.ts:1 imports './policy.js' (src/core/policy.ts): no-cycles",
      "src/io/pack-file.ts:1 imports '../render/view.js' (src/render/view.ts): io-imports-only-core",
      "src/render/pdf.ts:1 imports '../io/store.js' (src/io/store.ts): render-imports-only-core",
      "src/render/pdf.ts:2 imports '../prompts/adapter.js' (src/prompts/adapter.ts): render-imports-only-core",
      "src/prompts/inquirer.ts:2 imports '../commands/decide.js' (src/commands/decide.ts): prompts-import-nothing-above",
      "src/commands/show.ts:1 imports '../cli.js' (src/cli.ts): only-main-imports-cli",
      "src/errors.ts:1 imports './core/rubric.js' (src/core/rubric.ts): errors-is-a-leaf",
      "src/commands/restart.ts:1 imports '../main.js' (src/main.ts): nothing-imports-main",
      "src/commands/typo.ts:1 imports './decde.js' (./decde.js): relative-imports-resolve",
    ];
    for (const line of expected) expect(violations.some((v) => v.startsWith(line)), `${line}\nnot in:\n${violations.join('\n')}`).toBe(true);
    expect(violations.find((v) => v.includes('no-cycles'))).toMatch(/cycle: src\/core\/(debrief|policy)\.ts -> src\/core\/(policy|debrief)\.ts -> src\/core\/(debrief|policy)\.ts/);
  });
});
