// Interview questions must not touch protected characteristics. The categories follow the US EEOC's
// "prohibited practices" and pre-employment inquiry guidance and the protected characteristics of the UK
// Equality Act 2010 (with the questions on health and disability its section 60 restricts), plus the
// questions both advise against: salary history, arrests, political views, union membership and the kind
// of military discharge.
//
// Each rule is written as the topic is asked of a candidate ("are you married", "who looks after your
// kids"), not as a bare word, so an ML question that shares a word with a topic ("model age", "native
// support", "pregnancy prediction model", "union of sets", "health check endpoint") stays quiet. The
// labelled corpus in test/core/protected-topics.test.ts measures both sides.

export interface ProtectedTopicMatch {
  topic: string;
  match: string;
  advice: string;
}

interface Rule {
  topic: string;
  patterns: RegExp[];
  advice: string;
}

const JOB_ONLY = 'ask only about what the job needs';
const SCHEDULE = 'state the hours, travel and schedule the job needs and ask whether the candidate can meet them';
const ABILITY = 'ask whether the candidate can do the essential duties of the job, with or without reasonable adjustments';

// Words that put a question to the candidate: "you", "your", "yourself".
const YOU = String.raw`(?:you|your|yourself)`;

const RULES: Rule[] = [
  {
    topic: 'age',
    patterns: [
      /\bhow old (?:are|were) you\b/,
      new RegExp(String.raw`\b${YOU}r? (?:age|date of birth|birth ?date|birthday)\b`),
      /\bwhat (?:year|decade) were you born\b/,
      /\bdate of birth\b/,
      /\bwhen did you (?:graduate|finish (?:high )?school|leave school|finish your (?:degree|studies)|get your (?:first )?degree)\b/,
      /\bwhat year did you (?:graduate|finish|leave) (?:from )?(?:high school|school|college|university)\b/,
      /\b(?:before|until|when) you (?:plan to |want to |expect to )?retire\b/,
      /\byour retirement (?:plans?|age)\b/,
      /\b(?:people|colleagues|a manager|managers|someone) (?:much |a lot )?(?:younger|older) than you\b/,
      /\b(?:too old|too young|over ?qualified for your age)\b/,
    ],
    advice: 'drop it; if the role has a legal minimum age, ask only whether the candidate meets it',
  },
  {
    topic: 'race or colour',
    patterns: [
      new RegExp(String.raw`\b${YOU}r? (?:race|racial (?:background|identity)|skin (?:colou?r|tone)|complexion)\b`),
      /\bwhat race (?:are|is) you\b/,
    ],
    advice: JOB_ONLY,
  },
  {
    topic: 'ethnicity',
    patterns: [
      new RegExp(String.raw`\b${YOU}r? ethnic(?:ity| background| origin| group| heritage)?\b`),
      /\bwhich ethnic group do you\b/,
      /\bethnic(?:ity| background| group)? do you (?:identify|belong)\b/,
    ],
    advice: JOB_ONLY,
  },
  {
    topic: 'national origin',
    patterns: [
      /\bwhere (?:were|was) (?:you|your (?:parents|family|mother|father)) born\b/,
      /\bwhere are you (?:originally |really )?from\b/,
      /\bwhere is your family from\b/,
      new RegExp(String.raw`\b${YOU}r? (?:birthplace|place of birth|national origin|nationality|country of origin|ancestry|heritage)\b`),
      /\bwhat nationality\b/,
      /\b(?:origin|origins) of your (?:name|surname|family)\b/,
      /\byour (?:name|surname) is (?:unusual|foreign|interesting|uncommon)\b/,
      /\bwhere does your (?:name|surname|accent) come from\b/,
      /\byour accent\b/,
    ],
    advice: JOB_ONLY,
  },
  {
    topic: 'citizenship',
    patterns: [
      /\bare you an? (?:[a-z.]+ )?citizen\b/,
      /\b(?:your|of) citizenship\b/,
      /\bcitizen of (?:this|which|what|another) country\b/,
      /\b(?:which|what) (?:country|countries) (?:issued your passport|are you a citizen)\b/,
      /\b(?:which|what|whose) passports? do you (?:hold|have|carry)\b/,
      /\bgreen card holder\b/,
      /\bnaturali[sz]ed\b/,
    ],
    advice: 'ask only whether the candidate is legally authorised to work in the country (and needs sponsorship)',
  },
  {
    topic: 'native language',
    patterns: [
      /\byour (?:native|first|mother) (?:language|tongue)\b(?! (?:for|to|in|when) )/,
      /\bis (?:english|french|german|spanish|[a-z]+) your (?:native|first|mother) (?:language|tongue)\b/,
      /\bwhat language(?:s)? do you (?:speak|use) (?:at home|with your family)\b/,
      /\bnative (?:english|french|german|spanish) speaker\b/,
    ],
    advice: 'ask about the language proficiency the job needs, not which language is the candidate\'s own',
  },
  {
    topic: 'religion or religious holidays',
    patterns: [
      new RegExp(String.raw`\b${YOU}r? (?:religion|religious (?:beliefs?|views|background|practice|holidays?)|church|mosque|synagogue|temple)\b`),
      /\b(?:what|which) (?:religion|religious holidays?|faith) (?:are|do|is) you\b/,
      /\breligious holidays? (?:do|will|would) you\b/,
      /\bdo you (?:go to|attend) (?:church|mosque|synagogue|temple|services|mass)\b/,
      /\b(?:do|will) you (?:pray|observe|celebrate|fast for) (?:christmas|easter|ramadan|eid|diwali|passover|yom kippur|hanukkah|the sabbath|shabbat|any)\b/,
      /\b(?:time off|leave|days off) for (?:christmas|easter|ramadan|eid|diwali|passover|yom kippur|hanukkah|the sabbath|shabbat|religious)\b/,
      /\bare you (?:religious|christian|muslim|jewish|hindu|sikh|buddhist|catholic|an atheist)\b/,
      /\bwork on (?:the sabbath|shabbat|fridays? prayers?)\b/,
    ],
    advice: SCHEDULE,
  },
  {
    topic: 'sex',
    patterns: [
      /\bare you (?:a )?(?:man|woman|male|female)\b/,
      new RegExp(String.raw`\b${YOU}r? (?:sex|biological sex)\b(?! (?:of|ratio))`),
      /\bas a (?:woman|man|female|male),? (?:how |what |why )?(?:do|would|can|will|could|did) you\b/,
    ],
    advice: JOB_ONLY,
  },
  {
    topic: 'gender identity',
    patterns: [
      new RegExp(String.raw`\b${YOU}r? (?:gender(?: identity)?|pronouns at birth|birth name|deadname)\b`),
      /\bwhat gender (?:are|do) you\b/,
      /\bgender (?:do|did) you (?:identify|were)\b/,
      /\bare you (?:trans|transgender|non-?binary|cis(?:gender)?)\b/,
      /\bhave you (?:ever )?(?:transitioned|had gender)\b/,
      /\b(?:assigned|sex) at birth\b/,
    ],
    advice: JOB_ONLY,
  },
  {
    topic: 'sexual orientation',
    patterns: [
      new RegExp(String.raw`\b${YOU}r? sexual(?:ity| orientation| preference)\b`),
      /\bare you (?:gay|lesbian|bisexual|straight|queer|homosexual|heterosexual)\b/,
      /\bdo you have a (?:boyfriend|girlfriend)\b/,
    ],
    advice: JOB_ONLY,
  },
  {
    topic: 'relationships or marital status',
    patterns: [
      /\bare you (?:married|single|divorced|engaged|widowed|in a relationship|seeing someone)\b/,
      new RegExp(String.raw`\b${YOU}r? (?:marital status|spouse|husband|wife|fianc[eé]e?|boyfriend|girlfriend)\b`),
      // "partner" is also a business word ("your partner teams"): only the partner at home, by what is asked.
      /\byour (?:life |domestic )?partner(?:'s)? (?:job|career|work|do|does|think|feel|mind|relocat\w*|move|be|likely|okay|ok)\b/,
      /\b(?:life|domestic) partner\b/,
      /\b(?:do|will) you (?:plan to |want to )?(?:get married|marry)\b/,
      /\bmaiden name\b/,
    ],
    advice: SCHEDULE,
  },
  {
    topic: 'pregnancy',
    patterns: [
      /\bare you (?:currently |now )?(?:pregnant|expecting)\b/,
      new RegExp(String.raw`\b${YOU}r? pregnan(?:cy|t)\b`),
      /\b(?:start|starting|have|having|planning) a family\b/,
      /\b(?:take|taking|plan(?:ning)? (?:to take|on)|need) (?:maternity|paternity|parental|adoption) leave\b/,
      /\bplan(?:ning)? to (?:have|get) (?:kids|children|a baby|pregnant)\b/,
      /\b(?:more|any more|another) (?:kids|children|babies) (?:soon|in the next|planned)\b/,
    ],
    advice: SCHEDULE,
  },
  {
    topic: 'children or childcare',
    patterns: [
      /\bdo you have (?:any )?(?:kids|children|a child|a baby|dependants|dependents)\b/,
      /\bhow many (?:kids|children) (?:do )?you\b/,
      new RegExp(String.raw`\b${YOU}r? (?:kids|children|childcare|child care|nanny|babysitter|school run)\b`),
      /\bchildcare (?:arrangements?|situation|plans?)\b/,
      /\bwho (?:looks|will look) after (?:your|the) (?:kids|children|baby)\b/,
      /\bare you a (?:single |working )?(?:parent|mother|father|mum|mom|dad|carer)\b/,
    ],
    advice: SCHEDULE,
  },
  {
    topic: 'disability',
    patterns: [
      new RegExp(String.raw`\b${YOU}r? (?:disabilit(?:y|ies)|impairments?|handicap|wheelchair)\b`),
      /\bdo you have (?:a|any) (?:disabilit(?:y|ies)|impairments?|handicaps?|learning difficult(?:y|ies))\b/,
      /\bare you (?:disabled|deaf|blind|handicapped|autistic|dyslexic|neurodivergent)\b/,
      /\bdo you (?:use|need) a (?:wheelchair|hearing aid|guide dog|cane)\b/,
    ],
    advice: ABILITY,
  },
  {
    topic: 'health or medical history',
    patterns: [
      // "your health checks" and "your model's health" are about systems.
      new RegExp(String.raw`\b${YOU}r? (?:(?:mental )?health(?! ?(?:checks?|endpoints?|probes?|monitoring|metrics?|dashboards?|scores?|status))|medical (?:history|conditions?|records?)|medications?|prescriptions?|illness(?:es)?)\b`),
      /\bhow many (?:sick days|days (?:off )?sick)\b/,
      /\b(?:sick (?:days|leave)|days off sick) (?:did|have|do) you\b/,
      /\bdo you have (?:any )?(?:medical|health|mental health|chronic) (?:conditions?|problems?|issues?)\b/,
      /\b(?:medical|health) (?:conditions?|problems?|issues?) (?:we|i) should know\b/,
      /\bhave you (?:ever )?been (?:hospitali[sz]ed|treated for|diagnosed|in rehab|on medication|to therapy)\b/,
      /\bare you (?:taking|on) (?:any )?(?:prescription |regular )?(?:medication|medicine|drugs|antidepressants)\b/,
      /\bdo you (?:drink|smoke|take drugs)\b/,
      /\bwork(?:ers)?'? compensation claims?\b/,
    ],
    advice: ABILITY,
  },
  {
    topic: 'genetic information',
    patterns: [
      /\b(?:does|do) (?:any )?(?:\w+ ){0,3}run in your family\b/,
      new RegExp(String.raw`\b${YOU}r? (?:family(?:'s)? (?:medical|health) history|genetic (?:tests?|testing|results?|makeup|predisposition)|dna (?:tests?|results?))\b`),
      /\bhave you (?:ever )?(?:taken|had|done) a (?:genetic|dna) test\b/,
      /\bfamily (?:medical|health) history\b/,
      /\b(?:your|your family's) genes\b/,
    ],
    advice: 'drop it: genetic information and family medical history are never a hiring question',
  },
  {
    topic: 'arrests or convictions',
    patterns: [
      /\bhave you (?:ever )?been (?:arrested|convicted|charged|in (?:jail|prison)|to (?:jail|prison)|detained by the police|in trouble with the (?:police|law))\b/,
      new RegExp(String.raw`\b${YOU}r? (?:criminal (?:record|history|past|convictions?)|arrest(?: record|s)?|police record)\b`),
      /\bdo you have (?:a|any) (?:criminal (?:record|convictions?)|convictions?|arrests?|police record)\b/,
    ],
    advice: 'leave background checks to the documented, lawful process for the role',
  },
  {
    topic: 'salary history',
    patterns: [
      /\bsalary history\b/,
      new RegExp(String.raw`\b${YOU}r? (?:current|previous|last|past|present|old) (?:salary|pay|compensation|wage|base salary|bonus|earnings)\b`),
      /\bhow much (?:do|did) you (?:make|earn|get paid)\b/,
      /\bhow much (?:were|are) you (?:paid|making|earning)\b/,
      /\bwhat (?:did|does) your (?:current |previous |last |old )?(?:employer|company|job) pay you\b/,
      /\bwhat (?:are|were) you (?:paid|earning|making)\b/,
    ],
    advice: 'ask about salary expectations for this role instead of pay history',
  },
  {
    topic: 'political views',
    patterns: [
      new RegExp(String.raw`\b${YOU}r? (?:political (?:views?|opinions?|beliefs?|leanings?|affiliations?|party)|politics|vote)\b`),
      /\b(?:who|which party|what party) did you vote\b/,
      /\bhow did you vote\b/,
      /\b(?:which|what) (?:political )?party do you (?:support|belong|vote)\b/,
      /\bare you (?:a )?(?:democrat|republican|conservative|liberal|tory|labour voter|socialist)\b/,
    ],
    advice: JOB_ONLY,
  },
  {
    topic: 'union membership',
    patterns: [
      /\b(?:are|were) you (?:ever )?(?:a )?(?:member of a )?(?:trade |labou?r )?union(?: member)?\b/,
      /\bmember of a (?:trade |labou?r )?union\b/,
      /\b(?:trade |labou?r )?union (?:membership|member|activit(?:y|ies)|organi[sz]ing)\b/,
      /\b(?:organi[sz]e|organi[sz]ing|join|joining|form|forming) a (?:trade |labou?r )?union\b/,
      /\b(?:feel|think) about (?:trade |labou?r )?unions\b/,
    ],
    advice: JOB_ONLY,
  },
  {
    topic: 'military discharge',
    patterns: [
      /\b(?:type|kind) of (?:military )?discharge\b/,
      /\b(?:honou?rabl[ey]|dishonou?rabl[ey]|general|other than honou?rabl[ey]) discharged?\b/,
      /\bhow (?:were|was) you discharged\b/,
      /\bwhy did you leave the (?:army|navy|air force|military|marines|armed forces)\b/,
    ],
    advice: 'ask about the skills and experience gained in service, not the discharge',
  },
];

export function findProtectedTopic(text: string): ProtectedTopicMatch | undefined {
  const lower = text.toLowerCase().replace(/[’‘]/g, "'");
  for (const rule of RULES) {
    for (const pattern of rule.patterns) {
      const m = pattern.exec(lower);
      if (m) return { topic: rule.topic, match: text.slice(m.index, m.index + m[0].length), advice: rule.advice };
    }
  }
  return undefined;
}

/** The topics the lint knows, for documentation and tests. */
export const PROTECTED_TOPICS: readonly string[] = RULES.map((r) => r.topic);
