// Timing lint: every stage's questions fit its minutes, the timing fields add up, and what a stage's prose
// says about its minutes agrees with the plan the pack prints.
import type { Finding } from './finding.js';
import { caseQuestions, stageQuestions, type Rubric } from './rubric.js';
import { MIN_QUESTION_MINUTES, stageTiming } from './timing-plan.js';

function warning(code: string, path: Finding['path'], message: string): Finding {
  return { severity: 'warning', code, path, message };
}

/** Every stage's questions fit its minutes, the timing knobs add up, and the stage's prose agrees with the plan. */
export function checkTiming(rubric: Rubric): Finding[] {
  const out: Finding[] = [];
  rubric.loop.forEach((stage, si) => {
    const plan = stageTiming(rubric, stage);
    const w = plan.wanted;
    const questions = stageQuestions(rubric, stage).length;
    const inCase = caseQuestions(rubric, stage).length;
    const parts = [
      `${w.opening} opening`,
      ...(w.case > 0 ? [`${w.case} case${inCase > 0 ? ` (${inCase} question${inCase === 1 ? '' : 's'} of ${w.perCaseQuestion} inside it)` : ''}`] : []),
      ...(questions > 0 ? [`${questions} question${questions === 1 ? '' : 's'} of ${describeShares(w.perQuestion)}`] : []),
      `${w.closing} closing`,
    ].join(', ');
    if (!plan.fits) {
      out.push(
        warning(
          'timing-overbooked',
          ['loop', si, 'duration_minutes'],
          `stage '${stage.id}' cannot fit its questions in ${stage.duration_minutes} minutes (${parts}; each question needs at least ${MIN_QUESTION_MINUTES}); lengthen the stage, shorten the case or move a question to another stage`,
        ),
      );
    } else if (plan.spare > 0) {
      out.push(
        warning(
          'timing-sum',
          ['loop', si, 'closing_minutes'],
          `stage '${stage.id}' lasts ${stage.duration_minutes} minutes but its opening, questions and closing add up to ${stage.duration_minutes - plan.spare}; the plan gives the ${plan.spare} spare minutes to the candidate's questions, so set closing_minutes to ${w.closing} or change the others`,
        ),
      );
    }
    for (const claim of timingClaims(stage.purpose)) {
      const actual = claim.what === 'question' ? w.perQuestion : claim.what === 'closing' ? [w.closing] : [w.case];
      if (actual.length === 0 || actual.every((m) => m === claim.minutes)) continue;
      const knob = claim.what === 'question' ? 'question_minutes' : claim.what === 'closing' ? 'closing_minutes' : "the case study's duration_minutes";
      out.push(
        warning(
          'timing-prose',
          ['loop', si, 'purpose'],
          `stage '${stage.id}' says "${claim.text}" but its timing plan gives ${describeShares(actual)} (${parts}); set ${knob} to ${claim.minutes} or change the text`,
        ),
      );
    }
  });
  return out;
}

function describeShares(minutes: readonly number[]): string {
  const distinct = [...new Set(minutes)].sort((a, b) => a - b);
  return distinct.length === 1 ? `${distinct[0]} minutes` : `${distinct[0]} to ${distinct[distinct.length - 1]} minutes`;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, 'forty-five': 45, fifty: 50, sixty: 60, ninety: 90,
};
const N = '(\\d+|' + Object.keys(NUMBER_WORDS).join('|') + ')';
const CLAIMS: Array<{ what: 'question' | 'closing' | 'case'; pattern: RegExp }> = [
  { what: 'question', pattern: new RegExp(`${N}[- ]minutes? (?:per|for each|a) question`, 'gi') },
  { what: 'question', pattern: new RegExp(`(?:about|around|roughly) ${N}[- ]minutes? each`, 'gi') },
  { what: 'closing', pattern: new RegExp(`${N}[- ]minutes? (?:for|of) (?:the )?candidate's questions`, 'gi') },
  { what: 'closing', pattern: new RegExp(`${N}[- ]minutes? for their questions`, 'gi') },
  { what: 'case', pattern: new RegExp(`${N}[- ]minutes? (?:of|on the) case`, 'gi') },
];

/** Timings the stage's prose states: "about 12 minutes per question", "5 minutes for the candidate's questions". */
export function timingClaims(text: string): Array<{ what: 'question' | 'closing' | 'case'; minutes: number; text: string }> {
  const flat = text.replace(/\s+/g, ' ');
  return CLAIMS.flatMap(({ what, pattern }) =>
    [...flat.matchAll(pattern)].map((m) => {
      const raw = (m[1] ?? '').toLowerCase();
      return { what, minutes: NUMBER_WORDS[raw] ?? Number(raw), text: m[0] };
    }),
  );
}

