import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { integrityOf, Scorecard } from '../../src/core/scorecard.js';
import { scorecardYaml } from '../../src/io/scorecard-store.js';
import { readCanonicalYaml } from '../../src/io/yaml-canonical.js';
import { checkYamlText } from '../../src/io/yaml-file.js';
import {
  candidateDir,
  findCandidate,
  indexWorkspace,
  listCandidates,
  readCandidateScorecards,
  resolveCandidate,
  resolveWorkspace,
  scorecardPath,
  slugFor,
} from '../../src/io/workspace.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';

const PANEL = path.join(FIXTURES, 'workspaces', 'panel');

describe('resolveWorkspace', () => {
  it('prefers the flag, then HIREKIT_WORKSPACE, then ./hiring', () => {
    expect(resolveWorkspace('team', { HIREKIT_WORKSPACE: '/srv/hiring' }, '/home/a')).toBe('/home/a/team');
    expect(resolveWorkspace(undefined, { HIREKIT_WORKSPACE: '/srv/hiring' }, '/home/a')).toBe('/srv/hiring');
    expect(resolveWorkspace(undefined, {}, '/home/a')).toBe('/home/a/hiring');
  });
});

describe('slugFor', () => {
  it('transliterates Unicode names to ASCII kebab-case', () => {
    expect(slugFor('Zoë Łukasz')).toBe('zoe-lukasz');
    expect(slugFor('Дмитрий Соколов')).toBe('dmitriy-sokolov');
    expect(slugFor("Aoife Ní Bhriain")).toBe('aoife-ni-bhriain');
  });
  it('drops apostrophes instead of splitting on them', () => {
    expect(slugFor("Siobhán O'Brien")).toBe('siobhan-obrien');
    expect(slugFor('Siobhán O’Brien')).toBe('siobhan-obrien');
  });
  it('never yields an empty, dot or path-escaping slug', () => {
    expect(slugFor('../../etc')).toBe('etc');
    for (const name of ['..', '.', '!!!', '王小明', '']) {
      const slug = slugFor(name);
      expect(slug).toMatch(/^person-[0-9a-f]{10}$/);
    }
    expect(slugFor('王小明')).not.toBe(slugFor('李小红'));
    expect(slugFor('a'.repeat(200)).length).toBeLessThanOrEqual(60);
  });
});

describe('paths', () => {
  it('puts one file per candidate, stage and interviewer under candidates/', () => {
    expect(scorecardPath('/ws', 'zoe-lukasz', 'technical', 'ada-lovelace')).toBe(
      '/ws/candidates/zoe-lukasz/scorecards/technical--ada-lovelace.yaml',
    );
    expect(candidateDir('/ws', 'zoe-lukasz')).toBe('/ws/candidates/zoe-lukasz');
  });
  it('refuses anything that is not a slug', () => {
    expect(() => scorecardPath('/ws', '../etc', 'technical', 'ada')).toThrow(/not a safe candidate id/);
    expect(() => scorecardPath('/ws', 'zoe', 'a/b', 'ada')).toThrow(/not a safe stage id/);
    expect(() => candidateDir('/ws', '..')).toThrow(/not a safe candidate id/);
  });
});

describe('reading a workspace', () => {
  const temps: Array<() => void> = [];
  afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));

  it('lists candidates with their names and roles', async () => {
    expect(await listCandidates(PANEL)).toEqual([{ slug: 'sebnem-agaoglu', name: 'Şebnem Ağaoğlu', role: 'ml-platform-lead' }]);
  });
  it('reads every scorecard of a candidate given by name or slug', async () => {
    const byName = await readCandidateScorecards(PANEL, 'Şebnem Ağaoğlu');
    const bySlug = await readCandidateScorecards(PANEL, 'sebnem-agaoglu');
    expect(byName.map((s) => path.basename(s.file))).toEqual(bySlug.map((s) => path.basename(s.file)));
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((s) => s.scorecard.candidate.slug === 'sebnem-agaoglu')).toBe(true);
  });
  it('names the known candidates when one is unknown', async () => {
    await expect(readCandidateScorecards(PANEL, 'Sebnem Agaoglo')).rejects.toThrow(/did you mean 'Şebnem Ağaoğlu'/);
  });
  it('points at FILE:LINE:COL in a bad scorecard', async () => {
    const { dir, cleanup } = tempDir();
    temps.push(cleanup);
    const scorecards = path.join(dir, 'candidates', 'zoe', 'scorecards');
    mkdirSync(scorecards, { recursive: true });
    writeFileSync(path.join(dir, 'candidates', 'zoe', 'candidate.yaml'), 'name: Zoë\ncreated_at: 2026-01-01T00:00:00Z\n');
    writeFileSync(path.join(scorecards, 'screen--ada.yaml'), 'format: hirekit-scorecard/1\nstatus: maybe\n');
    await expect(readCandidateScorecards(dir, 'zoe')).rejects.toThrow(/screen--ada\.yaml:\d+:\d+ {2}/);
  });
  it('finds a candidate by folder slug from that folder alone, and by name from every candidate file', async () => {
    const { dir, cleanup } = tempDir();
    temps.push(cleanup);
    for (const [slug, record] of [
      ['zoe-lukasz', 'name: Zoë Łukasz\nrole: data-analyst\n'],
      ['wei-zhang', 'name: [Wei\n'],
      ['no-record', undefined],
    ] as const) {
      mkdirSync(path.join(dir, 'candidates', slug), { recursive: true });
      if (record) writeFileSync(path.join(dir, 'candidates', slug, 'candidate.yaml'), record);
    }
    expect(await resolveCandidate(dir, ' zoe-lukasz ')).toEqual({ slug: 'zoe-lukasz', name: 'Zoë Łukasz', role: 'data-analyst' });
    expect(await resolveCandidate(dir, 'no-record')).toEqual({ slug: 'no-record', name: 'no-record' });
    // A name, or a slug that is no folder, needs every candidate file: the broken one is named.
    await expect(resolveCandidate(dir, 'Zoë Łukasz')).rejects.toThrow(/wei-zhang.candidate\.yaml:\d+:\d+ /);
    await expect(resolveCandidate(dir, 'nobody')).rejects.toThrow(/wei-zhang.candidate\.yaml:\d+:\d+ /);
    await expect(resolveCandidate(dir, 'wei-zhang')).rejects.toThrow(/wei-zhang.candidate\.yaml:\d+:\d+ /);
    // What the index finds by slug, the folder gives alike.
    writeFileSync(path.join(dir, 'candidates', 'wei-zhang', 'candidate.yaml'), 'name: Wei Zhang (张伟)\n');
    const index = await indexWorkspace(dir);
    for (const slug of ['zoe-lukasz', 'wei-zhang', 'no-record']) expect(await resolveCandidate(dir, slug)).toEqual(findCandidate(index, slug));
  });
  it('reads every scorecard to what the full reader reads, quick path or not, with the same integrity', async () => {
    const { dir, cleanup } = tempDir();
    temps.push(cleanup);
    cpSync(PANEL, dir, { recursive: true });
    const folder = path.join(dir, 'candidates', 'sebnem-agaoglu', 'scorecards');
    // Hand-written fixtures (bare timestamps: the full reader), and the same scorecards as hirekit writes them
    // (the quick reader), one of them then edited by hand so that its digest no longer matches.
    for (const name of readdirSync(folder)) {
      writeFileSync(path.join(folder, `rewritten-${name}`), scorecardYaml(Scorecard.parse(parse(readFileSync(path.join(folder, name), 'utf8')))));
    }
    const edited = readdirSync(folder).find((n) => n.startsWith('rewritten-') && readFileSync(path.join(folder, n), 'utf8').includes('status: submitted'))!;
    writeFileSync(path.join(folder, edited), readFileSync(path.join(folder, edited), 'utf8').replace(/rating: (\d)/, (_m, n: string) => `rating: ${n === '1' ? 2 : 1}`));
    const stored = await readCandidateScorecards(dir, 'sebnem-agaoglu');
    expect(stored.length).toBe(readdirSync(folder).length);
    expect(stored.some((s) => readCanonicalYaml(readFileSync(s.file, 'utf8')) !== undefined)).toBe(true);
    expect(stored.some((s) => readCanonicalYaml(readFileSync(s.file, 'utf8')) === undefined)).toBe(true);
    for (const s of stored) {
      const full = checkYamlText(s.file, readFileSync(s.file, 'utf8'), Scorecard, { what: 'scorecard', empty: 'empty' });
      expect(full.errors).toEqual([]);
      expect(s.scorecard).toStrictEqual(full.value);
      expect(s.integrity).toBe(integrityOf(full.value!, (text) => `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`));
    }
    expect(stored.find((s) => s.file.endsWith(edited))?.integrity).toBe('edited');
  });
  it('reads an empty workspace as having no candidates', async () => {
    const { dir, cleanup } = tempDir();
    temps.push(cleanup);
    expect(await listCandidates(dir)).toEqual([]);
    await expect(readCandidateScorecards(dir, 'anyone')).rejects.toThrow(/has no candidates yet/);
  });
});
