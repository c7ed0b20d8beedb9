// A scripted PromptAdapter for tests: answers are taken in order, each checked against the kind of question
// and (optionally) its wording. When the script runs out, the next question behaves like Ctrl-C.
import type { CheckboxQuestion, InputQuestion, PageQuestion, PromptAdapter, RateAnswer, RateQuestion, SelectQuestion, TextQuestion } from './adapter.js';
import { PromptInterrupted } from './adapter.js';

export type ScriptedAnswer =
  | { select: unknown; expect?: RegExp }
  | { input: string; expect?: RegExp }
  | { checkbox: unknown[]; expect?: RegExp }
  /** A level choice: the value picked, or 'back' / 'skip'. */
  | { rate: unknown; expect?: RegExp }
  /** Multi-line text; '' keeps the starting text offered. */
  | { text: string; expect?: RegExp };

export interface AskedQuestion {
  kind: 'select' | 'input' | 'checkbox' | 'rate' | 'text' | 'page';
  message: string;
  answer?: unknown;
  /** For select and checkbox: the choices offered. */
  choices?: string[];
  /** The answer offered as the default, if any. */
  default?: unknown;
  /** For input: why validation refused the answer, if it did. */
  refused?: string;
  /** For page: the lines shown. */
  lines?: string[];
}

export interface ScriptedPrompts extends PromptAdapter {
  /** Every question asked, in order, with the answer given. */
  readonly asked: AskedQuestion[];
  /** Answers not used yet. */
  readonly remaining: number;
}

export function scriptedPrompts(script: readonly ScriptedAnswer[]): ScriptedPrompts {
  const queue = [...script];
  const asked: AskedQuestion[] = [];

  function take<K extends AskedQuestion['kind']>(kind: K, message: string, choices?: string[]): ScriptedAnswer {
    const next = queue.shift();
    asked.push({ kind, message, ...(choices ? { choices } : {}) });
    if (!next) throw new PromptInterrupted(`script ran out at ${kind} "${message}"`);
    if (!(kind in next)) throw new Error(`scripted prompts: expected an answer for ${kind} "${message}", got ${JSON.stringify(next)}`);
    if (next.expect && !next.expect.test(message)) {
      throw new Error(`scripted prompts: question "${message}" does not match ${String(next.expect)}`);
    }
    return next;
  }

  const record = (answer: unknown): void => {
    const last = asked[asked.length - 1];
    if (last) last.answer = answer;
  };

  return {
    asked,
    get remaining() {
      return queue.length;
    },
    select<T>(q: SelectQuestion<T>): Promise<T> {
      const next = take('select', q.message, q.choices.map((c) => c.name)) as { select: T };
      if (q.default !== undefined) Object.assign(asked[asked.length - 1] ?? {}, { default: q.default });
      if (!q.choices.some((c) => Object.is(c.value, next.select))) {
        throw new Error(`scripted prompts: ${JSON.stringify(next.select)} is not a choice of "${q.message}"`);
      }
      record(next.select);
      return Promise.resolve(next.select);
    },
    input(q: InputQuestion): Promise<string> {
      // Like the terminal: a refused answer is asked again, so the script supplies the next attempt.
      for (;;) {
        const next = take('input', q.message) as { input: string };
        const answer = next.input === '' && q.default !== undefined ? q.default : next.input;
        const refused = q.validate?.(answer);
        record(answer);
        if (refused === undefined) return Promise.resolve(answer);
        const last = asked[asked.length - 1];
        if (last) last.refused = refused;
      }
    },
    rate<T>(q: RateQuestion<T>): Promise<RateAnswer<T>> {
      const next = take('rate', q.message, q.choices.map((c) => `${c.key}  ${c.name}`)) as { rate: unknown };
      const last = asked[asked.length - 1];
      if (last && q.default !== undefined) last.default = q.default;
      record(next.rate);
      if (next.rate === 'back' || next.rate === 'skip') {
        if (!(next.rate === 'back' ? q.back : q.skip)) throw new Error(`scripted prompts: "${q.message}" does not offer ${next.rate}`);
        return Promise.resolve({ go: next.rate });
      }
      const choice = q.choices.find((c) => Object.is(c.value, next.rate));
      if (!choice) throw new Error(`scripted prompts: ${JSON.stringify(next.rate)} is not a choice of "${q.message}"`);
      return Promise.resolve({ pick: choice.value });
    },
    text(q: TextQuestion): Promise<string> {
      for (;;) {
        const next = take('text', q.message) as { text: string };
        const last = asked[asked.length - 1];
        if (last && q.default !== undefined) last.default = q.default;
        const answer = (next.text === '' && q.default !== undefined ? q.default : next.text).trim();
        const refused = q.validate?.(answer);
        record(answer);
        if (refused === undefined) return Promise.resolve(answer);
        if (last) last.refused = refused;
      }
    },
    page(q: PageQuestion): Promise<void> {
      // Reading is not answering: a page is recorded, and takes nothing from the script.
      asked.push({ kind: 'page', message: q.lines[0] ?? '', lines: [...q.lines] });
      return Promise.resolve();
    },
    checkbox<T>(q: CheckboxQuestion<T>): Promise<T[]> {
      const next = take('checkbox', q.message, q.choices.map((c) => c.name)) as { checkbox: T[] };
      for (const value of next.checkbox) {
        if (!q.choices.some((c) => Object.is(c.value, value))) throw new Error(`scripted prompts: ${JSON.stringify(value)} is not a choice of "${q.message}"`);
      }
      record(next.checkbox);
      return Promise.resolve(next.checkbox);
    },
  };
}
