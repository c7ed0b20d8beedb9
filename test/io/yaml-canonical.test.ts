// The quick reader of hirekit's own YAML (io/yaml-canonical.ts) against the reader of record (io/yaml-file.ts):
// wherever the quick one gives a value, the full one reads the same value (same keys in the same order) and finds
// no error; wherever the full one finds an error, the quick one gives nothing, so the file goes to the full reader
// and its message is the one it always was. Checked over files the writer makes from awkward data, hand edits,
// and seeded random mutations of real scorecards, candidate files and decision files.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
// mulberry32, seeded, so a failure can be replayed.
import { seededRandom } from '../../src/core/calibration/bootstrap.js';
import { Scorecard } from '../../src/core/scorecard.js';
import { scorecardYaml } from '../../src/io/scorecard-store.js';
import { answersDigest } from '../../src/io/workspace.js';
import { readCanonicalYaml } from '../../src/io/yaml-canonical.js';
import { checkYamlText } from '../../src/io/yaml-file.js';
import { toYaml } from '../../src/io/yaml-write.js';

const ANY = { what: 'file', empty: 'empty' };

/** What the full reader makes of a text: its plain value, or that it found errors. */
function fullRead(text: string): { errors: number; plain?: unknown } {
  const check = checkYamlText('f.yaml', text, z.unknown(), ANY);
  return check.errors.length > 0 ? { errors: check.errors.length } : { errors: 0, plain: check.plain };
}

/** Both readers agree on `text`; returns whether the quick one answered. */
function agree(text: string, label = text): boolean {
  const quick = readCanonicalYaml(text);
  const full = fullRead(text);
  if (quick === undefined) return false;
  expect(full.errors, `the full reader finds errors in a text the quick one read: ${JSON.stringify(label)}`).toBe(0);
  expect(quick, JSON.stringify(label)).toStrictEqual(full.plain);
  // Same keys in the same order (toStrictEqual ignores order).
  expect(JSON.stringify(quick)).toBe(JSON.stringify(full.plain));
  return true;
}

function card(text: string, status: 'submitted' | 'draft' = 'submitted'): Scorecard {
  const base: Scorecard = {
    format: 'hirekit-scorecard/1',
    rubric: { id: 'data-analyst', version: '1.1', hash: 'sha256:0123456789abcdef' },
    candidate: { name: 'Zoë Łukasz', slug: 'zoe-lukasz' },
    interviewer: { name: 'Wei Zhang (张伟)', slug: 'wei-zhang' },
    stage: 'technical',
    status,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:30:00.000Z',
    ...(status === 'submitted' ? { submitted_at: '2026-01-01T00:30:00.000Z' } : {}),
    ratings: [
      { dimension: 'sql', rating: 3, evidence: text, at: '2026-01-01T00:10:00.000Z' },
      { dimension: 'statistics', rating: 'insufficient', evidence: 'Ran out of time before the statistics question.', at: '2026-01-01T00:20:00.000Z' },
    ],
    flags: [{ flag: 'checks-counts', kind: 'green', note: text, at: '2026-01-01T00:15:00.000Z' }],
    recommendation: 'yes',
    summary: text,
    notes: [{ question: 'q-joins', text, at: '2026-01-01T00:05:00.000Z' }],
    audit: [
      {
        at: '2026-01-02T00:00:00.000Z',
        action: 'amend',
        reason: `Corrected after the panel: ${text}`,
        previous: { ratings: [{ dimension: 'sql', rating: 2, evidence: text, at: '2026-01-01T00:10:00.000Z' }], flags: [], recommendation: 'no', summary: text, tags: ['one', text, 3] },
      },
    ],
  };
  return status === 'submitted' ? { ...base, digest: answersDigest(base) } : base;
}

// Strings one YAML reader or another turns into something else when written bare, and ordinary evidence.
const TEXTS = [
  'Counted rows before the join, then checked the totals.',
  '0o17', '1e3', 'yes', 'No', 'null', 'NULL', '~', '2026-01-01', '12:30', '0x1F', '.inf', '-.INF', '.nan', '+12', '-7', '007', '1_000', '<<', '=', 'true', 'False',
  'a: b', 'a:b', 'a :b', 'x:', ':x', '?q', '? q', '- item', '-item', '-', '--- doc', '...', '"quoted"', "'single'", "it's", 'say "hi"', "both ' and \"",
  'line one\nline two', 'line one\nline two\n', 'two\n\nparagraphs', '  indented\nfirst', 'x\n  y', 'trailing\n\n', '\nleading break', 'a\r\nb',
  'ticket #42 was the bug', 'C# and F#', '#hashtag', 'x #', 'tab\there', 'tab\t#x', 'ends with tab\t', ' leading space', 'trailing space ',
  '&anchor *alias !tag', '*alias', '&anchor', '!tag', '%percent', '@at', '`tick', '[list]', '{map}', 'a,b', 'a]b', '|pipe', '>fold', 'key=val',
  '张伟 Łukasz Zoë', 'emoji 😀 here', 'bidi \u202e override', 'nbsp\u00a0here', 'ctl\x01char', 'del\x7fchar', 'nel\u0085x', 'ls\u2028x', 'bom\ufeffx',
  'back\\slash', 'http://example.org/a:b', 'very long '.repeat(80),
];

describe('files the writer makes', () => {
  it.each(TEXTS)('a scorecard holding %j reads the same both ways', (text) => {
    for (const status of ['submitted', 'draft'] as const) {
      const yaml = scorecardYaml(card(text, status));
      expect(fullRead(yaml).plain).toBeDefined();
      agree(yaml);
    }
  });

  it('reads almost every file hirekit writes quickly (the fallback is for hand edits)', () => {
    let quick = 0;
    for (const text of TEXTS) {
      if (agree(scorecardYaml(card(text)))) quick++;
    }
    // Left to the full reader: the characters the writer leaves bare that the quick reader does not reason about
    // (DEL, NEL, LS, BOM; see BARE_UNUSUAL), none in ordinary text.
    expect(quick).toBe(TEXTS.length - 4);
    expect(readCanonicalYaml(scorecardYaml(card(TEXTS[0]!)))).toBeDefined();
    expect(readCanonicalYaml(toYaml({ name: 'Zoë Łukasz', role: 'data-analyst' }))).toEqual({ name: 'Zoë Łukasz', role: 'data-analyst' });
  });

  it('reads the shapes the writer uses: nested lists, empty collections, numbers, booleans, null', () => {
    const value = { a: [], b: {}, c: [1, 'x', { d: 1, e: ['y'] }], f: [[1, 2], [3]], g: { h: { i: -1 } }, none: null, t: true, u: false, s: 'line\nbreak' };
    const yaml = toYaml(value);
    expect(agree(yaml)).toBe(true);
    expect(readCanonicalYaml(yaml)).toStrictEqual(value);
  });

  it('every random value the writer writes reads back the same both ways', () => {
    const random = seededRandom(17);
    const pieces = [...TEXTS, 'word', 'two words', 'Łódź', '1', 'x', ': ', ' #', '\n', '\t', '"', "'", '\\', '-', '#', '|', '[', '{', '&', '*', '!', '%'];
    const text = (): string => Array.from({ length: 1 + Math.floor(random() * 3) }, () => pieces[Math.floor(random() * pieces.length)]!).join(random() < 0.5 ? '' : ' ');
    const valueOf = (depth: number): unknown => {
      const r = random();
      if (depth > 3 || r < 0.45) return random() < 0.15 ? Math.floor(random() * 2000) - 1000 : random() < 0.05 ? random() < 0.5 : text();
      if (r < 0.7) return Array.from({ length: Math.floor(random() * 4) }, () => valueOf(depth + 1));
      const out: Record<string, unknown> = {};
      for (let k = Math.floor(random() * 4); k > 0; k--) out[['name', 'evidence', 'at', 'rating', 'a_b', 'x-y', 'notes'][Math.floor(random() * 7)]!] = valueOf(depth + 1);
      return out;
    };
    let quick = 0;
    for (let i = 0; i < 1500; i++) {
      const value = { top: valueOf(0), other: valueOf(1) };
      const yaml = toYaml(value);
      if (agree(yaml)) {
        quick++;
        expect(readCanonicalYaml(yaml)).toStrictEqual(value);
      }
    }
    expect(quick).toBeGreaterThan(1000);
  });
});

describe('hand edits: the quick reader declines what is not the writer’s form, or reads it as the full reader does', () => {
  const yaml = scorecardYaml(card('Explained the join.'));
  const edits: Record<string, string> = {
    'duplicate key': yaml.replace('stage: technical\n', 'stage: technical\nstage: technical\n'),
    'anchor and alias': yaml.replace('flags:\n', 'flags: &f\n').replace(/\naudit:\n/, '\naudit: *f\nx:\n'),
    tag: yaml.replace('stage: technical', 'stage: !custom technical'),
    'comment after a value': yaml.replace('stage: technical', 'stage: technical # the second round'),
    'comment line inside': yaml.replace('stage: technical\n', 'stage: technical\n# a note\n'),
    'indented comment line': yaml.replace('  slug: zoe-lukasz\n', '  slug: zoe-lukasz\n  # who\n'),
    'flow list': yaml.replace('stage: technical', 'stage: [technical'),
    'flow mapping': yaml.replace('rubric:\n  id: data-analyst\n', 'rubric: { id: data-analyst }\nr:\n  id: x\n'),
    'extra key': yaml.replace('stage: technical', 'stage: technical\nextra: 1'),
    'key without value': yaml.replace('stage: technical', 'stage:'),
    'two spaces after colon': yaml.replace('stage: technical', 'stage:  technical'),
    'tab after colon': yaml.replace('stage: technical', 'stage:\ttechnical'),
    'trailing space': yaml.replace('stage: technical', 'stage: technical '),
    'tab indentation': yaml.replace('  slug: zoe-lukasz', '\tslug: zoe-lukasz'),
    'deeper indentation': yaml.replace('  slug: zoe-lukasz', '   slug: zoe-lukasz'),
    'shallower indentation': yaml.replace('  slug: zoe-lukasz', ' slug: zoe-lukasz'),
    'list at the key’s column': yaml.replace(/ratings:\n(( {2}.*\n)+)/, (_m, body: string) => `ratings:\n${body.replace(/^ {2}/gm, '')}`),
    'plain text continued on the next line': yaml.replace('stage: technical\n', 'stage: technical\n  round\n'),
    'quoted key': yaml.replace('stage: technical', '"stage": technical'),
    'single-quoted value': yaml.replace('stage: technical', "stage: 'technical'"),
    'single-quoted with quote': yaml.replace('stage: technical', "stage: 'tech''nical'"),
    'double-quoted escapes': yaml.replace('stage: technical', 'stage: "t\\x65ch\\u006Eical\\t\\"\\\\\\/"'),
    'bad escape': yaml.replace('stage: technical', 'stage: "tech\\qnical"'),
    'unclosed quote': yaml.replace('stage: technical', 'stage: "technical'),
    'text after a quote': yaml.replace('stage: technical', 'stage: "tech"nical'),
    'multi-line quote': yaml.replace('stage: technical', 'stage: "tech\n  nical"'),
    'folded block': yaml.replace('summary: Explained the join.', 'summary: >\n  Explained\n  the join.'),
    'literal keep': yaml.replace('summary: Explained the join.', 'summary: |+\n  Explained\n\n'),
    'literal indicator': yaml.replace('summary: Explained the join.', 'summary: |2-\n    Explained'),
    'literal clip': yaml.replace('summary: Explained the join.', 'summary: |\n  Explained\n  the join.\n\n'),
    'literal then a deeper line': yaml.replace('summary: Explained the join.', 'summary: |-\n    Explained\n  the join.'),
    'literal with blank first line': yaml.replace('summary: Explained the join.', 'summary: |-\n\n  Explained'),
    'literal holding a comment and a key': yaml.replace('summary: Explained the join.', 'summary: |-\n  # not a comment\n  key: not a key'),
    'empty literal': yaml.replace('summary: Explained the join.', 'summary: |-\nrecommendation2: x'),
    'literal one column in': yaml.replace('summary: Explained the join.', 'summary: |-\n Explained\n the join.'),
    'literal in a list item': yaml.replace('flags:\n', 'list:\n  - |-\n    one\n     two\n  - |\n   three\n  -  four\nflags:\n'),
    'literal in a list item one column in': yaml.replace('flags:\n', 'list:\n  - |-\n   one\n  - x\nflags:\n'),
    'literal under a list item key': yaml.replace('flags:\n', 'list:\n  - a: |-\n     one\n    b: x\nflags:\n'),
    'document marker': `---\n${yaml}`,
    'document end': `${yaml}...\n`,
    'second document': `${yaml}---\nx: 1\n`,
    directive: `%YAML 1.2\n---\n${yaml}`,
    'byte order mark': `\ufeff${yaml}`,
    'CRLF line ends': yaml.replace(/\n/g, '\r\n'),
    'CR line ends': yaml.replace(/\n/g, '\r'),
    'null byte': yaml.replace('technical', 'tech\0nical'),
    'merge key': yaml.replace('stage: technical', '<<: {}\nstage: technical'),
    'prototype key': yaml.replace('stage: technical', 'stage: technical\n__proto__: x'),
    'boolean key': yaml.replace('stage: technical', 'stage: technical\ntrue: x'),
    'numeric key': yaml.replace('stage: technical', 'stage: technical\n1: x'),
    'float value': yaml.replace('rating: 3', 'rating: 3.0'),
    'octal value': yaml.replace('rating: 3', 'rating: 0o3'),
    'signed value': yaml.replace('rating: 3', 'rating: +3'),
    'leading zero': yaml.replace('rating: 3', 'rating: 03'),
    'minus zero': yaml.replace('rating: 3', 'rating: -0'),
    'huge integer': yaml.replace('rating: 3', 'rating: 123456789012345678901'),
    'tilde null': yaml.replace('recommendation: "yes"', 'recommendation: ~'),
    'bare yes': yaml.replace('recommendation: "yes"', 'recommendation: yes'),
    'capital True': yaml.replace('recommendation: "yes"', 'recommendation: True'),
    'timestamp unquoted': yaml.replace('created_at: "2026-01-01T00:00:00.000Z"', 'created_at: 2026-01-01T00:00:00.000Z'),
    'item with two spaces': yaml.replace('  - dimension: sql', '  -  dimension: sql'),
    'dash alone': yaml.replace('  - dimension: sql', '  -\n    dimension: sql'),
    'nested list': yaml.replace('flags:\n', 'flags:\n  - - a\n    - b\n  - - c\nf2:\n'),
    'spaces-only line': yaml.replace('stage: technical\n', 'stage: technical\n   \n'),
    'blank line': yaml.replace('stage: technical\n', 'stage: technical\n\n'),
    'no final line break': yaml.replace(/\n$/, ''),
    'value with ": "': yaml.replace('stage: technical', 'stage: tech: nical'),
    'value ending in ":"': yaml.replace('stage: technical', 'stage: technical:'),
    'value starting with "- "': yaml.replace('stage: technical', 'stage: - technical'),
    'value starting with "? "': yaml.replace('stage: technical', 'stage: ? technical'),
    'value "-x"': yaml.replace('stage: technical', 'stage: -technical'),
    'plain with quote inside': yaml.replace('stage: technical', 'stage: tech"nical'),
    'empty document': '',
    'comments only': '# nothing here\n',
    'a list at the top': '- a\n- b\n',
    'a scalar at the top': 'just text\n',
    'indented top': ' a: 1\n b: 2\n',
    'very long key': yaml.replace('stage: technical', `${'k'.repeat(1100)}: technical`),
  };

  it.each(Object.entries(edits))('%s', (name, text) => {
    agree(text, name);
  });

  it('reads the harmless hand edits quickly and the rest not at all', () => {
    const quick = Object.entries(edits)
      .filter(([, text]) => readCanonicalYaml(text) !== undefined)
      .map(([name]) => name)
      .sort();
    expect(quick).toEqual(
      [
        'blank line',
        'double-quoted escapes',
        'extra key',
        'literal clip',
        'literal holding a comment and a key',
        'literal in a list item one column in',
        'literal one column in',
        'literal under a list item key',
        'nested list',
        'no final line break',
        'plain with quote inside',
        'single-quoted value',
        'single-quoted with quote',
        'value "-x"',
      ].sort(),
    );
  });
});

describe('fuzz: seeded random edits of files hirekit writes', () => {
  const sources = [
    scorecardYaml(card('Explained the join, then checked the totals.')),
    scorecardYaml(card('line one\nline two: with a colon\n  indented #3')),
    scorecardYaml(card('say "hi" and it\'s 0o17', 'draft')),
    toYaml({ name: 'Zoë Łukasz', role: 'data-analyst' }),
    toYaml({ name: 'Wei Zhang (张伟)', role: 'head-of-ml', created_at: '2026-11-24T10:00:00.000Z' }),
    toYaml({ format: 'hirekit-decision/1', outcome: 'advance', knockouts: [{ flag: 'x', confirmed: true }], dissent: [], participants: ['A', 'B c'], rationale: 'two\nlines' }),
  ];
  // Characters that mean something to YAML, and some that do not.
  const alphabet = [' ', '  ', '\t', '\n', '\r', ':', ': ', '-', '- ', '#', ' #', '"', "'", '\\', '|', '>', '[', ']', '{', '}', ',', '&', '*', '!', '%', '@', '`', '?', '~', '0', '1', 'x', 'é', '\u2028', '\0'];

  it('on 6,000 mutants the quick reader either declines or reads what the full reader reads', () => {
    const random = seededRandom(20261206);
    let quick = 0;
    for (let i = 0; i < 6000; i++) {
      const source = sources[i % sources.length]!;
      let text = source;
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) text = mutate(text, random, alphabet);
      if (agree(text, `mutant ${i}`)) quick++;
    }
    // Many mutants stay within the grammar (a changed letter, a removed line): the check is not vacuous.
    expect(quick).toBeGreaterThan(1000);
  });
});

function mutate(text: string, random: () => number, alphabet: readonly string[]): string {
  const at = Math.floor(random() * (text.length + 1));
  const piece = alphabet[Math.floor(random() * alphabet.length)]!;
  const lines = text.split('\n');
  const line = Math.floor(random() * lines.length);
  switch (Math.floor(random() * 7)) {
    case 0:
      return text.slice(0, at) + piece + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
    case 2:
      return text.slice(0, at) + piece + text.slice(at + 1);
    case 3:
      lines.splice(line, 0, lines[line] ?? '');
      return lines.join('\n');
    case 4:
      lines.splice(line, 1);
      return lines.join('\n');
    case 5:
      lines[line] = (random() < 0.5 ? ' ' : '') + (lines[line] ?? '').replace(/^ /, random() < 0.5 ? '' : '  ');
      return lines.join('\n');
    default: {
      const other = Math.floor(random() * lines.length);
      [lines[line], lines[other]] = [lines[other] ?? '', lines[line] ?? ''];
      return lines.join('\n');
    }
  }
}
