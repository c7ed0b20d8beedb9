import path from 'node:path';
import type { CommandContext } from './context.js';
import type { GlobalOptions } from './options.js';
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

export async function runRoles(options: RolesOptions, ctx: Pick<CommandContext, 'env' | 'stdout' | 'stderr' | 'stdoutIsTTY'>): Promise<RoleRow[]> {
  const catalog = await loadCatalog({ rubrics: options.rubrics, env: ctx.env });
  const rows = roleRows(catalog);
  if (options.json) {
    const broken = catalog.broken.map((b) => ({ file: b.file, errors: b.errors.length }));
    ctx.stdout.write(`${JSON.stringify({ roles: rows, broken }, null, 2)}\n`);
    return rows;
  }
  const c = colourFor(ctx.stdoutIsTTY, ctx.env);
  const idWidth = Math.max(4, ...rows.map((r) => r.id.length));
  const titleWidth = Math.max(5, ...rows.map((r) => r.title.length));
  ctx.stdout.write(
    c.bold(`${'ROLE'.padEnd(idWidth)}  ${'TITLE'.padEnd(titleWidth)}  STAGES  DIMS  SOURCE\n`),
  );
  for (const row of rows) {
    const where = row.origin === 'bundled' ? `bundled/${path.basename(row.file)}` : row.file;
    const over = row.overrides.length > 0 ? c.yellow(` (overrides ${row.overrides.map((f) => path.basename(f)).join(', ')})`) : '';
    ctx.stdout.write(
      `${c.cyan(row.id.padEnd(idWidth))}  ${row.title.padEnd(titleWidth)}  ${String(row.stages).padStart(6)}  ${String(row.dimensions).padStart(4)}  ${where}${over}\n`,
    );
    ctx.stdout.write(c.dim(`${''.padEnd(idWidth)}  ${row.level}, rubric v${row.version}\n`));
  }
  for (const broken of catalog.broken) {
    const count = broken.errors.length;
    ctx.stderr.write(`hirekit: skipped ${broken.file}: ${count} error${count === 1 ? '' : 's'}; run hirekit validate ${broken.file}\n`);
  }
  if (rows.length === 0) ctx.stderr.write('hirekit: no rubrics found; add a folder with --rubrics DIR\n');
  return rows;
}
