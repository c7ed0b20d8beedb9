// A full disk in the middle of a submit, a decision or an init: real runs of the built binary with a preload
// that makes one file's write fail with ENOSPC at the exact step named (fsync, or close as a network file
// system reports it). The answers must stay recoverable (the draft, the submitted version, the answers file),
// the failure must be one line naming the file with exit 1, and no temp file or lock may be left.
// Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { kwameAdvanceOrHold } from '../helpers/decision-file.js';
import { BIN, FIXTURES, tempDir } from '../helpers/cli.js';

const RUBRICS = path.join(FIXTURES, 'rubrics');
const DECIDE_RUBRICS = path.join(FIXTURES, 'workspaces', 'rubrics');
const ANSWERS = path.join(FIXTURES, 'answers', 'technical-complete.yaml');
const tmp = tempDir('hirekit-enospc-');
afterAll(tmp.cleanup);

/** A preload failing `step` with ENOSPC for every file whose path matches `target`. */
function preload(target: RegExp, step: 'fsync' | 'close'): string {
  const file = path.join(tmp.dir, `enospc-${step}-${Math.random().toString(36).slice(2)}.cjs`);
  writeFileSync(
    file,
    [
      "const fs = require('node:fs');",
      `const target = ${target.toString()};`,
      'const paths = new Map();',
      'const openSync = fs.openSync;',
      'fs.openSync = (file, ...rest) => { const fd = openSync(file, ...rest); paths.set(fd, String(file)); return fd; };',
      "const full = (syscall) => Object.assign(new Error(`ENOSPC: no space left on device, ${syscall}`), { code: 'ENOSPC', errno: -28, syscall });",
      step === 'fsync'
        ? 'const fsync = fs.fsync; fs.fsync = (fd, done) => (target.test(paths.get(fd) ?? "") ? setImmediate(() => done(full("fsync"))) : fsync(fd, done));'
        : 'const close = fs.close; fs.close = (fd, done) => { const hit = target.test(paths.get(fd) ?? ""); close(fd, (error) => done(error ?? (hit ? full("close") : null))); };',
    ].join('\n'),
  );
  return file;
}

function hirekit(args: string[], options: { preload?: string; cwd?: string } = {}): { code: number; stderr: string; stdout: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of ['HIREKIT_DEBUG', 'HIREKIT_WORKSPACE', 'HIREKIT_RUBRICS']) delete env[key];
  const result = spawnSync(process.execPath, [...(options.preload ? ['--require', options.preload] : []), BIN, ...args], { cwd: options.cwd ?? tmp.dir, encoding: 'utf8', env, timeout: 60_000 });
  return { code: result.status ?? -1, stderr: result.stderr, stdout: result.stdout };
}

/** Every file under a folder, hidden ones included, relative to it. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .sort();
}

/** The one failure line: the last line of stderr, and the only one hirekit says as a failure. */
function failure(stderr: string): string {
  const said = stderr.split('\n').filter(Boolean);
  expect(said.filter((line) => line.startsWith('hirekit: '))).toHaveLength(1);
  return `${said.pop()}\n`;
}

const tempsAndLocks = (dir: string): string[] => tree(dir).filter((f) => /\.tmp$|\.lock$|\.break$/.test(f));

describe('a full disk mid-submit', () => {
  let ws: string;
  const card = (): string => path.join(ws, 'candidates', 'zoe-lukasz', 'scorecards', 'technical--ada-lovelace.yaml');
  const score = (extra: string[], pre?: string) =>
    hirekit(['--rubrics', RUBRICS, '-w', ws, 'score', 'data-analyst', '--candidate', 'Zoë Łukasz', '--stage', 'technical', '--interviewer', 'Ada Lovelace', '--answers', ANSWERS, ...extra], pre ? { preload: pre } : {});
  const scorecardTemp = /scorecards\/\.technical--ada-lovelace\.yaml\.\d+\.[0-9a-f]{8}\.tmp$/;
  const diskFull = (): string => `hirekit: ${card()}: cannot be written (the disk is full); check the workspace folder (--workspace or HIREKIT_WORKSPACE)\n`;

  beforeEach(() => {
    ws = path.join(tmp.dir, `ws-${Math.random().toString(36).slice(2)}`);
    mkdirSync(ws);
  });

  it('over a draft: one line naming the scorecard, exit 1; the draft stays as it was, no temp file, no lock', () => {
    expect(score(['--draft']).code).toBe(0);
    const draft = readFileSync(card(), 'utf8');
    const result = score([], preload(scorecardTemp, 'fsync'));
    expect(failure(result.stderr)).toBe(diskFull());
    expect(result.code).toBe(1);
    expect(readFileSync(card(), 'utf8')).toBe(draft);
    expect(tempsAndLocks(ws)).toEqual([]);
    // Once there is room again, the same command submits.
    expect(score([]).code).toBe(0);
  });

  it('a first submit: nothing half-written, the answers file untouched, no temp file, no lock', () => {
    const before = readFileSync(ANSWERS, 'utf8');
    const result = score([], preload(scorecardTemp, 'fsync'));
    expect(failure(result.stderr)).toBe(diskFull());
    expect(result.code).toBe(1);
    expect(existsSync(card())).toBe(false);
    expect(readFileSync(ANSWERS, 'utf8')).toBe(before);
    expect(tempsAndLocks(ws)).toEqual([]);
  });

  it('a full disk reported by close (as a network file system does): same line, no temp file left', () => {
    expect(score(['--draft']).code).toBe(0);
    const draft = readFileSync(card(), 'utf8');
    const result = score([], preload(scorecardTemp, 'close'));
    expect(failure(result.stderr)).toBe(diskFull());
    expect(result.code).toBe(1);
    expect(readFileSync(card(), 'utf8')).toBe(draft);
    expect(tempsAndLocks(ws)).toEqual([]);
  });
});

describe('a full disk mid-decide', () => {
  const ws = path.join(tmp.dir, 'decide', 'hiring');
  const decision = path.join(ws, 'candidates', 'kwame-mensah', 'decision.yaml');
  const decisionTemp = /kwame-mensah\/\.decision\.yaml\.\d+\.[0-9a-f]{8}\.tmp$/;
  const decisionFile = (outcome: 'advance' | 'hold'): string => {
    const file = path.join(tmp.dir, 'decide', `${outcome}.yaml`);
    writeFileSync(file, kwameAdvanceOrHold(outcome));
    return file;
  };
  const decide = (extra: string[], pre?: string) =>
    hirekit(['--rubrics', DECIDE_RUBRICS, '-w', ws, 'decide', 'kwame-mensah', '--force', ...extra], pre ? { preload: pre } : {});
  const diskFull = `hirekit: ${decision}: cannot be written (the disk is full); check the workspace folder (--workspace or HIREKIT_WORKSPACE)\n`;

  it('the first decision: one line naming decision.yaml, exit 1, no decision, no temp file, no lock', () => {
    cpSync(path.join(FIXTURES, 'workspaces', 'extra-candidates', 'kwame-mensah'), path.join(ws, 'candidates', 'kwame-mensah'), { recursive: true });
    const answers = decisionFile('advance');
    const result = decide(['--reason', 'The last interviewer has left the company.', '--answers', answers], preload(decisionTemp, 'fsync'));
    expect(failure(result.stderr)).toBe(diskFull);
    expect(result.code).toBe(1);
    expect(existsSync(decision)).toBe(false);
    expect(tempsAndLocks(ws)).toEqual([]);
  });

  it('an amendment: the submitted decision stands byte for byte', () => {
    expect(decide(['--reason', 'The last interviewer has left the company.', '--answers', decisionFile('advance')]).code).toBe(0);
    const submitted = readFileSync(decision, 'utf8');
    const result = decide(['--amend', '--reason', 'The last reference came back negative.', '--answers', decisionFile('hold')], preload(decisionTemp, 'fsync'));
    expect(failure(result.stderr)).toBe(diskFull);
    expect(result.code).toBe(1);
    expect(readFileSync(decision, 'utf8')).toBe(submitted);
    expect(tempsAndLocks(ws)).toEqual([]);
  });
});

describe('a full disk mid-init', () => {
  it('one line naming the file, exit 1, no temp file', () => {
    const dir = path.join(tmp.dir, 'init-full');
    const result = hirekit(['init', dir], { preload: preload(/\.README\.md\.\d+\.[0-9a-f]{8}\.tmp$/, 'fsync') });
    expect(failure(result.stderr)).toBe(`hirekit: ${path.join(dir, 'README.md')}: cannot be written (the disk is full); free some space or check the folder's permissions, then run hirekit init again\n`);
    expect(result.code).toBe(1);
    expect(tempsAndLocks(dir)).toEqual([]);
  });
});
