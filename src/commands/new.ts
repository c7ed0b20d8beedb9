// `hirekit new ROLE-ID [--out FILE]`: a commented starter rubric that validates as written and whose TODO
// placeholders keep `validate --strict` failing until its author has replaced them all.
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { CommandContext } from './context.js';
import { UsageError } from '../errors.js';
import { planOutput, outputFile, defaultOutputName, writeOutput } from '../io/output.js';
import { BUNDLED_RUBRICS } from '../io/rubrics.js';
import { renderStarterRubric, titleFromId } from '../render/starter-rubric.js';

export interface NewOptions {
  roleId: string;
  out?: string | undefined;
  /** Replace an existing file at the path. */
  force?: boolean | undefined;
}

const ROLE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export async function runNew(options: NewOptions, ctx: Pick<CommandContext, 'cwd' | 'stdout' | 'stderr'>): Promise<{ file: string }> {
  const { roleId } = options;
  if (!ROLE_ID.test(roleId)) {
    const suggestion = roleId.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    throw new UsageError(`'${roleId}' is not a role id: use lowercase letters, digits and single hyphens${suggestion ? `, e.g. ${suggestion}` : ''}`);
  }
  const plan = await planOutput({ command: 'new', formats: ['yaml'], out: options.out, cwd: ctx.cwd, fallback: 'yaml' });
  const name = defaultOutputName([roleId], 'yaml');
  const file = outputFile(plan, name, path.resolve(ctx.cwd, name)) ?? path.resolve(ctx.cwd, name);
  // A rubric is somebody's work: never replaced unless asked.
  if (!options.force && (await lstat(file).catch(() => undefined))) {
    throw new UsageError(`${file}: already exists; hirekit new never replaces a rubric, so choose another --out or pass --force`);
  }
  const schema = path.relative(path.dirname(file), path.join(BUNDLED_RUBRICS, 'rubric.schema.json')).split(path.sep).join('/');
  await writeOutput(file, renderStarterRubric({ roleId, title: titleFromId(roleId), schema }), { stderr: ctx.stderr });
  ctx.stdout.write(`${file}\n`);
  const shown = path.relative(ctx.cwd, file) || file;
  ctx.stderr.write(`hirekit: wrote a starter rubric; replace every TODO, then check it with: hirekit validate ${shown} --strict\n`);
  return { file };
}
