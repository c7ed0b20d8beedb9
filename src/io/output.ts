// The one output writer: every command that writes a file the user asked for (pack, debrief, compare, demo
// and every later one) decides its format and destination here, before any work, and writes through here.
//
//   const plan = await planOutput({ command: 'pack', formats: ['pdf', 'md', 'html'], format, out, cwd, fallback: 'pdf' });
//   const file = outputFile(plan, defaultOutputName(['head-of-ml', 'pack'], plan.format));
//   await writeOutput(file, bytes, { stderr });
//
// The rules (also in README.md, "Where output goes"):
// - The format is --format, else the extension of --out, else the command's default. An extension the
//   command does not write (.docx, .xlsx) or one that contradicts --format is a usage
//   error (exit 2), raised before anything is read or rendered.
// - --out ending in "/" or naming an existing folder means "into this folder", under the default name, which
//   carries what tells outputs apart (role, stage, candidate); a missing folder is created. Commands that
//   write several files (pack --all) need a folder and refuse a file name.
// - Only regular files are written: a device, FIFO, socket or symbolic link at the path is refused, so even
//   as root `--out /dev/null` never replaces /dev/null.
// - An existing regular file is replaced, and stderr says so: re-running a command refreshes its output.
// - Writing is atomic (io/atomic.ts): the path holds the old file or the whole new one, never part of one;
//   a file-system failure is one plain line (io/fs-error.ts).
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from './atomic.js';
import { describeFsError } from './fs-error.js';

/** Every format hirekit writes somewhere; each command writes a subset. */
export type OutputFormat = 'pdf' | 'md' | 'html' | 'json' | 'text' | 'yaml' | 'csv';

/** File extensions hirekit recognises, and the format each means. The one table for every command. */
const FORMAT_OF_EXTENSION: Readonly<Record<string, OutputFormat>> = {
  '.pdf': 'pdf',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.txt': 'text',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.csv': 'csv',
};

/** The extension a file of each format is given. */
export const EXTENSION_OF_FORMAT: Readonly<Record<OutputFormat, string>> = { pdf: '.pdf', md: '.md', html: '.html', json: '.json', text: '.txt', yaml: '.yaml', csv: '.csv' };

/** The format a file name's extension stands for, if hirekit writes it at all. */
export function formatOfExtension(file: string): OutputFormat | undefined {
  return FORMAT_OF_EXTENSION[path.extname(file).toLowerCase()];
}

export interface OutputRequest<F extends OutputFormat> {
  /** The command, for messages: "pack". */
  command: string;
  /** The formats this command writes. */
  formats: readonly F[];
  /** The format asked for (--format, or what the command derives from e.g. --template). */
  format?: F | undefined;
  /** How the format was asked for, for messages; default "--format". */
  formatFlag?: string;
  /** --out as typed. */
  out?: string | undefined;
  cwd: string;
  /** The format when neither --format nor the --out extension says. */
  fallback: F;
  /** The command writes several files: --out must be a folder. */
  folderOnly?: boolean;
}

export type OutputTarget =
  /** No --out: the command prints, or chooses its own place. */
  | { kind: 'none' }
  | { kind: 'file'; file: string }
  | { kind: 'folder'; dir: string };

export interface OutputPlan<F extends OutputFormat> {
  format: F;
  target: OutputTarget;
}

/**
 * The fallback of a report a committee reads (debrief, calibrate): a file defaults to PDF; printed, a terminal
 * gets the readable summary and a pipe gets JSON, which is what a script wants.
 */
export function reportFallback(out: string | undefined, stdoutIsTTY: boolean): 'pdf' | 'text' | 'json' {
  return out !== undefined ? 'pdf' : stdoutIsTTY ? 'text' : 'json';
}

/** Decides the format and where it goes, or refuses with a usage error; reads nothing but the --out path. */
export async function planOutput<F extends OutputFormat>(request: OutputRequest<F>): Promise<OutputPlan<F>> {
  const { command, formats, out } = request;
  const flag = request.formatFlag ?? '--format';
  const list = listOf(formats);
  if (out === undefined || out === '') {
    if (request.folderOnly) throw new UsageError(`${command} writes several files; name a folder with --out DIR/`);
    return { format: request.format ?? request.fallback, target: { kind: 'none' } };
  }
  const resolved = path.resolve(request.cwd, out);
  const existing = await lstat(resolved).catch(() => undefined);
  const extension = path.extname(out).toLowerCase();
  // For a command that writes several files, a new path without an extension can only mean a folder.
  const isFolder = existing?.isDirectory() === true || /[/\\]$/.test(out) || (request.folderOnly === true && !existing && extension === '');
  if (isFolder) return { format: request.format ?? request.fallback, target: { kind: 'folder', dir: resolved } };

  if (request.folderOnly) {
    throw new UsageError(`${command} writes several files, so --out needs a folder, not the file name ${out}; try --out ${folderSuggestion(out)}`);
  }
  const fromExtension = extension === '' ? undefined : FORMAT_OF_EXTENSION[extension];
  if (extension !== '' && (fromExtension === undefined || !(formats as readonly string[]).includes(fromExtension))) {
    throw new UsageError(`--out ${out}: hirekit ${command} does not write ${extension} files; it writes ${list} (name the file accordingly or choose with --format)`);
  }
  if (request.format !== undefined && fromExtension !== undefined && fromExtension !== request.format) {
    throw new UsageError(`--out ${out} looks like a ${extension} file but ${flag} is ${request.format}; make them agree or drop ${flag}`);
  }
  await refuseSpecialFile(resolved, existing);
  return { format: request.format ?? (fromExtension as F | undefined) ?? request.fallback, target: { kind: 'file', file: resolved } };
}

/** The file to write for a plan: --out itself, the default name inside the --out folder, or `otherwise`. */
export function outputFile(plan: OutputPlan<OutputFormat>, defaultName: string, otherwise?: string): string | undefined {
  switch (plan.target.kind) {
    case 'file':
      return plan.target.file;
    case 'folder':
      return path.join(plan.target.dir, defaultName);
    case 'none':
      return otherwise;
  }
}

/**
 * A default file name from the parts that tell outputs apart, e.g. ['head-of-ml', 'screen', 'zoe-lukasz',
 * 'pack'] -> head-of-ml-screen-zoe-lukasz-pack.pdf. Parts are ids or slugs already; empty ones are dropped.
 */
export function defaultOutputName(parts: ReadonlyArray<string | undefined>, format: OutputFormat): string {
  return `${parts.filter((p): p is string => Boolean(p)).join('-')}${EXTENSION_OF_FORMAT[format]}`;
}

export interface WriteOutputOptions {
  /** File mode of a new file; 0o600 for anything quoting what interviewers wrote about a person. */
  mode?: number;
  /** Where "replaced FILE" is said. */
  stderr: { write(text: string): unknown };
}

/** Writes one output file atomically, refusing anything but a regular file at the path. */
export async function writeOutput(file: string, content: string | Uint8Array, options: WriteOutputOptions): Promise<void> {
  const existing = await lstat(file).catch(() => undefined);
  if (existing?.isDirectory()) throw new UsageError(`${file}: is a folder; end --out with / to write into it, or name a file`);
  await refuseSpecialFile(file, existing);
  try {
    await writeFileAtomic(file, content, options.mode === undefined ? {} : { mode: options.mode });
  } catch (error) {
    throw describeFsError(error, file, 'written', 'choose another --out or free the path');
  }
  if (existing) options.stderr.write(`hirekit: replaced ${file}\n`);
}

async function refuseSpecialFile(file: string, known?: Awaited<ReturnType<typeof lstat>>): Promise<void> {
  const info = known ?? (await lstat(file).catch(() => undefined));
  if (!info || info.isFile() || info.isDirectory()) return;
  const what = info.isSymbolicLink()
    ? 'a symbolic link'
    : info.isFIFO()
      ? 'a FIFO (named pipe)'
      : info.isSocket()
        ? 'a socket'
        : info.isCharacterDevice() || info.isBlockDevice()
          ? 'a device'
          : 'not a regular file';
  throw new UsageError(`${file}: is ${what}; hirekit writes only regular files, so name a file or a folder for --out`);
}

function listOf(formats: readonly string[]): string {
  return formats.length <= 1 ? (formats[0] ?? '') : `${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]}`;
}

function folderSuggestion(out: string): string {
  const dir = path.dirname(out);
  return dir === '.' ? './' : `${dir}/`;
}
