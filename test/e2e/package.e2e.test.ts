// The package as users get it: `npm pack`, then a global install of the tarball into an empty prefix, then
// `hirekit demo` run from an unrelated folder. Rubrics, templates and fonts must come from the installed
// package, not from this checkout. Needs `npm run build` first (the tarball packs dist/) and the npm cache
// that `npm ci` filled (the install is --prefer-offline).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../helpers/pdf.js';
import { ROOT, tempDir } from '../helpers/cli.js';

let tmp: ReturnType<typeof tempDir>;
let prefix: string;
let installed: string;
let run: string;

function npm(args: string[], cwd: string): string {
  const result = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' }, timeout: 240_000 });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

function hirekit(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  // No HIREKIT_* from the developer's shell, and a PATH with the prefix's bin first, as after `npm i -g`.
  const env: NodeJS.ProcessEnv = { PATH: `${path.join(prefix, 'bin')}:${process.env.PATH ?? ''}`, HOME: tmp.dir, NO_COLOR: '1', LANG: 'C.UTF-8', ...extraEnv };
  return spawnSync('hirekit', args, { cwd: run, env, encoding: 'utf8', timeout: 120_000 });
}

beforeAll(() => {
  tmp = tempDir('hirekit-package-');
  prefix = path.join(tmp.dir, 'prefix');
  run = path.join(tmp.dir, 'elsewhere');
  spawnSync('mkdir', ['-p', prefix, run]);
  // The build is the test run's own (npm test builds first), so prepare's second build is skipped.
  const tarball = npm(['pack', '--ignore-scripts', '--silent', '--pack-destination', tmp.dir], ROOT).trim().split('\n').at(-1)!;
  npm(['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(tmp.dir, tarball)], tmp.dir);
  installed = path.join(prefix, 'lib', 'node_modules', 'hirekit');
}, 300_000);
afterAll(() => tmp.cleanup());

describe('npm pack + global install into an empty prefix', () => {
  it('installs the bin, the built code, the rubrics and the templates, and none of the sources or tests', () => {
    // The command on PATH is the installed package's, not this checkout's.
    expect(realpathSync(path.join(prefix, 'bin', 'hirekit'))).toBe(path.join(realpathSync(installed), 'bin', 'hirekit.js'));
    const which = spawnSync('sh', ['-c', 'command -v hirekit'], { env: { PATH: `${path.join(prefix, 'bin')}:${process.env.PATH ?? ''}` }, encoding: 'utf8' });
    expect(which.stdout.trim()).toBe(path.join(prefix, 'bin', 'hirekit'));
    const top = readdirSync(installed).sort();
    expect(top).toEqual(expect.arrayContaining(['bin', 'dist', 'rubrics', 'templates', 'package.json', 'node_modules']));
    expect(top).not.toContain('src');
    expect(top).not.toContain('test');
  });

  it('hirekit roles finds the bundled rubrics inside the installed package', () => {
    const result = hirekit(['roles', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const { roles } = JSON.parse(result.stdout) as { roles: Array<{ id: string; file: string }> };
    expect(roles.map((r) => r.id)).toContain('head-of-ml');
    for (const role of roles) expect(role.file.startsWith(path.join(installed, 'rubrics'))).toBe(true);
  });

  it('hirekit completion answers from the installed package', () => {
    expect(hirekit(['completion', 'bash']).stdout).toContain('complete -o default -F _hirekit_complete hirekit');
    const offered = hirekit(['__complete', '--shell', 'fish', '--', 'score', 'head-of']);
    expect(offered.stdout).toBe('head-of-ml\n');
  });

  it('hirekit demo writes the debrief PDF with embedded fonts, and the Markdown debrief uses the installed template', async () => {
    const demo = hirekit(['demo']);
    expect(demo.status, demo.stderr).toBe(0);
    const debrief = path.join(run, 'hirekit-demo', 'debrief.pdf');
    expect(demo.stdout).toContain(debrief);
    const pdf = await readPdf(debrief);
    expect(pdf.title).toBe('Debrief: Zoë Łukasz, Head of Machine Learning');
    expect(pdf.fonts.length).toBeGreaterThan(0);
    expect(pdf.fonts.every((f) => f.embedded)).toBe(true);
    expect(pdf.text).toContain('Zoë Łukasz');
    const md = hirekit(['-w', 'hirekit-demo/hiring', 'debrief', 'Zoë Łukasz', '--format', 'md']);
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout).toContain('Zoë Łukasz');
  }, 120_000);

  it('renders the Markdown debrief from the template precompiled in the package, and an edited installed template from its text', () => {
    const args = ['-w', 'hirekit-demo/hiring', 'debrief', 'Zoë Łukasz', '--format', 'md'];
    const trace = path.join(tmp.dir, 'debrief-md.trace');
    const tracer = path.join(ROOT, 'test', 'helpers', 'trace-imports.mjs');
    const before = hirekit(args, { NODE_OPTIONS: `--import ${tracer}`, HIREKIT_TRACE_IMPORTS: trace });
    expect(before.status, before.stderr).toBe(0);
    const loaded = readFileSync(trace, 'utf8');
    expect(loaded).toContain(`${realpathSync(installed)}/dist/templates/debrief.md.cjs`);
    expect(loaded).not.toContain('/handlebars/compiler/');
    // Someone edits the installed copy: hirekit compiles the new text rather than serve the stale build.
    const template = path.join(installed, 'templates', 'debrief.md.hbs');
    writeFileSync(template, `${readFileSync(template, 'utf8')}\nEdited for {{md candidate}}\n`);
    const after = hirekit(args);
    expect(after.status, after.stderr).toBe(0);
    expect(after.stdout).toBe(`${before.stdout}\nEdited for Zoë Łukasz\n`);
  }, 60_000);
});
