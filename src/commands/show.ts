import type { GlobalOptions } from '../cli.js';
import { findRubric } from '../io/rubrics.js';
import { safeForTerminal } from '../core/text-safety.js';
import { renderRubric } from '../render/terminal/rubric.js';
import { colourFor, terminalWidth } from '../render/terminal/style.js';

export interface ShowOptions extends GlobalOptions {
  role: string;
  json: boolean;
}

export async function runShow(options: ShowOptions): Promise<void> {
  const { rubric, file, hash } = await findRubric(options.role, { rubrics: options.rubrics });
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ file, hash, rubric }, null, 2)}\n`);
    return;
  }
  process.stdout.write(safeForTerminal(renderRubric(rubric, colourFor(process.stdout), terminalWidth())));
}
