// Checks a schema-valid rubric for what a schema cannot say: broken cross-references and duplicate ids
// (errors), and lint that protects the method (warnings): protected topics, uncovered dimensions, weights.
import { nearest } from './nearest.js';
import type { Finding, FindingPath } from './finding.js';
import type { Rubric } from './rubric.js';
import { lintRubricText } from './rubric-text-lint.js';

export { lintRubricText } from './rubric-text-lint.js';

const MAX_FOCUS = 4;

export function checkRubric(rubric: Rubric): Finding[] {
  return [...crossReferences(rubric), ...lint(rubric), ...lintRubricText(rubric)];
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

  for (const [kind, list] of [['green', rubric.flags.green], ['red', rubric.flags.red]] as const) {
    list.forEach((f, i) => dimensionRef(f.dimension, ['flags', kind, i, 'dimension'], `${kind} flag '${f.id}'`));
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
    stage.questions?.forEach((q, qi) => {
      const owner = questionIds.get(q);
      if (owner === undefined) {
        out.push(error('unknown-question', ['loop', si, 'questions', qi], `stage '${stage.id}' names question '${q}', which does not exist${suggest(q, questionIds.keys())}`));
      } else if (!stage.focus.includes(owner)) {
        out.push(
          warning('question-outside-focus', ['loop', si, 'questions', qi], `stage '${stage.id}' asks question '${q}' of dimension '${owner}', which is not in its focus; add '${owner}' to focus or drop the question`),
        );
      }
    });
    if (stage.case_study !== undefined && !caseIds.has(stage.case_study)) {
      out.push(error('unknown-case-study', ['loop', si, 'case_study'], `stage '${stage.id}' names case study '${stage.case_study}', which does not exist${suggest(stage.case_study, caseIds)}`));
    }
  });
  return out;
}

function lint(rubric: Rubric): Finding[] {
  const out: Finding[] = [];

  rubric.dimensions.forEach((d, di) => {
    if (d.questions.length === 0) out.push(warning('no-questions', ['dimensions', di], `dimension '${d.id}' has no questions; interviewers need the same questions for every candidate`));
  });

  const covered = new Set(rubric.loop.flatMap((s) => s.focus));
  rubric.dimensions.forEach((d, di) => {
    if (!covered.has(d.id)) out.push(warning('uncovered-dimension', ['dimensions', di], `dimension '${d.id}' is not in the focus of any stage, so nobody will rate it; add it to a stage`));
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
