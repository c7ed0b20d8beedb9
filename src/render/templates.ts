// Handlebars templates for the HTML and Markdown renderings of packs and debriefs.
//
//   const template = await loadTemplate('html', { builtin: 'pack' });        // templates/pack.html.hbs
//   const template = await loadTemplate('md', { file: 'my/pack.md.hbs' });    // a user's copy (--template)
//   const text = template.render(pack);                                       // throws DataError FILE:LINE:COL
//
// Two separate handlebars instances, loaded lazily:
//   html  escapes every {{value}} (the default); helpers: eq, join, inc, lines (escaped text with line breaks)
//   md    noEscape, so Markdown is written as is; rubric text must go through {{md x}} (escapes Markdown
//         metacharacters and raw HTML) or {{cell x}} (the same on one line, for table cells)
// Both compile in strict mode (a misspelt field is an error, not an empty string) with knownHelpersOnly,
// and compile when loaded, not on first render as compile() would: a broken template fails up front with one
// line `FILE:LINE:COL  what is wrong`.
//
// The built-in templates are precompiled by `npm run build` (scripts/precompile-templates.mjs) into
// dist/templates/<name>.<format>.cjs, keyed by the sha256 of the .hbs text, the compile options and the
// handlebars version. Loading one then needs only the handlebars runtime, not its compiler (parser, code
// generator, source maps: some 80 ms of a Markdown debrief). A built-in file whose text no longer matches its
// key (an edited installed copy, a stale or missing dist) is compiled from its text, so output is never stale.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { DataError } from '../errors.js';
import { templateError } from './template-errors.js';

export type TemplateFormat = 'html' | 'md';

export type TemplateSource = { builtin: string } | { file: string };

export interface LoadedTemplate {
  file: string;
  format: TemplateFormat;
  /** True when built from the spec precompiled at build time, false when compiled from the text now. */
  precompiled: boolean;
  render(context: object): string;
}

/** Where the built-in templates live: <package>/templates, both from src/render and dist/render. */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/** dist/templates/, where the build puts the precompiled built-in templates: from dist/render and dist/bundle
 * alike; under src/ it does not exist, so tests from the sources compile the text unless they name a folder. */
export const PRECOMPILED_TEMPLATES = fileURLToPath(new URL('../templates/', import.meta.url));

const MAX_TEMPLATE_BYTES = 512 * 1024;

/** Characters that start Markdown syntax or raw HTML anywhere in a line, escaped with a backslash. */
const MD_INLINE = /[\\`*_[\]<>#|~]/g;

/** Escapes rubric text for Markdown so it reads as the same words, never as markup. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(MD_INLINE, (c) => `\\${c}`)
    .split('\n')
    .map((line) =>
      line
        // Leading spaces would make an indented code block; a leading "- ", "+ " or "1. " a list item,
        // and a line of - or = a rule or a heading underline.
        .trimStart()
        .replace(/^([-+])(?=\s|$)/, '\\$1')
        .replace(/^(?=[-=]{2,}\s*$)/, '\\')
        .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2'),
    )
    .join('\n');
}

/** Markdown for a table cell: escaped, on one line (a newline would end the table row). */
export function escapeMarkdownCell(text: string): string {
  return escapeMarkdown(text.replace(/\s*\n\s*/g, ' '));
}

type Handlebars = typeof import('handlebars');

/** The handlebars runtime renders precompiled specs; the compiler (which includes a runtime) compiles text. */
type HandlebarsBuild = 'runtime' | 'compiler';

const instances: Partial<Record<HandlebarsBuild, Promise<Record<TemplateFormat, Handlebars>>>> = {};

async function handlebarsFor(format: TemplateFormat, build: HandlebarsBuild): Promise<Handlebars> {
  instances[build] ??= (
    build === 'runtime'
      ? // handlebars/runtime's own typings declare no exports; its default export is a runtime-only Handlebars.
        (import('handlebars/runtime.js') as unknown as Promise<{ default: Handlebars }>)
      : import('handlebars')
  ).then(({ default: handlebars }) => withHelpers(handlebars));
  return (await instances[build])[format];
}

function withHelpers(handlebars: Handlebars): Record<TemplateFormat, Handlebars> {
  const html = handlebars.create();
  const md = handlebars.create();
  for (const hb of [html, md]) {
    hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    hb.registerHelper('inc', (n: number) => n + 1);
    // {{#times n}}...{{/times}}: the block n times, e.g. a scoring sheet's ruled evidence lines.
    hb.registerHelper('times', function (this: unknown, n: unknown, options: { fn(context: unknown): string }) {
      const count = Math.max(0, Math.min(50, Math.floor(Number(n) || 0)));
      return Array.from({ length: count }, () => options.fn(this)).join('');
    });
    hb.registerHelper('join', (items: unknown, separator: unknown) =>
      Array.isArray(items) ? items.map(String).join(typeof separator === 'string' ? separator : ', ') : '',
    );
  }
  html.registerHelper('lines', (text: unknown) => {
    const escaped = html.escapeExpression(String(text ?? ''));
    return new html.SafeString(escaped.replace(/\r?\n/g, '<br>\n'));
  });
  md.registerHelper('md', (text: unknown) => escapeMarkdown(String(text ?? '')));
  md.registerHelper('cell', (text: unknown) => escapeMarkdownCell(String(text ?? '')));
  return { html, md };
}

const KNOWN_HELPERS: Record<TemplateFormat, Record<string, true>> = {
  html: { eq: true, inc: true, join: true, lines: true, times: true },
  md: { eq: true, inc: true, join: true, md: true, cell: true, times: true },
};

/** The options every template is compiled with, at build time and at run time alike. */
export function compileOptions(format: TemplateFormat) {
  // data: true is compile()'s default, written out because compileNow() calls the stages compile() would.
  return { strict: true, knownHelpers: KNOWN_HELPERS[format], knownHelpersOnly: true, noEscape: format === 'md', data: true };
}

export async function loadTemplate(format: TemplateFormat, source: TemplateSource): Promise<LoadedTemplate> {
  if ('builtin' in source) return loadBuiltinTemplate(format, source.builtin);
  return compileTemplate(format, source.file, await readTemplateText(source.file));
}

/**
 * A built-in template: from its precompiled spec when that was made from this very text, these options and
 * this handlebars version; compiled from the text otherwise. The folders are parameters for tests.
 */
export async function loadBuiltinTemplate(
  format: TemplateFormat,
  name: string,
  where: { templates: string; precompiled: string } = { templates: BUILTIN_TEMPLATES, precompiled: PRECOMPILED_TEMPLATES },
): Promise<LoadedTemplate> {
  const file = path.join(where.templates, `${name}.${format}.hbs`);
  const text = await readTemplateText(file);
  const stored = storedTemplate(path.join(where.precompiled, `${name}.${format}.cjs`));
  if (stored && stored.sha256 === textDigest(text) && stored.options === JSON.stringify(compileOptions(format))) {
    const hb = await handlebarsFor(format, 'runtime');
    if (stored.handlebars === hb.VERSION) return loadedTemplate(file, format, text, hb.template(stored.spec), true);
  }
  return compileTemplate(format, file, text);
}

/** Compiles a template text now, so syntax errors and unknown helpers surface before anything is rendered. */
export async function compileTemplate(format: TemplateFormat, file: string, text: string): Promise<LoadedTemplate> {
  const hb = await handlebarsFor(format, 'compiler');
  let template: HandlebarsTemplateDelegate;
  try {
    template = compileNow(hb, text, compileOptions(format));
  } catch (error) {
    throw new DataError(templateError(file, text, error));
  }
  return loadedTemplate(file, format, text, template, false);
}

/** The stages hb.compile() runs lazily on first render (handlebars' compileInput), typed for compileNow. */
interface CompilerStages {
  Compiler: new () => { compile(ast: hbs.AST.Program, options: object): unknown };
  JavaScriptCompiler: new () => { compile(environment: unknown, options: object, context: undefined, asObject: true): TemplateSpecification };
}

/**
 * hb.compile() parses and generates code only on first render, and hb.precompile() makes source text (with
 * source maps) that would still need compiling. Running compile()'s own stages now parses the text once and
 * fails here, with the same errors and the same template function as compile() would give.
 */
function compileNow(hb: Handlebars, text: string, options: ReturnType<typeof compileOptions>): HandlebarsTemplateDelegate {
  const stages = hb as unknown as CompilerStages;
  // compile() hands parse() all of its options (whitespace control reads ignoreStandalone from them).
  const ast = hb.parse(text, options as Parameters<Handlebars['parse']>[1]);
  const environment = new stages.Compiler().compile(ast, options);
  return hb.template(new stages.JavaScriptCompiler().compile(environment, options, undefined, true));
}

function loadedTemplate(file: string, format: TemplateFormat, text: string, template: HandlebarsTemplateDelegate, precompiled: boolean): LoadedTemplate {
  return {
    file,
    format,
    precompiled,
    render(context: object): string {
      try {
        return template(context);
      } catch (error) {
        throw new DataError(templateError(file, text, error));
      }
    },
  };
}

/** What scripts/precompile-templates.mjs writes for one built-in template, and how it is found again. */
interface StoredTemplate {
  format: typeof PRECOMPILED_FORMAT;
  sha256: string;
  options: string;
  handlebars: string;
  spec: TemplateSpecification;
}

const PRECOMPILED_FORMAT = 'hirekit-precompiled-template/1';

function textDigest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function storedTemplate(file: string): StoredTemplate | undefined {
  try {
    const stored = createRequire(import.meta.url)(file) as Partial<StoredTemplate>;
    return stored.format === PRECOMPILED_FORMAT ? (stored as StoredTemplate) : undefined;
  } catch {
    // Missing (no build, running from the sources) or unreadable: the text is compiled instead.
    return undefined;
  }
}

/**
 * The CommonJS module the build writes to dist/templates/<name>.<format>.cjs for a built-in template: the
 * precompiled spec with the key it is valid for. A template that does not compile fails the build.
 */
export async function precompiledTemplateModule(format: TemplateFormat, file: string, text: string): Promise<string> {
  const hb = await handlebarsFor(format, 'compiler');
  // The key first: precompile() adds handlebars' own helpers to the options object it is given.
  const key = { format: PRECOMPILED_FORMAT, sha256: textDigest(text), options: JSON.stringify(compileOptions(format)), handlebars: hb.VERSION };
  let spec: string;
  try {
    spec = hb.precompile(text, compileOptions(format)) as string;
  } catch (error) {
    throw new DataError(templateError(file, text, error));
  }
  const fields = Object.entries(key).map(([name, value]) => `  ${name}: ${JSON.stringify(value)},\n`);
  return `// Generated by scripts/precompile-templates.mjs from ${path.basename(file)}; do not edit.\n'use strict';\nmodule.exports = {\n${fields.join('')}  spec: ${spec},\n};\n`;
}

async function readTemplateText(file: string): Promise<string> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DataError(`${file}: no such template file; check the path given to --template`);
    throw new DataError(`${file}: cannot be read (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? 'unknown error')}); check the path given to --template`);
  }
  if (!info.isFile()) throw new DataError(`${file}: is not a file; pass a handlebars template such as pack.html.hbs`);
  if (info.size > MAX_TEMPLATE_BYTES) throw new DataError(`${file}: is larger than 512 KiB; a template should be much smaller`);
  // stat needs no read permission: a template the user may not read fails only here.
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new DataError(`${file}: cannot be read (${error.code === 'EACCES' || error.code === 'EPERM' ? 'permission denied' : (error.code ?? 'unknown error')}); check the file's permissions`);
  });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DataError(`${file}: is not valid UTF-8 text; save the template as UTF-8`);
  }
}
