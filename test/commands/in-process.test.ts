// Every command runs in-process through a fake context, and the --out rules of the one output writer
// (io/output.ts) hold for each command that writes files.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCompare } from '../../src/commands/compare.js';
import { runDebrief } from '../../src/commands/debrief.js';
import { runDemo } from '../../src/commands/demo.js';
import { runInit } from '../../src/commands/init.js';
import { runPack } from '../../src/commands/pack.js';
import { runRoles } from '../../src/commands/roles.js';
import { runScore } from '../../src/commands/score.js';
import { runShow } from '../../src/commands/show.js';
import { runStatus } from '../../src/commands/status.js';
import { runValidate } from '../../src/commands/validate.js';
import { CheckFailed, UsageError } from '../../src/errors.js';
import { scriptedPrompts } from '../../src/prompts/scripted.js';
import stringWidth from 'string-width';
import { FIXTURES, tempDir } from '../helpers/cli.js';
import { fakeContext } from '../helpers/context.js';

const RUBRICS = path.join(FIXTURES, 'rubrics');
const WS_RUBRICS = path.join(FIXTURES, 'workspaces', 'rubrics');
const PANEL = path.join(FIXTURES, 'workspaces', 'panel');
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('hirekit-inproc-')));
afterEach(() => cleanup());

describe('the rubric commands in-process', () => {
  it('validate reports on stdout and fails with CheckFailed on a broken rubric', async () => {
    const ok = fakeContext({ env: {} });
    const result = await runValidate({ paths: [RUBRICS], strict: false, json: false, rubrics: [] }, ok);
    expect(result.ok).toBe(true);
    expect(ok.out()).toMatch(/^ok: \d+ rubric files? checked, 0 errors/);
    const broken = path.join(dir, 'broken.yaml');
    writeFileSync(broken, 'role: [\n');
    const bad = fakeContext({ env: {} });
    await expect(runValidate({ paths: [broken], strict: false, json: false, rubrics: [] }, bad)).rejects.toBeInstanceOf(CheckFailed);
    expect(bad.err()).toContain(`${broken}:`);
  });

  it('roles lists user rubrics from the context environment, uncoloured when stdout is no terminal', async () => {
    const ctx = fakeContext({ env: { HIREKIT_RUBRICS: RUBRICS } });
    const rows = await runRoles({ json: false, rubrics: [] }, ctx);
    expect(rows.map((r) => r.id)).toContain('data-analyst');
    expect(ctx.out()).toMatch(/^ROLE +TITLE/);
    expect(ctx.out()).not.toContain('\u001b[');
  });

  it('show lays the rubric out to the context columns and colours only a terminal', async () => {
    const narrow = fakeContext({ columns: 40 });
    const wide = fakeContext({ columns: 100 });
    await runShow({ role: 'data-analyst', json: false, rubrics: [RUBRICS] }, narrow);
    await runShow({ role: 'data-analyst', json: false, rubrics: [RUBRICS] }, wide);
    expect(narrow.out().split('\n').length).toBeGreaterThan(wide.out().split('\n').length);
    expect(narrow.out()).not.toContain('\u001b[');
    const tty = fakeContext({ stdoutIsTTY: true, env: {}, columns: 100 });
    await runShow({ role: 'data-analyst', json: false, rubrics: [RUBRICS] }, tty);
    expect(tty.out()).toContain('\u001b[');
  });
});

describe('the workspace commands in-process', () => {
  it('init, score (scripted answers file), status, debrief and compare share one context', async () => {
    const ctx = fakeContext({ cwd: dir, env: {} });
    await runInit({}, ctx);
    expect(ctx.out()).toBe(`${path.join(dir, 'hiring')}\n`);
    const answers = path.join(FIXTURES, 'answers', 'technical-complete.yaml');
    const scored = await runScore({ role: 'data-analyst', candidate: 'Zoë Łukasz', stage: 'technical', interviewer: 'Ana Ruiz', answers, rubrics: [RUBRICS] }, ctx);
    expect(scored.status).toBe('submitted');
    const report = await runStatus({ json: true, rubrics: [RUBRICS] }, ctx);
    expect(report[0]?.stages.find((s) => s.stage === 'technical')?.submitted).toEqual(['Ana Ruiz']);
    const debrief = await runDebrief({ candidate: 'Zoë Łukasz', format: 'json', rubrics: [RUBRICS] }, ctx);
    expect(debrief.debrief.candidate.slug).toBe('zoe-lukasz');
    const compared = await runCompare({ role: 'data-analyst', candidates: [], format: 'json', rubrics: [RUBRICS] }, ctx);
    expect(compared.comparison.candidates.map((c) => c.name)).toEqual(['Zoë Łukasz']);
  });

  it('score asks through the context prompts and refuses to prompt without a terminal', async () => {
    const ctx = fakeContext({ cwd: dir, stdinIsTTY: false });
    await expect(runScore({ role: 'data-analyst', candidate: 'Zoë Łukasz', stage: 'technical', interviewer: 'Ana Ruiz', rubrics: [RUBRICS] }, ctx)).rejects.toThrow(/no terminal/);
    const asked = fakeContext({ cwd: dir, prompts: scriptedPrompts([]) });
    // The scripted prompts run dry at the first question: the command stops cleanly, nothing else asked.
    await expect(runScore({ role: 'data-analyst', candidate: 'Zoë Łukasz', stage: 'technical', interviewer: 'Ana Ruiz', rubrics: [RUBRICS] }, asked)).rejects.toThrow();
  });

  it('demo builds its sample folder in-process', async () => {
    const ctx = fakeContext({ cwd: dir });
    const result = await runDemo({ rubrics: [] }, ctx);
    expect(existsSync(result.debrief)).toBe(true);
    expect(ctx.out().trim().split('\n')).toContain(result.debrief);
    expect(ctx.err()).toContain('Demo ready in hirekit-demo/');
    // The summary stays whole on an 80 x 24 terminal: no line wraps, and it leaves a row for the prompt.
    const summary = ctx.err().slice(ctx.err().lastIndexOf('\nDemo ready in ')).split('\n').slice(0, -1);
    expect(summary.length).toBeLessThanOrEqual(23);
    for (const line of summary) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    expect(summary).toContain('  cd hirekit-demo');
    expect(summary).toContain('  hirekit debrief "Zoë Łukasz"');
  }, 60_000);

  it('demo on a terminal, run through npx with HIREKIT_WORKSPACE set: commands that work from the demo folder, no scorecard list', async () => {
    const ctx = fakeContext({ cwd: dir, stdoutIsTTY: true, env: { npm_command: 'exec', HIREKIT_WORKSPACE: '/srv/hiring' } });
    const result = await runDemo({ dir: 'demo-npx', rubrics: [] }, ctx);
    expect(ctx.err()).toContain('\n  cd demo-npx\n');
    expect(ctx.err()).toContain('\n  npx hirekit -w hiring debrief "Zoë Łukasz"\n');
    expect(ctx.err()).toContain('\n  npx hirekit show head-of-ml\n');
    // The 80 scorecards are counted in the summary; the files at the top of the folder are still listed.
    expect(ctx.out().trim().split('\n')).toEqual([result.decision, result.debrief, ...result.pack]);
    expect(ctx.err()).toContain(`hiring/              the workspace: 10 candidates, ${result.scorecards.length} scorecards, 1 decision`);
  }, 60_000);
});

describe('--out, the one output writer', () => {
  const pack = (options: Parameters<typeof runPack>[0], ctx = fakeContext({ cwd: dir })) => runPack(options, ctx);

  it('pack --out x.docx exits 2 before any work', async () => {
    await expect(pack({ role: 'data-analyst', out: 'x.docx', rubrics: [RUBRICS] })).rejects.toThrow(
      new UsageError('--out x.docx: hirekit pack does not write .docx files; it writes pdf, md or html (name the file accordingly or choose with --format)'),
    );
    await expect(pack({ role: 'data-analyst', out: 'sheet.xlsx', rubrics: [RUBRICS] })).rejects.toBeInstanceOf(UsageError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('pack ROLE --out newdir/ writes into newdir/, created', async () => {
    const written = await pack({ role: 'data-analyst', out: 'newdir/', format: 'md', rubrics: [RUBRICS] });
    expect(written).toEqual([path.join(dir, 'newdir', 'data-analyst-pack.md'), path.join(dir, 'newdir', 'data-analyst-handout-churn-dip.md')]);
  });

  it('default pack names carry stage and candidate, so two packs never take each other’s place', async () => {
    const whole = await pack({ role: 'data-analyst', out: 'packs/', format: 'md', rubrics: [RUBRICS] });
    const screen = await pack({ role: 'data-analyst', out: 'packs/', format: 'md', stages: ['screen'], candidate: 'Zoë Łukasz', rubrics: [RUBRICS] });
    expect(path.basename(screen[0]!)).toBe('data-analyst-screen-zoe-lukasz-pack.md');
    expect(new Set([...whole, ...screen]).size).toBe(whole.length + screen.length);
  });

  it('says on stderr when it replaces an existing file', async () => {
    const ctx = fakeContext({ cwd: dir });
    await pack({ role: 'data-analyst', out: 'p.md', handouts: true, rubrics: [RUBRICS] }, ctx);
    expect(ctx.err()).toBe('');
    await pack({ role: 'data-analyst', out: 'p.md', handouts: true, rubrics: [RUBRICS] }, ctx);
    expect(ctx.err()).toBe(`hirekit: replaced ${path.join(dir, 'p.md')}\n`);
  });

  it('pack --all --out all.pdf exits 2', async () => {
    await expect(pack({ all: true, out: 'all.pdf', rubrics: [RUBRICS] })).rejects.toThrow(
      new UsageError('pack --all writes several files, so --out needs a folder, not the file name all.pdf; try --out ./'),
    );
  });

  it('debrief --format json --out d.md exits 2', async () => {
    await expect(runDebrief({ candidate: 'sebnem-agaoglu', format: 'json', out: 'd.md', workspace: PANEL, rubrics: [WS_RUBRICS] }, fakeContext({ cwd: dir }))).rejects.toThrow(
      new UsageError('--out d.md looks like a .md file but --format is json; make them agree or drop --format'),
    );
  });

  it('compare ROLE --out DIR writes into DIR', async () => {
    const out = path.join(dir, 'reports');
    mkdirSync(out);
    const ctx = fakeContext({ cwd: dir });
    const result = await runCompare({ role: 'ml-platform-lead', candidates: [], out, format: 'md', workspace: PANEL, rubrics: [WS_RUBRICS] }, ctx);
    expect(result.file).toBe(path.join(out, 'ml-platform-lead-compare.md'));
    expect(readFileSync(result.file!, 'utf8')).toContain('Şebnem Ağaoğlu');
    expect(statSync(result.file!).mode & 0o777).toBe(0o600);
    expect(ctx.out()).toBe(`${result.file}\n`);
  });

  it('compare refuses an extension it does not write instead of writing a PDF into it', async () => {
    await expect(runCompare({ role: 'ml-platform-lead', candidates: [], out: 'c.xlsx', workspace: PANEL, rubrics: [WS_RUBRICS] }, fakeContext({ cwd: dir }))).rejects.toThrow(
      /does not write \.xlsx files; it writes pdf, md, html, json or text/,
    );
  });

  it('refuses a FIFO at --out', async () => {
    const fifo = path.join(dir, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    await expect(pack({ role: 'data-analyst', out: fifo, rubrics: [RUBRICS] })).rejects.toThrow(`${fifo}: is a FIFO (named pipe); hirekit writes only regular files`);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses --out /dev/null and leaves it a device', async () => {
    await expect(pack({ role: 'data-analyst', out: '/dev/null', format: 'md', rubrics: [RUBRICS] })).rejects.toThrow('/dev/null: is a device; hirekit writes only regular files');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('a parent that is a file is one plain line, and nothing is left behind', async () => {
    writeFileSync(path.join(dir, 'plain'), 'x');
    await expect(pack({ role: 'data-analyst', out: 'plain/p.md', handouts: true, rubrics: [RUBRICS] })).rejects.toThrow(
      `${path.join(dir, 'plain', 'p.md')}: cannot be written (a file stands where a folder should be); choose another --out or free the path`,
    );
    expect(readdirSync(dir)).toEqual(['plain']);
  });
});
