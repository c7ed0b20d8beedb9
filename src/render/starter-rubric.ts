// The commented starter rubric `hirekit new` writes: every field present and explained in a comment, every
// text its author must write marked TODO (a lint warning, so `validate --strict` refuses a rubric nobody
// finished), and nothing else to fix: it validates as written.
import { PLACEHOLDER } from '../core/rubric-text-lint.js';

export interface StarterRubric {
  roleId: string;
  /** e.g. "Data Analyst", from the id. */
  title: string;
  /** Path or URL of rubric.schema.json, for editors that read the yaml-language-server line. */
  schema: string;
}

/** "data-analyst" -> "Data Analyst". */
export function titleFromId(roleId: string): string {
  return roleId
    .split('-')
    .map((word) => (word.length <= 2 && word !== 'of' ? word.toUpperCase() : word === 'of' ? word : `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}`))
    .join(' ');
}

export function renderStarterRubric({ roleId, title, schema }: StarterRubric): string {
  const todo = (what: string): string => `"${PLACEHOLDER}: ${what}"`;
  return `# yaml-language-server: $schema=${schema}
# A starter rubric for ${title}, written by \`hirekit new\`. Replace every ${PLACEHOLDER} with your own words;
# \`hirekit validate ${roleId}.yaml --strict\` fails until none is left. The full format: docs/rubric-format.md.
# Quote any text that holds ": " or " #", or starts with [ { & * ! | > % @ or a quote.

role:
  # Used on the command line (hirekit show ${roleId}); lowercase words joined by hyphens.
  id: ${roleId}
  # As the role is advertised.
  title: ${title}
  # Seniority, e.g. "Senior individual contributor" or "Director, manages managers".
  level: ${todo('seniority of the role')}
  # One or two sentences: what this person is hired to do.
  summary: ${todo('what this person is hired to do')}
  # Where the content comes from (a hiring plan, a job description), so a reviewer can trace it back.
  sources:
    - file: ${todo('hiring-plan.md')}
      section: ${todo('the section this rubric is written from')}

# Scorecards record the version; the debrief warns when scorecards were made against another one.
# Keep it in quotes: 1.10 unquoted would read as the number 1.1.
version: "0.1"

# The rating scale every dimension shares: levels 1 to N, N from 3 to 7 (this starter uses four; with five,
# add 5: here and an anchor 5: to every dimension). Each level has a short label (printed on scoring sheets) and a
# meaning. "insufficient" is its own answer, never a low score: the interview did not show enough to judge.
scale:
  1: { label: well below bar, meaning: "Clear evidence the candidate cannot yet do this." }
  2: { label: below bar, meaning: "Some relevant evidence, but with gaps the team would have to close." }
  3: { label: meets bar, meaning: "Solid evidence the candidate does this well today." }
  4: { label: exceeds bar, meaning: "Evidence the candidate would raise the bar of the team." }
  # The separate answer "insufficient evidence": counted and shown, never averaged in as a low score.
  insufficient: { label: insufficient evidence, meaning: "The interview did not produce enough to judge." }

# What the panel rates. Each dimension is rated on its own, with evidence, before any overall call.
dimensions:
  - id: first-dimension            # kebab-case; stages, flags and hurdles refer to it by this id
    name: ${todo('name of the first skill, e.g. Experiment design')}   # as printed on sheets and debriefs
    measures: ${todo('what this dimension measures, in one sentence')}   # shown to interviewers
    weight: 50                     # fixed before the first interview; the weights add up to policy.weights_total
    # Optional on a dimension, flag or case study: where this part comes from, like role.sources.
    source: { file: ${todo('hiring-plan.md')}, section: ${todo('the section it comes from')} }
    # What an answer at each level sounds like for this dimension: a written anchor at every level.
    anchors:
      1: ${todo('what a well-below-bar answer sounds like')}
      2: ${todo('what a below-bar answer sounds like')}
      3: ${todo('what a meets-bar answer sounds like')}
      4: ${todo('what an exceeds-bar answer sounds like')}
    # The same questions for every candidate. kind: behavioural (a past example), situational (a
    # hypothetical) or technical.
    questions:
      - id: first-question
        kind: behavioural
        text: ${todo('the question, as the interviewer asks it')}   # word for word, the same for every candidate
        probes:                    # follow-ups the interviewer may ask
          - ${todo('a follow-up probe')}
        listen_for:                # what a strong answer contains
          - ${todo('what a strong answer contains')}
  - id: second-dimension
    name: ${todo('name of the second skill')}
    measures: ${todo('what this dimension measures, in one sentence')}
    weight: 50
    anchors:
      1: ${todo('what a well-below-bar answer sounds like')}
      2: ${todo('what a below-bar answer sounds like')}
      3: ${todo('what a meets-bar answer sounds like')}
      4: ${todo('what an exceeds-bar answer sounds like')}
    questions:
      - id: second-question
        kind: situational
        text: ${todo('the question, as the interviewer asks it')}
        probes:
          - ${todo('a follow-up probe')}
        listen_for:
          - ${todo('what a strong answer contains')}

# Signals an interviewer ticks while scoring, in three tiers. Each is offered in the stages that rate the
# dimension(s) it bears on: dimension: one id, dimensions: [a, b] several, dimensions: any every stage.
flags:
  green:                           # strong positive signals
    - id: first-green-flag
      text: ${todo('a behaviour that is a strong positive signal')}
      dimension: first-dimension   # offered while scoring the stages that rate this dimension
  concern:                         # weak signals: listed in the debrief; one interviewer's concern alone is no reason
    - id: first-concern
      text: ${todo('a behaviour that is a weak negative signal')}
      dimensions: [first-dimension, second-dimension]
  red:                             # serious concerns; the debrief lists every red flag ticked
    - id: first-red-flag
      text: ${todo('a behaviour that is a serious concern, e.g. presenting others\' work as their own')}
      dimensions: any              # cross-cutting: offered in every stage
      knockout: false              # true: disqualifying unless the committee overrides it with a reason

# Exercises given to the candidate. The brief is what the candidate sees (handouts print it); the guide,
# strong and weak are for the interviewer only.
case_studies:
  - id: first-case
    title: ${todo('title of the case study')}
    duration_minutes: 30           # time the candidate gets
    dimensions: [first-dimension, second-dimension]   # what the case gives evidence on
    optional: false                # true: context-specific, and the stages that run it are optional too
    brief: ${todo('the problem as the candidate reads it')}   # printed on the candidate handout
    guide: ${todo('how to run the case: what to reveal, and when')}   # interviewer only
    strong:                        # what strong answers do (interviewer only)
      - ${todo('what a strong answer does')}
    weak:                          # what weak answers do (interviewer only)
      - ${todo('what a weak answer does')}

# The interview loop, in order. Each stage rates the dimensions in its focus (at most four), may ask named
# questions and run one case study. The pack's timing plan gives the welcome, each question, the case and the
# candidate's questions a slot each, adding up to duration_minutes; the optional *_minutes fields set them.
loop:
  - id: screen
    name: Hiring manager screen
    duration_minutes: 30           # the whole interview, in minutes
    optional: false                # true: the loop may skip this stage; coverage and the debrief count it apart
    opening_minutes: 5             # the welcome (0 allowed)
    question_minutes: 15           # per question, or a list with one entry per question in the order asked
    closing_minutes: 10            # the candidate's questions at the end (0 allowed)
    interviewers: Hiring manager   # who runs it
    purpose: ${todo('what this stage must find out')}   # one sentence, printed in the interviewer guide
    focus: [first-dimension]       # the dimensions this stage rates, at most four
    questions: [first-question]    # question ids asked here, in order
  - id: case
    name: Case study
    duration_minutes: 60
    interviewers: ${todo('who runs this stage')}
    purpose: ${todo('what this stage must find out')}
    focus: [first-dimension, second-dimension]
    questions: [second-question]
    case_study: first-case         # the id of the case study run in this stage
    case_questions: []             # question ids asked inside the case, in its minutes
    case_order: before-questions   # or after-questions: where the case comes in the stage

# How the ratings are combined, fixed before the first interview.
policy:
  weights_total: 100               # what the dimension weights add up to (100, or 1)
  dimension_score: median          # how the panel's ratings of one dimension combine: median or mean
  bar: 3                           # a weighted score at or above this is "at or above bar"
  hurdles:                         # a dimension that must reach a level whatever the composite
    - dimension: first-dimension
      min_level: 3                 # the panel's score of that dimension must reach this level
  min_scorecards: 2                # fewer submitted scorecards is flagged in the debrief
  min_coverage: 0.75               # share of the total weight that must be rated for the composite to count
`;
}
