// What `hirekit export --what` writes rows of. A module of its own with no imports, so the command line can
// list the choices at start-up without loading the export code (and zod with it).
export const EXPORT_SUBJECTS = ['scorecards', 'debriefs', 'calibration'] as const;
export type ExportSubject = (typeof EXPORT_SUBJECTS)[number];
