import { defineConfig } from 'vitest/config';

// Two projects (STYLE.md habit 8): `unit` calls core, io, render and the commands in-process and needs no build;
// `e2e` spawns the built bin/hirekit.js (plain child processes and a pseudo-terminal), so it runs after `npm run build`.
// `npm test` builds and runs both; `npm run test:unit` / `npm run test:e2e` run one.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**'] },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'] },
      },
    ],
  },
});
