// What the build's in-process runs of hirekit (scripts/shape-words.mjs, scripts/code-cache.mjs) give each
// command as its CommandContext: a folder of their own, no colour, a fixed day (so the same sources always
// build the same files), output dropped, and nothing asked.
const sink = { write: () => true };

export function buildContext(cwd) {
  return {
    cwd,
    env: { NO_COLOR: '1' },
    now: () => new Date('2026-01-01T09:00:00Z'),
    stdout: sink,
    stderr: sink,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdinIsTTY: false,
    columns: 80,
    prompts: () => Promise.reject(new Error('the build asks nothing')),
  };
}
