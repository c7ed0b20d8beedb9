// What an ATS export holds once read, the same for every ATS: scorecards with an interview, an interviewer,
// ratings given as the ATS's own words and free-text answers. greenhouse.ts and lever.ts read their
// exports into this; convert.ts turns it into hirekit scorecards through a mapping (mapping.ts).
import type { ImportSource } from '../scorecard.js';

export type AtsSystem = ImportSource['system'];
export const ATS_SYSTEMS = ['greenhouse', 'lever'] as const satisfies readonly AtsSystem[];

/** A place inside the JSON file: [3, 'attributes', 1, 'rating'] is printed [3].attributes[1].rating. */
export type JsonPath = ReadonlyArray<string | number>;

export function formatJsonPath(path: JsonPath): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else out += /^[A-Za-z_$][\w$]*$/.test(step) ? `${out === '' ? '' : '.'}${step}` : `[${JSON.stringify(step)}]`;
  }
  return out === '' ? '(the whole file)' : out;
}

/** One bad input: where in the JSON and what is wrong. The file is named by whoever prints it. */
export interface ImportProblem {
  path: JsonPath;
  message: string;
}

/** One rating as the ATS gave it: the attribute or skill's name, the ATS's word or score, and its note. */
export interface AtsRating {
  name: string;
  /** The ATS's rating word ("strong_yes") or score ("3"), as the mapping's ratings: keys spell it. */
  word: string;
  /** The interviewer's note on this rating, already plain text; undefined when there was none. */
  note?: string;
  path: JsonPath;
}

/** A free-text question and its answer (plain text). */
export interface AtsAnswer {
  question: string;
  answer: string;
  path: JsonPath;
}

export interface AtsScorecard {
  system: AtsSystem;
  /** Where the scorecard sits in the file. */
  path: JsonPath;
  id: string;
  candidateId?: string;
  applicationId?: string;
  /** The interview's name (Greenhouse interview step, Lever form title): what the mapping's stages: key. */
  interview: { id?: string; name: string; path: JsonPath };
  interviewer: { id?: string; name?: string; path: JsonPath };
  submittedAt?: string;
  createdAt?: string;
  updatedAt?: string;
  /** The overall call in the ATS's words, when one was given. */
  recommendation?: { word: string; path: JsonPath };
  ratings: AtsRating[];
  answers: AtsAnswer[];
  /** Set when the ATS itself says the scorecard is not a submitted one (a draft, a deleted form). */
  notSubmitted?: string;
}

/** A read export: its scorecards, or every problem found, each at its path. */
export type AtsRead = { scorecards: AtsScorecard[]; problems: [] } | { scorecards?: undefined; problems: ImportProblem[] };
