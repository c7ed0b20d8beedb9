// hirekit debrief CANDIDATE: gather every scorecard of a candidate, aggregate them into one Debrief and
// render it as PDF, Markdown, HTML, JSON or terminal text. Renderers are imported only when chosen.
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { DebriefAdjustment } from '../core/calibration/debrief-adjustment.js';
import type { Debrief } from '../core/debrief.js';
import { UsageError } from '../errors.js';
import { defaultOutputName, outputFile, planOutput, reportFallback, writeOutput } from '../io/output.js';
import { candidateDir } from '../io/workspace.js';
import { colourFor, terminalWidth } from '../render/terminal/style.js';
import type { LoadedTemplate } from '../render/templates.js';
import { gatherDebrief } from './candidate-debrief.js';
import { safeForTerminal, stripTerminalControls } from '../core/text-safety.js';
import { checkContained } from '../io/contained.js';
import type { CommandContext } from './context.js';
import { DEBRIEF_FORMATS, type GlobalOptions, type Paper, type DebriefFormat } from './options.js';

export { DEBRIEF_FORMATS, type DebriefFormat } from './options.js';

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
  /** Add the scores with each panelist's lean removed (from a calibration of the role), beside the raw ones. */
  adjusted?: boolean;
}

type DebriefContext = Pick<CommandContext, 'now' | 'stdout' | 'stderr' | 'stdoutIsTTY' | 'stderrIsTTY' | 'columns' | 'env' | 'cwd'>;

export interface DebriefResult {
  debrief: Debrief;
  format: DebriefFormat;
  /** The file written, if any; stdout output otherwise. */
  file?: string;
}

/** Debriefs quote interviewers' evidence about a person: written private to the user (0600). */
const PRIVATE = 0o600;

export async function runDebrief(options: DebriefOptions, ctx: DebriefContext): Promise<DebriefResult> {
  const plan = await planOutput({
    command: 'debrief',
    formats: DEBRIEF_FORMATS,
    format: options.format,
    out: options.out,
    cwd: ctx.cwd,
    fallback: reportFallback(options.out, ctx.stdoutIsTTY),
  });
  const format = plan.format;
  if (options.template && format !== 'md' && format !== 'html') {
    throw new UsageError(`--template applies to --format md or html, not ${format}; drop --template or choose md/html`);
  }
  // A user's template is compiled before anything is read, so its errors come first and cheaply.
  const template = options.template ? await loadUserTemplate(options.template, format as 'md' | 'html') : undefined;
  const { debrief, workspace } = await gatherDebrief(options, ctx);
  if (options.adjusted) debrief.adjusted = await adjustmentFor(debrief, options, ctx);

  const out = outputFile(
    plan,
    defaultOutputName([debrief.candidate.slug, 'debrief'], format),
    // A PDF cannot go to a terminal: it goes into the candidate's folder.
    format === 'pdf' ? path.join(candidateDir(workspace, debrief.candidate.slug), 'debrief.pdf') : undefined,
  );
  // The terminal summary already shows the warnings; everything else gets them on stderr.
  if (format !== 'text' || out !== undefined) for (const w of debrief.warnings) ctx.stderr.write(stripTerminalControls(`hirekit: warning: ${w.message}\n`));
  const toTerminal = out === undefined;
  const content = await render(debrief, format, {
    template,
    // Colour only on the terminal (NO_COLOR and FORCE_COLOR respected); never in a file.
    colour: toTerminal ? colourFor(ctx.stdoutIsTTY, ctx.env) : colourFor(false, {}),
    width: toTerminal ? terminalWidth(ctx.columns) : 100,
    paper: options.paper ?? 'a4',
  });
  if (out === undefined) {
    ctx.stdout.write(typeof content === 'string' && format === 'text' ? safeForTerminal(content) : content);
    return { debrief, format };
  }
  // The default PDF lands in the candidate's folder: reached through real folders only, never a link out.
  if (options.out === undefined) await checkContained(workspace, out);
  await writeOutput(out, content, { mode: PRIVATE, stderr: ctx.stderr });
  ctx.stdout.write(`${out}\n`);
  return { debrief, format, file: out };
}

/** The candidate's adjusted scores, from a calibration of every submitted scorecard for the role. */
async function adjustmentFor(debrief: Debrief, options: DebriefOptions, ctx: DebriefContext): Promise<DebriefAdjustment> {
  const [{ gatherCalibration }, { debriefAdjustment, ADJUSTED_LABEL }] = await Promise.all([import('./calibrate.js'), import('../core/calibration/debrief-adjustment.js')]);
  const none: DebriefAdjustment = {
    label: ADJUSTED_LABEL,
    shown: false,
    reason: 'not shown: the candidate has no submitted scorecard rated on the scale',
    leans: [],
    dimensions: debrief.dimensions.map((x) => ({ id: x.id, name: x.name, raw: x.score, adjusted: null })),
    composite: { raw: debrief.policy.composite, adjusted: null },
    verdict: { raw: debrief.summary.verdict, adjusted: null },
  };
  if (debrief.panel.length === 0) return none;
  const { calibration } = await gatherCalibration({ role: debrief.role.id, rubrics: options.rubrics, ...(options.workspace ? { workspace: options.workspace } : {}) }, ctx);
  const role = calibration.roles.find((r) => r.role.id === debrief.role.id);
  const names = new Map(debrief.dimensions.map((x) => [x.id, x.name]));
  return (role && debriefAdjustment(role, debrief.candidate.slug, names, calibration.method.min_shared_candidates)) ?? none;
}

async function loadUserTemplate(file: string, format: 'md' | 'html'): Promise<LoadedTemplate> {
  const { loadTemplate } = await import('../render/templates.js');
  return loadTemplate(format, { file });
}

async function render(
  debrief: Debrief,
  format: DebriefFormat,
  how: { template: LoadedTemplate | undefined; colour: ChalkInstance; width: number; paper: Paper },
): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(debrief, null, 2)}\n`;
    case 'text': {
      const { renderDebriefText } = await import('../render/terminal/debrief.js');
      return renderDebriefText(debrief, how.colour, how.width);
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
