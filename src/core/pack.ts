// The interview pack a recruiter sends before the interviews: gathered once from the rubric into one plain
// object that the PDF, HTML and Markdown renderers each draw without recomputing anything.
//
// Candidate handouts are built from the case study's brief alone, so nothing interviewer-only (anchors,
// flags, guide, strong/weak answers, what to listen for) can reach them.
import { proseBlocks } from './prose.js';
import {
  anchorAt,
  caseQuestions,
  findCaseStudy,
  flagTier,
  flagsFor,
  isOptionalStage,
  scaleLevel,
  scaleLevels,
  stageDimensions,
  stageQuestions,
  type FlagTier,
  type Rubric,
  type Stage,
} from './rubric.js';
import { RECOMMENDATIONS, RECOMMENDATION_LABELS } from './scorecard.js';
import { stageTiming, type TimingSlot } from './timing-plan.js';

export type { TimingSlot } from './timing-plan.js';

/** Rubric prose grouped for rendering: paragraphs, and runs of list items as one list. */
export interface ProseSection {
  paragraph: string | null;
  /** `nested` marks a bullet under a numbered item ("1. Option" then "- Cost: ..."), drawn indented. */
  items: Array<{ marker: string; ordinal: boolean; nested: boolean; text: string }> | null;
}

export interface ScaleEntry {
  /** '1' up to the scale's top level, or 'insufficient'. */
  value: string;
  /** The level's number, or null for "insufficient evidence". */
  level: number | null;
  label: string;
  meaning: string;
}

export interface PackDimension {
  id: string;
  name: string;
  measures: string;
  weight: number;
  anchors: Array<{ level: number; label: string; anchor: string }>;
}

export interface PackQuestion {
  number: number;
  id: string;
  kind: string;
  text: string;
  dimension: string;
  probes: string[];
  listenFor: string[];
  /** Asked inside the case study, in the case's minutes. */
  inCase: boolean;
}

export interface PackFlag {
  id: string;
  kind: 'green' | 'concern' | 'red';
  tier: FlagTier;
  text: string;
  /** The names of the dimensions it bears on, joined; "any dimension" for a cross-cutting flag. */
  dimension: string;
  crossCutting: boolean;
  knockout: boolean;
  /** The tier as a scoring sheet names it: "Green", "Concern", "Red" or "Red, knockout". */
  label: string;
}

const FLAG_LABELS: Record<FlagTier, string> = { green: 'Green', concern: 'Concern', red: 'Red', knockout: 'Red, knockout' };

export interface PackCaseStudy {
  id: string;
  title: string;
  minutes: number;
  dimensions: string[];
  brief: ProseSection[];
  guide: ProseSection[];
  strong: string[];
  weak: string[];
}

export interface ScoringSheet {
  stage: string;
  candidate: string;
  interviewer: string;
  dimensions: Array<{ id: string; name: string; weight: number; options: ScaleEntry[] }>;
  flags: PackFlag[];
  recommendations: Array<{ value: string; label: string }>;
  /** Ruled lines of evidence per dimension: more for a stage that spends longer on each dimension. */
  evidenceLines: number;
}

export interface PackStage {
  number: number;
  id: string;
  name: string;
  minutes: number;
  interviewers: string;
  purpose: ProseSection[];
  timing: TimingSlot[];
  focus: PackDimension[];
  questions: PackQuestion[];
  caseStudy: PackCaseStudy | null;
  /** The loop may skip this stage (or its case study is context-specific). */
  optional: boolean;
  greenFlags: PackFlag[];
  concernFlags: PackFlag[];
  redFlags: PackFlag[];
  sheet: ScoringSheet;
}

export interface LoopStage {
  number: number;
  id: string;
  name: string;
  minutes: number;
  interviewers: string;
  focus: string[];
  caseStudy: string | null;
  optional: boolean;
  /** Whether this pack holds the stage's guide and sheet. */
  included: boolean;
}

export interface Coverage {
  /** One row per dimension; cells follow the loop's stage order. `required` counts the stages that are not optional. */
  rows: Array<{ id: string; name: string; weight: number; cells: Array<{ stage: number; covered: boolean; optional: boolean }>; stages: number; required: number }>;
  /** Names of dimensions no stage of the loop rates. */
  uncovered: string[];
  /** Names of dimensions rated only in optional stages. */
  optionalOnly: string[];
}

export interface Handout {
  id: string;
  title: string;
  minutes: number;
  stage: string;
  role: string;
  candidate: string;
  brief: ProseSection[];
}

export interface Pack {
  role: { id: string; title: string; level: string; summary: string };
  rubricVersion: string;
  /** The day the pack was made, YYYY-MM-DD. */
  date: string;
  candidate: string;
  interviewer: string;
  wholeLoop: boolean;
  scale: ScaleEntry[];
  method: string[];
  /** `minutes` is the whole loop; `requiredMinutes` leaves out the optional stages. */
  loop: { stages: LoopStage[]; minutes: number; requiredMinutes: number; optionalStages: number; coverage: Coverage };
  stages: PackStage[];
  handouts: Handout[];
}

export interface PackRequest {
  /** Stage ids to include; empty for the whole loop. Unknown ids must have been rejected by the caller. */
  stages: readonly string[];
  candidate?: string;
  interviewer?: string;
  now: Date;
}

export function buildPack(rubric: Rubric, request: PackRequest): Pack {
  const chosen = request.stages.length === 0 ? rubric.loop : rubric.loop.filter((s) => request.stages.includes(s.id));
  const candidate = request.candidate ?? '';
  const interviewer = request.interviewer ?? '';
  const scale = scaleEntries(rubric);
  const stages = chosen.map((stage) => packStage(rubric, stage, scale, candidate, interviewer));
  return {
    role: { id: rubric.role.id, title: rubric.role.title, level: rubric.role.level, summary: rubric.role.summary },
    rubricVersion: rubric.version,
    date: request.now.toISOString().slice(0, 10),
    candidate,
    interviewer,
    wholeLoop: chosen.length === rubric.loop.length,
    scale,
    method: methodRules(rubric),
    loop: {
      stages: rubric.loop.map((stage, i) => loopStage(rubric, stage, i + 1, chosen.includes(stage))),
      minutes: rubric.loop.reduce((sum, s) => sum + s.duration_minutes, 0),
      requiredMinutes: rubric.loop.filter((s) => !isOptionalStage(rubric, s)).reduce((sum, s) => sum + s.duration_minutes, 0),
      optionalStages: rubric.loop.filter((s) => isOptionalStage(rubric, s)).length,
      coverage: coverage(rubric),
    },
    stages,
    handouts: stages.flatMap((stage) => (stage.caseStudy ? [handout(rubric, stage.caseStudy.id, stage.name, candidate)] : [])),
  };
}

export function scaleEntries(rubric: Rubric): ScaleEntry[] {
  return [
    ...scaleLevels(rubric).map((level) => {
      const entry = scaleLevel(rubric, level)!;
      return { value: String(level), level, label: entry.label, meaning: entry.meaning };
    }),
    { value: 'insufficient', level: null, label: rubric.scale.insufficient.label, meaning: rubric.scale.insufficient.meaning },
  ];
}

/** The rules of structured interviewing, as every interviewer guide states them. */
export function methodRules(rubric: Rubric): string[] {
  const insufficient = rubric.scale.insufficient.label;
  return [
    'Ask every question as written; every candidate for this role gets the same questions. Probes are follow-ups to the same question, not new topics.',
    'Score on your own. Do not discuss the candidate with other interviewers or read their scorecards until you have submitted yours.',
    'Write down evidence as you go: what the candidate said or did, in their words where you can. Every rating needs evidence.',
    "Rate each focus dimension against its written anchors before you make your overall recommendation, and rate only this stage's focus dimensions.",
    `"${insufficient}" is a valid answer when the interview did not show enough to judge. It is recorded as missing evidence and never counts as a low score.`,
    'Tick a flag only when you saw it happen, and write what happened. A concern is a weak signal the committee weighs with the rest; a knockout red flag is disqualifying unless the committee overrides it with a reason.',
    'Ratings are combined mechanically with weights fixed in advance; the debrief discusses the evidence, not who argues hardest.',
  ];
}

function loopStage(rubric: Rubric, stage: Stage, number: number, included: boolean): LoopStage {
  return {
    number,
    id: stage.id,
    name: stage.name,
    minutes: stage.duration_minutes,
    interviewers: stage.interviewers,
    focus: stageDimensions(rubric, stage).map((d) => d.name),
    caseStudy: rubric.case_studies.find((c) => c.id === stage.case_study)?.title ?? null,
    optional: isOptionalStage(rubric, stage),
    included,
  };
}

function coverage(rubric: Rubric): Coverage {
  const rows = rubric.dimensions.map((d) => {
    const cells = rubric.loop.map((stage, i) => ({ stage: i + 1, covered: stage.focus.includes(d.id), optional: isOptionalStage(rubric, stage) }));
    const stages = cells.filter((c) => c.covered).length;
    return { id: d.id, name: d.name, weight: d.weight, cells, stages, required: cells.filter((c) => c.covered && !c.optional).length };
  });
  return {
    rows,
    uncovered: rows.filter((r) => r.stages === 0).map((r) => r.name),
    optionalOnly: rows.filter((r) => r.stages > 0 && r.required === 0).map((r) => r.name),
  };
}

function packStage(rubric: Rubric, stage: Stage, scale: ScaleEntry[], candidate: string, interviewer: string): PackStage {
  const number = rubric.loop.indexOf(stage) + 1;
  const focus = stageDimensions(rubric, stage);
  const dimensionName = (id: string): string => rubric.dimensions.find((d) => d.id === id)?.name ?? id;
  // Numbered in the order asked, as the timing plan numbers them: the case's questions come with the case.
  const inCase = caseQuestions(rubric, stage).map((q) => ({ ...q, inCase: true }));
  const own = stageQuestions(rubric, stage).map((q) => ({ ...q, inCase: false }));
  const questions = (stage.case_order === 'after-questions' ? [...own, ...inCase] : [...inCase, ...own]).map(({ question, dimension, inCase }, i) => ({
    number: i + 1,
    id: question.id,
    kind: question.kind,
    text: question.text,
    dimension: dimension.name,
    probes: question.probes,
    listenFor: question.listen_for,
    inCase,
  }));
  const study = findCaseStudy(rubric, stage.case_study);
  const caseStudy = study
    ? {
        id: study.id,
        title: study.title,
        minutes: study.duration_minutes,
        dimensions: study.dimensions.map(dimensionName),
        brief: prose(study.brief),
        guide: prose(study.guide),
        strong: study.strong,
        weak: study.weak,
      }
    : null;
  const flags: PackFlag[] = flagsFor(rubric, stage.focus).map((f) => ({
    id: f.id,
    kind: f.kind,
    tier: flagTier(f),
    text: f.text,
    dimension: f.dimensions.length === 0 ? 'any dimension' : f.dimensions.map(dimensionName).join(', '),
    crossCutting: f.dimensions.length === 0,
    knockout: f.knockout,
    label: FLAG_LABELS[flagTier(f)],
  }));
  return {
    number,
    id: stage.id,
    name: stage.name,
    minutes: stage.duration_minutes,
    interviewers: stage.interviewers,
    purpose: prose(stage.purpose),
    timing: stageTiming(rubric, stage).slots,
    focus: focus.map((d) => ({
      id: d.id,
      name: d.name,
      measures: d.measures,
      weight: d.weight,
      anchors: scaleLevels(rubric).map((level) => ({ level, label: scaleLevel(rubric, level)?.label ?? String(level), anchor: anchorAt(d, level) })),
    })),
    questions,
    caseStudy,
    optional: isOptionalStage(rubric, stage),
    greenFlags: flags.filter((f) => f.kind === 'green'),
    concernFlags: flags.filter((f) => f.kind === 'concern'),
    redFlags: flags.filter((f) => f.kind === 'red'),
    sheet: {
      stage: stage.name,
      candidate,
      interviewer,
      dimensions: focus.map((d) => ({ id: d.id, name: d.name, weight: d.weight, options: scale })),
      flags,
      recommendations: RECOMMENDATIONS.map((value) => ({ value, label: RECOMMENDATION_LABELS[value] })),
      evidenceLines: evidenceLinesFor(stage.duration_minutes, focus.length),
    },
  };
}

/**
 * Handwriting room per dimension on a scoring sheet: about a line for every four minutes the stage spends
 * on each dimension, at least 4 (a 45-minute screen rating three dimensions) and at most 10, so a
 * 90-minute case rating three dimensions gets 8.
 */
export function evidenceLinesFor(minutes: number, dimensions: number): number {
  return Math.min(10, Math.max(4, Math.round(minutes / Math.max(1, dimensions) / 4)));
}

function handout(rubric: Rubric, caseId: string, stage: string, candidate: string): Handout {
  const study = rubric.case_studies.find((c) => c.id === caseId);
  if (!study) throw new Error(`case study ${caseId} is not in the rubric`);
  // Only what the candidate may see: the title, the time allowed and the brief. Never guide/strong/weak.
  return { id: study.id, title: study.title, minutes: study.duration_minutes, stage, role: rubric.role.title, candidate, brief: prose(study.brief) };
}

/** Groups prose blocks so that consecutive list items form one list. */
export function prose(text: string): ProseSection[] {
  const sections: ProseSection[] = [];
  for (const block of proseBlocks(text)) {
    if (block.kind === 'paragraph') {
      sections.push({ paragraph: block.text, items: null });
      continue;
    }
    const marker = block.marker ?? '-';
    const ordinal = !/^[-*•]$/.test(marker);
    const last = sections[sections.length - 1];
    const underOrdinal = last?.items?.some((i) => i.ordinal) ?? false;
    const item = { marker, ordinal, nested: !ordinal && underOrdinal, text: block.text };
    if (last?.items) last.items.push(item);
    else sections.push({ paragraph: null, items: [item] });
  }
  return sections;
}
