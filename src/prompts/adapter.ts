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

/** A level choice: arrows and Enter, or one key per choice (e.g. digits) that picks it at once. */
export interface RateQuestion<T> {
  message: string;
  /** `key` picks the choice in one keystroke; `description` is shown (once) while the choice is highlighted. */
  choices: ReadonlyArray<Choice<T> & { key: string }>;
  default?: T;
  /** Offer "b": back to the previous step. */
  back?: boolean;
  /** Offer "s": skip this one for now and come back to it. */
  skip?: boolean;
}

export type RateAnswer<T> = { pick: T } | { go: 'back' } | { go: 'skip' };

/** Free text over several lines: a paste of many lines keeps them all. */
export interface TextQuestion {
  message: string;
  /** Starting text (e.g. the notes taken during the interview), kept, edited or added to. */
  default?: string;
  validate?: (answer: string) => string | undefined;
  /** A command that opens a file for editing ($VISUAL or $EDITOR), offered as an alternative. */
  editor?: string;
}

/** Long text shown a screenful at a time; resolves when the reader is done with it. */
export interface PageQuestion {
  lines: readonly string[];
  /** What Enter on the last page leads to, e.g. "start rating". */
  then: string;
}

export interface PromptAdapter {
  select<T>(question: SelectQuestion<T>): Promise<T>;
  input(question: InputQuestion): Promise<string>;
  checkbox<T>(question: CheckboxQuestion<T>): Promise<T[]>;
  rate<T>(question: RateQuestion<T>): Promise<RateAnswer<T>>;
  text(question: TextQuestion): Promise<string>;
  page(question: PageQuestion): Promise<void>;
}

/** The person stopped answering: Ctrl-C, a closed terminal or end of input. */
export class PromptInterrupted extends Error {
  override name = 'PromptInterrupted';
}
