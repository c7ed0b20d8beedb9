// How each flag tier is named and marked, the same in the terminal, Markdown, HTML and PDF.
import type { FlagTier } from '../core/rubric.js';

export const FLAG_SIGNS: Record<FlagTier, string> = { green: '+', concern: '~', red: '−', knockout: '−' };

export const FLAG_TIER_LABELS: Record<FlagTier, string> = {
  green: 'Green flag',
  concern: 'Concern',
  red: 'Red flag',
  knockout: 'KNOCKOUT',
};

/** On a paper checklist: "Green", "Concern", "Red", "Red, knockout". */
export const FLAG_SHEET_LABELS: Record<FlagTier, string> = { green: 'Green', concern: 'Concern', red: 'Red', knockout: 'Red, knockout' };
