// What a changed ATS scorecard would bring: compared with the answers as first imported, which the audit
// trail keeps even after an amendment in hirekit. Hand-written scorecards, hand-written expectations.
import { describe, expect, it } from 'vitest';
import { answerChanges, answersAsImported, changedSinceImport } from '../../../src/core/import/changes.js';
import { reopen } from '../../../src/core/scoring.js';
import type { Scorecard } from '../../../src/core/scorecard.js';
import { AT, card } from '../debrief.fixture.js';

function imported(): Scorecard {
  const sc = card({ who: 'Ana', stage: 'screen', ratings: { analysis: 3, systems: 2 }, flags: [{ flag: 'vague', kind: 'red', note: 'Stayed vague on cost' }], summary: 'Solid' }).scorecard;
  sc.ratings[1] = { dimension: 'systems', rating: 2, no_evidence: 'the Greenhouse scorecard gave this rating without a note', at: AT };
  sc.audit = [{ at: AT, action: 'import', reason: 'imported from Greenhouse scorecard 1 in gh.json', source: { system: 'greenhouse', file: 'gh.json', scorecard_id: '1', updated_at: AT } }];
  return sc;
}
const names = (d: string): string => ({ analysis: 'Analysis', systems: 'Systems', people: 'People' })[d] ?? d;

describe('answerChanges', () => {
  it('is empty for the same answers', () => {
    expect(answerChanges(imported(), imported(), names)).toEqual([]);
  });

  it('names each change once: level, evidence, a new or dropped rating, flags, recommendation, summary', () => {
    const after = imported();
    after.ratings = [
      { dimension: 'analysis', rating: 'insufficient', evidence: 'Ana on analysis', at: AT },
      { dimension: 'systems', rating: 2, evidence: 'Now with a note', at: AT },
      { dimension: 'people', rating: 4, evidence: 'New', at: AT },
    ];
    after.flags = [{ flag: 'clear-thinker', kind: 'green', note: 'Clear', at: AT }];
    after.recommendation = 'strong-yes';
    after.summary = 'Solid, and more';
    expect(answerChanges(imported(), after, names)).toEqual([
      'Analysis 3 → insufficient evidence',
      'Systems: evidence',
      'People newly rated 4',
      'green flag clear-thinker raised',
      'red flag vague withdrawn',
      'recommendation Yes → Strong yes',
      'summary',
    ]);
    const fewer = imported();
    fewer.ratings = fewer.ratings.slice(0, 1);
    fewer.flags = [{ ...fewer.flags[0]!, note: 'Stayed vague on cost and scope' }];
    delete fewer.recommendation;
    expect(answerChanges(imported(), fewer, names)).toEqual(['Systems no longer rated', 'red flag vague: note', 'recommendation Yes → none']);
  });
});

describe('answersAsImported', () => {
  it('is the scorecard itself until hirekit changes it, then what the first change replaced', () => {
    const sc = imported();
    expect(changedSinceImport(sc)).toBe(false);
    expect(answersAsImported(sc)).toBe(sc);
    // Reopened in hirekit and analysis changed 3 -> 4 there (then submitted again, as score --amend does).
    const reopened = reopen(sc, 'typo in the level', new Date(AT));
    const amended: Scorecard = { ...reopened, status: 'submitted', submitted_at: AT, ratings: [{ dimension: 'analysis', rating: 4, evidence: 'Re-read the notes', at: AT }, sc.ratings[1]!] };
    expect(changedSinceImport(amended)).toBe(true);
    // The amendment in hirekit is not a change in the ATS.
    expect(answerChanges(answersAsImported(amended), imported(), names)).toEqual([]);
    expect(answersAsImported(amended).ratings.map((r) => r.rating)).toEqual([3, 2]);
  });
});
