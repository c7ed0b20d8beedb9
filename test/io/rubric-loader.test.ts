import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, loadRubricFile, findRubric } from '../../src/io/rubrics.js';
import { formatLocated } from '../../src/io/yaml-file.js';
import { DataError, UsageError } from '../../src/errors.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';

const FIXTURE = path.join(FIXTURES, 'rubrics', 'data-analyst.yaml');
const original = readFileSync(FIXTURE, 'utf8');

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

let counter = 0;
function write(text: string, name = `r${counter++}.yaml`): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The fixture with one exact line replaced; fails loudly if the line is not there. */
function variant(from: string, to: string): string {
  expect(original).toContain(from);
  return write(original.replace(from, to));
}

async function lines(file: string): Promise<string[]> {
  const report = await loadRubricFile(file);
  return [...report.errors, ...report.warnings].map((f) => formatLocated(f).replace(`${file}:`, ''));
}

describe('loading a rubric file', () => {
  it('loads the fixture cleanly with a content hash', async () => {
    const report = await loadRubricFile(FIXTURE);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.loaded?.rubric.role.id).toBe('data-analyst');
    expect(report.loaded?.hash).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(report.loaded?.rubric.dimensions[1]?.source).toBeUndefined();
  });

  it('reports a YAML syntax error at its line and column', async () => {
    const file = variant('  level: Mid-level individual contributor\n', '  level: [unclosed\n');
    // The parser notices the unclosed list where the next key starts.
    expect(await lines(file)).toEqual(['7:3  YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]']);
  });

  it('reports a duplicate key at the second occurrence', async () => {
    const file = variant('  title: Data Analyst\n', '  title: Data Analyst\n  title: Analyst\n');
    expect(await lines(file)).toEqual([
      "6:3  duplicate key 'title'; each key may appear once in a mapping, remove or rename one",
    ]);
  });

  it('reports an unknown key with the nearest known key', async () => {
    const file = variant('    measures: Writing correct queries', '    measure: Writing correct queries');
    expect(await lines(file)).toEqual([
      "19:5  dimensions[0]: missing required key 'measures' (string)",
      "21:5  dimensions[0]: unknown key 'measure'; did you mean 'measures'?",
    ]);
  });

  it('reports a wrong type and a missing key, all errors at once', async () => {
    const text = original
      .replace('    weight: 60\n', '    weight: sixty\n')
      .replace('    name: Communicating findings\n', '');
    const found = await lines(write(text));
    expect(found).toEqual([
      '22:13  dimensions[0].weight: expected a number, got the text "sixty"',
      "39:5  dimensions[1]: missing required key 'name' (string)",
    ]);
  });

  it('reports an anchor missing for a level', async () => {
    const file = variant('      4: Designs the query for reuse, explains the plan and spots a data-quality bug in the source.\n', '');
    expect(await lines(file)).toEqual(["25:7  dimension 'sql' has no anchor for level 4; the scale has 4 levels and each needs a written anchor"]);
  });

  it('reports a bad enum value with the allowed ones', async () => {
    const file = variant('        kind: technical\n', '        kind: trivia\n');
    expect(await lines(file)).toEqual(['31:15  dimensions[0].questions[0].kind: must be one of "behavioural", "situational", "technical"']);
  });

  it('reports broken cross-references with a suggestion', async () => {
    const text = original.replace('    focus: [communication]\n', '    focus: [comunication]\n').replace('      dimension: sql\n  red:', '      dimension: sequel\n  red:');
    expect(await lines(write(text))).toEqual([
      "61:18  green flag 'checks-counts' names dimension 'sequel', which does not exist",
      "91:13  stage 'screen' names dimension 'comunication', which does not exist; did you mean 'communication'?",
    ]);
  });

  it('reports duplicate ids where the second one stands', async () => {
    const file = variant('    - id: blames-data\n', '    - id: fabricates-numbers\n');
    expect(await lines(file)).toEqual([
      "68:11  duplicate flag id 'fabricates-numbers' (first used at flags.red[0]); ids must be unique",
    ]);
  });

  it('reports unknown question and case-study references in a stage', async () => {
    const text = original.replace('    questions: [sql-messy-join]\n', '    questions: [sql-mesy-join]\n').replace('    case_study: churn-dip\n', '    case_study: churn\n');
    expect(await lines(write(text))).toEqual([
      "98:17  stage 'technical' names question 'sql-mesy-join', which does not exist; did you mean 'sql-messy-join'?",
      "99:17  stage 'technical' names case study 'churn', which does not exist",
      "72:5  warning: case study 'churn-dip' is not used by any stage; name it in a stage's case_study",
    ]);
  });
});

describe('checking a rubric once per process', () => {
  it('reuses the report of an unchanged file and checks a changed one again', async () => {
    const file = write(original);
    const first = await loadRubricFile(file);
    expect(await loadRubricFile(file)).toBe(first);
    writeFileSync(file, original.replace('title: Data Analyst', 'title: Senior Data Analyst'));
    const changed = await loadRubricFile(file);
    expect(changed).not.toBe(first);
    expect(changed.loaded?.rubric.role.title).toBe('Senior Data Analyst');
  });
});

describe('lint warnings', () => {
  it('flags a question on a protected topic', async () => {
    const file = variant('What did they decide afterwards?', 'Are you married, and do you plan to have children?');
    expect(await lines(file)).toEqual([
      '54:13  warning: question \'comm-surprise\' touches a protected topic (marital or family status: "married"); ask only about job-related behaviour',
    ]);
  });

  it('does not flag ML vocabulary that merely resembles a protected topic', async () => {
    const file = variant('What did they decide afterwards?', 'How did you track model health and the age of the training data?');
    expect(await lines(file)).toEqual([]);
  });

  it('flags a dimension without questions, a dimension no stage covers, weights that do not add up', async () => {
    const text = original
      .replace(/ {4}questions:\n {6}- id: comm-surprise[\s\S]*?- A concrete decision that changed\n/, '')
      .replace('    focus: [communication]\n', '    focus: [sql]\n')
      .replace('    focus: [sql, communication]\n', '    focus: [sql]\n')
      .replace('    weight: 40\n', '    weight: 30\n');
    expect(await lines(write(text))).toEqual([
      "39:5  warning: dimension 'communication' has no questions; interviewers need the same questions for every candidate",
      "39:5  warning: dimension 'communication' is not in the focus of any stage, so nobody will rate it; add it to a stage",
      "92:18  warning: dimension weights add up to 90, but policy.weights_total is 100; adjust the weights or weights_total",
    ]);
  });
});

describe('hostile input', () => {
  it('refuses an alias bomb quickly', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const file = write(`${bomb.join('\n')}\n`);
    const started = performance.now();
    await expect(loadRubricFile(file)).rejects.toThrow(/alias bomb/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses a file over 1 MiB', async () => {
    const file = write(`# ${'x'.repeat(1024 * 1024 + 10)}\n`);
    await expect(loadRubricFile(file)).rejects.toThrow(`${file}: is 1.0 MiB; a rubric may be at most 1 MiB`);
  });

  it('refuses a binary file', async () => {
    const file = path.join(dir, 'binary.yaml');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    await expect(loadRubricFile(file)).rejects.toThrow(`${file}: looks like a binary file, not a rubric`);
  });

  it('reports an empty file', async () => {
    const file = write('# nothing but a comment\n');
    expect(await lines(file)).toEqual(['1:1  the file is empty; a rubric needs role, version, scale, dimensions, loop and policy']);
  });

  it('refuses a directory passed as a file', async () => {
    await expect(loadRubricFile(dir)).rejects.toThrow(`${dir}: is a directory, not a rubric; pass a .yaml file`);
  });

  it('refuses a missing file', async () => {
    await expect(loadRubricFile(path.join(dir, 'nope.yaml'))).rejects.toBeInstanceOf(DataError);
  });
});

describe('finding rubrics across folders', () => {
  function folderWith(name: string, title: string): string {
    const folder = path.join(dir, name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'data-analyst.yaml'), original.replace('title: Data Analyst', `title: ${title}`));
    return folder;
  }

  it('lets HIREKIT_RUBRICS override the bundled folder and --rubrics override both', async () => {
    const bundled = folderWith('bundled', 'Bundled Analyst');
    const fromEnv = folderWith('env', 'Env Analyst');
    const fromFlag = folderWith('flag', 'Flag Analyst');
    const env = { HIREKIT_RUBRICS: fromEnv };

    const bundledOnly = await loadCatalog({ bundledDir: bundled, env: {} });
    expect(bundledOnly.byId.get('data-analyst')?.rubric.role.title).toBe('Bundled Analyst');
    expect(bundledOnly.byId.get('data-analyst')?.origin).toBe('bundled');

    const withEnv = await loadCatalog({ bundledDir: bundled, env });
    expect(withEnv.byId.get('data-analyst')?.rubric.role.title).toBe('Env Analyst');

    const withBoth = await loadCatalog({ bundledDir: bundled, env, rubrics: [fromFlag] });
    expect(withBoth.byId.get('data-analyst')?.rubric.role.title).toBe('Flag Analyst');
    expect(withBoth.byId.get('data-analyst')?.file).toBe(path.join(fromFlag, 'data-analyst.yaml'));
    expect(withBoth.overridden.map((o) => o.rubric.role.title)).toEqual(['Bundled Analyst', 'Env Analyst']);
  });

  it('names the nearest role when asked for an unknown one', async () => {
    const bundled = folderWith('bundled-2', 'Analyst');
    const failure = findRubric('data-analist', { bundledDir: bundled, env: {} });
    await expect(failure).rejects.toBeInstanceOf(UsageError);
    await expect(findRubric('data-analist', { bundledDir: bundled, env: {} })).rejects.toThrow(
      "unknown role 'data-analist'; did you mean 'data-analyst'? known roles: data-analyst",
    );
  });

  it('refuses a --rubrics folder that does not exist', async () => {
    await expect(loadCatalog({ bundledDir: dir, env: {}, rubrics: [path.join(dir, 'missing')] })).rejects.toThrow(/no such rubric folder/);
  });
});
