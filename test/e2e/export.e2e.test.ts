// hirekit export through the built binary: the CSV parsed back by a spreadsheet-grade parser has the counts
// the debrief shows; formulas are neutralised; JSON and --out behave. Run `npm run build` first.
import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import type { Debrief } from '../../src/core/debrief.js';
import { FIXTURES, runCli, tempDir } from '../helpers/cli.js';

const RUBRICS = path.join(FIXTURES, 'workspaces', 'rubrics');
let tmp: ReturnType<typeof tempDir>;
let ws: string;
const hirekit = (args: string[]) => runCli(['--rubrics', RUBRICS, '-w', ws, ...args], { cwd: tmp.dir });

beforeAll(() => {
  tmp = tempDir('hirekit-export-');
  ws = path.join(tmp.dir, 'ws');
  cpSync(path.join(FIXTURES, 'workspaces', 'panel'), ws, { recursive: true });
});
afterAll(() => tmp.cleanup());

function rowsOf(csv: string): Array<Record<string, string>> {
  return parseCsv(csv, { columns: true, bom: true, record_delimiter: '\r\n' }) as Array<Record<string, string>>;
}

describe('hirekit export --format csv', () => {
  it('has one row per submitted scorecard and dimension, the counts the debrief shows', () => {
    const csv = hirekit(['export']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('\uFEFFcandidate,role,stage,interviewer,dimension,level,evidence,recommendation,submitted_at\r\n')).toBe(true);
    const rows = rowsOf(csv.stdout);
    const debrief = JSON.parse(hirekit(['debrief', 'sebnem-agaoglu', '--format', 'json']).stdout) as Debrief;

    expect(rows.length).toBe(debrief.dimensions.reduce((n, d) => n + d.ratings.length, 0));
    expect(new Set(rows.map((r) => `${r.stage}/${r.interviewer}`)).size).toBe(debrief.tally.submitted);
    expect(rows.filter((r) => r.level === 'insufficient').length).toBe(debrief.dimensions.reduce((n, d) => n + d.insufficient, 0));
    for (const d of debrief.dimensions) {
      const mine = rows.filter((r) => r.dimension === d.id);
      expect(mine.length, d.id).toBe(d.ratings.length);
      expect(mine.map((r) => r.evidence).sort()).toEqual(d.ratings.map((r) => r.evidence).sort());
    }
    // The draft (Priya's writing sample) is never exported; names in any script survive.
    expect(rows.some((r) => r.interviewer === 'Priya Raghunathan')).toBe(false);
    expect(new Set(rows.map((r) => r.candidate))).toEqual(new Set(['Şebnem Ağaoğlu']));
    expect(rows.some((r) => r.interviewer === 'Дмитрий Соколов')).toBe(true);
  });

  it('--what debriefs: one row per candidate with the debrief composite, coverage and verdict', () => {
    const result = hirekit(['export', '--what', 'debriefs']);
    expect(result.code).toBe(0);
    const rows = rowsOf(result.stdout);
    const debrief = JSON.parse(hirekit(['debrief', 'sebnem-agaoglu', '--format', 'json']).stdout) as Debrief;
    expect(rows).toEqual([
      {
        candidate: 'Şebnem Ağaoğlu',
        role: 'ml-platform-lead',
        submitted_scorecards: String(debrief.tally.submitted),
        composite: String(debrief.policy.composite),
        rated_share: String(debrief.coverage.rated_share),
        verdict: debrief.summary.label,
        hurdles: debrief.policy.hurdles.map((h) => `${h.dimension} ${h.status} (${h.score} of min ${h.min_level})`).join('; '),
        knockouts: '',
      },
    ]);
  });

  it('neutralises cells a spreadsheet would run as formulas, and keeps commas, quotes and newlines intact', () => {
    const file = path.join(ws, 'candidates', 'sebnem-agaoglu', 'scorecards', 'screen--dmitriy-sokolov.yaml');
    const card = parseYaml(readFileSync(file, 'utf8')) as { ratings: Array<{ evidence: string }> };
    const original = readFileSync(file, 'utf8');
    card.ratings[0]!.evidence = '=HYPERLINK("http://evil.example","click"), then more';
    card.ratings[1]!.evidence = '-2+3 was her estimate,\nsaid "roughly"';
    writeFileSync(file, stringify(card));
    try {
      const rows = rowsOf(hirekit(['export']).stdout);
      const evidence = rows.map((r) => r.evidence);
      expect(evidence).toContain('\'=HYPERLINK("http://evil.example","click"), then more');
      expect(evidence).toContain('\'-2+3 was her estimate,\nsaid "roughly"');
      expect(evidence.filter((e) => /^[=+\-@\t\r]/.test(e!))).toEqual([]);
    } finally {
      writeFileSync(file, original);
    }
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
    expect((JSON.parse(readFileSync(out, 'utf8')) as { rows: unknown[] }).rows).toHaveLength(1);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('refuses a format it does not write, in one line, exit 2', () => {
    const result = hirekit(['export', '--out', path.join(tmp.dir, 'x.xlsx')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('does not write .xlsx files; it writes csv or json');
  });
});
