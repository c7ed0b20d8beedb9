// Two interviewers of a new candidate at once: the second waits for the first one's candidate.yaml only as
// long as it is told to (HIREKIT_LOCK_WAIT_MS, as for the scorecard's own lock), then is refused in one line.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { DataError } from '../../src/errors.js';
import { acquireLock } from '../../src/io/lock.js';
import { ensureCandidate } from '../../src/io/scorecard-store.js';
import { candidateRecordPath } from '../../src/io/workspace.js';
import { tempDir } from '../helpers/cli.js';

describe('ensureCandidate while another run creates the same candidate', () => {
  const tmp = tempDir('hirekit-candidate-wait-');
  afterAll(tmp.cleanup);
  afterEach(() => vi.useRealTimers());

  it('with no wait allowed, refuses at once, naming who holds it; it never sleeps on a timer', async () => {
    const ws = path.join(tmp.dir, 'hiring');
    mkdirSync(path.join(ws, 'candidates', 'zoe-lukasz'), { recursive: true });
    const held = await acquireLock(candidateRecordPath(ws, 'zoe-lukasz'), { by: 'an interviewer of Zoë Łukasz', what: 'creating' });
    try {
      // Timers stand still: a wait of any length would never end, and the test would time out.
      vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'Date'] });
      const second = ensureCandidate(ws, 'zoe-lukasz', 'Zoë Łukasz', 'head-of-ml', { waitMs: 0 });
      await expect(second).rejects.toBeInstanceOf(DataError);
      await expect(second).rejects.toThrow(/an interviewer of Zoë Łukasz/);
    } finally {
      vi.useRealTimers();
      await held.release();
    }
  }, 3000);
});
