// Ctrl-C outside a prompt: a SIGINT while hirekit writes files ends it with one line and exit 130, and
// leaves only whole files (no half-written PDF, no temp file beside them).
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from '../helpers/cli.js';

const temps: Array<() => void> = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));

describe('Ctrl-C while files are written', () => {
  it('pack --all stops with exit 130 and one line, leaving whole PDFs only', async () => {
    const { dir, cleanup } = tempDir('hirekit-interrupt-');
    temps.push(cleanup);
    const out = path.join(dir, 'packs');
    const child = spawn(process.execPath, [BIN, 'pack', '--all', '--out', `${out}/`], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Interrupt once the first pack is on disk, while the others are still being made.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !(existsSync(out) && readdirSync(out).some((f) => f.endsWith('.pdf')))) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const code = await exited;

    expect(code).toBe(130);
    expect(stderr.trim().split('\n').pop()).toBe('hirekit: interrupted; files are whole, and what was saved is kept');
    expect(stderr).not.toMatch(/\n\s+at /);
    const files = readdirSync(out);
    expect(files.filter((f) => f.startsWith('.'))).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(readFileSync(path.join(out, file)).subarray(-6).toString('latin1'), file).toMatch(/%%EOF\s*$/);
  });

  // The SIGINT above lands while a PDF is being drawn, rarely in the instant a file is written. This one lands
  // in that instant, every time: a preload has a file's first fsync send SIGINT to its own process. The temp
  // file, registered by the command's chunk, must be removed by main's Ctrl-C handler: one
  // io/temps-in-flight.ts in the process, not a copy in the start-up file and another in the chunk.
  it('a Ctrl-C while a file is being written removes its temp file, and the target is never created', () => {
    const { result, out } = newWithPreload([
      "const fs = require('node:fs');",
      'fs.fsync = (fd, done) => { process.kill(process.pid, "SIGINT"); setTimeout(() => done(null), 5000); };',
    ]);
    expect(result.status, result.stderr).toBe(130);
    expect(result.stderr.trim()).toBe('hirekit: interrupted; files are whole, and what was saved is kept');
    expect(readdirSync(out)).toEqual([]);
  });

  // pack --all once left a `.x.tmp` behind: the temp file was created on the thread pool, and a Ctrl-C handled
  // while that was under way removed nothing, then the file appeared. It is created synchronously now; here the
  // SIGINT arrives the instant it exists, and the handler must find and remove it.
  it('a Ctrl-C the instant a temp file is created leaves no temp file and no target', () => {
    const { result, out } = newWithPreload([
      "const fs = require('node:fs');",
      'const openSync = fs.openSync;',
      "fs.openSync = (file, ...rest) => { const fd = openSync(file, ...rest); if (String(file).endsWith('.tmp')) process.kill(process.pid, 'SIGINT'); return fd; };",
    ]);
    expect(result.status, result.stderr).toBe(130);
    expect(readdirSync(out)).toEqual([]);
  });

  // A Ctrl-C while a scorecard is being saved (outside any prompt, so main's handler ends the process): the
  // locks it held go with it. Left behind, a colleague on another machine would wait until they went stale.
  it('a Ctrl-C while a scorecard is saved leaves no lock behind, and the next run submits', () => {
    const { dir, cleanup } = tempDir('hirekit-interrupt-');
    temps.push(cleanup);
    const ws = path.join(dir, 'hiring');
    mkdirSync(ws);
    const preload = path.join(dir, 'interrupt.cjs');
    writeFileSync(preload, ["const fs = require('node:fs');", 'fs.fsync = (fd, done) => { process.kill(process.pid, "SIGINT"); setTimeout(() => done(null), 5000); };'].join('\n'));
    const args = [BIN, '--rubrics', path.join(ROOT, 'test', 'fixtures', 'rubrics'), '-w', ws, 'score', 'data-analyst', '--candidate', 'Zoë Łukasz', '--stage', 'technical', '--interviewer', 'Ada Lovelace', '--answers', path.join(ROOT, 'test', 'fixtures', 'answers', 'technical-complete.yaml')];
    const env = { ...process.env, NO_COLOR: '1', HIREKIT_LOCK_WAIT_MS: '0' };
    const stopped = spawnSync(process.execPath, ['--require', preload, ...args], { cwd: dir, encoding: 'utf8', env });
    expect(stopped.status, stopped.stderr).toBe(130);
    const left = readdirSync(ws, { recursive: true, encoding: 'utf8' }).filter((f) => /\.lock$|\.tmp$/.test(f));
    expect(left).toEqual([]);
    const again = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env });
    expect(again.status, again.stderr).toBe(0);
  });
});

describe('a kill or a closed terminal', () => {
  // SIGTERM (kill) and SIGHUP (the terminal closed) land the same way: temps and locks go, the exit code is the
  // signal's, and the scorecard can be submitted by the next run.
  for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    it(`a ${signal} while a scorecard is saved leaves no temp and no lock, exits ${code}, and the next run submits`, () => {
      const { dir, cleanup } = tempDir('hirekit-interrupt-');
      temps.push(cleanup);
      const ws = path.join(dir, 'hiring');
      mkdirSync(ws);
      const preload = path.join(dir, 'signal.cjs');
      writeFileSync(preload, ["const fs = require('node:fs');", `fs.fsync = (fd, done) => { process.kill(process.pid, "${signal}"); setTimeout(() => done(null), 5000); };`].join('\n'));
      const args = [BIN, '--rubrics', path.join(ROOT, 'test', 'fixtures', 'rubrics'), '-w', ws, 'score', 'data-analyst', '--candidate', 'Zoë Łukasz', '--stage', 'technical', '--interviewer', 'Ada Lovelace', '--answers', path.join(ROOT, 'test', 'fixtures', 'answers', 'technical-complete.yaml')];
      const env = { ...process.env, NO_COLOR: '1', HIREKIT_LOCK_WAIT_MS: '0' };
      const stopped = spawnSync(process.execPath, ['--require', preload, ...args], { cwd: dir, encoding: 'utf8', env });
      expect(stopped.status, stopped.stderr).toBe(code);
      expect(stopped.stderr.trim().split('\n').pop()).toBe(`hirekit: stopped by ${signal}; files are whole, and what was saved is kept`);
      const left = readdirSync(ws, { recursive: true, encoding: 'utf8' }).filter((f) => /\.lock$|\.tmp$/.test(f));
      expect(left).toEqual([]);
      const again = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env });
      expect(again.status, again.stderr).toBe(0);
    });
  }
});

/** `hirekit new data-analyst --out DIR/` in a temp folder, with a preload (its lines) that interrupts it. */
function newWithPreload(lines: string[]): { result: SpawnSyncReturns<string>; out: string } {
  const { dir, cleanup } = tempDir('hirekit-interrupt-');
  temps.push(cleanup);
  const preload = path.join(dir, 'interrupt.cjs');
  writeFileSync(preload, lines.join('\n'));
  const out = path.join(dir, 'out');
  const result = spawnSync(process.execPath, ['--require', preload, BIN, 'new', 'data-analyst', '--out', `${out}/`], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { result, out };
}
