// The dimension-by-scorecard grid in the terminal and the words templates get, when one interviewer
// runs more than one stage: columns stay distinct, legends say who and which stage, nothing passes 80
// columns, and no caption says the stage twice.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { debriefView } from '../../src/render/debrief-view.js';
import { columnKeys } from '../../src/render/debrief-words.js';
import { dimensionGrid, renderDebriefText } from '../../src/render/terminal/debrief.js';
import { debriefOf, INTERVIEWERS, STAGES, twoStagesEach } from './debrief-panel.fixture.js';

const plain = new Chalk({ level: 0 });
const columns = (line: string): number => [...line].length;

describe('terminal grid', () => {
  it('numbers the columns when one interviewer has two scorecards, with one legend line each', () => {
    const d = debriefOf([
      { who: 0, stage: 0 },
      { who: 0, stage: 7 },
    ]);
    const lines = dimensionGrid(d, plain, 80);
    expect(lines[0]).toMatch(/range {4}1 {2}2$/);
    expect(lines.slice(-2)).toEqual(['1  Mariam Haddad · Hiring manager screen', '2  Mariam Haddad · Executive communication session']);
    // Row "ML strategy & portfolio": card 1 rates it 3, card 2 rates it 4 (the ratings cycle 3, 4, 2, ?, 1).
    expect(lines[1]).toMatch(/^ML strategy & portfolio +25 +3\.5 +3-4 +3 +4$/);
  });

  it('fits eight and ten scorecards (four and five interviewers, two stages each) in 80 columns', () => {
    for (const count of [8, 10]) {
      const d = debriefOf(twoStagesEach(count));
      const lines = dimensionGrid(d, plain, 80);
      const header = lines[0]!;
      expect(header.trim().split(/\s+/).slice(4)).toEqual(Array.from({ length: count }, (_, i) => String(i + 1)));
      for (const line of lines) expect(columns(line), line).toBeLessThanOrEqual(80);
      // Every column sits under its key: a row's last cell ends where the header's last key does.
      const row = lines[1]!;
      expect(row[header.length - 1]).not.toBe(' ');
      expect(row.slice(header.length)).toMatch(/^( ↔)?$/);
      for (const line of renderDebriefText(d, plain, 80).split('\n')) expect(columns(line), line).toBeLessThanOrEqual(80);
      expect(lines.map((l) => l.trimStart())).toContain(`3  Kenji Nakamura-Wójcik · ${STAGES[2]}`);
    }
  });

  it('wraps the scorecards into a second block when they cannot fit beside the names', () => {
    const d = debriefOf(twoStagesEach(12));
    const lines = dimensionGrid(d, plain, 60);
    const headers = lines.filter((l) => l.startsWith('dimension '));
    expect(headers).toHaveLength(2);
    const keys = headers.flatMap((h) => h.trim().split(/\s+/).slice(4));
    expect(keys).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    for (const line of lines) expect(columns(line), line).toBeLessThanOrEqual(60);
    // Each block repeats every dimension.
    expect(lines.filter((l) => l.startsWith('ML strategy'))).toHaveLength(2);
  });

  it('keeps initials when everyone has one scorecard, and wraps a long legend line under its text', () => {
    const d = debriefOf([
      { who: 2, stage: 2 },
      { who: 4, stage: 3 },
      { who: 'Aoife Ní Bhriain de la Cruz-Fitzgerald Montgomery-Ó Súilleabháin', stage: 4 },
    ]);
    expect(columnKeys(d.panel)).toEqual(['KNW', 'ΣΠ', 'ANB']);
    const lines = dimensionGrid(d, plain, 60);
    expect(lines[0]).toMatch(/KNW {2}ΣΠ {1}ANB$/);
    const legend = lines.slice(lines.findIndex((l) => l.startsWith('KNW  ')));
    expect(legend.slice(0, 2)).toEqual(['KNW  Kenji Nakamura-Wójcik · Case A: platform and operating', '     model']);
    expect(legend.length).toBeGreaterThan(3);
    expect(legend[3]).toMatch(/^ANB {2}Aoife/);
    for (const line of legend.slice(4)) expect(line.startsWith('     ')).toBe(true);
    for (const line of lines) expect(columns(line), line).toBeLessThanOrEqual(60);
  });

  it('names the stage beside each flag note', () => {
    const text = renderDebriefText(debriefOf(twoStagesEach(8)), plain, 80);
    expect(text).toContain('Mariam Haddad (Hiring manager screen): “Noted by Mariam Haddad.”');
  });
});

describe('debrief view for templates', () => {
  const v = debriefView(debriefOf(twoStagesEach(8)));

  it('gives plain names beside stages, never "Name (Stage)" with the stage again', () => {
    for (const x of v.dimensions) {
      for (const r of x.ratings) {
        expect(INTERVIEWERS).toContain(r.name);
        expect(STAGES).toContain(r.stage);
      }
    }
    expect(v.flags[0]!.raised_by).toEqual([{ name: 'Mariam Haddad', stage: 'Hiring manager screen', note: 'Noted by Mariam Haddad.' }]);
    expect(v.panel.map((p) => p.key)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(v.panel[0]).toMatchObject({ name: 'Mariam Haddad', stage: 'Hiring manager screen', label: 'Mariam Haddad (Hiring manager screen)' });
  });

  it('keeps the JSON panel entry with interviewer and stage as separate fields', () => {
    const d = debriefOf(twoStagesEach(2).concat({ who: 0, stage: 7 }));
    expect(d.panel[0]).toMatchObject({ interviewer: { name: 'Mariam Haddad' }, stage: { id: 's1', name: 'Hiring manager screen' } });
  });
});
