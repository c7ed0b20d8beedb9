// Part of `npm run build`: bundles the compiled CLI (dist/*.js, from tsc) into dist/bundle/, which
// bin/hirekit.js runs. Start-up is mostly module loading: one file for the start-up path instead of about
// twenty, with commander inside it, takes `hirekit --help` from about 1.4x to about 1.3x bare node.
// Commands stay split into chunks loaded on demand (splitting), so --help still never loads pdfkit,
// inquirer or handlebars. Every other dependency stays an ordinary import from node_modules.
//
// The bundle sits two folders below the package (dist/bundle/), as dist/io/ does, so the paths modules
// compute from import.meta.url (rubrics/, templates/, package.json) hold in both.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
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

const outdir = path.join(ROOT, 'dist', 'bundle');
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

const { metafile } = await build({
  metafile: true,
  plugins: [lazyChildProcess, englishOnlyZod],
  entryPoints: [path.join(ROOT, 'dist', 'main.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external,
  sourcemap: true,
  // Less text to compile at start-up; names are kept, so a stack trace (HIREKIT_DEBUG=1) still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'linked',
  // commander is CommonJS: its require('node:events') calls need a require function inside an ES module.
  banner: { js: "import { createRequire as __hirekitCreateRequire } from 'node:module'; const require = __hirekitCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

// The plugin must keep working after a zod upgrade moves things: fail the build if another language is back.
const languages = Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs)).filter((input) => !input.startsWith('english-only-zod:') && /zod\/v4\/locales\/(?!en\.js)/.test(input));
if (languages.length > 0) throw new Error(`bundle: zod's messages in other languages are bundled again (${languages[0]}); update englishOnlyZod`);
