// Shell completion through the built binary, in the real shells: the bash script sourced in bash with
// COMP_WORDS and COMP_CWORD set as bash sets them; the fish script asked through fish's own `complete -C`;
// the zsh script loaded by compinit in an interactive zsh in a pseudo-terminal, Tab pressed, the screen read.
// Each offers the commands, options, role ids, the stages of the chosen role and the workspace's candidate
// names ("Zoë Łukasz", "Wei Zhang (张伟)"), inserted as one word. A shell that is not installed is skipped
// with the reason in the test name (CI installs both: .ci/run).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir } from '../helpers/cli.js';

/** The shell's path, or undefined when it is not installed. */
function installed(shell: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${shell}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}
const FISH = installed('fish');
const ZSH = installed('zsh');
const missing = (shell: string, found: string | undefined): string => (found ? '' : ` [SKIPPED: ${shell} is not installed; apt-get install ${shell}]`);

let tmp: ReturnType<typeof tempDir>;
let script: string;
let shellEnv: Record<string, string>;

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
  shellEnv = { PATH: `${path.join(tmp.dir, 'bin')}:${process.env.PATH ?? ''}`, HOME: tmp.dir, LANG: 'C.UTF-8', TERM: 'xterm-256color' };
});
afterAll(() => tmp.cleanup());

/** What bash would offer for the last word of `line` (a trailing space means a new, empty word). */
function complete(words: string[]): string[] {
  const array = words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
  const program = `source "${script}"; COMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _hirekit_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', program], {
    cwd: tmp.dir,
    encoding: 'utf8',
    env: shellEnv,
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
    expect(complete(['hirekit', 'export', '--what', ''])).toEqual(['scorecards', 'debriefs', 'calibration']);
    expect(complete(['hirekit', 'debrief', 'x', '--format', 'p'])).toEqual(['pdf']);
  });

  it('completes role ids, and the stage ids of the role chosen on the line', () => {
    expect(complete(['hirekit', 'score', 'head'])).toEqual(['head-of-ml']);
    const show = runCli(['show', 'ml-scientist', '--json']);
    const stages = (JSON.parse(show.stdout) as { rubric: { loop: Array<{ id: string }> } }).rubric.loop.map((s) => s.id);
    expect(complete(['hirekit', 'score', 'ml-scientist', '--stage', ''])).toEqual(stages);
    expect(complete(['hirekit', 'score', 'ml-scientist', '-s', 's'])).toEqual(stages.filter((s) => s.startsWith('s')));
    // The role as the user quoted it on the line.
    expect(complete(['hirekit', 'score', "'ml-scientist'", '--stage', ''])).toEqual(stages);
    expect(complete(['hirekit', 'pack', '"ml-scientist"', '--stage', ''])).toEqual(stages);
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

  it('prints zsh and fish scripts, each with how to install it, and refuses another shell with exit 2', () => {
    const zsh = runCli(['completion', 'zsh']).stdout;
    expect(zsh.startsWith('#compdef hirekit\n')).toBe(true);
    expect(zsh).toContain('hirekit completion zsh > ~/.zfunc/_hirekit');
    const fish = runCli(['completion', 'fish']).stdout;
    expect(fish).toContain("complete -c hirekit -f -a '(__hirekit_complete)'");
    expect(fish).toContain('hirekit completion fish > ~/.config/fish/completions/hirekit.fish');
    const bad = runCli(['completion', 'tcsh']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});

/** `complete -C LINE` in fish with the printed script sourced: what fish would offer, one per line. */
function fishComplete(line: string): string[] {
  const fishScript = path.join(tmp.dir, 'hirekit.fish');
  writeFileSync(fishScript, runCli(['completion', 'fish']).stdout);
  const result = spawnSync(FISH!, ['--no-config', '-c', `source ${fishScript}; complete -C ${JSON.stringify(line).replace(/\$/g, '\\$')}`], { cwd: tmp.dir, encoding: 'utf8', env: shellEnv });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter((l) => l !== '');
}

describe(`hirekit completion fish${missing('fish', FISH)}`, () => {
  it.skipIf(!FISH)('is valid fish', () => {
    const checked = spawnSync(FISH!, ['--no-config', '--no-execute', '-c', runCli(['completion', 'fish']).stdout], { encoding: 'utf8' });
    expect(checked.status, checked.stderr).toBe(0);
  });

  it.skipIf(!FISH)('completes commands, options and their choices', () => {
    expect(fishComplete('hirekit sc')).toEqual(['score']);
    expect(fishComplete('hirekit ')).toEqual(expect.arrayContaining(['score', 'debrief', 'export', 'calibrate', 'completion']));
    expect(fishComplete('hirekit ')).not.toContain('__complete');
    expect(fishComplete('hirekit export --')).toEqual(expect.arrayContaining(['--format', '--what', '--out', '--since']));
    expect(fishComplete('hirekit export --what ')).toEqual(['calibration', 'debriefs', 'scorecards']);
  });

  it.skipIf(!FISH)('completes role ids after hirekit score, and the stages of that role', () => {
    const roles = (JSON.parse(runCli(['roles', '--json']).stdout) as { roles: Array<{ id: string }> }).roles.map((r) => r.id).sort();
    expect(fishComplete('hirekit score ')).toEqual(roles);
    const stages = (JSON.parse(runCli(['show', 'head-of-ml', '--json']).stdout) as { rubric: { loop: Array<{ id: string }> } }).rubric.loop.map((s) => s.id);
    expect(fishComplete('hirekit score head-of-ml --stage ')).toEqual([...stages].sort());
    expect(fishComplete("hirekit score 'head-of-ml' -s prod")).toEqual(stages.filter((s) => s.startsWith('prod')));
  });

  it.skipIf(!FISH)('completes candidate names with spaces and non-Latin letters, and files where a path goes', () => {
    expect(fishComplete('hirekit -w ws debrief ')).toEqual(['Wei Zhang (张伟)', 'Zoë Łukasz']);
    expect(fishComplete('hirekit -w ws score head-of-ml --candidate Zo')).toEqual(['Zoë Łukasz']);
    expect(fishComplete('hirekit -w ws status "Wei')).toEqual(['Wei Zhang (张伟)']);
    expect(fishComplete('hirekit export --out hirekit.f')).toEqual(['hirekit.fish']);
  });
});

/** An interactive zsh in a pseudo-terminal, read through a headless terminal emulator. */
class ZshSession {
  private readonly term: pty.IPty;
  private readonly screen = new xterm.Terminal({ cols: 100, rows: 30, allowProposedApi: true });
  private pending = Promise.resolve();

  constructor(setup: string) {
    this.term = pty.spawn(ZSH!, ['-f', '-i'], { cwd: tmp.dir, cols: 100, rows: 30, env: shellEnv });
    this.term.onData((data) => {
      this.pending = this.pending.then(() => new Promise<void>((resolve) => this.screen.write(data, resolve)));
    });
    this.term.write(`PS1='ready%% '; ${setup}\r`);
  }

  async text(): Promise<string> {
    await this.pending;
    const buffer = this.screen.buffer.active;
    const rows: string[] = [];
    for (let y = 0; y < this.screen.rows; y += 1) rows.push(this.row(buffer.viewportY + y));
    return rows.join('\n');
  }

  /** A row of the screen, trailing blanks removed (written spaces included). */
  private row(y: number): string {
    return (this.screen.buffer.active.getLine(y)?.translateToString(true) ?? '').trimEnd();
  }

  async waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = await this.text();
      if (pattern.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; the screen shows:\n${text}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /**
   * Types `line`, presses Tab and waits for `expected` on the screen (rows are read with trailing blanks
   * trimmed); then abandons the line and clears the screen. `spaced`: whether the cursor sits one blank after
   * the text, as zsh leaves it after inserting a whole word.
   */
  async tab(line: string, expected: RegExp): Promise<{ screen: string; spaced: boolean }> {
    await this.waitFor(/^ready%$/m);
    this.term.write(`${line}\t`);
    const screen = await this.waitFor(expected);
    const buffer = this.screen.buffer.active;
    const spaced = buffer.cursorX === stringWidth(this.row(buffer.viewportY + buffer.cursorY)) + 1;
    this.term.write('\x03');
    await this.waitFor(/^ready%$/m);
    this.term.write('clear\r');
    await this.waitFor(/^ready%\s*$/);
    return { screen, spaced };
  }

  dispose(): void {
    this.term.kill();
    this.screen.dispose();
  }
}

describe(`hirekit completion zsh${missing('zsh', ZSH)}`, () => {
  it.skipIf(!ZSH)('is valid zsh', () => {
    const checked = spawnSync(ZSH!, ['-f', '-n', '-c', runCli(['completion', 'zsh']).stdout], { encoding: 'utf8' });
    expect(checked.status, checked.stderr).toBe(0);
  });

  it.skipIf(!ZSH)('autoloaded from $fpath by compinit: Tab completes commands, stages of the role, candidate names and files', async () => {
    const functions = path.join(tmp.dir, 'zfunc');
    mkdirSync(functions, { recursive: true });
    writeFileSync(path.join(functions, '_hirekit'), runCli(['completion', 'zsh']).stdout);
    writeFileSync(path.join(tmp.dir, 'notes.txt'), '');
    const zsh = new ZshSession(`fpath=(${functions} $fpath); autoload -Uz compinit && compinit -u -D; clear`);
    try {
      // One match is inserted in full, with a space after it.
      const score = await zsh.tab('hirekit sc', /hirekit score$/m);
      expect(score.screen).toMatch(/^ready% hirekit score$/m);
      expect(score.spaced).toBe(true);
      // Several are listed under the line.
      const stages = (await zsh.tab('hirekit score head-of-ml --stage ', /production-ml-deep-dive/)).screen;
      for (const stage of ['case-a-session', 'hiring-manager-screen', 'production-ml-deep-dive']) expect(stages).toContain(stage);
      const roles = (await zsh.tab('hirekit show ', /senior-ml-engineer/)).screen;
      expect(roles).toContain('head-of-ml');
      // Names are listed as they read, and inserted quoted so that zsh reads one word.
      expect((await zsh.tab('hirekit -w ws debrief ', /Zoë Łukasz/)).screen).toMatch(/Wei Zhang \(张伟\)\s+Zoë Łukasz/);
      const wei = await zsh.tab('hirekit -w ws debrief Wei', /\(张伟\\\)$/m);
      expect(wei.screen).toContain('hirekit -w ws debrief Wei\\ Zhang\\ \\(张伟\\)');
      expect(wei.spaced).toBe(true);
      expect((await zsh.tab('hirekit -w ws status "Zo', /Łukasz"$/m)).screen).toContain('hirekit -w ws status "Zoë Łukasz"');
      // The stages of a role the user quoted.
      expect((await zsh.tab("hirekit score 'head-of-ml' --stage prod", /deep-dive$/m)).screen).toContain('--stage production-ml-deep-dive');
      // Where hirekit has nothing to offer, zsh completes file names.
      expect((await zsh.tab('hirekit export --out not', /notes\.txt$/m)).screen).toContain('hirekit export --out notes.txt');
    } finally {
      zsh.dispose();
    }
  });

  it.skipIf(!ZSH)('evaluated in ~/.zshrc after compinit: the same completions', async () => {
    const zsh = new ZshSession(`autoload -Uz compinit && compinit -u -D; eval "$(hirekit completion zsh)"; clear`);
    try {
      const zoe = await zsh.tab('hirekit -w ws score head-of-ml --candidate Zo', /Łukasz$/m);
      expect(zoe.screen).toContain('--candidate Zoë\\ Łukasz');
      expect(zoe.spaced).toBe(true);
    } finally {
      zsh.dispose();
    }
  });
});
