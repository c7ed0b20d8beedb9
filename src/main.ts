// The only place that exits the process: error -> one line on stderr -> exit code.
import { CommanderError } from 'commander';
import { CheckFailed, DataError, EXIT, InterruptedError, UsageError, exitCodeFor } from './errors.js';
import { buildProgram } from './cli.js';
import { stripTerminalControls } from './core/text-safety.js';

const debug = process.env.HIREKIT_DEBUG === '1';

function report(error: unknown): number {
  if (error instanceof CommanderError) {
    // commander already printed its message; help and --version exit 0.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof DataError || error instanceof UsageError || error instanceof InterruptedError || error instanceof CheckFailed) {
    if (error.message) process.stderr.write(`hirekit: ${stripTerminalControls(error.message)}\n`);
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
    return exitCodeFor(error);
  }
  if (isNodeError(error) && error.code === 'EPIPE') return EXIT.ok; // e.g. `hirekit show x | head`
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `hirekit: internal error: ${stripTerminalControls(message)} (this is a bug; rerun with HIREKIT_DEBUG=1 for details and report it)\n`,
  );
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return EXIT.data;
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
});

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  process.exitCode = report(error);
}
