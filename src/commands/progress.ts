// Progress of long work (pack --all, imports) on stderr: one line redrawn in place, only when stderr is a
// terminal; nothing at all otherwise, so logs and pipes stay clean. The line is cleared before anything is
// printed on stdout, so the paths written never mix with it.
import { CLEAR_LINE } from '../core/text-safety.js';
import type { CommandContext } from './context.js';

export interface Progress {
  /** Shows "[i/n] what". */
  step(index: number, what: string): void;
  /** Clears the line; call before writing to stdout and at the end. */
  clear(): void;
}


export function progressOn(ctx: Pick<CommandContext, 'stderr' | 'stderrIsTTY' | 'columns'>, total: number): Progress {
  if (!ctx.stderrIsTTY || total < 2) return { step: () => undefined, clear: () => undefined };
  let shown = false;
  return {
    step(index, what) {
      const line = `[${index}/${total}] ${what}`;
      // Never wrap: a wrapped line cannot be redrawn in place.
      const fitted = line.length > ctx.columns - 1 ? `${line.slice(0, Math.max(0, ctx.columns - 2))}…` : line;
      ctx.stderr.write(CLEAR_LINE);
      ctx.stderr.write(fitted);
      shown = true;
    },
    clear() {
      if (shown) ctx.stderr.write(CLEAR_LINE);
      shown = false;
    },
  };
}
