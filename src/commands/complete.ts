// Shell completion. `hirekit completion bash|zsh|fish` prints a small script; the script asks the hidden
// `hirekit __complete --shell SHELL -- WORD...` for the candidates of the word under the cursor. The answers
// come from the commander program itself (commands, options, choices, argument names) and from the
// workspace (role ids, the stages of the chosen role, candidate and interviewer names), so they never drift
// from the CLI. An empty answer lets the shell fall back to file names (--out, --answers, folders). Fish gets
// each command and option with its --help description after a tab; `--stage=VALUE` completes the value after
// the `=` in every shell.
import { UsageError } from '../errors.js';
import type { CommandContext } from './context.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What completion needs to know of one option. */
export interface OptionSpec {
  long?: string;
  short?: string;
  takesValue: boolean;
  choices?: readonly string[];
  /** As in --help, on one line. */
  description?: string;
}

export interface CommandSpec {
  name: string;
  description?: string;
  options: OptionSpec[];
  /** Argument names in order, e.g. ['role', 'candidates']; the last may be variadic. */
  args: Array<{ name: string; variadic: boolean; choices?: readonly string[] }>;
}

export interface ProgramSpec {
  globalOptions: OptionSpec[];
  commands: CommandSpec[];
}

/** The commander shapes read here (public API of commander 14). */
interface OptionLike {
  long?: string | undefined;
  short?: string | undefined;
  required: boolean;
  optional: boolean;
  argChoices?: string[] | undefined;
  description?: string | undefined;
}
interface CommandLike {
  name(): string;
  description(): string;
  /** The short description hirekit --help lists the command by (commander's summary). */
  summary(): string;
  registeredArguments: ReadonlyArray<{ name(): string; variadic: boolean; argChoices?: string[] | undefined }>;
}
interface HelpLike<C> {
  visibleCommands(command: C): C[];
  visibleOptions(command: C): OptionLike[];
}

/** The completion picture of a commander program: visible commands and options only. */
export function describeProgram<C extends CommandLike>(program: C, help: HelpLike<C>): ProgramSpec {
  const option = (o: OptionLike): OptionSpec => ({
    ...(o.long ? { long: o.long } : {}),
    ...(o.short ? { short: o.short } : {}),
    takesValue: o.required || o.optional,
    ...(o.argChoices ? { choices: o.argChoices } : {}),
    ...(o.description ? { description: oneLine(o.description) } : {}),
  });
  return {
    globalOptions: help.visibleOptions(program).map(option),
    commands: help
      .visibleCommands(program)
      .filter((c) => c.name() !== 'help')
      .map((c) => ({
        name: c.name(),
        // As hirekit --help lists it: the summary, short enough for a completion menu.
        ...((c.summary() || c.description()) ? { description: oneLine(c.summary() || c.description()) } : {}),
        options: help.visibleOptions(c).map(option),
        args: c.registeredArguments.map((a) => ({ name: a.name(), variadic: a.variadic, ...(a.argChoices ? { choices: a.argChoices } : {}) })),
      })),
  };
}

/** A --help description on one line, for fish's menu (fish cuts it to the width of the terminal). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface CompleteOptions {
  shell: Shell;
  /** The words after `hirekit`, the last one being the word under the cursor (possibly empty). */
  words: string[];
  spec: ProgramSpec;
}

type CompleteContext = Pick<CommandContext, 'env' | 'cwd' | 'stdout'>;

/** One answer: the word to insert, and for fish the description shown beside it. */
interface Candidate {
  value: string;
  description?: string;
}

/** Prints the candidates for the last word, one a line, already filtered by what has been typed. */
export async function runComplete(options: CompleteOptions, ctx: CompleteContext): Promise<string[]> {
  // bash splits `--stage=prod` at the `=` (it is in COMP_WORDBREAKS): read the three words as one.
  const given = options.words.length === 0 ? [''] : options.words;
  const words = options.shell === 'bash' ? joinAtEquals(given) : given;
  let current = words[words.length - 1]!;
  // bash passes the words as typed, quotes and backslashes included ('head-of-ml', Zoë\ Łukasz); zsh and
  // fish pass them unquoted already.
  const before = words.slice(0, -1).map((w) => (options.shell === 'bash' ? shellUnquote(w) : w));
  // `--stage=prod`: the value after the `=` is completed. bash and zsh (the script strips the prefix with
  // compset) replace only that value; fish replaces the whole word, so it gets the prefix back.
  const attached = /^(--?[^=\s]+=)([\s\S]*)$/.exec(current);
  let prefix = '';
  let found: Candidate[];
  try {
    const option = attached ? findOption(optionsAt(options.spec, before), attached[1]!.slice(0, -1)) : undefined;
    if (attached && option?.takesValue) {
      prefix = attached[1]!;
      current = attached[2]!;
      found = (await valuesOf(option, walk(options.spec, before), ctx)).map((value) => ({ value }));
    } else {
      found = await candidatesFor(options.spec, before, current, ctx);
    }
  } catch {
    // A broken rubric or workspace must never spill an error into the user's prompt line.
    found = [];
  }
  const typed = current.replace(/^["']/, '');
  const seen = new Set<string>();
  const matches = found.filter((c) => c.value.startsWith(typed) && !seen.has(c.value) && seen.add(c.value));
  // bash inserts the words as typed: escape what the shell would split on, unless the user opened a quote.
  const escape = options.shell === 'bash' && !/^["']/.test(current);
  const shown = matches.map((m) => {
    const value = escape ? m.value.replace(/([\s()'"\\$`&;|<>*?![\]{}#~])/g, '\\$1') : m.value;
    if (options.shell !== 'fish') return value;
    return `${prefix}${value}${m.description ? `\t${m.description}` : ''}`;
  });
  if (shown.length > 0) ctx.stdout.write(`${shown.join('\n')}\n`);
  return matches.map((m) => m.value);
}

/** bash's words for `--stage=prod` are `--stage`, `=`, `prod` (and `--stage`, `=` right after the `=`). */
export function joinAtEquals(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    const previous = out[out.length - 1];
    if (word === '=' && previous !== undefined && /^--?[^=\s]+$/.test(previous)) {
      out[out.length - 1] = `${previous}=${i + 1 < words.length ? words[(i += 1)]! : ''}`;
    } else {
      out.push(word);
    }
  }
  return out;
}

/** A word as the shell reads it: '...' literal, "..." with \\ escapes, a backslash escaping one character. */
export function shellUnquote(word: string): string {
  let out = '';
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < word.length; i += 1) {
    const ch = word[i]!;
    if (quote === "'") {
      if (ch === "'") quote = null;
      else out += ch;
    } else if (ch === '\\' && i + 1 < word.length && (quote === null || '"\\$`'.includes(word[i + 1]!))) {
      out += word[(i += 1)];
    } else if (quote === '"' && ch === '"') {
      quote = null;
    } else if (quote === null && (ch === '"' || ch === "'")) {
      quote = ch;
    } else {
      out += ch;
    }
  }
  return out;
}

function findOption(options: readonly OptionSpec[], word: string): OptionSpec | undefined {
  const name = word.split('=')[0];
  return options.find((o) => o.long === name || o.short === name);
}

/** Where the words before the cursor leave the line: the command, its option values and positionals. */
interface LineState {
  command: CommandSpec | undefined;
  values: Record<string, string[]>;
  globalValues: Record<string, string[]>;
  positionals: string[];
  /** An option whose value is the word under the cursor. */
  pending: OptionSpec | undefined;
  search: Search;
}

function walk(spec: ProgramSpec, before: readonly string[]): LineState {
  const globalValues: Record<string, string[]> = {};
  let command: CommandSpec | undefined;
  const values: Record<string, string[]> = {};
  const positionals: string[] = [];
  let pending: OptionSpec | undefined;
  const record = (option: OptionSpec, value: string): void => {
    const key = option.long ?? option.short ?? '';
    const into = command && !spec.globalOptions.includes(option) ? values : globalValues;
    into[key] = [...(into[key] ?? []), value];
  };
  for (const word of before) {
    if (pending) {
      record(pending, word);
      pending = undefined;
      continue;
    }
    const options = command ? [...command.options, ...spec.globalOptions] : spec.globalOptions;
    if (word.startsWith('-') && word !== '-') {
      const option = findOption(options, word);
      const eq = word.indexOf('=');
      if (option?.takesValue && eq < 0) pending = option;
      else if (option?.takesValue) record(option, word.slice(eq + 1));
      continue;
    }
    if (!command) command = spec.commands.find((c) => c.name === word);
    else positionals.push(word);
  }
  const search = { rubrics: [...(globalValues['--rubrics'] ?? [])], workspace: globalValues['--workspace']?.at(-1) };
  return { command, values, globalValues, positionals, pending, search };
}

function optionsAt(spec: ProgramSpec, before: readonly string[]): OptionSpec[] {
  const { command } = walk(spec, before);
  return command ? [...command.options, ...spec.globalOptions] : spec.globalOptions;
}

async function candidatesFor(spec: ProgramSpec, before: readonly string[], current: string, ctx: CompleteContext): Promise<Candidate[]> {
  const line = walk(spec, before);
  const { command } = line;
  const plain = (values: readonly string[]): Candidate[] => values.map((value) => ({ value }));
  if (line.pending) return plain(await valuesOf(line.pending, line, ctx));
  if (current.startsWith('-')) {
    const options = command ? [...command.options, ...spec.globalOptions] : spec.globalOptions;
    return options.flatMap((o) => [o.long, o.short].filter((n): n is string => Boolean(n)).map((value) => ({ value, ...(o.description ? { description: o.description } : {}) })));
  }
  if (!command) return spec.commands.map((c) => ({ value: c.name, ...(c.description ? { description: c.description } : {}) }));
  const arg = argumentAt(command, line.positionals.length);
  if (arg?.choices) return plain(arg.choices);
  return plain(arg ? await valuesOfArgument(arg.name, line.search, ctx) : []);
}

interface Search {
  rubrics: string[];
  workspace: string | undefined;
}

function argumentAt(command: CommandSpec, index: number): CommandSpec['args'][number] | undefined {
  const last = command.args[command.args.length - 1];
  return command.args[index] ?? (last?.variadic ? last : undefined);
}

async function valuesOfArgument(name: string, search: Search, ctx: CompleteContext): Promise<string[]> {
  if (name === 'role') return roleIds(search, ctx);
  if (name === 'candidate' || name === 'candidates') return candidateNames(search, ctx);
  return []; // paths and folders: the shell completes file names
}

async function valuesOf(option: OptionSpec, at: LineState, ctx: CompleteContext): Promise<string[]> {
  if (option.choices) return [...option.choices];
  const { search } = at;
  switch (option.long) {
    case '--role':
      return roleIds(search, ctx);
    case '--candidate':
      return candidateNames(search, ctx);
    case '--interviewer':
      return interviewerNames(search, ctx);
    case '--stage': {
      // The chosen role: the command's ROLE argument, else --role (or --role=ROLE).
      const roleIndex = at.command?.args.findIndex((a) => a.name === 'role') ?? -1;
      const role = (roleIndex >= 0 ? at.positionals[roleIndex] : undefined) ?? at.values['--role']?.at(-1);
      return role ? stageIds(role, search, ctx) : [];
    }
    default:
      return [];
  }
}

async function roleIds(search: Search, ctx: CompleteContext): Promise<string[]> {
  const { peekRoles } = await import('../io/rubric-peek.js');
  return (await peekRoles({ rubrics: search.rubrics, env: ctx.env })).map((r) => r.id);
}

async function stageIds(role: string, search: Search, ctx: CompleteContext): Promise<string[]> {
  const { peekRoles } = await import('../io/rubric-peek.js');
  return (await peekRoles({ rubrics: search.rubrics, env: ctx.env })).find((r) => r.id === role)?.stages ?? [];
}

async function candidateNames(search: Search, ctx: CompleteContext): Promise<string[]> {
  const { listCandidates, resolveWorkspace } = await import('../io/workspace.js');
  return (await listCandidates(resolveWorkspace(search.workspace, ctx.env, ctx.cwd))).map((c) => c.name);
}

/** The interviewers of the workspace's scorecards, and the name `score` offers by default (git's user.name). */
async function interviewerNames(search: Search, ctx: CompleteContext): Promise<string[]> {
  const [{ peekInterviewers }, { resolveWorkspace }] = await Promise.all([import('../io/interviewer-peek.js'), import('../io/workspace.js')]);
  const names = await peekInterviewers(resolveWorkspace(search.workspace, ctx.env, ctx.cwd));
  const { gitUserName } = await import('../io/git.js');
  const own = await gitUserName(ctx.cwd, ctx.env);
  return own && !names.includes(own) ? [...names, own].sort((a, b) => a.localeCompare(b)) : names;
}

/** The script for a shell; it calls the hidden `hirekit __complete` for every Tab. */
export function completionScript(shell: string): string {
  switch (shell) {
    case 'bash':
      return BASH;
    case 'zsh':
      return ZSH;
    case 'fish':
      return FISH;
    default:
      throw new UsageError(`no completion for shell '${shell}'; choose bash, zsh or fish`);
  }
}

const BASH = `# hirekit completion for bash. Install: hirekit completion bash > ~/.local/share/bash-completion/completions/hirekit
# (or add  eval "$(hirekit completion bash)"  to ~/.bashrc)
_hirekit_complete() {
  local line
  COMPREPLY=()
  while IFS= read -r line; do
    [[ -n "$line" ]] && COMPREPLY+=("$line")
  done < <(hirekit __complete --shell bash -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
}
complete -o default -F _hirekit_complete hirekit
`;

const ZSH = `#compdef hirekit
# hirekit completion for zsh. Install: save it as _hirekit in a folder of $fpath before compinit runs, e.g.
#   mkdir -p ~/.zfunc && hirekit completion zsh > ~/.zfunc/_hirekit
#   and in ~/.zshrc, before compinit:  fpath=(~/.zfunc $fpath)
# (or add  eval "$(hirekit completion zsh)"  to ~/.zshrc after compinit)
_hirekit() {
  local -a items
  # (Q): the words without the quotes the user typed, so 'head-of-ml' or "Zoë Łukasz" read as they mean.
  items=("\${(@f)$(hirekit __complete --shell zsh -- "\${(@Q)words[2,CURRENT]}" 2>/dev/null)}")
  items=(\${items:#})
  # --stage=VALUE: hirekit answers with the values, file names complete after --out=; the option stays as typed.
  [[ $PREFIX == -*=* ]] && compset -P 1 '*='
  if (( \${#items} )); then
    # Listed as they read (-d); zsh quotes what it inserts.
    compadd -d items -a items
  else
    _files
  fi
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _hirekit "$@"
else
  compdef _hirekit hirekit
fi
`;

const FISH = `# hirekit completion for fish. Install: hirekit completion fish > ~/.config/fish/completions/hirekit.fish
function __hirekit_complete
  set -l words (commandline -opc) (commandline -ct)
  set -l items (hirekit __complete --shell fish -- $words[2..-1] 2>/dev/null)
  if test (count $items) -gt 0
    printf '%s\\n' $items
  else if string match -qr -- '^--?[^=]+=' (commandline -ct)
    # --out=FILE: file names after the =, the option kept in front.
    set -l token (commandline -ct)
    set -l option (string replace -r -- '=.*' '=' $token)
    __fish_complete_path (string replace -r -- '^[^=]*=' '' $token) | string replace -r -- '^' $option
  else
    __fish_complete_path (commandline -ct)
  end
end
complete -c hirekit -f -a '(__hirekit_complete)'
`;
