// Part of `npm run build`: precompiles every built-in template (templates/<name>.<format>.hbs) into
// dist/templates/<name>.<format>.cjs, so rendering one needs only the handlebars runtime (see
// src/render/templates.ts). Each file records the sha256 of the text it was made from; at run time a template
// whose text differs is compiled from the text instead. A built-in template that does not compile fails the build.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { BUILTIN_TEMPLATES, PRECOMPILED_TEMPLATES, precompiledTemplateModule } = await import(pathToFileURL(path.join(ROOT, 'dist', 'render', 'templates.js')).href);

rmSync(PRECOMPILED_TEMPLATES, { recursive: true, force: true });
mkdirSync(PRECOMPILED_TEMPLATES, { recursive: true });
let count = 0;
for (const name of readdirSync(BUILTIN_TEMPLATES).sort()) {
  const match = /^(.+)\.(html|md)\.hbs$/.exec(name);
  if (!match) continue;
  const file = path.join(BUILTIN_TEMPLATES, name);
  try {
    const source = await precompiledTemplateModule(match[2], file, readFileSync(file, 'utf8'));
    writeFileSync(path.join(PRECOMPILED_TEMPLATES, `${match[1]}.${match[2]}.cjs`), source);
    count++;
  } catch (error) {
    console.error(`precompile-templates: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
if (count === 0) {
  console.error(`precompile-templates: no templates found in ${BUILTIN_TEMPLATES}`);
  process.exit(1);
}
