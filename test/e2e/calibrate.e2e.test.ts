// The built binary on the demo workspace: hirekit calibrate in every format, its errors, and
// debrief --adjusted. Run `npm run build` first.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf.js';
import type { Calibration } from '../../src/core/calibration/calibration.js';
import type { Debrief } from '../../src/core/debrief.js';

let tmp: ReturnType<typeof tempDir>;
let ws: string;
const hirekit = (args: string[]) => runCli(['-w', ws, ...args]);
const INTERVIEWERS = ['Ingrid Søndergaard', 'Kenji Nakamura-Wójcik', 'Mariam Haddad', 'Priya Raman', 'Tomás Ortega'];

beforeAll(() => {
  tmp = tempDir('hirekit-calibrate-');
  const demo = runCli(['demo', path.join(tmp.dir, 'demo')]);
  expect(demo.code, demo.stderr).toBe(0);
  ws = path.join(tmp.dir, 'demo', 'hiring');
});
afterAll(() => tmp.cleanup());

describe('hirekit calibrate on the demo workspace', () => {
  let calibration: Calibration;
  beforeAll(() => {
    const r = hirekit(['calibrate', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    calibration = JSON.parse(r.stdout) as Calibration;
  });

  it('describes the whole panel in JSON (hirekit-calibration/1)', () => {
    expect(calibration.format).toBe('hirekit-calibration/1');
    const [role] = calibration.roles;
    expect(calibration.roles).toHaveLength(1);
    expect(role!.role.id).toBe('head-of-ml');
    expect(role!.counts).toEqual({ candidates: 10, scorecards: 80, interviewers: 5, drafts_left_out: 0 });
    expect(role!.interviewers.map((p) => p.interviewer.name)).toEqual(INTERVIEWERS);
    expect(role!.agreement.overall.ordinal.value).toBeGreaterThan(0);
    expect(role!.agreement.overall.ordinal.interval).not.toBeNull();
    expect(role!.agreement.dimensions).toHaveLength(8);
  });

  it('finds the lenient and the severe interviewer the demo was made with, and says too few for the newcomer', () => {
    const lean = (name: string) => calibration.roles[0]!.interviewers.find((p) => p.interviewer.name === name)!.leniency;
    expect(lean('Tomás Ortega').reading).toBe('lenient');
    expect(lean('Ingrid Søndergaard').reading).toBe('severe');
    expect(lean('Priya Raman')).toMatchObject({ estimable: false, reading: 'too-few-shared-candidates', mean_difference: null });
    expect(calibration.method.min_shared_candidates).toBe(5);
  });

  it('shows adjusted scores beside raw ones and counts what would change', () => {
    const adjustment = calibration.roles[0]!.adjustment;
    const zoe = adjustment.candidates.find((c) => c.candidate.name === 'Zoë Łukasz')!;
    expect(zoe.composite.raw).toBe(3.02);
    expect(zoe.adjusted).toBe(true);
    expect(typeof zoe.composite.adjusted).toBe('number');
    // Candidates the newcomer scored cannot be adjusted: her lean is unknown.
    const notAdjusted = adjustment.candidates.filter((c) => !c.adjusted);
    expect(notAdjusted.length).toBe(3);
    for (const c of notAdjusted) expect(c.unknown_lean.map((p) => p.name)).toEqual(['Priya Raman']);
    expect(adjustment.note).toContain(`of ${adjustment.adjusted} adjusted candidates`);
  });

  it('finds the dimension a stage cannot reach', () => {
    const governance = calibration.roles[0]!.dimensions.find((d) => d.id === 'responsible-ai-governance')!;
    const stage = governance.stages.find((s) => s.id === 'leadership-talent')!;
    expect(stage.insufficient).toBeGreaterThan(2);
    // One in five ratings of governance is "insufficient" across the loop (it is also rated in the executive session).
    expect(governance.insufficient_rate).toBeGreaterThanOrEqual(0.2);
  });

  it('is the same report on every run (seeded bootstrap)', () => {
    const again = JSON.parse(hirekit(['calibrate', '--json']).stdout) as Calibration;
    expect({ ...again, generated_at: '' }).toEqual({ ...calibration, generated_at: '' });
  });

  it('prints a terminal summary with every interviewer and the threshold', () => {
    const r = hirekit(['calibrate', '--format', 'text']);
    expect(r.code).toBe(0);
    for (const name of INTERVIEWERS) expect(r.stdout).toContain(name);
    expect(r.stdout).toContain("Agreement: Krippendorff's alpha");
    expect(r.stdout).toContain('too few shared candidates to tell');
    expect(r.stdout).toContain('share at least 5 candidates');
    expect(r.stdout).toContain('Adjusted scores');
  });

  it('shows only one interviewer with --interviewer, and filters by --since', () => {
    const one = JSON.parse(hirekit(['calibrate', '--json', '--interviewer', 'tomás ortega']).stdout) as Calibration;
    expect(one.roles[0]!.interviewers.map((p) => p.interviewer.name)).toEqual(['Tomás Ortega']);
    expect(one.filters.interviewer).toBe('tomás ortega');
    const recent = JSON.parse(hirekit(['calibrate', '--json', '--since', '2000-01-01']).stdout) as Calibration;
    expect(recent.roles[0]!.counts.scorecards).toBe(80);
    expect(recent.filters.since).toBe('2000-01-01T00:00:00.000Z');
    const future = hirekit(['calibrate', '--json', '--since', '2999-01-01']);
    expect(JSON.parse(future.stdout).roles[0].counts.scorecards).toBe(0);
  });

  it('writes Markdown, HTML and a PDF with charts', async () => {
    const md = hirekit(['calibrate', '--format', 'md']);
    expect(md.stdout).toContain('# Calibration of the interview panel');
    expect(md.stdout).toContain('| Dimension | Ordinal | 95% interval | Interval | Nominal | Units |');
    const html = hirekit(['calibrate', '--format', 'html']);
    expect(html.stdout).toContain('<svg role="img" aria-label="Interviewer leans with 95% intervals"');
    expect(html.stdout).toContain('Kenji Nakamura-Wójcik');
    const file = path.join(tmp.dir, 'calibration.pdf');
    const r = hirekit(['calibrate', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${file}\n`);
    const pdf = await readPdf(file);
    expect(pdf.title).toBe('Calibration of the interview panel');
    expect(pdf.fonts.every((f) => f.embedded)).toBe(true);
    for (const text of [...INTERVIEWERS, 'Lean against fellow panelists', 'How each interviewer uses the scale', "Agreement: Krippendorff's alpha (ordinal)", 'Adjusted scores', 'Zoë Łukasz']) {
      expect(pdf.text).toContain(text);
    }
  });
});

describe('hirekit calibrate errors', () => {
  it('refuses a date it cannot read, with exit 2', () => {
    const r = hirekit(['calibrate', '--since', '2026-13-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("hirekit: --since '2026-13-01' is not a date; write it as YYYY-MM-DD, e.g. --since 2026-09-01\n");
  });

  it('names the interviewers it knows when one is misspelt', () => {
    const r = hirekit(['calibrate', '--interviewer', 'Tomas Ortegaa']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no submitted scorecards by 'Tomas Ortegaa'");
    expect(r.stderr).toContain("did you mean 'Tomás Ortega'?");
  });

  it('refuses an unknown role and an empty workspace', () => {
    expect(hirekit(['calibrate', '--role', 'head-of-mll']).stderr).toContain("unknown role 'head-of-mll'; did you mean 'head-of-ml'?");
    const empty = path.join(tmp.dir, 'empty');
    mkdirSync(empty);
    const r = runCli(['-w', empty, 'calibrate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`hirekit: no submitted scorecards in ${empty} yet (drafts never count); interviewers submit them with hirekit score ROLE --candidate NAME\n`);
    writeFileSync(path.join(tmp.dir, 'a-file'), 'x');
    expect(runCli(['-w', path.join(tmp.dir, 'a-file'), 'calibrate']).code).toBe(1);
  });
});

describe('hirekit debrief --adjusted', () => {
  it('adds the adjusted scores beside the raw ones, labelled, for a candidate whose whole panel has a known lean', () => {
    const r = hirekit(['debrief', 'Zoë Łukasz', '--adjusted', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const debrief = JSON.parse(r.stdout) as Debrief;
    expect(debrief.summary.verdict).toBe('at-or-above-bar');
    expect(debrief.policy.composite).toBe(3.02);
    expect(debrief.adjusted!.shown).toBe(true);
    expect(debrief.adjusted!.label).toContain('for calibration only');
    expect(debrief.adjusted!.leans.map((l) => l.interviewer.name)).toEqual(['Ingrid Søndergaard', 'Kenji Nakamura-Wójcik', 'Mariam Haddad', 'Tomás Ortega']);
    expect(debrief.adjusted!.composite.raw).toBe(3.02);
    const text = hirekit(['debrief', 'Zoë Łukasz', '--adjusted', '--format', 'text']).stdout;
    expect(text).toContain('Adjusted for interviewer leans (not the committee’s input)');
  });

  it('says why not, and gives no adjusted number, when a panelist’s lean is unknown', () => {
    const debrief = JSON.parse(hirekit(['debrief', 'Aino Virtanen', '--adjusted', '--format', 'json']).stdout) as Debrief;
    expect(debrief.adjusted).toMatchObject({ shown: false, composite: { adjusted: null } });
    expect(debrief.adjusted!.reason).toBe('not shown: the lean of Priya Raman cannot be estimated yet (fewer than 5 candidates shared with other panelists)');
    const md = hirekit(['debrief', 'Aino Virtanen', '--adjusted', '--format', 'md']).stdout;
    expect(md).toContain('Adjusted scores not shown: the lean of Priya Raman');
  });

  it('leaves the debrief as it was without --adjusted', () => {
    const debrief = JSON.parse(hirekit(['debrief', 'Zoë Łukasz', '--format', 'json']).stdout) as Debrief;
    expect(debrief.adjusted).toBeUndefined();
  });
});
