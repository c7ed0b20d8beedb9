// The real prompts, on the terminal. @inquirer/prompts is loaded on first use so `hirekit --help` never pays
// for it. Prompts write to stderr: stdout carries only data (the path of the scorecard written).
import type { CheckboxQuestion, InputQuestion, PromptAdapter, SelectQuestion } from './adapter.js';
import { PromptInterrupted } from './adapter.js';
import { safeForTerminal, stripTerminalControls } from '../core/text-safety.js';

type Inquirer = typeof import('@inquirer/prompts');

export function inquirerAdapter(streams: { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream } = {}): PromptAdapter {
  let loaded: Promise<Inquirer> | undefined;
  const inquirer = (): Promise<Inquirer> => (loaded ??= import('@inquirer/prompts'));
  const context = { input: streams.input ?? process.stdin, output: streams.output ?? process.stderr };

  return {
    async select<T>(q: SelectQuestion<T>): Promise<T> {
      const { select } = await inquirer();
      return interruptible(() =>
        select<T>(
          {
            message: safeForTerminal(q.message),
            choices: q.choices.map((c) => ({ value: c.value, name: safeForTerminal(c.name), ...(c.description ? { description: safeForTerminal(c.description) } : {}) })),
            ...(q.default !== undefined ? { default: q.default } : {}),
            pageSize: 12,
            loop: false,
          },
          context,
        ),
      );
    },
    async input(q: InputQuestion): Promise<string> {
      const { input } = await inquirer();
      const validate = q.validate;
      return interruptible(() =>
        input(
          {
            message: safeForTerminal(q.message),
            ...(q.default !== undefined ? { default: stripTerminalControls(q.default) } : {}),
            ...(validate ? { validate: (answer: string) => validate(answer) ?? true } : {}),
          },
          context,
        ),
      );
    },
    async checkbox<T>(q: CheckboxQuestion<T>): Promise<T[]> {
      const { checkbox } = await inquirer();
      return interruptible(() =>
        checkbox<T>(
          {
            message: safeForTerminal(q.message),
            choices: q.choices.map((c) => ({
              value: c.value,
              name: safeForTerminal(c.name),
              checked: c.checked ?? false,
              ...(c.description ? { description: safeForTerminal(c.description) } : {}),
            })),
            pageSize: 12,
            loop: false,
          },
          context,
        ),
      );
    },
  };
}

// inquirer rejects with ExitPromptError on Ctrl-C and when stdin closes; the class is not exported by
// @inquirer/prompts, so it is recognised by name.
async function interruptible<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
      throw new PromptInterrupted('prompt closed');
    }
    throw error;
  }
}
