import { Chalk } from 'chalk';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorAt, scaleLevels } from '../../src/core/rubric-queries.js';
import { interviewClock, newScorecard, planFor } from '../../src/core/scoring.js';
import { loadCatalog } from '../../src/io/rubrics.js';
import { renderHeader, renderNotesScreen, renderRatingScreen } from '../../src/render/terminal/screen.js';
import { flagChoice, ratingChoices, ratingPromptHeight, renderReview, renderReviewCompact, renderStageBrief, SCREEN_ROWS } from '../../src/render/terminal/scoring.js';
import { columnsOf, truncate, wrap } from '../../src/render/terminal/style.js';
import { FIXTURES } from '../helpers/cli.js';

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 1 });
const HEADER = { candidate: 'Zoë Łukasz', stage: 'Technical case', step: 'dimension 1 of 2', saved: 'saved 10:00 UTC' };

describe('scoring screens at 80x24', async () => {
  const catalog = await loadCatalog({ rubrics: [path.join(FIXTURES, 'rubrics'), path.join(FIXTURES, 'rubrics-five')], env: {} });
  const rubrics = [...catalog.byId.values()].map((l) => l.rubric);

  it('fit each dimension with its prompt in 24 rows and 79 columns, with or without colour, for every stage of every known rubric', () => {
    expect(rubrics.length).toBeGreaterThan(4);
    for (const rubric of rubrics) {
      for (const stage of rubric.loop) {
        const plan = planFor(rubric, stage.id);
        if (!plan) throw new Error(`no plan for ${stage.id}`);
        plan.dimensions.forEach(({ dimension, questions }, index) => {
          const where = `${rubric.role.id}/${stage.id}/${dimension.id}`;
          const notes = [{ question: questions[0]?.id ?? 'x', text: 'Drew the feature store first.\nThen the online path, in detail.', at: '2026-01-01T00:00:00Z' }];
          for (const c of [plain, colour]) {
            const screen = renderRatingScreen({ rubric, plan, index, header: HEADER, notes, colour: c, width: 79 });
            const lines = screen.split('\n');
            expect(lines.length + ratingPromptHeight(rubric, dimension, 79), where).toBeLessThanOrEqual(SCREEN_ROWS - 1);
            for (const line of lines) expect(columnsOf(line), `${where}: ${line}`).toBeLessThanOrEqual(79);
            const flat = plain === c ? screen.replace(/\s+/g, ' ') : '';
            if (c === plain) {
              expect(lines[1], where).toBe(dimension.name);
              if (questions[0]) expect(flat, where).toContain(questions[0].text.replace(/\s+/g, ' ').slice(0, 40));
              else if (plan.caseStudy?.dimensions.includes(dimension.id)) expect(flat, where).toContain(`Case study: ${plan.caseStudy.title}`);
            }
          }
          // Every anchor appears once, in full, as the description of its level; none on the screen above.
          const choices = ratingChoices(rubric, dimension, 79);
          for (const level of scaleLevels(rubric)) {
            const anchor = anchorAt(dimension, level).replace(/\s+/g, ' ').trim();
            expect(choices.filter((ch) => (ch.description ?? '').replace(/\s+/g, ' ').includes(anchor)), where).toHaveLength(1);
          }
          for (const choice of choices) for (const line of (choice.description ?? '').split('\n')) expect(columnsOf(line)).toBeLessThanOrEqual(79);
        });
      }
    }
    // A sweep over every stage of every rubric, twice (plain and colour): seconds alone, longer on a busy machine.
  }, 120_000);

  it('fit the brief, flags and review in 80 columns', () => {
    for (const rubric of rubrics) {
      for (const stage of rubric.loop) {
        const plan = planFor(rubric, stage.id);
        if (!plan) throw new Error(`no plan for ${stage.id}`);
        const screens = [renderStageBrief(rubric, plan, { candidate: 'Wei Zhang (张伟)', interviewer: 'Ana Ruiz' }, plain, 79)];
        for (const flag of plan.flags) screens.push(flagChoice(flag, false, 79).name);
        const everything = newScorecard({ rubric: { id: rubric.role.id, version: rubric.version, hash: 'sha256:0' }, candidate: { name: 'Wei Zhang (张伟)', slug: 'wei-zhang' }, interviewer: { name: 'Ana Ruiz', slug: 'ana-ruiz' }, stage: stage.id, now: new Date(0) });
        const answered = {
          ...everything,
          ratings: plan.dimensions.map(({ dimension }) => ({ dimension: dimension.id, rating: 'insufficient' as const, evidence: '我们没有时间讨论这一部分，面试官在最后十分钟才提到这个问题，候选人只回答了一半。\nSecond line.', at: '2026-01-01T00:00:00Z' })),
          flags: plan.flags.map((f) => ({ flag: f.id, kind: f.kind, note: 'Said so twice, once in the case and once in the questions.', at: '2026-01-01T00:00:00Z' })),
          recommendation: 'yes' as const,
          summary: 'A long summary that goes on and on so that it has to wrap at the edge of the terminal, twice over.',
        };
        screens.push(renderReview(rubric, plan, answered, colour, 79), renderReviewCompact(rubric, plan, answered, colour, 79));
        for (const line of screens.join('\n').split('\n')) expect(columnsOf(line), `${rubric.role.id}/${stage.id}: ${line}`).toBeLessThanOrEqual(79);
      }
    }
  });

  it('shows every question of the stage with its probes in the brief', () => {
    const rubric = catalog.byId.get('data-analyst')?.rubric;
    const plan = rubric && planFor(rubric, 'technical');
    if (!rubric || !plan) throw new Error('fixture missing');
    const brief = renderStageBrief(rubric, plan, { candidate: 'Zoë Łukasz', interviewer: 'Ana Ruiz' }, plain, 79);
    expect(brief).toContain('1. Walk me through joining orders to customers');
    expect(brief).toContain('Probes');
    expect(brief).toContain('Case study: The churn dip');
  });

  it('shows the time against the stage plan on the notes screen, and says when the time is up', () => {
    const rubric = catalog.byId.get('data-analyst')?.rubric;
    const plan = rubric && planFor(rubric, 'technical');
    if (!plan) throw new Error('fixture missing');
    const at = (minutes: number): string => renderNotesScreen({ header: { ...HEADER, step: 'notes' }, clock: interviewClock(rubric, plan, minutes), colour: plain, width: 79 });
    expect(at(0)).toContain('0 min of 60 · now: Welcome');
    expect(at(12.7)).toContain('12 min of 60 · now: Case study');
    expect(at(61)).toContain('61 min of 60 · past the planned time: time to wrap up');
  });

  it('cuts a header by width, never breaking a wide character, and keeps its right-hand part', () => {
    const header = renderHeader({ candidate: '王小明 (Wang Xiaoming) 王小明王小明王小明王小明', stage: 'Production ML technical deep dive', step: 'dimension 2 of 3', saved: 'saved 10:42 UTC' }, plain, 79);
    expect(columnsOf(header)).toBe(79);
    expect(header).toContain(' · dimension 2 of 3 · saved 10:42 UTC');
    expect(header).toContain('…');
  });

  it('fit each dimension in 20 rows and 60 columns, a heading never left without a line of what it heads', () => {
    for (const rubric of rubrics) {
      for (const stage of rubric.loop) {
        const plan = planFor(rubric, stage.id)!;
        plan.dimensions.forEach(({ dimension, questions }, index) => {
          const where = `${rubric.role.id}/${stage.id}/${dimension.id}`;
          const notes = [{ question: questions[0]?.id ?? 'x', text: 'Drew the feature store first.\nThen the online path, in detail.', at: '2026-01-01T00:00:00Z' }];
          const lines = renderRatingScreen({ rubric, plan, index, header: HEADER, notes, colour: plain, width: 60, rows: 20 }).split('\n');
          expect(lines.length + ratingPromptHeight(rubric, dimension, 60), where).toBeLessThanOrEqual(20 - 1);
          expect(lines[1], where).toBe(dimension.name);
          for (const line of lines) expect(columnsOf(line), `${where}: ${line}`).toBeLessThanOrEqual(60);
          // "You asked", "You asked inside the case", "Your notes": each is followed by a line of its content.
          lines.forEach((line, i) => {
            if (/^(You asked|Your notes)/.test(line)) expect(lines[i + 1] ?? '', `${where}: ${line} ends the screen`).toMatch(/^ {2}\S/);
          });
        });
      }
    }
  }, 120_000);

  it.each([80, 60])('never cuts the stage in the header down to a bare "·…" (%i columns)', (width) => {
    for (const candidate of ['Wei Zhang (张伟)', 'Maximilian Alexander von Hohenzollern-Sigmaringen', 'Zoë Łukasz']) {
      const header = renderHeader({ candidate, stage: 'Case B: incident and drift response', step: 'dimension 1 of 3', saved: 'nothing saved yet' }, plain, width);
      expect(columnsOf(header), header).toBe(width);
      expect(header, header).not.toMatch(/·…|· …/);
      expect(header).toContain(' · dimension 1 of 3 · nothing saved yet');
      // The candidate's name comes first and keeps at least its first word.
      expect(header.trimStart().startsWith(candidate.split(' ')[0]!), header).toBe(true);
      // The stage is there whole, cut with an ellipsis, or left out: never a fragment under 8 columns.
      const stage = /^ .+? · (.+?) · dimension/.exec(header)?.[1];
      if (stage !== undefined) expect(columnsOf(stage), header).toBeGreaterThanOrEqual(8);
    }
  });

  it('marks knockout flags and shortens long ones with an ellipsis', () => {
    const long = { id: 'x', text: 'word '.repeat(30).trim(), dimensions: ['d'], kind: 'red' as const, knockout: true };
    const choice = flagChoice(long, true, 80);
    expect(choice.name.startsWith('− KNOCKOUT word')).toBe(true);
    expect(choice.name.endsWith('…')).toBe(true);
    expect(columnsOf(choice.name)).toBeLessThanOrEqual(74);
    expect(choice.description).toContain(long.text.slice(0, 40));
    expect(choice.checked).toBe(true);
  });
});

describe('width is not length', () => {
  it('wraps CJK at the column where it is two columns wide', () => {
    const text = '候选人解释了查询计划'.repeat(6); // 60 characters, 120 columns
    const lines = wrap(text, 40).split('\n');
    expect(lines.map(columnsOf)).toEqual([40, 40, 40]);
    expect(lines.join('')).toBe(text);
  });

  it('does not count colour codes, and wraps emoji by their width', () => {
    const red = colour.red('red words here');
    expect(columnsOf(red)).toBe(14);
    expect(wrap(`${'🙂 '.repeat(30)}`.trim(), 20).split('\n').every((l) => columnsOf(l) <= 20)).toBe(true);
  });

  it('truncates by width and keeps the indent', () => {
    expect(truncate('    张伟张伟张伟张伟张伟', 10)).toBe('    张伟…');
    expect(columnsOf(truncate('    张伟张伟张伟张伟张伟', 10))).toBeLessThanOrEqual(10);
    expect(truncate(colour.dim('  indented and dimmed text'), 12)).toContain('  indented');
  });
});
