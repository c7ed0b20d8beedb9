// `hirekit import` in-process: progress on stderr only when it is a terminal, and the flags that go together.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src/commands/import.js';
import { CLEAR_LINE } from '../../src/core/text-safety.js';
import { DataError, UsageError } from '../../src/errors.js';
import { FIXTURES } from '../helpers/cli.js';
import { fakeContext } from '../helpers/context.js';

const GH = path.join(FIXTURES, 'import', 'greenhouse-scorecards.json');
const GH_MAP = path.join(FIXTURES, 'import', 'greenhouse-mapping.yaml');
const dirs: string[] = [];
const workspace = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hirekit-import-unit-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('runImport', () => {
  it('shows [i/n] progress on a terminal, cleared before each path goes to stdout', async () => {
    const ctx = fakeContext({ stderrIsTTY: true, columns: 80 });
    const result = await runImport({ system: 'greenhouse', file: GH, mapping: GH_MAP, rubrics: [], workspace: workspace() }, ctx);
    expect(result.written).toHaveLength(2);
    expect(ctx.err()).toContain(`${CLEAR_LINE}[1/2] Zoë Łukasz: hiring-manager-screen, Ana Ruiz`);
    expect(ctx.err()).toContain(`${CLEAR_LINE}[2/2] Zoë Łukasz: production-ml-deep-dive, Wei Zhang (张伟)`);
    expect(ctx.out().split('\n').filter(Boolean)).toEqual(result.written);
  });

  it('names a misspelt role in the mapping at its line, with the nearest known role', async () => {
    const dir = workspace();
    const mapping = path.join(dir, 'map.yaml');
    writeFileSync(mapping, readFileSync(GH_MAP, 'utf8').replace(/^role: head-of-ml$/m, 'role: head-of-mll'));
    const line = readFileSync(mapping, 'utf8').split('\n').findIndex((l) => l === 'role: head-of-mll') + 1;
    expect(line).toBeGreaterThan(0);
    const run = runImport({ system: 'greenhouse', file: GH, mapping, rubrics: [], workspace: path.join(dir, 'ws') }, fakeContext());
    await expect(run).rejects.toThrow(DataError);
    await expect(run).rejects.toThrow(`${mapping}:${line}:7  role: unknown role 'head-of-mll'; did you mean 'head-of-ml'?`);
  });

  it('shows no progress when stderr is not a terminal', async () => {
    const ctx = fakeContext({ stderrIsTTY: false });
    await runImport({ system: 'greenhouse', file: GH, mapping: GH_MAP, rubrics: [], workspace: workspace() }, ctx);
    expect(ctx.err()).not.toContain('[1/2]');
    expect(ctx.err()).not.toContain('\r');
  });

  it('refuses flags that do not go together, before reading anything', async () => {
    const ctx = fakeContext();
    const run = (options: Partial<Parameters<typeof runImport>[0]>) => runImport({ system: 'greenhouse', file: 'missing.json', rubrics: [], ...options }, ctx);
    await expect(run({ initMapping: true, mapping: 'm.yaml', role: 'head-of-ml' })).rejects.toThrow(UsageError);
    await expect(run({ initMapping: true, dryRun: true, role: 'head-of-ml' })).rejects.toThrow('--dry-run goes with --mapping');
    await expect(run({ mapping: 'm.yaml', out: 'x.yaml' })).rejects.toThrow('--out goes with --init-mapping');
    await expect(run({ mapping: 'm.yaml', force: true })).rejects.toThrow('an import never overwrites a scorecard');
    await expect(run({ mapping: 'm.yaml', candidate: 'Eve\u001b[2J' })).rejects.toThrow(/--candidate: .*terminal escape sequence/);
  });
});
