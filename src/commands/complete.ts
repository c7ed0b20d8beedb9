// Shell completion. `hirekit completion bash|zsh|fish` prints a small script; the script asks the hidden
// `hirekit __complete --shell SHELL -- WORD...` for the candidates of the word under the cursor. The answers
// come from the commander program itself (commands, options, choices, argument names) and from the
// workspace (role ids, the stages of the chosen role, candidate names), so they never drift from the CLI.
// An empty answer lets the shell fall back to file names (--out, --answers, folders).
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
}

export interface CommandSpec {
  name: string;
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
}
interface CommandLike {
  name(): string;
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
  });
  return {
    globalOptions: help.visibleOptions(program).map(option),
    commands: help
      .visibleCommands(program)
      .filter((c) => c.name() !== 'help')
      .map((c) => ({
        name: c.name(),
        options: help.visibleOptions(c).map(option),
        args: c.registeredArguments.map((a) => ({ name: a.name(), variadic: a.variadic, ...(a.argChoices ? { choices: a.argChoices } : {}) })),
      })),
  };
}

export interface CompleteOptions {
  shell: Shell;
  /** The words after `hirekit`, the last one being the word under the cursor (possibly empty). */
  words: string[];
  spec: ProgramSpec;
}

type CompleteContext = Pick<CommandContext, 'env' | 'cwd' | 'stdout'>;

/** Prints the candidates for the last word, one a line, already filtered by what has been typed. */
export async function runComplete(options: CompleteOptions, ctx: CompleteContext): Promise<string[]> {
  const words = options.words.length === 0 ? [''] : options.words;
  const current = words[words.length - 1]!;
  const typed = current.replace(/^["']/, '');
  let found: string[];
  try {
    found = await candidatesFor(options.spec, words.slice(0, -1), current, ctx);
  } catch {
    // A broken rubric or workspace must never spill an error into the user's prompt line.
    found = [];
  }
  const matches = [...new Set(found)].filter((c) => c.startsWith(typed));
  // bash inserts the words as typed: escape what the shell would split on, unless the user opened a quote.
  const shown = options.shell === 'bash' && !/^["']/.test(current) ? matches.map((m) => m.replace(/([\s()'"\\$`&;|<>*?![\]{}#~])/g, '\\$1')) : matches;
  if (shown.length > 0) ctx.stdout.write(`${shown.join('\n')}\n`);
  return matches;
}

const optionNames = (options: readonly OptionSpec[]): string[] => options.flatMap((o) => [o.long, o.short].filter((n): n is string => Boolean(n)));

function findOption(options: readonly OptionSpec[], word: string): OptionSpec | undefined {
  const name = word.split('=')[0];
  return options.find((o) => o.long === name || o.short === name);
}

async function candidatesFor(spec: ProgramSpec, before: readonly string[], current: string, ctx: CompleteContext): Promise<string[]> {
  // Walk the words before the cursor: global options, the command, its options and its positionals.
  const globalValues: Record<string, string[]> = {};
  let command: CommandSpec | undefined;
  const values: Record<string, string[]> = {};
  const positionals: string[] = [];
  let pending: OptionSpec | undefined;
  for (const word of before) {
    if (pending) {
      const key = pending.long ?? pending.short ?? '';
      const into = command ? values : globalValues;
      into[key] = [...(into[key] ?? []), word];
      pending = undefined;
      continue;
    }
    const options = command ? [...command.options, ...spec.globalOptions] : spec.globalOptions;
    if (word.startsWith('-') && word !== '-') {
      const option = findOption(options, word);
      if (option?.takesValue && !word.includes('=')) pending = option;
      continue;
    }
    if (!command) command = spec.commands.find((c) => c.name === word);
    else positionals.push(word);
  }
  const search = { rubrics: [...(globalValues['--rubrics'] ?? [])], workspace: globalValues['--workspace']?.at(-1) };

  if (pending) return valuesOf(pending, { command, values, positionals }, search, ctx);
  if (current.startsWith('-')) return optionNames(command ? [...command.options, ...spec.globalOptions] : spec.globalOptions);
  if (!command) return spec.commands.map((c) => c.name);
  const arg = argumentAt(command, positionals.length);
  if (arg?.choices) return [...arg.choices];
  return arg ? valuesOfArgument(arg.name, search, ctx) : [];
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

async function valuesOf(
  option: OptionSpec,
  at: { command: CommandSpec | undefined; values: Record<string, string[]>; positionals: string[] },
  search: Search,
  ctx: CompleteContext,
): Promise<string[]> {
  if (option.choices) return [...option.choices];
  switch (option.long) {
    case '--role':
      return roleIds(search, ctx);
    case '--candidate':
      return candidateNames(search, ctx);
    case '--stage': {
      // The chosen role: the command's ROLE argument, else --role.
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
# hirekit completion for zsh. Install: hirekit completion zsh > "\${fpath[1]}/_hirekit"
# (or add  eval "$(hirekit completion zsh)"  to ~/.zshrc after compinit)
_hirekit() {
  local -a items
  items=("\${(@f)$(hirekit __complete --shell zsh -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  items=(\${items:#})
  if (( \${#items} )); then
    compadd -a items
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
  else
    __fish_complete_path (commandline -ct)
  end
end
complete -c hirekit -f -a '(__hirekit_complete)'
`;
