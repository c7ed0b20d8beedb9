// hirekit import greenhouse|lever through the built binary, in a temp workspace: the drafted mapping, the
// scorecards written (ratings, evidence or its absence, the audit entry, the digest), idempotent re-import,
// refusal of a clash, one-line errors with JSON paths and line:col, and the debrief that then shows them.
// Run `npm run build` first.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Debrief } from '../../src/core/debrief.js';
import type { Scorecard } from '../../src/core/scorecard.js';
import { FIXTURES, runCli, startCli, tempDir } from '../helpers/cli.js';

const IMPORT = path.join(FIXTURES, 'import');
const GH = path.join(IMPORT, 'greenhouse-scorecards.json');
const GH_MAP = path.join(IMPORT, 'greenhouse-mapping.yaml');
const LEVER = path.join(IMPORT, 'lever-feedback.json');
const LEVER_MAP = path.join(IMPORT, 'lever-mapping.yaml');

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('hirekit-import-');
});
afterAll(() => tmp.cleanup());

/** A new workspace under the temp folder and a runner bound to it. */
function workspace(name: string): { ws: string; hirekit: (args: string[]) => ReturnType<typeof runCli> } {
  const ws = path.join(tmp.dir, name);
  const hirekit = (args: string[]) => runCli(['-w', ws, ...args], { cwd: tmp.dir });
  expect(hirekit(['init']).code).toBe(0);
  return { ws, hirekit };
}

const scorecardsIn = (ws: string, slug = 'zoe-lukasz'): string[] => {
  try {
    return readdirSync(path.join(ws, 'candidates', slug, 'scorecards')).filter((f) => !f.startsWith('.')).sort();
  } catch {
    return [];
  }
};
const read = (file: string): Scorecard => parseYaml(readFileSync(file, 'utf8')) as Scorecard;

describe('hirekit import --init-mapping', () => {
  it('drafts a mapping from the file and the rubric: matched names filled in, the rest TODO, and refuses to import until they are filled', () => {
    const { hirekit } = workspace('draft');
    const out = path.join(tmp.dir, 'gh-draft.yaml');
    const drafted = hirekit(['import', 'greenhouse', GH, '--role', 'head-of-ml', '--init-mapping', '--out', out]);
    expect(drafted.code).toBe(0);
    expect(drafted.stdout.trim()).toBe(out);
    expect(drafted.stderr).toContain('5 entries marked TODO to fill in');
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('  Hiring Manager Screen: hiring-manager-screen # same name as Hiring manager screen\n');
    expect(text).toContain('  Production ML Deep Dive: production-ml-deep-dive # same name as the id production-ml-deep-dive (Production ML technical deep dive)\n');
    expect(text).toContain('  Talent and Org Leadership: talent-org-leadership # same name as Talent & org leadership');
    expect(text).toContain('  Culture Add: TODO # TODO: no close name');
    expect(text).toContain('  mixed: TODO # TODO: no level of this 4-level scale says "mixed"');
    expect(text).toContain('  "4410": TODO');

    // Not replaced without --force: it may hold the user's edits.
    const again = hirekit(['import', 'greenhouse', GH, '--role', 'head-of-ml', '--init-mapping', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists and may hold your edits; choose another --out, or pass --force/);

    const early = hirekit(['import', 'greenhouse', GH, '--mapping', out]);
    expect(early.code).toBe(1);
    const line = text.split('\n').findIndex((l) => l.startsWith('  Lunch with the Team: TODO')) + 1;
    expect(early.stderr).toContain(`${out}:${line}:24  stages."Lunch with the Team": still TODO; write the id of a stage of head-of-ml`);
    expect(early.stderr).toMatch(/\d+ problems; fix the mapping/);
  });

  it('needs --role, and prints the draft on stdout without --out', () => {
    const { hirekit } = workspace('draft-stdout');
    const noRole = hirekit(['import', 'lever', LEVER, '--init-mapping']);
    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toBe('hirekit: --init-mapping needs --role ROLE: the rubric whose stages and dimensions the Lever names map to (see hirekit roles)\n');
    const draft = hirekit(['import', 'lever', LEVER, '--init-mapping', '--role', 'head-of-ml']);
    expect(draft.code).toBe(0);
    const mapping = parseYaml(draft.stdout) as Record<string, Record<string, unknown>>;
    expect(mapping.dimensions).toEqual({ 'MLOps and reliability': 'mlops-reliability', 'Cross-functional leadership': 'cross-functional-leadership', 'Executive communication': 'executive-communication' });
    expect(mapping.ratings).toEqual({ '1': 1, '2': 2, '3': 3, '4': 4 });
    expect(mapping.recommendations).toEqual({ '3 - Hire': 'yes', '4 - Strong Hire': 'strong-yes', '2 - No Hire': 'no', '1 - Strong No Hire': 'strong-no' });
    // Lever gives the user id only; the expanded user of the second form has a name.
    expect(mapping.interviewers).toEqual({ 'u-7101': 'TODO', 'u-7102': 'Sam Okafor' });
  });
});

describe('hirekit import greenhouse and lever', () => {
  let ws: string;
  let hirekit: (args: string[]) => ReturnType<typeof runCli>;
  beforeAll(() => {
    ({ ws, hirekit } = workspace('main'));
  });

  it('--dry-run checks everything and writes nothing', () => {
    const dry = hirekit(['import', 'greenhouse', GH, '--mapping', GH_MAP, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout.trim().split('\n').map((f) => path.basename(f))).toEqual(['hiring-manager-screen--ana-ruiz.yaml', 'production-ml-deep-dive--wei-zhang.yaml']);
    expect(dry.stderr).toContain('would import Greenhouse scorecard 90001: Zoë Łukasz, stage hiring-manager-screen, by Ana Ruiz (3 ratings, 1 without evidence)');
    expect(scorecardsIn(ws)).toEqual([]);
  });

  it('writes submitted scorecards: notes as evidence, a rating without a note marked, the import and the ATS ids in the audit trail', () => {
    const run = hirekit(['import', 'greenhouse', GH, '--mapping', GH_MAP]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      path.join(ws, 'candidates', 'zoe-lukasz', 'scorecards', 'hiring-manager-screen--ana-ruiz.yaml'),
      path.join(ws, 'candidates', 'zoe-lukasz', 'scorecards', 'production-ml-deep-dive--wei-zhang.yaml'),
    ]);
    // Not a TTY: no progress line.
    expect(run.stderr).not.toMatch(/\[\d+\/\d+\]|\r/);
    expect(run.stderr).toContain('[0].attributes[3]: "Culture Add" is not in the mapping\'s dimensions: section, so its rating was not imported');
    expect(run.stderr).toContain('[2]: not imported: the mapping skips the interview "Lunch with the Team"');
    expect(run.stderr).toContain('[3]: not imported: it has no submitted_at (not submitted in Greenhouse)');
    expect(run.stderr).toContain('Imported 2 scorecards from Greenhouse');
    expect(run.stderr).toContain('1 rating came without a note and is marked "no evidence"');

    const ana = read(path.join(ws, 'candidates', 'zoe-lukasz', 'scorecards', 'hiring-manager-screen--ana-ruiz.yaml'));
    expect(ana).toMatchObject({ status: 'submitted', stage: 'hiring-manager-screen', candidate: { name: 'Zoë Łukasz' }, interviewer: { name: 'Ana Ruiz' }, submitted_at: '2026-10-05T15:40:03.000Z', recommendation: 'yes' });
    expect(ana.ratings.map((r) => [r.dimension, r.rating, r.evidence ?? null, r.no_evidence ?? null])).toEqual([
      ['mlops-reliability', 2, null, 'the Greenhouse scorecard gave this rating without a note'],
      ['ml-strategy-portfolio', 3, 'Explained why she stopped two churn models & moved the team onto ranking, with the revenue figures behind it.', null],
      ['talent-org-leadership', 4, 'Grew a team from 4 to 15 and named the two hires that did not work out.', null],
    ]);
    // HTML stripped, the script dropped, the list kept as lines.
    expect(ana.summary).toBe('Clear strategist with a record of stopping work that does not pay.\n\n- Asks about on-call\n- Wants a platform team');
    expect(ana.audit).toEqual([
      expect.objectContaining({
        action: 'import',
        reason: 'imported from Greenhouse scorecard 90001 in greenhouse-scorecards.json',
        source: { system: 'greenhouse', file: 'greenhouse-scorecards.json', scorecard_id: '90001', candidate_id: '4410', application_id: '88120', interviewer_id: '501', interview_id: '7101', updated_at: '2026-10-05T15:40:03.000Z' },
      }),
    ]);
    expect((ana as { digest?: string }).digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const wei = read(path.join(ws, 'candidates', 'zoe-lukasz', 'scorecards', 'production-ml-deep-dive--wei-zhang.yaml'));
    expect(wei.interviewer.name).toBe('Wei Zhang (张伟)');
    // no_decision is skipped by the mapping: the interviewer gave no rating, so none is made up.
    expect(wei.ratings.map((r) => r.dimension)).toEqual(['production-ml-architecture', 'mlops-reliability']);
    expect(parseYaml(readFileSync(path.join(ws, 'candidates', 'zoe-lukasz', 'candidate.yaml'), 'utf8'))).toEqual({ name: 'Zoë Łukasz', role: 'head-of-ml' });
  });

  it('imports the same file again without duplicating anything, and says what it skipped', () => {
    const before = scorecardsIn(ws).map((f) => readFileSync(path.join(ws, 'candidates', 'zoe-lukasz', 'scorecards', f), 'utf8'));
    const again = hirekit(['import', 'greenhouse', GH, '--mapping', GH_MAP]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('[0]: Greenhouse scorecard 90001 was already imported; left as it is');
    expect(again.stderr).toContain('Nothing new to import from Greenhouse');
    expect(scorecardsIn(ws).map((f) => readFileSync(path.join(ws, 'candidates', 'zoe-lukasz', 'scorecards', f), 'utf8'))).toEqual(before);

    // A mapping changed since (another stage, another spelling of the name) still finds the earlier import.
    const changed = path.join(tmp.dir, 'gh-changed.yaml');
    writeFileSync(changed, readFileSync(GH_MAP, 'utf8').replace('"4410": Zoë Łukasz', '"4410": Zoë Łukasz-Berg').replace('Hiring Manager Screen: hiring-manager-screen', 'Hiring Manager Screen: leadership-talent'));
    const moved = hirekit(['import', 'greenhouse', GH, '--mapping', changed]);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toBe('');
    expect(readdirSync(path.join(ws, 'candidates'))).toEqual(['zoe-lukasz']);
  });

  it('a scorecard changed in Greenhouse since: kept byte for byte, the change named, with the amend command', () => {
    const file = path.join(ws, 'candidates', 'zoe-lukasz', 'scorecards', 'hiring-manager-screen--ana-ruiz.yaml');
    const before = readFileSync(file, 'utf8');
    const exported = JSON.parse(readFileSync(GH, 'utf8')) as Array<{ updated_at: string; overall_recommendation: string; attributes: Array<{ rating: string; note: string | null }> }>;
    const edit = (change: (card: (typeof exported)[number]) => void): string => {
      const copy = structuredClone(exported);
      copy[0]!.updated_at = '2026-10-09T08:00:00.000Z';
      change(copy[0]!);
      const out = path.join(tmp.dir, `gh-edited-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(out, JSON.stringify(copy));
      return out;
    };
    const changed = hirekit(['import', 'greenhouse', edit((c) => {
      c.attributes[0]!.rating = 'strong_yes';
      c.attributes[2]!.note = 'Grew a team from 4 to 16.';
      c.overall_recommendation = 'strong_yes';
    }), '--mapping', GH_MAP]);
    expect(changed.code).toBe(0);
    expect(changed.stdout).toBe('');
    const line = changed.stderr.split('\n').find((l) => l.includes('scorecard 90001'))!;
    expect(line).toContain('[0]: Greenhouse scorecard 90001 was already imported (it changed in Greenhouse since, on 2026-10-09: ML strategy & portfolio 3 → 4, Talent & org leadership: evidence, recommendation Yes → Strong yes); left as it is');
    expect(line).toContain(`; to take the change, amend it: hirekit -w ${ws} score head-of-ml --candidate 'Zoë Łukasz' --stage hiring-manager-screen --interviewer 'Ana Ruiz' --amend --reason 'Greenhouse scorecard 90001 changed on 2026-10-09'`);
    expect(readFileSync(file, 'utf8')).toBe(before);

    // Changed only where hirekit does not look (an attribute the mapping skips): said so, nothing to amend.
    const elsewhere = hirekit(['import', 'greenhouse', edit((c) => void (c.attributes[3]!.note = 'Warm with everyone.')), '--mapping', GH_MAP]);
    expect(elsewhere.stderr).toContain('90001 was already imported (it changed in Greenhouse since, on 2026-10-09, in nothing hirekit imports); left as it is');
    expect(elsewhere.stderr).not.toContain('--amend');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('imports Lever feedback for the candidate named on the command line', () => {
    const noName = hirekit(['import', 'lever', LEVER, '--mapping', LEVER_MAP]);
    expect(noName.code).toBe(1);
    expect(noName.stderr).toContain(`${LEVER}: data[0]: no candidate: pass --candidate NAME`);
    const run = hirekit(['import', 'lever', LEVER, '--mapping', LEVER_MAP, '--candidate', 'Zoë Łukasz']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('data[1]: not imported: it has no completedAt (not completed in Lever)');
    const mariam = read(run.stdout.trim());
    expect(mariam).toMatchObject({ stage: 'case-b-session', interviewer: { name: 'Mariam Haddad' }, recommendation: 'yes', submitted_at: '2026-10-08T10:00:00.000Z', summary: 'Calm under the drift scenario; would hire for the platform lead seat.' });
    expect(mariam.ratings.map((r) => [r.dimension, r.rating, r.evidence ?? `(none: ${r.no_evidence})`])).toEqual([
      ['mlops-reliability', 3, 'Paged the right owner first and wrote the timeline as she went.'],
      ['cross-functional-leadership', 2, '(none: the Lever scorecard gave this rating without a note)'],
      ['executive-communication', 4, '- One-page summary for the VP\n- Said what was still unknown'],
    ]);
  });

  it('the debrief then shows the imported scorecards, and says which ratings stand on no evidence', () => {
    const json = hirekit(['debrief', 'Zoë Łukasz', '--format', 'json']);
    expect(json.code).toBe(0);
    const debrief = JSON.parse(json.stdout) as Debrief;
    expect(debrief.panel.map((p) => `${p.interviewer.name} · ${p.stage.id}`)).toEqual(['Ana Ruiz · hiring-manager-screen', 'Wei Zhang (张伟) · production-ml-deep-dive', 'Mariam Haddad · case-b-session']);
    const mlops = debrief.dimensions.find((d) => d.id === 'mlops-reliability')!;
    // Ana 2 (no note), Wei 3, Mariam 3: all three count; the median is 3.
    expect(mlops.ratings.map((r) => [r.rating, r.evidence === null ? r.no_evidence : 'evidence'])).toEqual([
      [2, 'the Greenhouse scorecard gave this rating without a note'],
      [3, 'evidence'],
      [3, 'evidence'],
    ]);
    expect(mlops.median).toBe(3);
    expect(debrief.warnings.filter((w) => w.code === 'imported-without-evidence').map((w) => w.message)).toEqual([
      'Ana Ruiz\'s Hiring manager screen scorecard, imported from Greenhouse, rates MLOps & reliability without evidence; the rating counts, marked "no evidence"',
      'Mariam Haddad\'s Case B: incident and drift response scorecard, imported from Lever, rates Cross-functional leadership without evidence; the rating counts, marked "no evidence"',
    ]);
    const md = hirekit(['debrief', 'Zoë Łukasz', '--format', 'md']);
    expect(md.stdout).toContain('- **Ana Ruiz** (Hiring manager screen), 2 below bar: *No evidence: the Greenhouse scorecard gave this rating without a note*');
    const status = hirekit(['status', 'Zoë Łukasz']);
    expect(status.code).toBe(0);
    // Digests written by the import hold: status warns of nothing edited.
    expect(status.stderr).toBe('');
    expect(status.stdout).toContain('hiring-manager-screen    submitted: Ana Ruiz (from Greenhouse)');
    expect(status.stdout).toContain('case-b-session           submitted: Mariam Haddad (from Lever)');
  });
});

describe('hirekit import run twice at once', () => {
  it('imports each scorecard once; the other run finds them imported (meanwhile or before) and also succeeds', async () => {
    const { ws } = workspace('twice-at-once');
    const run = () => startCli(['-w', ws, 'import', 'greenhouse', GH, '--mapping', GH_MAP], { cwd: tmp.dir });
    for (let round = 0; round < 3; round++) {
      const [a, b] = await Promise.all([run(), run()]);
      expect([a.code, b.code], `${a.stderr}\n${b.stderr}`).toEqual([0, 0]);
      expect(`${a.stderr}${b.stderr}`).not.toContain('already holds');
      expect(scorecardsIn(ws)).toEqual(['hiring-manager-screen--ana-ruiz.yaml', 'production-ml-deep-dive--wei-zhang.yaml']);
    }
  });
});

describe('hirekit import in shell completion', () => {
  it('completes the ATS names and the options', () => {
    expect(runCli(['__complete', '--', 'import', '']).stdout).toBe('greenhouse\nlever\n');
    expect(runCli(['__complete', '--', 'import', 'greenhouse', 'x.json', '--m']).stdout).toBe('--mapping\n');
  });
});

describe('hirekit import refuses', () => {
  it('a clash with a hirekit scorecard for the same stage and interviewer, in one line, writing nothing', () => {
    const { ws, hirekit } = workspace('clash');
    const answers = path.join(tmp.dir, 'ana.yaml');
    writeFileSync(
      answers,
      [
        'ratings:',
        '  mlops-reliability: { rating: 3, evidence: "Walked through the on-call rota she set up and its alert budget." }',
        '  ml-strategy-portfolio: { rating: 3, evidence: "Ranked three bets by expected value and named the one she would drop." }',
        '  talent-org-leadership: { rating: 3, evidence: "Described two promotions she argued for and the calibration behind them." }',
        'recommendation: "yes"',
        'summary: "A steady leader who explains her trade-offs plainly."',
        '',
      ].join('\n'),
    );
    const scored = hirekit(['score', 'head-of-ml', '--candidate', 'Zoë Łukasz', '--stage', 'hiring-manager-screen', '--interviewer', 'Ana Ruiz', '--answers', answers]);
    expect(scored.code).toBe(0);
    const own = readFileSync(scored.stdout.trim(), 'utf8');
    const run = hirekit(['import', 'greenhouse', GH, '--mapping', GH_MAP]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `hirekit: ${scored.stdout.trim()}: already holds Ana Ruiz's hiring-manager-screen scorecard for Zoë Łukasz, made in hirekit (submitted); Greenhouse scorecard 90001 ([0]) is for the same stage and interviewer; nothing was imported and nothing was overwritten\n`,
    );
    expect(readFileSync(scored.stdout.trim(), 'utf8')).toBe(own);
    expect(scorecardsIn(ws)).toEqual(['hiring-manager-screen--ana-ruiz.yaml']);
  });

  it('bad input with one line naming the file and the path inside the JSON, or line:col for a syntax error', () => {
    const { hirekit } = workspace('bad');
    const bad = path.join(tmp.dir, 'bad.json');
    const scorecards = JSON.parse(readFileSync(GH, 'utf8')) as Array<{ attributes: Array<{ rating: string }> }>;
    scorecards[1]!.attributes[1]!.rating = 'meh';
    writeFileSync(bad, JSON.stringify(scorecards, null, 2));
    const meh = hirekit(['import', 'greenhouse', bad, '--mapping', GH_MAP]);
    expect(meh.code).toBe(1);
    expect(meh.stderr).toBe(`hirekit: ${bad}: [1].attributes[1].rating: "meh" is not a Greenhouse rating (expected definitely_not, no, mixed, yes, strong_yes, no_decision)\n`);

    const broken = path.join(tmp.dir, 'broken.json');
    writeFileSync(broken, '[\n  { "id": 1,\n    "interview": "Screen",\n  }\n]\n');
    const syntax = hirekit(['import', 'greenhouse', broken, '--mapping', GH_MAP]);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toBe(`hirekit: ${broken}:4:3  not valid JSON: expected a property name in double quotes (a trailing comma?)\n`);

    const noMapping = hirekit(['import', 'greenhouse', GH]);
    expect(noMapping.code).toBe(2);
    expect(noMapping.stderr).toMatch(/^hirekit: --mapping FILE is required: .* Draft one with: hirekit import greenhouse .* --role ROLE --init-mapping --out mapping.yaml\n$/);

    const wrongAts = hirekit(['import', 'lever', LEVER, '--mapping', GH_MAP, '--candidate', 'Zoë Łukasz']);
    expect(wrongAts.code).toBe(2);
    expect(wrongAts.stderr).toContain('is a mapping for Greenhouse (source: greenhouse), not Lever');

    const unknown = hirekit(['import', 'workday', GH]);
    expect(unknown.code).toBe(2);
  });
});
