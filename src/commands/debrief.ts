// hirekit debrief CANDIDATE: gather every scorecard of a candidate, aggregate them into one Debrief and
// render it as PDF, Markdown, HTML, JSON or terminal text. Renderers are imported only when chosen.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { GlobalOptions } from '../cli.js';
import { buildDebrief, type Debrief } from '../core/debrief.js';
import { DataError, UsageError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { findRubric } from '../io/rubrics.js';
import { candidateDir, readCandidateScorecards, resolveCandidate, requireWorkspace, resolveWorkspace, type StoredScorecard } from '../io/workspace.js';
import { colourFor, terminalWidth } from '../render/terminal/style.js';
import type { Paper } from '../render/pdf/document.js';
import type { LoadedTemplate } from '../render/templates.js';

export const DEBRIEF_FORMATS = ['pdf', 'md', 'html', 'json', 'text'] as const;
export type DebriefFormat = (typeof DEBRIEF_FORMATS)[number];

export interface DebriefOptions extends GlobalOptions {
  candidate: string;
  format?: DebriefFormat;
  out?: string;
  /** A user's copy of templates/debrief.md.hbs or debrief.html.hbs. */
  template?: string;
  /** The role to debrief against, when the candidate's folder does not say. */
  role?: string;
  /** Page size of a PDF debrief; default A4. */
  paper?: Paper;
}

export interface DebriefDeps {
  now: () => Date;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface DebriefResult {
  debrief: Debrief;
  format: DebriefFormat;
  /** The file written, if any; stdout output otherwise. */
  file?: string;
}

const BY_EXTENSION: Record<string, DebriefFormat> = {
  '.pdf': 'pdf',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.txt': 'text',
};

/** Reads the workspace and builds the candidate's Debrief; shared with `compare` and `demo`. */
export async function gatherDebrief(
  options: { candidate: string; role?: string; workspace?: string; rubrics: readonly string[] },
  deps: Pick<DebriefDeps, 'env' | 'cwd' | 'now'>,
): Promise<{ debrief: Debrief; workspace: string }> {
  const workspace = resolveWorkspace(options.workspace, deps.env, deps.cwd);
  await requireWorkspace(workspace);
  const entry = await resolveCandidate(workspace, options.candidate);
  const stored = await readCandidateScorecards(workspace, entry.slug);
  if (stored.length === 0) {
    throw new DataError(
      `no scorecards for ${entry.name} yet in ${candidateDir(workspace, entry.slug)}; interviewers add them with hirekit score ${entry.role ?? options.role ?? 'ROLE'} --candidate "${entry.name}"`,
    );
  }
  const roleId = options.role ?? entry.role ?? commonestRole(stored);
  const { rubric, hash } = await findRubric(roleId, { rubrics: options.rubrics, env: deps.env });
  const debrief = buildDebrief({ rubric, rubricHash: hash, candidate: { name: entry.name, slug: entry.slug }, scorecards: stored, now: deps.now() });
  return { debrief, workspace };
}

function commonestRole(stored: readonly StoredScorecard[]): string {
  const counts = new Map<string, number>();
  for (const s of stored) counts.set(s.scorecard.rubric.id, (counts.get(s.scorecard.rubric.id) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

export function chooseFormat(options: { format?: DebriefFormat; out?: string }, stdoutIsTTY: boolean): DebriefFormat {
  if (options.format) return options.format;
  if (options.out) return BY_EXTENSION[path.extname(options.out).toLowerCase()] ?? 'pdf';
  // Piped: JSON is what a script wants; a terminal gets the readable summary.
  return stdoutIsTTY ? 'text' : 'json';
}

export async function runDebrief(options: DebriefOptions, deps: Partial<DebriefDeps> = {}): Promise<DebriefResult> {
  const d: DebriefDeps = {
    now: () => new Date(),
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    ...deps,
  };
  const format = chooseFormat(options, d.stdout.isTTY === true);
  if (options.template && format !== 'md' && format !== 'html') {
    throw new UsageError(`--template applies to --format md or html, not ${format}; drop --template or choose md/html`);
  }
  // A user's template is compiled before anything is read, so its errors come first and cheaply.
  const template = options.template ? await loadUserTemplate(options.template, format as 'md' | 'html') : undefined;
  const { debrief, workspace } = await gatherDebrief(options, d);

  const out =
    options.out !== undefined
      ? path.resolve(d.cwd, options.out)
      : format === 'pdf'
        ? path.join(candidateDir(workspace, debrief.candidate.slug), 'debrief.pdf')
        : undefined;
  // The terminal summary already shows the warnings; everything else gets them on stderr.
  if (format !== 'text' || out !== undefined) for (const w of debrief.warnings) d.stderr.write(`hirekit: warning: ${w.message}\n`);
  const content = await render(debrief, format, { template, colour: out === undefined, stdout: d.stdout, env: d.env, paper: options.paper ?? 'a4' });
  if (out === undefined) {
    d.stdout.write(typeof content === 'string' ? content : Buffer.from(content));
    return { debrief, format };
  }
  await writeOutput(out, content);
  d.stdout.write(`${out}\n`);
  return { debrief, format, file: out };
}

async function loadUserTemplate(file: string, format: 'md' | 'html'): Promise<LoadedTemplate> {
  const { loadTemplate } = await import('../render/templates.js');
  return loadTemplate(format, { file });
}

async function render(
  debrief: Debrief,
  format: DebriefFormat,
  how: { template: LoadedTemplate | undefined; colour: boolean; stdout: DebriefDeps['stdout']; env: NodeJS.ProcessEnv; paper: Paper },
): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(debrief, null, 2)}\n`;
    case 'text': {
      const { renderDebriefText } = await import('../render/terminal/debrief.js');
      const { Chalk } = await import('chalk');
      const c = how.colour ? colourFor(how.stdout as NodeJS.WriteStream, how.env) : new Chalk({ level: 0 });
      return renderDebriefText(debrief, c, how.colour ? terminalWidth(how.stdout as NodeJS.WriteStream) : 100);
    }
    case 'md':
    case 'html': {
      const [{ loadTemplate }, { debriefView }] = await Promise.all([import('../render/templates.js'), import('../render/debrief-view.js')]);
      const template = how.template ?? (await loadTemplate(format, { builtin: 'debrief' }));
      return template.render(debriefView(debrief));
    }
    case 'pdf': {
      const { debriefPdfBytes } = await import('../render/pdf/debrief.js');
      return debriefPdfBytes(debrief, how.paper);
    }
  }
}

/** Debriefs quote interviewers' evidence about a person: written private to the user (0600). */
async function writeOutput(file: string, content: string | Uint8Array): Promise<void> {
  if ((await stat(file).catch(() => undefined))?.isDirectory()) {
    throw new UsageError(`${file}: is a folder; pass a file name to --out, e.g. ${path.join(file, 'debrief.pdf')}`);
  }
  try {
    await writeFileAtomic(file, content, { mode: 0o600 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new UsageError(`${file}: is a folder; pass a file name to --out, e.g. ${path.join(file, 'debrief.pdf')}`);
    if (code === 'EACCES' || code === 'EPERM') throw new DataError(`${file}: permission denied; choose another --out`);
    if (code === 'ENOTDIR') throw new DataError(`${file}: a part of this path is a file, not a folder; choose another --out`);
    throw error;
  }
}
