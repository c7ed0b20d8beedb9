// What a run killed with SIGKILL in the middle of a save leaves in the workspace (a `.x.<pid>.<hex>.tmp` of
// an atomic write, or of a lock being taken) is removed by the next run that holds the same file's lock:
// decide for decision.yaml, the first save of a candidate for candidate.yaml. A temp file of a live run, or
// a lock temp file that may be another machine's run taking the lock right now, is kept until stale.
// Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kwameDecisionText } from '../helpers/decision-file.js';
import { BIN, FIXTURES, tempDir } from '../helpers/cli.js';

const tmp = tempDir('hirekit-leftovers-');
afterAll(tmp.cleanup);
const dead = spawnSync(process.execPath, ['-e', '0']).pid!;

function hirekit(args: string[]): { code: number; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of ['HIREKIT_DEBUG', 'HIREKIT_WORKSPACE', 'HIREKIT_RUBRICS']) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp.dir, encoding: 'utf8', env, timeout: 60_000 });
  return { code: result.status ?? -1, stderr: result.stderr };
}

const hidden = (dir: string): string[] => readdirSync(dir).filter((f) => f.startsWith('.')).sort();

describe('leftovers of a killed save', () => {
  it('decide removes the temp files a killed decide left beside decision.yaml, and keeps a live one', () => {
    const ws = path.join(tmp.dir, 'decide', 'hiring');
    const folder = path.join(ws, 'candidates', 'kwame-mensah');
    cpSync(path.join(FIXTURES, 'workspaces', 'extra-candidates', 'kwame-mensah'), folder, { recursive: true });
    const killedWrite = `.decision.yaml.${dead}.0badc0de.tmp`;
    const killedLock = `.decision.yaml.lock.${dead}.0123456789abcdef.tmp`;
    const liveWrite = `.decision.yaml.${process.pid}.feedbeef.tmp`;
    const freshLock = `.decision.yaml.lock.${dead}.fedcba9876543210.tmp`;
    for (const name of [killedWrite, killedLock, liveWrite, freshLock]) writeFileSync(path.join(folder, name), 'half');
    const old = new Date(Date.now() - 5 * 60_000);
    utimesSync(path.join(folder, killedLock), old, old);
    const answers = path.join(tmp.dir, 'decide', 'reject.yaml');
    writeFileSync(
      answers,
      kwameDecisionText({
        decision: 'reject',
        knockout: 'confirmed',
        level: 2,
        participants: ['Σοφία Παππά'],
        rationale: 'The ownership knockout was confirmed by two references; the rest does not outweigh it.',
      }),
    );
    const result = hirekit(['--rubrics', path.join(FIXTURES, 'workspaces', 'rubrics'), '-w', ws, 'decide', 'kwame-mensah', '--force', '--reason', 'The last interviewer has left the company.', '--answers', answers]);
    expect(result.code, result.stderr).toBe(0);
    expect(hidden(folder)).toEqual([freshLock, liveWrite].sort());
  });

  it("a candidate's first save removes the temp file a killed first save left beside candidate.yaml", () => {
    const ws = path.join(tmp.dir, 'score');
    const folder = path.join(ws, 'candidates', 'zoe-lukasz');
    mkdirSync(folder, { recursive: true });
    const killedWrite = `.candidate.yaml.${dead}.0badc0de.tmp`;
    writeFileSync(path.join(folder, killedWrite), 'name: Zo');
    const result = hirekit([
      '--rubrics', path.join(FIXTURES, 'rubrics'), '-w', ws, 'score', 'data-analyst', '--candidate', 'Zoë Łukasz', '--stage', 'technical', '--interviewer', 'Ada Lovelace',
      '--answers', path.join(FIXTURES, 'answers', 'technical-complete.yaml'),
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(path.join(folder, killedWrite))).toBe(false);
    expect(hidden(folder)).toEqual([]);
  });
});
