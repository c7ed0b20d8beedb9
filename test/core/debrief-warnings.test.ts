// What buildDebrief says about scorecards it cannot fully use, and the facts it carries for the renderers.
// Messages are written out in full: they are what a hiring manager reads.
import { describe, expect, it } from 'vitest';
import { AT, debriefOf, type CardSpec } from './debrief.fixture.js';

const file = (stage: string, who: string) => `/ws/candidates/kim/scorecards/${stage}--${who}.yaml`;

describe('buildDebrief warnings', () => {
  it('leaves out a scorecard made for another role and says so', () => {
    const d = debriefOf([
      { who: 'Ann', stage: 'screen', ratings: { analysis: 3 } },
      { who: 'Eve', stage: 'screen', ratings: { analysis: 1 }, role: 'data-analyst' },
      { who: 'Ben', stage: 'screen', ratings: { analysis: 3 } },
      { who: 'Cai', stage: 'case', ratings: { analysis: 3 } },
    ]);
    expect(d.warnings).toEqual([
      { code: 'other-role', message: `${file('screen', 'eve')} was made for role data-analyst, not test-role; it is left out` },
    ]);
    expect(d.panel.map((p) => p.interviewer.name)).toEqual(['Ann', 'Ben', 'Cai']);
    expect(d.dimensions[0]).toMatchObject({ count: 3, min: 3, score: 3 });
  });

  it('names a stage, dimension or flag the rubric does not have, keeps the stage and flag, and drops the rating', () => {
    const d = debriefOf([
      { who: 'Zed', stage: 'dinner', ratings: { analysis: 4, charm: 4 }, flags: [{ flag: 'rude', kind: 'red', note: 'Snapped at the waiter.' }] },
      { who: 'Ann', stage: 'screen', ratings: { analysis: 3 }, flags: [{ flag: 'vague', kind: 'red', note: 'No numbers.' }] },
      { who: 'Ben', stage: 'case', ratings: { analysis: 3 } },
    ]);
    expect(d.warnings).toEqual([
      { code: 'unknown-stage', message: `${file('dinner', 'zed')}: stage 'dinner' is not in the test-role loop` },
      { code: 'unknown-dimension', message: `${file('dinner', 'zed')}: dimension 'charm' is not in rubric v2.0; its rating is left out` },
      { code: 'unknown-flag', message: `${file('dinner', 'zed')}: flag 'rude' is not in rubric v2.0; it is shown as written` },
    ]);
    // A stage outside the loop sorts after every stage of it, and is shown by its id.
    expect(d.panel.map((p) => [p.interviewer.name, p.stage])).toEqual([
      ['Ann', { id: 'screen', name: 'Screen' }],
      ['Ben', { id: 'case', name: 'Case' }],
      ['Zed', { id: 'dinner', name: 'dinner' }],
    ]);
    // analysis 3, 3, 4: median 3, mean 3.33; charm counts nowhere.
    expect(d.dimensions.map((x) => x.id)).toEqual(['analysis', 'systems', 'people', 'writing']);
    expect(d.dimensions[0]).toMatchObject({ count: 3, median: 3, mean: 3.33 });
    // The unknown flag is shown as written, after the rubric's own red flags.
    expect(d.flags).toEqual([
      { id: 'vague', kind: 'red', text: 'Stays vague', dimension: { id: 'systems', name: 'Dim systems' }, dimensions: [{ id: 'systems', name: 'Dim systems' }], cross_cutting: false, knockout: false, raised_by: [{ panel: 0, interviewer: { name: 'Ann', slug: 'ann' }, stage: 'screen', note: 'No numbers.' }], tier: 'red' },
      { id: 'rude', kind: 'red', text: 'rude', dimension: { id: '', name: '' }, dimensions: [], cross_cutting: false, knockout: false, raised_by: [{ panel: 2, interviewer: { name: 'Zed', slug: 'zed' }, stage: 'dinner', note: 'Snapped at the waiter.' }], tier: 'red' },
    ]);
  });

  it("orders flags of one kind by the rubric's list, whoever raised them first; unknown ones last", () => {
    const d = debriefOf([
      { who: 'Ann', stage: 'screen', ratings: { analysis: 3 }, flags: [{ flag: 'rude', kind: 'red', note: 'Snapped at the coordinator.' }] },
      { who: 'Ben', stage: 'case', ratings: { analysis: 3 }, flags: [{ flag: 'vague', kind: 'red', note: 'No numbers.' }] },
    ]);
    expect(d.flags.map((f) => f.id)).toEqual(['vague', 'rude']);
  });

  it('orders drafts by the loop, then by name', () => {
    const d = debriefOf([
      { who: 'Cai', stage: 'case', ratings: {}, status: 'draft' },
      { who: 'Ben', stage: 'screen', ratings: {}, status: 'draft' },
      { who: 'Ann', stage: 'screen', ratings: {}, status: 'draft' },
    ]);
    expect(d.drafts.map((x) => [x.interviewer.name, x.stage.name, x.file])).toEqual([
      ['Ann', 'Screen', file('screen', 'ann')],
      ['Ben', 'Screen', file('screen', 'ben')],
      ['Cai', 'Case', file('case', 'cai')],
    ]);
  });
});

describe('what the debrief carries for the renderers', () => {
  const PANEL: CardSpec[] = [
    { who: 'Ann', stage: 'screen', ratings: { analysis: 3, systems: 3 }, summary: 'Solid on the numbers.', recommendation: 'yes' },
    { who: 'Ben', stage: 'onsite', ratings: { people: 4, writing: 'insufficient' }, recommendation: 'strong-yes' },
    { who: 'Cai', stage: 'case', ratings: { analysis: 4, people: 3 }, recommendation: 'no' },
  ];

  it('carries the role, rubric, scale and each panel entry as submitted', () => {
    const d = debriefOf(PANEL);
    expect(d.generated_at).toBe('2026-11-20T10:00:00.000Z');
    expect(d.role).toEqual({ id: 'test-role', title: 'Test Role', level: 'Senior' });
    expect(d.rubric).toEqual({ version: '2.0', hash: 'sha256:current' });
    expect(d.scale).toEqual({
      levels: [
        { level: 1, label: 'well below' },
        { level: 2, label: 'below' },
        { level: 3, label: 'meets' },
        { level: 4, label: 'exceeds' },
      ],
      insufficient: 'insufficient evidence',
      // Half the 1-4 range, never below 2.
      disagreement_spread: 2,
    });
    expect(d.panel[0]).toEqual({
      interviewer: { name: 'Ann', slug: 'ann' },
      stage: { id: 'screen', name: 'Screen' },
      label: 'Ann',
      file: file('screen', 'ann'),
      submitted_at: AT,
      recommendation: 'yes',
      summary: 'Solid on the numbers.',
      rubric: { version: '2.0', hash: 'sha256:current' },
      rubric_mismatch: false,
    });
    expect(d.panel[1]!.summary).toBeNull();
  });

  it('marks the hurdle on its dimension and lists every unrated dimension', () => {
    const d = debriefOf(PANEL);
    expect(d.dimensions.map((x) => x.hurdle)).toEqual([3, null, null, null]);
    expect(d.coverage.unrated_dimensions).toEqual([{ id: 'writing', name: 'Dim writing', weight: 10, insufficient: 1 }]);
  });

  it('gives every reason for a fully rated panel that clears the bar, and no renormalising', () => {
    // analysis 3.5, systems 3, people 3.5, writing 3: (140 + 90 + 70 + 30) / 100 = 3.30.
    const d = debriefOf([...PANEL, { who: 'Dee', stage: 'onsite', ratings: { writing: 3 } }]);
    expect(d.policy).toMatchObject({ composite: 3.3, renormalised: false, excluded: [] });
    expect(d.summary.reasons).toEqual(['hurdle Dim analysis met: 3.50 reaches 3', 'weighted composite 3.30 is at or above the bar of 3.00']);
  });

  it('says a composite exactly at the bar is at or above it', () => {
    // analysis 3, systems 3, people 3, writing 3: composite 3.00 = bar.
    const d = debriefOf([
      { who: 'Ann', stage: 'screen', ratings: { analysis: 3, systems: 3 } },
      { who: 'Ben', stage: 'onsite', ratings: { people: 3, writing: 3 } },
      { who: 'Cai', stage: 'case', ratings: { analysis: 3 } },
    ]);
    expect(d.summary.verdict).toBe('at-or-above-bar');
    expect(d.summary.reasons).toContain('weighted composite 3.00 is at or above the bar of 3.00');
  });

  it('gives the reasons when nothing was rated and the hurdle could not be assessed', () => {
    const d = debriefOf([
      { who: 'Ann', stage: 'screen', ratings: { analysis: 'insufficient' } },
      { who: 'Ben', stage: 'screen', ratings: {} },
      { who: 'Cai', stage: 'case', ratings: {} },
    ]);
    expect(d.summary.reasons).toEqual([
      '0% of the weight was rated; the policy asks for at least 75%',
      'hurdle Dim analysis (at least 3) was not assessed',
      'no dimension was rated, so there is no composite',
    ]);
  });

  it('names everyone who raised a knockout', () => {
    const note = (n: string) => [{ flag: 'dishonest', kind: 'red' as const, note: n }];
    const d = debriefOf([
      { who: 'Ann', stage: 'screen', ratings: { analysis: 3 }, flags: note('Dates do not match.') },
      { who: 'Ben', stage: 'case', ratings: { analysis: 3 }, flags: note('Claimed the whole launch.') },
    ]);
    expect(d.summary.reasons[0]).toBe('knockout flag "Misrepresents past work" raised by Ann, Ben');
    expect(d.agenda[0]).toMatchObject({ kind: 'knockout', dimension: { id: 'people', name: 'Dim people' }, flag: 'dishonest', text: 'Misrepresents past work', raised_by: [{ name: 'Ann', slug: 'ann' }, { name: 'Ben', slug: 'ben' }] });
    expect(d.agenda[0]!.hear_from.map((p) => p.name)).toEqual(['Ann', 'Ben']);
  });

  it('treats a hurdle on a dimension the rubric lacks as not assessed, under its id', () => {
    const d = debriefOf(PANEL, { hurdles: [{ dimension: 'ghost', min_level: 2 }] });
    expect(d.policy.hurdles).toEqual([{ dimension: 'ghost', name: 'ghost', min_level: 2, score: null, status: 'not-assessed' }]);
    expect(d.summary.verdict).toBe('not-enough-evidence');
    expect(d.summary.reasons).toContain('hurdle ghost (at least 2) was not assessed');
  });
});
