// The paper sizes a user can ask for with --paper (or HIREKIT_PAPER). Kept apart from document.ts, which
// loads pdfkit, so that the command line can list the choices without loading it.
export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];
