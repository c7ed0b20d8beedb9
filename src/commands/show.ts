// `hirekit show ROLE`: a role rubric, read in the terminal or as the validated model in JSON.
import type { CommandContext } from './context.js';
import type { GlobalOptions } from './options.js';
import { safeForTerminal } from '../core/text-safety.js';
import { findRubric, protectedTopicNotice } from '../io/rubrics.js';
import { renderRubric } from '../render/terminal/rubric.js';
import { colourFor, terminalWidth } from '../render/terminal/style.js';

export interface ShowOptions extends GlobalOptions {
  role: string;
  json: boolean;
}

export async function runShow(options: ShowOptions, ctx: Pick<CommandContext, 'env' | 'stdout' | 'stderr' | 'stdoutIsTTY' | 'columns'>): Promise<void> {
  const loaded = await findRubric(options.role, { rubrics: options.rubrics, env: ctx.env });
  const { rubric, file, hash } = loaded;
  const notice = protectedTopicNotice(loaded);
  if (notice) ctx.stderr.write(notice);
  if (options.json) {
    ctx.stdout.write(`${JSON.stringify({ file, hash, rubric }, null, 2)}\n`);
    return;
  }
  ctx.stdout.write(safeForTerminal(renderRubric(rubric, colourFor(ctx.stdoutIsTTY, ctx.env), terminalWidth(ctx.columns))));
}
