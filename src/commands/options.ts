// Option types shared by several commands. They live below the commands (never in cli.ts) so that the
// layers point one way: cli.ts parses into these, commands consume them.

/** Options every command accepts, from the program level. */
export interface GlobalOptions {
  /** Extra rubric folders, in the order given (later ones override earlier ids). */
  rubrics: string[];
  workspace?: string;
}

export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];
