// `hirekit decide` from a decision file, as a script or a committee secretary uses it: refusals (too few
// scorecards, a knockout overridden without a reason, unknown dimensions and flags, every problem at once),
// a forced decision with a knockout overridden, the lock, an amendment; then the debrief (PDF text extracted
// in-process), status and compare carry the decision. Run `npm run build` first.
import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Decision } from '../../src/core/decision.js';
import { FIXTURES, runCli, tempDir } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf.js';

const RUBRICS = path.join(FIXTURES, 'workspaces', 'rubrics');
const REASON = (what: string): string => `The committee read the evidence on ${what} and agreed after discussion.`;
const DIMENSIONS = ['platform-architecture', 'reliability-operations', 'developer-experience', 'cost-capacity', 'technical-leadership', 'written-communication'];

let tmp: ReturnType<typeof tempDir>;
let ws: string;
const hirekit = (args: string[]) => runCli(['--rubrics', RUBRICS, '-w', ws, ...args], { cwd: tmp.dir });
const file = (name: string, text: string): string => {
  const target = path.join(tmp.dir, name);
  writeFileSync(target, text);
  return target;
};

function decisionYaml(options: { override?: string; outcome?: string; extra?: string; skip?: string } = {}): string {
  const consensus = DIMENSIONS.filter((d) => d !== options.skip)
    .map((d) => `  ${d}:\n    level: ${d === 'written-communication' ? 'insufficient' : d === 'technical-leadership' ? 3 : 3}\n    reason: "${REASON(d)}"`)
    .join('\n');
  return [
    'format: hirekit-decision-file/1',
    'participants: [Σοφία Παππά, Aoife Ní Bhriain, Дмитрий Соколов, Wei Zhang (张伟)]',
    'knockouts:',
    '  misstates-ownership:',
    '    ruling: overridden',
    `    reason: ${JSON.stringify(options.override ?? 'Two references confirm she led the migration; the panel heard a shared credit as a claim.')}`,
    'consensus:',
    consensus,
    `decision: ${options.outcome ?? 'advance'}`,
    'rationale: Strong on architecture and operations; the ownership question was settled by the references.',
    'dissent:',
    '  - name: Aoife Ní Bhriain',
    '    note: I heard the claim first-hand and would still check one more reference.',
    options.extra ?? '',
  ].join('\n');
}

beforeAll(() => {
  tmp = tempDir('hirekit-decide-');
  ws = path.join(tmp.dir, 'hiring');
  cpSync(path.join(FIXTURES, 'workspaces', 'extra-candidates', 'kwame-mensah'), path.join(ws, 'candidates', 'kwame-mensah'), { recursive: true });
});
afterAll(() => tmp.cleanup());

describe('hirekit decide --answers', () => {
  it('refuses with one line when fewer scorecards were submitted than the policy asks for', () => {
    const result = hirekit(['decide', 'Kwame Mensah', '--answers', file('ok.yaml', decisionYaml())]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'hirekit: Kwame Mensah has 3 submitted scorecards; the policy asks for at least 4 before the committee decides. Wait for the rest, or pass --force --reason "why the committee decides now"\n',
    );
  });

  it('refuses --force without a reason (usage, exit 2)', () => {
    const result = hirekit(['decide', 'Kwame Mensah', '--force', '--answers', 'ok.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^hirekit: --force needs --reason TEXT/);
  });

  it('reports every problem of a decision file at once, each at FILE:LINE:COL, and writes nothing', () => {
    const bad = file('bad.yaml', decisionYaml({ override: '', skip: 'cost-capacity', extra: 'knockouts_x: 1' }).replace('  platform-architecture:', '  platform-architectur:'));
    const result = hirekit(['decide', 'kwame-mensah', '--force', '--reason', 'The last interviewer has left the company.', '--answers', bad]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    // Unknown top-level key, override without a reason, an unknown dimension (and so two missing ones).
    expect(lines[0]).toMatch(/^hirekit: /);
    expect(result.stderr).toContain(`${bad}:6:13  knockouts.misstates-ownership.reason: overriding a knockout needs a written reason: why the committee sets it aside\n`);
    expect(result.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:8:3  consensus: unknown dimension 'platform-architectur'; did you mean 'platform-architecture'\\?`));
    expect(result.stderr).toContain('consensus: missing platform-architecture, cost-capacity');
    expect(result.stderr).toMatch(/unknown key 'knockouts_x'/);
    expect(lines.at(-1)).toBe(`4 problems in ${bad}; fix them all and run again`);
    expect(() => statSync(path.join(ws, 'candidates', 'kwame-mensah', 'decision.yaml'))).toThrow();
  });

  it('refuses an unknown flag', () => {
    const bad = file('flag.yaml', decisionYaml().replace('  misstates-ownership:', '  misstates-ownershp:'));
    const result = hirekit(['decide', 'kwame-mensah', '--force', '--reason', 'The last interviewer has left the company.', '--answers', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${bad}:4:3  knockouts: unknown flag 'misstates-ownershp'; did you mean 'misstates-ownership'? (knockouts raised: misstates-ownership)`);
    expect(result.stderr).toContain('knockouts: no ruling on misstates-ownership');
  });

  it('records a forced decision with the knockout overridden, locked and private', () => {
    const result = hirekit(['decide', 'kwame-mensah', '--force', '--reason', 'The last interviewer has left the company.', '--answers', file('ok.yaml', decisionYaml())]);
    expect(result.stderr).toBe("Submitted the committee's decision on Kwame Mensah: Advance\n");
    expect(result.code).toBe(0);
    const written = path.join(ws, 'candidates', 'kwame-mensah', 'decision.yaml');
    expect(result.stdout).toBe(`${written}\n`);
    expect(statSync(written).mode & 0o777).toBe(0o600);
    const decision = Decision.parse(parse(readFileSync(written, 'utf8')));
    expect(decision.format).toBe('hirekit-decision/1');
    expect(decision.draft).toBeNull();
    expect(decision.submitted).toMatchObject({
      outcome: 'advance',
      participants: ['Σοφία Παππά', 'Aoife Ní Bhriain', 'Дмитрий Соколов', 'Wei Zhang (张伟)'],
      knockouts: [{ flag: 'misstates-ownership', ruling: 'overridden' }],
      forced: { reason: 'The last interviewer has left the company.', submitted: 3, min_scorecards: 4 },
      mechanical: { verdict: 'knockout-raised' },
      dissent: [{ name: 'Aoife Ní Bhriain' }],
    });
    // Technical leadership: panel median 2.5 (2 and 3), consensus 3.
    expect(decision.submitted?.consensus.find((c) => c.dimension === 'technical-leadership')).toMatchObject({ level: 3, panel_score: 2.5 });

    const again = hirekit(['decide', 'kwame-mensah', '--force', '--reason', 'Once more with feeling, please.', '--answers', 'ok.yaml']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/decision\.yaml: the committee's decision was submitted on .* and is locked; to change it: hirekit .*decide 'Kwame Mensah' --amend --reason "why it changes"\n$/);
  });

  it('shows the decision in the debrief (PDF, JSON, text), status and compare', async () => {
    const pdfFile = path.join(tmp.dir, 'kwame.pdf');
    expect(hirekit(['debrief', 'kwame-mensah', '--out', pdfFile]).code).toBe(0);
    const pdf = await readPdf(pdfFile);
    const fold = (s: string): string => s.replace(/\s+/g, ' ');
    expect(fold(pdf.pageTexts[0]!)).toContain('Committee decision (');
    expect(fold(pdf.pageTexts[0]!)).toContain('Advance. It departs from the mechanical summary in');
    // Its own section after page 1 (page 1 may spill its panel table onto page 2 for this many concerns).
    const page2 = fold(pdf.pageTexts.slice(1).join(' '));
    // The PDF fonts have no CJK glyphs yet (a known gap of every hirekit PDF); JSON below keeps the full name.
    expect(page2).toMatch(/Committee decision Advance Decided \d{4}-\d\d-\d\d by Σοφία Παππά, Aoife Ní Bhriain, Дмитрий Соколов, Wei Zhang \(/);
    expect(page2).toContain('Advanced although the mechanical summary read “knockout raised”'.replace(/[“”]/g, '"'));
    expect(page2).toContain('Knockout "Claims ownership of work that references attribute to others." overridden: Two references confirm she led the migration');
    expect(page2).toContain('Aoife Ní Bhriain');
    expect(page2).toContain('I heard the claim first-hand and would still check one more reference.');
    expect(page2).toContain('Decided on 3 submitted scorecards where the policy asks for 4: The last interviewer has left the company.');

    const json = JSON.parse(hirekit(['debrief', 'kwame-mensah', '--format', 'json']).stdout) as { decision: { outcome: string; participants: string[] } };
    expect(json.decision.outcome).toBe('advance');
    expect(json.decision.participants).toContain('Wei Zhang (张伟)');
    expect(hirekit(['debrief', 'kwame-mensah', '--format', 'text']).stdout).toContain('Committee decision');

    const status = hirekit(['status', 'kwame-mensah']);
    expect(status.stdout).toMatch(/committee\s+decided/);
    expect(status.stdout).not.toContain('Advance');
    const compare = hirekit(['compare', 'ml-platform-lead', 'kwame-mensah', '--format', 'md']);
    expect(compare.stdout).toContain('Advance (');
    expect(compare.stdout).toContain('knockout raised (1)');
  }, 90_000);

  it('amends with a reason: the amendment replaces the decision and the earlier one goes into the audit trail', () => {
    const result = hirekit(['decide', 'kwame-mensah', '--amend', '--reason', 'The last reference came back negative.', '--force', '--answers', file('hold.yaml', decisionYaml({ outcome: 'hold' }))]);
    expect(result.stderr).toBe("Amended the committee's decision on Kwame Mensah: Hold\n");
    const decision = Decision.parse(parse(readFileSync(path.join(ws, 'candidates', 'kwame-mensah', 'decision.yaml'), 'utf8')));
    expect(decision.submitted?.outcome).toBe('hold');
    expect(decision.audit.map((a) => a.action)).toEqual(['submitted', 'amendment-started', 'amended']);
    expect(decision.audit.at(-1)).toMatchObject({ reason: 'The last reference came back negative.', previous: { outcome: 'advance' } });
  });
});
