// Interview questions must not touch protected characteristics. These patterns aim at how such
// questions are actually phrased to a candidate, so ML vocabulary ("model health", "age of the
// data", "model family") does not trip them.

export interface ProtectedTopicMatch {
  topic: string;
  match: string;
  advice: string;
}

interface Rule {
  topic: string;
  pattern: RegExp;
  advice: string;
}

const DROP = 'ask only about job-related behaviour';

const RULES: Rule[] = [
  { topic: 'age', pattern: /\bhow old\b|\byour age\b|\bage are you\b|\bwhat year were you born\b|\bdate of birth\b|\bwhen did you graduate\b|\bretire(ment)? plans?\b|\bnear retirement\b/i, advice: DROP },
  { topic: 'birthplace or national origin', pattern: /\bwhere (were|was) you born\b|\bwhere are you (originally )?from\b|\bbirthplace\b|\bplace of birth\b|\bnational origin\b|\byour nationality\b|\bethnic(ity)?\b|\byour accent\b|\bnative (language|tongue)\b|\bmother tongue\b|\bfirst language\b/i, advice: DROP },
  { topic: 'citizenship', pattern: /\b(are you|your) (a )?citizen(ship)?\b|\bwhich passport\b|\bcitizenship\b/i, advice: 'ask only whether the candidate is authorised to work in the country' },
  { topic: 'race or colour', pattern: /\byour race\b|\bskin colou?r\b|\bracial\b/i, advice: DROP },
  { topic: 'religion', pattern: /\breligio(n|us)\b|\bchurch\b|\bmosque\b|\bsynagogue\b|\btemple\b|\bpray(er)?\b|\breligious holidays?\b|\bsabbath\b/i, advice: DROP },
  { topic: 'marital or family status', pattern: /\bmarried\b|\bmarital\b|\bspouse\b|\bhusband\b|\bwife\b|\bpartner'?s job\b|\bsingle parent\b|\bfamily plans?\b|\bstart a family\b|\bchildcare\b|\bmaternity\b|\bpaternity\b/i, advice: DROP },
  { topic: 'pregnancy or children', pattern: /\bpregnan(t|cy)\b|\b(have|any|your|plan(ning)? to have) (kids|children)\b|\bhow many (kids|children)\b/i, advice: DROP },
  { topic: 'health or disability', pattern: /\byour health\b|\bhealth (conditions?|problems?|issues?)\b|\bmedical (conditions?|history)\b|\bdisabilit(y|ies)\b|\bdisabled\b|\bsick (days|leave)\b|\bmedications?\b|\bmental health\b|\bhandicap/i, advice: 'ask whether the candidate can perform the essential duties, with or without accommodation' },
  { topic: 'sex, gender or orientation', pattern: /\bsexual orientation\b|\bgay\b|\blesbian\b|\btransgender\b|\bgender identity\b|\byour gender\b|\byour sex\b/i, advice: DROP },
  { topic: 'arrests or criminal record', pattern: /\bever been arrested\b|\barrests?\b|\bcriminal (record|history)\b|\bconvicted\b/i, advice: 'leave background checks to the documented, lawful process' },
  { topic: 'salary history', pattern: /\bsalary history\b|\b(current|previous|last|past) (salary|pay|compensation)\b|\bhow much (do|did) you (make|earn)\b/i, advice: 'ask about salary expectations instead of history' },
  { topic: 'political views or union membership', pattern: /\bpolitical (views|party|affiliation)\b|\bwho did you vote\b|\bunion member(ship)?\b/i, advice: DROP },
  { topic: 'military discharge', pattern: /\b(type of|dishonou?rable) discharge\b/i, advice: DROP },
];

export function findProtectedTopic(text: string): ProtectedTopicMatch | undefined {
  for (const rule of RULES) {
    const m = rule.pattern.exec(text);
    if (m) return { topic: rule.topic, match: m[0], advice: rule.advice };
  }
  return undefined;
}
