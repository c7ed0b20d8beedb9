// The real prompts, on the terminal. @inquirer/prompts is loaded on first use so `hirekit --help` never pays
// for it. Prompts write to stderr: stdout carries only data (the path of the scorecard written).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CheckboxQuestion, InputQuestion, PageQuestion, PromptAdapter, RateAnswer, RateQuestion, SelectQuestion, TextQuestion } from './adapter.js';
import { PromptInterrupted } from './adapter.js';
import { safeForTerminal, stripTerminalControls } from '../core/text-safety.js';

type Inquirer = typeof import('@inquirer/prompts');

export function inquirerAdapter(streams: { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream } = {}): PromptAdapter {
  let loaded: Promise<Inquirer> | undefined;
  const inquirer = (): Promise<Inquirer> => (loaded ??= import('@inquirer/prompts'));
  const context = { input: streams.input ?? process.stdin, output: streams.output ?? process.stderr };
  let custom: Promise<typeof import('./custom.js')> | undefined;
  const prompts = (): Promise<typeof import('./custom.js')> => (custom ??= import('./custom.js'));
  const output = context.output as NodeJS.WriteStream;
  const colour = !process.env.NO_COLOR && Boolean(output.isTTY) && process.env.TERM !== 'dumb';

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
    async rate<T>(q: RateQuestion<T>): Promise<RateAnswer<T>> {
      const { ratePrompt } = await prompts();
      return interruptible(() => ratePrompt({ ...q, colour }, context) as Promise<RateAnswer<T>>);
    },
    async text(q: TextQuestion): Promise<string> {
      const { textPrompt } = await prompts();
      let start = q.default;
      for (;;) {
        const result = await interruptible(() => textPrompt({ ...q, ...(start !== undefined ? { default: start } : {}), colour }, context));
        if ('text' in result) return result.text;
        // Ctrl-X: the text so far goes to the editor; what comes back is shown again to finish or fix.
        start = q.editor ? editInEditor(q.editor, result.edit) : result.edit;
      }
    },
    async page(q: PageQuestion): Promise<void> {
      const { pagePrompt } = await prompts();
      await interruptible(() => pagePrompt({ ...q, rows: output.rows || 24, colour }, context));
    },
  };
}

/** Opens the text in the interviewer's editor ($VISUAL or $EDITOR, which may carry arguments) and reads it back. */
function editInEditor(editor: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hirekit-'));
  const file = path.join(dir, 'evidence.md');
  try {
    writeFileSync(file, text ? `${text}\n` : '', { mode: 0o600 });
    const run = spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'sh', file], { stdio: 'inherit' });
    if (run.error || run.status !== 0) return text;
    return readFileSync(file, 'utf8').replace(/\s+$/, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
