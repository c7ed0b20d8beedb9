import { describe, expect, it } from 'vitest';
import { proseBlocks } from '../../src/core/prose.js';
import { columnsFrom } from '../../src/process-context.js';
import { terminalWidth, wrap } from '../../src/render/terminal/style.js';

describe('rubric prose', () => {
  it('joins hard-wrapped lines, splits paragraphs on blank lines and keeps list items', () => {
    const text = 'Weekly churn fell\nfrom 4% to 2%.\n\nYou have:\n- the subscriptions\n  table\n1. the events table\nThen decide.';
    expect(proseBlocks(text)).toEqual([
      { kind: 'paragraph', text: 'Weekly churn fell from 4% to 2%.' },
      { kind: 'paragraph', text: 'You have:' },
      { kind: 'item', marker: '-', text: 'the subscriptions table' },
      { kind: 'item', marker: '1.', text: 'the events table Then decide.' },
    ]);
  });

  it('wraps items with a hanging indent and breaks a word longer than the line', () => {
    expect(wrap('- alpha beta gamma delta', 14, '  ')).toBe('  - alpha beta\n    gamma\n    delta');
    expect(wrap('x'.repeat(25), 12)).toBe(`${'x'.repeat(12)}\n${'x'.repeat(12)}\nx`);
  });
});

describe('terminal width', () => {
  it('uses the terminal, then $COLUMNS, then 80, kept between 40 and 100', () => {
    expect(terminalWidth(columnsFrom(72, {}))).toBe(72);
    expect(terminalWidth(columnsFrom(0, { COLUMNS: '90' }))).toBe(90);
    expect(terminalWidth(columnsFrom(0, {}))).toBe(80);
    expect(terminalWidth(columnsFrom(undefined, {}))).toBe(80);
    expect(terminalWidth(columnsFrom(20, {}))).toBe(40);
    expect(terminalWidth(columnsFrom(250, {}))).toBe(100);
  });
});
