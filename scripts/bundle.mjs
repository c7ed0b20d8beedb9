// Part of `npm run build`: bundles the compiled CLI (dist/*.js, from tsc) into dist/bundle/, which
// bin/hirekit.js runs. Start-up is mostly module loading, so it is made as cheap as node allows:
//
// - The start-up path (main, cli, commander and what they import statically) is ONE CommonJS file,
//   dist/bundle/main.cjs: one file instead of about twenty, and CommonJS because node starts its ES module
//   loader only when an ES module is loaded, which costs `hirekit --help` some 5-10 ms on its own.
// - Each command is loaded on demand, split into chunks, so --help never loads pdfkit, inquirer, handlebars, zod
//   or yaml. esbuild splits ES modules only, so the chunks are built as ES modules, then each is turned into
//   CommonJS (name.cjs): Node 20 keeps no compiled code of an ES module, but a CommonJS file can be compiled
//   from V8's code cache, which `npm run build` makes for them (scripts/code-cache.mjs,
//   src/io/code-cache.ts). import() of a package stays a real import() (it may be an ES module), made
//   by dist/bundle/dynamic-import.cjs: code compiled from a code cache cannot call import() itself.
// - A module in the start-up file must exist once per process: an error class a command throws is told by
//   report.ts with instanceof, and the temp files of writes under way (io/temps-in-flight.ts) and fonts.ts's
//   warnings live in module state. So the chunks never bundle a start-up module again: each import of one is
//   replaced by a small bridge that takes its exports from main.cjs (which exports the modules it holds, as
//   `modules`). The build fails if a module ends up in both, or if a start-up module exports a `let` (a bridge
//   copies values once).
//
// The bundle sits two folders below the package (dist/bundle/), as dist/io/ does, so the paths modules
// compute from import.meta.url (rubrics/, templates/, package.json) hold in both.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(ROOT, 'dist');
// Loaded from node_modules as they are: the big libraries only some commands load (PDF, prompts, templates),
// the font package, which is found on disk by its package.json, and jsonc-parser, whose UMD build calls
// require('./impl/format') in a way a bundler cannot follow. Every other dependency is bundled: yaml alone is
// some 60 CommonJS files, and resolving and loading files one by one is most of a start-up.
// string-width, cli-truncate and slugify are required on first use (render/terminal/width.ts, style.ts,
// io/workspace.ts), from node_modules. test/e2e/startup.e2e.test.ts loads every chunk, so a dependency that breaks when bundled
// fails a test.
const EXTERNAL = ['pdfkit', 'fontkit', 'handlebars', '@inquirer/prompts', '@inquirer/core', 'dejavu-fonts-ttf', 'jsonc-parser', 'string-width', 'cli-truncate', '@sindresorhus/slugify'];
const { dependencies } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
for (const name of EXTERNAL) if (!(name in dependencies)) throw new Error(`bundle: ${name} is no longer a dependency; update EXTERNAL`);
const external = EXTERNAL.flatMap((name) => [name, `${name}/*`]);

const outdir = path.join(DIST, 'bundle');
const STARTUP = 'main.cjs';
const IMPORTER = 'dynamic-import.cjs';
rmSync(outdir, { recursive: true, force: true });

// commander requires node:child_process when it loads, to run git-style external subcommands, which hirekit
// has none of; loading child_process (and net, dgram and streams with it) is a tenth of `hirekit --help`. Inside
// commander it is required on first use instead.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(plugin) {
    plugin.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}commander${path.sep}`) ? { path: 'lazy-child-process', namespace: 'hirekit' } : undefined,
    );
    plugin.onLoad({ filter: /^lazy-child-process$/, namespace: 'hirekit' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

// zod re-exports its error messages in some 50 languages (z.locales) from its main module, which puts all of
// them, half of zod's 580 KB, into every command that validates a file. hirekit's messages are English (zod sets
// English itself, from locales/en.js); z.locales offers only English here.
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(plugin) {
    plugin.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`) ? { path: path.join(path.dirname(args.importer), '..', 'locales', 'index.js'), namespace: 'english-only-zod' } : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: 'english-only-zod' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(path.join(path.dirname(args.path), 'en.js'))};`,
      loader: 'js',
      resolveDir: path.dirname(args.path),
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  external,
  sourcemap: true,
  // Less text to compile at start-up; names are kept, so a stack trace (HIREKIT_DEBUG=1) still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
};

/** The key a start-up module is known by in main.cjs's `modules`: its path under dist/, e.g. io/atomic.js. */
const keyOf = (file) => path.relative(DIST, file).split(path.sep).join('/');
const isOwn = (file) => !path.relative(DIST, file).startsWith('..') && !file.includes(`${path.sep}node_modules${path.sep}`);
/** A metafile's input path, absolute; undefined for a module of a plugin's own namespace. */
const inputFile = (input) => (/^([\w-]+:|<)/.test(input) ? undefined : path.resolve(ROOT, input));

// The command modules the start-up path imports on demand, by the name of their file in dist/bundle/.
const onDemand = new Map();
/** Dynamic imports of the start-up path become imports of the commands' entry files, unless `inside` holds them. */
function commandsOnDemand(inside = new Set()) {
  return {
    name: 'commands-on-demand',
    setup(plugin) {
      plugin.onResolve({ filter: /^\./ }, (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        const file = path.resolve(args.resolveDir, args.path);
        if (inside.has(file)) return undefined;
        const name = path.basename(file, '.js');
        if (onDemand.has(name) && onDemand.get(name) !== file) throw new Error(`bundle: ${keyOf(file)} and ${keyOf(onDemand.get(name))} would both be dist/bundle/${name}.cjs`);
        onDemand.set(name, file);
        return { path: `./${name}.cjs`, external: true };
      });
    },
  };
}

const commonjs = {
  format: 'cjs',
  // Modules compute paths from import.meta.url, which CommonJS has not: the file's own URL stands in for it.
  define: { 'import.meta.url': '__hirekitModuleUrl' },
  banner: { js: "const __hirekitModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // Any other use of import.meta (dirname, resolve) would be left empty in CommonJS: fail the build instead.
  logOverride: { 'empty-import-meta': 'error' },
  // import() of a command becomes a require of its CommonJS file.
  supported: { 'dynamic-import': false },
};

// 1. Which modules the start-up path loads: main.js and everything it imports statically.
const probe = await build({ ...common, entryPoints: [path.join(DIST, 'main.js')], write: false, outdir, ...commonjs, plugins: [lazyChildProcess, englishOnlyZod, commandsOnDemand()] });
const startupFiles = new Set(Object.keys(probe.metafile.inputs).map(inputFile).filter(Boolean));
const startupOwn = [...startupFiles].filter(isOwn).sort();
for (const file of startupOwn) {
  // A bridge copies a binding once, when the chunk loads: a `let` the module reassigns later would go stale.
  if (/^export (let|var) /m.test(readFileSync(file, 'utf8'))) throw new Error(`bundle: ${keyOf(file)} is on the start-up path and exports a let or var; export a function or an object instead`);
}

// 2. The start-up file: main.js's exports, and every start-up module's namespace for the bridges.
const ENTRY = path.join(DIST, 'startup-entry.js'); // no such file: the name the generated entry below goes by
onDemand.clear();
const startup = await build({
  ...common,
  stdin: {
    contents: [
      `export { main } from ${JSON.stringify(path.join(DIST, 'main.js'))};`,
      ...startupOwn.map((file, i) => `import * as m${i} from ${JSON.stringify(file)};`),
      `export const modules = { ${startupOwn.map((file, i) => `${JSON.stringify(keyOf(file))}: m${i}`).join(', ')} };`,
    ].join('\n'),
    resolveDir: DIST,
    sourcefile: path.basename(ENTRY),
  },
  outfile: path.join(outdir, STARTUP),
  ...commonjs,
  plugins: [lazyChildProcess, englishOnlyZod, commandsOnDemand(startupFiles)],
});
const startupInputs = new Set(Object.keys(startup.metafile.inputs).map(inputFile).filter((file) => file && file !== ENTRY));
const differ = [...startupFiles].filter((file) => !startupInputs.has(file)).concat([...startupInputs].filter((file) => !startupFiles.has(file)));
if (differ.length > 0) {
  throw new Error(`bundle: the start-up file does not hold just the modules main.js loads: ${differ.map((file) => path.relative(ROOT, file)).join(', ')}`);
}

// The names each start-up module exports, as the start-up file gives them (loading it runs no command).
const { modules } = createRequire(import.meta.url)(path.join(outdir, STARTUP));

// 3. The commands: ES modules with shared chunks; a start-up module is a bridge to main.cjs, never a copy.
const bridge = {
  name: 'start-up-bridge',
  setup(plugin) {
    plugin.onResolve({ filter: /^\./ }, (args) => {
      if (args.namespace === 'start-up-bridge') return { path: `./${STARTUP}`, external: true };
      const file = path.resolve(args.resolveDir, args.path);
      return isOwn(file) && startupFiles.has(file) ? { path: file, namespace: 'start-up-bridge' } : undefined;
    });
    plugin.onLoad({ filter: /.*/, namespace: 'start-up-bridge' }, (args) => {
      const key = keyOf(args.path);
      const names = Object.keys(modules[key]);
      return {
        contents: [
          `const shared = require('./${STARTUP}').modules[${JSON.stringify(key)}];`,
          ...names.map((name) => (name === 'default' ? 'export default shared.default;' : `export const ${name} = shared.${name};`)),
        ].join('\n'),
        resolveDir: outdir,
        loader: 'js',
      };
    });
  },
};
// Split as ES modules (in memory, with inline source maps), then each file turned into CommonJS below.
const commands = await build({
  ...common,
  entryPoints: Object.fromEntries(onDemand),
  outdir,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  outExtension: { '.js': '.cjs' },
  splitting: true,
  format: 'esm',
  sourcemap: 'inline',
  write: false,
  plugins: [lazyChildProcess, englishOnlyZod, bridge],
});
if (onDemand.has(path.basename(IMPORTER, '.cjs'))) throw new Error(`bundle: a command module is named like ${IMPORTER}; rename IMPORTER`);
mkdirSync(outdir, { recursive: true });
writeFileSync(
  path.join(outdir, IMPORTER),
  [
    '// import() for the command chunks (scripts/bundle.mjs): a chunk compiled from V8\'s code cache cannot call import() itself.',
    '// A specifier is resolved from here, dist/bundle/, where the chunks are.',
    'module.exports = (specifier) => import(specifier);',
    '',
  ].join('\n'),
);
// import("a-package") in a chunk, as esbuild writes it; relative ones are chunks, which become require()s.
const PACKAGE_IMPORT = /\bimport\((["'])([^"'.][^"']*)\1\)/g;
/** Whether a package the chunks import resolves to an ES module (by its extension or its package.json type). */
function isEsModule(specifier) {
  const file = createRequire(path.join(outdir, STARTUP)).resolve(specifier);
  if (file.endsWith('.mjs')) return true;
  if (file.endsWith('.cjs')) return false;
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).type === 'module';
    } catch {
      // No package.json here: look further up.
    }
  }
  return false;
}
// A package's module as esbuild's CommonJS output takes it for an import statement (or a namespace import).
const PACKAGE_INTEROP = /__toESM\(require\("([^".][^"]*)"\)\)/g;
for (const file of commands.outputFiles) {
  const name = path.basename(file.path);
  if (!name.endsWith('.cjs')) {
    writeFileSync(file.path, file.contents);
    continue;
  }
  const output = commands.metafile.outputs[path.relative(ROOT, file.path).split(path.sep).join('/')];
  const packageImports = output.imports.filter((entry) => entry.kind === 'dynamic-import' && entry.external && !entry.path.startsWith('.')).length;
  let imports = 0;
  const source = file.text.replace(PACKAGE_IMPORT, (_, quote, specifier) => {
    imports++;
    return `__hirekitImport(${quote}${specifier}${quote})`;
  });
  if (imports !== packageImports) throw new Error(`bundle: ${name} has ${packageImports} import() of a package, ${imports} found in its text; update PACKAGE_IMPORT`);
  const commonJs = await transform(source, {
    format: 'cjs',
    loader: 'js',
    platform: 'node',
    target: common.target,
    sourcefile: name,
    sourcemap: 'external',
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'inline',
    define: commonjs.define,
    supported: { 'dynamic-import': false },
    logOverride: commonjs.logOverride,
    logLevel: 'warning',
    banner: `'use strict';${commonjs.banner.js}const __hirekitImport = require('./${IMPORTER}');`,
  });
  if (/\bimport\(/.test(commonJs.code.replace(/__hirekitImport\(/g, ''))) throw new Error(`bundle: ${name} still calls import() after its conversion to CommonJS`);
  // A package imported by an ES module gets node's interop: its default export is module.exports even when
  // the package marks itself __esModule (jsonc-parser's UMD build does). esbuild's helper does that when
  // asked with a second argument; between chunks, which are all esbuild's, it keeps esbuild's own interop.
  // An ES module package is require()d whole (its namespace), so only its named exports can be imported so.
  const code = commonJs.code.replace(PACKAGE_INTEROP, (_, specifier) => {
    if (!specifier.startsWith('node:') && isEsModule(specifier)) throw new Error(`bundle: ${name} imports ${specifier}, an ES module, as a whole or by its default; import its names, or import() it`);
    return `__toESM(require(${JSON.stringify(specifier)}),1)`;
  });
  if (PACKAGE_INTEROP.test(code)) throw new Error(`bundle: ${name} imports a package without node's interop; update PACKAGE_INTEROP`);
  writeFileSync(file.path, `${code}//# sourceMappingURL=${name}.map\n`);
  writeFileSync(`${file.path}.map`, commonJs.map);
}

// 4. No module in both: a second copy would have its own state and its own error classes.
const twice = Object.values(commands.metafile.outputs)
  .flatMap((output) => Object.keys(output.inputs))
  .map(inputFile)
  .filter((file) => file && startupFiles.has(file));
if (twice.length > 0) {
  const names = [...new Set(twice.map((file) => path.relative(ROOT, file)))];
  throw new Error(`bundle: ${names.join(', ')} would be loaded twice, in ${STARTUP} and in a command chunk; a dependency the start-up path loads must be imported by the commands through a module of dist/ (or made external)`);
}

// The zod plugin must keep working after a zod upgrade moves things: fail the build if another language is back.
const languages = [startup, commands]
  .flatMap((result) => Object.values(result.metafile.outputs))
  .flatMap((output) => Object.keys(output.inputs))
  .filter((input) => !input.startsWith('english-only-zod:') && /zod\/v4\/locales\/(?!en\.js)/.test(input));
if (languages.length > 0) throw new Error(`bundle: zod's messages in other languages are bundled again (${languages[0]}); update englishOnlyZod`);

