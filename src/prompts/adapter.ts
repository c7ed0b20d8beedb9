// The questions a command may ask, behind a small interface so tests can script the answers. Only
// src/prompts/inquirer.ts talks to @inquirer/prompts.

export interface Choice<T> {
  value: T;
  name: string;
  /** Shown under the list while this choice is highlighted. */
  description?: string;
}

export interface SelectQuestion<T> {
  message: string;
  choices: ReadonlyArray<Choice<T>>;
  default?: T;
}

export interface InputQuestion {
  message: string;
  default?: string;
  /** Returns why the answer is not acceptable, or undefined; the question is asked again until it passes. */
  validate?: (answer: string) => string | undefined;
}

export interface CheckboxQuestion<T> {
  message: string;
  choices: ReadonlyArray<Choice<T> & { checked?: boolean }>;
}

export interface PromptAdapter {
  select<T>(question: SelectQuestion<T>): Promise<T>;
  input(question: InputQuestion): Promise<string>;
  checkbox<T>(question: CheckboxQuestion<T>): Promise<T[]>;
}

/** The person stopped answering: Ctrl-C, a closed terminal or end of input. */
export class PromptInterrupted extends Error {
  override name = 'PromptInterrupted';
}
