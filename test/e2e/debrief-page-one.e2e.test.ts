// Page 1 of the debrief PDF alone must name every red flag and every below-bar, hurdle-failing and
// single-rating dimension: a committee reading only that page can miss none of them. For each fixture
// workspace the expectations are worked out by hand from its scorecards (in the comments); the text of page
// 1 only is extracted in-process. Run `npm run build` first.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf.js';

const RUBRICS = path.join(FIXTURES, 'workspaces', 'rubrics');
const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('hirekit-page-one-');
});
afterAll(() => tmp.cleanup());

let runs = 0;
async function pageOne(workspace: string, candidate: string, rubrics: string[] = ['--rubrics', RUBRICS]): Promise<{ text: string; pages: number }> {
  runs += 1;
  const out = path.join(tmp.dir, `${candidate}-${runs}.pdf`);
  const result = runCli([...rubrics, '-w', workspace, 'debrief', candidate, '--out', out]);
  expect(result.stderr.replace(/^hirekit: warning: .*\n/gm, '')).toBe('');
  expect(result.code).toBe(0);
  const pdf = await readPdf(out);
  return { text: fold(pdf.pageTexts[0]!), pages: pdf.pages };
}

interface PageOneFacts {
  redFlags: Array<{ text: string; by: string }>;
  belowBar: string[];
  hurdleFailed: string[];
  singleRating: string[];
}

function expectNamed(text: string, facts: PageOneFacts): void {
  for (const f of facts.redFlags) {
    expect(text).toContain(f.text);
    expect(text).toContain(f.by);
  }
  for (const d of facts.belowBar) expect(text).toMatch(new RegExp(`Below bar: ${d} scored`));
  for (const d of facts.hurdleFailed) expect(text).toMatch(new RegExp(`Hurdle failed: ${d} scored`));
  for (const d of facts.singleRating) expect(text).toMatch(new RegExp(`One rating only: ${d} rests on`));
}

describe('page 1 of the debrief names every concern', () => {
  it('panel workspace (Şebnem Ağaoğlu)', async () => {
    // Submitted: Dmitriy (screen: platform 3, leadership 3), Mateus (design: platform 2, reliability 3, cost 3),
    // Sofia (design: platform 4, reliability 3, cost ?), Aoife (panel: devex 3, leadership 4, writing 3, green
    // shows-adoption-numbers), Jörg (panel: devex 2, leadership 3, writing 3, red blames-users). Priya's draft
    // is left out. Bar 3; hurdle reliability >= 3.
    // devex median (3+2)/2 = 2.5 < 3: below bar, with a red and a green flag (a conflict); reliability 3 meets
    // its hurdle; cost rests on Mateus's 3 alone (Sofia: insufficient); platform spans 2 to 4.
    const { text } = await pageOne(path.join(FIXTURES, 'workspaces', 'panel'), 'sebnem-agaoglu');
    expectNamed(text, {
      redFlags: [{ text: 'Red flag: Blames the ML teams for not adopting the platform', by: 'Jörg Åström' }],
      belowBar: ['Developer experience'],
      hurdleFailed: [],
      singleRating: ['Cost and capacity'],
    });
    expect(text).toContain('Conflicting flags on Developer experience');
    expect(text).toContain('Disagreement on Platform architecture: ratings span 2 (Mateus Conceição) to 4 (Σοφία Παππά)');
    expect(text).toContain('Draft left out of every number: Priya Raghunathan · Writing sample review');
    // The agenda in its fixed order: the conflict, the disagreement, the single rating.
    expect(text).toMatch(/To discuss first 1\. Developer experience: a red and a green flag; also below bar .*2\. Platform architecture: ratings span 2 to 4 .*3\. Cost and capacity: one rating \(3\), 1 × insufficient/);
  });

  it('extra candidate (Kwame Mensah), and the same with a failed hurdle', async () => {
    // Dmitriy (screen: platform 3, leadership 3), Sofia (design: platform 3, reliability 4, cost 4), Aoife
    // (panel: devex 3, leadership 2, writing ?, knockout misstates-ownership). Leadership median 2.5 < 3;
    // reliability, devex and cost rest on one rating each; writing only "insufficient".
    const ws = path.join(tmp.dir, 'kwame');
    cpSync(path.join(FIXTURES, 'workspaces', 'extra-candidates', 'kwame-mensah'), path.join(ws, 'candidates', 'kwame-mensah'), { recursive: true });
    const { text } = await pageOne(ws, 'kwame-mensah');
    expectNamed(text, {
      redFlags: [{ text: 'Knockout: Claims ownership of work that references attribute to others', by: 'Aoife Ní Bhriain · Partner team panel' }],
      belowBar: ['Technical leadership'],
      hurdleFailed: [],
      singleRating: ['Reliability and operations', 'Developer experience', 'Cost and capacity'],
    });
    expect(text).toContain('Only "insufficient evidence" on Written communication');
    expect(text).toContain('Too few scorecards: 3 submitted, the policy asks for at least 4');

    // Sofia's reliability 4 -> 2: the only rating, so the score is 2, below the hurdle of 3: a failed hurdle
    // (listed as that, not again as below bar), still a single rating.
    const card = path.join(ws, 'candidates', 'kwame-mensah', 'scorecards', 'system-design--sofia-pappa.yaml');
    writeFileSync(card, readFileSync(card, 'utf8').replace(/(dimension: reliability-operations\n\s+rating:) 4/, '$1 2'));
    const failed = await pageOne(ws, 'kwame-mensah');
    expectNamed(failed.text, {
      redFlags: [{ text: 'Knockout: Claims ownership of work that references attribute to others', by: 'Aoife Ní Bhriain' }],
      belowBar: ['Technical leadership'],
      hurdleFailed: ['Reliability and operations'],
      singleRating: ['Reliability and operations', 'Developer experience', 'Cost and capacity'],
    });
    expect(failed.text).not.toContain('Below bar: Reliability and operations');
  }, 60_000);

  it('the demo (a bundled rubric): everything on one page, and page 1 fits', async () => {
    // Head of ML, eight scorecards. Cross-functional leadership: Kenji 2 (leadership), Tomás 3 (case B),
    // Kenji 2 (case A) -> median 2 < bar 3, with Kenji's red flag and Tomás's green flag there. Responsible AI:
    // Ingrid's 3 in case D, Kenji "insufficient": one rating. ML strategy spans 2 to 4. No hurdle fails (3, 3, 3).
    const dir = path.join(tmp.dir, 'demo');
    expect(runCli(['demo', dir]).code).toBe(0);
    const pdf = await readPdf(path.join(dir, 'debrief.pdf'));
    const text = fold(pdf.pageTexts[0]!);
    expectNamed(text, {
      redFlags: [{ text: 'Red flag: Attributes failures to other teams', by: 'Kenji Nakamura-Wójcik · Leadership and talent interview' }],
      belowBar: ['Cross-functional leadership'],
      hurdleFailed: [],
      // Governance is rated in the leadership interview and the executive session since the content pass: no single rating.
      singleRating: [],
    });
    expect(text).toContain('Conflicting flags on Cross-functional leadership');
    // Page 1 holds the whole first section: the panel table ends on it (its last row is the executive session).
    expect(text).toMatch(/Mariam Haddad Executive communication session Yes v\d+\.\d+/);
    expect(text).toMatch(/Committee decision \(\d{4}-\d\d-\d\d\): Advance\./);
    expect(fold(pdf.pageTexts[1]!)).toMatch(/^Committee decision Advance/);
  }, 60_000);
});
