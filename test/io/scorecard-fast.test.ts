// The quick reader of submitted scorecards (io/scorecard-fast.ts) must give exactly what the full reader gives,
// or nothing: every refusal here sends the file to the full reader, which names the problem where it is.
import { describe, expect, it } from 'vitest';
import { Scorecard } from '../../src/core/scorecard.js';
import { readSubmittedAsWritten } from '../../src/io/scorecard-fast.js';
import { scorecardYaml } from '../../src/io/scorecard-store.js';
import { answersDigest } from '../../src/io/workspace.js';
import { checkYamlText } from '../../src/io/yaml-file.js';

const KIND = { what: 'scorecard', empty: 'empty' };

function submitted(text: string): Scorecard {
  const card: Scorecard = {
    format: 'hirekit-scorecard/1',
    rubric: { id: 'data-analyst', version: '1.1', hash: 'sha256:0123456789abcdef' },
    candidate: { name: 'Zoë Łukasz', slug: 'zoe-lukasz' },
    interviewer: { name: 'Wei Zhang (张伟)', slug: 'wei-zhang' },
    stage: 'technical',
    status: 'submitted',
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:30:00.000Z',
    submitted_at: '2026-01-01T00:30:00.000Z',
    ratings: [
      { dimension: 'sql', rating: 3, evidence: text, at: '2026-01-01T00:10:00.000Z' },
      { dimension: 'statistics', rating: 'insufficient', evidence: 'Ran out of time before the statistics question.', at: '2026-01-01T00:20:00.000Z' },
    ],
    flags: [{ flag: 'checks-counts', kind: 'green', note: text, at: '2026-01-01T00:15:00.000Z' }],
    recommendation: 'yes',
    summary: text,
    audit: [],
  };
  return { ...card, digest: answersDigest(card) };
}

function fullRead(text: string): Scorecard | undefined {
  return checkYamlText('card.yaml', text, Scorecard, KIND).value;
}

// Strings one YAML reader or another turns into something else when written bare, and ordinary evidence.
const TEXTS = ['Counted rows before the join, then checked the totals.', '0o17', '1e3', 'yes', 'null', '~', '2026-01-01', '0x1F', '.inf', '<<', '=', 'a: b', '- item', '"quoted"', "it's", 'line one\nline two', 'ticket #42 was the bug', 'C# and F#', '&anchor *alias !tag', '张伟 Łukasz Zoë'];

describe('readSubmittedAsWritten', () => {
  it.each(TEXTS)('reads a submitted scorecard with %j exactly as the full reader does', (text) => {
    const card = submitted(text);
    const yaml = scorecardYaml(card);
    const full = fullRead(yaml);
    expect(full).toEqual(card);
    const quick = readSubmittedAsWritten(yaml, answersDigest);
    // Text holding " #" is left to the full reader; everything else is read quickly, to the same value.
    if (yaml.slice(yaml.indexOf('\n')).includes(' #')) expect(quick).toBeUndefined();
    else expect(quick).toEqual(full);
  });

  it('leaves a draft, a legacy scorecard without a digest and an edited one to the full reader', () => {
    const card = submitted('Wrote the query with a window function.');
    expect(readSubmittedAsWritten(scorecardYaml({ ...card, status: 'draft' }), answersDigest)).toBeUndefined();
    const legacy = scorecardYaml(card).replace(/^digest: .*\n/m, '');
    expect(legacy).not.toContain('digest');
    expect(fullRead(legacy)).toBeDefined();
    expect(readSubmittedAsWritten(legacy, answersDigest)).toBeUndefined();
    const edited = scorecardYaml(card).replace('rating: 3', 'rating: 4');
    expect(edited).not.toBe(scorecardYaml(card));
    expect(readSubmittedAsWritten(edited, answersDigest)).toBeUndefined();
    expect(fullRead(edited)?.ratings[0]?.rating).toBe(4);
  });

  it('leaves what only the full reader can describe to it: duplicate keys, aliases, tags, comments, bad YAML', () => {
    const yaml = scorecardYaml(submitted('Explained the join.'));
    expect(readSubmittedAsWritten(yaml, answersDigest)).toBeDefined();
    const cases = {
      duplicate: yaml.replace('stage: technical\n', 'stage: technical\nstage: technical\n'),
      alias: yaml.replace('flags:\n', 'flags: &f\n').replace(/\naudit: \[\]\n/, '\naudit: *f\n'),
      tag: yaml.replace('stage: technical', 'stage: !custom technical'),
      comment: yaml.replace('stage: technical', 'stage: technical # the second round'),
      broken: yaml.replace('stage: technical', 'stage: [technical'),
      schema: yaml.replace('stage: technical', 'stage: technical\nextra: 1'),
    };
    for (const [name, text] of Object.entries(cases)) {
      expect(text, name).not.toBe(yaml);
      expect(readSubmittedAsWritten(text, answersDigest), name).toBeUndefined();
    }
  });
});
