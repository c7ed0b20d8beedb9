#!/usr/bin/env node
// With HIREKIT_DEBUG=1 a stack trace names the TypeScript sources (src/...), not the bundle hirekit runs from.
if (process.env.HIREKIT_DEBUG === '1') process.setSourceMapsEnabled(true);
await import('../dist/bundle/main.js');
