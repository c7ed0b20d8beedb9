import { nearest } from '../core/nearest.js';
import type { Rubric } from '../core/rubric.js';
import { UsageError } from '../errors.js';

/** The one message for a --stage the role's loop does not have: the nearest id and every stage. */
export function unknownStage(rubric: Rubric, stageId: string): UsageError {
  const known = rubric.loop.map((s) => s.id);
  const hint = nearest(stageId, known);
  return new UsageError(`role ${rubric.role.id} has no stage '${stageId}'${hint ? ` (did you mean '${hint}'?)` : ''}; its stages are: ${known.join(', ')}`);
}
