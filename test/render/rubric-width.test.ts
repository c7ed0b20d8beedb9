// `hirekit show ROLE` keeps every bundled rubric within the terminal: headings (title, dimension, stage,
// case study, the loop's total) and the dimensions' source lines wrap like the prose around them.
import { Chalk } from 'chalk';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { loadRubricFile } from '../../src/io/rubrics.js';
import { renderRubric } from '../../src/render/terminal/rubric.js';

const BUNDLED = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../rubrics');
const files = readdirSync(BUNDLED).filter((f) => f.endsWith('.yaml'));

describe('show within the terminal', () => {
  it.each(files.flatMap((file) => [80, 60].map((width) => [file, width] as const)))('%s within %i columns', async (file, width) => {
    const report = await loadRubricFile(path.join(BUNDLED, file), 'bundled');
    if (!report.loaded) throw new Error(`${file} does not load`);
    const text = renderRubric(report.loaded.rubric, new Chalk({ level: 0 }), width);
    for (const line of text.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
    // Nothing is cut: every dimension's name and every stage's name is there, whole once lines are joined.
    const joined = text.replace(/\n\s*/g, ' ');
    for (const d of report.loaded.rubric.dimensions) expect(joined).toContain(d.name);
    for (const s of report.loaded.rubric.loop) expect(joined).toContain(s.name);
  });
});
