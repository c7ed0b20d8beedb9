// The build's stored check of a bundled rubric (io/rubric-precheck.ts) stands in for the check only when it
// was made from the very same text by the same version, and then gives exactly what the check gives.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_RUBRICS, loadRubricFile } from '../../src/io/rubrics.js';
import { precheckRecord, prechecked } from '../../src/io/rubric-precheck.js';
import { tempDir } from '../helpers/cli.js';

const FILE = path.join(BUNDLED_RUBRICS, 'head-of-ml.yaml');
const temps: Array<() => void> = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));

async function store(): Promise<{ dir: string; text: string; fresh: Awaited<ReturnType<typeof loadRubricFile>> }> {
  const { dir, cleanup } = tempDir('hirekit-precheck-');
  temps.push(cleanup);
  const text = readFileSync(FILE, 'utf8');
  const fresh = await loadRubricFile(FILE, 'bundled');
  mkdirSync(dir, { recursive: true });
  // Through JSON text, as the build writes it and a command reads it.
  writeFileSync(path.join(dir, 'head-of-ml.yaml.json'), JSON.stringify(precheckRecord(text, fresh.loaded!)));
  return { dir, text, fresh };
}

describe('prechecked bundled rubrics', () => {
  it('give the rubric, hash and warnings a full check gives', async () => {
    const { dir, text, fresh } = await store();
    const stored = prechecked(FILE, text, BUNDLED_RUBRICS, dir);
    expect(stored).toBeDefined();
    expect(stored?.rubric).toEqual(fresh.loaded?.rubric);
    expect(stored?.hash).toBe(fresh.loaded?.hash);
    expect(stored?.warnings).toEqual(fresh.loaded?.warnings);
  });

  it('are not used for other text, another folder, another version or a damaged record', async () => {
    const { dir, text } = await store();
    expect(prechecked(FILE, `${text}\n# edited\n`, BUNDLED_RUBRICS, dir)).toBeUndefined();
    expect(prechecked(path.join(dir, 'head-of-ml.yaml'), text, BUNDLED_RUBRICS, dir)).toBeUndefined();
    const record = JSON.parse(readFileSync(path.join(dir, 'head-of-ml.yaml.json'), 'utf8'));
    writeFileSync(path.join(dir, 'head-of-ml.yaml.json'), JSON.stringify({ ...record, version: '0.0.0-other' }));
    expect(prechecked(FILE, text, BUNDLED_RUBRICS, dir)).toBeUndefined();
    writeFileSync(path.join(dir, 'head-of-ml.yaml.json'), '{"format": "hirekit-prechecked/1", "ver');
    expect(prechecked(FILE, text, BUNDLED_RUBRICS, dir)).toBeUndefined();
  });
});
