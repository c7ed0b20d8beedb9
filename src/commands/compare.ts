// hirekit compare ROLE [CANDIDATE...]: candidates for one role side by side, each summarised from its own
// debrief. Terminal text by default; PDF, Markdown or JSON with --out / --format.
import { buildComparison, type Comparison } from '../core/compare.js';
import type { Debrief } from '../core/debrief.js';
import { DataError, UsageError } from '../errors.js';
import { defaultOutputName, outputFile, planOutput, writeOutput } from '../io/output.js';
import { findRubric } from '../io/rubrics.js';
import { indexWorkspace, readCandidateScorecards, requireWorkspace, resolveWorkspace, type WorkspaceIndex } from '../io/workspace.js';
import { safeForTerminal, stripTerminalControls } from '../core/text-safety.js';
import { colourFor, terminalWidth } from '../render/terminal/style.js';
import { gatherDebrief } from './candidate-debrief.js';
import type { CommandContext } from './context.js';
import { COMPARE_FORMATS, type GlobalOptions, type Paper, type CompareFormat } from './options.js';

export { COMPARE_FORMATS, type CompareFormat } from './options.js';

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

type CompareContext = Pick<CommandContext, 'now' | 'stdout' | 'stderr' | 'stdoutIsTTY' | 'columns' | 'env' | 'cwd'>;

export interface CompareResult {
  comparison: Comparison;
  format: CompareFormat;
  file?: string;
}

export async function runCompare(options: CompareOptions, ctx: CompareContext): Promise<CompareResult> {
  const plan = await planOutput({
    command: 'compare',
    formats: COMPARE_FORMATS,
    format: options.format,
    out: options.out,
    cwd: ctx.cwd,
    fallback: options.out !== undefined ? 'pdf' : 'text',
  });
  const format = plan.format;
  if (format === 'pdf' && plan.target.kind === 'none') throw new UsageError('a PDF needs a file name: add --out compare.pdf');
  if (options.template && format !== 'md' && format !== 'html') throw new UsageError('--template applies to --format md or html; drop --template or add --format md');
  const template = options.template
    ? await (await import('../render/templates.js')).loadTemplate(format as 'md' | 'html', { file: options.template })
    : undefined;
  // Fails early with the known roles when the role is misspelt.
  const rubric = await findRubric(options.role, { rubrics: options.rubrics, env: ctx.env });
  const workspace = resolveWorkspace(options.workspace, ctx.env, ctx.cwd);
  await requireWorkspace(workspace);
  // Candidates are read once and then found by name or slug, so comparing N candidates stays linear.
  const index = await indexWorkspace(workspace);
  const wanted = options.candidates.length > 0 ? options.candidates : await candidatesFor(index, options.role);
  if (wanted.length === 0) {
    throw new DataError(`no candidates for ${options.role} in ${workspace}; score one with hirekit score ${options.role} --candidate NAME`);
  }
  const debriefs: Debrief[] = [];
  for (const candidate of wanted) {
    const { debrief } = await gatherDebrief({ candidate, role: options.role, ...(options.workspace ? { workspace: options.workspace } : {}), rubrics: options.rubrics }, ctx, { index, rubric });
    if (debrief.panel.length === 0) ctx.stderr.write(stripTerminalControls(`hirekit: warning: ${debrief.candidate.name} has no submitted scorecard yet; shown with empty scores\n`));
    // What a debrief warns about each scorecard file (edited outside hirekit, a rating left out, another rubric
    // version...), said here too: the comparison sets the numbers side by side and must not hide what stands
    // behind them. How many scorecards each candidate has is the comparison's own Scorecards row.
    for (const w of debrief.warnings) if (w.code !== 'below-min-scorecards') ctx.stderr.write(stripTerminalControls(`hirekit: warning: ${w.message}\n`));
    debriefs.push(debrief);
  }
  const comparison = buildComparison(debriefs, ctx.now());
  const file = outputFile(plan, defaultOutputName([options.role, 'compare'], format));

  let content: string | Uint8Array;
  if (format === 'json') content = `${JSON.stringify(comparison, null, 2)}\n`;
  else if (format === 'md' || format === 'html') {
    const [{ loadTemplate }, { comparisonView }] = await Promise.all([import('../render/templates.js'), import('../render/compare-view.js')]);
    content = (template ?? (await loadTemplate(format, { builtin: 'compare' }))).render(comparisonView(comparison));
  } else if (format === 'pdf') {
    const { comparisonPdfBytes } = await import('../render/pdf/compare.js');
    content = await comparisonPdfBytes(comparison, options.paper ?? 'a4');
  } else {
    const { renderComparisonText } = await import('../render/terminal/compare.js');
    const toTerminal = file === undefined;
    const colour = toTerminal ? colourFor(ctx.stdoutIsTTY, ctx.env) : colourFor(false, {});
    content = renderComparisonText(comparison, colour, toTerminal ? terminalWidth(ctx.columns) : 100);
  }

  if (file === undefined) {
    ctx.stdout.write(typeof content === 'string' && format === 'text' ? safeForTerminal(content) : content);
    return { comparison, format };
  }
  // Comparisons quote what the panel concluded about people: private to the user.
  await writeOutput(file, content, { mode: 0o600, stderr: ctx.stderr });
  ctx.stdout.write(`${file}\n`);
  return { comparison, format, file };
}

/** Candidates whose folder records the role, or (for older folders) whose scorecards were made for it. */
async function candidatesFor(index: WorkspaceIndex, role: string): Promise<string[]> {
  const out: string[] = [];
  for (const c of index.candidates) {
    if (c.role === role) out.push(c.slug);
    else if (c.role === undefined && (await readCandidateScorecards(index.workspace, c)).some((s) => s.scorecard.rubric.id === role)) out.push(c.slug);
  }
  return out;
}
