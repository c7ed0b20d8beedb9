// The demo committee's decision on Zoë Łukasz, written as a decision file (docs/decision-file.md) and fed to
// the real `hirekit decide --answers` code. The four interviewers meet, settle each dimension after hearing
// the panel (the agenda first: cross-functional leadership, where a red and a green flag meet below the bar;
// ML strategy, where the ratings span 2 to 4; responsible AI, which rests on one rating), advance the
// candidate with a reference check on working across teams, and one of them dissents by name.

export const DEMO_DECISION = {
  format: 'hirekit-decision-file/1',
  participants: ['Mariam Haddad', 'Tomás Ortega', 'Kenji Nakamura-Wójcik', 'Ingrid Søndergaard'],
  consensus: {
    'cross-functional-leadership': {
      level: 2,
      reason:
        'Twice she put missed launches on other teams without proposing a change; the Case B contract with Security was good but came with the interviewer leading. Below the bar, heard from both sides.',
    },
    'ml-strategy-portfolio': {
      level: 3,
      reason:
        'The screen showed a real kill decision backed by a holdback; Case C put a weak bet first but she re-ordered it once the cost data came out. Meets the bar, not above it.',
    },
    'responsible-ai-governance': {
      level: 3,
      reason:
        'Only Case D probed it, and Ingrid confirmed the gates she proposed were concrete and tiered by risk; the leadership interview simply did not reach it.',
    },
    'production-ml-architecture': {
      level: 4,
      reason: 'Both deep dives found a platform she built after a written buy-versus-build review, with deployment time cut from weeks to two days.',
    },
    'mlops-reliability': {
      level: 3,
      reason: 'Four stages agree at 3: sound on-call, rollback and drift practice, short on incident figures.',
    },
    'experimentation-measurement': {
      level: 3,
      reason: 'Named the usual experiment traps and set guardrail metrics herself; the single 4 in Case D did not move the committee above 3.',
    },
    'talent-org-leadership': {
      level: 3,
      reason: 'Grew a team and two managers and handled a performance case quickly and fairly; consistent at 3 across three stages.',
    },
    'executive-communication': {
      level: 3,
      reason: 'Led with the recommendation and the figure behind it in every stage that rated it; the executive session alone rated it higher.',
    },
  },
  decision: 'advance',
  rationale:
    'At the bar on every hurdle and strong on platform work. Working across teams is below the bar and is the risk we take on: the offer waits for two references who worked with her from Product or Security.',
  dissent: [
    {
      name: 'Kenji Nakamura-Wójcik',
      note: 'The blame on other teams came unprompted and twice; I would hold until the references are in rather than advance now.',
    },
  ],
} as const;
