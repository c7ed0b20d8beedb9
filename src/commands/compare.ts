// hirekit compare ROLE [CANDIDATE...]: candidates for one role side by side, each summarised from its own
// debrief. Terminal text by default; PDF, Markdown or JSON with --out / --format.
import path from 'node:path';
import type { GlobalOptions } from '../cli.js';
import { buildComparison, type Comparison } from '../core/compare.js';
import type { Debrief } from '../core/debrief.js';
import { DataError, UsageError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { findRubric } from '../io/rubrics.js';
import { listCandidates, readCandidateScorecards, requireWorkspace, resolveWorkspace } from '../io/workspace.js';
import type { Paper } from '../render/pdf/document.js';
import { colourFor, terminalWidth } from '../render/terminal/style.js';
import { gatherDebrief } from './debrief.js';

export const COMPARE_FORMATS = ['pdf', 'md', 'json', 'text'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

export interface CompareOptions extends GlobalOptions {
  role: string;
  /** Names or slugs; default every candidate in the workspace recorded for the role. */
  candidates: string[];
  format?: CompareFormat;
  out?: string;
  template?: string;
  /** Page size of a PDF comparison; default A4. */
  paper?: Paper;
}

export interface CompareDeps {
  now: () => Date;
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface CompareResult {
  comparison: Comparison;
  format: CompareFormat;
  file?: string;
}

const BY_EXTENSION: Record<string, CompareFormat> = { '.pdf': 'pdf', '.md': 'md', '.markdown': 'md', '.json': 'json', '.txt': 'text' };

export async function runCompare(options: CompareOptions, deps: Partial<CompareDeps> = {}): Promise<CompareResult> {
  const d: CompareDeps = { now: () => new Date(), stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), ...deps };
  const format: CompareFormat = options.format ?? (options.out ? (BY_EXTENSION[path.extname(options.out).toLowerCase()] ?? 'pdf') : 'text');
  if (format === 'pdf' && options.out === undefined) throw new UsageError('a PDF needs a file name: add --out compare.pdf');
  if (options.template && format !== 'md') throw new UsageError('--template applies to --format md; drop --template or add --format md');
  const template = options.template
    ? await (await import('../render/templates.js')).loadTemplate('md', { file: options.template })
    : undefined;
  // Fails early with the known roles when the role is misspelt.
  await findRubric(options.role, { rubrics: options.rubrics, env: d.env });
  const workspace = resolveWorkspace(options.workspace, d.env, d.cwd);
  await requireWorkspace(workspace);
  const wanted = options.candidates.length > 0 ? options.candidates : await candidatesFor(workspace, options.role);
  if (wanted.length === 0) {
    throw new DataError(`no candidates for ${options.role} in ${workspace}; score one with hirekit score ${options.role} --candidate NAME`);
  }
  const debriefs: Debrief[] = [];
  for (const candidate of wanted) {
    const { debrief } = await gatherDebrief({ candidate, role: options.role, ...(options.workspace ? { workspace: options.workspace } : {}), rubrics: options.rubrics }, d);
    if (debrief.panel.length === 0) d.stderr.write(`hirekit: warning: ${debrief.candidate.name} has no submitted scorecard yet; shown with empty scores\n`);
    debriefs.push(debrief);
  }
  const comparison = buildComparison(debriefs, d.now());

  let content: string | Uint8Array;
  if (format === 'json') content = `${JSON.stringify(comparison, null, 2)}\n`;
  else if (format === 'md') {
    const [{ loadTemplate }, { comparisonView }] = await Promise.all([import('../render/templates.js'), import('../render/compare-view.js')]);
    content = (template ?? (await loadTemplate('md', { builtin: 'compare' }))).render(comparisonView(comparison));
  } else if (format === 'pdf') {
    const { comparisonPdfBytes } = await import('../render/pdf/compare.js');
    content = await comparisonPdfBytes(comparison, options.paper ?? 'a4');
  } else {
    const { renderComparisonText } = await import('../render/terminal/compare.js');
    const { Chalk } = await import('chalk');
    const toTerminal = options.out === undefined;
    const chalk = toTerminal ? colourFor(d.stdout as NodeJS.WriteStream, d.env) : new Chalk({ level: 0 });
    content = renderComparisonText(comparison, chalk, toTerminal ? terminalWidth(d.stdout as NodeJS.WriteStream) : 100);
  }

  if (options.out === undefined) {
    d.stdout.write(typeof content === 'string' ? content : Buffer.from(content));
    return { comparison, format };
  }
  const file = path.resolve(d.cwd, options.out);
  await writeFileAtomic(file, content, { mode: 0o600 });
  d.stdout.write(`${file}\n`);
  return { comparison, format, file };
}

/** Candidates whose folder records the role, or (for older folders) whose scorecards were made for it. */
async function candidatesFor(workspace: string, role: string): Promise<string[]> {
  const out: string[] = [];
  for (const c of await listCandidates(workspace)) {
    if (c.role === role) out.push(c.slug);
    else if (c.role === undefined && (await readCandidateScorecards(workspace, c.slug)).some((s) => s.scorecard.rubric.id === role)) out.push(c.slug);
  }
  return out;
}
