import path from 'node:path';
import type { CommandContext } from './context.js';
import type { GlobalOptions } from './options.js';
import { safeForTerminal, stripTerminalControls } from '../core/text-safety.js';
import { loadCatalog, type RubricCatalog } from '../io/rubrics.js';
import type { ChalkInstance } from 'chalk';
import { colourFor, terminalWidth, wrap } from '../render/terminal/style.js';
import { columnsOf, padEndTo } from '../render/terminal/width.js';

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

export async function runRoles(options: RolesOptions, ctx: Pick<CommandContext, 'env' | 'stdout' | 'stderr' | 'stdoutIsTTY'> & Partial<Pick<CommandContext, 'columns'>>): Promise<RoleRow[]> {
  const catalog = await loadCatalog({ rubrics: options.rubrics, env: ctx.env });
  const rows = roleRows(catalog);
  if (options.json) {
    const broken = catalog.broken.map((b) => ({ file: b.file, errors: b.errors.length }));
    ctx.stdout.write(`${JSON.stringify({ roles: rows, broken }, null, 2)}\n`);
    return rows;
  }
  const c = colourFor(ctx.stdoutIsTTY, ctx.env);
  // Rubric text and file names reach the terminal: only hirekit's own colours get through.
  ctx.stdout.write(safeForTerminal(renderRoles(rows, c, ctx.stdoutIsTTY ? terminalWidth(ctx.columns ?? 80) : Infinity)));
  for (const broken of catalog.broken) {
    const count = broken.errors.length;
    ctx.stderr.write(stripTerminalControls(`hirekit: skipped ${broken.file}: ${count} error${count === 1 ? '' : 's'}; run hirekit validate ${broken.file}\n`));
  }
  if (rows.length === 0) ctx.stderr.write('hirekit: no rubrics found; add a folder with --rubrics DIR\n');
  return rows;
}

/**
 * The roles as a table within `width` columns (piped: Infinity, one line per role and one for its level).
 * Titles are padded by columns; the level line wraps under the title; when the table is wider than the
 * terminal, the source file moves to a line of its own under the level.
 */
export function renderRoles(rows: readonly RoleRow[], c: ChalkInstance, width = Infinity): string {
  const idWidth = Math.max(4, ...rows.map((r) => columnsOf(r.id)));
  const titleWidth = Math.max(5, ...rows.map((r) => columnsOf(r.title)));
  const whereOf = (row: RoleRow): string => (row.origin === 'bundled' ? `bundled/${path.basename(row.file)}` : row.file);
  const overOf = (row: RoleRow): string => (row.overrides.length > 0 ? ` (overrides ${row.overrides.map((f) => path.basename(f)).join(', ')})` : '');
  const main = (row: RoleRow): string => `${padEndTo(row.id, idWidth)}  ${padEndTo(row.title, titleWidth)}  ${String(row.stages).padStart(6)}  ${String(row.dimensions).padStart(4)}`;
  const inline = rows.every((row) => columnsOf(`${main(row)}  ${whereOf(row)}${overOf(row)}`) <= width);
  const indent = ' '.repeat(idWidth + 2);
  const under = (text: string): string => (Number.isFinite(width) ? wrap(text, width, width - indent.length >= 30 ? indent : '  ') : `${indent}${text}`);
  if (!rows.every((row) => columnsOf(main(row)) <= width)) {
    // Narrower than the table itself: one block per role, its numbers in words.
    return `${rows
      .map((row) =>
        [
          wrap(`${c.cyan(row.id)}  ${c.bold(row.title)}`, width),
          c.dim(wrap(`${row.stages} stage${row.stages === 1 ? '' : 's'} · ${row.dimensions} dimension${row.dimensions === 1 ? '' : 's'} · ${row.level}, rubric v${row.version}`, width, '  ')),
          wrap(`${c.dim('from')} ${whereOf(row)}${overOf(row) ? c.yellow(overOf(row)) : ''}`, width, '  '),
        ].join('\n'),
      )
      .join('\n\n')}\n`;
  }
  const out: string[] = [c.bold(`${'ROLE'.padEnd(idWidth)}  ${'TITLE'.padEnd(titleWidth)}  STAGES  DIMS${inline ? '  SOURCE' : ''}`)];
  for (const row of rows) {
    const over = overOf(row) ? c.yellow(overOf(row)) : '';
    out.push(`${c.cyan(padEndTo(row.id, idWidth))}  ${padEndTo(row.title, titleWidth)}  ${String(row.stages).padStart(6)}  ${String(row.dimensions).padStart(4)}${inline ? `  ${whereOf(row)}${over}` : ''}`);
    out.push(c.dim(under(`${row.level}, rubric v${row.version}`)));
    if (!inline) out.push(under(`${c.dim('from')} ${whereOf(row)}${over}`));
  }
  return `${out.join('\n')}\n`;
}
