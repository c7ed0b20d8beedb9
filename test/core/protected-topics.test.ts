import { describe, expect, it } from 'vitest';
import { findProtectedTopic } from '../../src/core/protected-topics.js';

describe('protected topics', () => {
  it.each([
    ['How old are you?', 'age'],
    ['Where were you born?', 'birthplace or national origin'],
    ['Is English your first language?', 'birthplace or national origin'],
    ['Are you a citizen of this country?', 'citizenship'],
    ['Which religious holidays do you observe?', 'religion'],
    ['Is your spouse also relocating?', 'marital or family status'],
    ['Do you have children at home?', 'pregnancy or children'],
    ['Do you have any health conditions we should know about?', 'health or disability'],
    ['Have you ever been arrested?', 'arrests or criminal record'],
    ['What is your current salary?', 'salary history'],
  ])('flags %j as %s', (question, topic) => {
    expect(findProtectedTopic(question)?.topic).toBe(topic);
  });

  it.each([
    'How do you monitor model health after launch?',
    'What is the age of the oldest feature in the store?',
    'Which model family would you start from, and why?',
    'Are you authorised to work in the country where the role is based?',
    'What are your salary expectations for this role?',
    'Tell me about a time you mentored a junior engineer through a failed launch.',
  ])('does not flag %j', (question) => {
    expect(findProtectedTopic(question)).toBeUndefined();
  });
});
