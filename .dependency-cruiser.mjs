// Layers point one way (STYLE.md habit 11): core <- io / render / prompts <- commands <- cli <- main.
// test/architecture/layers.test.ts runs these rules in `npm test`; `npx depcruise src` runs them by hand.
// errors.ts is the shared vocabulary of failures (UsageError, DataError...): a leaf any layer but core may throw.
const OURS = '^src/';
const ERRORS = '^src/errors[.]ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'core-imports-only-core',
      comment: 'core/ is the pure domain: it imports nothing of ours outside core/ (not even errors.ts).',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: OURS, pathNot: '^src/core/' },
    },
    {
      name: 'io-imports-only-core',
      comment: 'io/ loads and saves core objects: it imports core/ and errors.ts, never render/, prompts/ or commands/.',
      severity: 'error',
      from: { path: '^src/io/' },
      to: { path: OURS, pathNot: ['^src/(core|io)/', ERRORS] },
    },
    {
      name: 'render-imports-only-core',
      comment: 'render/ turns core objects into bytes or text: no io/ (it writes nothing), no prompts/, no commands/.',
      severity: 'error',
      from: { path: '^src/render/' },
      to: { path: OURS, pathNot: ['^src/(core|render)/', ERRORS] },
    },
    {
      name: 'prompts-import-nothing-above',
      comment: 'prompts/ is the adapter around @inquirer/prompts: it may know core/ types, nothing above.',
      severity: 'error',
      from: { path: '^src/prompts/' },
      to: { path: OURS, pathNot: ['^src/(core|prompts)/', ERRORS] },
    },
    {
      name: 'errors-is-a-leaf',
      comment: 'errors.ts is imported by every layer, so it imports none of them.',
      severity: 'error',
      from: { path: ERRORS },
      to: { path: OURS },
    },
    {
      name: 'only-main-imports-cli',
      comment: 'cli.ts holds commander definitions only; shared option types live in commands/options.ts.',
      severity: 'error',
      from: { pathNot: '^src/main[.]ts$' },
      to: { path: '^src/cli[.]ts$' },
    },
    {
      name: 'nothing-imports-main',
      comment: 'main.ts is the entry point: bin/hirekit.js runs it, no module imports it.',
      severity: 'error',
      from: { path: OURS },
      to: { path: '^src/main[.]ts$' },
    },
    {
      name: 'no-cycles',
      comment: 'Two modules that import each other (even for a type) are one module in two files: move the shared part down.',
      severity: 'error',
      from: { path: OURS },
      to: { circular: true },
    },
    {
      name: 'relative-imports-resolve',
      comment: 'An import of ours that does not resolve to a file would be an arrow this check cannot see.',
      severity: 'error',
      from: { path: OURS },
      to: { path: '^[.]', couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are arrows too: a command importing a type from cli.ts is still an upward import.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
