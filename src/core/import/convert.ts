// ATS scorecards (model.ts) -> hirekit scorecards, through a checked mapping (mapping.ts). Pure: the
// command reads the files, resolves slugs and writes through the scorecard store. Nothing is invented: a
// rating without a note is kept without evidence and says so; what the mapping does not name is reported.
import { INSUFFICIENT, type RatingValue, type Rubric } from '../rubric.js';
import { findStage, scaleLevels } from '../rubric-queries.js';
import { ATS_NAMES, SCORECARD_FORMAT, type ImportSource, type Note, type Rating, type Recommendation, type Scorecard } from '../scorecard.js';
import { checkPersonName } from '../text-safety.js';
import { NONE, SKIP, ratingTarget, recommendationTarget, type ImportMapping } from './mapping.js';
import { formatJsonPath, type AtsScorecard, type ImportProblem, type JsonPath } from './model.js';

export interface ConversionInput {
  scorecards: readonly AtsScorecard[];
  mapping: ImportMapping;
  rubric: Rubric;
  rubricHash: string;
  /** --candidate: the name of the one candidate the file is about (a Lever export, or a one-candidate Greenhouse file). */
  candidate?: string;
  /** The export's file name, kept in each scorecard's audit entry. */
  file: string;
  now: Date;
  /** The workspace's slug for a person's name (io/workspace.ts slugFor). */
  slugOf: (name: string) => string;
}

export interface PlannedScorecard {
  scorecard: Scorecard;
  ats: AtsScorecard;
  /** Ratings imported without evidence (the ATS had no note for them). */
  withoutEvidence: number;
}

export interface Conversion {
  planned: PlannedScorecard[];
  /** Bad input: nothing is imported while there is any. */
  problems: ImportProblem[];
  /** What was left out or kept another way, one line each, for stderr. */
  notices: string[];
  /** ATS scorecards not imported (not submitted, or skipped by the mapping), with why. */
  skipped: Array<{ path: JsonPath; why: string }>;
}

/** Problems about one word or name, reported once with how often it occurs. */
class Tally {
  private readonly seen = new Map<string, { path: JsonPath; count: number }>();
  add(key: string, path: JsonPath): void {
    const entry = this.seen.get(key);
    if (entry) entry.count++;
    else this.seen.set(key, { path, count: 1 });
  }
  entries(): Array<[string, { path: JsonPath; count: number }]> {
    return [...this.seen];
  }
}

export function convertScorecards(input: ConversionInput): Conversion {
  const { mapping, rubric } = input;
  const ats = ATS_NAMES[mapping.source];
  const levels = scaleLevels(rubric);
  const problems: ImportProblem[] = [];
  const notices: string[] = [];
  const skipped: Conversion['skipped'] = [];
  const planned: PlannedScorecard[] = [];
  const unknownAttributes = new Tally();
  const unknownQuestions = new Tally();
  const unmappedRatings = new Tally();
  const unmappedRecommendations = new Tally();
  const unmappedStages = new Tally();
  let skippedRatings = 0;
  const targets = new Map<string, JsonPath>();

  const unnamedCandidates = new Set(input.scorecards.filter((s) => !s.notSubmitted && s.candidateId !== undefined && mapping.candidates[s.candidateId] === undefined).map((s) => s.candidateId));
  if (input.candidate !== undefined && unnamedCandidates.size > 1) {
    problems.push({
      path: [],
      message: `holds scorecards of ${unnamedCandidates.size} candidates (ids ${[...unnamedCandidates].join(', ')}), so --candidate cannot name them all; name each in the mapping's candidates: section`,
    });
  }

  for (const card of input.scorecards) {
    if (card.notSubmitted) {
      skipped.push({ path: card.path, why: `not imported: ${card.notSubmitted}` });
      continue;
    }
    const stage = mapping.stages[card.interview.name]?.trim();
    if (stage === undefined) {
      unmappedStages.add(card.interview.name, card.interview.path);
      continue;
    }
    if (stage === SKIP) {
      skipped.push({ path: card.path, why: `not imported: the mapping skips the interview "${card.interview.name}"` });
      continue;
    }
    const candidateName = card.candidateId !== undefined && mapping.candidates[card.candidateId] !== undefined ? mapping.candidates[card.candidateId]!.trim() : input.candidate?.trim();
    if (candidateName === SKIP) {
      skipped.push({ path: card.path, why: `not imported: the mapping skips candidate ${card.candidateId ?? ''}`.trim() });
      continue;
    }
    if (candidateName === undefined) {
      problems.push({
        path: card.candidateId !== undefined ? [...card.path, 'candidate_id'] : card.path,
        message:
          card.candidateId !== undefined
            ? `candidate ${card.candidateId} has no name: pass --candidate NAME (for a file about one candidate) or add candidates: { "${card.candidateId}": NAME } to the mapping`
            : 'no candidate: pass --candidate NAME',
      });
      continue;
    }
    const interviewerName = (card.interviewer.id !== undefined ? mapping.interviewers[card.interviewer.id]?.trim() : undefined) ?? card.interviewer.name;
    if (interviewerName === undefined) {
      problems.push({ path: card.interviewer.path, message: `user ${card.interviewer.id ?? '(no id)'} has no name in the file; add interviewers: { "${card.interviewer.id ?? 'ID'}": NAME } to the mapping` });
      continue;
    }
    const nameProblem = checkPersonName(interviewerName, 'interviewer');
    if (nameProblem) {
      problems.push({ path: card.interviewer.path, message: `${nameProblem}; give the name in the mapping's interviewers: section` });
      continue;
    }
    const candidate = { name: candidateName, slug: input.slugOf(candidateName) };
    const interviewer = { name: interviewerName, slug: input.slugOf(interviewerName) };
    const target = `${candidate.slug}/${stage}/${interviewer.slug}`;
    const earlier = targets.get(target);
    if (earlier) {
      problems.push({
        path: card.path,
        message: `becomes the same scorecard as ${formatJsonPath(earlier)} (${candidate.name}, stage ${stage}, ${interviewer.name}); map their interviews to different stages, or one of them to ${SKIP}`,
      });
      continue;
    }
    targets.set(target, card.path);

    const submittedAt = card.submittedAt!;
    const ratings: Rating[] = [];
    const rated = new Map<string, JsonPath>();
    let withoutEvidence = 0;
    for (const r of card.ratings) {
      const dimension = mapping.dimensions[r.name]?.trim();
      if (dimension === undefined) {
        unknownAttributes.add(r.name, r.path);
        continue;
      }
      if (dimension === SKIP) {
        skippedRatings++;
        continue;
      }
      const raw = mapping.ratings[r.word];
      const level = raw === undefined ? undefined : ratingTarget(raw, levels);
      if (level === undefined) {
        unmappedRatings.add(r.word, mapping.source === 'greenhouse' ? [...r.path, 'rating'] : r.path);
        continue;
      }
      if (level === SKIP) {
        skippedRatings++;
        continue;
      }
      const before = rated.get(dimension);
      if (before) {
        problems.push({ path: r.path, message: `"${r.name}" rates ${dimension}, which ${formatJsonPath(before)} already rates in this scorecard; map one of them to another dimension or to ${SKIP}` });
        continue;
      }
      rated.set(dimension, r.path);
      const value: RatingValue = level === INSUFFICIENT ? INSUFFICIENT : level;
      if (r.note === undefined) withoutEvidence++;
      ratings.push(
        r.note !== undefined
          ? { dimension, rating: value, evidence: r.note, at: submittedAt }
          : { dimension, rating: value, no_evidence: `the ${ats} scorecard gave this rating without a note`, at: submittedAt },
      );
    }
    let recommendation: Recommendation | undefined;
    if (card.recommendation) {
      const raw = mapping.recommendations[card.recommendation.word];
      const target = raw === undefined ? undefined : recommendationTarget(raw);
      if (target === undefined) unmappedRecommendations.add(card.recommendation.word, card.recommendation.path);
      else if (target !== NONE) recommendation = target;
    }
    const summaries: string[] = [];
    const notes: Note[] = [];
    for (const a of card.answers) {
      const use = mapping.questions[a.question]?.trim();
      if (use === undefined) unknownQuestions.add(a.question, a.path);
      if (use === SKIP) continue;
      if (use === 'summary') summaries.push(a.answer);
      else notes.push({ text: `${a.question}\n${a.answer}`, at: submittedAt });
    }

    const focus = findStage(rubric, stage)?.focus ?? [];
    const outside = ratings.filter((r) => !focus.includes(r.dimension)).map((r) => r.dimension);
    if (outside.length > 0) notices.push(`${formatJsonPath(card.path)}: rates ${outside.join(', ')} outside the focus of stage ${stage}; imported as given`);
    const order = [...focus, ...rubric.dimensions.map((d) => d.id).filter((id) => !focus.includes(id))];
    ratings.sort((a, b) => order.indexOf(a.dimension) - order.indexOf(b.dimension));

    const source: ImportSource = {
      system: mapping.source,
      file: input.file,
      scorecard_id: card.id,
      ...(card.candidateId !== undefined ? { candidate_id: card.candidateId } : {}),
      ...(card.applicationId !== undefined ? { application_id: card.applicationId } : {}),
      ...(card.interviewer.id !== undefined ? { interviewer_id: card.interviewer.id } : {}),
      ...(card.interview.id !== undefined ? { interview_id: card.interview.id } : {}),
      ...(card.updatedAt !== undefined ? { updated_at: card.updatedAt } : {}),
    };
    const now = input.now.toISOString();
    const scorecard: Scorecard = {
      format: SCORECARD_FORMAT,
      rubric: { id: rubric.role.id, version: rubric.version, hash: input.rubricHash },
      candidate,
      interviewer,
      stage,
      status: 'submitted',
      created_at: card.createdAt ?? submittedAt,
      updated_at: now,
      submitted_at: submittedAt,
      ratings,
      flags: [],
      ...(recommendation ? { recommendation } : {}),
      ...(summaries.length > 0 ? { summary: summaries.join('\n\n') } : {}),
      ...(notes.length > 0 ? { notes } : {}),
      audit: [{ at: now, action: 'import', reason: `imported from ${ats} scorecard ${card.id} in ${input.file}`, source }],
    };
    planned.push({ scorecard, ats: card, withoutEvidence });
  }

  const more = (count: number, what: string): string => (count > 1 ? ` (and ${count - 1} more ${count === 2 ? what : `${what}s`})` : '');
  for (const [name, { path, count }] of unmappedStages.entries()) {
    problems.push({ path, message: `"${name}"${more(count, 'scorecard')} is not in the mapping's stages: section; add it with a stage id of ${rubric.role.id} or ${SKIP}` });
  }
  for (const [word, { path, count }] of unmappedRatings.entries()) {
    problems.push({ path, message: `"${word}"${more(count, 'rating')} has no level in the mapping's ratings: section; add ${word}: with a level, ${INSUFFICIENT} or ${SKIP}` });
  }
  for (const [word, { path, count }] of unmappedRecommendations.entries()) {
    problems.push({ path, message: `"${word}"${more(count, 'scorecard')} is not in the mapping's recommendations: section; add it with one of strong-no, no, yes, strong-yes or ${NONE}` });
  }
  for (const [name, { path, count }] of unknownAttributes.entries()) {
    notices.push(`${formatJsonPath(path)}: "${name}" is not in the mapping's dimensions: section, so ${count === 1 ? 'its rating was' : `its ${count} ratings were`} not imported; add it with a dimension id or ${SKIP}`);
  }
  for (const [question, { path, count }] of unknownQuestions.entries()) {
    notices.push(`${formatJsonPath(path)}: question "${question}" is not in the mapping's questions: section, so ${count === 1 ? 'its answer was' : `its ${count} answers were`} kept as a private note; add it with summary, note or ${SKIP}`);
  }
  if (skippedRatings > 0) notices.push(`${skippedRatings} rating${skippedRatings === 1 ? '' : 's'} left out: the mapping skips ${skippedRatings === 1 ? 'its attribute or word' : 'their attributes or words'}`);
  return { planned, problems, notices, skipped };
}
