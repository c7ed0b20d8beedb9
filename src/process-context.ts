// The one place that turns the running process into a CommandContext. Only main.ts calls it; commands get
// the context (or a test's fake one) and never reach process.* themselves.
import type { CommandContext, OutputStream } from './commands/context.js';
import { CLEAR_LINE, CLEAR_SCREEN, safeForTerminal } from './core/text-safety.js';

/** The terminal's columns, else $COLUMNS, else 80. A pseudo-terminal that never had its size set reports 0: unknown. */
export function columnsFrom(reported: number | undefined, env: Readonly<Record<string, string | undefined>>): number {
  const fromEnv = Number(env.COLUMNS);
  return reported || (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 0) || 80;
}

export function contextFromProcess(): CommandContext {
  const env = process.env;
  return {
    cwd: process.cwd(),
    env,
    now: () => new Date(),
    stdout: process.stdout.isTTY ? terminalSafe(process.stdout) : process.stdout,
    stderr: process.stderr.isTTY ? terminalSafe(process.stderr) : process.stderr,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    // Asked only by the commands that may prompt: reading process.stdin makes its stream, a millisecond or
    // two (net or fs streams) that `hirekit --help` need not spend.
    get stdinIsTTY() {
      return process.stdin.isTTY === true;
    },
    // Text for stdout is laid out to stdout's terminal; prompts and talk go to stderr, which is the same
    // terminal unless stdout is piped, so stderr's width is the next best guess.
    columns: columnsFrom(process.stdout.columns || process.stderr.columns, env),
    // The scoring screens fit above their prompt in this many rows, so nothing scrolls away on a short terminal.
    ...(process.stderr.rows || process.stdout.rows ? { rows: process.stderr.rows || process.stdout.rows } : {}),
    prompts: async () => (await import('./prompts/inquirer.js')).inquirerAdapter({ input: process.stdin, output: process.stderr }),
  };
}

/**
 * A terminal gets text only: whatever a command writes there passes through safeForTerminal, so an escape
 * sequence, control character or bidi override from a rubric, a name or a file name can never act on it;
 * hirekit's own colours pass. (Prompts draw on the terminal themselves and clean their text in prompts/.)
 */
export function terminalSafe(stream: OutputStream): OutputStream {
  // hirekit's own screen controls arrive as chunks of their own and pass; no text written with them can.
  return { write: (chunk) => stream.write(typeof chunk !== 'string' || chunk === CLEAR_SCREEN || chunk === CLEAR_LINE ? chunk : safeForTerminal(chunk)) };
}
