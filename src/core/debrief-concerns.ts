// What a committee must not miss, gathered from the aggregated debrief: every knockout and red flag raised,
// every dimension that fails its hurdle or scores below the bar, ratings that rest on one interviewer (or on
// "insufficient evidence" only), a green and a red flag on the same dimension, coverage gaps and drafts left
// out. The agenda ("to discuss first") is built from the same facts in a fixed order, each item naming the
// people to hear from. Both are decided here, once; renderers only print them.
import {
  AGENDA_ORDER,
  type AgendaEnd,
  type AgendaItem,
  type AgendaKind,
  type Concern,
  type Coverage,
  type DebriefPerson,
  type DimensionResult,
  type DraftEntry,
  type FlagTier,
  type PanelEntry,
  type RaisedFlag,
  type Witness,
} from './debrief-model.js';
import type { PolicyApplication } from './debrief-policy.js';
import { RATING_WORDS } from './rating-words.js';

export function tierOf(flag: Pick<RaisedFlag, 'kind' | 'knockout'> & { tier?: FlagTier }): FlagTier {
  if (flag.tier) return flag.tier;
  if (flag.knockout) return 'knockout';
  return flag.kind === 'red' ? 'red' : 'green';
}

export interface ConcernInput {
  dimensions: readonly DimensionResult[];
  flags: readonly RaisedFlag[];
  coverage: Coverage;
  policy: PolicyApplication;
  panel: readonly PanelEntry[];
  drafts: readonly DraftEntry[];
}

/** Every concern, most decisive first. Empty only when there is truly nothing to worry about. */
export function concernsOf(input: ConcernInput): Concern[] {
  const { dimensions, flags, coverage, policy, panel, drafts } = input;
  const witness = (panelIndex: number, fallbackStage: string, who: DebriefPerson): Witness => ({
    name: who.name,
    slug: who.slug,
    stage: panel[panelIndex]?.stage.name ?? fallbackStage,
  });
  const raisers = (f: RaisedFlag): Witness[] => f.raised_by.map((r) => witness(r.panel, r.stage, r.interviewer));
  const raters = (d: DimensionResult, numericOnly = false): Witness[] =>
    d.ratings.filter((r) => !numericOnly || r.rating !== 'insufficient').map((r) => witness(r.panel, r.stage, r.interviewer));
  const dim = (d: { id: string; name: string }): { id: string; name: string } | null => (d.id ? { id: d.id, name: d.name } : null);
  const on = (f: RaisedFlag): string => {
    if (f.cross_cutting) return ' (cross-cutting)';
    const names = (f.dimensions ?? [f.dimension]).filter((x) => x.id).map((x) => x.name);
    return names.length > 0 ? ` (${names.join(', ')})` : '';
  };
  const said = (f: RaisedFlag): string => f.text.trim().replace(/[.;:,]+$/u, '');
  const by = (people: readonly Witness[]): string => people.map((p) => `${p.name} · ${p.stage}`).join('; ');

  const out: Concern[] = [];
  for (const f of flags) {
    const tier = tierOf(f);
    const base = { dimension: dim(f.dimension), flag: { id: f.id, text: f.text }, people: raisers(f) };
    switch (tier) {
      case 'knockout':
        out.push({ kind: 'knockout', page_one: true, ...base, message: `Knockout: ${said(f)}${on(f)}; raised by ${by(base.people)}` });
        break;
      case 'red':
        out.push({ kind: 'red-flag', page_one: true, ...base, message: `Red flag: ${said(f)}${on(f)}; raised by ${by(base.people)}` });
        break;
      case 'concern':
        out.push({ kind: 'concern-flag', page_one: false, ...base, message: `Weak signal: ${said(f)}${on(f)}; noted by ${by(base.people)}` });
        break;
      case 'green':
        break;
    }
  }
  for (const c of conflictsOf(dimensions, flags)) {
    const people = [...c.red.flatMap(raisers), ...c.green.flatMap(raisers)];
    out.push({
      kind: 'flag-conflict',
      page_one: true,
      dimension: { id: c.dimension.id, name: c.dimension.name },
      flag: null,
      people,
      message: `Conflicting flags on ${c.dimension.name}: red (${by(c.red.flatMap(raisers))}) and green (${by(c.green.flatMap(raisers))})`,
    });
  }
  const hurdleFailed = new Set<string>();
  for (const h of policy.hurdles) {
    const d = dimensions.find((x) => x.id === h.dimension);
    if (h.status === 'failed' && d) {
      hurdleFailed.add(d.id);
      out.push({ kind: 'hurdle-failed', page_one: true, dimension: dim(d), flag: null, people: raters(d), message: `Hurdle failed: ${d.name} scored ${num(h.score)}, below the ${h.min_level} it must reach` });
    } else if (h.status === 'not-assessed') {
      out.push({ kind: 'hurdle-not-assessed', page_one: true, dimension: { id: h.dimension, name: h.name }, flag: null, people: d ? raters(d) : [], message: `Hurdle not assessed: ${h.name} has no rating on the scale, so it cannot be shown to reach ${h.min_level}` });
    }
  }
  for (const d of [...dimensions].filter((x) => x.disagreement).sort((a, b) => (b.spread ?? 0) - (a.spread ?? 0))) {
    out.push({ kind: 'disagreement', page_one: true, dimension: dim(d), flag: null, people: raters(d, true), message: `Disagreement on ${d.name}: ratings span ${d.min} (${endNames(d, d.min)}) to ${d.max} (${endNames(d, d.max)})` });
  }
  for (const d of dimensions) {
    if (d.score !== null && d.score < policy.bar && !hurdleFailed.has(d.id)) {
      out.push({ kind: 'below-bar', page_one: true, dimension: dim(d), flag: null, people: raters(d), message: `Below bar: ${d.name} scored ${num(d.score)} against a bar of ${num(policy.bar)}` });
    }
  }
  for (const d of dimensions) {
    if (d.count === 1) {
      const only = d.ratings.find((r) => r.rating !== 'insufficient');
      const rest = d.insufficient > 0 ? `; ${d.insufficient} other${d.insufficient === 1 ? '' : 's'} found the evidence insufficient` : '';
      out.push({
        kind: 'single-rating',
        page_one: true,
        dimension: dim(d),
        flag: null,
        people: raters(d),
        message: `One rating only: ${d.name} rests on ${only ? `${only.interviewer.name}'s ${only.rating}` : 'a single rating'}${rest}`,
      });
    } else if (d.count === 0 && d.insufficient > 0) {
      out.push({ kind: 'only-insufficient', page_one: true, dimension: dim(d), flag: null, people: raters(d), message: `Only "${RATING_WORDS.insufficient}" on ${d.name}, from ${by(raters(d))}` });
    } else if (d.count === 0) {
      out.push({ kind: 'not-rated', page_one: true, dimension: dim(d), flag: null, people: [], message: `Not rated: nobody rated ${d.name} (weight ${d.weight})` });
    }
  }
  if (!policy.enough_scorecards) {
    out.push({ kind: 'too-few-scorecards', page_one: true, dimension: null, flag: null, people: [], message: `Too few scorecards: ${policy.submitted} submitted, the policy asks for at least ${policy.min_scorecards}` });
  }
  if (!policy.enough_coverage) {
    out.push({ kind: 'low-coverage', page_one: true, dimension: null, flag: null, people: [], message: `Thin coverage: ${Math.round(coverage.rated_share * 100)}% of the weight rated, the policy asks for ${Math.round(policy.min_coverage * 100)}%` });
  }
  // Optional stages (context-specific) may be skipped by design: not a gap.
  const missingStages = coverage.stages_without_scorecard.filter((s) => !s.optional);
  if (missingStages.length > 0) {
    out.push({ kind: 'stage-missing', page_one: true, dimension: null, flag: null, people: [], message: `No submitted scorecard for ${missingStages.map((s) => s.name).join(', ')}` });
  }
  if (drafts.length > 0) {
    const people = drafts.map((x) => ({ name: x.interviewer.name, slug: x.interviewer.slug, stage: x.stage.name }));
    out.push({ kind: 'drafts-left-out', page_one: true, dimension: null, flag: null, people, message: `Draft${drafts.length === 1 ? '' : 's'} left out of every number: ${by(people)}` });
  }
  return out;
}

interface Conflict {
  dimension: DimensionResult;
  green: RaisedFlag[];
  red: RaisedFlag[];
}

/** A green flag and a red (or knockout) flag raised on the same dimension: the panel saw opposite things. */
function conflictsOf(dimensions: readonly DimensionResult[], flags: readonly RaisedFlag[]): Conflict[] {
  return dimensions.flatMap((d) => {
    // A flag bears on every dimension it names (a cross-cutting one on none in particular).
    const here = flags.filter((f) => (f.dimensions ?? [f.dimension]).some((x) => x.id === d.id) && f.raised_by.length > 0);
    const green = here.filter((f) => tierOf(f) === 'green');
    const red = here.filter((f) => tierOf(f) === 'red' || tierOf(f) === 'knockout');
    return green.length > 0 && red.length > 0 ? [{ dimension: d, green, red }] : [];
  });
}

/**
 * The agenda, in the fixed order: knockouts (one item per flag), then one item per dimension under its most
 * urgent reason (conflicting flags, a failed hurdle, disagreement widest first, below bar, a single rating),
 * its other reasons listed in `also`.
 */
export function agendaOf(dimensions: readonly DimensionResult[], flags: readonly RaisedFlag[], policy: PolicyApplication, panel: readonly PanelEntry[]): AgendaItem[] {
  const witness = (panelIndex: number, stage: string, who: DebriefPerson): Witness => ({ name: who.name, slug: who.slug, stage: panel[panelIndex]?.stage.name ?? stage });
  const unique = (people: Witness[]): Witness[] => people.filter((p, i) => people.findIndex((q) => q.slug === p.slug && q.stage === p.stage) === i);
  const raisers = (f: RaisedFlag): Witness[] => f.raised_by.map((r) => witness(r.panel, r.stage, r.interviewer));
  const raters = (d: DimensionResult): Witness[] => d.ratings.map((r) => witness(r.panel, r.stage, r.interviewer));

  const knockouts: AgendaItem[] = flags
    .filter((f) => tierOf(f) === 'knockout')
    .map((f) => ({ kind: 'knockout', dimension: { id: f.dimension.id, name: f.dimension.name }, flag: f.id, text: f.text, raised_by: f.raised_by.map((r) => r.interviewer), hear_from: unique(raisers(f)), also: [] }));

  const conflicts = new Map(conflictsOf(dimensions, flags).map((c) => [c.dimension.id, c]));
  const failed = new Map(policy.hurdles.filter((h) => h.status === 'failed').map((h) => [h.dimension, h]));
  const reasonsFor = (d: DimensionResult): AgendaKind[] => {
    const kinds: AgendaKind[] = [];
    if (conflicts.has(d.id)) kinds.push('flag-conflict');
    if (failed.has(d.id)) kinds.push('hurdle-failed');
    if (d.disagreement) kinds.push('disagreement');
    if (d.score !== null && d.score < policy.bar && !failed.has(d.id)) kinds.push('below-bar');
    if (d.count === 1) kinds.push('single-rating');
    return kinds;
  };

  const items: AgendaItem[] = [];
  for (const d of dimensions) {
    const [kind, ...also] = reasonsFor(d);
    if (!kind) continue;
    const dimension = { id: d.id, name: d.name };
    const base = { dimension, also };
    switch (kind) {
      case 'flag-conflict': {
        const c = conflicts.get(d.id)!;
        items.push({ ...base, kind, hear_from: unique([...c.red.flatMap(raisers), ...c.green.flatMap(raisers)]), red: c.red.map((f) => ({ flag: f.id, text: f.text })), green: c.green.map((f) => ({ flag: f.id, text: f.text })) });
        break;
      }
      case 'hurdle-failed': {
        const h = failed.get(d.id)!;
        // The lowest ratings first: they are why the hurdle failed.
        const ordered = [...d.ratings].sort((a, b) => numeric(a.rating) - numeric(b.rating));
        items.push({ ...base, kind, hear_from: unique(ordered.map((r) => witness(r.panel, r.stage, r.interviewer))), score: h.score ?? 0, min_level: h.min_level });
        break;
      }
      case 'disagreement': {
        const end = (level: number): AgendaEnd => ({ rating: level, interviewers: d.ratings.filter((r) => r.rating === level).map((r) => r.interviewer) });
        const ends = d.ratings.filter((r) => r.rating === d.min || r.rating === d.max);
        items.push({ ...base, kind, hear_from: unique(ends.map((r) => witness(r.panel, r.stage, r.interviewer))), spread: d.spread ?? 0, low: end(d.min ?? 0), high: end(d.max ?? 0) });
        break;
      }
      case 'below-bar':
        items.push({ ...base, kind, hear_from: unique(raters(d)), score: d.score ?? 0, bar: policy.bar });
        break;
      case 'single-rating': {
        const only = d.ratings.find((r) => r.rating !== 'insufficient');
        items.push({ ...base, kind, hear_from: unique(raters(d)), rating: only && only.rating !== 'insufficient' ? only.rating : null, insufficient: d.insufficient });
        break;
      }
      case 'knockout':
        break;
    }
  }
  const rank = (item: AgendaItem): number => AGENDA_ORDER.indexOf(item.kind);
  const spreadOf = (item: AgendaItem): number => (item.kind === 'disagreement' ? item.spread : 0);
  // Stable: within a kind, the rubric's order of dimensions, except disagreements (widest first).
  return [...knockouts, ...items.map((item, i) => ({ item, i })).sort((a, b) => rank(a.item) - rank(b.item) || spreadOf(b.item) - spreadOf(a.item) || a.i - b.i).map((x) => x.item)];
}

function endNames(d: DimensionResult, level: number | null): string {
  return d.ratings.filter((r) => r.rating === level).map((r) => r.interviewer.name).join(', ');
}

function numeric(rating: number | 'insufficient'): number {
  return rating === 'insufficient' ? 99 : rating;
}

function num(value: number | null): string {
  return value === null ? 'n/a' : String(Math.round(value * 100) / 100);
}
