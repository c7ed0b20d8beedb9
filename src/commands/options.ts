// Option types shared by several commands. They live below the commands (never in cli.ts) so that the
// layers point one way: cli.ts parses into these, commands consume them.

/** Options every command accepts, from the program level. */
export interface GlobalOptions {
  /** Extra rubric folders, in the order given (later ones override earlier ids). */
  rubrics: string[];
  workspace?: string;
}

export { PAPERS, type Paper } from '../render/pdf/paper.js';

/** What each file-writing command writes (see io/output.ts for how --format and --out choose among them). */
export const PACK_FORMATS = ['pdf', 'md', 'html'] as const;
export type PackFormat = (typeof PACK_FORMATS)[number];

export const DEBRIEF_FORMATS = ['pdf', 'md', 'html', 'json', 'text'] as const;
export type DebriefFormat = (typeof DEBRIEF_FORMATS)[number];

export const COMPARE_FORMATS = ['pdf', 'md', 'html', 'json', 'text'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

export const CALIBRATION_FORMATS = ['text', 'json', 'md', 'html', 'pdf'] as const;
export type CalibrationFormat = (typeof CALIBRATION_FORMATS)[number];
export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export { EXPORT_SUBJECTS, type ExportSubject } from '../core/export-subjects.js';
