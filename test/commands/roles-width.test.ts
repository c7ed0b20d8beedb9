// `hirekit roles` on a terminal keeps within its width: the level wraps under the title, the source moves
// to its own line when the table would be too wide, and a terminal narrower than the table gets one block
// per role. Piped, the table keeps one line per role with its source, for scripts.
import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { renderRoles, type RoleRow } from '../../src/commands/roles.js';

const rows: RoleRow[] = [
  { id: 'head-of-ml', title: 'Head of Machine Learning', level: 'Senior leader (Director, Senior Director or head of function); reports to the VP Engineering or CTO', version: '1.2', stages: 8, dimensions: 8, file: '/pkg/rubrics/head-of-ml.yaml', origin: 'bundled', overrides: [] },
  { id: 'senior-director-data-science', title: '数据科学高级总监', level: 'Senior director', version: '1.1', stages: 7, dimensions: 7, file: '/pkg/rubrics/senior-director-data-science.yaml', origin: 'bundled', overrides: [] },
];
const plain = new Chalk({ level: 0 });

describe('roles within the terminal', () => {
  it.each([80, 60, 40])('keeps every line within %i columns, with every role, title and source', (width) => {
    const text = renderRoles(rows, plain, width);
    for (const line of text.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
    const joined = text.replace(/\n\s*/g, ' ');
    for (const part of ['head-of-ml', 'Head of Machine Learning', 'reports to the VP Engineering or CTO, rubric v1.2', 'bundled/head-of-ml.yaml', '数据科学高级总监']) expect(joined).toContain(part);
    // (At 40 columns this 41-character path is the one word cut, by columns.)
    if (width > 40) expect(joined).toContain('bundled/senior-director-data-science.yaml');
  });

  it('pads a title in CJK by columns, so the numbers line up', () => {
    const lines = renderRoles(rows, plain).split('\n');
    const stagesAt = (line: string): number => stringWidth(line.slice(0, line.search(/\d\s+\d\s*(?: |$)/)));
    expect(stagesAt(lines.find((l) => l.startsWith('head-of-ml'))!)).toBe(stagesAt(lines.find((l) => l.startsWith('senior-director'))!));
  });

  it('keeps the source on the role line when piped', () => {
    const text = renderRoles(rows, plain);
    expect(text).toMatch(/^ROLE +TITLE +STAGES +DIMS +SOURCE$/m);
    expect(text).toMatch(/^head-of-ml +Head of Machine Learning +8 +8 +bundled\/head-of-ml\.yaml$/m);
  });
});
