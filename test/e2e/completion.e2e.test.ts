// Shell completion through the built binary, in the real shells: the bash script sourced in bash with
// COMP_WORDS and COMP_CWORD set as bash sets them; the fish script asked through fish's own `complete -C`;
// the zsh script loaded by compinit in an interactive zsh in a pseudo-terminal, Tab pressed, the screen read.
// Each offers the commands, options, role ids, the stages of the chosen role, the workspace's candidate
// names ("Zoë Łukasz", "Wei Zhang (张伟)") and interviewer names (from its scorecards and git's user.name),
// inserted as one word, and completes the value after `--stage=` and the like; fish shows each command and
// option with its --help description. bash's `=` handling is checked in an interactive bash too. A shell that
// is not installed is skipped with the reason in the test name (CI installs both: .ci/run).
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

/** Candidate folder, stage, interviewer slug, interviewer name: Ana Ruiz twice, on both candidates. */
const INTERVIEWS = [
  ['zoe-lukasz', 'hiring-manager-screen', 'ana-ruiz', 'Ana Ruiz'],
  ['zoe-lukasz', 'case-a-session', 'zoe-o-brien', "Zoë O'Brien"],
  ['wei-zhang', 'hiring-manager-screen', 'ana-ruiz', 'Ana Ruiz'],
  ['wei-zhang', 'case-b-session', 'kenji-nakamura-wojcik', 'Kenji Nakamura-Wójcik (中村)'],
] as const;

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
  // Scorecards name their interviewers (a file per stage and interviewer; the name as written inside).
  for (const [slug, stage, who, name] of INTERVIEWS) {
    mkdirSync(path.join(tmp.dir, 'ws', 'candidates', slug, 'scorecards'), { recursive: true });
    writeFileSync(
      path.join(tmp.dir, 'ws', 'candidates', slug, 'scorecards', `${stage}--${who}.yaml`),
      `# hirekit scorecard\nformat: hirekit-scorecard/1\nrubric:\n  id: head-of-ml\n  version: "1.2"\ncandidate:\n  name: x\n  slug: ${slug}\ninterviewer:\n  name: ${JSON.stringify(name)}\n  slug: ${who}\nstage: ${stage}\nstatus: draft\n`,
    );
  }
  // git's user.name: the name `hirekit score` offers by default, so completion offers it too.
  writeFileSync(path.join(tmp.dir, '.gitconfig'), '[user]\n\tname = Priya Raman\n');
  const result = runCli(['completion', 'bash']);
  expect(result.code).toBe(0);
  script = path.join(tmp.dir, 'hirekit.bash');
  writeFileSync(script, result.stdout);
  shellEnv = { PATH: `${path.join(tmp.dir, 'bin')}:${process.env.PATH ?? ''}`, HOME: tmp.dir, LANG: 'C.UTF-8', TERM: 'xterm-256color', GIT_CONFIG_NOSYSTEM: '1' };
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

  it('completes interviewer names from the scorecards and git user.name, escaped as candidate names are', () => {
    const all = ['Ana\\ Ruiz', 'Kenji\\ Nakamura-Wójcik\\ \\(中村\\)', 'Priya\\ Raman', "Zoë\\ O\\'Brien"];
    expect(complete(['hirekit', '-w', 'ws', 'score', 'head-of-ml', '--interviewer', ''])).toEqual(all);
    expect(complete(['hirekit', '-w', 'ws', 'score', 'head-of-ml', '-i', 'Zo'])).toEqual(["Zoë\\ O\\'Brien"]);
    expect(complete(['hirekit', '-w', 'ws', 'calibrate', '--interviewer', 'K'])).toEqual([all[1]]);
    expect(complete(['hirekit', 'pack', 'head-of-ml', '-w', 'ws', '--interviewer', 'P'])).toEqual(['Priya\\ Raman']);
    // Inside a quote the user opened, the name goes in as it reads.
    expect(complete(['hirekit', '-w', 'ws', 'calibrate', '--interviewer', '"Zo'])).toEqual(["Zoë O'Brien"]);
    // What bash inserts, read back by bash, is the name.
    const read = spawnSync('bash', ['-c', `eval "set -- ${all[3]!.replace(/\\/g, '\\\\')}"; printf '%s' "$1"`], { encoding: 'utf8' });
    expect(read.stdout).toBe("Zoë O'Brien");
  });

  it('completes the value after --stage= and --interviewer=, as bash splits the word at the =', () => {
    const show = runCli(['show', 'ml-scientist', '--json']);
    const stages = (JSON.parse(show.stdout) as { rubric: { loop: Array<{ id: string }> } }).rubric.loop.map((s) => s.id);
    // bash's words for `--stage=s`: --stage, =, s; right after the =: --stage, =. Only the value is replaced.
    expect(complete(['hirekit', 'score', 'ml-scientist', '--stage', '=', 's'])).toEqual(stages.filter((s) => s.startsWith('s')));
    expect(complete(['hirekit', 'score', 'ml-scientist', '--stage', '='])).toEqual(stages);
    expect(complete(['hirekit', 'pack', "'ml-scientist'", '--stage', '=', 'e'])).toEqual(stages.filter((s) => s.startsWith('e')));
    expect(complete(['hirekit', '-w', 'ws', 'score', 'head-of-ml', '--interviewer', '=', 'Ana'])).toEqual(['Ana\\ Ruiz']);
    expect(complete(['hirekit', '--workspace', '=', 'ws', 'debrief', '--format', '=', 'p'])).toEqual(['pdf']);
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

/** `complete -C LINE` in fish with the printed script sourced: what fish would offer, without descriptions. */
function fishComplete(line: string): string[] {
  return fishOffers(line).map((l) => l.split('\t')[0]!);
}

/** The same, each line as fish gives it: the word, then a tab and its description when there is one. */
function fishOffers(line: string): string[] {
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

  it.skipIf(!FISH)('describes each command and option as --help does', () => {
    const commands = new Map(fishOffers('hirekit ').map((l) => l.split('\t') as [string, string]));
    expect(commands.get('score')).toBe('score the stage you ran, with evidence');
    expect(commands.get('completion')).toBe('shell completion for bash, zsh or fish');
    for (const [name, description] of commands) expect(description, name).toMatch(/\S/);
    const options = new Map(fishOffers('hirekit score head-of-ml -').map((l) => l.split('\t') as [string, string]));
    expect(options.get('--interviewer')).toBe("your name (default: git's user.name, then your login name)");
    expect(options.get('-i')).toBe(options.get('--interviewer'));
    expect(options.get('--workspace')).toMatch(/\S/);
    // Values (roles, names) come bare: fish shows them as they are.
    expect(fishOffers('hirekit score head-')).toEqual(['head-of-ml']);
  });

  it.skipIf(!FISH)('completes interviewer names, and the value after --stage=, --interviewer= and --out=', () => {
    expect(fishComplete('hirekit -w ws score head-of-ml --interviewer ')).toEqual(['Ana Ruiz', 'Kenji Nakamura-Wójcik (中村)', 'Priya Raman', "Zoë O'Brien"]);
    expect(fishComplete('hirekit -w ws score head-of-ml -i Zo')).toEqual(["Zoë O'Brien"]);
    expect(fishComplete('hirekit -w ws calibrate --interviewer Zo')).toEqual(["Zoë O'Brien"]);
    expect(fishComplete('hirekit score head-of-ml --stage=prod')).toEqual(['--stage=production-ml-deep-dive']);
    expect(fishComplete('hirekit -w ws pack head-of-ml --interviewer=Ke')).toEqual(['--interviewer=Kenji Nakamura-Wójcik (中村)']);
    expect(fishComplete('hirekit export --out=hirekit.f')).toEqual(['--out=hirekit.fish']);
  });

  it.skipIf(!FISH)('completes candidate names with spaces and non-Latin letters, and files where a path goes', () => {
    expect(fishComplete('hirekit -w ws debrief ')).toEqual(['Wei Zhang (张伟)', 'Zoë Łukasz']);
    expect(fishComplete('hirekit -w ws score head-of-ml --candidate Zo')).toEqual(['Zoë Łukasz']);
    expect(fishComplete('hirekit -w ws status "Wei')).toEqual(['Wei Zhang (张伟)']);
    expect(fishComplete('hirekit export --out hirekit.f')).toEqual(['hirekit.fish']);
  });
});

/** An interactive shell (zsh, or bash) in a pseudo-terminal, read through a headless terminal emulator. */
class ShellSession {
  private readonly term: pty.IPty;
  private readonly screen = new xterm.Terminal({ cols: 100, rows: 30, allowProposedApi: true });
  private pending = Promise.resolve();

  /** `setup` runs first; the prompt then reads "ready% ". */
  constructor(setup: string, shell: 'zsh' | 'bash' = 'zsh') {
    const [file, args, prompt] = shell === 'zsh' ? [ZSH!, ['-f', '-i'], `PS1='ready%% '`] : ['bash', ['--norc', '--noprofile', '-i'], `PS1='ready% '`];
    this.term = pty.spawn(file, args, { cwd: tmp.dir, cols: 100, rows: 30, env: shellEnv });
    this.term.onData((data) => {
      this.pending = this.pending.then(() => new Promise<void>((resolve) => this.screen.write(data, resolve)));
    });
    this.term.write(`${prompt}; ${setup}\r`);
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
    const zsh = new ShellSession(`fpath=(${functions} $fpath); autoload -Uz compinit && compinit -u -D; clear`);
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

  it.skipIf(!ZSH)('completes interviewer names, and the value after --stage= and --interviewer= (the option kept)', async () => {
    writeFileSync(path.join(tmp.dir, 'notes.txt'), '');
    const zsh = new ShellSession(`autoload -Uz compinit && compinit -u -D; eval "$(hirekit completion zsh)"; clear`);
    try {
      expect((await zsh.tab('hirekit score head-of-ml --stage=prod', /deep-dive$/m)).screen).toContain('hirekit score head-of-ml --stage=production-ml-deep-dive');
      const zoe = await zsh.tab('hirekit -w ws score head-of-ml --interviewer=Zo', /Brien$/m);
      expect(zoe.screen).toContain("--interviewer=Zoë\\ O\\'Brien");
      expect(zoe.spaced).toBe(true);
      const listed = (await zsh.tab('hirekit -w ws calibrate --interviewer ', /Priya Raman/)).screen;
      for (const name of ['Ana Ruiz', 'Kenji Nakamura-Wójcik (中村)', "Zoë O'Brien"]) expect(listed).toContain(name);
      expect((await zsh.tab('hirekit export --out=not', /notes\.txt$/m)).screen).toContain('hirekit export --out=notes.txt');
    } finally {
      zsh.dispose();
    }
  });

  it.skipIf(!ZSH)('evaluated in ~/.zshrc after compinit: the same completions', async () => {
    const zsh = new ShellSession(`autoload -Uz compinit && compinit -u -D; eval "$(hirekit completion zsh)"; clear`);
    try {
      const zoe = await zsh.tab('hirekit -w ws score head-of-ml --candidate Zo', /Łukasz$/m);
      expect(zoe.screen).toContain('--candidate Zoë\\ Łukasz');
      expect(zoe.spaced).toBe(true);
    } finally {
      zsh.dispose();
    }
  });
});

describe('hirekit completion bash, typed in an interactive bash', () => {
  it('Tab after --stage= and --interviewer= completes the value and keeps the option', async () => {
    const bash = new ShellSession(`unset HISTFILE; source "${script}"; clear`, 'bash');
    try {
      expect((await bash.tab('hirekit score head-of-ml --stage=prod', /deep-dive$/m)).screen).toContain('hirekit score head-of-ml --stage=production-ml-deep-dive');
      expect((await bash.tab('hirekit -w ws score head-of-ml --interviewer=Ke', /\\\)$/m)).screen).toContain('--interviewer=Kenji\\ Nakamura-Wójcik\\ \\(中村\\)');
      // Right after the =, a second Tab lists every stage of the role.
      const listed = (await bash.tab('hirekit score head-of-ml --stage=\t', /production-ml-deep-dive/)).screen;
      for (const stage of ['case-a-session', 'hiring-manager-screen', 'leadership-talent']) expect(listed).toContain(stage);
    } finally {
      bash.dispose();
    }
  });
});
