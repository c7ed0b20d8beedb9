// A quick look into rubric files for shell completion: role ids and their loop's stage ids, read without
// validating. Completion runs on every Tab, so it must answer in a blink; a broken file is simply skipped
// (hirekit validate is where it gets explained).
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { rubricFolders, yamlFilesIn, type RubricSearch } from './rubrics.js';

export interface RolePeek {
  id: string;
  stages: string[];
}

/** Every role id the search finds, later folders overriding earlier ones as in loadCatalog. */
export async function peekRoles(search: RubricSearch): Promise<RolePeek[]> {
  const byId = new Map<string, RolePeek>();
  for (const folder of rubricFolders(search)) {
    const files = await yamlFilesIn(folder.dir).catch(() => []);
    for (const file of files) {
      const peek = await peekFile(file);
      if (peek) byId.set(peek.id, peek);
    }
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

async function peekFile(file: string): Promise<RolePeek | undefined> {
  try {
    const doc = parse(await readFile(file, 'utf8'), { maxAliasCount: 100 }) as { role?: { id?: unknown }; loop?: Array<{ id?: unknown }> } | null;
    const id = doc?.role?.id;
    if (typeof id !== 'string') return undefined;
    const stages = Array.isArray(doc?.loop) ? doc.loop.map((s) => s?.id).filter((s): s is string => typeof s === 'string') : [];
    return { id, stages };
  } catch {
    return undefined;
  }
}
