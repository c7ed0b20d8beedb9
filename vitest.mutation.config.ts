import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant of src/core (stryker.config.mjs): the core unit tests only,
// which call the pure domain in-process and hand-compute their expectations.
export default defineConfig({
  test: {
    include: ['test/core/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
