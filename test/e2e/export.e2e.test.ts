// hirekit export through the built binary: the CSV parsed back by a spreadsheet-grade parser has the counts
// `hirekit debrief` and `hirekit calibrate` show; the bytes are RFC 4180 with a UTF-8 byte-order mark;
// formulas are neutralised; the committee's decision appears once recorded; JSON and --out behave.
// Run `npm run build` first.
import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import type { Calibration } from '../../src/core/calibration/calibration.js';
import type { Debrief } from '../../src/core/debrief.js';
import { FIXTURES, runCli, tempDir } from '../helpers/cli.js';

const RUBRICS = path.join(FIXTURES, 'workspaces', 'rubrics');
const CANDIDATES = ['sebnem-agaoglu', 'kwame-mensah'];
let tmp: ReturnType<typeof tempDir>;
let ws: string;
const hirekit = (args: string[]) => runCli(['--rubrics', RUBRICS, '-w', ws, ...args], { cwd: tmp.dir });

beforeAll(() => {
  tmp = tempDir('hirekit-export-');
  ws = path.join(tmp.dir, 'ws');
  cpSync(path.join(FIXTURES, 'workspaces', 'panel'), ws, { recursive: true });
  cpSync(path.join(FIXTURES, 'workspaces', 'extra-candidates', 'kwame-mensah'), path.join(ws, 'candidates', 'kwame-mensah'), { recursive: true });
});
afterAll(() => tmp.cleanup());

/** Parsed as a spreadsheet import would: the header names the columns, the BOM is not part of the first one. */
function rowsOf(csv: string): Array<Record<string, string>> {
  return parseCsv(csv, { columns: true, bom: true, record_delimiter: '\r\n' }) as Array<Record<string, string>>;
}

function debriefOf(slug: string): Debrief {
  const result = hirekit(['debrief', slug, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Debrief;
}

/** A scorecard of the workspace, changed for one test and put back after it. */
function withScorecard(file: string, change: (card: { ratings: Array<{ evidence: string }> }) => void, body: () => void): void {
  const target = path.join(ws, 'candidates', file);
  const original = readFileSync(target, 'utf8');
  const card = parseYaml(original) as { ratings: Array<{ evidence: string }> };
  change(card);
  writeFileSync(target, stringify(card));
  try {
    body();
  } finally {
    writeFileSync(target, original);
  }
}

describe('hirekit export --format csv', () => {
  it('has one row per submitted scorecard and dimension, the counts each debrief shows', () => {
    const csv = hirekit(['export']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('\uFEFFcandidate,role,stage,interviewer,dimension,level,evidence,recommendation,submitted_at\r\n')).toBe(true);
    const all = rowsOf(csv.stdout);
    for (const slug of CANDIDATES) {
      const debrief = debriefOf(slug);
      const rows = all.filter((r) => r.candidate === debrief.candidate.name);
      expect(rows.length, slug).toBe(debrief.dimensions.reduce((n, d) => n + d.ratings.length, 0));
      expect(new Set(rows.map((r) => `${r.stage}/${r.interviewer}`)).size, slug).toBe(debrief.tally.submitted);
      expect(rows.filter((r) => r.level === 'insufficient').length, slug).toBe(debrief.dimensions.reduce((n, d) => n + d.insufficient, 0));
      for (const d of debrief.dimensions) {
        const mine = rows.filter((r) => r.dimension === d.id);
        expect(mine.length, `${slug} ${d.id}`).toBe(d.ratings.length);
        expect(mine.map((r) => r.evidence).sort()).toEqual(d.ratings.map((r) => r.evidence).sort());
      }
    }
    // The draft (Priya's writing sample) is never exported; names in any script survive.
    expect(all.some((r) => r.interviewer === 'Priya Raghunathan')).toBe(false);
    expect(new Set(all.map((r) => r.candidate))).toEqual(new Set(['Şebnem Ağaoğlu', 'Kwame Mensah']));
    expect(all.some((r) => r.interviewer === 'Дмитрий Соколов')).toBe(true);
  });

  it('writes RFC 4180 bytes: a UTF-8 BOM, CRLF between records, quotes doubled, line breaks kept inside quotes', () => {
    withScorecard(
      'sebnem-agaoglu/scorecards/screen--dmitriy-sokolov.yaml',
      (card) => {
        card.ratings[0]!.evidence = 'She said "it depends", then\nexplained the trade-off';
      },
      () => {
        const out = path.join(tmp.dir, 'raw.csv');
        expect(hirekit(['export', '--role', 'ml-platform-lead', '--out', out]).code).toBe(0);
        const bytes = readFileSync(out);
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const text = bytes.toString('utf8');
        expect(text).toContain('"She said ""it depends"", then\nexplained the trade-off"');
        // Every record ends in CRLF; the only bare LF is the one inside the quoted evidence.
        expect(text.endsWith('\r\n')).toBe(true);
        expect(text.replace(/\r\n/g, '').split('\n')).toHaveLength(2);
        expect(text).toContain('Şebnem Ağaoğlu');
        expect(rowsOf(text).map((r) => r.evidence)).toContain('She said "it depends", then\nexplained the trade-off');
      },
    );
  });

  it('neutralises cells a spreadsheet would run as formulas (= + - @), and keeps commas, quotes and newlines intact', () => {
    const evil = ['=HYPERLINK("http://evil.example","click"), then more', '-2+3 was her estimate,\nsaid "roughly"', '+1 555 0100 was on her slide', '@SUM(A1:A9) came up as a joke', 'a\tcell with a tab inside'];
    withScorecard(
      'sebnem-agaoglu/scorecards/screen--dmitriy-sokolov.yaml',
      (card) => {
        card.ratings[0]!.evidence = evil[0]!;
        card.ratings[1]!.evidence = evil[1]!;
      },
      () =>
        withScorecard(
          'sebnem-agaoglu/scorecards/system-design--sofia-pappa.yaml',
          (card) => {
            card.ratings[0]!.evidence = evil[2]!;
            card.ratings[1]!.evidence = evil[3]!;
            card.ratings[2]!.evidence = evil[4]!;
          },
          () => {
            const evidence = rowsOf(hirekit(['export']).stdout).map((r) => r.evidence!);
            for (const cell of evil.slice(0, 4)) expect(evidence).toContain(`'${cell}`);
            expect(evidence).toContain(evil[4]);
            expect(evidence.filter((e) => /^[=+\-@\t\r]/.test(e))).toEqual([]);
            // JSON is data for programs, not a spreadsheet: the evidence stays as written.
            const json = JSON.parse(hirekit(['export', '--format', 'json']).stdout) as { rows: Array<{ evidence: string }> };
            expect(json.rows.map((r) => r.evidence)).toEqual(expect.arrayContaining(evil));
          },
        ),
    );
  });
});

describe('a submitted scorecard edited by hand', () => {
  it('is exported as it reads now, with a warning naming the file', () => {
    const other = path.join(tmp.dir, 'edited');
    cpSync(path.join(FIXTURES, 'workspaces', 'panel'), other, { recursive: true });
    const answers = path.join(tmp.dir, 'screen-answers.yaml');
    writeFileSync(
      answers,
      stringify({
        ratings: {
          'platform-architecture': { rating: 3, evidence: 'Walked through the feature store she built, with the contract between batch and online.' },
          'technical-leadership': { rating: 2, evidence: 'Described one design review she ran; the outcome was left to others.' },
        },
        flags: {},
        recommendation: 'yes',
        summary: 'A second screen, for the export test.',
      }),
    );
    const scored = runCli(['--rubrics', RUBRICS, '-w', other, 'score', 'ml-platform-lead', '--candidate', 'Şebnem Ağaoğlu', '--stage', 'screen', '--interviewer', 'Wei Zhang (张伟)', '--answers', answers], { cwd: tmp.dir });
    expect(scored.code, scored.stderr).toBe(0);
    const file = scored.stdout.trim();
    expect(runCli(['--rubrics', RUBRICS, '-w', other, 'export'], { cwd: tmp.dir }).stderr).toBe('');

    writeFileSync(file, readFileSync(file, 'utf8').replace('the outcome was left to others', 'the outcome was hers'));
    const result = runCli(['--rubrics', RUBRICS, '-w', other, 'export'], { cwd: tmp.dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`hirekit: warning: ${file}: no longer matches the digest it was submitted with; it was edited outside hirekit\n`);
    expect(rowsOf(result.stdout).map((r) => r.evidence)).toContain('Described one design review she ran; the outcome was hers.');
  });
});

describe('hirekit export --what debriefs', () => {
  it('has one row per candidate with submitted scorecards: the composite, coverage, verdict, hurdles and knockouts the debrief shows', () => {
    const result = hirekit(['export', '--what', 'debriefs']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\r\n')[0]).toBe('\uFEFFcandidate,role,submitted_scorecards,composite,rated_share,verdict,hurdles,knockouts,decision,decided_at,decided_by');
    const rows = rowsOf(result.stdout);
    expect(rows).toHaveLength(CANDIDATES.length);
    for (const slug of CANDIDATES) {
      const debrief = debriefOf(slug);
      const row = rows.find((r) => r.candidate === debrief.candidate.name);
      expect(row, slug).toEqual({
        candidate: debrief.candidate.name,
        role: 'ml-platform-lead',
        submitted_scorecards: String(debrief.tally.submitted),
        composite: debrief.policy.composite === null ? '' : String(debrief.policy.composite),
        rated_share: String(debrief.coverage.rated_share),
        verdict: debrief.summary.label,
        hurdles: debrief.policy.hurdles.map((h) => `${h.dimension} ${h.status}${h.score === null ? '' : ` (${h.score} of min ${h.min_level})`}`).join('; '),
        knockouts: debrief.policy.knockouts.map((k) => `${k.flag} (${k.raised_by.map((p) => p.name).join(', ')})`).join('; '),
        // No committee decision yet.
        decision: '',
        decided_at: '',
        decided_by: '',
      });
    }
    // Kwame's panel raised a knockout: it is named with who raised it.
    expect(rows.find((r) => r.candidate === 'Kwame Mensah')!.knockouts).toMatch(/^misstates-ownership \(.+\)$/);
  });

  it("carries the committee's decision, when and by whom, once it is submitted", () => {
    const dimensions = ['platform-architecture', 'reliability-operations', 'developer-experience', 'cost-capacity', 'technical-leadership', 'written-communication'];
    const answers = path.join(tmp.dir, 'decision.yaml');
    writeFileSync(
      answers,
      [
        'format: hirekit-decision-file/1',
        'participants: [Σοφία Παππά, Дмитрий Соколов, "Wei Zhang (张伟)"]',
        'consensus:',
        ...dimensions.map((d) => `  ${d}:\n    level: 3\n    reason: The committee read the evidence on ${d} and agreed after discussion.`),
        'decision: advance',
        'rationale: Strong on architecture and operations, with a clear plan for the team she would lead.',
      ].join('\n'),
    );
    const decided = hirekit(['decide', 'sebnem-agaoglu', '--answers', answers]);
    expect(decided.code, decided.stderr).toBe(0);

    const shown = debriefOf('sebnem-agaoglu').decision!;
    expect(shown.outcome).toBe('advance');
    const rows = rowsOf(hirekit(['export', '--what', 'debriefs']).stdout);
    expect(rows.find((r) => r.candidate === 'Şebnem Ağaoğlu')).toMatchObject({ decision: 'advance', decided_at: shown.decided_at, decided_by: 'Σοφία Παππά; Дмитрий Соколов; Wei Zhang (张伟)' });
    expect(rows.find((r) => r.candidate === 'Kwame Mensah')).toMatchObject({ decision: '', decided_at: '', decided_by: '' });
    const json = JSON.parse(hirekit(['export', '--what', 'debriefs', '--format', 'json']).stdout) as { rows: Array<Record<string, unknown>> };
    expect(json.rows.find((r) => r.candidate === 'Kwame Mensah')).toMatchObject({ decision: null, decided_at: null, decided_by: null });
  });
});

describe('hirekit export --what calibration', () => {
  const calibrate = (args: string[] = []): Calibration => {
    const result = hirekit(['calibrate', '--json', ...args]);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Calibration;
  };
  const num = (cell: string | undefined): number | null => (cell === undefined || cell === '' ? null : Number(cell));

  it('has the numbers hirekit calibrate reports: the panel, each interviewer, each dimension, each candidate', () => {
    const result = hirekit(['export', '--what', 'calibration']);
    expect(result.code, result.stderr).toBe(0);
    const rows = rowsOf(result.stdout);
    const [role] = calibrate().roles;
    const of = (scope: string) => rows.filter((r) => r.scope === scope);

    expect(of('panel')).toHaveLength(1);
    const panel = of('panel')[0]!;
    expect([panel.role, num(panel.candidates), num(panel.scorecards), num(panel.interviewers), num(panel.drafts_left_out)]).toEqual([
      role!.role.id,
      role!.counts.candidates,
      role!.counts.scorecards,
      role!.counts.interviewers,
      role!.counts.drafts_left_out,
    ]);
    expect(num(panel.alpha_ordinal)).toBe(role!.agreement.overall.ordinal.value);
    expect(num(panel.alpha_units)).toBe(role!.agreement.overall.units);

    expect(of('interviewer').map((r) => r.interviewer)).toEqual(role!.interviewers.map((p) => p.interviewer.name));
    for (const p of role!.interviewers) {
      const row = of('interviewer').find((r) => r.interviewer === p.interviewer.name)!;
      expect(num(row.scorecards)).toBe(p.scorecards);
      expect(num(row.answers)).toBe(p.levels.overall.total);
      expect(num(row.insufficient)).toBe(p.levels.overall.insufficient);
      expect(p.levels.overall.levels.map((_, i) => num(row[`level_${i + 1}`]))).toEqual(p.levels.overall.levels);
      expect(num(row.insufficient_share)).toBe(p.insufficient_share);
      expect([num(row.lean), row.lean_reading, num(row.shared_candidates)]).toEqual([p.leniency.mean_difference, p.leniency.reading, p.leniency.shared_candidates]);
      expect([num(row.recommend_strong_no), num(row.recommend_no), num(row.recommend_yes), num(row.recommend_strong_yes)]).toEqual([
        p.recommendations['strong-no'],
        p.recommendations.no,
        p.recommendations.yes,
        p.recommendations['strong-yes'],
      ]);
      expect(num(row.median_minutes_to_submit)).toBe(p.time_to_submit.median_minutes);
      // Its interviewer-dimension rows add up to its answers.
      const perDimension = of('interviewer-dimension').filter((r) => r.interviewer === p.interviewer.name);
      expect(perDimension.reduce((n, r) => n + num(r.answers)!, 0)).toBe(p.levels.overall.total);
    }

    expect(of('dimension').map((r) => r.dimension)).toEqual(role!.dimensions.map((d) => d.id));
    for (const d of role!.dimensions) {
      const row = of('dimension').find((r) => r.dimension === d.id)!;
      expect([num(row.answers), num(row.rated), num(row.insufficient), num(row.sd), num(row.top_level_share)]).toEqual([d.answers, d.rated, d.insufficient, d.sd, d.top_level_share]);
      expect(num(row.alpha_ordinal)).toBe(role!.agreement.dimensions.find((a) => a.id === d.id)!.ordinal.value);
    }

    expect(of('candidate').map((r) => [r.candidate, num(r.composite_raw)])).toEqual(role!.adjustment.candidates.map((c) => [c.candidate.name, c.composite.raw]));
    // A scale of four levels: level_1 to level_4 and no more.
    expect(Object.keys(rows[0]!).filter((k) => k.startsWith('level_'))).toEqual(['level_1', 'level_2', 'level_3', 'level_4']);
  });

  it('as JSON: every row has every column, null where its scope has no value; --since filters as calibrate does', () => {
    const json = JSON.parse(hirekit(['export', '--what', 'calibration', '--format', 'json']).stdout) as { what: string; rows: Array<Record<string, unknown>> };
    expect(json.what).toBe('calibration');
    const keys = Object.keys(json.rows[0]!);
    expect(json.rows.every((r) => JSON.stringify(Object.keys(r)) === JSON.stringify(keys))).toBe(true);
    expect(json.rows.find((r) => r.scope === 'panel')!.lean).toBeNull();

    // Kwame's scorecards were submitted from 2026-11-10 on; Şebnem's by 2026-11-06.
    const since = '2026-11-08';
    const later = calibrate(['--since', since]).roles[0]!;
    const rows = rowsOf(hirekit(['export', '--what', 'calibration', '--since', since]).stdout);
    expect(num(rows.find((r) => r.scope === 'panel')!.scorecards)).toBe(later.counts.scorecards);
    expect(later.counts.scorecards).toBeLessThan(calibrate().roles[0]!.counts.scorecards);
  });

  it('refuses --since for scorecards and debriefs (usage, exit 2) and a bad date in one line', () => {
    const wrong = hirekit(['export', '--since', '2026-11-01']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('hirekit: --since applies to --what calibration only; scorecards and debriefs are exported whole\n');
    const bad = hirekit(['export', '--what', 'calibration', '--since', 'yesterday']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('hirekit export --format json and --out', () => {
  it('prints the rows as JSON, levels as numbers or "insufficient"', () => {
    const result = hirekit(['export', '--format', 'json']);
    const json = JSON.parse(result.stdout) as { format: string; what: string; rows: Array<{ level: number | string }> };
    expect(json.format).toBe('hirekit-export/1');
    expect(json.what).toBe('scorecards');
    expect(json.rows.every((r) => typeof r.level === 'number' || r.level === 'insufficient')).toBe(true);
    expect(json.rows.length).toBe(rowsOf(hirekit(['export']).stdout).length);
  });

  it('writes --out FILE private to the user, its format from the extension, and prints the path', () => {
    const out = path.join(tmp.dir, 'debriefs.json');
    const result = hirekit(['export', '--what', 'debriefs', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${out}\n`);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { rows: unknown[] }).rows).toHaveLength(CANDIDATES.length);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('refuses a format it does not write, in one line, exit 2', () => {
    const result = hirekit(['export', '--out', path.join(tmp.dir, 'x.xlsx')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('does not write .xlsx files; it writes csv or json');
  });
});
