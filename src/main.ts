// The only place that exits the process: error -> one line on stderr -> exit code.
import { EXIT } from './errors.js';
import { buildProgram } from './cli.js';
import { contextFromProcess } from './process-context.js';
import { reportFailure } from './report.js';
import { configureFonts, fontSetupFromEnv, takeFontWarnings } from './render/pdf/fonts.js';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
});

configureFonts(fontSetupFromEnv(process.env));
try {
  await buildProgram(contextFromProcess()).parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportFailure(error, process.stderr, process.env.HIREKIT_DEBUG === '1');
} finally {
  // Characters a PDF had to print as empty boxes, said once after the command's own output.
  for (const line of takeFontWarnings()) process.stderr.write(`hirekit: ${line}\n`);
}
