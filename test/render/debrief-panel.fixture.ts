// Debriefs for the renderer tests: a loop of up to twelve stages with long stage names, run by
// interviewers with long names, so column headers, legends and quote captions are put under strain.
import { buildDebrief, type Debrief } from '../../src/core/debrief.js';
import { Rubric } from '../../src/core/rubric.js';
import type { Scorecard } from '../../src/core/scorecard.js';

const AT = '2026-11-20T10:00:00Z';
const HASH = 'sha256:current';
const anchors = { 1: 'one', 2: 'two', 3: 'three', 4: 'four' };

export const STAGES = [
  'Hiring manager screen',
  'Production ML technical deep dive',
  'Case A: platform and operating model',
  'Case B: incident and drift response',
  'Case C: ROI prioritisation and roadmap',
  'Case D: LLM feature evaluation',
  'Leadership and talent interview',
  'Executive communication session',
  'Partner team panel',
  'Writing sample review',
  'Reference conversation one',
  'Reference conversation two',
];

export const INTERVIEWERS = ['Mariam Haddad', 'Tomás Ortega', 'Kenji Nakamura-Wójcik', 'Ingrid Søndergaard', 'Σοφία Παππά', 'Дмитрий Соколов'];

const DIMENSIONS = ['ML strategy & portfolio', 'Production ML architecture', 'Experimentation & measurement', 'Cross-functional leadership'];

function rubric(): Rubric {
  return Rubric.parse({
    role: { id: 'head-of-test', title: 'Head of Testing', level: 'Director', summary: 'For tests.', sources: [{ file: 'x.txt', section: '1' }] },
    version: '1.0',
    scale: {
      1: { label: 'well below bar', meaning: 'm' },
      2: { label: 'below bar', meaning: 'm' },
      3: { label: 'meets bar', meaning: 'm' },
      4: { label: 'exceeds bar', meaning: 'm' },
      insufficient: { label: 'insufficient evidence', meaning: 'm' },
    },
    dimensions: DIMENSIONS.map((name, i) => ({ id: `d${i + 1}`, name, measures: 'something', weight: 25, anchors })),
    flags: { green: [{ id: 'numbers', text: 'Leads with numbers', dimension: 'd1' }], red: [] },
    loop: STAGES.map((name, i) => ({ id: `s${i + 1}`, name, duration_minutes: 45, interviewers: 'One', purpose: 'p', focus: ['d1'] })),
    policy: { weights_total: 100, dimension_score: 'median', bar: 3, hurdles: [], min_scorecards: 1, min_coverage: 0.5 },
  });
}

export interface Sitting {
  /** Index into INTERVIEWERS, or a name of its own. */
  who: number | string;
  /** Index into STAGES. */
  stage: number;
}

/** A debrief with one submitted scorecard per sitting; ratings cycle through 1-4 and "insufficient". */
export function debriefOf(sittings: readonly Sitting[], options: { stageName?: string; candidate?: string } = {}): Debrief {
  const candidate = { name: options.candidate ?? 'Zoë Łukasz', slug: 'zoe-lukasz' };
  const base = rubric();
  const r = options.stageName ? { ...base, loop: base.loop.map((s, i) => (i === 0 ? { ...s, name: options.stageName! } : s)) } : base;
  const values = [3, 4, 2, 'insufficient', 1] as const;
  const scorecards = sittings.map(({ who, stage }, n): { file: string; scorecard: Scorecard } => {
    const name = typeof who === 'number' ? INTERVIEWERS[who]! : who;
    const slug = `p${typeof who === 'number' ? who : name.length}`;
    return {
      file: `/ws/candidates/zoe/scorecards/s${stage + 1}--${slug}.yaml`,
      scorecard: {
        format: 'hirekit-scorecard/1',
        rubric: { id: 'head-of-test', version: '1.0', hash: HASH },
        candidate,
        interviewer: { name, slug },
        stage: `s${stage + 1}`,
        status: 'submitted',
        created_at: AT,
        updated_at: AT,
        submitted_at: AT,
        ratings: DIMENSIONS.map((_, d) => ({ dimension: `d${d + 1}`, rating: values[(n + d) % values.length]!, evidence: `Evidence from ${name} at ${STAGES[stage]} on dimension ${d + 1}.`, at: AT })),
        flags: n === 0 ? [{ flag: 'numbers', kind: 'green', note: `Noted by ${name}.`, at: AT }] : [],
        recommendation: 'yes',
        summary: `Overall note by ${name} after ${STAGES[stage]}.`,
        audit: [],
      },
    };
  });
  return buildDebrief({ rubric: r, rubricHash: HASH, candidate, scorecards, now: new Date(AT) });
}

/** Every interviewer runs two stages, in loop order: 0 at stages 0 and 7, 1 at 1 and 3, and so on. */
export function twoStagesEach(count: number): Sitting[] {
  return Array.from({ length: count }, (_, stage) => ({ who: [0, 1, 2, 1, 3, 3, 2, 0, 4, 4, 5, 5][stage]!, stage }));
}
