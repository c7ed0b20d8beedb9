// The protected-topic lint, measured on a labelled corpus: questions a careful reviewer would flag, over every
// category of the EEOC guidance and the UK Equality Act 2010 (many asked indirectly, without the topic's own
// word), and innocent ML and analytics questions that share a word with a topic. The test prints recall and
// the false-positive rate; the goals are recall >= 90 % and false positives <= 5 %.
import { describe, expect, it } from 'vitest';
import { PROTECTED_TOPICS, findProtectedTopic } from '../../src/core/protected-topics.js';

/** [question, the topic it must be flagged under] */
const MUST_WARN: Array<[string, string]> = [
  ['How old are you?', 'age'],
  ['What year did you graduate from high school?', 'age'],
  ['When did you finish your degree?', 'age'],
  ['How many more years do you see yourself working before you retire?', 'age'],
  ['Would you be comfortable managing people much younger than you?', 'age'],
  ['What is your race?', 'race or colour'],
  ['How would you describe your skin tone?', 'race or colour'],
  ['Do you think your complexion has affected how clients treat you?', 'race or colour'],
  ['What is your ethnic background?', 'ethnicity'],
  ['Which ethnic group do you identify with?', 'ethnicity'],
  ['Where are you originally from?', 'national origin'],
  ['Where were you born?', 'national origin'],
  ['Where were your parents born?', 'national origin'],
  ['Your name is unusual; what is its origin?', 'national origin'],
  ['Where does your accent come from?', 'national origin'],
  ['Are you a US citizen?', 'citizenship'],
  ['Which country issued your passport?', 'citizenship'],
  ['Are you a citizen of this country or a green card holder?', 'citizenship'],
  ['Is English your first language?', 'native language'],
  ['What is your native language?', 'native language'],
  ['What language do you speak at home?', 'native language'],
  ['What is your religion?', 'religion or religious holidays'],
  ['Which religious holidays do you observe?', 'religion or religious holidays'],
  ['Do you go to church on Sundays?', 'religion or religious holidays'],
  ['Will you need time off for Ramadan or Christmas?', 'religion or religious holidays'],
  ['Do you celebrate Christmas?', 'religion or religious holidays'],
  ['Are you a man or a woman?', 'sex'],
  ['What is your sex?', 'sex'],
  ['As a woman, how would you handle a room of sceptical engineers?', 'sex'],
  ['What gender do you identify as?', 'gender identity'],
  ['Are you transgender?', 'gender identity'],
  ['What sex were you assigned at birth?', 'gender identity'],
  ['Are you gay?', 'sexual orientation'],
  ['What is your sexual orientation?', 'sexual orientation'],
  ['Do you have a boyfriend or a girlfriend?', 'sexual orientation'],
  ['Are you married?', 'relationships or marital status'],
  ['What does your husband do for a living?', 'relationships or marital status'],
  ['Is your partner likely to relocate with you?', 'relationships or marital status'],
  ['Are you single?', 'relationships or marital status'],
  ['Is your spouse also relocating?', 'relationships or marital status'],
  ['What was your maiden name?', 'relationships or marital status'],
  ['Are you pregnant?', 'pregnancy'],
  ['Are you planning to start a family soon?', 'pregnancy'],
  ['Do you plan to take maternity leave in the next few years?', 'pregnancy'],
  ['Do you have children?', 'children or childcare'],
  ['Do you have children at home?', 'children or childcare'],
  ['Who looks after your kids while you work?', 'children or childcare'],
  ['What are your childcare arrangements?', 'children or childcare'],
  ['Are you a single parent?', 'children or childcare'],
  ['Do you have any disabilities?', 'disability'],
  ['Do you use a wheelchair?', 'disability'],
  ['Are you dyslexic?', 'disability'],
  ['How many sick days did you take last year?', 'health or medical history'],
  ['Do you have any medical conditions we should know about?', 'health or medical history'],
  ['Are you taking any prescription medication?', 'health or medical history'],
  ['Have you ever been hospitalised?', 'health or medical history'],
  ['Do you have any health conditions we should know about?', 'health or medical history'],
  ['Have you ever been treated for a mental health condition?', 'health or medical history'],
  ['Does heart disease run in your family?', 'genetic information'],
  ['Have you ever taken a genetic test?', 'genetic information'],
  ['What is your family medical history?', 'genetic information'],
  ['Have you ever been arrested?', 'arrests or convictions'],
  ['Do you have a criminal record?', 'arrests or convictions'],
  ['Have you ever been in trouble with the police?', 'arrests or convictions'],
  ['What is your current salary?', 'salary history'],
  ['How much were you paid in your last job?', 'salary history'],
  ['What did your previous employer pay you?', 'salary history'],
  ['Who did you vote for in the last election?', 'political views'],
  ['Which political party do you support?', 'political views'],
  ['What are your political views?', 'political views'],
  ['Are you a member of a trade union?', 'union membership'],
  ['Have you ever been involved in organising a union?', 'union membership'],
  ['How do you feel about unions?', 'union membership'],
  ['What type of discharge did you receive from the military?', 'military discharge'],
  ['Were you honourably discharged?', 'military discharge'],
  ['Why did you leave the army?', 'military discharge'],
];

/** Innocent questions, most sharing a word with a protected topic. */
const MUST_NOT_WARN: string[] = [
  'How do you handle model age and staleness when features drift?',
  'How would you monitor the age of training data in a feature store?',
  'What is the age of the oldest feature in the store?',
  'Which libraries have native support for GPU inference?',
  'How would you design the native mobile SDK for on-device inference?',
  'How do you track data lineage from raw events to the model?',
  'Walk me through building a pregnancy prediction model for a retail client; which ethical risks would you raise?',
  'How would you compute the union of sets of user IDs at scale?',
  'How do you compute intersection over union for object detection?',
  'Design a health check endpoint for a model-serving API.',
  'How do you monitor model health after launch?',
  'How do you design your health checks for the feature pipeline?',
  "What would you alert on to judge your model's health in production?",
  'How do you decide when a model family should retire?',
  'Which model family would you start from, and why?',
  'How would you detect race conditions in a distributed training job?',
  'What colour palette do you use for accessible dashboards?',
  'How do you handle missing values in an age column of a credit dataset?',
  'How would you evaluate a model for bias across ethnic groups in the training data?',
  'How would you audit a hiring model for disparate impact on disabled applicants?',
  'What is your experience with genetic algorithms for hyperparameter search?',
  'How do you manage parent and child runs in MLflow?',
  'How would you model seasonal holidays in a demand forecast?',
  'What are your salary expectations for this role?',
  'Are you legally authorised to work in the United Kingdom?',
  'Are you authorised to work in the country where the role is based?',
  'Will you now or in the future require visa sponsorship to work in the US?',
  'How do you model marital status as a feature without leaking protected information?',
  'What was the native resolution of the camera data you trained on?',
  'What political trade-offs did you manage when two teams wanted the same GPU budget?',
  'How did you build the NLP pipeline for hospital discharge summaries?',
  'How did you handle changing requirements from a military logistics client?',
  'What is your first language for prototyping, Python or R?',
  'How do you work with your partner teams in product and legal?',
  'What are your convictions about testing data pipelines?',
  'How would you design a disability-insurance claims model?',
  'How do you set your weight decay and learning-rate schedule?',
  'How did you manage your transition from academia to industry research?',
  'What was your diagnosis of the outage, and what did you change?',
  'Tell me about a time you mentored a junior engineer through a failed launch.',
  'How would you estimate the birth rate of new accounts from sign-up logs?',
  'Which package do you reach for first when a pandas job runs out of memory?',
];

describe('protected-topic lint on a labelled corpus', () => {
  it('covers every category with enough questions of both kinds', () => {
    expect(MUST_WARN.length).toBeGreaterThanOrEqual(50);
    expect(MUST_NOT_WARN.length).toBeGreaterThanOrEqual(30);
    expect(new Set(MUST_WARN.map(([, topic]) => topic))).toEqual(new Set(PROTECTED_TOPICS));
  });

  it('meets the goals: recall >= 90 %, false positives <= 5 %', () => {
    const missed = MUST_WARN.filter(([question]) => findProtectedTopic(question) === undefined);
    const wrongTopic = MUST_WARN.filter(([question, topic]) => {
      const found = findProtectedTopic(question);
      return found !== undefined && found.topic !== topic;
    });
    const falsePositives = MUST_NOT_WARN.filter((question) => findProtectedTopic(question) !== undefined);
    const recall = (MUST_WARN.length - missed.length) / MUST_WARN.length;
    const falsePositiveRate = falsePositives.length / MUST_NOT_WARN.length;
    console.log(
      `protected-topic lint: recall ${(recall * 100).toFixed(1)} % (${MUST_WARN.length - missed.length}/${MUST_WARN.length}), ` +
        `false positives ${(falsePositiveRate * 100).toFixed(1)} % (${falsePositives.length}/${MUST_NOT_WARN.length})`,
    );
    for (const [question] of missed) console.log(`  missed: ${question}`);
    for (const question of falsePositives) console.log(`  false positive: ${question} (${findProtectedTopic(question)?.match})`);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(falsePositiveRate).toBeLessThanOrEqual(0.05);
    expect(wrongTopic.map(([q, t]) => `${q} -> ${findProtectedTopic(q)?.topic} (want ${t})`)).toEqual([]);
  });

  it('names what matched, as written, and what to ask instead', () => {
    expect(findProtectedTopic('Are you MARRIED, by the way?')).toEqual({
      topic: 'relationships or marital status',
      match: 'Are you MARRIED',
      advice: 'state the hours, travel and schedule the job needs and ask whether the candidate can meet them',
    });
    expect(findProtectedTopic('Are you a citizen of this country?')?.advice).toBe('ask only whether the candidate is legally authorised to work in the country (and needs sponsorship)');
  });
});
