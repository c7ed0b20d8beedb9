// The command chunks and the PDF libraries are compiled from V8's code cache made at build time
// (src/io/code-cache.ts, scripts/code-cache.mjs). The cache only saves time: with it, without it,
// or with one that does not fit, the debrief PDF is the same, byte for byte but for its creation date.
// Each case runs the built package, copied with its cache file replaced, in a fresh process.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, symlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCodeCache, readCodeCache, type CodeCacheCounts } from '../../src/io/code-cache.js';
import { BIN, ROOT, tempDir } from '../helpers/cli.js';

const { dir, cleanup } = tempDir('hirekit-code-cache-');
afterAll(cleanup);

const CACHE = path.join('dist', 'code-cache', 'hirekit.bin');
const RUNNER = path.join(dir, 'run.cjs');
let built: Buffer;
let reference: Buffer;
let everything: CodeCacheCounts;

/** A copy of the built package (its node_modules linked) whose cache file is `cache`, or none. */
function packageWith(name: string, cache: Buffer | undefined, change?: (pkg: string) => void): string {
  const pkg = path.join(dir, name);
  for (const part of ['bin', 'dist', 'rubrics', 'templates', 'package.json']) cpSync(path.join(ROOT, part), path.join(pkg, part), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'), 'dir');
  rmSync(path.join(pkg, CACHE));
  if (cache) writeFileSync(path.join(pkg, CACHE), cache);
  change?.(pkg);
  return pkg;
}

/** The demo debrief made by the package in a fresh process, and what its code cache did. */
function debrief(pkg: string): { pdf: Buffer; counts: CodeCacheCounts } {
  const out = path.join(pkg, 'debrief.pdf');
  const countsFile = path.join(pkg, 'counts.json');
  const result = spawnSync(process.execPath, [RUNNER, pkg, countsFile, '-w', path.join(dir, 'demo', 'hiring'), 'debrief', 'Zoë Łukasz', '--out', out], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return { pdf: readFileSync(out), counts: JSON.parse(readFileSync(countsFile, 'utf8')) as CodeCacheCounts };
}

/** The PDF's bytes with its creation date blanked, and its /ID, which pdfkit makes from that date. */
const undated = (pdf: Buffer): string =>
  pdf
    .toString('latin1')
    .replace(/\(D:\d{14}Z\)/g, '(D:)')
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, '/ID []');

beforeAll(() => {
  const demo = spawnSync(process.execPath, [BIN, 'demo', 'demo'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  expect(demo.status).toBe(0);
  // bin/hirekit.js's main(), then the cache's counts written where the test reads them.
  writeFileSync(
    RUNNER,
    [
      "const [pkg, countsFile, ...args] = process.argv.slice(2);",
      "const { main, modules } = require(require('node:path').join(pkg, 'dist', 'bundle', 'main.cjs'));",
      "process.argv = [process.argv[0], require('node:path').join(pkg, 'bin', 'hirekit.js'), ...args];",
      "process.on('exit', () => require('node:fs').writeFileSync(countsFile, JSON.stringify(modules['io/code-cache.js'].codeCacheCounts())));",
      'main();',
    ].join('\n'),
  );
  built = readFileSync(path.join(ROOT, CACHE));
  const without = debrief(packageWith('without', undefined));
  expect(without.counts).toEqual({ used: 0, rejected: 0 });
  reference = without.pdf;
  const withCache = debrief(packageWith('with', built));
  everything = withCache.counts;
  expect(undated(withCache.pdf)).toBe(undated(reference));
}, 180_000);

describe('the code cache', () => {
  it('compiles the chunks and libraries of a debrief from the built cache, none refused', () => {
    // The debrief's command chunks and pdfkit, fontkit, restructure, linebreak... (about fifty files).
    expect(everything.used).toBeGreaterThan(30);
    expect(everything.rejected).toBe(0);
  });

  it('without a cache file every module compiles as usual (the reference above): the same PDF', () => {
    expect(undated(reference)).toContain('%PDF-');
  });

  it('ignores a truncated cache file', () => {
    const { pdf, counts } = debrief(packageWith('truncated', built.subarray(0, Math.floor(built.length / 2))));
    expect(counts).toEqual({ used: 0, rejected: 0 });
    expect(undated(pdf)).toBe(undated(reference));
  });

  it('uses no entry whose bytes were damaged (V8 would not notice)', () => {
    const damaged = Buffer.from(built);
    const headerLength = damaged.readUInt32LE('hirekit-code-cache-1\n'.length);
    const start = 'hirekit-code-cache-1\n'.length + 4 + headerLength;
    const header = JSON.parse(damaged.toString('utf8', start - headerLength, start)) as { entries: Array<{ offset: number; length: number }> };
    for (const { offset, length } of header.entries) damaged[start + offset + Math.floor(length / 2)]! ^= 0xff;
    const { pdf, counts } = debrief(packageWith('damaged', damaged));
    expect(counts).toEqual({ used: 0, rejected: 0 });
    expect(undated(pdf)).toBe(undated(reference));
  });

  it("compiles a module from scratch when V8 refuses its entry (another source's data)", () => {
    const entries = [...readCodeCache(path.join(ROOT, CACHE))];
    // Each source's SHA-1 given the next one's data: whole and well-formed, but made from another text.
    const swapped = encodeCodeCache(entries.map(([key], i) => [key, entries[(i + 1) % entries.length]![1]]));
    const { pdf, counts } = debrief(packageWith('swapped', swapped));
    expect(counts.used).toBe(0);
    expect(counts.rejected).toBe(everything.used);
    expect(undated(pdf)).toBe(undated(reference));
  });

  it('reads no cache made by another Node version', () => {
    const other = Buffer.from(built.toString('latin1').replace(`"node":"${process.version}"`, `"node":"${process.version.replace(/\d$/, (d) => String((Number(d) + 1) % 10))}"`), 'latin1');
    expect(other.equals(built)).toBe(false);
    const { pdf, counts } = debrief(packageWith('other-node', other));
    expect(counts).toEqual({ used: 0, rejected: 0 });
    expect(undated(pdf)).toBe(undated(reference));
  });

  it('compiles a changed file from its new source, and the others from the cache', () => {
    const { pdf, counts } = debrief(packageWith('changed', built, (pkg) => appendFileSync(path.join(pkg, 'dist', 'bundle', 'debrief.cjs'), '\n// changed after the build\n')));
    expect(counts).toEqual({ used: everything.used - 1, rejected: 0 });
    expect(undated(pdf)).toBe(undated(reference));
  });

  it('serves pack --all, which tightens the heap with a V8 flag once its modules are loaded (src/commands/heap.ts)', () => {
    // Set before they load, the flag would get every entry refused: V8 stamps the flags into its cache.
    const pkg = path.join(dir, 'with');
    const countsFile = path.join(pkg, 'pack-counts.json');
    const result = spawnSync(process.execPath, [RUNNER, pkg, countsFile, 'pack', '--all', '--out', `${path.join(pkg, 'packs')}/`], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(result.status).toBe(0);
    const counts = JSON.parse(readFileSync(countsFile, 'utf8')) as CodeCacheCounts;
    // Refused: only the few modules a PDF loads on first use, later (pdf-modules.ts's stand-ins).
    expect(counts.used).toBeGreaterThan(30);
    expect(counts.rejected).toBeLessThan(counts.used / 5);
  });
});
