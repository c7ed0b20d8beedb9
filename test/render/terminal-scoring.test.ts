import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { anchorAt, scaleLevels } from '../../src/core/rubric.js';
import { newScorecard, planFor } from '../../src/core/scoring.js';
import { loadCatalog } from '../../src/io/rubrics.js';
import { flagChoice, ratingChoices, renderDimension, renderReview, renderStageBrief } from '../../src/render/terminal/scoring.js';
import { FIXTURES } from '../helpers/cli.js';
import path from 'node:path';

const plain = new Chalk({ level: 0 });

describe('scoring screens at 80 columns', () => {
  it('fit every stage and dimension of every known rubric in 80 columns, with every anchor shown', async () => {
    const catalog = await loadCatalog({ rubrics: [path.join(FIXTURES, 'rubrics'), path.join(FIXTURES, 'rubrics-five')], env: {} });
    expect(catalog.byId.size).toBeGreaterThan(0);
    for (const { rubric } of catalog.byId.values()) {
      for (const stage of rubric.loop) {
        const plan = planFor(rubric, stage.id);
        if (!plan) throw new Error(`no plan for ${stage.id}`);
        const screens = [renderStageBrief(rubric, plan, { candidate: 'Zoë Łukasz', interviewer: 'Ana Ruiz' }, plain, 80)];
        plan.dimensions.forEach(({ dimension }, i) => {
          const screen = renderDimension(rubric, plan, i, plain, 80);
          expect(screen).toContain(`Dimension ${i + 1} of ${plan.dimensions.length}: ${dimension.name}`);
          // Every anchor is printed in full (as wrapped words) before the rating is asked.
          for (const level of scaleLevels(rubric)) expect(screen.replace(/\s+/g, ' ')).toContain(anchorAt(dimension, level).replace(/\s+/g, ' ').trim());
          screens.push(screen);
          for (const choice of ratingChoices(rubric, dimension, 80)) screens.push(choice.name, choice.description ?? '');
        });
        for (const flag of plan.flags) screens.push(flagChoice(flag, false, 80).name);
        const everything = newScorecard({ rubric: { id: rubric.role.id, version: rubric.version, hash: 'sha256:0' }, candidate: { name: 'Zoë Łukasz', slug: 'zoe-lukasz' }, interviewer: { name: 'Ana Ruiz', slug: 'ana-ruiz' }, stage: stage.id, now: new Date(0) });
        const answered = {
          ...everything,
          ratings: plan.dimensions.map(({ dimension }) => ({ dimension: dimension.id, rating: 'insufficient' as const, evidence: 'We ran out of time before reaching this part of the interview.', at: '2026-01-01T00:00:00Z' })),
          flags: plan.flags.map((f) => ({ flag: f.id, kind: f.kind, note: 'Said so twice, once in the case and once in the questions.', at: '2026-01-01T00:00:00Z' })),
        };
        screens.push(renderReview(rubric, plan, answered, plain, 80));
        for (const line of screens.join('\n').split('\n')) expect(line.length, `${rubric.role.id}/${stage.id}: ${line}`).toBeLessThanOrEqual(80);
      }
    }
  });

  it('marks knockout flags and shortens long ones with an ellipsis', () => {
    const long = { id: 'x', text: 'word '.repeat(30).trim(), dimensions: ['d'], kind: 'red' as const, knockout: true };
    const choice = flagChoice(long, true, 80);
    expect(choice.name.startsWith('− KNOCKOUT word')).toBe(true);
    expect(choice.name.endsWith('…')).toBe(true);
    expect(choice.name.length).toBeLessThanOrEqual(74);
    expect(choice.description).toContain(long.text.slice(0, 40));
    expect(choice.checked).toBe(true);
  });
});
