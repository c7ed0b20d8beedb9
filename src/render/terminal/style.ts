// Terminal colours that respect NO_COLOR (https://no-color.org) and FORCE_COLOR, and stay off when the
// stream is not a terminal.
import { Chalk, type ChalkInstance } from 'chalk';

export function colourFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): ChalkInstance {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return new Chalk({ level: 0 });
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return new Chalk({ level: 1 });
  return new Chalk({ level: stream.isTTY ? 1 : 0 });
}

/** Wraps text to a width, keeping words whole where possible and indenting continuation lines. */
export function wrap(text: string, width: number, indent = ''): string {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (candidate.length + indent.length > width && line) {
        out.push(indent + line);
        line = word;
      } else {
        line = candidate;
      }
      while (line.length + indent.length > width) {
        const room = Math.max(10, width - indent.length);
        out.push(indent + line.slice(0, room));
        line = line.slice(room);
      }
    }
    out.push(indent + line);
  }
  return out.join('\n');
}

export function terminalWidth(stream: NodeJS.WriteStream = process.stdout): number {
  return Math.min(Math.max(stream.columns ?? 80, 40), 100);
}
