// Names no bundled font covers, through the built binary: with no CJK font available, the PDF still
// writes and one warning on stderr names the characters and the fix; HIREKIT_CJK_FONT names a font to
// use; a file that is not a font is said so. Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('hirekit-fonts-e2e-')));
afterAll(() => cleanup());

/** A CJK font file fontconfig knows, e.g. Noto Sans CJK from fonts-noto-cjk (CI installs it). */
function systemCjkFont(): string | undefined {
  try {
    return execFileSync('fc-list', [':lang=zh', '--format', '%{file}\n'], { encoding: 'utf8' }).split('\n').find((f) => /\.(ttf|otf|ttc)$/i.test(f));
  } catch {
    return undefined;
  }
}
const cjkFont = systemCjkFont();

const pack = (out: string, env: Record<string, string | undefined>) =>
  runCli(['pack', 'ml-scientist', '--stage', 'screen', '--candidate', 'Wei Zhang (张伟)', '--out', path.join(dir, out)], { env: { HIREKIT_CJK_FONT: undefined, ...env } });

describe('names in scripts no bundled font covers', () => {
  it('writes the PDF and warns once, naming the characters and the fix, when no font has them', async () => {
    const result = pack('boxes.pdf', { HIREKIT_SYSTEM_FONTS: '0' });
    expect(result.code).toBe(0);
    const warnings = result.stderr.split('\n').filter((l) => l.includes('warning'));
    // The pack and its handout both print the name: one warning for the whole run.
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^hirekit: warning: no font has 张 伟: printed as empty boxes in the PDF; install a CJK font .*fonts-noto-cjk.* HIREKIT_CJK_FONT=/);
    expect((await readPdf(path.join(dir, 'boxes.pdf'))).text).toContain('Wei Zhang (');
  });

  it('says so when HIREKIT_CJK_FONT is not a font', () => {
    const notFont = path.join(dir, 'not-a-font.ttf');
    execFileSync('sh', ['-c', `echo hello > '${notFont}'`]);
    const result = pack('not-font.pdf', { HIREKIT_SYSTEM_FONTS: '0', HIREKIT_CJK_FONT: notFont });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`hirekit: warning: HIREKIT_CJK_FONT=${notFont} is not a font file hirekit can read`);
  });

  it.skipIf(!cjkFont && process.env.CI !== 'true')('uses the font HIREKIT_CJK_FONT names, embedded as a subset, and says nothing', async () => {
    const result = pack('named.pdf', { HIREKIT_SYSTEM_FONTS: '0', HIREKIT_CJK_FONT: cjkFont });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('warning');
    const facts = await readPdf(path.join(dir, 'named.pdf'));
    expect(facts.text).toContain('Wei Zhang (张伟)');
    expect(facts.fonts.every((f) => f.embedded)).toBe(true);
    expect(facts.fonts.some((f) => /^[A-Z]{6}\+Noto/.test(f.name))).toBe(true);
    // A subset: the pack is nowhere near the size of the font file.
    expect(readFileSync(path.join(dir, 'named.pdf')).length).toBeLessThan(2_000_000);
  });
});
