// `hirekit --help` must start nearly as fast as bare node: it must not load the heavy libraries.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from '../helpers/cli.js';

const HEAVY = ['/node_modules/pdfkit/', '/node_modules/@inquirer/', '/node_modules/handlebars/'];
const TRACER = path.join(ROOT, 'test', 'helpers', 'trace-imports.mjs');

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

function loadedBy(args: string[], name: string): string[] {
  const trace = path.join(dir, `${name}.txt`);
  const result = spawnSync(process.execPath, ['--import', TRACER, ...args], {
    cwd: ROOT,
    env: { ...process.env, HIREKIT_TRACE_IMPORTS: trace },
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
  return readFileSync(trace, 'utf8').split('\n').filter(Boolean);
}

describe('start-up path', () => {
  it('the tracer sees a heavy module when one is loaded (control)', () => {
    const urls = loadedBy(['-e', "await import('pdfkit'); await import('handlebars')", '--input-type=module'], 'control');
    expect(urls.some((u) => u.includes('/node_modules/pdfkit/'))).toBe(true);
    expect(urls.some((u) => u.includes('/node_modules/handlebars/'))).toBe(true);
  });

  it('the tracer sees a heavy module loaded with require, as the PDF renderer loads pdfkit (control)', () => {
    const urls = loadedBy(['-e', "import { createRequire } from 'node:module'; createRequire(import.meta.url)('pdfkit');", '--input-type=module'], 'control-require');
    expect(urls.some((u) => u.includes('/node_modules/pdfkit/'))).toBe(true);
  });

  it.each([['--help'], ['--version'], ['validate'], ['roles']])('hirekit %s loads no pdfkit, inquirer or handlebars', (arg) => {
    const urls = loadedBy([BIN, arg], arg.replace(/-/g, ''));
    expect(urls.some((u) => u.endsWith('/dist/bundle/main.cjs'))).toBe(true);
    expect(urls.filter((u) => HEAVY.some((h) => u.includes(h)))).toEqual([]);
  });
});

describe('the start-up path stays small', () => {
  // --help and --version load only the CLI's own start-up code: about 100 KB of JavaScript with commander in
  // it. A static import that drags in a library (zod alone is about 580 KB once bundled) shows here, where
  // the tracer cannot name it because the bundle has no node_modules paths.
  it.each([['--help'], ['--version']])('hirekit %s loads under 150 KB of JavaScript', (arg) => {
    const urls = loadedBy([BIN, arg], `size${arg.replace(/-/g, '')}`).filter((u) => u.startsWith('file:'));
    const bytes = urls.reduce((sum, u) => sum + statSync(fileURLToPath(u)).size, 0);
    expect(bytes).toBeGreaterThan(10_000);
    expect(bytes).toBeLessThan(150_000);
  });
});

describe('node built-ins at start-up', () => {
  // The node modules a run loaded, from a CommonJS preload (an ES module preload would start the ES module
  // loader itself).
  function nodeModulesLoaded(...args: string[]): string[] {
    const preload = path.join(dir, 'module-list.cjs');
    writeFileSync(preload, "process.on('exit', () => process.stderr.write(JSON.stringify(process.moduleLoadList)));\n");
    // stdin is /dev/null: reading process.stdin would make an fs.ReadStream (internal/fs/streams).
    const result = spawnSync(process.execPath, ['--require', preload, BIN, ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(result.status).toBe(0);
    const loaded = JSON.parse(result.stderr) as string[];
    expect(loaded).toContain('NativeModule fs');
    return loaded;
  }

  // child_process (with net, dgram and streams) and crypto are a tenth of `--help` when loaded; they are
  // required on first use (commander's through scripts/bundle.mjs, fonts.ts's and atomic.ts's in place).
  // fs/promises (with readline, watchers) is loaded by io/atomic.ts, which the start-up path does not load:
  // main.ts's Ctrl-C handler needs only io/temps-in-flight.ts.
  it.each([['--help'], ['--version']])('hirekit %s loads neither child_process, crypto nor fs/promises', (arg) => {
    expect(nodeModulesLoaded(arg).filter((m) => /^NativeModule (child_process|crypto|fs\/promises)$/.test(m))).toEqual([]);
  });

  // process.stdin's stream costs a millisecond or two to make; only the commands that may prompt ask for it.
  it.each([['--help'], ['--version']])('hirekit %s leaves stdin alone', (arg) => {
    expect(nodeModulesLoaded(arg)).not.toContain('NativeModule internal/fs/streams');
  });

  // Starting node's ES module loader costs more than the CommonJS files hirekit runs from (scripts/bundle.mjs):
  // no ES module is loaded unless a command needs an ES module package (show: string-width).
  it('the control: a command that loads an ES module package loads the tell-tale module_job with it', () => {
    expect(nodeModulesLoaded('show', 'head-of-ml')).toContain('NativeModule internal/modules/esm/module_job');
  });

  it.each([['roles'], ['validate']])('hirekit %s, whose chunks are CommonJS, loads no ES module either', (arg) => {
    expect(nodeModulesLoaded(arg).filter((m) => m.startsWith('NativeModule internal/modules/esm/module_job'))).toEqual([]);
  });

  it.each([['--help'], ['--version']])('hirekit %s loads no ES module', (arg) => {
    expect(nodeModulesLoaded(arg).filter((m) => m.startsWith('NativeModule internal/modules/esm/module_job'))).toEqual([]);
  });
});

describe('HIREKIT_DEBUG=1', () => {
  it('adds the stack trace under the one-line message, naming the TypeScript sources rather than the bundle', () => {
    const quiet = spawnSync(process.execPath, [BIN, 'show', 'no-such-role'], { cwd: dir, encoding: 'utf8', env: { ...process.env, HIREKIT_DEBUG: undefined } });
    expect(quiet.stderr.trim().split('\n')).toHaveLength(1);
    const debug = spawnSync(process.execPath, [BIN, 'show', 'no-such-role'], { cwd: dir, encoding: 'utf8', env: { ...process.env, HIREKIT_DEBUG: '1' } });
    expect(debug.status).toBe(quiet.status);
    expect(debug.stderr.split('\n')[0]).toBe(quiet.stderr.trim());
    expect(debug.stderr).toMatch(/\n\s+at .*src\/(io|commands)\/[\w-]+\.ts:\d+:\d+/);
    expect(debug.stderr).not.toContain('dist/bundle/');
  });
});

describe('the bundle (dist/bundle, from scripts/bundle.mjs)', () => {
  it('loads every chunk, so no bundled dependency fails on a require it cannot find', () => {
    const bundle = path.join(ROOT, 'dist', 'bundle');
    const chunks = readdirSync(bundle).filter((f) => f.endsWith('.cjs'));
    expect(chunks.length).toBeGreaterThan(10);
    // The command chunks are CommonJS (made from ES modules), so none is left as an ES module.
    expect(readdirSync(bundle).filter((f) => f.endsWith('.js') || f.endsWith('.mjs'))).toEqual([]);
    // A chunk takes the modules it shares with the start-up path from main.cjs, which runs nothing when loaded.
    const script = `for (const f of ${JSON.stringify(chunks)}) require(${JSON.stringify(`${bundle}${path.sep}`)} + f);`;
    const result = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  // The start-up file (CommonJS) and the command chunks (ES modules) share one copy of each module: an error
  // class a command throws is the class report.ts knows, so the failure is one plain line with its exit code.
  // (test/e2e/interrupt.e2e.test.ts and fonts.e2e.test.ts check the shared state of temps-in-flight.ts and fonts.ts.)
  it("an error a command chunk throws is told by the start-up file's report as a usage or data error, never an internal error", () => {
    const usage = spawnSync(process.execPath, [BIN, 'show', 'no-such-role'], { cwd: dir, encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^hirekit: unknown role 'no-such-role'[^\n]*\n$/);
    writeFileSync(path.join(dir, 'broken.yaml'), 'id: [unclosed\n');
    const data = spawnSync(process.execPath, [BIN, 'validate', 'broken.yaml'], { cwd: dir, encoding: 'utf8' });
    expect(data.status).toBe(1);
    expect(data.stderr).not.toContain('internal error');
  });
});
