// Preloaded with `node --import`: records every module URL the process resolves into the file named by
// HIREKIT_TRACE_IMPORTS, so a test can prove what a command loads.
import { register } from 'node:module';

register('./trace-imports-hooks.mjs', import.meta.url);
