import path from 'node:path';
import type { GlobalOptions } from '../cli.js';
import { safeForTerminal } from '../core/text-safety.js';
import { loadCatalog, type RubricCatalog } from '../io/rubrics.js';
import { colourFor } from '../render/terminal/style.js';

export interface RolesOptions extends GlobalOptions {
  json: boolean;
}

export interface RoleRow {
  id: string;
  title: string;
  level: string;
  version: string;
  stages: number;
  dimensions: number;
  file: string;
  origin: 'bundled' | 'user';
  /** Files of the same id that this one overrides. */
  overrides: string[];
}

export function roleRows(catalog: RubricCatalog): RoleRow[] {
  return [...catalog.byId.values()]
    .map(({ rubric, file, origin }) => ({
      id: rubric.role.id,
      title: rubric.role.title,
      level: rubric.role.level,
      version: rubric.version,
      stages: rubric.loop.length,
      dimensions: rubric.dimensions.length,
      file,
      origin,
      overrides: catalog.overridden.filter((o) => o.rubric.role.id === rubric.role.id).map((o) => o.file),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export async function runRoles(options: RolesOptions): Promise<void> {
  const catalog = await loadCatalog({ rubrics: options.rubrics });
  const rows = roleRows(catalog);
  if (options.json) {
    const broken = catalog.broken.map((b) => ({ file: b.file, errors: b.errors.length }));
    process.stdout.write(`${JSON.stringify({ roles: rows, broken }, null, 2)}\n`);
    return;
  }
  const c = colourFor(process.stdout);
  const idWidth = Math.max(4, ...rows.map((r) => r.id.length));
  const titleWidth = Math.max(5, ...rows.map((r) => r.title.length));
  const print = (text: string): void => void process.stdout.write(safeForTerminal(text));
  print(
    c.bold(`${'ROLE'.padEnd(idWidth)}  ${'TITLE'.padEnd(titleWidth)}  STAGES  DIMS  SOURCE\n`),
  );
  for (const r of rows) {
    const where = r.origin === 'bundled' ? `bundled/${path.basename(r.file)}` : r.file;
    const over = r.overrides.length > 0 ? c.yellow(` (overrides ${r.overrides.map((f) => path.basename(f)).join(', ')})`) : '';
    print(
      `${c.cyan(r.id.padEnd(idWidth))}  ${r.title.padEnd(titleWidth)}  ${String(r.stages).padStart(6)}  ${String(r.dimensions).padStart(4)}  ${where}${over}\n`,
    );
    print(c.dim(`${''.padEnd(idWidth)}  ${r.level}, rubric v${r.version}\n`));
  }
  for (const b of catalog.broken) {
    process.stderr.write(safeForTerminal(`hirekit: skipped ${b.file}: ${b.errors.length} error${b.errors.length === 1 ? '' : 's'}; run hirekit validate ${b.file}\n`));
  }
  if (rows.length === 0) process.stderr.write('hirekit: no rubrics found; add a folder with --rubrics DIR\n');
}
