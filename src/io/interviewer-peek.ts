// A quick look into the workspace for shell completion: the names of the interviewers who wrote its
// scorecards. Completion runs on every Tab, so the folders are only listed: a scorecard's file name ends in
// its interviewer's slug (STAGE--INTERVIEWER.yaml), and one file per slug is opened to read the name as
// written. Nothing is validated; a file that cannot be read is skipped (status and debrief explain it).
import { constants, type Dirent } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';

/** The head of a scorecard holds the interviewer block (format, rubric, candidate, interviewer, ...). */
const HEAD_BYTES = 4096;

export async function peekInterviewers(workspace: string): Promise<string[]> {
  const candidates = await list(path.join(workspace, 'candidates'));
  // One file per interviewer slug: the first seen, in folder order.
  const bySlug = new Map<string, string>();
  for (const folder of candidates) {
    if (!folder.isDirectory()) continue; // links and files are never read (io/contained.ts)
    const dir = path.join(workspace, 'candidates', folder.name, 'scorecards');
    for (const entry of await list(dir)) {
      const slug = /^[a-z0-9-]+--([a-z0-9-]+)\.yaml$/.exec(entry.name)?.[1];
      if (slug && entry.isFile() && !bySlug.has(slug)) bySlug.set(slug, path.join(dir, entry.name));
    }
  }
  const names = await Promise.all([...bySlug.values()].map(nameIn));
  return [...new Set(names.filter((n): n is string => n !== undefined))].sort((a, b) => a.localeCompare(b));
}

async function list(dir: string): Promise<Dirent[]> {
  return readdir(dir, { withFileTypes: true }).catch(() => []);
}

async function nameIn(file: string): Promise<string | undefined> {
  try {
    const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      const block = /^interviewer:[^\n]*\n(?:[ \t]+[^\n]*\n)+/m.exec(buffer.subarray(0, bytesRead).toString('utf8'))?.[0];
      const name = block ? (parse(block, { maxAliasCount: 0 }) as { interviewer?: { name?: unknown } } | null)?.interviewer?.name : undefined;
      return typeof name === 'string' && name.trim() ? name.trim() : undefined;
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}
