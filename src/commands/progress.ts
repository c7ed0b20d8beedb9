// Progress of long work (pack --all, calibrate, imports) on stderr: one line redrawn in place, only when
// stderr is a terminal; nothing at all otherwise, so logs and pipes stay clean. The line is cleared before
// anything is printed on stdout, so the paths written never mix with it.
import { CLEAR_LINE } from '../core/text-safety.js';
import { truncateTo } from '../render/terminal/width.js';
import type { CommandContext } from './context.js';

export interface Progress {
  /** Shows "[i/n] what". */
  step(index: number, what: string): void;
  /** Shows a phase that has no count, e.g. a computation between the counted steps. */
  say(what: string): void;
  /** Clears the line; call before writing to stdout and at the end. */
  clear(): void;
}

export type ProgressContext = Pick<CommandContext, 'stderr' | 'stderrIsTTY' | 'columns'>;

const SILENT: Progress = { step: () => undefined, say: () => undefined, clear: () => undefined };

/** Progress over `total` counted steps (a single step is not worth a line; `say` still shows). */
export function progressOn(ctx: ProgressContext, total: number): Progress {
  if (!ctx.stderrIsTTY) return SILENT;
  let shown = false;
  const show = (line: string): void => {
    // Never wrap (a wrapped line cannot be redrawn in place): cut by terminal columns, not string length,
    // so a name like "Wei Zhang (张伟)" is measured as it is drawn.
    ctx.stderr.write(CLEAR_LINE);
    ctx.stderr.write(truncateTo(line, Math.max(1, ctx.columns - 1)));
    shown = true;
  };
  return {
    step: (index, what) => {
      if (total >= 2) show(`[${index}/${total}] ${what}`);
    },
    say: show,
    clear() {
      if (shown) ctx.stderr.write(CLEAR_LINE);
      shown = false;
    },
  };
}
