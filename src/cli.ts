// Commander definitions only: one register function per command, each action lazily importing its command
// so `hirekit --help` stays fast and never loads pdfkit, inquirer or handlebars.
//
// Options are typed by @commander-js/extra-typings: the type of each action's arguments is inferred from the
// very flags, choices, defaults and parsers declared here, so it cannot drift from them and nothing is
// asserted. Commander checks the values (choices, --paper's parser) before an action runs; each command then
// checks what depends on several flags at once. (zod would have repeated every flag in a second schema.)
import { Argument, Command, Help, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import type { CommandContext } from './commands/context.js';
import { UsageError } from './errors.js';
import { version } from './io/package-info.js';
import { CALIBRATION_FORMATS, COMPARE_FORMATS, DEBRIEF_FORMATS, EXPORT_FORMATS, EXPORT_SUBJECTS, PACK_FORMATS, PAPERS, type GlobalOptions, type Paper } from './commands/options.js';


/** The program with its global options, as every register function receives it. */
type Program = ReturnType<typeof createProgram>;

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** The program-level options every command gets. */
function globals(all: { rubrics?: string[] | undefined; workspace?: string | undefined }): GlobalOptions {
  return { rubrics: all.rubrics ?? [], ...(all.workspace ? { workspace: all.workspace } : {}) };
}

/** --paper for the commands that write PDFs: the flag wins over $HIREKIT_PAPER, else A4. */
function paperOption() {
  return new Option('--paper <size>', 'page size: a4 or letter (PDF only)')
    .choices(PAPERS)
    .default('a4' as Paper)
    .env('HIREKIT_PAPER')
    // "Letter" and "A4" are how people write them; the choices still show in help and in the error.
    .argParser((value: string): Paper => {
      const paper = PAPERS.find((p) => p === value.toLowerCase());
      if (!paper) throw new InvalidArgumentError(`Allowed choices are ${PAPERS.join(', ')}.`);
      return paper;
    });
}

/** Commander's message as one line on stderr (it puts its suggestion on a second line), with where to look. */
function usageLine(message: string, command: string): string {
  return `hirekit: ${message.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ').replace(/\.$/, '')}; see ${command} --help\n`;
}

/** Options that name a path: an empty one (`--out "$UNSET"`) is a mistake, never "use the default". */
const PATH_OPTIONS: Record<string, string> = { out: 'a file', template: 'a template file', answers: 'an answers file', mapping: 'a mapping file', workspace: 'a workspace folder', rubrics: 'a folder of rubrics' };

/** What commander hands the hook, reduced to what the check reads (the typed Command is generic per command). */
interface ParsedCommand {
  readonly options: readonly { long?: string | undefined; attributeName(): string }[];
  readonly registeredArguments: readonly { name(): string; required: boolean }[];
  readonly processedArgs: unknown[];
  readonly parent: ParsedCommand | null;
  name(): string;
  getOptionValue(key: string): unknown;
}

/**
 * Every value given on the command line, checked before any command runs. An empty one (`--out "$UNSET"`)
 * is a mistake, never "use the default" nor "match everything"; and no value may hold a line break (it would
 * be echoed into a message, which must stay one line). A reason may span lines, and its emptiness is told by
 * the command, in the words of what it is for. Shell completion sees every partial word as it is typed.
 */
function checkPlainValues(action: ParsedCommand): void {
  if (action.name() === '__complete') return;
  const values: Array<{ label: string; key?: string; fix: string; value: unknown }> = [];
  action.registeredArguments.forEach((argument, i) => {
    const label = `the ${argument.name()} argument`;
    values.push({ label, fix: argument.required ? 'give one' : 'give one, or leave it out', value: action.processedArgs[i] });
  });
  for (let command: ParsedCommand | null = action; command; command = command.parent) {
    for (const option of command.options) {
      const key = option.attributeName();
      const label = option.long ?? key;
      const what = PATH_OPTIONS[key];
      values.push({ label, key, fix: `${what ? `name ${what}` : 'give it a value'}, or leave ${label} out`, value: command.getOptionValue(key) });
    }
  }
  for (const { label, key, fix, value } of values) {
    if (key === 'reason') continue;
    for (const text of Array.isArray(value) ? value : [value]) {
      if (typeof text !== 'string') continue;
      if (text.trim() === '') throw new UsageError(`${label} is empty; ${fix}`);
      if (/[\n\r\v\f\u0085\u2028\u2029]/.test(text)) throw new UsageError(`${label} holds a line break; pass it on one line`);
    }
  }
}

type HelpContext = Pick<CommandContext, 'stdout' | 'stderr' | 'stdoutIsTTY' | 'stderrIsTTY' | 'columns'>;

/** The width help is fitted to: the terminal's, else 80 (commander's own default when it knows none). */
function helpWidth(ctx: HelpContext, toStderr: boolean): number {
  return (toStderr ? ctx.stderrIsTTY : ctx.stdoutIsTTY) ? ctx.columns : 80;
}

/**
 * The text after a command's own help: examples, then notes, fitted to the help's width as commander fits its
 * columns. An example is written with its comment beside it ("cmd   # what it does"); when one of a block does
 * not fit that way, each comment of the block goes on the line above its command. Notes wrap at words.
 */
function afterHelp(ctx: HelpContext, examples: string[], ...notes: string[]): (context: { error: boolean }) => string {
  return ({ error }) => {
    const width = helpWidth(ctx, error);
    const help = new Help();
    help.minWidthToWrap = 20;
    const beside = examples.every((example) => 4 + example.length <= width);
    const lines = examples.flatMap((example) => {
      const at = example.search(/\s{2,}# /);
      if (beside || at < 0) return [`  $ ${example}`];
      const comment = help.boxWrap(example.slice(at).trim().replace(/^# /, ''), width - 4).split('\n');
      return [...comment.map((line) => `  # ${line}`), `  $ ${example.slice(0, at)}`];
    });
    const prose = notes.length ? `\n${notes.map((note) => help.boxWrap(note, width)).join('\n')}\n` : '';
    return `\nExamples:\n${lines.join('\n')}\n${prose}`;
  };
}

/** An argument as help names it: <required>, [optional], with ... when it repeats. */
function argumentTerm(argument: { name(): string; required: boolean; variadic: boolean }): string {
  const name = `${argument.name()}${argument.variadic ? '...' : ''}`;
  return argument.required ? `<${name}>` : `[${name}]`;
}

function createProgram(ctx: HelpContext) {
  return new Command('hirekit')
    .description('Structured interviews for ML and data-science hiring: rubrics, scoring, debriefs and packs.')
    .version(version, '-V, --version')
    .option('--rubrics <dir>', 'extra folder of rubric YAML files (repeatable; overrides bundled ids)', collect)
    .option('-w, --workspace <dir>', 'hiring workspace folder (default: $HIREKIT_WORKSPACE or ./hiring)')
    .showSuggestionAfterError(true)
    // Every command has options, so "[options]" in the list of commands only takes the room its summary needs:
    // with it, commander found no width left to wrap a summary in and an 80-column terminal cut words in two.
    // On a narrow terminal, a description wraps in what room is left rather than running past the edge.
    .configureHelp({ subcommandTerm: (cmd) => [cmd.name(), ...cmd.registeredArguments.map(argumentTerm)].join(' '), minWidthToWrap: 20 })
    .exitOverride()
    .hook('preAction', (_program, action) => checkPlainValues(action))
    .configureOutput({
      writeOut: (text) => void ctx.stdout.write(text),
      writeErr: (text) => void ctx.stderr.write(text),
      // Help is wrapped to the terminal the context has, not to whatever process.stdout is.
      getOutHelpWidth: () => helpWidth(ctx, false),
      getErrHelpWidth: () => helpWidth(ctx, true),
      outputError: (message, write) => write(usageLine(message, 'hirekit')),
    })
    .addHelpText(
      'after',
      afterHelp(
        ctx,
        [
          'hirekit demo                  # a sample candidate, scored and debriefed',
          'hirekit roles                 # the rubrics you can use',
          'hirekit show head-of-ml       # read a rubric',
          'hirekit validate my-rubrics/  # check your own rubrics',
        ],
        'Environment: HIREKIT_RUBRICS (extra rubric folders, ":"-separated), HIREKIT_WORKSPACE, HIREKIT_PAPER (a4 or letter), NO_COLOR, HIREKIT_DEBUG=1.',
      ),
    );
}

/** The whole command line, acting on `ctx` (main.ts passes the process's; tests pass a fake one). */
export function buildProgram(ctx: CommandContext): Program {
  const program = createProgram(ctx);
  // hirekit:commands (a new command adds its register function to this list, in the order help shows them)
  for (const register of [registerValidate, registerNew, registerRoles, registerShow, registerInit, registerScore, registerStatus, registerPack, registerDebrief, registerDecide, registerCompare, registerCalibrate, registerExport, registerImport, registerDemo, registerCompletion]) {
    register(program, ctx);
  }
  registerHelp(program);
  // A mistake in a command's flags points at that command's help, where its flags are listed.
  for (const command of program.commands) {
    command.configureOutput({ ...program.configureOutput(), outputError: (message, write) => write(usageLine(message, `hirekit ${command.name()}`)) });
  }
  return program;
}

/**
 * `hirekit help [command]`, as commander's own, except that an unknown command is one line (commander prints
 * the whole program help on stderr for it).
 */
function registerHelp(program: Program): void {
  program.helpCommand(false);
  program
    .command('help')
    .description('display help for command')
    .argument('[command]', 'the command to explain')
    .action(async (name) => {
      if (name === undefined) return void program.outputHelp();
      const command = program.commands.find((c) => c.name() === name || c.aliases().includes(name));
      if (command) return void command.outputHelp();
      const { nearest } = await import('./core/nearest.js');
      const guess = nearest(name, program.commands.filter((c) => c.name() !== '__complete').map((c) => c.name()));
      throw new UsageError(`unknown command '${name}'${guess ? ` (Did you mean ${guess}?)` : ''}; see hirekit --help`);
    });
}

function registerValidate(program: Program, ctx: CommandContext): void {
  program
    .command('validate')
    .summary('check rubric files or folders')
    .description('check rubric files or folders (default: every known rubric)')
    .argument('[paths...]', 'rubric files or folders')
    .option('--strict', 'treat lint warnings as failures')
    .option('--json', 'print a machine-readable report on stdout')
    .addHelpText('after', afterHelp(ctx, ['hirekit validate', 'hirekit validate rubrics/my-role.yaml --strict', 'hirekit validate ./team-rubrics --json']))
    .action(async (paths, options, command) => {
      const { runValidate } = await import('./commands/validate.js');
      await runValidate({ paths, strict: options.strict ?? false, json: options.json ?? false, ...globals(command.optsWithGlobals()) }, ctx);
    });
}

function registerNew(program: Program, ctx: CommandContext): void {
  program
    .command('new')
    .summary('write a commented starter rubric for a role')
    .description('write a commented starter rubric for a role: every field explained, TODO where your words go')
    .argument('<role-id>', 'id of the new role, e.g. data-analyst (lowercase words joined by hyphens)')
    .option('-o, --out <file>', 'file to write (default ./<role-id>.yaml); a folder ending in / writes into it')
    .option('--force', 'replace an existing file at the path')
    .addHelpText(
      'after',
      afterHelp(
        ctx,
        ['hirekit new data-analyst', 'hirekit new data-analyst --out team-rubrics/', 'hirekit validate data-analyst.yaml --strict   # fails until every TODO is replaced'],
        'The path written is printed on stdout. Put the file in a folder you pass to --rubrics (or HIREKIT_RUBRICS) to use it.',
      ),
    )
    .action(async (roleId, options) => {
      const { runNew } = await import('./commands/new.js');
      await runNew({ roleId, out: options.out, force: options.force ?? false }, ctx);
    });
}

function registerRoles(program: Program, ctx: CommandContext): void {
  program
    .command('roles')
    .summary('list the available role rubrics')
    .description('list the available role rubrics and where each comes from')
    .option('--json', 'print the list as JSON on stdout')
    .addHelpText('after', afterHelp(ctx, ['hirekit roles', 'hirekit --rubrics ./team-rubrics roles --json']))
    .action(async (options, command) => {
      const { runRoles } = await import('./commands/roles.js');
      await runRoles({ json: options.json ?? false, ...globals(command.optsWithGlobals()) }, ctx);
    });
}

function registerShow(program: Program, ctx: CommandContext): void {
  program
    .command('show')
    .summary('print a role rubric: anchors, questions, loop')
    .description('print a role rubric: dimensions with anchors, questions, flags, case studies and loop')
    .argument('<role>', 'role id, e.g. head-of-ml')
    .option('--json', 'print the validated rubric as JSON on stdout')
    .addHelpText('after', afterHelp(ctx, ['hirekit show head-of-ml', 'hirekit show ml-scientist --json | jq .dimensions']))
    .action(async (role, options, command) => {
      const { runShow } = await import('./commands/show.js');
      await runShow({ role, json: options.json ?? false, ...globals(command.optsWithGlobals()) }, ctx);
    });
}

function registerInit(program: Program, ctx: CommandContext): void {
  program
    .command('init')
    .summary('create a hiring workspace folder')
    .description('create a hiring workspace folder (default: --workspace, $HIREKIT_WORKSPACE or ./hiring)')
    .argument('[dir]', 'folder to create')
    .option('--git', 'make it a git repository to share with the panel: a .gitignore and the workflow in its README')
    .addHelpText(
      'after',
      afterHelp(ctx, ['hirekit init', 'hirekit init ~/hiring/ml-2026', 'hirekit init --git ~/hiring/ml-2026'], 'The folder holds personal data: keep it private. Its path is printed on stdout.'),
    )
    .action(async (dir, options, command) => {
      const { runInit } = await import('./commands/init.js');
      await runInit({ ...(dir ? { dir } : {}), git: options.git ?? false, ...globals(command.optsWithGlobals()) }, ctx);
    });
}

function registerScore(program: Program, ctx: CommandContext): void {
  program
    .command('score')
    .summary('score the stage you ran, with evidence')
    .description('score the stage you ran: each dimension with evidence, then flags, then the overall call; saved as you go')
    .argument('<role>', 'role id, e.g. head-of-ml')
    .option('-c, --candidate <name>', 'candidate name, as free text (asked if missing)')
    .option('-s, --stage <id>', 'stage of the loop you ran (chosen from the loop if missing)')
    .option('-i, --interviewer <name>', "your name (default: git's user.name, then your login name)")
    .option('--answers <file>', 'take the answers from a YAML file instead of asking (see docs/answers-file.md)')
    .option('--draft', 'with --answers: keep the scorecard as a draft instead of submitting it')
    .option('--amend', 'amend your submitted scorecard (needs --reason; alone, resumes an amendment under way)')
    .option('--reason <text>', 'why the submitted scorecard changes (a real sentence); kept in its audit trail')
    .option('--notes', 'take notes during the interview first, each saved at once, with the time against the plan')
    .addHelpText(
      'after',
      afterHelp(
        ctx,
        [
          'hirekit score head-of-ml --candidate "Zoë Łukasz" --stage case-a-session',
          'hirekit score ml-scientist -c "Zoë Łukasz" -s screen --answers zoe.yaml',
          'hirekit score ml-scientist -c "Zoë Łukasz" --amend --reason "misread notes"',
        ],
        'One dimension per screen; evidence takes several lines (Enter on an empty line ends it).',
        'Every answer is saved the moment it is given; Ctrl-C stops and prints the command that resumes.',
        'An amendment is kept apart until you submit it: the submitted scorecard counts until then.',
        'Without a terminal, pass --answers. The scorecard path is printed on stdout.',
      ),
    )
    .action(async (role, options, command) => {
      const { runScore } = await import('./commands/score.js');
      await runScore({ role, ...options, ...globals(command.optsWithGlobals()) }, ctx);
    });
}

function registerStatus(program: Program, ctx: CommandContext): void {
  program
    .command('status')
    .summary('who has submitted; which stages are open')
    .description('who has submitted, who has a draft, and which stages have no scorecard yet (never ratings)')
    .argument('[candidate]', 'one candidate, by name or folder name (default: all)')
    .option('--json', 'print the status as JSON on stdout')
    .addHelpText('after', afterHelp(ctx, ['hirekit status', 'hirekit status "Zoë Łukasz" --json']))
    .action(async (candidate, options, command) => {
      const { runStatus } = await import('./commands/status.js');
      await runStatus({ ...(candidate ? { candidate } : {}), json: options.json ?? false, ...globals(command.optsWithGlobals()) }, ctx);
    });
}

function registerPack(program: Program, ctx: CommandContext): void {
  program
    .command('pack')
    .summary('blank interview packs and candidate handouts')
    .description('blank interview packs for recruiters: loop overview, interviewer guides, scoring sheets, candidate handouts')
    .argument('[role]', 'role id, e.g. head-of-ml (see hirekit roles)')
    .option('--all', 'a pack for every known role (with --out DIR)')
    .option('-s, --stage <id>', 'only this stage of the loop (repeatable; default: the whole loop)', collect, [] as string[])
    .option('--candidate <name>', 'pre-fill the candidate name on the sheets and handouts')
    .option('--interviewer <name>', 'pre-fill the interviewer name on the sheets')
    .addOption(new Option('--format <format>', 'pdf, md or html (default: from --out or --template, else pdf)').choices(PACK_FORMATS))
    .option('-o, --out <path>', 'file to write (default ./<role>-pack.<format>); a folder with --all')
    .option('--template <file>', 'your copy of templates/pack.md.hbs or pack.html.hbs (see docs/templates.md)')
    .option('--handouts', 'put candidate handouts into the pack as separate pages instead of separate files')
    .addOption(paperOption())
    .addHelpText(
      'after',
      afterHelp(
        ctx,
        [
          'hirekit pack head-of-ml                                  # ./head-of-ml-pack.pdf + one handout PDF per case study',
          'hirekit pack ml-scientist --stage screen --candidate "Zoë Łukasz"',
          'hirekit pack senior-ml-engineer --format html --out packs/sme.html',
          'hirekit pack head-of-ml --format md --template my-pack.md.hbs',
          'hirekit pack --all --out packs/',
          'hirekit pack head-of-ml --paper letter                   # US Letter instead of A4',
        ],
        'The paths written are printed on stdout, one per line. Handouts hold only what the candidate may see.',
      ),
    )
    .action(async (role, options, command) => {
      const { runPack } = await import('./commands/pack.js');
      const { stage, ...rest } = options;
      await runPack({ ...(role ? { role } : {}), stages: stage, ...rest, ...globals(command.optsWithGlobals()) }, ctx);
    });
}

function registerDebrief(program: Program, ctx: CommandContext): void {
  program
    .command('debrief')
    .summary('the committee debrief of one candidate')
    .description("the hiring-committee debrief: every submitted scorecard of a candidate, aggregated; input to the committee's decision")
    .argument('<candidate>', 'candidate name or folder slug, e.g. "Zoë Łukasz" or zoe-lukasz')
    .addOption(
      new Option('--format <format>', 'pdf, md, html, json or text (default: from --out, else text on a terminal and JSON when piped)').choices(DEBRIEF_FORMATS),
    )
    .option('-o, --out <file>', 'write to this file and print its path (format from its extension; default PDF)')
    .option('--template <file>', 'your copy of templates/debrief.md.hbs or debrief.html.hbs (with --format md or html)')
    .option('--role <role>', "role id to debrief against, when the candidate's folder does not record it")
    .option('--adjusted', "add the scores with each panelist's lean removed (see hirekit calibrate), beside the raw ones")
    .addOption(paperOption())
    .addHelpText(
      'after',
      afterHelp(
        ctx,
        [
          'hirekit debrief "Zoë Łukasz" --out debrief.pdf',
          'hirekit debrief "Zoë Łukasz" --out debrief.pdf --paper letter   # US Letter instead of A4',
          'hirekit debrief zoe-lukasz                     # terminal summary',
          'hirekit debrief zoe-lukasz --format pdf        # into the candidate folder: candidates/zoe-lukasz/debrief.pdf',
          'hirekit debrief zoe-lukasz --format md --template my.md.hbs > debrief.md',
          'hirekit debrief zoe-lukasz | jq .summary       # JSON when piped',
          'hirekit debrief zoe-lukasz --adjusted          # also the scores with interviewer leans removed',
        ],
        'Drafts are listed and left out; scorecards made against another rubric version are warned about on stderr.',
      ),
    )
    .action(async (candidate, options, command) => {
      const { runDebrief } = await import('./commands/debrief.js');
      await runDebrief({ candidate, ...options, ...globals(command.optsWithGlobals()) }, ctx);
    });
}

function registerCompare(program: Program, ctx: CommandContext): void {
  program
    .command('compare')
    .summary('candidates for one role side by side')
    .description('candidates for one role side by side: dimension scores, composite, flags and recommendation tally')
    .argument('<role>', 'role id, e.g. head-of-ml')
    .argument('[candidates...]', 'candidate names or slugs (default: every candidate for the role)')
    .addOption(new Option('--format <format>', 'text, pdf, md, html or json (default: from --out, else text)').choices(COMPARE_FORMATS))
    .option('-o, --out <file>', 'write to this file and print its path (format from its extension)')
    .option('--template <file>', 'your copy of templates/compare.md.hbs or compare.html.hbs (with --format md or html)')
    .addOption(paperOption())
    .addHelpText(
      'after',
      afterHelp(ctx, [
        'hirekit compare head-of-ml',
        'hirekit compare head-of-ml "Zoë Łukasz" "Sam Okafor" --out compare.pdf',
        'hirekit compare head-of-ml --out compare.pdf --paper letter',
        'hirekit compare head-of-ml --format md > compare.md',
      ]),
    )
    .action(async (role, candidates, options, command) => {
      const { runCompare } = await import('./commands/compare.js');
      await runCompare({ role, candidates, ...options, ...globals(command.optsWithGlobals()) }, ctx);
    });
}

function registerCalibrate(program: Program, ctx: CommandContext): void {
  program
    .command('calibrate')
    .summary('the panel: leans, agreement, adjusted scores')
    .description("the panel itself: each interviewer's ratings and lean, agreement (Krippendorff's alpha), adjusted scores, dimensions nobody can rate")
    .option('--role <id>', 'only scorecards made for this role (default: every role in the workspace)')
    .option('--since <date>', 'only scorecards first submitted on or after this date (YYYY-MM-DD)')
    .option('--interviewer <name>', "only this interviewer's profile (agreement and leans still use the whole panel)")
    .addOption(
      new Option('--format <format>', 'text, json, md, html or pdf (default: from --out, else text on a terminal and JSON when piped)').choices(CALIBRATION_FORMATS),
    )
    .addOption(new Option('--json', 'same as --format json').conflicts('format'))
    .option('-o, --out <file>', 'write to this file and print its path (format from its extension; default PDF)')
    .addOption(paperOption())
    .addHelpText(
      'after',
      afterHelp(
        ctx,
        [
          'hirekit calibrate                                  # terminal summary over the whole workspace',
          'hirekit calibrate --role head-of-ml --since 2026-09-01',
          'hirekit calibrate --interviewer "Mariam Haddad"',
          'hirekit calibrate --out calibration.pdf            # with charts, for the hiring manager',
          'hirekit calibrate --json | jq .roles[0].agreement.overall.ordinal',
        ],
        'Drafts never count; "insufficient evidence" is a missing rating, never a low one. Intervals are 95% bootstrap intervals over candidates with a fixed seed, so the same workspace always gives the same report.',
      ),
    )
    .action(async (options, command) => {
      const { runCalibrate } = await import('./commands/calibrate.js');
      const { json, format, ...rest } = options;
      const chosen = json ? 'json' : format;
      await runCalibrate({ ...rest, ...(chosen ? { format: chosen } : {}), ...globals(command.optsWithGlobals()) }, ctx);
    });
}

function registerDecide(program: Program, ctx: CommandContext): void {
  program
    .command('decide')
    .summary("record the hiring committee's decision")
    .description("the hiring committee's decision: consensus per dimension, knockout rulings, then advance, reject or hold; saved as you go")
    .argument('<candidate>', 'candidate name or folder slug, e.g. "Zoë Łukasz" or zoe-lukasz')
    .option('--answers <file>', 'take the decision from a YAML file instead of asking (see docs/decision-file.md)')
    .option('--amend', 'reopen the submitted decision to change it (needs --reason); it stands until the amendment is submitted')
    .option('--force', 'decide with fewer submitted scorecards than the policy asks for (needs --reason, recorded)')
    .option('--reason <text>', 'why the decision is amended or forced; kept in its record')
    .option('--role <role>', "role id to decide against, when the candidate's folder does not record it")
    .addHelpText(
      'after',
      afterHelp(
        ctx,
        [
          'hirekit decide "Zoë Łukasz"                                   # guided, in the order the method needs',
          'hirekit decide zoe-lukasz --answers committee.yaml            # from a decision file',
          'hirekit decide zoe-lukasz --amend --reason "reference check came back"',
          'hirekit decide zoe-lukasz --force --reason "an interviewer left the company"',
        ],
        "Each agenda item, then each remaining dimension: the panel's ratings are shown, then the committee gives its consensus and reason.",
        'Every knockout raised is confirmed or overridden with a reason; the decision comes last. The decision file path is printed on stdout.',
      ),
    )
    .action(async (candidate, options, command) => {
      const { runDecide } = await import('./commands/decide.js');
      await runDecide({ candidate, ...options, ...globals(command.optsWithGlobals()) }, ctx);
    });
}

function registerExport(program: Program, ctx: CommandContext): void {
  program
    .command('export')
    .summary('scorecards, debriefs or calibration: CSV, JSON')
    .description('submitted scorecards (a row per scorecard and dimension), debriefs (a row per candidate) or the panel calibration, as CSV or JSON')
    .addOption(new Option('--format <format>', 'csv or json (default: from --out, else csv)').choices(EXPORT_FORMATS))
    .addOption(new Option('--what <rows>', 'scorecards, debriefs (with the decision once recorded) or calibration').choices(EXPORT_SUBJECTS).default('scorecards' as const))
    .option('-o, --out <file>', 'write to this file and print its path (default: stdout)')
    .option('--role <role>', 'only candidates for this role id')
    .option('--since <date>', 'with --what calibration: only scorecards first submitted on or after this date (YYYY-MM-DD)')
    .addHelpText(
      'after',
      afterHelp(
        ctx,
        [
          'hirekit export > scorecards.csv',
          'hirekit export --what debriefs --out debriefs.csv',
          'hirekit export --what calibration --since 2026-09-01 --out calibration.csv',
          'hirekit export --format json | jq .rows',
        ],
        'CSV is RFC 4180, UTF-8 with a byte-order mark; cells a spreadsheet would run as a formula start with a quote. Drafts are never exported.',
        'Calibration rows have a scope column: panel, interviewer, dimension, interviewer-dimension or candidate (see README).',
      ),
    )
    .action(async (options, command) => {
      const { runExport } = await import('./commands/export.js');
      await runExport({ ...options, ...globals(command.optsWithGlobals()) }, ctx);
    });
}

function registerImport(program: Program, ctx: CommandContext): void {
  program
    .command('import')
    .summary('scorecards exported from Greenhouse or Lever')
    .description('scorecards exported from Greenhouse or Lever become submitted hirekit scorecards, through a mapping file')
    .addArgument(new Argument('<ats>', 'the ATS the file comes from').choices(['greenhouse', 'lever'] as const))
    .argument('<file>', 'the JSON the ATS exported (Greenhouse: GET /v1/scorecards; Lever: GET /opportunities/:id/feedback)')
    .option('-m, --mapping <file>', 'the mapping: ATS names and words -> stage, dimension, level and recommendation ids')
    .option('--init-mapping', 'draft a mapping from the file and the rubric (needs --role), instead of importing')
    .option('--role <role>', 'with --init-mapping: the role id to map to (with --mapping: checked against it)')
    .option('-c, --candidate <name>', "the candidate's name, for a file about one candidate (every Lever file)")
    .option('-o, --out <file>', 'with --init-mapping: write the draft here (default: stdout)')
    .option('--force', 'with --init-mapping --out: replace an existing file')
    .option('--dry-run', 'check everything and list what would be imported; write nothing')
    .addHelpText(
      'after',
      afterHelp(
        ctx,
        [
          'hirekit import greenhouse gh.json --role head-of-ml --init-mapping   # a draft mapping on stdout; --out FILE to keep it',
          'hirekit import greenhouse gh.json --mapping gh-map.yaml --dry-run',
          'hirekit import greenhouse gh.json --mapping gh-map.yaml',
          'hirekit import lever feedback.json -m lever-map.yaml -c "Zoë Łukasz"',
        ],
        'The mapping (YAML) has sections stages, dimensions, ratings, recommendations, questions, interviewers and candidates; the draft lists every ATS name in the file with the rubric id it matches, or TODO. Notes become evidence; a rating without a note is imported without evidence and marked so. Attributes the mapping does not name are listed on stderr. Nothing is written while anything is wrong; a stage and interviewer that already have a scorecard are refused, never overwritten; importing the same file again skips what is already there.',
        'The paths written are printed on stdout.',
      ),
    )
    .action(async (ats, file, options, command) => {
      const { runImport } = await import('./commands/import.js');
      await runImport({ system: ats, file, ...options, ...globals(command.optsWithGlobals()) }, ctx);
    });
}

function registerDemo(program: Program, ctx: CommandContext): void {
  program
    .command('demo')
    .summary('a sample workspace, debrief and pack')
    .description('a sample workspace: a fictional candidate scored by four interviewers, the debrief PDF and a blank pack')
    .argument('[dir]', 'folder to create (default ./hirekit-demo; a non-empty folder is refused unless it is a previous demo)')
    .addHelpText('after', afterHelp(ctx, ['hirekit demo', 'hirekit demo /tmp/try-hirekit'], 'The paths written are printed on stdout; what to try next on stderr.'))
    .action(async (dir, _options, command) => {
      const { runDemo } = await import('./commands/demo.js');
      await runDemo({ ...(dir ? { dir } : {}), ...globals(command.optsWithGlobals()) }, ctx);
    });
}


function registerCompletion(program: Program, ctx: CommandContext): void {
  program
    .command('completion')
    .summary('shell completion for bash, zsh or fish')
    .description('print the shell completion script for bash, zsh or fish (commands, options, role ids, stages, candidates)')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish'] as const))
    .addHelpText(
      'after',
      afterHelp(ctx, [
        'hirekit completion bash > ~/.local/share/bash-completion/completions/hirekit',
        'mkdir -p ~/.zfunc && hirekit completion zsh > ~/.zfunc/_hirekit   # zsh: with fpath=(~/.zfunc $fpath) before compinit in ~/.zshrc',
        'hirekit completion fish > ~/.config/fish/completions/hirekit.fish',
      ]),
    )
    .action(async (shell) => {
      const { completionScript } = await import('./commands/complete.js');
      ctx.stdout.write(completionScript(shell));
    });
  // What the scripts call on every Tab: hidden from help, and quiet on failure.
  program
    .command('__complete', { hidden: true })
    .addOption(new Option('--shell <shell>').choices(['bash', 'zsh', 'fish'] as const).default('bash' as const))
    .argument('[words...]')
    .action(async (words, options) => {
      const { describeProgram, runComplete } = await import('./commands/complete.js');
      await runComplete({ shell: options.shell, words, spec: describeProgram(program, program.createHelp()) }, ctx);
    });
}
