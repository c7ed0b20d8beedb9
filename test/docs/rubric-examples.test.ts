// The rubric examples in README.md and docs/rubric-format.md are what a hiring manager copies first: each
// must validate with no error and no warning.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRubricFile } from '../../src/io/rubrics.js';
import { formatLocated } from '../../src/io/yaml-file.js';
import { ROOT, tempDir } from '../helpers/cli.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir('hirekit-docs-')));
afterAll(() => tmp.cleanup());

/** The first ```yaml block after `heading` in a Markdown file. */
function example(file: string, heading: string): string {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const from = text.indexOf(heading);
  expect(from, `${file}: ${heading}`).toBeGreaterThanOrEqual(0);
  const block = /```yaml\n([\s\S]*?)```/.exec(text.slice(from));
  if (!block?.[1]) throw new Error(`${file}: no yaml block after ${heading}`);
  return block[1];
}

describe('rubric examples in the documentation', () => {
  it.each([
    ['README.md', '## Rubrics'],
    ['docs/rubric-format.md', '# The rubric format'],
  ])('%s validates with no error and no warning', async (file, heading) => {
    const out = path.join(tmp.dir, `${path.basename(file)}.yaml`);
    writeFileSync(out, example(file, heading));
    const report = await loadRubricFile(out);
    expect([...report.errors, ...report.warnings].map(formatLocated)).toEqual([]);
    expect(report.loaded).toBeDefined();
  });

  it('the format page uses every field it documents', async () => {
    const text = example('docs/rubric-format.md', '# The rubric format');
    for (const field of ['concern:', 'dimensions: any', 'dimensions: [', 'dimension:', 'optional: true', 'case_questions:', 'question_minutes:', '5: {', 'min_level: 2.5', 'bar: 3.5']) {
      expect(text, field).toContain(field);
    }
  });
});
