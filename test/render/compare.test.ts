// compare in every format marks a knockout, a failed hurdle and thin coverage; a composite over too little of
// the weight is bracketed and never shaded or bold; names and verdicts are never cut; the decision shows.
import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { buildComparison } from '../../src/core/compare.js';
import { applyConsensus, applyOutcome, applyParticipants, applyRationale, applyKnockoutRuling, newDecision, submitDecision } from '../../src/core/decision.js';
import { comparisonView } from '../../src/render/compare-view.js';
import { comparisonPdfBytes } from '../../src/render/pdf/compare.js';
import { loadTemplate } from '../../src/render/templates.js';
import { renderComparisonText } from '../../src/render/terminal/compare.js';
import { AT, card, panelDebrief, type Card } from '../core/panel.fixture.js';

const person = (name: string, slug: string, cards: Card[], decision?: Parameters<typeof panelDebrief>[2]) => panelDebrief(cards, { name, slug }, decision);

// Maximilian Oyelaran-Castellanos: analysis 4 only (weight 40 of 100 = 40% < 75%): composite 4.00 over
// thin coverage. Zoë Łukasz: analysis 2 and 2 (hurdle 3 failed), systems 3, people 3, writing 3; composite
// (40*2 + 30*3 + 20*3 + 10*3)/100 = 2.60. Wei Zhang (张伟): everything 3 with the knockout raised, decided.
const thin = person('Maximilian Oyelaran-Castellanos', 'max', [card('Ann', 'screen', { analysis: 4 })]);
const failed = person('Zoë Łukasz', 'zoe', [card('Ann', 'screen', { analysis: 2, systems: 3 }), card('Ben', 'case', { analysis: 2, people: 3 }), card('Cai', 'onsite', { people: 3, writing: 3 })]);
const koCards = [card('Ann', 'screen', { analysis: 3, systems: 3 }), card('Ben', 'case', { analysis: 3, people: 3 }, [{ flag: 'dishonest', kind: 'red' }]), card('Cai', 'onsite', { people: 3, writing: 3 })];
const koDebrief = person('Wei Zhang (张伟)', 'wei', koCards);
let decision = newDecision({ rubric: { id: 'test-role', version: '2.0', hash: 'h' }, candidate: { name: 'Wei Zhang (张伟)', slug: 'wei' }, now: new Date(AT) });
decision = applyKnockoutRuling(decision, 'dishonest', 'confirmed', '', new Date(AT));
for (const d of koDebrief.dimensions) decision = applyConsensus(decision, d, 3, 'The panel agreed on a three after discussion.', new Date(AT));
decision = applyParticipants(applyRationale(applyOutcome(decision, 'reject', new Date(AT)), 'The knockout stands after hearing Ben.', new Date(AT)), ['Ann', 'Ben'], new Date(AT));
const decided = person('Wei Zhang (张伟)', 'wei', koCards, submitDecision(koDebrief, decision, new Date(AT)));
const comparison = buildComparison([thin, failed, decided], new Date(AT));

describe('compare marks what a composite hides', () => {
  it('in the core comparison', () => {
    expect(comparison.candidates.map((c) => [c.composite, c.thin_coverage, c.rated_share, c.hurdle_failed[0], c.decision?.outcome ?? null])).toEqual([
      [4, true, 0.4, false, null],
      [2.6, false, 1, true, null],
      [3, false, 1, false, 'reject'],
    ]);
    const v = comparisonView(comparison);
    expect(v.candidates.map((c) => [c.composite, c.composite_value, c.marks])).toEqual([
      ['(4.00) thin', null, ['thin coverage: 40% rated, the policy asks for 75%']],
      ['2.60', 2.6, ['hurdle failed: Dim analysis']],
      ['3.00', 3, ['knockout raised (1)']],
    ]);
  });

  it('in the terminal, with names and verdicts whole', () => {
    const text = renderComparisonText(comparison, new Chalk({ level: 0 }), 80);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('(4.00) thin');
    expect(flat).toMatch(/Dim analysis ≥3 40 4 2 ✗ 3/);
    expect(text).not.toContain('…');
    // Each name, wrapped inside its column, still reads whole when its lines are joined.
    const header = text.split('\n').slice(3, 6).join('\n');
    expect(header).toMatch(/Maximilian/);
    expect(header).toMatch(/Oyelaran-\s*\n\s*Castellanos/);
    expect(flat).toContain('Reject on 2026-11-20');
    expect(text).not.toMatch(/2026-\s*\n/);
    expect(flat).toContain('Maximilian Oyelaran-Castellanos: thin coverage: 40% rated, the policy asks for 75%');
    expect(flat).toContain('Zoë Łukasz: hurdle failed: Dim analysis');
    expect(flat).toContain('Wei Zhang (张伟): knockout raised (1)');
  });

  it.each([60, 40])('in the terminal at %i columns, every line within the width', (width) => {
    const text = renderComparisonText(comparison, new Chalk({ level: 0 }), width);
    for (const line of text.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
    expect(text.replace(/\s+/g, ' ')).toContain('(test-role, rubric v2.0, 2026-11-20)');
  });

  it('in the terminal, more candidates than fit side by side come in blocks of the same rows', () => {
    // Ten candidates: analysis i % 4 + 1 and systems 3 each, so each block's first row can be checked.
    const many = Array.from({ length: 10 }, (_, i) =>
      person(`Candidate ${i + 1} Łukasz`, `c${i + 1}`, [card('Ann', 'screen', { analysis: ((i % 4) + 1) as 1 | 2 | 3 | 4, systems: 3 })]),
    );
    const text = renderComparisonText(buildComparison(many, new Date(AT)), new Chalk({ level: 0 }), 80);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    // 80 columns hold the dimension names, the weights and four columns of 12: blocks of 4, 4 and 2.
    expect(text.match(/^Candidates \d+-\d+ of 10$/gm)).toEqual(['Candidates 1-4 of 10', 'Candidates 5-8 of 10', 'Candidates 9-10 of 10']);
    const blocks = text.split(/^Candidates \d+-\d+ of 10$/m).slice(1);
    expect(blocks.map((b) => (b.match(/^Dim analysis ≥3\s+40(.*)$/m)?.[1] ?? '').trim().split(/\s+/).filter((w) => w !== '✗'))).toEqual([
      ['1', '2', '3', '4'],
      ['1', '2', '3', '4'],
      ['1', '2'],
    ]);
    // The short last block keeps the columns of the blocks above: its first score ends where theirs do.
    const firstScoreEnd = (b: string) => (b.match(/^Dim systems\s+30\s+3/m)?.[0] ?? '').length;
    expect(firstScoreEnd(blocks[2]!)).toBe(firstScoreEnd(blocks[0]!));
    for (let i = 1; i <= 10; i++) expect(text).toContain(`Candidate ${i} Łukasz:`);
  });

  it('in Markdown and HTML', async () => {
    const view = comparisonView(comparison);
    const md = (await loadTemplate('md', { builtin: 'compare' })).render(view);
    expect(md).toContain('| **Composite** (bar 3.00) | | (4.00) thin | **2.60** | **3.00** |');
    expect(md).toContain(' 2 ✗ |');
    expect(md).toContain('| **Committee decision** | | undecided | undecided | Reject (2026-11-20) |');
    expect(md).toContain('**Maximilian Oyelaran-Castellanos:** thin coverage: 40% rated, the policy asks for 75%.');
    const html = (await loadTemplate('html', { builtin: 'compare' })).render(view);
    expect(html).toContain('<td class="num thin">(4.00) thin</td>');
    expect(html).toContain('2 ✗');
    expect(html).toContain('<b>Zoë Łukasz:</b> hurdle failed: Dim analysis.');
    expect(html).toContain('Wei Zhang (张伟)');
  });

  it('in the PDF', async () => {
    const bytes = await comparisonPdfBytes(comparison, 'a4');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('(4.00) thin');
    expect(flat).toContain('2 ✗');
    expect(flat).toContain('Before reading the composites');
    expect(flat).toContain('thin coverage: 40% rated, the policy asks for 75%');
    expect(flat).toContain('Reject (2026-11-20)');
  });

  it('in JSON', () => {
    const json = JSON.parse(JSON.stringify(comparison)) as { candidates: Array<{ thin_coverage: boolean; hurdle_failed: boolean[]; decision: unknown }> };
    expect(json.candidates.map((c) => [c.thin_coverage, c.hurdle_failed.some(Boolean), c.decision !== null])).toEqual([
      [true, false, false],
      [false, true, false],
      [false, false, true],
    ]);
  });
});
