// The only place that exits the process: error -> one line on stderr -> exit code.
import { EXIT } from './errors.js';
import { buildProgram } from './cli.js';
import { contextFromProcess } from './process-context.js';
import { reportFailure } from './report.js';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
});

try {
  await buildProgram(contextFromProcess()).parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportFailure(error, process.stderr, process.env.HIREKIT_DEBUG === '1');
}
