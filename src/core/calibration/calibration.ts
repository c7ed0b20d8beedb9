// Calibration across a workspace: over the submitted scorecards of each role (drafts never count), how each
// interviewer rates, how far the interviewers agree, how much their leans move the candidates, and which
// dimensions the panel cannot rate. One plain `Calibration` object (./model.ts) that every renderer draws.
import { scoreDebrief } from '../debrief.js';
import { INSUFFICIENT, type Rubric } from '../rubric.js';
import { scaleLevel, scaleLevels } from '../rubric-queries.js';
import type { Scorecard } from '../scorecard.js';
import { adjustCandidate, rankAdjusted } from './adjusted.js';
import { agreementOf } from './agreement.js';
import { leniencyOf } from './leniency.js';
import {
  ADJUSTMENT_MEANING,
  BOOTSTRAP_REPLICATES,
  BOOTSTRAP_SEED,
  CALIBRATION_FORMAT,
  CONFIDENCE,
  LENIENCY_MEANING,
  MIN_SHARED_CANDIDATES,
  type Calibration,
  type CalibrationPerson,
  type RoleCalibration,
} from './model.js';
import type { PanelData, PanelRating } from './panel.js';
import { dimensionUsage, firstSubmission, profileOf } from './profiles.js';

export * from './model.js';

export interface CalibrationRoleInput {
  rubric: Rubric;
  rubricHash: string;
  /** Every scorecard of every candidate for the role, drafts included (they are counted and left out). */
  candidates: ReadonlyArray<{ candidate: CalibrationPerson; scorecards: ReadonlyArray<{ file: string; scorecard: Scorecard }> }>;
}

export interface CalibrationSettings {
  minSharedCandidates: number;
  replicates: number;
  seed: number;
  confidence: number;
}

export interface CalibrationInput {
  roles: readonly CalibrationRoleInput[];
  now: Date;
  filters?: {
    role?: string;
    /** Only scorecards first submitted on or after this moment. */
    since?: Date;
    /** Only this interviewer's profile (by name or slug); agreement and leans still use the whole panel. */
    interviewer?: string;
  };
  settings?: Partial<CalibrationSettings>;
  /** Told before each role is calibrated (the bootstrap takes a while on a large workspace). */
  onRole?: (role: Rubric, index: number, total: number) => void;
}

export const DEFAULT_SETTINGS: CalibrationSettings = {
  minSharedCandidates: MIN_SHARED_CANDIDATES,
  replicates: BOOTSTRAP_REPLICATES,
  seed: BOOTSTRAP_SEED,
  confidence: CONFIDENCE,
};

/** True when a person is the one asked for, by exact slug or by name (case and Unicode form aside). */
export function isPerson(person: CalibrationPerson, wanted: string): boolean {
  const w = wanted.trim().normalize('NFC').toLocaleLowerCase();
  return person.slug === wanted.trim() || person.name.normalize('NFC').toLocaleLowerCase() === w;
}

export function buildCalibration(input: CalibrationInput): Calibration {
  const settings = { ...DEFAULT_SETTINGS, ...input.settings };
  const filters = input.filters ?? {};
  const chosen = input.roles.filter((r) => filters.role === undefined || r.rubric.role.id === filters.role);
  const roles = chosen.map((r, i) => {
    input.onRole?.(r.rubric, i + 1, chosen.length);
    return calibrateRole(r, settings, filters);
  });
  return {
    format: CALIBRATION_FORMAT,
    generated_at: input.now.toISOString(),
    filters: { role: filters.role ?? null, since: filters.since?.toISOString() ?? null, interviewer: filters.interviewer ?? null },
    method: {
      min_shared_candidates: settings.minSharedCandidates,
      bootstrap_replicates: settings.replicates,
      bootstrap_seed: settings.seed,
      confidence: settings.confidence,
      resampling: 'Intervals are percentile bootstrap intervals over candidates: a resample draws whole candidates with replacement, with all of their ratings.',
      leniency: LENIENCY_MEANING,
      adjustment: ADJUSTMENT_MEANING,
      missing: '"Insufficient evidence" is a missing value for agreement and leans, never a low rating; drafts never count.',
    },
    roles,
  };
}

function calibrateRole(input: CalibrationRoleInput, settings: CalibrationSettings, filters: NonNullable<CalibrationInput['filters']>): RoleCalibration {
  const { rubric } = input;
  const levels = scaleLevels(rubric);
  const levelCount = levels.length;
  const since = filters.since?.getTime();
  const counted = (sc: Scorecard): boolean => {
    if (sc.status !== 'submitted' || sc.rubric.id !== rubric.role.id) return false;
    if (since === undefined) return true;
    const at = Date.parse(firstSubmission(sc) ?? sc.updated_at);
    return at >= since;
  };

  let drafts = 0;
  const candidates = input.candidates
    .map((c) => {
      drafts += c.scorecards.filter((s) => s.scorecard.status === 'draft' && s.scorecard.rubric.id === rubric.role.id).length;
      return { candidate: c.candidate, scorecards: c.scorecards.filter((s) => counted(s.scorecard)) };
    })
    .filter((c) => c.scorecards.length > 0);

  // Coders: every interviewer with a counted scorecard, by slug, in name order.
  const coderBySlug = new Map<string, CalibrationPerson>();
  for (const c of candidates) for (const { scorecard } of c.scorecards) if (!coderBySlug.has(scorecard.interviewer.slug)) coderBySlug.set(scorecard.interviewer.slug, { name: scorecard.interviewer.name, slug: scorecard.interviewer.slug });
  const coders = [...coderBySlug.values()].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }) || a.slug.localeCompare(b.slug));
  const coderIndex = new Map(coders.map((c, i) => [c.slug, i]));
  const dimensionIndex = new Map(rubric.dimensions.map((d, i) => [d.id, i]));

  const cells: PanelRating[][][] = candidates.map(({ scorecards }) => {
    // Later submissions win for an interviewer who rated the same dimension twice.
    const ordered = [...scorecards].sort((a, b) => (firstSubmission(a.scorecard) ?? '').localeCompare(firstSubmission(b.scorecard) ?? ''));
    const value = rubric.dimensions.map(() => new Map<number, number>());
    for (const { scorecard } of ordered) {
      const coder = coderIndex.get(scorecard.interviewer.slug)!;
      for (const r of scorecard.ratings) {
        const d = dimensionIndex.get(r.dimension);
        if (d === undefined) continue;
        if (r.rating === INSUFFICIENT) value[d]!.delete(coder);
        else value[d]!.set(coder, r.rating);
      }
    }
    return value.map((m) => [...m].map(([coder, v]) => ({ coder, value: v })));
  });
  const panel: PanelData = {
    levels: levelCount,
    dimensions: rubric.dimensions.map((d) => ({ id: d.id, name: d.name })),
    candidates: candidates.map((c) => c.candidate),
    coders,
    cells,
  };

  const agreement = agreementOf(panel, settings);
  const leniency = leniencyOf(panel, settings);
  const leans = new Map<string, number>();
  leniency.forEach((l, i) => {
    if (l.estimable && l.adjustment !== null) leans.set(coders[i]!.slug, l.adjustment);
  });

  const all = candidates.flatMap((c) => c.scorecards.map((s) => s.scorecard));
  const byCoder = coders.map(() => [] as Scorecard[]);
  for (const sc of all) byCoder[coderIndex.get(sc.interviewer.slug)!]!.push(sc);
  const interviewers = coders
    .map((person, i) => profileOf(rubric, levelCount, person, byCoder[i]!, leniency[i]!))
    .filter((p) => filters.interviewer === undefined || isPerson(p.interviewer, filters.interviewer));

  // The numbers of each candidate's debrief; its agenda and concerns are for the meeting, not for calibration.
  // Given the scorecards alone: their integrity (a digest each, when io finds it on demand) makes only warnings.
  const adjusted = candidates.map((c) => {
    const scorecards = c.scorecards.map(({ file, scorecard }) => ({ file, scorecard }));
    return adjustCandidate(rubric, scoreDebrief({ rubric, rubricHash: input.rubricHash, candidate: c.candidate, scorecards }), leans, levelCount);
  });

  return {
    role: { id: rubric.role.id, title: rubric.role.title },
    rubric: { version: rubric.version },
    scale: { levels: levels.map((level) => ({ level, label: scaleLevel(rubric, level)?.label ?? String(level) })), insufficient: rubric.scale.insufficient.label },
    counts: { candidates: candidates.length, scorecards: all.length, interviewers: coders.length, drafts_left_out: drafts },
    agreement,
    interviewers,
    dimensions: dimensionUsage(rubric, levelCount, all),
    adjustment: rankAdjusted(adjusted),
  };
}
