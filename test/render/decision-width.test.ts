// What `hirekit decide` shows the committee keeps within the terminal for long names in any script: each
// panelist's line (level, name, stage, label) wraps under the name instead of running past the edge.
import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { renderDecisionBrief, renderDimensionForCommittee } from '../../src/render/terminal/decision.js';
import { debriefOf } from './debrief-panel.fixture.js';

const LONGEST = 'Bartholomew Fitzgerald-Montgomery Alexander Wojciechowski III';
const debrief = debriefOf([{ who: LONGEST, stage: 2 }, { who: 'محمد عبد الله', stage: 4 }, { who: 'Wei Zhang (张伟)', stage: 1 }], { candidate: 'Maximilian Alexander von Hohenzollern-Sigmaringen' });
const plain = new Chalk({ level: 0 });

describe('decide in the terminal', () => {
  it.each([80, 60])('keeps the brief and every dimension within %i columns, every name whole', (width) => {
    const text = [renderDecisionBrief(debrief, plain, width), ...debrief.dimensions.map((d, i) => renderDimensionForCommittee(debrief, d, null, `${i + 1} of ${debrief.dimensions.length}`, plain, width))].join('\n');
    for (const line of text.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
    const joined = text.replace(/\n\s*/g, ' ');
    for (const name of [LONGEST, 'محمد عبد الله', 'Wei Zhang (张伟)', 'Case C: ROI prioritisation and roadmap']) expect(joined).toContain(name);
  });
});
