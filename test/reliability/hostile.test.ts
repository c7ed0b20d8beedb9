// The reliability suite, in-process: names that YAML readers mistake for numbers, symlinks that would carry a
// write outside the workspace, terminal escape sequences, and scorecards edited by hand. Each class states
// how many cases it covers; the races between real processes live in races.e2e.test.ts.
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { runScore, type ScoreOptions } from '../../src/commands/score.js';
import { runCalibrate } from '../../src/commands/calibrate.js';
import { runCompare } from '../../src/commands/compare.js';
import { runStatus } from '../../src/commands/status.js';
import { gatherDebrief } from '../../src/commands/candidate-debrief.js';
import { checkPersonName, safeForTerminal, stripTerminalControls } from '../../src/core/text-safety.js';
import { Scorecard } from '../../src/core/scorecard.js';
import { loadRubricFile } from '../../src/io/rubrics.js';
import { scorecardYaml } from '../../src/io/scorecard-store.js';
import { CandidateRecord } from '../../src/io/workspace.js';
import { needsQuotes, toYaml } from '../../src/io/yaml-write.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';
import { fakeContext } from '../helpers/context.js';

const RUBRICS = path.join(FIXTURES, 'rubrics');
const COMPLETE = path.join(FIXTURES, 'answers', 'technical-complete.yaml');
const temps: Array<() => void> = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));
function temp(): string {
  const { dir, cleanup } = tempDir('hirekit-hostile-');
  temps.push(cleanup);
  return dir;
}

/** One answers-file run of `hirekit score`, in-process, with its stderr. */
async function score(ws: string, extra: Partial<ScoreOptions> = {}): Promise<{ file: string; stderr: string }> {
  // score refuses to create a workspace under --answers: the folder is made first, as `hirekit init` would.
  mkdirSync(ws, { recursive: true });
  const ctx = fakeContext();
  const result = await runScore(
    { role: 'data-analyst', candidate: 'Zoë Łukasz', stage: 'technical', interviewer: 'Ada Lovelace', workspace: ws, rubrics: [RUBRICS], answers: COMPLETE, ...extra },
    ctx,
  );
  return { file: result.file, stderr: ctx.err() };
}

async function status(ws: string): Promise<{ stdout: string; stderr: string; report: Awaited<ReturnType<typeof runStatus>> }> {
  const ctx = fakeContext();
  const report = await runStatus({ workspace: ws, rubrics: [RUBRICS] }, ctx);
  return { stdout: ctx.out(), stderr: ctx.err(), report };
}

// Strings that some YAML 1.1 or 1.2 reader resolves to a number, boolean, null or date when written bare.
const TRICKY = ['0o17', '1e3', 'yes', 'no', 'on', 'off', 'y', 'n', 'null', '~', '2026-01-01', '2026-01-01 10:00:00', '0x1F', '.inf', '-.inf', '.nan', '0b101', '+12', '1_000', '12:30', '190:20:30', 'True', 'NULL', '007', '-0', '3.', '<<', '='];

describe(`YAML written by hirekit reads back as written in YAML 1.1 and 1.2 (${TRICKY.length} tricky strings)`, () => {
  it('quotes every tricky string and leaves ordinary text bare', () => {
    expect(TRICKY.filter((t) => !needsQuotes(t))).toEqual([]);
    expect(['Zoë Łukasz', 'Wei Zhang (张伟)', 'data-analyst', 'Counted rows before the join'].filter(needsQuotes)).toEqual([]);
  });

  it('writing text that looks like a mapping with a mapping for a key puts no warning on stderr', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      expect(toYaml({ evidence: '{ qa: b }: c', note: '[a]: b' })).toBe('evidence: "{ qa: b }: c"\nnote: "[a]: b"\n');
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it.each(TRICKY)('a scorecard and a candidate file with %j as names and evidence round-trip', (text) => {
    const scorecard: Scorecard = {
      format: 'hirekit-scorecard/1',
      rubric: { id: 'data-analyst', version: text, hash: text },
      candidate: { name: text, slug: 'x' },
      interviewer: { name: text, slug: 'y' },
      stage: 'technical',
      status: 'draft',
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
      ratings: [{ dimension: 'sql', rating: 3, evidence: text, at: '2026-01-01T00:00:00.000Z' }],
      flags: [{ flag: 'checks-counts', kind: 'green', note: text, at: '2026-01-01T00:00:00.000Z' }],
      summary: text,
      audit: [{ at: '2026-01-01T00:00:00.000Z', action: 'amend', reason: text, previous: { summary: text } }],
    };
    const yaml = scorecardYaml(scorecard);
    for (const version of ['1.1', '1.2'] as const) {
      expect(Scorecard.parse(parse(yaml, { version }))).toEqual(scorecard);
      const record = { name: text, role: 'data-analyst', created_at: '2026-01-01T00:00:00.000Z' };
      expect(CandidateRecord.parse(parse(toYaml(record), { version }))).toEqual(record);
    }
  });

  it('a candidate named 0o17 is scored, listed by status and debriefed', async () => {
    const ws = temp();
    await score(ws, { candidate: '0o17', interviewer: 'yes' });
    const { report } = await status(ws);
    expect(report.map((c) => c.name)).toEqual(['0o17']);
    expect(report[0]?.stages.find((s) => s.stage === 'technical')?.submitted).toEqual(['yes']);
    const { debrief } = await gatherDebrief({ candidate: '0o17', workspace: ws, rubrics: [RUBRICS] }, { env: {}, cwd: process.cwd(), now: () => new Date() });
    expect(debrief.candidate.name).toBe('0o17');
  });
});

describe('containment by real path: a symlink between the workspace and the file is refused (6 places, and skipped by status)', () => {
  const places = [
    ['candidates/<slug>', (ws: string) => path.join(ws, 'candidates', 'zoe-lukasz')],
    ['candidates/', (ws: string) => path.join(ws, 'candidates')],
    ['scorecards/', (ws: string) => path.join(ws, 'candidates', 'zoe-lukasz', 'scorecards')],
  ] as const;

  it.each(places)('a symlinked %s folder pointing outside: nothing is written outside, one line names the link', async (_name, at) => {
    const ws = path.join(temp(), 'hiring');
    const outside = temp();
    mkdirSync(path.dirname(at(ws)), { recursive: true });
    symlinkSync(outside, at(ws));
    const error = await score(ws).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(`${at(ws)}: is a symbolic link; hirekit only writes inside the workspace through real folders, replace the link with the folder or file itself`);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('status skips a symlinked candidate folder with one warning naming it', async () => {
    const ws = path.join(temp(), 'hiring');
    await score(ws);
    const outside = temp();
    symlinkSync(outside, path.join(ws, 'candidates', 'someone-else'));
    const { stderr, report } = await status(ws);
    expect(report.map((c) => c.slug)).toEqual(['zoe-lukasz']);
    expect(stderr).toBe(`hirekit: warning: ${path.join(ws, 'candidates', 'someone-else')}: is a symbolic link, skipped; hirekit reads candidates only from real folders in the workspace\n`);
  });

  it('a symlinked backups/ folder: starting over refuses, the draft stays and nothing lands outside', async () => {
    const ws = path.join(temp(), 'hiring');
    const outside = temp();
    const { file } = await score(ws, { draft: true, answers: path.join(FIXTURES, 'answers', 'technical-partial.yaml') });
    const before = readFileSync(file, 'utf8');
    symlinkSync(outside, path.join(ws, 'candidates', 'zoe-lukasz', 'backups'));
    await expect(score(ws)).rejects.toThrow(/backups: is a symbolic link/);
    expect(readdirSync(outside)).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('a symlinked scorecard file is neither read nor replaced', async () => {
    const ws = path.join(temp(), 'hiring');
    const outside = path.join(temp(), 'target.yaml');
    writeFileSync(outside, 'secret: do not show\n');
    const dir = path.join(ws, 'candidates', 'zoe-lukasz', 'scorecards');
    mkdirSync(dir, { recursive: true });
    symlinkSync(outside, path.join(dir, 'technical--ada-lovelace.yaml'));
    const error = (await score(ws).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/technical--ada-lovelace\.yaml: is a symbolic link/);
    expect(error.message).not.toContain('secret');
    expect(readFileSync(outside, 'utf8')).toBe('secret: do not show\n');
  });

  it('a symlinked candidate.yaml is never read or echoed, by score or by status', async () => {
    const ws = path.join(temp(), 'hiring');
    const outside = path.join(temp(), 'passwd');
    writeFileSync(outside, 'root:x:0:0:root:/root:/bin/bash\n');
    mkdirSync(path.join(ws, 'candidates', 'zoe-lukasz'), { recursive: true });
    symlinkSync(outside, path.join(ws, 'candidates', 'zoe-lukasz', 'candidate.yaml'));
    for (const run of [() => score(ws), () => status(ws)]) {
      const error = (await run().catch((e: Error) => e)) as Error;
      expect(error.message).toMatch(/candidate\.yaml: is a symbolic link/);
      expect(error.message).not.toContain('root');
    }
  });
});

describe('terminal injection', () => {
  const HOSTILE = ['\u001b]0;pwned\u0007', '\u001b[2J', '\u001b[H', '\u009b2J', '\u001bP+q\u001b\\', '\u001b]8;;https://x\u001b\\', '\u202e', '\u2066', '\u0007', '\u0008', '\u007f', '\u0085'];

  it(`strips ${HOSTILE.length} kinds of control sequence and keeps the text and hirekit's colours`, () => {
    for (const bad of HOSTILE) expect(stripTerminalControls(`Zoë${bad} Łukasz`)).toBe('Zoë Łukasz');
    expect(safeForTerminal(`\u001b[1mBold\u001b[22m \u001b]0;t\u0007x`)).toBe('\u001b[1mBold\u001b[22m x');
    expect(stripTerminalControls('line one\n\tline two')).toBe('line one\n\tline two');
    // A carriage return would let later text overwrite the line: it becomes a line break.
    expect(stripTerminalControls('paid 10\rpaid 99\r\nnext')).toBe('paid 10\npaid 99\nnext');
  });

  it('one name check for --candidate and --interviewer: controls, bidi overrides, invisible-only and over-long names refused', () => {
    const refused = ['a\u001b[2Jb', 'Ann\u202eeL', '\u200b\u200b', '\u3164', 'x'.repeat(121), 'tab\there', 'new\nline'];
    for (const name of refused) expect(checkPersonName(name, 'candidate'), JSON.stringify(name)).toBeDefined();
    for (const name of ['Zoë Łukasz', 'Wei Zhang (张伟)', "Seán O'Brien", 'x'.repeat(120)]) expect(checkPersonName(name, 'interviewer')).toBeUndefined();
  });

  it('score refuses a hostile --candidate in one line before writing anything', async () => {
    const ws = path.join(temp(), 'hiring');
    await expect(score(ws, { candidate: 'Zoë\u001b]0;pwned\u0007' })).rejects.toThrow(/^--candidate: the candidate's name contains a terminal escape sequence/);
    await expect(score(ws, { interviewer: '\u200b' })).rejects.toThrow(/^--interviewer: the interviewer's name has no visible characters/);
  });

  it('a rubric with an escape sequence fails validation at its line and column', async () => {
    const file = path.join(temp(), 'hostile.yaml');
    writeFileSync(file, readFileSync(path.join(RUBRICS, 'data-analyst.yaml'), 'utf8').replace('title: Data Analyst', 'title: "Data \\e]0;pwned\\a Analyst"'));
    const report = await loadRubricFile(file);
    expect(report.errors.map((e) => `${e.line}:${e.col} ${e.message}`)).toEqual(['5:10 role.title: contains a terminal escape sequence (ESC); remove it, rubric text must be plain text']);
  });

  it('status prints a hand-edited hostile candidate name without its escape sequences', async () => {
    const ws = path.join(temp(), 'hiring');
    await score(ws);
    const record = path.join(ws, 'candidates', 'zoe-lukasz', 'candidate.yaml');
    writeFileSync(record, readFileSync(record, 'utf8').replace('name: Zoë Łukasz', 'name: "Zoë\\e[2J\\e]0;pwned\\a Łukasz"'));
    const { stdout } = await status(ws);
    expect(stdout).toContain('Zoë Łukasz');
    expect(stdout.includes('\u001b') || stdout.includes('\u0007')).toBe(false);
  });
});

describe('tamper evidence', () => {
  it('a submitted scorecard carries a digest; a hand edit is named by status, debrief, compare and calibrate; a legacy one is not suspect', async () => {
    const ws = path.join(temp(), 'hiring');
    const { file } = await score(ws);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/\ndigest: sha256:[0-9a-f]{64}\n/);
    expect((await status(ws)).stderr).toBe('');

    writeFileSync(file, text.replace('rating: 3', 'rating: 4'));
    const edited = await status(ws);
    expect(edited.stderr).toBe(`hirekit: warning: ${file}: no longer matches the digest it was submitted with; it was edited outside hirekit\n`);
    expect(edited.report[0]?.edited).toEqual([file]);
    const { debrief } = await gatherDebrief({ candidate: 'Zoë Łukasz', workspace: ws, rubrics: [RUBRICS] }, { env: {}, cwd: process.cwd(), now: () => new Date() });
    expect(debrief.warnings.filter((w) => w.code === 'edited-outside').map((w) => w.message)).toEqual([
      `${file} no longer matches the digest it was submitted with: it was edited outside hirekit; check it against version control before relying on it`,
    ]);
    // A comparison sets the edited numbers beside the others: it says so too.
    const compared = fakeContext();
    await runCompare({ role: 'data-analyst', candidates: [], workspace: ws, rubrics: [RUBRICS], format: 'json' }, compared);
    expect(compared.err()).toBe(
      `hirekit: warning: ${file} no longer matches the digest it was submitted with: it was edited outside hirekit; check it against version control before relying on it\n`,
    );

    // So does a calibration, whose interviewer leans the edit changes.
    const calibrated = fakeContext();
    await runCalibrate({ workspace: ws, rubrics: [RUBRICS], format: 'json' }, calibrated);
    expect(calibrated.err()).toBe(
      `hirekit: warning: ${file}: no longer matches the digest it was submitted with; it was edited outside hirekit, and calibrate counts it as it reads now\n`,
    );

    // Submitted before digests existed: legacy, read as before, no warning.
    writeFileSync(file, text.replace(/\ndigest: .*\n/, '\n'));
    expect((await status(ws)).stderr).toBe('');
    const legacy = fakeContext();
    await runCalibrate({ workspace: ws, rubrics: [RUBRICS], format: 'json' }, legacy);
    expect(legacy.err()).toBe('');
  });

  it('an amendment drops the old digest and the new submission carries a fresh one that matches', async () => {
    const ws = path.join(temp(), 'hiring');
    const { file } = await score(ws);
    const first = (parse(readFileSync(file, 'utf8')) as { digest: string }).digest;
    await score(ws, { amend: true, reason: 'The evidence quoted the wrong part of the case' });
    const second = parse(readFileSync(file, 'utf8')) as { digest: string; audit: unknown[] };
    expect(second.digest).not.toBe(first);
    expect(second.audit).toHaveLength(1);
    expect((await status(ws)).stderr).toBe('');
  });
});
