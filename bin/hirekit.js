#!/usr/bin/env node
// CommonJS (bin/package.json): an ES module costs a few milliseconds more to start than a CommonJS one, and
// the start-up bundle this requires is CommonJS for the same reason (scripts/bundle.mjs).
// With HIREKIT_DEBUG=1 a stack trace names the TypeScript sources (src/...), not the bundle hirekit runs from.
if (process.env.HIREKIT_DEBUG === '1') process.setSourceMapsEnabled(true);
require('../dist/bundle/main.cjs').main();
