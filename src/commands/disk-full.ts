// A save in a terminal session (scoring, the committee's decision) that meets a full disk: the answer just
// given is still in memory, so the person is told in one line, frees some space and tries again, instead of
// losing that answer with the session. Stopping keeps everything saved before it, as any failure does.
import { DataError } from '../errors.js';
import { fsErrorCode } from '../io/fs-error.js';
import type { PromptAdapter } from '../prompts/adapter.js';

const FULL = new Set(['ENOSPC', 'EDQUOT']);

/** A write refused for want of space (io/fs-error.ts keeps the system error as the cause). */
export function isDiskFull(error: unknown): boolean {
  return error instanceof DataError && FULL.has(fsErrorCode(error.cause) ?? '');
}

/** Runs `save`; on a full disk, says so and offers to try again until it succeeds or the person stops. */
export async function saveOrRetry<T>(ask: PromptAdapter, say: (text: string) => void, save: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await save();
    } catch (error) {
      if (!isDiskFull(error)) throw error;
      say(`hirekit: ${(error as Error).message}`);
      const again = await ask.select({
        message: 'The disk is full and this answer is not saved yet. Free some space, then:',
        choices: [
          { value: true, name: 'Try again (the answer you just gave is kept until it is saved)' },
          { value: false, name: 'Stop (everything saved before this answer is kept)' },
        ],
      });
      if (!again) throw error;
    }
  }
}
