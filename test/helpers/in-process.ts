// Runs a hirekit command line in-process, through the real command definitions (cli.ts) and a fake context,
// so content checks need no child process. The exit code and stderr line are what main.ts would give.
import { buildProgram } from '../../src/cli.js';
import { reportFailure } from '../../src/report.js';
import { ROOT, type CliResult } from './cli.js';
import { fakeContext, type FakeContextOptions } from './context.js';

export async function runInProcess(args: string[], options: FakeContextOptions = {}): Promise<CliResult> {
  const ctx = fakeContext({ cwd: ROOT, ...options });
  let code = 0;
  try {
    await buildProgram(ctx).parseAsync(args, { from: 'user' });
  } catch (error) {
    code = reportFailure(error, ctx.stderr, false);
  }
  return { code, stdout: ctx.out(), stderr: ctx.err() };
}
