// A committee's decision file (hirekit-decision-file/1, docs/decision-file.md) for Kwame Mensah in the panel
// fixture workspace (test/fixtures/workspaces/panel, platform rubric), as the reliability tests feed it to
// `hirekit decide --answers`: every dimension settled at one level, the ownership knockout ruled.
const DIMENSIONS = ['platform-architecture', 'reliability-operations', 'developer-experience', 'cost-capacity', 'technical-leadership', 'written-communication'];

export interface KwameDecision {
  decision: 'advance' | 'reject' | 'hold';
  /** The misstates-ownership knockout: overridden (with the references' reason) or confirmed. */
  knockout: 'overridden' | 'confirmed';
  level: number;
  participants: string[];
  rationale: string;
}

export function kwameDecisionText({ decision, knockout, level, participants, rationale }: KwameDecision): string {
  return [
    'format: hirekit-decision-file/1',
    `participants: [${participants.join(', ')}]`,
    'knockouts:',
    '  misstates-ownership:',
    `    ruling: ${knockout}`,
    ...(knockout === 'overridden' ? ['    reason: Two references confirm she led the migration; the panel heard a shared credit as a claim.'] : []),
    'consensus:',
    ...DIMENSIONS.map((d) => `  ${d}:\n    level: ${level}\n    reason: The committee read the evidence on ${d} and agreed after discussion.`),
    `decision: ${decision}`,
    `rationale: ${rationale}`,
  ].join('\n');
}

/** The decision the races and full-disk tests submit: knockout overridden, every dimension at 3. */
export function kwameAdvanceOrHold(decision: 'advance' | 'hold'): string {
  return kwameDecisionText({
    decision,
    knockout: 'overridden',
    level: 3,
    participants: ['Σοφία Παππά', 'Wei Zhang (张伟)'],
    rationale: 'Strong on architecture and operations; the ownership question was settled by the references.',
  });
}
