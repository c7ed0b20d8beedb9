// A file the user may not read: stat succeeds (it needs no read permission), the read itself fails with
// EACCES. Each reader says so in one line naming the file; none lets it through as an internal error.
// The refusal is simulated (the tests may run as root, who reads everything): any file whose name holds
// "unreadable" fails to read exactly as a mode-000 file does for an ordinary user.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIXTURES, tempDir } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const readFile = ((file: Parameters<typeof actual.readFile>[0], ...rest: unknown[]) =>
    String(file).includes('unreadable')
      ? Promise.reject(Object.assign(new Error(`EACCES: permission denied, open '${String(file)}'`), { code: 'EACCES', errno: -13, syscall: 'open' }))
      : (actual.readFile as (...args: unknown[]) => Promise<unknown>)(file, ...rest)) as typeof actual.readFile;
  const readdir = ((dir: Parameters<typeof actual.readdir>[0], ...rest: unknown[]) =>
    String(dir).includes('unreadable')
      ? Promise.reject(Object.assign(new Error(`EACCES: permission denied, scandir '${String(dir)}'`), { code: 'EACCES', errno: -13, syscall: 'scandir' }))
      : (actual.readdir as (...args: unknown[]) => Promise<unknown>)(dir, ...rest)) as typeof actual.readdir;
  return { ...actual, readFile, readdir, default: { ...actual, readFile, readdir } };
});

let dir: string;
let cleanup: () => void;
let file: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('hirekit-permission-'));
  file = path.join(dir, 'unreadable.yaml');
  writeFileSync(file, 'role: x\n');
  mkdirSync(path.join(dir, 'hiring', 'candidates'), { recursive: true });
});
afterEach(() => cleanup());

function expectOneLine(stderr: string, line: string): void {
  expect(stderr).not.toContain('internal error');
  expect(stderr.split('\n').filter((l) => l.trim() !== '')).toEqual([line]);
}

describe('a file that cannot be read for lack of permission', () => {
  it('as a rubric (validate)', async () => {
    const result = await runInProcess(['validate', file], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr + result.stdout).toContain(`${file}:1:1  permission denied; check the file's permissions`);
    expect(result.stderr).not.toContain('internal error');
  });

  it('as an answers file (score --answers)', async () => {
    const result = await runInProcess(['score', 'head-of-ml', '--candidate', 'Zoë Łukasz', '--stage', 'hiring-manager-screen', '--interviewer', 'Ana Ruiz', '--answers', file], { cwd: dir });
    expect(result.code).toBe(1);
    expectOneLine(result.stderr, `hirekit: ${file}: permission denied; check the file's permissions`);
  });

  it('as a template (pack --template)', async () => {
    const template = path.join(dir, 'unreadable.md.hbs');
    writeFileSync(template, '{{role.title}}\n');
    const result = await runInProcess(['pack', 'head-of-ml', '--format', 'md', '--template', template, '--out', path.join(dir, 'pack.md')], { cwd: dir });
    expect(result.code).toBe(1);
    expectOneLine(result.stderr, `hirekit: ${template}: cannot be read (permission denied); check the file's permissions`);
  });

  it('as an ATS export (import)', async () => {
    const exported = path.join(dir, 'unreadable.json');
    writeFileSync(exported, '[]');
    const result = await runInProcess(['import', 'greenhouse', exported, '--mapping', path.join(FIXTURES, 'import', 'greenhouse-mapping.yaml'), '--dry-run'], { cwd: dir });
    expect(result.code).toBe(1);
    expectOneLine(result.stderr, `hirekit: ${exported}: cannot be read (permission denied); check its permissions`);
  });

  it('as a workspace folder: the reason in words, not the system code', async () => {
    const workspace = path.join(dir, 'unreadable-workspace');
    mkdirSync(path.join(workspace, 'candidates'), { recursive: true });
    const result = await runInProcess(['-w', workspace, 'status'], { cwd: dir });
    expect(result.code).toBe(1);
    expectOneLine(result.stderr, `hirekit: ${workspace}: cannot be read (permission denied); check its permissions`);
  });
});
