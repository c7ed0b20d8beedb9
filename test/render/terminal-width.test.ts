// Terminal renderings measure columns, not characters: names in CJK (two columns a character) and
// Arabic keep every line within the terminal's width and every grid column aligned.
import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { renderDebriefText } from '../../src/render/terminal/debrief.js';
import { wrap } from '../../src/render/terminal/style.js';
import { padEndTo, truncateTo } from '../../src/render/terminal/width.js';
import { debriefOf } from './debrief-panel.fixture.js';

const plain = new Chalk({ level: 0 });
const NAMES = ['Wei Zhang (张伟)', '佐藤 花子', '김민준', 'سارة الحربي'];

describe('terminal widths for names in any script', () => {
  it('pads and cuts by columns', () => {
    expect(padEndTo('佐藤', 6)).toBe('佐藤  ');
    expect(stringWidth(truncateTo('佐藤花子佐藤花子', 7))).toBeLessThanOrEqual(7);
    expect(truncateTo('佐藤花子佐藤花子', 7)).toBe('佐藤花…');
    expect(truncateTo('Zoë', 3)).toBe('Zoë');
  });

  it('wraps CJK text within the width without splitting a character', () => {
    const text = wrap('张伟'.repeat(30), 20);
    for (const line of text.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(20);
    expect(text.replace(/\n/g, '')).toBe('张伟'.repeat(30));
  });

  it.each([80, 60])('keeps a debrief by a panel named in four scripts within %i columns, every name whole', (width) => {
    const debrief = debriefOf(NAMES.map((who, stage) => ({ who, stage })), { candidate: '佐藤 花子' });
    const text = renderDebriefText(debrief, plain, width);
    for (const line of text.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
    for (const name of NAMES) expect(text).toContain(name);
  });

  it.each([80, 60])('keeps a debrief of a long-named candidate, scored by a 60-character interviewer, within %i columns', (width) => {
    const longest = 'Bartholomew Fitzgerald-Montgomery Alexander Wojciechowski III';
    const candidate = 'Maximilian Alexander von Hohenzollern-Sigmaringen';
    const debrief = debriefOf([{ who: longest, stage: 2 }, { who: 'محمد عبد الله', stage: 1 }, { who: 5, stage: 0 }], { candidate });
    const text = renderDebriefText(debrief, plain, width);
    for (const line of text.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
    // Wrapped at spaces, never cut: every name reads whole once the lines are joined.
    const joined = text.replace(/\n\s*/g, ' ');
    for (const name of [candidate, longest, 'محمد عبد الله']) expect(joined).toContain(name);
  });
});
