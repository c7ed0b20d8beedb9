// The mapping file: how an ATS's names and words become a rubric's ids. One YAML file per ATS and role,
// drafted by `hirekit import --init-mapping` (draft-mapping.ts) and checked here against the rubric, every
// problem at its key (the io layer adds FILE:LINE:COL).
import { z } from 'zod';
import type { Finding } from '../finding.js';
import { nearest } from '../nearest.js';
import { INSUFFICIENT, type RatingValue, type Rubric } from '../rubric.js';
import { scaleLevels } from '../rubric-queries.js';
import { RECOMMENDATIONS, type Recommendation } from '../scorecard.js';
import { checkPersonName } from '../text-safety.js';
import { GREENHOUSE_RATINGS, GREENHOUSE_RECOMMENDATIONS } from './greenhouse.js';
import { LEVER_SCORES } from './lever.js';
import { ATS_SYSTEMS, type AtsSystem } from './model.js';
import { RATING_WORDS } from '../rating-words.js';

export const MAPPING_FORMAT = 'hirekit-import-mapping/1';
/** What a draft leaves for the user to fill in; refused until replaced. */
export const UNFILLED = 'TODO';
/** Leave this stage, attribute, rating word or candidate out on purpose. */
export const SKIP = 'skip';
/** A recommendation word that records no overall call. */
export const NONE = 'none';
export const QUESTION_USES = ['summary', 'note', SKIP] as const;
export type QuestionUse = (typeof QUESTION_USES)[number];

const names = z.record(z.string(), z.string({ error: 'expected a text' }));

export const ImportMapping = z
  .object({
    format: z.literal(MAPPING_FORMAT, { error: `expected format: ${MAPPING_FORMAT}` }),
    source: z.enum(ATS_SYSTEMS, { error: `expected ${ATS_SYSTEMS.join(' or ')}` }),
    role: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a role id such as head-of-ml'),
    stages: names.default({}),
    dimensions: names.default({}),
    ratings: z.record(z.string(), z.union([z.number(), z.string()], { error: `expected a level of the scale, ${INSUFFICIENT} or ${SKIP}` })).default({}),
    recommendations: names.default({}),
    questions: z.record(z.string(), z.string({ error: 'expected summary, note or skip' })).default({}),
    interviewers: names.default({}),
    candidates: names.default({}),
  })
  .strict();
export type ImportMapping = z.infer<typeof ImportMapping>;

/** The ATS's own vocabulary for ratings and recommendations, where it is fixed. */
export function ratingWords(system: AtsSystem): readonly string[] {
  return system === 'greenhouse' ? GREENHOUSE_RATINGS : LEVER_SCORES;
}
export function recommendationWords(system: AtsSystem): readonly string[] | undefined {
  // Lever's overall options are set per account; only Greenhouse's are fixed.
  return system === 'greenhouse' ? GREENHOUSE_RECOMMENDATIONS : undefined;
}

/** Every problem of a mapping against the rubric it names; the caller checks that it is the rubric wanted. */
export function checkMapping(mapping: ImportMapping, rubric: Rubric): Finding[] {
  const findings: Finding[] = [];
  const error = (path: Finding['path'], message: string, locateKey = false): void => void findings.push({ severity: 'error', code: 'import-mapping', path, message, locateKey });
  const role = rubric.role.id;
  const todo = (section: string, key: string, what: string): void => error([section, key], `${at(section, key)}: still ${UNFILLED}; write ${what}`);

  const stageIds = rubric.loop.map((s) => s.id);
  for (const [name, stage] of Object.entries(mapping.stages)) {
    const value = stage.trim();
    if (value === UNFILLED) todo('stages', name, `the id of a stage of ${role} (${stageIds.join(', ')}) or ${SKIP}`);
    else if (value !== SKIP && !stageIds.includes(value)) error(['stages', name], `${at('stages', name)}: '${value}' is not a stage of ${role}${hint(value, stageIds)} (stages: ${stageIds.join(', ')}; or ${SKIP})`);
  }
  const dimensionIds = rubric.dimensions.map((d) => d.id);
  for (const [name, dimension] of Object.entries(mapping.dimensions)) {
    const value = dimension.trim();
    if (value === UNFILLED) todo('dimensions', name, `the id of a dimension of ${role} (${dimensionIds.join(', ')}) or ${SKIP}`);
    else if (value !== SKIP && !dimensionIds.includes(value)) error(['dimensions', name], `${at('dimensions', name)}: '${value}' is not a dimension of ${role}${hint(value, dimensionIds)} (dimensions: ${dimensionIds.join(', ')}; or ${SKIP})`);
  }
  const levels = scaleLevels(rubric);
  const levelWords = `a level of the scale (${levels.join(', ')}), ${INSUFFICIENT} (${RATING_WORDS.insufficient}) or ${SKIP} (not imported)`;
  const knownRatings = ratingWords(mapping.source);
  for (const [word, level] of Object.entries(mapping.ratings)) {
    if (!knownRatings.includes(word)) {
      error(['ratings', word], `ratings: '${word}' is not a ${mapping.source === 'greenhouse' ? 'Greenhouse rating' : 'Lever score'}${hint(word, knownRatings)} (expected ${knownRatings.join(', ')})`, true);
    } else if (level === UNFILLED) todo('ratings', word, levelWords);
    else if (ratingTarget(level, levels) === undefined) error(['ratings', word], `${at('ratings', word)}: ${JSON.stringify(level)} is not ${levelWords}`);
  }
  const knownRecommendations = recommendationWords(mapping.source);
  const recommendationTargets = [...RECOMMENDATIONS, NONE];
  for (const [word, recommendation] of Object.entries(mapping.recommendations)) {
    const value = recommendation.trim();
    if (knownRecommendations && !knownRecommendations.includes(word)) {
      error(['recommendations', word], `recommendations: '${word}' is not a Greenhouse recommendation${hint(word, knownRecommendations)} (expected ${knownRecommendations.join(', ')})`, true);
    } else if (value === UNFILLED) todo('recommendations', word, `one of ${recommendationTargets.join(', ')}`);
    else if (!recommendationTargets.includes(value)) error(['recommendations', word], `${at('recommendations', word)}: '${value}' is not a hirekit recommendation${hint(value, recommendationTargets)} (expected ${recommendationTargets.join(', ')})`);
  }
  for (const [question, use] of Object.entries(mapping.questions)) {
    const value = use.trim();
    if (value === UNFILLED) todo('questions', question, QUESTION_USES.join(', '));
    else if (!(QUESTION_USES as readonly string[]).includes(value)) {
      error(['questions', question], `${at('questions', question)}: '${value}' is not summary (the scorecard's summary), note (a private note on it) or ${SKIP}`);
    }
  }
  for (const section of ['interviewers', 'candidates'] as const) {
    const what = section === 'interviewers' ? 'interviewer' : 'candidate';
    for (const [id, name] of Object.entries(mapping[section])) {
      if (name.trim() === UNFILLED) todo(section, id, `the ${what}'s name as hirekit should show it${section === 'candidates' ? ` (or ${SKIP})` : ''}`);
      else if (!(section === 'candidates' && name.trim() === SKIP)) {
        const problem = checkPersonName(name, what);
        if (problem) error([section, id], `${at(section, id)}: ${problem}`);
      }
    }
  }
  return findings;
}

/** A mapping's rating target: a level of the scale, insufficient, skip; undefined when it is none of them. */
export function ratingTarget(value: number | string, levels: readonly number[]): RatingValue | typeof SKIP | undefined {
  if (typeof value === 'number') return levels.includes(value) ? value : undefined;
  const text = value.trim();
  if (text === INSUFFICIENT || text === SKIP) return text;
  // A level written in quotes ("3") is still that level.
  return /^\d+$/.test(text) && levels.includes(Number(text)) ? Number(text) : undefined;
}

export function recommendationTarget(value: string): Recommendation | typeof NONE | undefined {
  const text = value.trim();
  return text === NONE ? NONE : RECOMMENDATIONS.find((r) => r === text);
}

/** A key as a reader finds it: stages.screen, stages."Hiring Manager Screen". */
function at(section: string, key: string): string {
  return `${section}.${/^[\w-]+$/.test(key) ? key : JSON.stringify(key)}`;
}

function hint(value: string, known: readonly string[]): string {
  const near = nearest(value, known);
  return near ? `; did you mean '${near}'?` : '';
}
