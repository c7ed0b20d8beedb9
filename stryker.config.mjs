// `npm run mutation`: Stryker mutates src/core and runs the core unit tests against each mutant (not in CI:
// it takes minutes). Incremental: a rerun only retests mutants whose code or tests changed since
// reports/mutation/incremental.json. The HTML report lands in reports/mutation/index.html.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: ['src/core/**/*.ts'],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level code: the zod schemas, constant tables) need every test file re-imported per
  // mutant; on a shared two-core machine each takes longer than the timeout, so they would only be counted as
  // "timed out" (detected) without telling anything. `npm run mutation -- --ignoreStatic false` includes them.
  ignoreStatic: true,
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
