// Reading a validated rubric: the flags of every tier with their dimensions resolved, what each stage asks and
// offers, whether it is optional, and the levels of the scale. The model itself is ./rubric.ts.
import {
  ANY_DIMENSION,
  INSUFFICIENT,
  MAX_LEVELS,
  type CaseStudy,
  type ConcernFlag,
  type Dimension,
  type GreenFlag,
  type Level,
  type Question,
  type RatingValue,
  type RedFlag,
  type Rubric,
  type Source,
  type Stage,
} from './rubric.js';

/** The four tiers of a flag, strongest first among the red ones: a knockout is a red flag with knockout: true. */
export const FLAG_KINDS = ['green', 'concern', 'red'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];
export type FlagTier = 'green' | 'concern' | 'red' | 'knockout';

/** A flag of any tier, tagged with its kind and with its dimensions resolved: an empty list is cross-cutting. */
export interface Flag {
  id: string;
  kind: FlagKind;
  text: string;
  /** The dimensions it bears on; empty for a cross-cutting flag, offered in every stage. */
  dimensions: string[];
  knockout: boolean;
  source?: Source;
}

export function flagTier(flag: { kind: FlagKind; knockout: boolean }): FlagTier {
  return flag.kind === 'red' && flag.knockout ? 'knockout' : flag.kind;
}

/** The dimensions a flag bears on, from either form (dimension: x or dimensions: [..]); empty when cross-cutting. */
export function flagDimensionIds(flag: { dimension?: string | undefined; dimensions?: string[] | typeof ANY_DIMENSION | undefined }): string[] {
  if (flag.dimensions === ANY_DIMENSION) return [];
  if (flag.dimensions) return flag.dimensions;
  return flag.dimension ? [flag.dimension] : [];
}

/** Every flag in one list: green, then concern, then red, each in the rubric's order. */
export function allFlags(rubric: Rubric): Flag[] {
  const tag = (f: GreenFlag | ConcernFlag | RedFlag, kind: FlagKind): Flag => ({
    id: f.id,
    kind,
    text: f.text,
    dimensions: flagDimensionIds(f),
    knockout: 'knockout' in f ? f.knockout : false,
    ...(f.source ? { source: f.source } : {}),
  });
  return [
    ...rubric.flags.green.map((f) => tag(f, 'green')),
    ...(rubric.flags.concern ?? []).map((f) => tag(f, 'concern')),
    ...rubric.flags.red.map((f) => tag(f, 'red')),
  ];
}

export function findStage(rubric: Rubric, stageId: string): Stage | undefined {
  return rubric.loop.find((s) => s.id === stageId);
}

export function findCaseStudy(rubric: Rubric, caseId: string | undefined): CaseStudy | undefined {
  return caseId === undefined ? undefined : rubric.case_studies.find((c) => c.id === caseId);
}

/** A stage may be skipped when it says so, or when its case study is context-specific. */
export function isOptionalStage(rubric: Rubric, stage: Stage): boolean {
  return stage.optional === true || findCaseStudy(rubric, stage.case_study)?.optional === true;
}

function questionsById(rubric: Rubric, ids: readonly string[]): Array<{ question: Question; dimension: Dimension }> {
  const all = rubric.dimensions.flatMap((dimension) => dimension.questions.map((question) => ({ question, dimension })));
  return ids.flatMap((qid) => all.filter((q) => q.question.id === qid));
}

/**
 * The questions a stage asks in their own slots: its explicit list, or every question of its focus dimensions
 * that is not asked inside its case study.
 */
export function stageQuestions(rubric: Rubric, stage: Stage): Array<{ question: Question; dimension: Dimension }> {
  if (stage.questions) return questionsById(rubric, stage.questions);
  const inCase = new Set(stage.case_questions ?? []);
  return rubric.dimensions
    .filter((d) => stage.focus.includes(d.id))
    .flatMap((dimension) => dimension.questions.filter((q) => !inCase.has(q.id)).map((question) => ({ question, dimension })));
}

/** The questions a stage asks inside its case study, in the case's minutes. */
export function caseQuestions(rubric: Rubric, stage: Stage): Array<{ question: Question; dimension: Dimension }> {
  return questionsById(rubric, stage.case_questions ?? []);
}

export function stageDimensions(rubric: Rubric, stage: Stage): Dimension[] {
  return stage.focus.flatMap((did) => rubric.dimensions.filter((d) => d.id === did));
}

/** Flags offered where the given dimensions are rated: those bearing on one of them, and the cross-cutting ones. */
export function flagsFor(rubric: Rubric, dimensionIds: readonly string[]): Flag[] {
  return allFlags(rubric).filter((f) => f.dimensions.length === 0 || f.dimensions.some((d) => dimensionIds.includes(d)));
}

/** The scale's levels, 1 up to its top level. */
export function scaleLevels(rubric: Pick<Rubric, 'scale'>): number[] {
  const levels: number[] = [];
  for (let level = 1; level <= MAX_LEVELS && scaleLevel(rubric, level); level++) levels.push(level);
  return levels;
}

export function topLevel(rubric: Pick<Rubric, 'scale'>): number {
  return scaleLevels(rubric).length;
}

export function scaleLevel(rubric: Pick<Rubric, 'scale'>, level: number): { label: string; meaning: string } | undefined {
  return (rubric.scale as Record<string, { label: string; meaning: string } | undefined>)[String(level)];
}

export function anchorAt(dimension: Dimension, level: number): string {
  return (dimension.anchors as Record<string, string | undefined>)[String(level)] ?? '';
}

export function isLevel(rubric: Pick<Rubric, 'scale'>, value: unknown): value is Level {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= topLevel(rubric);
}

export function levelLabel(rubric: Rubric, value: RatingValue): string {
  return value === INSUFFICIENT ? rubric.scale.insufficient.label : (scaleLevel(rubric, value)?.label ?? String(value));
}
