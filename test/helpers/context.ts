// A fake CommandContext for running commands in-process: captured stdout and stderr, a fixed clock, a given
// environment and folder, no terminal unless asked, and scripted prompts.
import type { CommandContext } from '../../src/commands/context.js';
import type { PromptAdapter } from '../../src/prompts/adapter.js';

export const FIXED_NOW = new Date('2026-11-24T10:00:00Z');

export interface FakeContext extends CommandContext {
  /** Everything written to stdout, as text. */
  out(): string;
  /** Everything written to stderr, as text. */
  err(): string;
  /** The raw chunks written to stdout (bytes stay bytes). */
  stdoutChunks: Array<string | Uint8Array>;
}

export interface FakeContextOptions extends Partial<Omit<CommandContext, 'prompts'>> {
  /** The prompts a command may ask; a command that asks without them fails the test. */
  prompts?: PromptAdapter;
}

export function fakeContext(options: FakeContextOptions = {}): FakeContext {
  const { prompts, ...rest } = options;
  const stdoutChunks: Array<string | Uint8Array> = [];
  const stderrChunks: Array<string | Uint8Array> = [];
  const text = (chunks: Array<string | Uint8Array>): string => chunks.map((c) => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'))).join('');
  return {
    cwd: process.cwd(),
    env: { NO_COLOR: '1' },
    now: () => FIXED_NOW,
    stdout: { write: (chunk) => stdoutChunks.push(chunk) },
    stderr: { write: (chunk) => stderrChunks.push(chunk) },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdinIsTTY: prompts !== undefined,
    columns: 80,
    prompts: () => (prompts ? Promise.resolve(prompts) : Promise.reject(new Error('this test scripted no prompts, but the command asked'))),
    ...rest,
    stdoutChunks,
    out: () => text(stdoutChunks),
    err: () => text(stderrChunks),
  };
}
