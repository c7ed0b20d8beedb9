// What the schema cannot say about a rubric: broken cross-references and duplicate ids (errors) and the
// lint that protects the method (warnings). Every finding is written out in full: code, path and message.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { checkRubric } from '../../src/core/rubric-check.js';
import { Rubric } from '../../src/core/rubric.js';
import { rubricInput } from './debrief.fixture.js';

type RubricInput = z.input<typeof Rubric>;

const question = (id: string, text: string, probes = ['What did you do next?']) => ({ id, kind: 'behavioural' as const, text, probes, listen_for: ['Numbers and trade-offs'] });

/** A rubric with nothing to report: every dimension asked about and covered, the case study used, weights adding up. */
function clean(): RubricInput {
  const r: RubricInput = structuredClone(rubricInput());
  r.dimensions = r.dimensions.map((d) => ({ ...d, questions: [question(`${d.id}-q`, `Walk me through a project where ${d.id} decided the outcome.`)] }));
  r.case_studies = [
    {
      id: 'churn',
      title: 'Churn',
      duration_minutes: 30,
      dimensions: ['analysis'],
      brief: 'Subscriptions fell ten percent last quarter; find out why.',
      guide: 'Push on which data they would pull first.',
      strong: ['Asks for cohorts'],
      weak: ['Guesses a cause'],
    },
  ];
  r.loop[2]!.case_study = 'churn';
  return r;
}

function check(edit: (r: RubricInput) => void) {
  const r = clean();
  edit(r);
  return checkRubric(Rubric.parse(r));
}

const err = (code: string, path: Array<string | number>, message: string) => ({ severity: 'error', code, path, message });
const warn = (code: string, path: Array<string | number>, message: string) => ({ severity: 'warning', code, path, message });

describe('checkRubric', () => {
  it('finds nothing in a clean rubric', () => {
    expect(check(() => {})).toEqual([]);
  });

  it('reports each duplicate id at the second use, naming the first', () => {
    const findings = check((r) => {
      r.dimensions.push({ ...r.dimensions[3]!, weight: 10, questions: [question('writing-q2', 'Show me a document you rewrote.')] });
      r.policy.weights_total = 110;
      r.dimensions[1]!.questions = [question('analysis-q', 'Tell me about a system you scaled.')];
      r.flags!.red!.push({ id: 'clear-thinker', text: 'Talks in circles', dimension: 'analysis' });
      r.case_studies!.push({ ...r.case_studies![0]!, title: 'Churn again' });
      r.loop.push({ ...r.loop[0]! });
    });
    expect(findings).toEqual([
      err('duplicate-id', ['dimensions', 4, 'id'], "duplicate dimension id 'writing' (first used at dimensions[3]); ids must be unique"),
      err('duplicate-id', ['dimensions', 1, 'questions', 0, 'id'], "duplicate question id 'analysis-q' (first used at dimensions[0].questions[0]); ids must be unique"),
      err('duplicate-id', ['flags', 'red', 2, 'id'], "duplicate flag id 'clear-thinker' (first used at flags.green[0]); ids must be unique"),
      err('duplicate-id', ['case_studies', 1, 'id'], "duplicate case study id 'churn' (first used at case_studies[0]); ids must be unique"),
      err('duplicate-id', ['loop', 3, 'id'], "duplicate stage id 'screen' (first used at loop[0]); ids must be unique"),
    ]);
  });

  it('reports dimensions named by flags, case studies and hurdles that do not exist, with a suggestion when one is close', () => {
    const findings = check((r) => {
      r.flags!.green![0]!.dimension = 'zzz';
      r.flags!.red![0]!.dimension = 'sytems';
      r.case_studies![0]!.dimensions = ['analysis', 'peeple'];
      r.policy.hurdles = [{ dimension: 'analysys', min_level: 3 }];
    });
    expect(findings).toEqual([
      err('unknown-dimension', ['flags', 'green', 0, 'dimension'], "green flag 'clear-thinker' names dimension 'zzz', which does not exist"),
      err('unknown-dimension', ['flags', 'red', 0, 'dimension'], "red flag 'vague' names dimension 'sytems', which does not exist; did you mean 'systems'?"),
      err('unknown-dimension', ['case_studies', 0, 'dimensions', 1], "case study 'churn' names dimension 'peeple', which does not exist; did you mean 'people'?"),
      err('unknown-dimension', ['policy', 'hurdles', 0, 'dimension'], "hurdle names dimension 'analysys', which does not exist; did you mean 'analysis'?"),
    ]);
  });

  it("reports a stage's unknown or repeated focus, unknown question and unknown case study", () => {
    const findings = check((r) => {
      r.loop[0]!.focus = ['analysis', 'systems', 'analysis'];
      r.loop[0]!.questions = ['analysis-q', 'sytems-q'];
      r.loop[1]!.focus = ['people', 'writting'];
      r.loop[2]!.case_study = 'chrun';
    });
    expect(findings).toEqual([
      err('duplicate-focus', ['loop', 0, 'focus', 2], "stage 'screen' lists dimension 'analysis' twice in focus"),
      err('unknown-question', ['loop', 0, 'questions', 1], "stage 'screen' names question 'sytems-q', which does not exist; did you mean 'systems-q'?"),
      err('unknown-dimension', ['loop', 1, 'focus', 1], "stage 'onsite' names dimension 'writting', which does not exist; did you mean 'writing'?"),
      err('unknown-case-study', ['loop', 2, 'case_study'], "stage 'case' names case study 'chrun', which does not exist; did you mean 'churn'?"),
      warn('uncovered-dimension', ['dimensions', 3], "dimension 'writing' is not in the focus of any stage, so nobody will rate it; add it to a stage"),
      warn('unused-case-study', ['case_studies', 0], "case study 'churn' is not used by any stage; name it in a stage's case_study"),
    ]);
  });

  it('warns about a question asked in a stage whose focus does not include its dimension', () => {
    const findings = check((r) => {
      r.loop[1]!.questions = ['people-q', 'analysis-q', 'writing-q'];
    });
    expect(findings).toEqual([
      warn('question-outside-focus', ['loop', 1, 'questions', 1], "stage 'onsite' asks question 'analysis-q' of dimension 'analysis', which is not in its focus; add 'analysis' to focus or drop the question"),
    ]);
  });

  it('warns about a dimension without questions and about protected topics in questions, probes and case briefs', () => {
    const findings = check((r) => {
      r.dimensions[0]!.questions = [question('analysis-q', 'How old were you when you first wrote SQL?', ['What did you measure?', 'Are you married?'])];
      r.dimensions[2]!.questions = [];
      r.case_studies![0]!.brief = 'Where are you from? Then size the churn.';
    });
    // Structural lint first, then the text lint (protected topics, in file order), each with its advice.
    expect(findings).toEqual([
      warn('no-questions', ['dimensions', 2], "dimension 'people' has no questions; interviewers need the same questions for every candidate"),
      warn('protected-topic', ['dimensions', 0, 'questions', 0, 'text'], `question 'analysis-q' touches a protected topic (age: "How old were you"); drop it; if the role has a legal minimum age, ask only whether the candidate meets it`),
      warn('protected-topic', ['dimensions', 0, 'questions', 0, 'probes', 1], `question 'analysis-q' touches a protected topic (relationships or marital status: "Are you married"); state the hours, travel and schedule the job needs and ask whether the candidate can meet them`),
      warn('protected-topic', ['case_studies', 0, 'brief'], `case study 'churn' touches a protected topic (national origin: "Where are you from"); ask only about what the job needs`),
    ]);
  });

  it('warns about a stage with more than four focus dimensions, not one with four', () => {
    const findings = check((r) => {
      r.dimensions.push({ ...r.dimensions[3]!, id: 'craft', name: 'Craft', weight: 10, questions: [question('craft-q', 'Show me code you are proud of.')] });
      r.policy.weights_total = 110;
      r.loop[0]!.focus = ['analysis', 'systems', 'people', 'writing'];
      r.loop[2]!.focus = ['analysis', 'systems', 'people', 'writing', 'craft'];
    });
    // The fifth dimension's question also overbooks the case stage's timing: that warning has its own test.
    expect(findings.filter((f) => f.code !== 'timing-overbooked')).toEqual([
      warn('too-many-focus', ['loop', 2, 'focus'], "stage 'case' has 5 focus dimensions; more than 4 cannot be assessed well in one interview, split the stage"),
    ]);
  });

  it('warns when the weights miss weights_total, with the sum rounded for reading', () => {
    expect(check((r) => { r.dimensions[3]!.weight = 5; })).toEqual([
      warn('weights-total', ['policy', 'weights_total'], 'dimension weights add up to 95, but policy.weights_total is 100; adjust the weights or weights_total'),
    ]);
    // 0.1 + 0.2 + 0.3 + 0.3 is 0.9000000000000001 in floating point; the message says 0.9.
    expect(check((r) => { r.policy.weights_total = 1; r.dimensions.forEach((d, i) => { d.weight = [0.1, 0.2, 0.3, 0.3][i]!; }); })).toEqual([
      warn('weights-total', ['policy', 'weights_total'], 'dimension weights add up to 0.9, but policy.weights_total is 1; adjust the weights or weights_total'),
    ]);
    // A hundredth of a point off a total of 100 is a real miss, not rounding.
    expect(check((r) => { r.dimensions[3]!.weight = 10.01; }).map((f) => f.message)).toEqual([
      'dimension weights add up to 100.01, but policy.weights_total is 100; adjust the weights or weights_total',
    ]);
  });
});
