// `hirekit pack ROLE` and `hirekit pack --all --out DIR`: blank interview packs for recruiters, as PDF,
// Markdown or HTML, with candidate handouts beside them or inside them (--handouts).
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { GlobalOptions } from '../cli.js';
import { buildPack, type Handout, type Pack } from '../core/pack.js';
import type { Rubric } from '../core/rubric.js';
import { checkPersonName } from '../core/text-safety.js';
import { DataError, UsageError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { findRubric, loadCatalog } from '../io/rubrics.js';
import { unknownStage } from './unknown-stage.js';
import type { Paper } from '../render/pdf/document.js';
import type { LoadedTemplate, TemplateFormat } from '../render/templates.js';

export const PACK_FORMATS = ['pdf', 'md', 'html'] as const;
export type PackFormat = (typeof PACK_FORMATS)[number];

export interface PackOptions extends GlobalOptions {
  role?: string;
  all?: boolean;
  stages?: string[];
  candidate?: string;
  interviewer?: string;
  format?: string;
  out?: string;
  template?: string;
  handouts?: boolean;
  /** Page size of PDF packs and handouts; default A4. */
  paper?: Paper;
}

export interface PackDeps {
  cwd?: string;
  now?: () => Date;
  stdout?: NodeJS.WritableStream;
}

/** Writes the pack(s) and returns the paths written, pack first, then its handouts. */
export async function runPack(options: PackOptions, deps: PackDeps = {}): Promise<string[]> {
  const cwd = deps.cwd ?? process.cwd();
  const now = deps.now ?? (() => new Date());
  const stdout = deps.stdout ?? process.stdout;
  const request = checkOptions(options);
  const format = chooseFormat(options);
  const template = options.template ? await userTemplate(format, path.resolve(cwd, options.template)) : undefined;

  const jobs: Array<{ rubric: Rubric; out: string }> = [];
  if (options.all) {
    const dir = path.resolve(cwd, options.out ?? '');
    await refuseFile(dir);
    const catalog = await loadCatalog({ rubrics: options.rubrics });
    if (catalog.byId.size === 0) throw new DataError('no rubrics found; add a folder of rubrics with --rubrics DIR');
    for (const [id, loaded] of [...catalog.byId].sort(([a], [b]) => a.localeCompare(b))) {
      jobs.push({ rubric: loaded.rubric, out: path.join(dir, `${id}-pack.${format}`) });
    }
  } else {
    const { rubric } = await findRubric(request.role, { rubrics: options.rubrics });
    const out = path.resolve(cwd, options.out ?? `${rubric.role.id}-pack.${format}`);
    await refuseDirectory(out);
    jobs.push({ rubric, out });
  }

  const written: string[] = [];
  for (const { rubric, out } of jobs) {
    const stages = options.all ? [] : chosenStages(rubric, options.stages ?? []);
    const pack = buildPack(rubric, {
      stages,
      now: now(),
      ...(request.candidate ? { candidate: request.candidate } : {}),
      ...(request.interviewer ? { interviewer: request.interviewer } : {}),
    });
    for (const file of await writePack(pack, format, out, { inline: options.handouts ?? false, paper: options.paper ?? 'a4' }, template)) {
      written.push(file);
      stdout.write(`${file}\n`);
    }
  }
  return written;
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

const EXTENSIONS: Record<string, PackFormat> = { '.pdf': 'pdf', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html' };

/** --format wins; otherwise the extension of --template or --out says it; otherwise PDF. */
function chooseFormat(options: PackOptions): PackFormat {
  if (options.format !== undefined) {
    const format = options.format.toLowerCase();
    if (!(PACK_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`unknown format '${options.format}'; use --format pdf, md or html`);
    }
    if (format === 'pdf' && options.template) throw new UsageError('--template is for md and html packs; add --format md or --format html');
    const fromOut = !options.all && options.out ? EXTENSIONS[path.extname(options.out).toLowerCase()] : undefined;
    if (fromOut && fromOut !== format) {
      throw new UsageError(`--out ${options.out} looks like a .${fromOut} file but --format is ${format}; make them agree or drop --format`);
    }
    return format as PackFormat;
  }
  const fromTemplate = options.template ? templateFormat(options.template) : undefined;
  if (options.template && !fromTemplate) {
    throw new UsageError(`cannot tell whether ${options.template} is an HTML or Markdown template; name it *.html.hbs or *.md.hbs, or add --format`);
  }
  if (fromTemplate) return fromTemplate;
  if (!options.all && options.out) return EXTENSIONS[path.extname(options.out).toLowerCase()] ?? 'pdf';
  return 'pdf';
}

function templateFormat(file: string): TemplateFormat | undefined {
  const base = path.basename(file).toLowerCase().replace(/\.(hbs|handlebars)$/, '');
  const format = EXTENSIONS[path.extname(base)];
  return format === 'pdf' ? undefined : format;
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

async function refuseDirectory(out: string): Promise<void> {
  const info = await stat(out).catch(() => undefined);
  if (info?.isDirectory()) {
    throw new UsageError(`${out} is a folder; pass a file path to --out, e.g. ${path.join(out, 'pack.pdf')}`);
  }
}

async function refuseFile(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (info && !info.isDirectory()) throw new UsageError(`${dir} is a file; pack --all needs a folder for --out`);
}

async function writePack(
  pack: Pack,
  format: PackFormat,
  out: string,
  { inline, paper }: { inline: boolean; paper: Paper },
  template?: LoadedTemplate,
): Promise<string[]> {
  const handoutFile = (h: Handout): string => path.join(path.dirname(out), `${pack.role.id}-handout-${h.id}.${format}`);
  const separate = inline ? [] : pack.handouts;
  for (const h of separate) await refuseDirectory(handoutFile(h));
  if (format === 'pdf') {
    const { renderPackPdf, renderHandoutPdf } = await import('../render/pdf/pack.js');
    const { savePdf } = await import('../render/pdf/document.js');
    await savePdf(await renderPackPdf(pack, { handouts: inline, paper }), out);
    for (const h of separate) await savePdf(await renderHandoutPdf(h, paper), handoutFile(h));
  } else {
    const { loadTemplate } = await import('../render/templates.js');
    const packTemplate = template ?? (await loadTemplate(format, { builtin: 'pack' }));
    const handoutTemplate = separate.length > 0 ? await loadTemplate(format, { builtin: 'handout' }) : undefined;
    // The pack template draws the handouts itself, as separate pages, when handoutPages is true.
    await writeFileAtomic(out, packTemplate.render({ ...pack, handoutPages: inline }));
    for (const h of separate) await writeFileAtomic(handoutFile(h), handoutTemplate?.render(h) ?? '');
  }
  return [out, ...separate.map(handoutFile)];
}
