// The quick way to read a submitted scorecard exactly as hirekit wrote it, for commands that read thousands
// (status, compare, calibrate, export). The one YAML reader of record (yaml-file.ts, the `yaml` package) builds
// a document with every node's position so that any problem can be named at FILE:LINE:COL; on 8,000
// scorecards that is 70 % of `status`. js-yaml reads the same YAML 1.2 core schema about nine times faster
// but knows no positions, so it is trusted only where positions cannot be needed:
//
//   the value it reads passes the Scorecard schema, is a submitted scorecard, and hashes to the digest
//   written into the file at submission (core/scorecard.ts canonicalAnswers).
//
// The digest was taken over the value hirekit wrote, so a match means this reader got that very value back:
// whatever the other reader would build from the file is the same data (both read YAML 1.2 core). Anything
// else (a draft, a legacy file without a digest, a hand edit, a YAML feature hirekit never writes) returns
// undefined, and the caller reads the file the full way, which names every problem where it is.
import { CORE_SCHEMA, load } from 'js-yaml';
import { Scorecard } from '../core/scorecard.js';

/** The scorecard when `text` is a submitted scorecard whose answers match its digest; otherwise undefined. */
export function readSubmittedAsWritten(text: string, digestOf: (scorecard: Scorecard) => string): Scorecard | undefined {
  // The full reader refuses a plain value followed by " #comment" (text cut short by a comment). hirekit
  // quotes any text holding " #", so such a file is either hand-edited or holds quoted text: read it fully.
  if (text.includes(' #', text.indexOf('\n')) || text.includes('\t#')) return undefined;
  let plain: unknown;
  try {
    // json: false refuses duplicate keys; unknown tags and aliases to undefined anchors throw.
    plain = load(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (!isTree(plain)) return undefined;
  const parsed = Scorecard.safeParse(plain);
  if (!parsed.success) return undefined;
  const scorecard = parsed.data;
  if (scorecard.status !== 'submitted' || scorecard.digest === undefined) return undefined;
  return digestOf(scorecard) === scorecard.digest ? scorecard : undefined;
}

/**
 * Whether `value` is a tree: no object reached twice. An alias to a mapping or list makes two places share one
 * object (and a chain of them is the "billion laughs" file); the full reader caps and reports those.
 */
function isTree(value: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === null || typeof next !== 'object') continue;
    if (seen.has(next)) return false;
    seen.add(next);
    for (const child of Object.values(next)) stack.push(child);
  }
  return true;
}
