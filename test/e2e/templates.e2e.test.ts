// The built binary renders Markdown and HTML from the templates precompiled by `npm run build`
// (dist/templates/), loading only the handlebars runtime, and writes the same bytes as the same template text
// compiled at run time (passed with --template). Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, ROOT, runCli, tempDir } from '../helpers/cli.js';

const RUBRICS = path.join(FIXTURES, 'workspaces', 'rubrics');
const PANEL = path.join(FIXTURES, 'workspaces', 'panel');
const TEMPLATES = path.join(ROOT, 'templates');
const TRACER = path.join(ROOT, 'test', 'helpers', 'trace-imports.mjs');
const COMPILER = '/node_modules/handlebars/dist/cjs/handlebars/compiler/';
const RUNTIME = '/node_modules/handlebars/dist/cjs/handlebars.runtime.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir('hirekit-templates-')));
afterAll(() => tmp.cleanup());

const hirekit = (args: string[]) => runCli(['--rubrics', RUBRICS, '-w', PANEL, ...args]);

/** The module URLs a hirekit run loads, through the import tracer the start-up test uses. */
function loadedBy(args: string[], name: string): string[] {
  const trace = path.join(tmp.dir, `${name}.trace`);
  const result = spawnSync(process.execPath, ['--import', TRACER, BIN, '--rubrics', RUBRICS, '-w', PANEL, ...args], {
    cwd: tmp.dir,
    env: { ...process.env, HIREKIT_TRACE_IMPORTS: trace, HIREKIT_WORKSPACE: undefined, HIREKIT_RUBRICS: undefined },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return readFileSync(trace, 'utf8').split('\n').filter(Boolean);
}

describe('built-in templates, precompiled by npm run build', () => {
  it('dist/templates holds one precompiled module for every templates/*.hbs', () => {
    const sources = readdirSync(TEMPLATES).filter((f) => f.endsWith('.hbs')).map((f) => f.replace(/\.hbs$/, ''));
    const built = readdirSync(path.join(ROOT, 'dist', 'templates')).map((f) => f.replace(/\.cjs$/, ''));
    expect(sources.length).toBe(8);
    expect(built.sort()).toEqual(sources.sort());
  });

  it.each([
    ['debrief', ['debrief', 'Şebnem Ağaoğlu', '--format', 'md']],
    ['pack', ['pack', 'ml-platform-lead', '--format', 'html', '--out', 'pack/']],
  ])('%s loads the handlebars runtime and the precompiled module, never the compiler', (name, args) => {
    const urls = loadedBy(args, name);
    expect(urls.some((u) => u.endsWith(RUNTIME))).toBe(true);
    expect(urls.some((u) => u.includes('/dist/templates/'))).toBe(true);
    expect(urls.filter((u) => u.includes(COMPILER))).toEqual([]);
  });

  it('a user template (--template) is compiled, with the compiler', () => {
    const urls = loadedBy(['debrief', 'Şebnem Ağaoğlu', '--format', 'md', '--template', path.join(TEMPLATES, 'debrief.md.hbs')], 'user');
    expect(urls.some((u) => u.includes(COMPILER))).toBe(true);
    expect(urls.some((u) => u.includes('/dist/templates/'))).toBe(false);
  });

  it.each(['md', 'html'])('debrief, compare and pack in %s: the precompiled built-in and its text passed as --template write the same bytes', (format) => {
    const runs: Array<[string, string[]]> = [
      ['debrief', ['debrief', 'Şebnem Ağaoğlu', '--format', format]],
      ['compare', ['compare', 'ml-platform-lead', '--format', format]],
      ['pack', ['pack', 'ml-platform-lead', '--format', format, '--handouts', '--candidate', 'Wei Zhang (张伟)', '--interviewer', 'Zoë Łukasz']],
    ];
    for (const [template, args] of runs) {
      const builtin = hirekit([...args, '--out', path.join(tmp.dir, `${template}-builtin.${format}`)]);
      const copy = hirekit([...args, '--template', path.join(TEMPLATES, `${template}.${format}.hbs`), '--out', path.join(tmp.dir, `${template}-copy.${format}`)]);
      expect(builtin.code, builtin.stderr).toBe(0);
      expect(copy.code, copy.stderr).toBe(0);
      const written = readFileSync(path.join(tmp.dir, `${template}-builtin.${format}`), 'utf8');
      expect(written.length, template).toBeGreaterThan(1000);
      expect(written, template).toContain(template === 'pack' ? 'Wei Zhang (张伟)' : 'Şebnem Ağaoğlu');
      expect(readFileSync(path.join(tmp.dir, `${template}-copy.${format}`), 'utf8'), template).toBe(written);
    }
  });
});
