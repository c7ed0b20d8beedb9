// Three prompts @inquirer/prompts does not have, built on @inquirer/core like its own: a level choice with one
// key per level (and back/skip), a multi-line text that keeps every line of a paste, and a pager.
// Key handlers are synchronous on purpose: a paste arrives as many keypresses at once, and a handler that
// awaited would drop the keys that come while it waits.
import { createPrompt, isBackspaceKey, isDownKey, isEnterKey, isUpKey, useKeypress, usePrefix, useRef, useState, makeTheme, type KeypressEvent } from '@inquirer/core';
import path from 'node:path';
import { styleText } from 'node:util';
import type { Choice, RateAnswer } from './adapter.js';

const HIDE_CURSOR = '\x1b[?25l';

type Paint = (text: string) => string;

/** Colour only where the output is a colour terminal; NO_COLOR turns it off. */
function painter(enabled: boolean): { bold: Paint; dim: Paint; cyan: Paint; red: Paint } {
  const style = (format: Parameters<typeof styleText>[0]) => (text: string) => (enabled ? styleText(format, text, { validateStream: false }) : text);
  return { bold: style('bold'), dim: style('dim'), cyan: style('cyan'), red: style('red') };
}

export interface RateConfig<T> {
  message: string;
  choices: ReadonlyArray<Choice<T> & { key: string }>;
  default?: T;
  back?: boolean;
  skip?: boolean;
  colour: boolean;
}

export const ratePrompt = createPrompt<RateAnswer<unknown>, RateConfig<unknown>>((config, done) => {
  const theme = makeTheme({});
  const paint = painter(config.colour);
  const start = Math.max(
    0,
    config.choices.findIndex((c) => Object.is(c.value, config.default)),
  );
  const [active, setActive] = useState(start);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [answer, setAnswer] = useState('');
  const prefix = usePrefix({ status, theme });

  const finish = (result: RateAnswer<unknown>, shown: string): void => {
    setAnswer(shown);
    setStatus('done');
    done(result);
  };

  useKeypress((key: KeypressEvent, rl) => {
    if (status !== 'idle') return;
    rl.clearLine(0);
    const picked = config.choices.findIndex((c) => c.key === key.name);
    if (isEnterKey(key)) {
      const choice = config.choices[active];
      if (choice) finish({ pick: choice.value }, choice.name);
    } else if (picked >= 0 && !key.ctrl) {
      const choice = config.choices[picked];
      if (choice) finish({ pick: choice.value }, choice.name);
    } else if (isUpKey(key)) setActive(Math.max(0, active - 1));
    else if (isDownKey(key)) setActive(Math.min(config.choices.length - 1, active + 1));
    else if (config.back && key.name === 'b' && !key.ctrl) finish({ go: 'back' }, 'back to the previous one');
    else if (config.skip && key.name === 's' && !key.ctrl) finish({ go: 'skip' }, 'skipped for now');
  });

  const message = paint.bold(config.message);
  if (status === 'done') return `${prefix} ${message} ${paint.cyan(answer)}`;
  const rows = config.choices.map((c, i) => (i === active ? paint.cyan(`❯ ${c.key}  ${c.name}`) : `  ${c.key}  ${c.name}`));
  // The highlighted choice's description, padded to the tallest one so the screen does not jump.
  const tallest = Math.max(0, ...config.choices.map((c) => (c.description ? c.description.split('\n').length : 0)));
  const shown = (config.choices[active]?.description ?? '').split('\n');
  const description = Array.from({ length: tallest }, (_, i) => shown[i] ?? '').map((line) => paint.dim(line));
  const keys = [
    `${config.choices.map((c) => c.key).join(' ')} pick`,
    '↑↓ Enter',
    ...(config.back ? ['b back'] : []),
    ...(config.skip ? ['s skip for now'] : []),
  ].join(' · ');
  return [`${prefix} ${message}`, ...rows, ...description, paint.dim(keys)].join('\n') + HIDE_CURSOR;
});

export interface TextConfig {
  message: string;
  default?: string;
  validate?: (answer: string) => string | undefined;
  editor?: string;
  colour: boolean;
}

export type TextResult = { text: string } | { edit: string };

/**
 * Several lines of text: Enter starts a new line, Enter on an empty line finishes. Backspace at the start of
 * an empty line goes back up into the line above. The starting text appears as lines already written.
 */
export const textPrompt = createPrompt<TextResult, TextConfig>((config, done) => {
  const theme = makeTheme({});
  const paint = painter(config.colour);
  const lines = useRef<string[]>(
    (config.default ?? '')
      .split(/\r?\n/)
      .map((l) => l.trimEnd())
      .filter((l, i, all) => l !== '' || i < all.length - 1),
  );
  const current = useRef('');
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [error, setError] = useState<string | undefined>(undefined);
  // A state change redraws the screen; the refs hold the text so keys arriving together never race.
  const [, setRevision] = useState(0);
  const redraw = (): void => setRevision(Math.random());
  const prefix = usePrefix({ status, theme });

  const finish = (): void => {
    const text = lines.current.join('\n').trim();
    const problem = config.validate?.(text);
    if (problem !== undefined) {
      setError(problem);
      redraw();
      return;
    }
    setStatus('done');
    done({ text });
  };

  useKeypress((key: KeypressEvent, rl) => {
    if (status !== 'idle') return;
    if (config.editor && key.ctrl && key.name === 'x') {
      const draft = [...lines.current, rl.line].join('\n').trim();
      rl.clearLine(0);
      setStatus('done');
      done({ edit: draft });
      return;
    }
    if (isEnterKey(key)) {
      // readline has already taken the line; `current` holds it as it was before Enter.
      const line = current.current;
      current.current = '';
      if (line.trim() === '') {
        // Nothing written at all also finishes: the question's own check says what is missing.
        finish();
        return;
      }
      lines.current.push(line.trimEnd());
      setError(undefined);
      redraw();
      return;
    }
    if (isBackspaceKey(key) && current.current === '' && rl.line === '' && lines.current.length > 0) {
      const previous = lines.current.pop() ?? '';
      rl.write(previous);
      current.current = rl.line;
      redraw();
      return;
    }
    current.current = rl.line;
    redraw();
  });

  const message = paint.bold(config.message);
  if (status === 'done') {
    const text = lines.current.join('\n').trim();
    const first = text.split('\n')[0] ?? '';
    const more = lines.current.length > 1 ? paint.dim(` (+${lines.current.length - 1} more line${lines.current.length === 2 ? '' : 's'})`) : '';
    return `${prefix} ${message} ${paint.cyan(first)}${more}`;
  }
  const help = [
    'Enter on an empty line: done',
    lines.current.length > 0 ? 'Backspace: back into the line above' : 'type or paste several lines',
    ...(config.editor ? [`Ctrl-X: ${path.basename(config.editor.split(/\s+/)[0] ?? 'editor')}`] : []),
  ].join(' · ');
  const body = [`${prefix} ${message}`, ...lines.current.map((l) => `  ${l}`), `  ${current.current}`].join('\n');
  return [body, [error ? paint.red(`> ${error}`) : '', paint.dim(help)].filter(Boolean).join('\n')];
});

export interface PageConfig {
  lines: readonly string[];
  then: string;
  rows: number;
  colour: boolean;
}

/** A pager: Space or Enter shows the next screenful, b the one before, q skips to the end. */
export const pagePrompt = createPrompt<void, PageConfig>((config, done) => {
  const paint = painter(config.colour);
  const height = Math.max(5, config.rows - 2);
  const last = Math.max(0, config.lines.length - height);
  const [top, setTop] = useState(0);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');

  useKeypress((key: KeypressEvent, rl) => {
    if (status !== 'idle') return;
    rl.clearLine(0);
    const atEnd = top >= last;
    if (key.name === 'q' || ((isEnterKey(key) || key.name === 'space' || key.name === 'pagedown') && atEnd)) {
      setStatus('done');
      done();
    } else if (isEnterKey(key) || key.name === 'space' || key.name === 'pagedown' || key.name === 'f') setTop(Math.min(last, top + height));
    else if (key.name === 'b' || key.name === 'pageup') setTop(Math.max(0, top - height));
    else if (isDownKey(key)) setTop(Math.min(last, top + 1));
    else if (isUpKey(key)) setTop(Math.max(0, top - 1));
  });

  if (status === 'done') return '';
  const window = config.lines.slice(top, top + height);
  const end = Math.min(config.lines.length, top + height);
  const where = config.lines.length > height ? `lines ${top + 1}–${end} of ${config.lines.length} · ` : '';
  const keys = top >= last ? `Enter: ${config.then}${top > 0 ? ' · b: back' : ''}` : `Space: next page${top > 0 ? ' · b: back' : ''} · q: ${config.then}`;
  return [...window, paint.bold(`${where}${keys}`)].join('\n') + HIDE_CURSOR;
});
