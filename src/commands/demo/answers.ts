// The demo panel: four fictional interviewers scoring the fictional candidate Zoë Łukasz against the
// Head of ML rubric. Each entry becomes an answers file (docs/answers-file.md) fed to the real scoring
// code. Between them they show a disagreement (ml-strategy-portfolio rated 4 and 2), a red flag, a green
// flag and an "insufficient evidence" answer.

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
          'The two-minute summary for the CFO led with the recommendation and the cost, though it used “precision at k” once without explaining it.',
      },
    },
    flags: {},
    recommendation: 'yes',
    summary: 'Good measurement instincts; the portfolio thinking I heard in the case was weaker than her screen suggested.',
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
          'Both conflict examples ended with escalation to her VP; when asked what she would change with the data platform team, she said they should “just meet their SLAs”.',
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
];
