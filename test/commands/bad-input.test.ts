// Bad usage and bad data through the real command line, in-process: each gives one plain line on stderr that
// names what is wrong and how to fix it, with exit 2 for usage and 1 for data, never an internal error, and
// nothing written. Found by running every command against a matrix of bad inputs.
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, tempDir, type CliResult } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

const PANEL = path.join(FIXTURES, 'workspaces', 'panel');
const WS_RUBRICS = path.join(FIXTURES, 'workspaces', 'rubrics');
const ANSWERS = path.join(FIXTURES, 'answers');
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('hirekit-bad-input-')));
afterEach(() => cleanup());

/** One line on stderr, starting "hirekit: ", and no internal error. */
function oneLine(result: CliResult): string {
  const lines = result.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^hirekit: /);
  expect(result.stderr).not.toContain('internal error');
  return lines[0]!;
}

function workspace(): string {
  const ws = path.join(dir, 'hiring');
  cpSync(PANEL, ws, { recursive: true });
  return ws;
}

describe('values given on the command line', () => {
  it('an empty path option is refused, never read as "use the default"', async () => {
    const ws = workspace();
    const emptyWorkspace = await runInProcess(['-w', '', 'status'], { cwd: dir, env: { NO_COLOR: '1', HIREKIT_RUBRICS: WS_RUBRICS } });
    expect(emptyWorkspace.code).toBe(2);
    expect(oneLine(emptyWorkspace)).toBe('hirekit: --workspace is empty; name a workspace folder, or leave --workspace out');

    const emptyRubrics = await runInProcess(['--rubrics', ' ', 'roles'], { cwd: dir });
    expect(emptyRubrics.code).toBe(2);
    expect(oneLine(emptyRubrics)).toBe('hirekit: --rubrics is empty; name a folder of rubrics, or leave --rubrics out');

    const emptyOut = await runInProcess(['-w', ws, 'export', '--out', ''], { cwd: dir, env: { NO_COLOR: '1', HIREKIT_RUBRICS: WS_RUBRICS } });
    expect(emptyOut.code).toBe(2);
    expect(oneLine(emptyOut)).toBe('hirekit: --out is empty; name a file, or leave --out out');
    expect(emptyOut.stdout).toBe('');

    const emptyTemplate = await runInProcess(['pack', 'head-of-ml', '--format', 'md', '--template', ''], { cwd: dir });
    expect(emptyTemplate.code).toBe(2);
    expect(oneLine(emptyTemplate)).toContain('--template is empty');
    expect(readdirSync(dir)).toEqual(['hiring']);
  });

  it("a mistake in a command's flags points at that command's help; an unknown command at the program's", async () => {
    const flag = await runInProcess(['pack', 'head-of-ml', '--pages', '3'], { cwd: dir });
    expect(flag.code).toBe(2);
    expect(oneLine(flag)).toBe("hirekit: unknown option '--pages' (Did you mean --paper?); see hirekit pack --help");
    const missing = await runInProcess(['debrief'], { cwd: dir });
    expect(oneLine(missing)).toBe("hirekit: missing required argument 'candidate'; see hirekit debrief --help");
    const command = await runInProcess(['debreif'], { cwd: dir });
    expect(command.code).toBe(2);
    expect(oneLine(command)).toBe("hirekit: unknown command 'debreif' (Did you mean debrief?); see hirekit --help");
  });

  it('help for an unknown command is one line, not the whole program help on stderr', async () => {
    const unknown = await runInProcess(['help', 'debreif'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(oneLine(unknown)).toBe("hirekit: unknown command 'debreif' (Did you mean debrief?); see hirekit --help");
    expect(unknown.stdout).toBe('');
    const known = await runInProcess(['help', 'pack'], { cwd: dir });
    expect(known.code).toBe(0);
    expect(known.stdout).toMatch(/^Usage: hirekit pack \[options\] \[role\]/);
    const program = await runInProcess(['help'], { cwd: dir });
    expect(program.code).toBe(0);
    expect(program.stdout).toMatch(/^Usage: hirekit \[options\] \[command\]/);
    expect(program.stdout).toContain('help [command]');
  });

  it('an empty filter is refused, never read as "no filter"', async () => {
    const ws = workspace();
    const env = { NO_COLOR: '1', HIREKIT_RUBRICS: WS_RUBRICS };
    const status = await runInProcess(['-w', ws, 'status', ''], { cwd: dir, env });
    expect(status.code).toBe(2);
    expect(oneLine(status)).toBe('hirekit: the candidate argument is empty; give one, or leave it out');
    expect(status.stdout).toBe('');

    const since = await runInProcess(['-w', ws, 'export', '--what', 'calibration', '--since', ''], { cwd: dir, env });
    expect(since.code).toBe(2);
    expect(oneLine(since)).toBe('hirekit: --since is empty; give it a value, or leave --since out');
    expect(since.stdout).toBe('');

    const interviewer = await runInProcess(['-w', ws, 'calibrate', '--interviewer', '  '], { cwd: dir, env });
    expect(interviewer.code).toBe(2);
    expect(oneLine(interviewer)).toBe('hirekit: --interviewer is empty; give it a value, or leave --interviewer out');

    const paths = await runInProcess(['validate', ''], { cwd: dir });
    expect(paths.code).toBe(2);
    expect(oneLine(paths)).toBe('hirekit: the paths argument is empty; give one, or leave it out');
  });

  it('a value holding a line break is refused in one line, not echoed over two', async () => {
    const role = await runInProcess(['show', 'head-of\nml'], { cwd: dir });
    expect(role.code).toBe(2);
    expect(oneLine(role)).toBe('hirekit: the role argument holds a line break; pass it on one line');

    const stage = await runInProcess(['pack', 'head-of-ml', '--stage', 'screen\r\nx'], { cwd: dir });
    expect(stage.code).toBe(2);
    expect(oneLine(stage)).toBe('hirekit: --stage holds a line break; pass it on one line');
  });
});

describe('reading workspaces', () => {
  it('export and calibrate refuse a path that holds no workspace instead of reporting it empty', async () => {
    const missing = path.join(dir, 'no-such-workspace');
    const exported = await runInProcess(['-w', missing, 'export'], { cwd: dir });
    expect(exported.code).toBe(1);
    expect(oneLine(exported)).toMatch(/^hirekit: .*no-such-workspace: does not exist; create a workspace with: hirekit init /);
    expect(exported.stdout).toBe('');

    const calibrated = await runInProcess(['-w', missing, 'calibrate', '--format', 'json'], { cwd: dir });
    expect(calibrated.code).toBe(1);
    expect(oneLine(calibrated)).toMatch(/no-such-workspace: does not exist; create a workspace with: hirekit init /);
  });

  it('export --role with an unknown role id is refused as calibrate --role is, not exported as an empty table', async () => {
    const ws = workspace();
    const result = await runInProcess(['-w', ws, 'export', '--role', 'ml-platfrom-lead'], { cwd: dir, env: { NO_COLOR: '1', HIREKIT_RUBRICS: WS_RUBRICS } });
    expect(result.code).toBe(2);
    expect(oneLine(result)).toMatch(/^hirekit: unknown role 'ml-platfrom-lead'/);
    expect(result.stdout).toBe('');
  });
});

describe('import into a path that holds no workspace', () => {
  it('says so alone, before the notices about the file it would import', async () => {
    const missing = path.join(dir, 'no-such-workspace');
    const result = await runInProcess(
      ['-w', missing, 'import', 'greenhouse', path.join(FIXTURES, 'import', 'greenhouse-scorecards.json'), '--mapping', path.join(FIXTURES, 'import', 'greenhouse-mapping.yaml'), '--dry-run'],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    expect(oneLine(result)).toMatch(/no-such-workspace: does not exist; create a workspace with: hirekit init /);
  });
});

describe("import given the other ATS's export", () => {
  it('says which ATS the file comes from in one line, not every field the other one lacks', async () => {
    mkdirSync(path.join(dir, 'hiring', 'candidates'), { recursive: true });
    const greenhouse = path.join(FIXTURES, 'import', 'greenhouse-scorecards.json');
    const lever = path.join(FIXTURES, 'import', 'lever-feedback.json');
    const asLever = await runInProcess(['import', 'lever', greenhouse, '--mapping', path.join(FIXTURES, 'import', 'lever-mapping.yaml'), '--candidate', 'Zoë Łukasz', '--dry-run'], { cwd: dir });
    expect(asLever.code).toBe(2);
    expect(oneLine(asLever)).toBe(`hirekit: ${greenhouse}: is Greenhouse's export, not Lever's; import it with hirekit import greenhouse (and a Greenhouse mapping)`);
    const asGreenhouse = await runInProcess(['import', 'greenhouse', lever, '--init-mapping', '--role', 'head-of-ml'], { cwd: dir });
    expect(asGreenhouse.code).toBe(2);
    expect(oneLine(asGreenhouse)).toBe(`hirekit: ${lever}: is Lever's export, not Greenhouse's; import it with hirekit import lever (and a Lever mapping)`);
  });
});

describe('import --init-mapping --out onto something already there', () => {
  const draft = (out: string) =>
    runInProcess(['import', 'greenhouse', path.join(FIXTURES, 'import', 'greenhouse-scorecards.json'), '--init-mapping', '--role', 'head-of-ml', '--out', out], { cwd: dir });

  it('a file is usage (exit 2, as hirekit new), a folder or a device is refused in its own words', async () => {
    const existing = path.join(dir, 'map.yaml');
    writeFileSync(existing, 'format: hirekit-import-mapping/1\n# my edits\n');
    const file = await draft(existing);
    expect(file.code).toBe(2);
    expect(oneLine(file)).toBe(`hirekit: ${existing}: already exists and may hold your edits; choose another --out, or pass --force to replace it`);

    mkdirSync(path.join(dir, 'maps'));
    const folder = await draft(path.join(dir, 'maps'));
    expect(folder.code).toBe(2);
    expect(oneLine(folder)).toBe(`hirekit: ${path.join(dir, 'maps')}: is a folder; end --out with / to write into it, or name a file`);

    const device = await draft('/dev/null');
    expect(device.code).toBe(2);
    expect(oneLine(device)).toBe('hirekit: /dev/null: is a device; hirekit writes only regular files, so name a file or a folder for --out');
  });
});

describe('reasons', () => {
  it('decide --force --reason needs a real sentence, as score --amend --reason does', async () => {
    const ws = workspace();
    const result = await runInProcess(['-w', ws, 'decide', 'sebnem-agaoglu', '--force', '--reason', 'ok', '--answers', path.join(dir, 'decision.yaml')], {
      cwd: dir,
      env: { NO_COLOR: '1', HIREKIT_RUBRICS: WS_RUBRICS },
    });
    expect(result.code).toBe(2);
    expect(oneLine(result)).toBe(`hirekit: --reason must be a real sentence (at least 3 different words and 15 characters), not "ok"; the reason is kept in the decision's record`);
    expect(existsSync(path.join(ws, 'candidates', 'sebnem-agaoglu', 'decision.yaml'))).toBe(false);
  });

  it('an empty score --amend --reason asks why the scorecard changes, not for what the candidate said', async () => {
    const result = await runInProcess(
      ['score', 'head-of-ml', '--candidate', 'Zoë Łukasz', '--stage', 'hiring-manager-screen', '--interviewer', 'Ana Ruiz', '--amend', '--reason', ' ', '--answers', path.join(ANSWERS, 'technical-complete.yaml')],
      { cwd: dir },
    );
    expect(result.code).toBe(2);
    expect(oneLine(result)).toBe('hirekit: --reason is empty: say why the submitted scorecard changes; the reason is kept in its audit trail');
  });
});

describe('demo into a path it cannot use', () => {
  it('a folder under a file, or a symbolic link to nothing, is one plain line, not an internal error', async () => {
    writeFileSync(path.join(dir, 'a-file'), 'x');
    const underFile = await runInProcess(['demo', path.join(dir, 'a-file', 'demo')], { cwd: dir });
    expect(underFile.code).toBe(1);
    expect(oneLine(underFile)).toBe(`hirekit: ${path.join(dir, 'a-file', 'demo')}: cannot be created (a file stands where a folder should be); choose another folder for the demo`);

    symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling'));
    const dangling = await runInProcess(['demo', path.join(dir, 'dangling')], { cwd: dir });
    expect(dangling.code).toBe(2);
    expect(oneLine(dangling)).toBe(`hirekit: ${path.join(dir, 'dangling')}: is a symbolic link to nothing; pass a real folder, e.g. hirekit demo ./hirekit-demo`);
    expect(existsSync(path.join(dir, 'nowhere'))).toBe(false);
  });

  it('a bad rubric folder stops the demo before it writes anything', async () => {
    writeFileSync(path.join(dir, 'not-a-folder.yaml'), 'role: x\n');
    const result = await runInProcess(['--rubrics', path.join(dir, 'not-a-folder.yaml'), 'demo', path.join(dir, 'demo')], { cwd: dir });
    expect(result.code).toBe(2);
    expect(oneLine(result)).toMatch(/not-a-folder\.yaml: is a file, not a folder; pass folders to --rubrics$/);
    expect(existsSync(path.join(dir, 'demo'))).toBe(false);
  });
});

describe('YAML files that are not what they claim', () => {
  it('nesting hundreds deep says so, instead of the engine\'s "Maximum call stack size exceeded"', async () => {
    const deep = path.join(dir, 'deep.yaml');
    writeFileSync(deep, `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    const validated = await runInProcess(['validate', deep], { cwd: dir });
    expect(validated.code).toBe(1);
    expect(validated.stderr).not.toContain('Maximum call stack');
    expect(validated.stderr).toMatch(/deep\.yaml:1:\d+ {2}nested hundreds of levels deep/);

    mkdirSync(path.join(dir, 'hiring', 'candidates'), { recursive: true });
    const answered = await runInProcess(['score', 'head-of-ml', '--candidate', 'Zoë Łukasz', '--stage', 'hiring-manager-screen', '--interviewer', 'Ana Ruiz', '--answers', deep], { cwd: dir });
    expect(answered.code).toBe(1);
    expect(oneLine(answered)).toMatch(/deep\.yaml:1:\d+ {2}nested hundreds of levels deep .*; see docs\/answers-file\.md$/);
  });

  it('an empty answers file points at the format once; a folder is "not an answers file"', async () => {
    const empty = path.join(dir, 'empty.yaml');
    writeFileSync(empty, '');
    mkdirSync(path.join(dir, 'hiring', 'candidates'), { recursive: true });
    const score = (answers: string) =>
      runInProcess(['score', 'head-of-ml', '--candidate', 'Zoë Łukasz', '--stage', 'hiring-manager-screen', '--interviewer', 'Ana Ruiz', '--answers', answers], { cwd: dir });
    const emptied = await score(empty);
    expect(emptied.code).toBe(1);
    expect(oneLine(emptied)).toBe(`hirekit: ${empty}:1:1  the answers file is empty; see docs/answers-file.md`);

    mkdirSync(path.join(dir, 'folder.yaml'));
    const folder = await score(path.join(dir, 'folder.yaml'));
    expect(folder.code).toBe(1);
    expect(oneLine(folder)).toBe(`hirekit: ${path.join(dir, 'folder.yaml')}: is a directory, not an answers file; pass a .yaml file`);
  });
});
