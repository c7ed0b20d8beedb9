// `hirekit pack ROLE` and `hirekit pack --all --out DIR`: blank interview packs for recruiters, as PDF,
// Markdown or HTML, with candidate handouts beside them or inside them (--handouts).
import path from 'node:path';
import { buildPack, type Handout, type Pack } from '../core/pack.js';
import type { Rubric } from '../core/rubric.js';
import { checkPersonName } from '../core/text-safety.js';
import { DataError, UsageError } from '../errors.js';
import { defaultOutputName, outputFile, planOutput, writeOutput, type OutputPlan } from '../io/output.js';
import { findRubric, loadCatalog, protectedTopicNotice, type LoadedRubric } from '../io/rubrics.js';
import { slugFor } from '../io/workspace.js';
import type { LoadedTemplate, TemplateFormat } from '../render/templates.js';
import type { CommandContext } from './context.js';
import { keepHeapTight } from './heap.js';
import { progressOn } from './progress.js';
import { PACK_FORMATS, type GlobalOptions, type Paper, type PackFormat } from './options.js';
import { unknownStage } from './unknown-stage.js';

export { PACK_FORMATS, type PackFormat } from './options.js';

export interface PackOptions extends GlobalOptions {
  role?: string;
  all?: boolean;
  stages?: string[];
  candidate?: string;
  interviewer?: string;
  format?: PackFormat;
  out?: string;
  template?: string;
  handouts?: boolean;
  /** Page size of PDF packs and handouts; default A4. */
  paper?: Paper;
}

type PackContext = Pick<CommandContext, 'cwd' | 'env' | 'now' | 'stdout' | 'stderr' | 'stderrIsTTY' | 'columns'>;

/** Writes the pack(s) and returns the paths written, pack first, then its handouts. */
export async function runPack(options: PackOptions, ctx: PackContext): Promise<string[]> {
  const request = checkOptions(options);
  const plan = await planOutput({
    command: options.all ? 'pack --all' : 'pack',
    formats: PACK_FORMATS,
    format: chooseFormat(options),
    formatFlag: options.format === undefined && options.template ? '--template' : '--format',
    out: options.out,
    cwd: ctx.cwd,
    fallback: 'pdf',
    folderOnly: options.all === true,
  });
  const format = plan.format;
  const template = options.template ? await userTemplate(format, path.resolve(ctx.cwd, options.template)) : undefined;

  const jobs: Array<{ loaded: LoadedRubric; rubric: Rubric; stages: string[] }> = [];
  if (options.all) {
    const catalog = await loadCatalog({ rubrics: options.rubrics, env: ctx.env });
    if (catalog.byId.size === 0) throw new DataError('no rubrics found; add a folder of rubrics with --rubrics DIR');
    for (const [, loaded] of [...catalog.byId].sort(([a], [b]) => a.localeCompare(b))) jobs.push({ loaded, rubric: loaded.rubric, stages: [] });
  } else {
    const loaded = await findRubric(request.role, { rubrics: options.rubrics, env: ctx.env });
    jobs.push({ loaded, rubric: loaded.rubric, stages: chosenStages(loaded.rubric, options.stages ?? []) });
  }
  for (const { loaded } of jobs) {
    const notice = protectedTopicNotice(loaded);
    if (notice) ctx.stderr.write(notice);
  }

  if (format === 'pdf' && jobs.length > 1) await keepHeapTightForPdfs();

  const written: string[] = [];
  const progress = progressOn(ctx, jobs.length);
  for (const [index, { rubric, stages }] of jobs.entries()) {
    progress.step(index + 1, `pack for ${rubric.role.title}`);
    const pack = buildPack(rubric, {
      stages,
      now: ctx.now(),
      ...(request.candidate ? { candidate: request.candidate } : {}),
      ...(request.interviewer ? { interviewer: request.interviewer } : {}),
    });
    const names = packNames(rubric, stages, request, format);
    const out = outputFile(plan, names.pack, path.resolve(ctx.cwd, names.pack)) ?? names.pack;
    const files = await writePack(pack, plan, out, names, { inline: options.handouts ?? false, paper: options.paper ?? 'a4' }, ctx, template);
    progress.clear();
    for (const file of files) {
      written.push(file);
      ctx.stdout.write(`${file}\n`);
    }
  }
  return written;
}

/**
 * Default file names carry what makes two packs differ (role, the stages chosen, the pre-filled candidate
 * and interviewer), so packs for two candidates or two stages never take each other's place.
 */
function packNames(rubric: Rubric, stages: readonly string[], request: { candidate?: string; interviewer?: string }, format: PackFormat): { pack: string; handout: (h: Handout) => string } {
  const wholeLoop = stages.length === 0 || stages.length === rubric.loop.length;
  const candidate = request.candidate ? slugFor(request.candidate) : undefined;
  const interviewer = request.interviewer ? slugFor(request.interviewer) : undefined;
  return {
    pack: defaultOutputName([rubric.role.id, ...(wholeLoop ? [] : stages), candidate, interviewer, 'pack'], format),
    handout: (h) => defaultOutputName([rubric.role.id, 'handout', h.id, candidate], format),
  };
}

function checkOptions(options: PackOptions): { role: string; candidate?: string; interviewer?: string } {
  if (options.all && options.role) throw new UsageError(`pass either a role or --all, not both; try hirekit pack ${options.role}`);
  if (options.all && (options.stages ?? []).length > 0) throw new UsageError('--stage picks stages of one role; it cannot be combined with --all');
  if (options.all && !options.out) throw new UsageError('pack --all writes one pack per role; name a folder with --out DIR');
  if (!options.all && !options.role) throw new UsageError('name a role, e.g. hirekit pack head-of-ml, or use --all --out DIR; see hirekit roles');
  const name = (flag: string, value: string | undefined): string | undefined => {
    if (value === undefined) return undefined;
    if (!value.trim()) throw new UsageError(`${flag} needs a name, e.g. ${flag} "Zoë Łukasz"`);
    const problem = checkPersonName(value, flag === '--candidate' ? 'candidate' : 'interviewer');
    if (problem) throw new UsageError(`${flag}: ${problem}`);
    return value.replace(/\s+/g, ' ').trim();
  };
  const candidate = name('--candidate', options.candidate);
  const interviewer = name('--interviewer', options.interviewer);
  return { role: options.role ?? '', ...(candidate ? { candidate } : {}), ...(interviewer ? { interviewer } : {}) };
}

const TEMPLATE_EXTENSIONS: Record<string, TemplateFormat> = { '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html' };

/** --format, else what --template's name says; the --out extension is weighed by planOutput. */
function chooseFormat(options: PackOptions): PackFormat | undefined {
  if (options.format !== undefined) {
    const format = String(options.format).toLowerCase();
    if (!(PACK_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`unknown format '${options.format}'; use --format pdf, md or html`);
    }
    if (format === 'pdf' && options.template) throw new UsageError('--template is for md and html packs; add --format md or --format html');
    return format as PackFormat;
  }
  const fromTemplate = options.template ? templateFormat(options.template) : undefined;
  if (options.template && !fromTemplate) {
    throw new UsageError(`cannot tell whether ${options.template} is an HTML or Markdown template; name it *.html.hbs or *.md.hbs, or add --format`);
  }
  return fromTemplate;
}

function templateFormat(file: string): TemplateFormat | undefined {
  const base = path.basename(file).toLowerCase().replace(/\.(hbs|handlebars)$/, '');
  return TEMPLATE_EXTENSIONS[path.extname(base)];
}

async function userTemplate(format: PackFormat, file: string): Promise<LoadedTemplate> {
  if (format === 'pdf') throw new UsageError('--template is for md and html packs; add --format md or --format html');
  const { loadTemplate } = await import('../render/templates.js');
  return loadTemplate(format, { file });
}

/** Stage ids in loop order; an unknown id is a usage error that lists the role's stages. */
function chosenStages(rubric: Rubric, wanted: readonly string[]): string[] {
  const known = rubric.loop.map((s) => s.id);
  for (const id of wanted) if (!known.includes(id)) throw unknownStage(rubric, id);
  return known.filter((id) => wanted.includes(id));
}

async function writePack(
  pack: Pack,
  plan: OutputPlan<PackFormat>,
  out: string,
  names: { handout: (h: Handout) => string },
  { inline, paper }: { inline: boolean; paper: Paper },
  ctx: Pick<CommandContext, 'stderr'>,
  template?: LoadedTemplate,
): Promise<string[]> {
  const handoutFile = (h: Handout): string => path.join(path.dirname(out), names.handout(h));
  const separate = inline ? [] : pack.handouts;
  const write = (file: string, content: string | Uint8Array): Promise<void> => writeOutput(file, content, { stderr: ctx.stderr });
  if (plan.format === 'pdf') {
    const { renderPackPdf, renderHandoutPdf } = await import('../render/pdf/pack.js');
    await write(out, await (await renderPackPdf(pack, { handouts: inline, paper })).bytes());
    for (const h of separate) await write(handoutFile(h), await (await renderHandoutPdf(h, paper)).bytes());
  } else {
    const { loadTemplate } = await import('../render/templates.js');
    const packTemplate = template ?? (await loadTemplate(plan.format, { builtin: 'pack' }));
    const handoutTemplate = separate.length > 0 ? await loadTemplate(plan.format, { builtin: 'handout' }) : undefined;
    // The pack template draws the handouts itself, as separate pages, when handoutPages is true.
    await write(out, packTemplate.render({ ...pack, handoutPages: inline }));
    for (const h of separate) await write(handoutFile(h), handoutTemplate?.render(h) ?? '');
  }
  return [out, ...separate.map(handoutFile)];
}

/**
 * A run of several packs keeps its heap tight (./heap.ts), from the moment the PDF modules are loaded: loading
 * them first keeps their code cache, which V8 refuses under flags other than those it was made with.
 */
async function keepHeapTightForPdfs(): Promise<void> {
  const [{ loadFontkit, loadPdfkit }] = await Promise.all([import('../render/pdf/pdf-modules.js'), import('../render/pdf/pack.js')]);
  loadFontkit();
  loadPdfkit();
  keepHeapTight();
}
