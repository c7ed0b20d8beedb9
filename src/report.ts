// How a failed command is told: one line on stderr and an exit code. main.ts applies it to the process (it
// is still the only place that exits); in-process test runs apply it to a fake context.
import { CommanderError } from 'commander';
import type { OutputStream } from './commands/context.js';
import { CheckFailed, DataError, EXIT, InterruptedError, UsageError, exitCodeFor } from './errors.js';

export function reportFailure(error: unknown, stderr: OutputStream, debug: boolean): number {
  if (error instanceof CommanderError) {
    // commander already printed its message; help and --version exit 0.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof DataError || error instanceof UsageError || error instanceof InterruptedError || error instanceof CheckFailed) {
    if (error.message) stderr.write(`hirekit: ${error.message}\n`);
    if (debug && error.stack) stderr.write(`${error.stack}\n`);
    return exitCodeFor(error);
  }
  if (isNodeError(error) && error.code === 'EPIPE') return EXIT.ok; // e.g. `hirekit show x | head`
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`hirekit: internal error: ${message} (this is a bug; rerun with HIREKIT_DEBUG=1 for details and report it)\n`);
  if (debug && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  return EXIT.data;
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
