// Preloaded with `node --import`: records every module URL the process resolves into the file named by
// HIREKIT_TRACE_IMPORTS, so a test can prove what a command loads. ES modules are recorded as they are
// resolved; CommonJS modules (loaded with require, e.g. pdfkit and fontkit) when the process exits.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./trace-imports-hooks.mjs', import.meta.url);

const required = createRequire(import.meta.url).cache;
process.on('exit', () => {
  const file = process.env.HIREKIT_TRACE_IMPORTS;
  const urls = Object.keys(required).map((name) => `${pathToFileURL(name).href}\n`);
  if (file && urls.length > 0) appendFileSync(file, urls.join(''));
});
