// `hirekit calibrate` in the terminal keeps within the terminal's width: on a narrow one the agreement table
// keeps the ordinal alpha and its interval (the other two alphas give way, and it says where to find them),
// and a lean too long for its column wraps under it.
import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { buildCalibration } from '../../src/core/calibration/calibration.js';
import { Rubric } from '../../src/core/rubric.js';
import type { Scorecard } from '../../src/core/scorecard.js';
import { renderCalibrationText } from '../../src/render/terminal/calibration.js';

const AT = '2026-11-20T10:00:00Z';
const anchors = { 1: 'one', 2: 'two', 3: 'three', 4: 'four' };
const rubric = Rubric.parse({
  role: { id: 'head-of-ml', title: 'Head of Machine Learning', level: 'Director', summary: 'For tests.', sources: [{ file: 'x.txt', section: '1' }] },
  version: '1.2',
  scale: { 1: { label: 'a', meaning: 'm' }, 2: { label: 'b', meaning: 'm' }, 3: { label: 'c', meaning: 'm' }, 4: { label: 'd', meaning: 'm' }, insufficient: { label: 'insufficient evidence', meaning: 'm' } },
  dimensions: [
    { id: 'strategy', name: 'ML strategy & portfolio', measures: 'm', weight: 50, anchors },
    { id: 'experiments', name: 'Experimentation & measurement', measures: 'm', weight: 50, anchors },
  ],
  loop: [{ id: 'panel', name: 'Panel', duration_minutes: 60, interviewers: 'Two', purpose: 'p', focus: ['strategy', 'experiments'] }],
  policy: { weights_total: 100, dimension_score: 'median', bar: 3, min_scorecards: 1, min_coverage: 0 },
});
const PANEL = ['Bartholomew Fitzgerald-Montgomery Alexander Wojciechowski III', 'Wei Zhang (张伟)', 'محمد عبد الله'];
const CANDIDATES = ['Maximilian Alexander von Hohenzollern-Sigmaringen', 'Дмитрий Соколов', 'Zoë Łukasz'];

function card(candidate: number, who: number): { file: string; scorecard: Scorecard } {
  const slug = `p${who}`;
  const level = (((candidate + who) % 4) + 1) as 1 | 2 | 3 | 4;
  return {
    file: `/ws/candidates/c${candidate}/scorecards/panel--${slug}.yaml`,
    scorecard: {
      format: 'hirekit-scorecard/1',
      rubric: { id: 'head-of-ml', version: '1.2', hash: 'h' },
      candidate: { name: CANDIDATES[candidate]!, slug: `c${candidate}` },
      interviewer: { name: PANEL[who]!, slug },
      stage: 'panel',
      status: 'submitted',
      created_at: AT,
      updated_at: AT,
      submitted_at: AT,
      recommendation: 'yes',
      summary: 's',
      ratings: [
        { dimension: 'strategy', rating: level, evidence: 'e', at: AT },
        { dimension: 'experiments', rating: (5 - level) as 1 | 2 | 3 | 4, evidence: 'e', at: AT },
      ],
      flags: [],
      audit: [],
    },
  };
}

const calibration = buildCalibration({
  roles: [{ rubric, rubricHash: 'h', candidates: CANDIDATES.map((name, c) => ({ candidate: { name, slug: `c${c}` }, scorecards: PANEL.map((_, w) => card(c, w)) })) }],
  now: new Date(AT),
  settings: { replicates: 10 },
});

describe('calibrate in the terminal', () => {
  it.each([80, 60])('keeps the window line of one interviewer\'s profile within %i columns', (width) => {
    const one = buildCalibration({ roles: [{ rubric, rubricHash: 'h', candidates: CANDIDATES.map((name, c) => ({ candidate: { name, slug: `c${c}` }, scorecards: PANEL.map((_, w) => card(c, w)) })) }], now: new Date(AT), settings: { replicates: 10 }, filters: { interviewer: 'p0' } });
    const text = renderCalibrationText(one, new Chalk({ level: 0 }), width);
    for (const line of text.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
  });

  it.each([100, 80, 60])('keeps every line within %i columns', (width) => {
    const text = renderCalibrationText(calibration, new Chalk({ level: 0 }), width);
    for (const line of text.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
    // The lean of an interviewer with too few shared candidates reads whole once its lines are joined.
    expect(text.replace(/\n\s*/g, ' ')).toContain('too few shared candidates to tell');
  });

  it('shows all three alphas when they fit, and says where they are when they do not', () => {
    const wide = renderCalibrationText(calibration, new Chalk({ level: 0 }), 80);
    expect(wide).toMatch(/^ {2}dimension +ordinal {2}95% interval +interval +nominal +units$/m);
    const narrow = renderCalibrationText(calibration, new Chalk({ level: 0 }), 60);
    expect(narrow).toMatch(/^ {2}dimension +ordinal {2}95% interval +units$/m);
    expect(narrow.replace(/\n\s*/g, ' ')).toContain('Interval and nominal alpha: on a terminal of 71 columns or more, or with --format md.');
  });
});
