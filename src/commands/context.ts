// The one picture of the outside world a command gets. main.ts builds it once from the process; tests build
// a fake one. Each command takes `Pick<CommandContext, ...>` of what it really uses, so no command reaches
// process.* and every command runs in-process in tests.
import type { PromptAdapter } from '../prompts/adapter.js';

/** Where a command writes text or bytes: stdout or stderr of the process, or a buffer in a test. */
export interface OutputStream {
  write(chunk: string | Uint8Array): unknown;
}

export interface CommandContext {
  /** The folder relative paths are resolved against. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  now: () => Date;
  /** Data: JSON, rendered text, the paths written. */
  stdout: OutputStream;
  /** Talk: progress, warnings, the next step. */
  stderr: OutputStream;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Whether a person can answer prompts: refuse to prompt when false. */
  stdinIsTTY: boolean;
  /** Columns of the terminal that shows stdout (or stderr for prompts); 80 when unknown. */
  columns: number;
  /** Rows of the terminal prompts draw on (stderr's); unknown: the scoring screens assume 24. */
  rows?: number;
  /** The prompts, loaded on first use so commands that never ask never load @inquirer/prompts. */
  prompts: () => Promise<PromptAdapter>;
}
