// `hirekit show ROLE`: a role rubric, read in the terminal or as the validated model in JSON.
import type { CommandContext } from './context.js';
import type { GlobalOptions } from './options.js';
import { findRubric } from '../io/rubrics.js';
import { renderRubric } from '../render/terminal/rubric.js';
import { colourFor, terminalWidth } from '../render/terminal/style.js';

export interface ShowOptions extends GlobalOptions {
  role: string;
  json: boolean;
}

export async function runShow(options: ShowOptions, ctx: Pick<CommandContext, 'env' | 'stdout' | 'stdoutIsTTY' | 'columns'>): Promise<void> {
  const { rubric, file, hash } = await findRubric(options.role, { rubrics: options.rubrics, env: ctx.env });
  if (options.json) {
    ctx.stdout.write(`${JSON.stringify({ file, hash, rubric }, null, 2)}\n`);
    return;
  }
  ctx.stdout.write(renderRubric(rubric, colourFor(ctx.stdoutIsTTY, ctx.env), terminalWidth(ctx.columns)));
}
