// The only place that exits the process: error -> one line on stderr -> exit code. bin/hirekit.js calls
// main(); loading this module runs nothing, so the command chunks can load the start-up bundle for the one
// copy of the modules they share with it (scripts/bundle.mjs).
import { EXIT } from './errors.js';
import { buildProgram } from './cli.js';
import { removeTempsInFlight } from './io/temps-in-flight.js';
import { contextFromProcess } from './process-context.js';
import { reportFailure } from './report.js';
import { CODE_CACHE_FILE, useCodeCache } from './io/code-cache.js';
import { configureFonts, fontSetupFromEnv, takeFontWarnings } from './render/pdf/font-setup.js';

export async function main(): Promise<void> {
  // The command's chunks and libraries are compiled from V8's code cache, read when the first one loads.
  useCodeCache(CODE_CACHE_FILE);
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
  });

  // Ctrl-C outside a prompt (prompts read it as a key and say how to resume): while a screen is drawn or files
  // are written. Answers are saved the moment they are given and every file is replaced whole: a write under
  // way is dropped (its target keeps what it had), and the lock of a process that has gone is taken over by
  // the next one (io/lock.ts).
  process.once('SIGINT', () => {
    removeTempsInFlight();
    process.stderr.write('\nhirekit: interrupted; files are whole, and what was saved is kept\n');
    process.exit(EXIT.interrupted);
  });
  // A `kill` or a closed terminal (even inside a prompt): the same clean-up, so no temp file and no lock is left
  // for a colleague to wait on, and the shell's exit code for the signal (128 + its number).
  for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => {
      removeTempsInFlight();
      try {
        process.stderr.write(`\nhirekit: stopped by ${signal}; files are whole, and what was saved is kept\n`);
      } catch {
        // The terminal is gone (SIGHUP): nobody is left to read it.
      }
      process.exit(code);
    });
  }

  configureFonts(fontSetupFromEnv(process.env));
  try {
    await buildProgram(contextFromProcess()).parseAsync(process.argv);
  } catch (error) {
    process.exitCode = reportFailure(error, process.stderr, process.env.HIREKIT_DEBUG === '1');
  } finally {
    // Characters a PDF had to print as empty boxes, said once after the command's own output.
    for (const line of takeFontWarnings()) process.stderr.write(`hirekit: ${line}\n`);
  }
}
