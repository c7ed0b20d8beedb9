// What an ATS scorecard would bring if it were imported again: its answers as first imported (the audit
// trail keeps them, even when the scorecard was amended in hirekit since) against the same ATS scorecard
// converted today. Words only: an import never overwrites a scorecard; people decide whether to amend it.
import { RATING_WORDS } from '../rating-words.js';
import { INSUFFICIENT, type RatingValue } from '../rubric.js';
import { RECOMMENDATION_LABELS, type FlagMark, type Rating, type Scorecard } from '../scorecard.js';

export interface ImportedAnswers {
  ratings: readonly Rating[];
  flags: readonly FlagMark[];
  recommendation?: string | undefined;
  summary?: string | undefined;
}

/** The answers the scorecard held right after its import: before the first change hirekit made to it. */
export function answersAsImported(scorecard: Scorecard): ImportedAnswers {
  const imported = scorecard.audit.findIndex((e) => e.action === 'import');
  const change = scorecard.audit.slice(imported + 1).find((e) => e.action !== 'import');
  if (!change || !('previous' in change)) return scorecard;
  const previous = change.previous;
  return {
    ratings: Array.isArray(previous.ratings) ? (previous.ratings as Rating[]) : [],
    flags: Array.isArray(previous.flags) ? (previous.flags as FlagMark[]) : [],
    recommendation: typeof previous.recommendation === 'string' ? previous.recommendation : undefined,
    summary: typeof previous.summary === 'string' ? previous.summary : undefined,
  };
}

/** True when the scorecard was amended or started over in hirekit after it was imported. */
export function changedSinceImport(scorecard: Scorecard): boolean {
  const imported = scorecard.audit.findIndex((e) => e.action === 'import');
  return scorecard.audit.slice(imported + 1).some((e) => e.action !== 'import');
}

const level = (rating: RatingValue): string => (rating === INSUFFICIENT ? RATING_WORDS.insufficient : String(rating));
const recommendation = (value: string | undefined): string => (value === undefined ? 'none' : (RECOMMENDATION_LABELS[value as keyof typeof RECOMMENDATION_LABELS] ?? value));

/**
 * The differences, one short phrase each, in the order of the new version: "Data strategy 3 → 4",
 * "Data strategy: evidence", "MLOps newly rated 2", "Hiring no longer rated", "red flag blames-others
 * raised", "recommendation Yes → Strong yes", "summary". Empty when nothing hirekit imports differs.
 */
export function answerChanges(before: ImportedAnswers, after: ImportedAnswers, nameOf: (dimension: string) => string = (d) => d): string[] {
  const out: string[] = [];
  const was = new Map(before.ratings.map((r) => [r.dimension, r] as const));
  const now = new Map(after.ratings.map((r) => [r.dimension, r] as const));
  for (const r of after.ratings) {
    const old = was.get(r.dimension);
    const name = nameOf(r.dimension);
    if (!old) out.push(`${name} newly rated ${level(r.rating)}`);
    else if (old.rating !== r.rating) out.push(`${name} ${level(old.rating)} → ${level(r.rating)}`);
    else if ((old.evidence ?? null) !== (r.evidence ?? null) || (old.evidence === undefined && r.evidence === undefined && old.no_evidence !== r.no_evidence)) out.push(`${name}: evidence`);
  }
  for (const r of before.ratings) if (!now.has(r.dimension)) out.push(`${nameOf(r.dimension)} no longer rated`);
  const key = (f: FlagMark): string => `${f.kind} flag ${f.flag}`;
  const flagsBefore = new Map(before.flags.map((f) => [key(f), f] as const));
  const flagsAfter = new Map(after.flags.map((f) => [key(f), f] as const));
  for (const [k, f] of flagsAfter) {
    const old = flagsBefore.get(k);
    if (!old) out.push(`${k} raised`);
    else if (old.note !== f.note) out.push(`${k}: note`);
  }
  for (const k of flagsBefore.keys()) if (!flagsAfter.has(k)) out.push(`${k} withdrawn`);
  if (before.recommendation !== after.recommendation) out.push(`recommendation ${recommendation(before.recommendation)} → ${recommendation(after.recommendation)}`);
  if ((before.summary ?? '') !== (after.summary ?? '')) out.push('summary');
  return out;
}
