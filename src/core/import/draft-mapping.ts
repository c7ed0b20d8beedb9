// `hirekit import --init-mapping`: a mapping drafted from an export and a rubric. Every name found in the
// export gets an entry: the rubric id with the same or a close name when there is one (marked "check"),
// else the word UNFILLED stands for (TODO) for the user to replace; checkMapping refuses one left in place.
import { nearest } from '../nearest.js';
import { INSUFFICIENT, type Rubric } from '../rubric.js';
import { scaleLevel, scaleLevels } from '../rubric-queries.js';
import { ATS_NAMES } from '../scorecard.js';
import { GREENHOUSE_RATINGS, GREENHOUSE_RECOMMENDATIONS } from './greenhouse.js';
import { LEVER_RECOMMENDATIONS, LEVER_SCORES } from './lever.js';
import { MAPPING_FORMAT, NONE, SKIP, UNFILLED, type QuestionUse } from './mapping.js';
import type { AtsScorecard, AtsSystem } from './model.js';
import { RATING_WORDS } from '../rating-words.js';

export interface DraftInput {
  system: AtsSystem;
  scorecards: readonly AtsScorecard[];
  rubric: Rubric;
  /** The export's file name, for the header. */
  file: string;
  /** --candidate, filled in for the one candidate of the file. */
  candidate?: string;
}

export type DraftComments = (path: readonly string[]) => { before?: string; after?: string } | undefined;

export interface DraftMapping {
  /** The mapping as plain data, in the order it is written. */
  mapping: Record<string, unknown>;
  /** Comment lines for sections (before) and entries (after), by key path. */
  comments: DraftComments;
  header: string;
  /** Entries left as UNFILLED, for the message after writing. */
  todo: number;
}

type Choice = { id: string; name: string };
/** `same`: the same words as the rubric's name (or id); `close`: a spelling or two away; `perhaps`: shared words only. */
export type Suggestion = { id: string; how: 'same' | 'close' | 'perhaps'; via?: 'id' };

const STOP = new Set(['and', 'the', 'for', 'with', 'of', 'interview', 'session', 'skills', 'skill', 'round']);

function normal(text: string): string {
  return text.toLowerCase().replace(/&/g, ' and ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function words(text: string): Set<string> {
  return new Set(normal(text).split(' ').filter((w) => w.length >= 3 && !STOP.has(w)));
}

/** The rubric entry an ATS name most likely means: the same name, a close spelling, or (weaker) shared words. */
export function suggest(name: string, choices: readonly Choice[]): Suggestion | undefined {
  const wanted = normal(name);
  if (wanted === '') return undefined;
  const forms = choices.flatMap((c) => [
    { key: normal(c.name), id: c.id, via: undefined },
    { key: normal(c.id.replace(/-/g, ' ')), id: c.id, via: 'id' as const },
  ]);
  const found = (form: (typeof forms)[number], how: 'same' | 'close'): Suggestion => ({ id: form.id, how, ...(form.via ? { via: form.via } : {}) });
  const same = forms.find((f) => f.key === wanted);
  if (same) return found(same, 'same');
  const close = nearest(wanted, forms.map((f) => f.key));
  if (close !== undefined) return found(forms.find((f) => f.key === close)!, 'close');
  const mine = words(name);
  let best: { id: string; shared: number } | undefined;
  for (const c of choices) {
    const theirs = new Set([...words(c.name), ...words(c.id.replace(/-/g, ' '))]);
    const shared = [...mine].filter((w) => theirs.has(w)).length;
    if (shared > 0 && (!best || shared > best.shared)) best = { id: c.id, shared };
  }
  return best ? { id: best.id, how: 'perhaps' } : undefined;
}

function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

export function draftMapping(input: DraftInput): DraftMapping {
  const { rubric, system } = input;
  const ats = ATS_NAMES[system];
  const after = new Map<string, string>();
  const before = new Map<string, string>();
  let todo = 0;
  const note = (section: string, key: string, text: string): void => void after.set(`${section}\u0000${key}`, text);
  const entry = (section: string, key: string, suggestion: Suggestion | undefined, label: (id: string) => string): string => {
    if (suggestion && suggestion.how !== 'perhaps') {
      const what = suggestion.via === 'id' ? `the id ${suggestion.id} (${label(suggestion.id)})` : label(suggestion.id);
      note(section, key, suggestion.how === 'same' ? `same name as ${what}` : `suggested: closest name is ${what}; check it`);
      return suggestion.id;
    }
    todo++;
    note(section, key, suggestion ? `${UNFILLED}: perhaps ${suggestion.id} (${label(suggestion.id)}), or ${SKIP}` : `${UNFILLED}: no close name; an id from the list above, or ${SKIP}`);
    return UNFILLED;
  };
  const stageName = (id: string): string => rubric.loop.find((s) => s.id === id)?.name ?? id;
  const dimensionName = (id: string): string => rubric.dimensions.find((d) => d.id === id)?.name ?? id;

  const stages: Record<string, string> = {};
  for (const name of unique(input.scorecards.map((s) => s.interview.name))) {
    stages[name] = entry('stages', name, suggest(name, rubric.loop.map((s) => ({ id: s.id, name: s.name }))), stageName);
  }
  before.set('stages', `${ats} ${system === 'greenhouse' ? 'interview' : 'feedback form'} -> stage of the ${rubric.role.id} loop, or ${SKIP}.\nStages: ${rubric.loop.map((s) => s.id).join(', ')}`);

  const dimensions: Record<string, string> = {};
  for (const name of unique(input.scorecards.flatMap((s) => s.ratings.map((r) => r.name)))) {
    dimensions[name] = entry('dimensions', name, suggest(name, rubric.dimensions.map((d) => ({ id: d.id, name: d.name }))), dimensionName);
  }
  before.set('dimensions', `${ats} ${system === 'greenhouse' ? 'attribute' : 'skill'} -> dimension of ${rubric.role.id}, or ${SKIP} (left out, and counted on stderr).\nDimensions: ${rubric.dimensions.map((d) => d.id).join(', ')}`);

  const levels = scaleLevels(rubric);
  const top = levels.length;
  const label = (level: number): string => `${level} ${scaleLevel(rubric, level)?.label ?? ''}`.trim();
  const ratings: Record<string, number | string> = {};
  const fill = (word: string, value: number | string, comment?: string): void => {
    ratings[word] = value;
    if (value === UNFILLED) todo++;
    if (comment) note('ratings', word, comment);
    else if (typeof value === 'number') note('ratings', word, label(value));
  };
  if (system === 'greenhouse') {
    const spread = top === 5 ? { definitely_not: 1, no: 2, mixed: 3, yes: 4, strong_yes: 5 } : top === 4 ? { definitely_not: 1, no: 2, yes: 3, strong_yes: 4 } : { definitely_not: 1, strong_yes: top };
    for (const word of GREENHOUSE_RATINGS) {
      if (word === 'no_decision') fill(word, SKIP, `no rating given in ${ats}: ${SKIP} leaves the dimension unrated; ${INSUFFICIENT} would record "${RATING_WORDS.insufficient}"`);
      else if (word in spread) fill(word, spread[word as keyof typeof spread]!);
      else fill(word, UNFILLED, `${UNFILLED}: no level of this ${top}-level scale says "${word}"; choose one of ${levels.join(', ')}, or ${INSUFFICIENT}`);
    }
  } else {
    for (const score of LEVER_SCORES) {
      const n = Number(score);
      if (top === 4) fill(score, n);
      else if (n === 1 || n === 4) fill(score, n === 1 ? 1 : top);
      else fill(score, UNFILLED, `${UNFILLED}: Lever's ${score} of 4 on this ${top}-level scale; choose one of ${levels.join(', ')}`);
    }
  }
  before.set('ratings', `${ats} ${system === 'greenhouse' ? 'rating' : 'score (1 to 4)'} -> level of the scale (${levels.map(label).join(', ')}), ${INSUFFICIENT}, or ${SKIP}`);

  const recommendations: Record<string, string> = {};
  const seen = unique(input.scorecards.flatMap((s) => (s.recommendation ? [s.recommendation.word] : [])));
  const vocabulary = system === 'greenhouse' ? [...GREENHOUSE_RECOMMENDATIONS] : unique([...seen, ...LEVER_RECOMMENDATIONS]);
  for (const word of vocabulary) {
    const target = recommendationFor(word);
    recommendations[word] = target ?? UNFILLED;
    if (target === undefined) {
      todo++;
      note('recommendations', word, `${UNFILLED}: hirekit has no middle call; one of strong-no, no, yes, strong-yes, or ${NONE} to record no recommendation`);
    }
  }
  before.set('recommendations', `${ats} overall recommendation -> strong-no, no, yes, strong-yes, or ${NONE}`);

  const questions: Record<string, QuestionUse> = {};
  for (const question of unique(input.scorecards.flatMap((s) => s.answers.map((a) => a.question)))) {
    questions[question] = /take.?aways?|summary|overall|notes?\s*\/\s*comments|^comments?$/i.test(question) ? 'summary' : 'note';
  }
  before.set('questions', `${ats} question -> summary (the scorecard's summary, read by the committee), note (a private note on the scorecard), or ${SKIP}`);

  const interviewers: Record<string, string> = {};
  for (const card of input.scorecards) {
    const id = card.interviewer.id;
    if (id === undefined || id in interviewers) continue;
    interviewers[id] = card.interviewer.name ?? UNFILLED;
    if (card.interviewer.name === undefined) {
      todo++;
      note('interviewers', id, `${UNFILLED}: ${ats} gives this user's id only; write their name`);
    }
  }
  before.set('interviewers', `${ats} user id -> the interviewer's name as hirekit shows it (the same spelling as their own hirekit scorecards)`);

  const candidates: Record<string, string> = {};
  const ids = unique(input.scorecards.flatMap((s) => (s.candidateId !== undefined ? [s.candidateId] : [])));
  for (const id of ids) {
    candidates[id] = ids.length === 1 && input.candidate ? input.candidate.trim() : UNFILLED;
    if (candidates[id] === UNFILLED) {
      todo++;
      note('candidates', id, `${UNFILLED}: ${ats} gives the candidate's id only; write their name, or ${SKIP}`);
    }
  }
  before.set('candidates', `${ats} candidate id -> the candidate's name as hirekit shows it, or ${SKIP}`);

  const mapping: Record<string, unknown> = { format: MAPPING_FORMAT, source: system, role: rubric.role.id, stages, dimensions, ratings, recommendations, questions, interviewers };
  if (system === 'greenhouse') mapping.candidates = candidates;
  const header = [
    `hirekit import mapping: ${ats} -> ${rubric.role.id} (${rubric.role.title})`,
    `Drafted by hirekit import --init-mapping from ${input.file}. Replace every ${UNFILLED}, check every`,
    `"suggested" line, then run: hirekit import ${system} ${input.file} --mapping THIS-FILE`,
  ].join('\n');
  return {
    mapping,
    header,
    todo,
    comments: (path) => {
      if (path.length === 1) return before.has(path[0]!) ? { before: before.get(path[0]!)! } : undefined;
      if (path.length === 2) {
        const text = after.get(`${path[0]}\u0000${path[1]}`);
        return text ? { after: text } : undefined;
      }
      return undefined;
    },
  };
}

/** The plain reading of an ATS's overall words; undefined when hirekit has no honest equivalent (mixed). */
export function recommendationFor(word: string): string | undefined {
  const text = word.toLowerCase().replace(/^\s*\d+\s*[-–:.]\s*/, '').replace(/_/g, ' ').trim();
  if (text === 'no decision') return NONE;
  if (/^(?:definitely not|strong(?:ly)? no(?: hire)?)$/.test(text)) return 'strong-no';
  if (/^(?:no|no hire)$/.test(text)) return 'no';
  if (/^(?:strong(?:ly)? (?:yes|hire))$/.test(text)) return 'strong-yes';
  if (/^(?:yes|hire)$/.test(text)) return 'yes';
  return undefined;
}
