// `hirekit status` on a terminal keeps within its width for long names in any script: a candidate's
// heading and each stage's list of interviewers wrap at spaces; piped, each stage stays on one line.
import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { renderStatus, type CandidateStatus } from '../../src/commands/status.js';

const LONGEST = 'Bartholomew Fitzgerald-Montgomery Alexander Wojciechowski III';
const report: CandidateStatus[] = [
  {
    name: 'Maximilian Alexander von Hohenzollern-Sigmaringen',
    slug: 'maximilian-alexander-von-hohenzollern-sigmaringen',
    role: 'head-of-ml',
    stages: [
      { stage: 'production-ml-deep-dive', inLoop: true, submitted: ['Zoë Łukasz'], drafts: [] },
      { stage: 'case-a-session', inLoop: true, submitted: [LONGEST, 'Wei Zhang (张伟)', 'محمد عبد الله'], drafts: ['Дмитрий Соколов'] },
    ],
    missing: [],
    edited: [],
    decision: 'in-progress',
  },
];

describe('status within the terminal', () => {
  it.each([80, 60, 40])('keeps every line within %i columns, every name whole', (width) => {
    const text = renderStatus(report, new Chalk({ level: 0 }), width);
    for (const line of text.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
    const joined = text.replace(/\n\s*/g, ' ');
    // (A slug wider than the terminal itself is the one word cut, by columns.)
    if (width >= 60) expect(joined).toContain(report[0]!.slug);
    expect(joined).toContain('undecided (the committee is recording its decision)');
    for (const name of [report[0]!.name, LONGEST, 'Wei Zhang (张伟)', 'محمد عبد الله', 'Дмитрий Соколов']) expect(joined).toContain(name);
    // The stage ids stay in their column, the lists wrap beside them (or, on the narrowest, under them).
    if (width >= 60) expect(text).toMatch(/^ {2}production-ml-deep-dive {2}submitted: Zoë Łukasz$/m);
    else expect(text).toMatch(/^ {2}production-ml-deep-dive\n {4}submitted: Zoë Łukasz$/m);
    expect(text).toMatch(/^ {2}case-a-session\b/m);
  });

  it('keeps one line per stage when piped', () => {
    const text = renderStatus(report, new Chalk({ level: 0 }));
    expect(text).toContain(`  case-a-session           submitted: ${LONGEST}, Wei Zhang (张伟), محمد عبد الله · draft: Дмитрий Соколов`);
  });
});
