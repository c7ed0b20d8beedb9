// The structural promises every bundled rubric keeps (issue: encode the four seed roles).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFlags, anchorAt, caseQuestions, findStage, flagsFor, isOptionalStage, levelLabel, scaleLevels, stageQuestions, type Rubric } from '../../src/core/rubric.js';
import { stageTiming } from '../../src/core/timing-plan.js';
import { loadRubricFile } from '../../src/io/rubrics.js';
import { ROOT } from '../helpers/cli.js';

const RUBRICS = path.join(ROOT, 'rubrics');
const EXPECTED = ['head-of-ml', 'ml-scientist', 'senior-director-data-science', 'senior-ml-engineer'];
const SEEDS = new Set([
  '000_7275fbc68bea4705.txt',
  '001_8cf0cf913c12d8d3.txt',
  '002_57c1d4d0f2d759ef.txt',
  '003_e2ea71e760bc085d.txt',
  '004_3f030efe33a5b1eb.txt',
]);

const files = readdirSync(RUBRICS).filter((f) => f.endsWith('.yaml'));

async function load(file: string): Promise<Rubric> {
  const report = await loadRubricFile(path.join(RUBRICS, file), 'bundled');
  expect(report.errors.map((e) => e.message)).toEqual([]);
  expect(report.warnings.map((w) => w.message)).toEqual([]);
  if (!report.loaded) throw new Error(`${file} did not load`);
  return report.loaded.rubric;
}

describe('the bundled rubrics', () => {
  it('are the four seed roles', async () => {
    const ids = await Promise.all(files.map(async (f) => (await load(f)).role.id));
    expect(ids.sort()).toEqual(EXPECTED);
    expect(files.sort()).toEqual(EXPECTED.map((id) => `${id}.yaml`));
  });

  describe.each(EXPECTED)('%s', (id) => {
    const rubric = (): Promise<Rubric> => load(`${id}.yaml`);

    it('validates with no warnings and uses the shared scale', async () => {
      const r = await rubric();
      expect(scaleLevels(r).map((l) => levelLabel(r, l))).toEqual(['well below bar', 'below bar', 'meets bar', 'exceeds bar']);
      expect(r.scale.insufficient.label).toBe('insufficient evidence');
    });

    it('has 6 to 9 dimensions, each anchored at all four levels with distinct anchors', async () => {
      const r = await rubric();
      expect(r.dimensions.length).toBeGreaterThanOrEqual(6);
      expect(r.dimensions.length).toBeLessThanOrEqual(9);
      for (const d of r.dimensions) {
        const anchors = scaleLevels(r).map((l) => anchorAt(d, l));
        expect(new Set(anchors).size, d.id).toBe(4);
        for (const a of anchors) expect(a.split(/\s+/).length, `${d.id} anchor: ${a}`).toBeGreaterThanOrEqual(8);
      }
    });

    it('has at least 3 questions per dimension, each with 2+ probes and what to listen for', async () => {
      const r = await rubric();
      for (const d of r.dimensions) {
        expect(d.questions.length, d.id).toBeGreaterThanOrEqual(3);
        for (const q of d.questions) {
          expect(q.probes.length, q.id).toBeGreaterThanOrEqual(2);
          expect(q.listen_for.length, q.id).toBeGreaterThanOrEqual(1);
        }
      }
    });

    it('has at least 6 green and 6 red flags, knockouts marked', async () => {
      const r = await rubric();
      expect(r.flags.green.length).toBeGreaterThanOrEqual(6);
      expect(r.flags.red.length).toBeGreaterThanOrEqual(6);
      const knockouts = r.flags.red.filter((f) => f.knockout);
      expect(knockouts.length).toBeGreaterThanOrEqual(1);
      expect(knockouts.length).toBeLessThan(r.flags.red.length);
    });

    it('has at least two case studies with a brief, a guide and strong and weak answers, each used by a stage', async () => {
      const r = await rubric();
      expect(r.case_studies.length).toBeGreaterThanOrEqual(2);
      for (const c of r.case_studies) {
        expect(c.strong.length, c.id).toBeGreaterThanOrEqual(2);
        expect(c.weak.length, c.id).toBeGreaterThanOrEqual(2);
        expect(r.loop.filter((s) => s.case_study === c.id), c.id).toHaveLength(1);
      }
    });

    it('has a loop that covers every dimension with at most four focus dimensions per stage', async () => {
      const r = await rubric();
      const covered = new Set(r.loop.flatMap((s) => s.focus));
      expect([...covered].sort()).toEqual(r.dimensions.map((d) => d.id).sort());
      for (const s of r.loop) expect(s.focus.length, s.id).toBeLessThanOrEqual(4);
    });

    it('gives every question of every stage a slot of at least 5 minutes in a plan that adds up to the stage', async () => {
      const r = await rubric();
      for (const s of r.loop) {
        const plan = stageTiming(r, s);
        expect(plan.fits, s.id).toBe(true);
        expect(plan.slots.reduce((sum, slot) => sum + slot.minutes, 0), s.id).toBe(s.duration_minutes);
        const asked = plan.slots.filter((slot) => slot.kind === 'question' || slot.kind === 'case-question').map((slot) => slot.question);
        expect(asked, s.id).toEqual([...caseQuestions(r, s), ...stageQuestions(r, s)].map((q) => q.question.id));
      }
    });

    it('keeps every dimension rated when the optional stages are skipped', async () => {
      const r = await rubric();
      const required = r.loop.filter((s) => !isOptionalStage(r, s));
      expect(new Set(required.flatMap((s) => s.focus)).size).toBe(r.dimensions.length);
      expect(r.policy.min_scorecards).toBeLessThanOrEqual(required.length);
    });

    it('has a policy with weights adding to the total, and hurdles', async () => {
      const r = await rubric();
      expect(r.dimensions.reduce((sum, d) => sum + d.weight, 0)).toBe(r.policy.weights_total);
      expect(r.policy.hurdles.length).toBeGreaterThanOrEqual(1);
      expect(r.policy.min_scorecards).toBeGreaterThanOrEqual(3);
    });

    it('traces every dimension, flag and case study to a seed file', async () => {
      const r = await rubric();
      const sourced = [...r.dimensions, ...r.flags.green, ...(r.flags.concern ?? []), ...r.flags.red, ...r.case_studies];
      for (const item of sourced) {
        expect(item.source, item.id).toBeDefined();
        expect(SEEDS.has(item.source?.file ?? ''), `${item.id}: ${item.source?.file}`).toBe(true);
        expect(item.source?.section.trim().length, item.id).toBeGreaterThan(0);
      }
      for (const s of r.role.sources) expect(SEEDS.has(s.file), s.file).toBe(true);
    });
  });
});

describe('head-of-ml', () => {
  it('carries the eight scorecard dimensions of the blueprint, in its order', async () => {
    const r = await load('head-of-ml.yaml');
    expect(r.dimensions.map((d) => d.name)).toEqual([
      'ML strategy & portfolio',
      'Production ML architecture',
      'MLOps & reliability',
      'Experimentation & measurement',
      'Responsible AI & governance',
      'Cross-functional leadership',
      'Talent & org leadership',
      'Executive communication',
    ]);
  });

  it('carries case studies A to D with their durations', async () => {
    const r = await load('head-of-ml.yaml');
    const titles = r.case_studies.map((c) => c.title);
    for (const letter of ['A', 'B', 'C', 'D']) expect(titles.some((t) => t.startsWith(`Case ${letter}:`)), letter).toBe(true);
    const byLetter = Object.fromEntries(r.case_studies.map((c) => [c.title.slice(5, 6), c.duration_minutes]));
    expect(byLetter.A).toBeGreaterThanOrEqual(60);
    expect(byLetter.A).toBeLessThanOrEqual(90);
    for (const letter of ['B', 'C', 'D']) {
      expect(byLetter[letter]).toBeGreaterThanOrEqual(45);
      expect(byLetter[letter]).toBeLessThanOrEqual(60);
    }
  });

  it('keeps the blueprint\'s three tiers: weak signals are concerns, not red flags', async () => {
    const r = await load('head-of-ml.yaml');
    // Section 19 lists five weak signals; one of them (reliability and governance as someone else's job) is two flags.
    expect((r.flags.concern ?? []).map((f) => f.id).sort()).toEqual(
      ['accuracy-without-online-impact', 'cost-latency-on-call-unexplained', 'governance-is-someone-elses-job', 'novelty-over-production', 'one-shot-delivery-plan', 'reliability-is-someone-elses-job'],
    );
    expect(r.flags.red.map((f) => f.id)).not.toContain('novelty-over-production');
  });

  it('marks Case D (context-specific in the blueprint) optional, and its stage with it', async () => {
    const r = await load('head-of-ml.yaml');
    const caseD = r.case_studies.find((c) => c.title.startsWith('Case D:'));
    expect(caseD?.optional).toBe(true);
    const stage = r.loop.find((s) => s.case_study === caseD?.id);
    expect(stage?.optional).toBe(true);
    expect(r.loop.filter((s) => isOptionalStage(r, s)).map((s) => s.id)).toEqual([stage?.id]);
  });

  it('offers the integrity flag in every stage: it is cross-cutting', async () => {
    const r = await load('head-of-ml.yaml');
    const flag = allFlags(r).find((f) => f.id === 'figures-fall-apart');
    expect(flag?.dimensions).toEqual([]);
    for (const s of r.loop) expect(flagsFor(r, s.focus).map((f) => f.id), s.id).toContain('figures-fall-apart');
  });

  it('makes missing end-to-end production ownership a knockout', async () => {
    const r = await load('head-of-ml.yaml');
    expect(r.flags.red.some((f) => f.knockout && /production/i.test(f.text) && /end[- ]to[- ]end|own/i.test(f.text))).toBe(true);
  });
});

describe('senior-ml-engineer', () => {
  it('has an ML system design case and a take-home case, each run in a stage', async () => {
    const r = await load('senior-ml-engineer.yaml');
    expect(r.case_studies.map((c) => c.id)).toEqual(expect.arrayContaining(['ml-system-design', 'take-home-review']));
    expect(r.loop.length).toBeGreaterThanOrEqual(5);
    expect(findStage(r, r.loop.find((s) => s.case_study === 'ml-system-design')?.id ?? '')).toBeDefined();
  });
});

describe('ml-scientist', () => {
  it('has an experiment-design case whose strong answers name the parts of a rigorous experiment', async () => {
    const r = await load('ml-scientist.yaml');
    const experiment = r.case_studies.find((c) => c.id === 'experiment-design');
    expect(experiment).toBeDefined();
    const strong = experiment?.strong.join(' ').toLowerCase() ?? '';
    for (const part of ['hypothes', 'held-out', 'seed', 'ablation', 'baseline', 'cost']) expect(strong, part).toContain(part);
  });
});
