// The built bin/hirekit.js in a real pseudo-terminal, read the way a person sees it: the output goes through a
// headless terminal emulator (@xterm/headless), so tests see what is on the 80x24 screen now, not a log of
// everything ever printed. Waits poll the screen for content (never fixed sleeps), so a loaded machine only
// makes them slower.
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { BIN, ROOT } from './cli.js';

export const KEY = { enter: '\r', down: '\x1b[B', up: '\x1b[A', ctrlC: '\x03', ctrlX: '\x18', space: ' ' } as const;

export interface ScreenOptions {
  cols?: number;
  rows?: number;
  env?: Record<string, string | undefined>;
}

export class Screen {
  readonly exited: Promise<{ exitCode: number; signal?: number }>;
  private readonly term: pty.IPty;
  private readonly emulator: xterm.Terminal;
  private pending = Promise.resolve();
  private log = '';

  constructor(args: string[], options: ScreenOptions = {}) {
    const cols = options.cols ?? 80;
    const rows = options.rows ?? 24;
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('HIREKIT_') && k !== 'VISUAL' && k !== 'EDITOR') env[k] = v;
    for (const [k, v] of Object.entries({ NO_COLOR: '1', TERM: 'xterm-256color', ...options.env })) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
    this.emulator = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 1000 });
    this.term = pty.spawn(process.execPath, [BIN, ...args], { name: 'xterm-256color', cols, rows, cwd: ROOT, env });
    this.term.onData((data) => {
      this.log += data;
      this.pending = this.pending.then(() => new Promise<void>((resolve) => this.emulator.write(data, resolve)));
    });
    this.exited = new Promise((resolve) => this.term.onExit(resolve));
  }

  /** The visible screen, one string per row, trailing spaces trimmed. */
  async lines(): Promise<string[]> {
    await this.pending;
    const buffer = this.emulator.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < this.emulator.rows; y += 1) out.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return out;
  }

  /** The visible screen as one string, rows joined by newlines. */
  async text(): Promise<string> {
    return (await this.lines()).join('\n');
  }

  /** The visible screen with every run of whitespace (including line ends) made one space: for wrapped text. */
  async flat(): Promise<string> {
    return (await this.text()).replace(/\s+/g, ' ');
  }

  /** Waits until the screen shows `needle` (a string, compared on the flattened screen, or a pattern). */
  async waitFor(needle: string | RegExp, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const flatNeedle = typeof needle === 'string' ? needle.replace(/\s+/g, ' ') : needle;
    for (;;) {
      const screen = await this.flat();
      if (typeof flatNeedle === 'string' ? screen.includes(flatNeedle) : flatNeedle.test(screen)) return;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(needle)}; the screen shows:\n${await this.text()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async answer(needle: string | RegExp, keys: string): Promise<void> {
    await this.waitFor(needle);
    this.term.write(keys);
  }

  write(keys: string): void {
    this.term.write(keys);
  }

  kill(signal: string): void {
    this.term.kill(signal);
  }

  /** Everything written to the terminal so far, escapes removed: for what scrolled or was cleared away. */
  transcript(): string {
    // eslint-disable-next-line no-control-regex
    return this.log.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
  }

  dispose(): void {
    try {
      this.term.kill();
    } catch {
      // Already gone.
    }
    this.emulator.dispose();
  }
}
