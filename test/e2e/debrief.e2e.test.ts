// The built binary on a fixture workspace: debrief (PDF text extracted in-process, JSON, Markdown, the
// terminal text and its errors), compare and demo. Run `npm run build` first.
import { cpSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES, ROOT, runCli, tempDir } from '../helpers/cli.js';
import { pageSizes, readPdf, type PdfFacts } from '../helpers/pdf.js';
import type { Debrief } from '../../src/core/debrief.js';

const RUBRICS = path.join(FIXTURES, 'workspaces', 'rubrics');
const PANEL = path.join(FIXTURES, 'workspaces', 'panel');
const CANDIDATE_DIR = path.join(PANEL, 'candidates', 'sebnem-agaoglu');
const DIMENSIONS = ['Platform architecture', 'Reliability and operations', 'Developer experience', 'Cost and capacity', 'Technical leadership', 'Written communication'];
const SUBMITTED = ['Дмитрий Соколов', 'Σοφία Παππά', 'Mateus Conceição', 'Aoife Ní Bhriain', 'Jörg Åström'];

const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();
const hirekit = (args: string[], cwd?: string) => runCli(['--rubrics', RUBRICS, '-w', PANEL, ...args], cwd ? { cwd } : {});

interface FixtureCard {
  status: string;
  interviewer: { name: string };
  ratings: Array<{ evidence: string }>;
  flags: Array<{ note: string }>;
}

function fixtureCards(): FixtureCard[] {
  const dir = path.join(CANDIDATE_DIR, 'scorecards');
  return readdirSync(dir).map((f) => parse(readFileSync(path.join(dir, f), 'utf8')) as FixtureCard);
}

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('hirekit-debrief-');
});
afterAll(() => tmp.cleanup());

describe('hirekit debrief --out debrief.pdf', () => {
  let pdf: PdfFacts;
  let result: ReturnType<typeof runCli>;
  const file = () => path.join(tmp.dir, 'debrief.pdf');

  beforeAll(async () => {
    result = hirekit(['debrief', 'Şebnem Ağaoğlu', '--out', file()]);
    pdf = await readPdf(file());
  });

  it('prints the path on stdout and the rubric-version warning on stderr', () => {
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${file()}\n`);
    expect(result.stderr).toBe(
      "hirekit: warning: Jörg Åström's Partner team panel scorecard was made against rubric v3.0, not the current v3.1; its ratings are included and marked\n",
    );
    expect(statSync(file()).mode & 0o777).toBe(0o600);
  });

  it('has five pages, a title and only embedded fonts', () => {
    expect(pdf.pages).toBe(5);
    expect(pdf.title).toBe('Debrief: Şebnem Ağaoğlu, ML Platform Lead');
    expect(pdf.fonts.length).toBeGreaterThan(0);
    expect(pdf.fonts.filter((f) => !f.embedded)).toEqual([]);
  });

  it('puts the candidate, panel, tally and mechanical summary on the first page', () => {
    const first = fold(pdf.pageTexts[0] ?? '');
    expect(first).toContain('Debrief: Şebnem Ağaoğlu');
    expect(first).toContain('ML Platform Lead');
    for (const name of SUBMITTED) expect(first).toContain(name);
    expect(first).toContain('below bar');
    expect(first).toContain("Input to the committee's decision, not the decision.");
    expect(first).toMatch(/1 Strong yes 2 Yes 2 No 0 Strong no/);
    expect(first).toContain('2.93');
    expect(first).toContain('Read first');
    expect(first).toContain('Draft left out of every number: Priya Raghunathan · Writing sample review');
  });

  it('names every dimension, quotes every submitted rating and flag note, and leaves the draft out', () => {
    for (const d of DIMENSIONS) expect(pdf.text).toContain(d);
    for (const card of fixtureCards()) {
      for (const r of card.ratings) {
        if (card.status === 'submitted') expect(pdf.text).toContain(fold(r.evidence));
        else expect(pdf.text).not.toContain(fold(r.evidence));
      }
      for (const f of card.flags) expect(pdf.text).toContain(fold(f.note));
    }
  });

  it('carries the agenda, the heatmap numbers, coverage gaps and the policy', () => {
    expect(pdf.text).toContain('To discuss');
    expect(pdf.text).toContain('Platform architecture: ratings span 2 to 4');
    expect(pdf.text).toContain('Mateus Conceição rated 2; Σοφία Παππά rated 4.');
    expect(pdf.text).toContain('Stages of the loop without a submitted scorecard: Writing sample review.');
    expect(pdf.text).toContain('Hurdle: Reliability and operations must reach 3: score 3, met.');
    expect(pdf.text).toContain('Every dimension was rated, so the rubric\'s weights apply unchanged.');
    const scores = fold(pdf.pageTexts[1] ?? '');
    expect(scores).toContain('Scores');
    expect(scores).toMatch(/Platform architecture \(25\) 3 2 4 3/);
  });
});

describe('hirekit debrief, other formats', () => {
  it('prints the Debrief as JSON when stdout is not a terminal', () => {
    const r = hirekit(['debrief', 'sebnem-agaoglu']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as Debrief;
    expect(d.format).toBe('hirekit-debrief/1');
    expect(d.candidate).toEqual({ name: 'Şebnem Ağaoğlu', slug: 'sebnem-agaoglu' });
    expect(d.summary.verdict).toBe('below-bar');
    // (25*3 + 20*3 + 15*2.5 + 15*3 + 15*3 + 10*3) / 100 = 2.925, reported as 2.93.
    expect(d.policy.composite).toBe(2.93);
    expect(d.drafts.map((x) => x.interviewer.name)).toEqual(['Priya Raghunathan']);
    expect(d.panel).toHaveLength(5);
  });

  it('renders Markdown from the built-in template, and HTML to a file', () => {
    const md = hirekit(['debrief', 'sebnem-agaoglu', '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('# Debrief: Şebnem Ağaoğlu');
    expect(md.stdout).toContain('## Mechanical summary: below bar');
    expect(md.stdout).toContain('1. **Developer experience: a red and a green flag; also below bar**. Hear from: Jörg Åström · Partner team panel; Aoife Ní Bhriain · Partner team panel');
    expect(md.stdout).toContain('2. **Platform architecture: ratings span 2 to 4**.');
    expect(md.stdout).toContain('| Platform architecture | 25 | 3 | 2 | 4 | · | · | **3** | 2–4 | yes |');
    const html = path.join(tmp.dir, 'debrief.html');
    expect(hirekit(['debrief', 'sebnem-agaoglu', '--out', html]).code).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('<title>Debrief: Şebnem Ağaoğlu, ML Platform Lead</title>');
    expect(text).toContain('“Said the recommendations team “refused to read the docs”');
  });

  it('uses a user template, and reports its errors with line and column before reading anything', () => {
    const good = path.join(tmp.dir, 'mine.md.hbs');
    writeFileSync(good, '{{candidate}}: {{summary.label}} ({{composite}})\n{{#each agenda}}- {{title}}\n{{/each}}');
    const r = hirekit(['debrief', 'sebnem-agaoglu', '--format', 'md', '--template', good]);
    expect(r.stdout).toBe(
      'Şebnem Ağaoğlu: below bar (2.93)\n- Developer experience: a red and a green flag; also below bar\n- Platform architecture: ratings span 2 to 4\n- Cost and capacity: one rating (3), 1 × insufficient\n',
    );
    const bad = path.join(tmp.dir, 'bad.md.hbs');
    writeFileSync(bad, '# {{candidate}}\n{{#each agenda}}\n{{/each}\n');
    const b = hirekit(['debrief', 'sebnem-agaoglu', '--format', 'md', '--template', bad]);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(new RegExp(`^hirekit: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:8  template syntax error: `));
    expect(b.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('writes a PDF into the candidate folder when asked for PDF without --out', () => {
    const ws = path.join(tmp.dir, 'ws');
    cpSync(PANEL, ws, { recursive: true });
    const r = runCli(['--rubrics', RUBRICS, '-w', ws, 'debrief', 'Şebnem Ağaoğlu', '--format', 'pdf']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${path.join(ws, 'candidates', 'sebnem-agaoglu', 'debrief.pdf')}\n`);
    expect(existsSync(r.stdout.trim())).toBe(true);
  });

  it('prints the plain-text summary with --format text', () => {
    const r = hirekit(['debrief', 'sebnem-agaoglu', '--format', 'text']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Mechanical summary: BELOW BAR');
    expect(r.stdout).toContain('1. Developer experience: a red and a green flag; also below bar');
    expect(r.stdout).toContain('2. Platform architecture: ratings span 2 to 4');
    expect(r.stderr).toBe('');
  });
});

describe('hirekit debrief --paper', () => {
  it('prints on US Letter with --paper letter or HIREKIT_PAPER=letter, A4 otherwise', async () => {
    const flag = path.join(tmp.dir, 'letter-flag.pdf');
    const variable = path.join(tmp.dir, 'letter-env.pdf');
    const a4 = path.join(tmp.dir, 'a4.pdf');
    expect(hirekit(['debrief', 'sebnem-agaoglu', '--out', flag, '--paper', 'letter']).code).toBe(0);
    expect(runCli(['--rubrics', RUBRICS, '-w', PANEL, 'debrief', 'sebnem-agaoglu', '--out', variable], { env: { HIREKIT_PAPER: 'letter' } }).code).toBe(0);
    expect(hirekit(['debrief', 'sebnem-agaoglu', '--out', a4]).code).toBe(0);
    expect(new Set(await pageSizes(flag))).toEqual(new Set(['612x792']));
    expect(new Set(await pageSizes(variable))).toEqual(new Set(['612x792']));
    expect(new Set(await pageSizes(a4))).toEqual(new Set(['595.28x841.89']));
    // Letter is 50 pt shorter than A4, yet the debrief still reads the same, summary first: the panel table
    // that closes page 1 on A4 opens page 2 on Letter, so it runs to six pages.
    const letter = await readPdf(flag);
    expect(letter.pages).toBe(6);
    expect(fold(letter.pageTexts[1] ?? '')).toMatch(/^Panel Interviewer Stage Recommendation Rubric/);
    expect(fold(letter.pageTexts[0] ?? '')).toContain('below bar');
  });

  it('rejects another paper size on one line, with exit code 2', () => {
    const r = hirekit(['debrief', 'sebnem-agaoglu', '--out', path.join(tmp.dir, 'x.pdf'), '--paper', 'tabloid']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("hirekit: option '--paper <size>' argument 'tabloid' is invalid. Allowed choices are a4, letter; see hirekit --help\n");
    expect(existsSync(path.join(tmp.dir, 'x.pdf'))).toBe(false);
  });
});

describe('hirekit debrief errors', () => {
  it('names the known candidates for an unknown one (exit 1)', () => {
    const r = hirekit(['debrief', 'Nobody Here']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^hirekit: no candidate 'Nobody Here' in .*; known candidates: Şebnem Ağaoğlu\n$/);
  });

  it('refuses --template with JSON (exit 2) and writes into a folder named by --out', () => {
    const t = hirekit(['debrief', 'sebnem-agaoglu', '--format', 'json', '--template', 'x.hbs']);
    expect(t.code).toBe(2);
    expect(t.stderr).toBe('hirekit: --template applies to --format md or html, not json; drop --template or choose md/html\n');
    // --out naming a folder writes into it under the default name (io/output.ts).
    const o = hirekit(['debrief', 'sebnem-agaoglu', '--out', tmp.dir, '--format', 'pdf']);
    expect(o.code).toBe(0);
    expect(o.stdout).toBe(`${path.join(tmp.dir, 'sebnem-agaoglu-debrief.pdf')}\n`);
  });

  it('rejects an unknown --format (exit 2)', () => {
    const r = hirekit(['debrief', 'sebnem-agaoglu', '--format', 'docx']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('hirekit compare', () => {
  // The panel workspace plus a second candidate for the same role, who has a knockout.
  const ws = () => path.join(tmp.dir, 'two-candidates');
  const compare = (args: string[]) => runCli(['--rubrics', RUBRICS, '-w', ws(), 'compare', ...args]);
  beforeAll(() => {
    cpSync(PANEL, ws(), { recursive: true });
    cpSync(path.join(FIXTURES, 'workspaces', 'extra-candidates', 'kwame-mensah'), path.join(ws(), 'candidates', 'kwame-mensah'), { recursive: true });
  });

  it('shows both candidates side by side in the terminal', () => {
    const r = compare(['ml-platform-lead']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Composite \(bar 3\.00\)\s+3\.31\s+2\.93/);
    expect(r.stdout).toMatch(/Mechanical summary\s+knockout raised\s+below bar/);
    expect(r.stdout).toContain('Kwame Mensah: Claims ownership of work that references attribute to others.');
  });

  it('writes a one-page PDF with embedded fonts', async () => {
    const file = path.join(tmp.dir, 'compare.pdf');
    const r = compare(['ml-platform-lead', 'Şebnem Ağaoğlu', 'kwame-mensah', '--out', file]);
    expect(r.code).toBe(0);
    const pdf = await readPdf(file);
    expect(pdf.pages).toBe(1);
    expect(pdf.fonts.every((f) => f.embedded)).toBe(true);
    for (const text of ['Şebnem Ağaoğlu', 'Kwame Mensah', 'knockout raised', 'below bar', ...DIMENSIONS]) expect(pdf.text).toContain(text);
  });

  it('fails on an unknown role (exit 2)', () => {
    const r = compare(['ml-platform-leed']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("did you mean 'ml-platform-lead'?");
  });
});

describe('hirekit demo', () => {
  const dir = () => path.join(tmp.dir, 'demo');
  const INTERVIEWERS = ['Mariam Haddad', 'Tomás Ortega', 'Ingrid Søndergaard', 'Kenji Nakamura-Wójcik'];
  let r: ReturnType<typeof runCli>;
  beforeAll(() => {
    r = runCli(['demo', dir()]);
  });

  it('scores Zoë Łukasz through the whole loop with the real scoring code and writes the debrief and a pack', async () => {
    expect(r.code).toBe(0);
    const written = r.stdout.trim().split('\n');
    expect(written.filter((f) => f.includes(`${path.sep}zoe-lukasz${path.sep}scorecards${path.sep}`))).toHaveLength(8);
    // Nine more candidates through the same loop give hirekit calibrate a panel to describe.
    expect(written.filter((f) => f.includes(`${path.sep}scorecards${path.sep}`))).toHaveLength(80);
    expect(written).toContain(path.join(dir(), 'debrief.pdf'));
    expect(written).toContain(path.join(dir(), 'head-of-ml-pack.pdf'));
    expect(r.stderr).toContain('8 scorecards, one per stage, from 4 interviewers');
    expect(r.stderr).toContain('debrief.pdf          mechanical summary: at or above bar, composite ');
    expect(r.stderr).toContain('Try next, in the demo folder:');
    expect(r.stderr).toContain('\n  hirekit calibrate\n');
    const pdf = await readPdf(path.join(dir(), 'debrief.pdf'));
    expect(pdf.fonts.every((f) => f.embedded)).toBe(true);
    for (const text of ['Debrief: Zoë Łukasz', ...INTERVIEWERS]) expect(pdf.text).toContain(text);
    expect(fold(pdf.text)).toContain('MECHANICAL SUMMARY at or above bar');
    expect(pdf.text).toContain('ML strategy & portfolio: ratings span 2 to 4');
    expect(pdf.text).toContain('Red flag: Attributes failures to other teams');
    expect(pdf.text).toContain('Every stage of the loop has a submitted scorecard.');
    const pack = await readPdf(path.join(dir(), 'head-of-ml-pack.pdf'));
    expect(pack.pages).toBeGreaterThan(1);
  });

  it('suggests next commands, each under what it shows, and those that need no terminal run as printed', () => {
    const lines = r.stderr.split('\n');
    const [cd, ...steps] = lines.slice(lines.indexOf('Try next, in the demo folder:') + 1).filter((l) => l.trim() !== '');
    expect(cd).toBe(`  cd ${dir()}`);
    expect(steps.length).toBe(14);
    for (const [i, line] of steps.entries()) expect(line.startsWith(i % 2 === 0 ? '  # ' : '  hirekit ')).toBe(true);
    const commands = steps.filter((l) => l.startsWith('  hirekit ')).map((l) => l.trim());
    // score and decide ask their questions on a terminal; the others print and exit.
    const runnable = commands.filter((c) => !/ (score|decide) /.test(c));
    expect(runnable).toHaveLength(5);
    for (const command of runnable) {
      const args = (command.slice('hirekit '.length).match(/"[^"]*"|\S+/g) ?? []).map((a) => a.replace(/^"|"$/g, ''));
      const run = runCli(args, { cwd: dir() });
      expect(run.code, command).toBe(0);
      expect(run.stdout.length, command).toBeGreaterThan(0);
    }
  });

  it('gives every stage of the loop one submitted scorecard and a debrief at or above bar', () => {
    const json = runCli(['-w', path.join(dir(), 'hiring'), 'debrief', 'Zoë Łukasz', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    const debrief = JSON.parse(json.stdout) as Debrief;
    const rubric = parse(readFileSync(path.join(ROOT, 'rubrics', 'head-of-ml.yaml'), 'utf8')) as { loop: Array<{ id: string }> };
    expect(debrief.panel.map((p) => p.stage.id)).toEqual(rubric.loop.map((s) => s.id));
    expect(debrief.tally.submitted).toBe(8);
    expect(debrief.drafts).toEqual([]);
    expect(debrief.coverage.stages_without_scorecard).toEqual([]);
    expect(debrief.coverage.rated_share).toBe(1);
    for (const name of INTERVIEWERS) expect(debrief.panel.filter((p) => p.interviewer.name === name)).toHaveLength(2);
    // Every dimension is rated on the scale by someone, and by at least two different interviewers in all.
    for (const d of debrief.dimensions) {
      expect(d.count, d.id).toBeGreaterThan(0);
      expect(new Set(d.ratings.map((x) => x.interviewer.name)).size, d.id).toBeGreaterThanOrEqual(2);
    }
    expect(debrief.summary.verdict).toBe('at-or-above-bar');
    expect(debrief.policy.composite).toBeGreaterThanOrEqual(3);
    expect(debrief.policy.hurdles.map((h) => [h.dimension, h.status])).toEqual([
      ['mlops-reliability', 'met'],
      ['ml-strategy-portfolio', 'met'],
      ['talent-org-leadership', 'met'],
    ]);
    expect(debrief.agenda).toEqual([
      expect.objectContaining({ kind: 'flag-conflict', dimension: { id: 'cross-functional-leadership', name: 'Cross-functional leadership' }, also: ['below-bar'] }),
      expect.objectContaining({ kind: 'disagreement', dimension: { id: 'ml-strategy-portfolio', name: 'ML strategy & portfolio' }, spread: 2 }),
    ]);
    expect(debrief.decision).toMatchObject({ outcome: 'advance', dissent: [{ name: 'Kenji Nakamura-Wójcik' }] });
    const red = debrief.flags.filter((f) => f.kind === 'red');
    expect(red.map((f) => [f.id, f.knockout])).toEqual([['blames-other-teams', false]]);
    expect(debrief.flags.some((f) => f.kind === 'green')).toBe(true);
    expect(debrief.dimensions.flatMap((d) => d.ratings).filter((x) => x.rating === 'insufficient')).toHaveLength(1);
  });

  it('replaces a previous demo, and refuses a folder it did not make', () => {
    expect(runCli(['demo', dir()]).code).toBe(0);
    const other = path.join(tmp.dir, 'not-a-demo');
    cpSync(RUBRICS, other, { recursive: true });
    const r = runCli(['demo', other]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`hirekit: ${other}: is not empty and was not made by hirekit demo; pass a new or empty folder, e.g. hirekit demo ./hirekit-demo\n`);
  });
});
