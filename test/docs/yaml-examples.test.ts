// Every YAML example in README.md and docs/ is what a hiring manager copies first, so each is read with the
// same reader hirekit uses: a whole rubric must validate with no error and no warning, an answers file must
// pass the answers schema, and any other block (a fragment, a scorecard) must at least be valid YAML.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AnswersSchema } from '../../src/io/answers.js';
import { loadRubricFile } from '../../src/io/rubrics.js';
import { checkYamlText, formatLocated } from '../../src/io/yaml-file.js';
import { ROOT, tempDir } from '../helpers/cli.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir('hirekit-docs-yaml-')));
afterAll(() => tmp.cleanup());

interface Example {
  file: string;
  line: number;
  text: string;
}

function examples(): Example[] {
  const files = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => path.join('docs', f))];
  const found: Example[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)) {
      found.push({ file, line: text.slice(0, m.index).split('\n').length, text: m[1] ?? '' });
    }
  }
  return found;
}

const all = examples();
const isRubric = (e: Example): boolean => /^role:/m.test(e.text) && /^loop:/m.test(e.text);
const isAnswers = (e: Example): boolean => /^ratings:/m.test(e.text) && !/^interviewer:/m.test(e.text);

describe('YAML examples in README.md and docs/', () => {
  it('there are some, and the README has a whole rubric', () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all.some((e) => e.file === 'README.md' && isRubric(e))).toBe(true);
  });

  it.each(all.map((e) => [`${e.file}:${e.line}`, e] as const))('%s reads without a problem', async (_, example) => {
    const where = `${example.file}:${example.line}`;
    if (isRubric(example)) {
      const file = path.join(tmp.dir, `${where.replace(/[/:]/g, '-')}.yaml`);
      writeFileSync(file, example.text);
      const report = await loadRubricFile(file);
      expect([...report.errors, ...report.warnings].map(formatLocated), where).toEqual([]);
      expect(report.loaded, where).toBeDefined();
    } else if (isAnswers(example)) {
      const check = checkYamlText(where, example.text, AnswersSchema, { what: 'answers file', empty: 'empty' });
      expect(check.errors.map(formatLocated), where).toEqual([]);
    } else {
      const check = checkYamlText(where, example.text, z.unknown(), { what: 'YAML example', empty: 'empty' });
      expect(check.errors.map(formatLocated), where).toEqual([]);
    }
  });
});
