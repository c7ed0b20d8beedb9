// Part of `npm run build`: checks every bundled rubric once and stores what the check found in
// dist/prechecked/<file>.json (see src/io/rubric-precheck.ts), so commands need not parse and check the
// bundled rubrics again at every start. A bundled rubric with errors fails the build.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dist = (file) => import(pathToFileURL(path.join(ROOT, 'dist', file)).href);
const [{ BUNDLED_RUBRICS, loadRubricFile, yamlFilesIn }, { PRECHECKED_DIR, precheckRecord }] = await Promise.all([dist('io/rubrics.js'), dist('io/rubric-precheck.js')]);

rmSync(PRECHECKED_DIR, { recursive: true, force: true });
mkdirSync(PRECHECKED_DIR, { recursive: true });
for (const file of await yamlFilesIn(BUNDLED_RUBRICS)) {
  // Checked in full: the stored results are removed above, so loadRubricFile cannot find one.
  const report = await loadRubricFile(file, 'bundled');
  if (!report.loaded || report.errors.length > 0) {
    console.error(`precheck: ${file} has ${report.errors.length} errors; run node bin/hirekit.js validate ${file}`);
    process.exit(1);
  }
  const record = precheckRecord(readFileSync(file, 'utf8'), report.loaded);
  writeFileSync(path.join(PRECHECKED_DIR, `${path.basename(file)}.json`), `${JSON.stringify(record)}\n`);
}
