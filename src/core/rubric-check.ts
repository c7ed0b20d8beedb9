// Checks a schema-valid rubric for what a schema cannot say: broken cross-references and duplicate ids
// (errors), and lint that protects the method (warnings): protected topics, uncovered dimensions, weights.
import { nearest } from './nearest.js';
import type { Finding, FindingPath } from './finding.js';
import { ANY_DIMENSION, MAX_LEVELS, MIN_LEVELS, findCaseStudy, isOptionalStage, scaleLevels, stageQuestions, type Rubric } from './rubric.js';
import { findProtectedTopic } from './protected-topics.js';
import { checkTiming } from './rubric-check-timing.js';

const MAX_FOCUS = 4;

export function checkRubric(rubric: Rubric): Finding[] {
  return [...scale(rubric), ...crossReferences(rubric), ...lint(rubric), ...checkTiming(rubric)];
}

/** The scale's levels run 1..N without a gap; every dimension anchors exactly those levels; bar and hurdles fall on it. */
function scale(rubric: Rubric): Finding[] {
  const out: Finding[] = [];
  const levels = scaleLevels(rubric);
  const top = levels.length;
  const present = (map: object): number[] =>
    Object.keys(map)
      .filter((k) => /^[1-9]$/.test(k) && (map as Record<string, unknown>)[k] !== undefined)
      .map(Number);
  for (const level of present(rubric.scale)) {
    if (level > top) {
      out.push(error('scale-gap', ['scale', String(level)], `scale level ${level} follows a missing level ${top + 1}; number the levels 1 to N without a gap (N from ${MIN_LEVELS} to ${MAX_LEVELS})`));
    }
  }
  // Until the levels are numbered without a gap, anchors, bar and hurdles cannot be measured against them.
  if (out.length > 0) return out;
  rubric.dimensions.forEach((d, di) => {
    const anchored = present(d.anchors);
    for (const level of levels) {
      if (!anchored.includes(level)) {
        out.push(error('missing-anchor', ['dimensions', di, 'anchors'], `dimension '${d.id}' has no anchor for level ${level}; the scale has ${top} levels and each needs a written anchor`));
      }
    }
    for (const level of anchored) {
      if (level > top) {
        out.push(error('extra-anchor', ['dimensions', di, 'anchors', String(level)], `dimension '${d.id}' has an anchor for level ${level}, but the scale stops at ${top}; remove it or add level ${level} to the scale`));
      }
    }
  });
  if (rubric.policy.bar > top) {
    out.push(error('bar-above-scale', ['policy', 'bar'], `policy.bar is ${rubric.policy.bar}, above the top level ${top} of the scale; no candidate could reach it`));
  }
  rubric.policy.hurdles.forEach((h, i) => {
    if (h.min_level > top) {
      out.push(error('hurdle-above-scale', ['policy', 'hurdles', i, 'min_level'], `hurdle '${h.dimension}' asks for ${h.min_level}, above the top level ${top} of the scale`));
    }
  });
  return out;
}

function error(code: string, path: FindingPath, message: string): Finding {
  return { severity: 'error', code, path, message };
}

function warning(code: string, path: FindingPath, message: string): Finding {
  return { severity: 'warning', code, path, message };
}

function suggest(unknown: string, known: Iterable<string>): string {
  const hint = nearest(unknown, known);
  return hint ? `; did you mean '${hint}'?` : '';
}

function duplicates(items: Array<{ id: string; path: FindingPath }>, what: string): Finding[] {
  const seen = new Map<string, FindingPath>();
  const out: Finding[] = [];
  for (const { id, path } of items) {
    const first = seen.get(id);
    if (first) out.push(error('duplicate-id', [...path, 'id'], `duplicate ${what} id '${id}' (first used at ${pathText(first)}); ids must be unique`));
    else seen.set(id, path);
  }
  return out;
}

function pathText(path: FindingPath): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

function crossReferences(rubric: Rubric): Finding[] {
  const out: Finding[] = [];
  const dimensionIds = new Set(rubric.dimensions.map((d) => d.id));
  const questions = rubric.dimensions.flatMap((d, di) =>
    d.questions.map((q, qi) => ({ id: q.id, dimension: d.id, path: ['dimensions', di, 'questions', qi] as FindingPath })),
  );
  const questionIds = new Map(questions.map((q) => [q.id, q.dimension]));
  const caseIds = new Set(rubric.case_studies.map((c) => c.id));

  out.push(...duplicates(rubric.dimensions.map((d, i) => ({ id: d.id, path: ['dimensions', i] })), 'dimension'));
  out.push(...duplicates(questions, 'question'));
  out.push(
    ...duplicates(
      [
        ...rubric.flags.green.map((f, i) => ({ id: f.id, path: ['flags', 'green', i] as FindingPath })),
        ...(rubric.flags.concern ?? []).map((f, i) => ({ id: f.id, path: ['flags', 'concern', i] as FindingPath })),
        ...rubric.flags.red.map((f, i) => ({ id: f.id, path: ['flags', 'red', i] as FindingPath })),
      ],
      'flag',
    ),
  );
  out.push(...duplicates(rubric.case_studies.map((c, i) => ({ id: c.id, path: ['case_studies', i] })), 'case study'));
  out.push(...duplicates(rubric.loop.map((s, i) => ({ id: s.id, path: ['loop', i] })), 'stage'));

  const dimensionRef = (id: string, path: FindingPath, who: string): void => {
    if (!dimensionIds.has(id)) {
      out.push(error('unknown-dimension', path, `${who} names dimension '${id}', which does not exist${suggest(id, dimensionIds)}`));
    }
  };

  for (const [kind, list] of [['green', rubric.flags.green], ['concern', rubric.flags.concern ?? []], ['red', rubric.flags.red]] as const) {
    list.forEach((f, i) => {
      const path: FindingPath = ['flags', kind, i];
      const who = `${kind} flag '${f.id}'`;
      if (f.dimension !== undefined && f.dimensions !== undefined) {
        out.push(error('flag-dimensions', [...path, 'dimensions'], `${who} has both dimension and dimensions; keep one (dimensions: [${f.dimension}] says the same as dimension: ${f.dimension})`));
      } else if (f.dimension === undefined && f.dimensions === undefined) {
        out.push(error('flag-dimensions', path, `${who} names no dimension; add dimensions: [DIMENSION-ID, ...], or dimensions: ${ANY_DIMENSION} for a cross-cutting flag offered in every stage`));
      }
      if (f.dimension !== undefined) dimensionRef(f.dimension, [...path, 'dimension'], who);
      if (Array.isArray(f.dimensions)) {
        const seen = new Set<string>();
        f.dimensions.forEach((d, di) => {
          dimensionRef(d, [...path, 'dimensions', di], who);
          if (seen.has(d)) out.push(error('duplicate-dimension', [...path, 'dimensions', di], `${who} lists dimension '${d}' twice`));
          seen.add(d);
        });
      }
    });
  }
  rubric.case_studies.forEach((c, ci) =>
    c.dimensions.forEach((d, di) => dimensionRef(d, ['case_studies', ci, 'dimensions', di], `case study '${c.id}'`)),
  );
  rubric.policy.hurdles.forEach((h, i) => dimensionRef(h.dimension, ['policy', 'hurdles', i, 'dimension'], 'hurdle'));

  rubric.loop.forEach((stage, si) => {
    const seen = new Set<string>();
    stage.focus.forEach((d, di) => {
      dimensionRef(d, ['loop', si, 'focus', di], `stage '${stage.id}'`);
      if (seen.has(d)) out.push(error('duplicate-focus', ['loop', si, 'focus', di], `stage '${stage.id}' lists dimension '${d}' twice in focus`));
      seen.add(d);
    });
    const asked = new Map<string, string>();
    for (const key of ['questions', 'case_questions'] as const) {
      stage[key]?.forEach((q, qi) => {
        const path: FindingPath = ['loop', si, key, qi];
        const owner = questionIds.get(q);
        const earlier = asked.get(q);
        if (owner === undefined) {
          out.push(error('unknown-question', path, `stage '${stage.id}' names question '${q}', which does not exist${suggest(q, questionIds.keys())}`));
        } else if (earlier !== undefined) {
          out.push(error('duplicate-question', path, `stage '${stage.id}' asks question '${q}' twice (also in ${earlier}); ask it once, in questions or in case_questions`));
        } else if (!stage.focus.includes(owner)) {
          out.push(
            warning('question-outside-focus', path, `stage '${stage.id}' asks question '${q}' of dimension '${owner}', which is not in its focus; add '${owner}' to focus or drop the question`),
          );
        }
        asked.set(q, key);
      });
    }
    if (stage.case_study !== undefined && !caseIds.has(stage.case_study)) {
      out.push(error('unknown-case-study', ['loop', si, 'case_study'], `stage '${stage.id}' names case study '${stage.case_study}', which does not exist${suggest(stage.case_study, caseIds)}`));
    }
    const asking = (stage.case_questions?.length ?? 0) + stageQuestions(rubric, stage).length;
    if (Array.isArray(stage.question_minutes) && stage.question_minutes.length !== asking) {
      out.push(
        error(
          'question-minutes-count',
          ['loop', si, 'question_minutes'],
          `stage '${stage.id}' lists ${stage.question_minutes.length} question_minutes but asks ${asking} question${asking === 1 ? '' : 's'}; give one entry per question in the order asked, or one number for all`,
        ),
      );
    }
    if (stage.case_order !== undefined && stage.case_study === undefined) {
      out.push(error('case-order-without-case', ['loop', si, 'case_order'], `stage '${stage.id}' has case_order but no case_study; remove case_order or name the case study`));
    }
    if (stage.case_questions !== undefined && stage.case_study === undefined) {
      out.push(error('case-questions-without-case', ['loop', si, 'case_questions'], `stage '${stage.id}' has case_questions but no case_study; name the case study they are asked in, or move them to questions`));
    }
  });
  return out;
}

function lint(rubric: Rubric): Finding[] {
  const out: Finding[] = [];

  rubric.dimensions.forEach((d, di) => {
    if (d.questions.length === 0) out.push(warning('no-questions', ['dimensions', di], `dimension '${d.id}' has no questions; interviewers need the same questions for every candidate`));
    d.questions.forEach((q, qi) => {
      const base: FindingPath = ['dimensions', di, 'questions', qi];
      const texts: Array<[FindingPath, string]> = [
        [[...base, 'text'], q.text],
        ...q.probes.map((p, pi): [FindingPath, string] => [[...base, 'probes', pi], p]),
      ];
      for (const [path, text] of texts) {
        const topic = findProtectedTopic(text);
        if (topic) out.push(warning('protected-topic', path, `question '${q.id}' touches a protected topic (${topic.topic}: "${topic.match}"); ${topic.advice}`));
      }
    });
  });

  rubric.case_studies.forEach((c, ci) => {
    const topic = findProtectedTopic(c.brief);
    if (topic) out.push(warning('protected-topic', ['case_studies', ci, 'brief'], `case study '${c.id}' touches a protected topic (${topic.topic}: "${topic.match}"); ${topic.advice}`));
  });

  const covered = new Set(rubric.loop.flatMap((s) => s.focus));
  const required = rubric.loop.filter((s) => !isOptionalStage(rubric, s));
  const coveredWhenSkipped = new Set(required.flatMap((s) => s.focus));
  rubric.dimensions.forEach((d, di) => {
    if (!covered.has(d.id)) out.push(warning('uncovered-dimension', ['dimensions', di], `dimension '${d.id}' is not in the focus of any stage, so nobody will rate it; add it to a stage`));
    else if (!coveredWhenSkipped.has(d.id)) {
      out.push(warning('optional-only-dimension', ['dimensions', di], `dimension '${d.id}' is rated only in optional stages, so a loop that skips them leaves it unrated; add it to a required stage`));
    }
  });
  if (required.length === 0) out.push(warning('all-stages-optional', ['loop'], 'every stage of the loop is optional; mark the stages every candidate goes through as required'));
  const optionalCount = rubric.loop.length - required.length;
  if (optionalCount > 0 && rubric.policy.min_scorecards > required.length) {
    out.push(
      warning(
        'min-scorecards-optional',
        ['policy', 'min_scorecards'],
        `policy.min_scorecards is ${rubric.policy.min_scorecards}, but only ${required.length} stage${required.length === 1 ? ' is' : 's are'} required; a candidate whose loop skips the optional stage${optionalCount === 1 ? '' : 's'} reads "not enough evidence" unless some stage has two scorers, so lower it to ${required.length} or say why in a comment`,
      ),
    );
  }
  rubric.loop.forEach((s, si) => {
    const study = findCaseStudy(rubric, s.case_study);
    if (study?.optional && !s.optional) {
      out.push(warning('optional-case-required-stage', ['loop', si, 'case_study'], `stage '${s.id}' runs the optional case study '${study.id}', so it is optional too; add optional: true to the stage to say so`));
    }
  });

  rubric.loop.forEach((s, si) => {
    if (s.focus.length > MAX_FOCUS) {
      out.push(warning('too-many-focus', ['loop', si, 'focus'], `stage '${s.id}' has ${s.focus.length} focus dimensions; more than ${MAX_FOCUS} cannot be assessed well in one interview, split the stage`));
    }
  });

  const used = new Set(rubric.loop.map((s) => s.case_study).filter((c) => c !== undefined));
  rubric.case_studies.forEach((c, ci) => {
    if (!used.has(c.id)) out.push(warning('unused-case-study', ['case_studies', ci], `case study '${c.id}' is not used by any stage; name it in a stage's case_study`));
  });

  const total = rubric.dimensions.reduce((sum, d) => sum + d.weight, 0);
  const expected = rubric.policy.weights_total;
  if (Math.abs(total - expected) > 1e-9 * Math.max(1, expected)) {
    out.push(warning('weights-total', ['policy', 'weights_total'], `dimension weights add up to ${round(total)}, but policy.weights_total is ${expected}; adjust the weights or weights_total`));
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
