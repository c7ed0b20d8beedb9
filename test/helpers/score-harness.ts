// A scoring session's context for tests: scripted prompts, a clock that moves a second per call, and what
// the command wrote on stdout and stderr, collected line by line.
import type { ScoreContext } from '../../src/commands/score.js';
import { scriptedPrompts, type ScriptedAnswer, type ScriptedPrompts } from '../../src/prompts/scripted.js';

export interface ScoreHarness {
  prompts: ScriptedPrompts;
  stdout: string[];
  stderr: string[];
  ctx: ScoreContext;
}

export function scoreHarness(script: ScriptedAnswer[], overrides: Partial<ScoreContext> = {}): ScoreHarness {
  const prompts = scriptedPrompts(script);
  const stdout: string[] = [];
  const stderr: string[] = [];
  let tick = Date.parse('2026-11-24T10:00:00Z');
  return {
    prompts,
    stdout,
    stderr,
    ctx: {
      prompts: () => Promise.resolve(prompts),
      now: () => new Date((tick += 1000)),
      stdinIsTTY: true,
      stderrIsTTY: false,
      columns: 80,
      stdout: { write: (t: string | Uint8Array) => stdout.push(String(t)) },
      stderr: { write: (t: string | Uint8Array) => stderr.push(String(t)) },
      env: { NO_COLOR: '1' },
      cwd: process.cwd(),
      ...overrides,
    },
  };
}
