// Every renderer says a rating's special states with the words and marks of core/rating-words.ts:
// "insufficient evidence" and its mark, an imported rating with no evidence, a dimension an interviewer
// did not rate, a dimension nobody rated with evidence. Each output that shows a mark explains it once,
// and a low score is never written with the insufficient-evidence word or mark.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { toCsv } from '../../src/commands/export.js';
import { buildCalibration } from '../../src/core/calibration/calibration.js';
import { buildComparison } from '../../src/core/compare.js';
import { buildDebrief } from '../../src/core/debrief.js';
import { SCORECARD_COLUMNS, scorecardRows } from '../../src/core/export.js';
import { INSUFFICIENT_KEY, MARK_LEGEND, RATING_MARKS, RATING_WORDS, noEvidenceText } from '../../src/core/rating-words.js';
import { INSUFFICIENT } from '../../src/core/rubric.js';
import { planFor } from '../../src/core/scoring.js';
import { calibrationHtml } from '../../src/render/calibration-html.js';
import { calibrationMarkdown } from '../../src/render/calibration-md.js';
import { comparisonView } from '../../src/render/compare-view.js';
import { debriefView } from '../../src/render/debrief-view.js';
import { calibrationPdfBytes } from '../../src/render/pdf/calibration.js';
import { comparisonPdfBytes } from '../../src/render/pdf/compare.js';
import { debriefPdfBytes } from '../../src/render/pdf/debrief.js';
import { loadTemplate } from '../../src/render/templates.js';
import { renderCalibrationText } from '../../src/render/terminal/calibration.js';
import { renderComparisonText } from '../../src/render/terminal/compare.js';
import { renderDebriefText } from '../../src/render/terminal/debrief.js';
import { renderDimensionForCommittee } from '../../src/render/terminal/decision.js';
import { renderReview, renderReviewCompact } from '../../src/render/terminal/scoring.js';
import { AT, HASH, card, testRubric } from '../core/debrief.fixture.js';

const plain = new Chalk({ level: 0 });
const WHY = 'the Greenhouse scorecard gave this rating without a note';

/**
 * Four scorecards of Kim Zoë, each state once. Dim analysis: Ana 1 (the low score), Bo insufficient,
 * Dee 3 (panel median 2: the insufficient answer is not counted). Dim systems: Ana 3 imported without a
 * note, Dee 2. Dim writing: only Cy's insufficient, so nobody rated it with evidence. Ana, Bo and Cy each
 * leave dimensions of other stages unrated.
 */
function scorecards() {
  const ana = card({ who: 'Ana', stage: 'screen', ratings: { analysis: 1, systems: 3 } });
  ana.scorecard.ratings[1] = { dimension: 'systems', rating: 3, no_evidence: WHY, at: AT };
  ana.scorecard.audit = [{ at: AT, action: 'import', reason: 'imported from Greenhouse scorecard 1 in gh.json', source: { system: 'greenhouse', file: 'gh.json', scorecard_id: '1' } }];
  return [
    ana,
    card({ who: 'Bo', stage: 'case', ratings: { analysis: INSUFFICIENT, people: 4 } }),
    card({ who: 'Cy', stage: 'onsite', ratings: { people: 3, writing: INSUFFICIENT } }),
    card({ who: 'Dee', stage: 'screen', ratings: { analysis: 3, systems: 2 } }),
  ].map((c) => ({ ...c, integrity: 'legacy' as const }));
}

const debrief = () => buildDebrief({ rubric: testRubric(), rubricHash: HASH, candidate: { name: 'Kim Zoë', slug: 'kim-zoe' }, scorecards: scorecards(), now: new Date(AT) });

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

const M = RATING_MARKS;
const W = RATING_WORDS;
const fold = (text: string): string => text.replace(/\s+/g, ' ');
/** Ana rated Dim analysis 1 with the evidence "Ana on analysis": the low score. */
const LOW = 'Ana on analysis';

/** The low score is written as its number: no line (or PDF run of text) carrying it names insufficient evidence. */
function expectLowScorePlain(text: string, around: RegExp): void {
  const hits = [...fold(text).matchAll(around)].map((m) => m[0]);
  expect(hits.length, `${around} in the output`).toBeGreaterThan(0);
  for (const hit of hits) {
    expect(hit).not.toContain(M.insufficient);
    expect(hit).not.toContain(W.insufficientShort);
    expect(hit).not.toContain('–');
  }
}

describe('the rating vocabulary is one, and every output uses it', () => {
  it('the marks are never digits, and the key that answers "insufficient evidence" is a letter', () => {
    for (const mark of Object.values(M)) expect(mark).not.toMatch(/\d/);
    expect(INSUFFICIENT_KEY).toMatch(/^[a-z]$/);
    expect(noEvidenceText(undefined)).toBe(`No evidence: ${W.noEvidenceWhy}`);
  });

  it('debrief in the terminal: marks in the grid, one legend, the words beside each rating', () => {
    const d = debrief();
    const text = renderDebriefText(d, plain, 80);
    const row = (name: string) => text.split('\n').find((l) => l.startsWith(name))!.trim().split(/\s+/);
    // Columns A D C B: Ana 1, Dee 3, Cy did not rate it, Bo insufficient; panel median 2.
    expect(row('Dim analysis').slice(2)).toEqual(['40', '2', '1-3', '1', '3', M.notRated, M.insufficient, '↔']);
    expect(row('Dim writing').slice(2)).toEqual(['10', M.none, M.none, M.notRated, M.notRated, M.insufficient, M.notRated]);
    expect(fold(text)).toContain(`${M.insufficient} ${W.insufficient}, never counted; ${M.notRated} ${W.notRated};`);
    expect(fold(text)).toContain(`${M.none} ${W.notRatedWithEvidence}`);
    expect(text.split('\n').filter((l) => l.includes(`${W.insufficient}, never counted`))).toHaveLength(1);
  });

  it('debrief in Markdown and HTML: the same marks, explained once in the scores legend', async () => {
    const d = debrief();
    const md = (await loadTemplate('md', { builtin: 'debrief' })).render(debriefView(d));
    expect(md).toContain(`| Dim analysis | 40 | 1 | 3 | ${M.notRated} | ${M.insufficient} | **2** |`);
    expect(md).toContain(`${M.insufficient} ${W.insufficient}; "${M.insufficient}" is never counted; ${MARK_LEGEND.notRated}; ${MARK_LEGEND.none}).`);
    expect(md).toContain(`- **Bo** (Case), ${M.insufficient} ${W.insufficient}: “Bo on analysis”`);
    expect(md).toContain(`- **Ana** (Screen), 3 meets: *${noEvidenceText(WHY)}*`);
    expect(md).toContain(`2 rated, 1 ${W.insufficientShort}`);
    expectLowScorePlain(md, /- \*\*Ana\*\* \(Screen\), [^\n]*“Ana on analysis”/g);

    const html = (await loadTemplate('html', { builtin: 'debrief' })).render(debriefView(d));
    expect(html).toMatch(new RegExp(`<td>Dim analysis \\(40\\)</td><td class="cell l1"[^>]*>1</td><td class="cell l3"[^>]*>3</td><td class="cell none"></td><td class="cell insufficient">\\${M.insufficient}</td>`));
    expect(html).toContain(`“${M.insufficient}” is ${W.insufficient}, shown but never counted; a blank cell was ${W.notRated}; ${MARK_LEGEND.none}.`);
    expect(html).toContain(`<span class="rating">${M.insufficient} ${W.insufficient}</span>`);
    expect(html).toContain(noEvidenceText(WHY));
    expectLowScorePlain(html, /<span class="rating">1 [^<]*<\/span><blockquote>“Ana on analysis”/g);
  });

  it('debrief as PDF (text through unpdf): the same marks and words', async () => {
    const text = await pdfText(await debriefPdfBytes(debrief()));
    expect(text).toContain(`Dim analysis (40) 1 3 ${M.insufficient} 2`);
    expect(text).toContain(`“${M.insufficient}” is ${W.insufficient}, which is ${W.insufficientRule}; a blank cell was ${W.notRated}.`);
    expect(text).toContain(`“${M.none}” when the dimension was ${W.notRatedWithEvidence}`);
    expect(text).toContain(`Bo · Case ${M.insufficient} ${W.insufficient} “Bo on analysis”`);
    expect(text).toContain(`Ana · Screen 3 meets ${noEvidenceText(WHY)}`);
    expect(text).toContain(`1 × ${W.insufficient}`);
    expectLowScorePlain(text, /Ana · Screen 1 well below “Ana on analysis”/g);
  });

  it('the committee screens of decide and the interviewer’s review', () => {
    const d = debrief();
    const committee = d.dimensions.map((x) => renderDimensionForCommittee(d, x, null, '1 of 4', plain, 80)).join('\n');
    expect(committee).toContain(`    ${M.insufficient} Bo (Case, ${W.insufficient})`);
    expect(committee).toContain(`No rating on the scale; 1 × ${W.insufficient}.`);
    expect(committee).toContain(noEvidenceText(WHY));
    expectLowScorePlain(committee, /\S+ Ana \(Screen, [^)]*\) “Ana on analysis”/g);

    const rubric = testRubric();
    const plan = planFor(rubric, 'screen')!;
    const draft = card({ who: 'Eve', stage: 'screen', ratings: { analysis: INSUFFICIENT }, status: 'draft' }).scorecard;
    for (const review of [renderReview(rubric, plan, draft, plain, 80), renderReviewCompact(rubric, plan, draft, plain, 80)]) {
      expect(review).toContain(`1. Dim analysis: ${M.insufficient} ${W.insufficient}`);
      expect(review).toContain(`2. Dim systems: ${W.notRated} yet`);
      // The old spellings of the same answer: an en dash in the review, the key in the compact review.
      expect(review).not.toMatch(/Dim analysis: (–|i) /);
    }
    const imported = scorecards()[0]!.scorecard;
    expect(renderReview(rubric, plan, imported, plain, 80)).toContain(noEvidenceText(WHY));
    expect(renderReviewCompact(rubric, plan, imported, plain, 80)).toContain(`2. Dim systems: 3 meets · ${W.noEvidence}`);
    expectLowScorePlain(renderReview(rubric, plan, imported, plain, 80), /1\. Dim analysis: [^\n]*/g);
    expectLowScorePlain(renderReviewCompact(rubric, plan, imported, plain, 80), /1\. Dim analysis: [^\n]*/g);
  });

  it('compare in every format: no panel score is the same mark, with the same legend', async () => {
    const c = buildComparison([debrief()], new Date(AT));
    const terminal = fold(renderComparisonText(c, plain, 80));
    expect(terminal).toMatch(new RegExp(`Dim writing 10 ${M.none} `));
    expect(terminal).toContain(`${MARK_LEGEND.none}.`);
    const md = (await loadTemplate('md', { builtin: 'compare' })).render(comparisonView(c));
    expect(md).toContain(`| Dim writing | 10 | ${M.none} |`);
    expect(md).toContain(`${MARK_LEGEND.none}.`);
    const html = (await loadTemplate('html', { builtin: 'compare' })).render(comparisonView(c));
    expect(html).toContain(`${MARK_LEGEND.none}.`);
    // The three text formats describe ↔ alike (the span is three levels on a six- or seven-level scale).
    for (const out of [terminal, md, html]) expect(out).toContain('↔ ratings far enough apart to discuss');
    const pdf = await pdfText(await comparisonPdfBytes(c));
    expect(pdf).toContain(`“${M.none}” was ${W.notRatedWithEvidence}`);
    expect(pdf).toContain(`Dim writing (10) ${M.none}`);
  });

  it('calibration: the insufficient-evidence mark in levels is explained where it is shown', async () => {
    const rubric = testRubric();
    const cal = buildCalibration({ roles: [{ rubric, rubricHash: HASH, candidates: [{ candidate: { name: 'Kim Zoë', slug: 'kim-zoe' }, scorecards: scorecards() }] }], now: new Date(AT), settings: { replicates: 10 } });
    const legend = `“${M.insufficient}” counts ${W.insufficient}, which is never a low rating.`;
    for (const out of [renderCalibrationText(cal, plain, 80), calibrationMarkdown(cal), calibrationHtml(cal)]) {
      // Bo: a 4 and an insufficient; Ana: a 1 and a 3.
      expect(out).toContain(`1: 0 · 2: 0 · 3: 0 · 4: 1 · ${M.insufficient}: 1`);
      expect(out).toContain(`1: 1 · 2: 0 · 3: 1 · 4: 0 · ${M.insufficient}: 0`);
      expect(fold(out)).toContain(legend);
    }
    expect(await pdfText(await calibrationPdfBytes(cal))).toContain(W.insufficient);
  });

  it('the CSV export: the level column says "insufficient" (the rating value), a low score its number, no evidence an empty cell', async () => {
    const csv = await toCsv(scorecardRows(scorecards().map((s) => s.scorecard)), SCORECARD_COLUMNS);
    const rows = csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
    const level = (who: string, dimension: string) => rows.find((r) => r[3] === who && r[4] === dimension)!;
    expect(level('Bo', 'analysis')[5]).toBe(INSUFFICIENT);
    expect(level('Cy', 'writing')[5]).toBe(INSUFFICIENT);
    expect(level('Ana', 'analysis').slice(5, 7)).toEqual(['1', LOW]);
    expect(level('Ana', 'systems').slice(5, 7)).toEqual(['3', '']);
    for (const mark of [M.insufficient, M.notRated, '–']) expect(csv).not.toContain(mark);
  });
});
