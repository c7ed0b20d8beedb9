// The demo panel: four fictional interviewers scoring the fictional candidate Zoë Łukasz against the
// Head of ML rubric. Each runs two of the loop's eight stages (Case D, optional, included), so every stage has one scorecard and the
// debrief has the evidence the policy asks for. Each entry becomes an answers file (docs/answers-file.md)
// fed to the real scoring code. Between them they show a disagreement (ml-strategy-portfolio rated 4, 3
// and 2), a red flag, green flags and an "insufficient evidence" answer; the ratings come out just at or
// above the bar (composite 3.02, every hurdle met at 3), with cross-functional leadership below it.

export const DEMO_ROLE = 'head-of-ml';
export const DEMO_CANDIDATE = 'Zoë Łukasz';

export interface DemoAnswers {
  interviewer: string;
  stage: string;
  ratings: Record<string, { rating: 1 | 2 | 3 | 4 | 'insufficient'; evidence: string }>;
  flags: Record<string, string>;
  recommendation: 'strong-no' | 'no' | 'yes' | 'strong-yes';
  summary: string;
}

export const DEMO_PANEL: readonly DemoAnswers[] = [
  {
    interviewer: 'Mariam Haddad',
    stage: 'hiring-manager-screen',
    ratings: {
      'mlops-reliability': {
        rating: 3,
        evidence:
          'Owned the fraud-scoring service end to end for two years: on-call rota, a p99 budget of 80 ms, and a rollback she exercised twice. Could not give incident numbers from memory.',
      },
      'ml-strategy-portfolio': {
        rating: 4,
        evidence:
          'Walked through killing a recommendation rewrite after a six-week holdback showed +0.3% revenue against a projected 4%, and moving the team to search ranking, which then paid back in a quarter.',
      },
      'talent-org-leadership': {
        rating: 3,
        evidence:
          'Grew the team from 9 to 26 with two managers under her; described the promotion packet she wrote for a staff engineer and why she turned down a second manager hire.',
      },
    },
    flags: {
      'outcome-metrics-first':
        'Opened every example with the business figure (chargeback losses down 18%, search revenue per session up 2.1%) before any model detail.',
    },
    recommendation: 'yes',
    summary: 'Clear operator with a real record of stopping work that did not pay; strategy examples were the strongest part.',
  },
  {
    interviewer: 'Tomás Ortega',
    stage: 'production-ml-deep-dive',
    ratings: {
      'production-ml-architecture': {
        rating: 4,
        evidence:
          'Drew the feature platform she led: streaming features with a shared registry, offline/online parity checks, and a cost per thousand predictions she had cut from 0.9 to 0.3 cents by batching GPU inference.',
      },
      'mlops-reliability': {
        rating: 3,
        evidence:
          'Described drift alerts tied to business metrics rather than only input statistics, and a blameless review after a silent feature outage; the fix was a data contract with the upstream team.',
      },
      'experimentation-measurement': {
        rating: 3,
        evidence:
          'Explained why their offline NDCG gains did not show up online (position bias in the logs) and how they added an interleaving test before full A/B tests.',
      },
    },
    flags: {
      'platform-built-or-bought':
        'Built the feature platform on open-source parts after a written buy-versus-build review; deployment time for new models fell from weeks to two days.',
    },
    recommendation: 'strong-yes',
    summary: 'The strongest architecture interview I have run this year; she knew the numbers of her own systems.',
  },
  {
    interviewer: 'Kenji Nakamura-Wójcik',
    stage: 'case-a-session',
    ratings: {
      'production-ml-architecture': {
        rating: 4,
        evidence:
          'Named three failure modes unprompted and where the design contains each: schema changes (checks in the shared pipeline), registry drift (deploy only from the registry), endpoint outage (batch-score fallback). The deploy template she built is used by four teams and took new models from weeks to two days.',
      },
      'mlops-reliability': {
        rating: 3,
        evidence:
          'Release standard for the five critical models by the end of the quarter: a named owner, a registry entry pinned to data snapshot and code, drift and null-rate monitors, a rehearsed rollback. Fraud pages the owning team’s ML engineer, platform second.',
      },
      'cross-functional-leadership': {
        rating: 2,
        evidence:
          'Playing the product director, I said her standard would cost my launch a month; she answered that the CTO would mandate it from Q2 and offered nothing back. She never asked Platform/SRE what they need to host ML services.',
      },
      'talent-org-leadership': {
        rating: 3,
        evidence:
          'Kept the 30 embedded engineers in product teams, made the central 8 a platform team, and named the six hires in order (platform lead first, then MLOps, SRE, evaluation); wants a lead who has run a shared service against an SLO.',
      },
    },
    flags: {
      'platform-built-or-bought':
        'Would buy the registry and tracking and build thin deploy templates on the existing Kubernetes, with about $180k of the $450k on licences.',
    },
    recommendation: 'yes',
    summary: 'The best platform design I have heard in this case; the adoption plan rested on a mandate, not on winning the teams over.',
  },
  {
    interviewer: 'Tomás Ortega',
    stage: 'case-b-session',
    ratings: {
      'mlops-reliability': {
        rating: 3,
        evidence:
          'Turned on the popularity fallback within ten minutes, explained why a model rollback alone would not fix a 62%-missing feature, restored Monday’s snapshot and judged recovery by add-to-cart. Postmortem: null-rate gates on promotion, alerts that page.',
      },
      'cross-functional-leadership': {
        rating: 3,
        evidence:
          'Owned the ML side’s share (an unpaged alert, NDCG-only promotion) to the Data Engineering lead and proposed a data contract on the events table that both leads own. Her real case, a billing change that broke a churn model, ended in a shared schema registry; no repeat in 14 months.',
      },
      'executive-communication': {
        rating: 3,
        evidence:
          'Ten minutes in, two sentences to the VP Product: a data change broke recommendations, about $100k a day of sales at risk, fallback on, next update at 13:00. Gave Support a short script; reached the site-wide loss only when asked.',
      },
    },
    flags: {
      'settles-conflict-with-shared-terms':
        'Met ‘you should have read the channel’ with a joint data contract and schema check, not an escalation or an argument about fault.',
    },
    recommendation: 'yes',
    summary: 'Calm and in the right order: damage limited first, cause second, then a fix both teams own.',
  },
  {
    interviewer: 'Ingrid Søndergaard',
    stage: 'case-c-session',
    ratings: {
      'ml-strategy-portfolio': {
        rating: 2,
        evidence:
          'In the ROI case she ranked all five initiatives by expected model lift and only reached the cost and the staffing of each when I asked twice; the roadmap had no point at which to stop.',
      },
      'experimentation-measurement': {
        rating: 3,
        evidence:
          'Proposed a geo holdback for the pricing model because user-level randomisation would leak, and named the minimum detectable effect she would need before funding year two.',
      },
      'executive-communication': {
        rating: 3,
        evidence:
          'The two-minute summary for the CFO led with the recommendation and the cost, though it used ‘precision at k’ once without explaining it.',
      },
    },
    flags: {},
    recommendation: 'yes',
    summary: 'Good measurement instincts; the portfolio thinking I heard in the case was weaker than her screen suggested.',
  },
  {
    interviewer: 'Ingrid Søndergaard',
    stage: 'case-d-session',
    ratings: {
      'experimentation-measurement': {
        rating: 4,
        evidence:
          'Eval set of 1,500 past tickets by customer and topic, two raters on 300, an LLM grader only once it agrees with them; online, edit size and reopens against a 10% agent holdback. Her weekly experiment review cut reversed launches from six to one in a year.',
      },
      'responsible-ai-governance': {
        rating: 3,
        evidence:
          'Made cross-customer leakage and invented refund promises stop conditions, with an isolation test on every prompt or index change; EU customers wait for EU processing and zero retention. Her own permission check held a churn model two weeks for Privacy.',
      },
      'production-ml-architecture': {
        rating: 3,
        evidence:
          'Costed $0.018 down to under $0.01 a draft: try the $0.004 model on the eval set, three retrieved passages instead of eight, cache templated tickets; streaming shows text in 2 s against a 6.5 s p95. No plan for a vendor outage.',
      },
    },
    flags: {
      'clear-gates-not-bureaucracy':
        'Three automated gates (tenant isolation, policy claims, cost per draft) on every change; a privacy review only for customers with EU or opt-in terms.',
      'names-experiment-pitfalls':
        'Expects acceptance to climb as agents learn to trust drafts, as it did with her search feature, so she would judge on edit size after four weeks.',
    },
    recommendation: 'yes',
    summary: 'A thorough plan with clear stop conditions; she told Sales plainly that EU customers would miss the ten weeks.',
  },
  {
    interviewer: 'Kenji Nakamura-Wójcik',
    stage: 'leadership-talent',
    ratings: {
      'talent-org-leadership': {
        rating: 3,
        evidence:
          'Named two people she grew into managers and what she changed for each; handled the underperforming-lead scenario with a written plan and a date, not a transfer.',
      },
      'cross-functional-leadership': {
        rating: 2,
        evidence:
          'Both conflict examples ended with escalation to her VP; when asked what she would change with the data platform team, she said they should ‘just meet their SLAs’.',
      },
      'responsible-ai-governance': {
        rating: 'insufficient',
        evidence: 'We spent the time on the talent scenarios and never reached the governance questions, so I cannot judge this.',
      },
    },
    flags: {
      'blames-other-teams':
        'Put the two missed launches down to the data platform team and the security review, and proposed nothing about how the teams work together.',
    },
    recommendation: 'no',
    summary: 'Strong with her own team; I am worried about how she works with peer teams, which this role depends on.',
  },
  {
    interviewer: 'Mariam Haddad',
    stage: 'executive-session',
    ratings: {
      'executive-communication': {
        rating: 4,
        evidence:
          'Opened the CFO role-play with the call: cap free-tier use, move to a smaller model, plan $3.4M to $3.6M, not $4.05M; she would change course if quality fell 5%. Answered ‘why did we not see this coming’ unasked, and mentioned a payback case of hers that once talked a board out of a $2M labelling contract.',
      },
      'ml-strategy-portfolio': {
        rating: 3,
        evidence:
          '90-day plan: an inventory of the 25 models (owner, value, running cost), a monthly forum ranking requests on value, cost, dependencies and risk, each with a metric, within 18 engineers; retiring four unused models first. Took every sponsor’s estimate at face value.',
      },
      'responsible-ai-governance': {
        rating: 3,
        evidence:
          'Third-party model scenario: no customer documents leave until Security has checked retention, processing region and training use; offered Sales a six-week pilot on synthetic documents. Did not think of the customer’s own contract until asked.',
      },
    },
    flags: {
      'recommendation-first':
        'Led the bad-news story and the role-play with the decision she wanted, then cost, risk and the options she had ruled out.',
    },
    recommendation: 'yes',
    summary: 'Clear and decisive with executives; a sound first 90 days, though she never questioned the sponsors’ numbers.',
  },
];
