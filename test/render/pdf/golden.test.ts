// The PDFs hirekit writes stay the same page for page and line for line: every text run of every page,
// with where it sits and how big it is, compared with golden files captured from the renderers before
// they were made faster (issue 17). A change that moves a line, breaks a paragraph elsewhere, reflows a
// table or drops a character fails here. The goldens are text, not PDFs: after a deliberate change of
// layout, look at the pages (pdftoppm -png -r 60) and refresh them with `npx vitest run -u <this file>`.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDebrief } from '../../../src/commands/debrief.js';
import { runDemo } from '../../../src/commands/demo.js';
import { runPack } from '../../../src/commands/pack.js';
import { configureFonts } from '../../../src/render/pdf/fonts.js';
import { tempDir } from '../../helpers/cli.js';
import { fakeContext } from '../../helpers/context.js';
import { placedText } from '../../helpers/pdf.js';

const GOLDEN = path.join(import.meta.dirname, '..', '..', 'fixtures', 'pdf-golden');
const NOW = new Date('2026-11-24T10:00:00Z');
/** The CJK font the CJK goldens were captured with (Debian/Ubuntu fonts-noto-cjk). */
const NOTO_CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/** One line per text run: page, x and top in points (one decimal), size, tag, text. */
async function layoutOf(file: string): Promise<string> {
  const pages = await placedText(new Uint8Array(readFileSync(file)));
  const lines = [`pages ${pages.length}`];
  pages.forEach((page, i) => {
    lines.push(`== page ${i + 1} ${page.width.toFixed(2)}x${page.height.toFixed(2)}`);
    for (const item of page.items) lines.push(`${item.x.toFixed(1)} ${item.top.toFixed(1)} ${item.size.toFixed(1)} ${item.tag || '-'} ${item.text}`);
  });
  return `${lines.join('\n')}\n`;
}

let dir: string;
let cleanup: () => void;
const ctx = (): ReturnType<typeof fakeContext> => fakeContext({ cwd: dir, now: () => NOW, env: { NO_COLOR: '1' } });

beforeAll(() => {
  ({ dir, cleanup } = tempDir('hirekit-pdf-golden-'));
});
afterAll(() => {
  configureFonts({ systemFonts: true });
  cleanup();
});

describe('PDF output matches the golden layouts', () => {
  it('the demo debrief of Zoë Łukasz (8 scorecards)', async () => {
    configureFonts({ systemFonts: false });
    const demo = await runDemo({ dir: path.join(dir, 'demo'), rubrics: [] }, ctx());
    const out = path.join(dir, 'debrief.pdf');
    await runDebrief({ candidate: 'Zoë Łukasz', out, workspace: demo.workspace, rubrics: [] }, ctx());
    await expect(await layoutOf(out)).toMatchFileSnapshot(path.join(GOLDEN, 'demo-debrief.txt'));
  });

  it.skipIf(!existsSync(NOTO_CJK))('a pack and a handout for Wei Zhang (张伟), CJK set in Noto Sans CJK', async () => {
    configureFonts({ fallbackFile: NOTO_CJK, systemFonts: false });
    const written = await runPack({ role: 'head-of-ml', stages: ['hiring-manager-screen', 'case-a-session'], candidate: 'Wei Zhang (张伟)', interviewer: 'Zoë Łukasz', out: path.join(dir, 'hml.pdf'), rubrics: [] }, ctx());
    expect(written.length).toBeGreaterThan(1);
    await expect(await layoutOf(written[0]!)).toMatchFileSnapshot(path.join(GOLDEN, 'pack-head-of-ml-cjk.txt'));
    await expect(await layoutOf(written[1]!)).toMatchFileSnapshot(path.join(GOLDEN, 'handout-head-of-ml-cjk.txt'));
  });

  it('every file of pack --all, and a US Letter pack with its handouts bound in: page count and a digest of the layout', async () => {
    configureFonts({ systemFonts: false });
    const written = await runPack({ all: true, out: `${path.join(dir, 'all')}/`, rubrics: [] }, ctx());
    written.push(
      ...(await runPack({ role: 'senior-ml-engineer', candidate: 'Zoë Łukasz', interviewer: 'Ana Ruiz', handouts: true, paper: 'letter', out: path.join(dir, 'letter.pdf'), rubrics: [] }, ctx())),
    );
    const summary: string[] = [];
    for (const file of written) {
      const layout = await layoutOf(file);
      const pages = layout.split('\n== page ').length - 1;
      const digest = createHash('sha256').update(layout).digest('hex').slice(0, 16);
      summary.push(`${path.basename(file)} pages ${pages} runs ${layout.split('\n').length - pages - 2} layout ${digest}`);
    }
    await expect(`${summary.join('\n')}\n`).toMatchFileSnapshot(path.join(GOLDEN, 'pack-all-summary.txt'));
  });
});
