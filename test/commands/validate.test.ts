// validate names what it was given: a folder with no rubric file in it, and never more than 50 lines per file.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir('hirekit-validate-')));
afterAll(() => tmp.cleanup());

describe('hirekit validate', () => {
  it('names a folder that holds no rubric file', async () => {
    const empty = path.join(tmp.dir, 'empty');
    mkdirSync(empty);
    writeFileSync(path.join(empty, 'notes.txt'), 'not a rubric');
    const result = await runInProcess(['validate', empty]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`hirekit: ${empty} holds no rubric files (.yaml or .yml); pass a folder of rubrics or a .yaml file\n`);
  });

  it('lists the first 50 problems of a file and counts the rest', async () => {
    const file = path.join(tmp.dir, 'wide.yaml');
    writeFileSync(file, Array.from({ length: 300 }, (_, i) => `k${i}: 1\n`).join(''));
    const result = await runInProcess(['validate', file]);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[50]).toBe(`${file}: and 256 more problems (306 in all; --json lists every one)`);
    expect(result.stdout).toBe('FAILED: 1 rubric file checked, 306 errors, 0 warnings\n');
  });
});
