// The committee debrief: every submitted scorecard of one candidate, aggregated mechanically into one
// plain `Debrief` object (its shape: ./debrief-model.ts). Every renderer (terminal, JSON, Markdown/HTML,
// PDF) draws this object and none recomputes a number.
import { INSUFFICIENT, type Rubric } from './rubric.js';
import { allFlags, findStage, flagTier, isOptionalStage, scaleLevel, scaleLevels } from './rubric-queries.js';
import { ATS_NAMES, importOf, RECOMMENDATIONS, type Integrity, type Scorecard } from './scorecard.js';
import { round2, spreadOf } from './statistics.js';
import { applyPolicy } from './debrief-policy.js';
import { agendaOf, concernsOf } from './debrief-concerns.js';
import type { Decision } from './decision.js';
import { reviewDecision } from './decision-review.js';
import { RATING_WORDS } from './rating-words.js';
import {
  DEBRIEF_FORMAT,
  DECISION_NOTICE,
  disagreementSpread,
  type Coverage,
  type Debrief,
  type DebriefPerson,
  type DebriefWarning,
  type DimensionRating,
  type DimensionResult,
  type DraftEntry,
  type PanelEntry,
  type RaisedFlag,
  type Tally,
  type TallyKey,
} from './debrief-model.js';

export * from './debrief-model.js';

export interface DebriefInput {
  rubric: Rubric;
  rubricHash: string;
  candidate: DebriefPerson;
  /** `integrity` as io found it: 'edited' when a submitted scorecard no longer matches its digest. */
  scorecards: ReadonlyArray<{ file: string; scorecard: Scorecard; integrity?: Integrity }>;
  now: Date;
  /** The committee's record, when there is one: its submitted decision is set beside the numbers. */
  decision?: Decision;
}

/**
 * A debrief's numbers without what is drawn from them for the meeting (agenda, concerns, the committee's
 * decision): what a calibration needs of every candidate, computed exactly as buildDebrief computes them.
 */
export interface DebriefScores {
  candidate: DebriefPerson;
  panel: PanelEntry[];
  drafts: DraftEntry[];
  dimensions: DimensionResult[];
  flags: RaisedFlag[];
  coverage: Coverage;
  tally: Tally;
  policy: Debrief['policy'];
  summary: Omit<Debrief['summary'], 'notice' | 'concerns'>;
  warnings: DebriefWarning[];
}

export function buildDebrief(input: DebriefInput): Debrief {
  const { rubric, rubricHash } = input;
  const { panel, drafts, dimensions, flags, coverage, tally, policy, summary, warnings } = scoreDebrief(input);
  const levels = scaleLevels(rubric);
  const debrief: Debrief = {
    format: DEBRIEF_FORMAT,
    generated_at: input.now.toISOString(),
    candidate: input.candidate,
    role: { id: rubric.role.id, title: rubric.role.title, level: rubric.role.level },
    rubric: { version: rubric.version, hash: rubricHash },
    scale: {
      levels: levels.map((level) => ({ level, label: scaleLevel(rubric, level)?.label ?? String(level) })),
      insufficient: rubric.scale.insufficient.label,
      disagreement_spread: disagreementSpread(levels.length),
    },
    panel,
    drafts,
    dimensions,
    agenda: agendaOf(dimensions, flags, policy, panel),
    flags,
    coverage,
    tally,
    policy,
    summary: { ...summary, notice: DECISION_NOTICE, concerns: concernsOf({ dimensions, flags, coverage, policy, panel, drafts }) },
    warnings,
    decision: null,
  };
  return input.decision ? { ...debrief, decision: reviewDecision(debrief, input.decision) } : debrief;
}

/** The numbers of a debrief (see DebriefScores); buildDebrief adds the agenda, the concerns and the decision. */
export function scoreDebrief(input: Omit<DebriefInput, 'decision' | 'now'>): DebriefScores {
  const { rubric, rubricHash } = input;
  const warnings: DebriefWarning[] = [];
  const stageName = (id: string): string => findStage(rubric, id)?.name ?? id;
  const stageOrder = (id: string): number => {
    const i = rubric.loop.findIndex((s) => s.id === id);
    return i === -1 ? rubric.loop.length : i;
  };

  for (const s of input.scorecards) {
    if (s.integrity === 'edited') {
      warnings.push({
        code: 'edited-outside',
        message: `${s.file} no longer matches the digest it was submitted with: it was edited outside hirekit; check it against version control before relying on it`,
      });
    }
  }
  const ofRole = input.scorecards.filter((s) => {
    if (s.scorecard.rubric.id === rubric.role.id) return true;
    warnings.push({
      code: 'other-role',
      message: `${s.file} was made for role ${s.scorecard.rubric.id}, not ${rubric.role.id}; it is left out`,
    });
    return false;
  });
  const byLoop = (a: { scorecard: Scorecard }, b: { scorecard: Scorecard }): number =>
    stageOrder(a.scorecard.stage) - stageOrder(b.scorecard.stage) ||
    a.scorecard.interviewer.name.localeCompare(b.scorecard.interviewer.name) ||
    a.scorecard.created_at.localeCompare(b.scorecard.created_at);
  const submitted = ofRole.filter((s) => s.scorecard.status === 'submitted').sort(byLoop);
  const drafts: DraftEntry[] = ofRole
    .filter((s) => s.scorecard.status === 'draft')
    .sort(byLoop)
    .map(({ file, scorecard: sc }) => ({
      interviewer: person(sc.interviewer),
      stage: { id: sc.stage, name: stageName(sc.stage) },
      file,
      updated_at: sc.updated_at,
    }));

  const timesSeen = new Map<string, number>();
  for (const { scorecard } of submitted) timesSeen.set(scorecard.interviewer.slug, (timesSeen.get(scorecard.interviewer.slug) ?? 0) + 1);
  const panel: PanelEntry[] = submitted.map(({ file, scorecard: sc }) => {
    const mismatch = sc.rubric.version !== rubric.version || sc.rubric.hash !== rubricHash;
    if (mismatch) {
      const what = sc.rubric.version === rubric.version ? `an edited copy of rubric v${sc.rubric.version}` : `rubric v${sc.rubric.version}`;
      warnings.push({
        code: 'rubric-mismatch',
        message: `${sc.interviewer.name}'s ${stageName(sc.stage)} scorecard was made against ${what}, not the current v${rubric.version}; its ratings are included and marked`,
      });
    }
    if (!findStage(rubric, sc.stage)) {
      warnings.push({ code: 'unknown-stage', message: `${file}: stage '${sc.stage}' is not in the ${rubric.role.id} loop` });
    }
    const twice = (timesSeen.get(sc.interviewer.slug) ?? 0) > 1;
    return {
      interviewer: person(sc.interviewer),
      stage: { id: sc.stage, name: stageName(sc.stage) },
      label: twice ? `${sc.interviewer.name} (${stageName(sc.stage)})` : sc.interviewer.name,
      file,
      submitted_at: sc.submitted_at ?? null,
      recommendation: sc.recommendation ?? null,
      summary: sc.summary ?? null,
      rubric: { version: sc.rubric.version, hash: sc.rubric.hash },
      rubric_mismatch: mismatch,
    };
  });

  const known = new Set(rubric.dimensions.map((d) => d.id));
  submitted.forEach(({ file, scorecard: sc }) => {
    for (const r of sc.ratings) {
      if (!known.has(r.dimension)) {
        warnings.push({ code: 'unknown-dimension', message: `${file}: dimension '${r.dimension}' is not in rubric v${rubric.version}; its rating is left out` });
      }
    }
  });

  // Evidence for every rating is the method; an ATS may have let a rating through without a note. Such a
  // rating is counted as given, and the committee is told which ones stand on no evidence.
  submitted.forEach(({ scorecard: sc }) => {
    const bare = sc.ratings.filter((r) => r.evidence === undefined && known.has(r.dimension));
    if (bare.length === 0) return;
    const source = importOf(sc);
    const names = bare.map((r) => rubric.dimensions.find((d) => d.id === r.dimension)?.name ?? r.dimension).join(', ');
    const counts = bare.length === 1 ? 'the rating counts' : 'the ratings count';
    warnings.push({
      code: 'imported-without-evidence',
      message: `${sc.interviewer.name}'s ${stageName(sc.stage)} scorecard${source ? `, imported from ${ATS_NAMES[source.system]},` : ''} rates ${names} without evidence; ${counts}, marked "${RATING_WORDS.noEvidence}"`,
    });
  });

  const levels = scaleLevels(rubric);
  const wide = disagreementSpread(levels.length);
  // Each scorecard's rating of each dimension, found in one pass over its ratings; the last rating wins if a
  // scorecard somehow rates a dimension twice.
  const lastRatings = submitted.map(({ scorecard: sc }) => {
    const last = new Map<string, Scorecard['ratings'][number]>();
    for (const r of sc.ratings) last.set(r.dimension, r);
    return last;
  });
  const dimensions = rubric.dimensions.map((d): DimensionResult => {
    const ratings: DimensionRating[] = [];
    submitted.forEach(({ scorecard: sc }, i) => {
      const last = lastRatings[i]!.get(d.id);
      if (last) ratings.push({ panel: i, interviewer: person(sc.interviewer), stage: sc.stage, rating: last.rating, evidence: last.evidence ?? null, ...(last.no_evidence !== undefined ? { no_evidence: last.no_evidence } : {}) });
    });
    const numeric = ratings.flatMap((r) => (r.rating === INSUFFICIENT ? [] : [r.rating]));
    const spread = spreadOf(numeric);
    const score = spread === undefined ? null : round2(rubric.policy.dimension_score === 'median' ? spread.median : spread.mean);
    return {
      id: d.id,
      name: d.name,
      weight: d.weight,
      hurdle: rubric.policy.hurdles.find((h) => h.dimension === d.id)?.min_level ?? null,
      ratings,
      count: numeric.length,
      insufficient: ratings.length - numeric.length,
      median: spread ? round2(spread.median) : null,
      mean: spread ? round2(spread.mean) : null,
      min: spread?.min ?? null,
      max: spread?.max ?? null,
      spread: spread ? spread.max - spread.min : null,
      score,
      disagreement: spread !== undefined && spread.max - spread.min >= wide,
    };
  });

  const flags = raisedFlags(rubric, submitted, warnings);
  const totalWeight = rubric.dimensions.reduce((s, d) => s + d.weight, 0);
  const ratedWeight = dimensions.filter((d) => d.count > 0).reduce((s, d) => s + d.weight, 0);
  const coverage: Coverage = {
    unrated_dimensions: dimensions.filter((d) => d.count === 0).map((d) => ({ id: d.id, name: d.name, weight: d.weight, insufficient: d.insufficient })),
    stages_without_scorecard: rubric.loop
      .filter((s) => !submitted.some((x) => x.scorecard.stage === s.id))
      .map((s) => ({ id: s.id, name: s.name, optional: isOptionalStage(rubric, s) })),
    rated_weight: ratedWeight,
    total_weight: totalWeight,
    rated_share: totalWeight > 0 ? round2(ratedWeight / totalWeight) : 0,
  };

  const counts = Object.fromEntries([...RECOMMENDATIONS, 'none'].map((k) => [k, 0])) as Record<TallyKey, number>;
  for (const p of panel) counts[p.recommendation ?? 'none'] += 1;
  const tally: Tally = { counts, submitted: panel.length };

  const { policy, summary } = applyPolicy(rubric, dimensions, flags, coverage, panel.length);
  if (!policy.enough_scorecards) {
    warnings.unshift({
      code: 'below-min-scorecards',
      message: `${panel.length === 0 ? 'no submitted scorecards yet' : `only ${panel.length} submitted scorecard${panel.length === 1 ? '' : 's'}`}; the policy asks for at least ${policy.min_scorecards} before a debrief is relied on`,
    });
  }

  return { candidate: input.candidate, panel, drafts, dimensions, flags, coverage, tally, policy, summary, warnings };
}

function person(p: { name: string; slug: string }): DebriefPerson {
  return { name: p.name, slug: p.slug };
}

function raisedFlags(rubric: Rubric, submitted: ReadonlyArray<{ file: string; scorecard: Scorecard }>, warnings: DebriefWarning[]): RaisedFlag[] {
  const dimensionName = new Map(rubric.dimensions.map((d) => [d.id, d.name]));
  const defined = allFlags(rubric);
  const raised = new Map<string, RaisedFlag>();
  submitted.forEach(({ file, scorecard: sc }, i) => {
    for (const mark of sc.flags) {
      const flag = defined.find((f) => f.id === mark.flag);
      if (!flag) {
        warnings.push({ code: 'unknown-flag', message: `${file}: flag '${mark.flag}' is not in rubric v${rubric.version}; it is shown as written` });
      }
      const dimensions = (flag?.dimensions ?? []).map((id) => ({ id, name: dimensionName.get(id) ?? id }));
      const kind = flag?.kind ?? mark.kind;
      const knockout = flag?.knockout ?? false;
      const entry =
        raised.get(mark.flag) ??
        ({
          id: mark.flag,
          kind,
          tier: flagTier({ kind, knockout }),
          text: flag?.text ?? mark.flag,
          // The first dimension, kept for readers of format 1; `dimensions` has them all (empty: cross-cutting).
          dimension: dimensions[0] ?? { id: '', name: '' },
          dimensions,
          cross_cutting: flag !== undefined && dimensions.length === 0,
          knockout,
          raised_by: [],
        } satisfies RaisedFlag);
      entry.raised_by.push({ panel: i, interviewer: person(sc.interviewer), stage: sc.stage, note: mark.note });
      raised.set(mark.flag, entry);
    }
  });
  // Knockouts first, then red, concern and green; within a tier, the rubric's order.
  const rank: Record<RaisedFlag['tier'], number> = { knockout: 0, red: 1, concern: 2, green: 3 };
  const order = (f: RaisedFlag): number => {
    const i = defined.findIndex((d) => d.id === f.id);
    return i === -1 ? defined.length : i;
  };
  return [...raised.values()].sort((a, b) => rank[a.tier] - rank[b.tier] || order(a) - order(b));
}
