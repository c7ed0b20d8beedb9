// Shell completion through the built binary: the bash script, sourced in a real bash with COMP_WORDS and
// COMP_CWORD set as bash sets them, offers the commands, options, role ids, the stages of the chosen role
// and the workspace's candidate names (escaped so that bash inserts them as one word).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir } from '../helpers/cli.js';

let tmp: ReturnType<typeof tempDir>;
let script: string;

beforeAll(() => {
  tmp = tempDir('hirekit-completion-');
  // `hirekit` on PATH, as a global install puts it there.
  const bin = path.join(tmp.dir, 'bin');
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'hirekit'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(path.join(bin, 'hirekit'), 0o755);
  for (const [slug, name] of [['zoe-lukasz', 'Zoë Łukasz'], ['wei-zhang', 'Wei Zhang (张伟)']] as const) {
    mkdirSync(path.join(tmp.dir, 'ws', 'candidates', slug), { recursive: true });
    writeFileSync(path.join(tmp.dir, 'ws', 'candidates', slug, 'candidate.yaml'), `name: "${name}"\nrole: head-of-ml\ncreated_at: "2026-11-02T09:00:00Z"\n`);
  }
  const result = runCli(['completion', 'bash']);
  expect(result.code).toBe(0);
  script = path.join(tmp.dir, 'hirekit.bash');
  writeFileSync(script, result.stdout);
});
afterAll(() => tmp.cleanup());

/** What bash would offer for the last word of `line` (a trailing space means a new, empty word). */
function complete(words: string[]): string[] {
  const array = words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
  const program = `source "${script}"; COMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _hirekit_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', program], {
    cwd: tmp.dir,
    encoding: 'utf8',
    env: { PATH: `${path.join(tmp.dir, 'bin')}:${process.env.PATH ?? ''}`, HOME: tmp.dir, LANG: 'C.UTF-8' },
  });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter((l) => l !== '');
}

describe('hirekit completion bash', () => {
  it('completes command names, and hides the internal __complete', () => {
    expect(complete(['hirekit', 'sc'])).toEqual(['score']);
    const all = complete(['hirekit', '']);
    expect(all).toEqual(expect.arrayContaining(['score', 'debrief', 'export', 'completion', 'pack']));
    expect(all).not.toContain('__complete');
  });

  it('completes options of the command, and the choices of an option', () => {
    expect(complete(['hirekit', 'export', '--'])).toEqual(expect.arrayContaining(['--format', '--what', '--out', '--workspace']));
    expect(complete(['hirekit', 'export', '--what', ''])).toEqual(['scorecards', 'debriefs']);
    expect(complete(['hirekit', 'debrief', 'x', '--format', 'p'])).toEqual(['pdf']);
  });

  it('completes role ids, and the stage ids of the role chosen on the line', () => {
    expect(complete(['hirekit', 'score', 'head'])).toEqual(['head-of-ml']);
    const show = runCli(['show', 'ml-scientist', '--json']);
    const stages = (JSON.parse(show.stdout) as { rubric: { loop: Array<{ id: string }> } }).rubric.loop.map((s) => s.id);
    expect(complete(['hirekit', 'score', 'ml-scientist', '--stage', ''])).toEqual(stages);
    expect(complete(['hirekit', 'score', 'ml-scientist', '-s', 's'])).toEqual(stages.filter((s) => s.startsWith('s')));
  });

  it('completes candidate names of the workspace, escaped so bash reads each as one word', () => {
    const offered = complete(['hirekit', '-w', 'ws', 'debrief', '']);
    expect(offered).toEqual(['Wei\\ Zhang\\ \\(张伟\\)', 'Zoë\\ Łukasz']);
    expect(complete(['hirekit', '-w', 'ws', 'score', 'head-of-ml', '--candidate', 'Zo'])).toEqual(['Zoë\\ Łukasz']);
    // What bash inserts, read back by bash, is the name.
    const read = spawnSync('bash', ['-c', `eval "set -- ${offered[0]!.replace(/\\/g, '\\\\')}"; printf '%s' "$1"`], { encoding: 'utf8' });
    expect(read.stdout).toBe('Wei Zhang (张伟)');
  });

  it('offers nothing for a file argument, so bash falls back to file names', () => {
    expect(complete(['hirekit', 'export', '--out', ''])).toEqual([]);
  });

  it('prints zsh and fish scripts and refuses another shell with exit 2', () => {
    expect(runCli(['completion', 'zsh']).stdout).toContain('compdef _hirekit hirekit');
    expect(runCli(['completion', 'fish']).stdout).toContain("complete -c hirekit -f -a '(__hirekit_complete)'");
    const bad = runCli(['completion', 'tcsh']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
