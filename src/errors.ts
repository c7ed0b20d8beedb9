// Typed failures. Commands throw these; only src/main.ts turns them into a message and an exit code.

export const EXIT = { ok: 0, data: 1, usage: 2, interrupted: 130 } as const;

/** Bad data or a failed check: exit 1. The message is one plain line. */
export class DataError extends Error {
  override name = 'DataError';
}

/** The command was called wrongly: exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The user pressed Ctrl-C or closed the terminal: exit 130. The message says how to resume, if anything. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
}

/** A command finished and reported its own result, but the result is a failure (e.g. validation errors). */
export class CheckFailed extends Error {
  override name = 'CheckFailed';
  constructor(message = '') {
    super(message);
  }
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof InterruptedError) return EXIT.interrupted;
  if (error instanceof DataError || error instanceof CheckFailed) return EXIT.data;
  return EXIT.data;
}
