// `hirekit pack` in-process, through the real command line and a fake context: for every bundled rubric,
// every question, probe, anchor and flag of the chosen stages is in the pack in each format, and the
// candidate handouts hold none of the interviewer-only text. A hostile rubric renders safely in every format.
// (test/e2e/pack.e2e.test.ts runs the built binary once per format.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocumentProxy } from 'unpdf';
import type { Rubric } from '../../src/core/rubric.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import {
  bundledFiles,
  decodeHtml,
  interviewerOnly,
  interviewerTexts,
  leakedInto,
  missingFrom,
  rubricOf,
  squash,
  unescapeMarkdown,
  visibleText,
  type Format,
} from '../helpers/pack-text.js';
import { readPdf } from '../helpers/pdf.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('hirekit-pack-content-')));
afterAll(() => cleanup());

describe('pack for every bundled rubric (in-process)', () => {
  it('finds the bundled rubrics', () => {
    expect(bundledFiles.length).toBeGreaterThan(0);
  });

  for (const file of bundledFiles) {
    const name = path.basename(file).replace(/\.ya?ml$/, '');
    for (const format of ['pdf', 'md', 'html'] as const) {
      it(`${name}: the whole loop as ${format} holds every question, probe, anchor and flag; handouts hold no interviewer text`, async () => {
        const rubric = await rubricOf(file);
        const out = path.join(dir, `${format}-${rubric.role.id}`, `pack.${format}`);
        const result = await runInProcess(['pack', rubric.role.id, '--format', format, '--out', out, '--candidate', 'Zoë Łukasz']);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const written = result.stdout.trim().split('\n');
        expect(written[0]).toBe(out);
        const pack = await visibleText(out, format);
        expect(missingFrom(pack, interviewerTexts(rubric, rubric.loop.map((s) => s.id)))).toEqual([]);
        expect(pack).toContain('Zoë Łukasz');

        const cases = rubric.loop.flatMap((s) => (s.case_study ? [s.case_study] : []));
        expect(written.slice(1).map((f) => path.basename(f))).toEqual(cases.map((id) => `${rubric.role.id}-handout-${id}-zoe-lukasz.${format}`));
        for (const [i, id] of cases.entries()) {
          const handout = await visibleText(written[i + 1]!, format);
          const study = rubric.case_studies.find((c) => c.id === id)!;
          expect(missingFrom(handout, [study.title])).toEqual([]);
          expect(squash(handout)).toContain(squash(study.brief.split('\n')[0]!));
          expect(leakedInto(handout, interviewerOnly(rubric))).toEqual([]);
        }
      });
    }
  }

  it('a chosen stage: its questions, probes, anchors and flags are in the PDF, with embedded fonts and an outline', async () => {
    const rubric = await rubricOf(bundledFiles[0]!);
    const stage = rubric.loop[rubric.loop.length - 1]!;
    const out = path.join(dir, 'one-stage', 'pack.pdf');
    const result = await runInProcess(['pack', rubric.role.id, '--stage', stage.id, '--out', out, '--interviewer', 'Ana Ruiz', '--handouts']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${out}\n`);
    const facts = await readPdf(out);
    expect(missingFrom(facts.text, interviewerTexts(rubric, [stage.id]))).toEqual([]);
    expect(facts.text).toContain(`Scoring sheet: ${stage.name}`);
    expect(facts.text).toContain('Ana Ruiz');
    expect(facts.fonts.length).toBeGreaterThan(0);
    expect(facts.fonts.every((f) => f.embedded)).toBe(true);
    expect(facts.pageTexts.every((page, i) => page.includes(`page ${i + 1} of ${facts.pages}`))).toBe(true);
    const doc = await getDocumentProxy(new Uint8Array(readFileSync(out)));
    const outline = (await doc.getOutline()) as Array<{ title: string; items: Array<{ title: string }> }>;
    const number = rubric.loop.indexOf(stage) + 1;
    expect(outline.map((o) => o.title)).toEqual([
      'Loop overview',
      `Stage ${number}: ${stage.name}`,
      ...(stage.case_study ? ['Candidate handouts'] : []),
    ]);
    expect(outline[1]!.items.map((i) => i.title)).toContain('Scoring sheet');
  });
});

describe('a hostile rubric renders safely and legibly in every format', () => {
  const HOSTILE = path.join(FIXTURES, 'rubrics-hostile');
  const LONG = 'Supercalifragilistic'.repeat(15);
  let rubric: Rubric;
  beforeAll(async () => {
    rubric = await rubricOf(path.join(HOSTILE, 'hostile-analyst.yaml'));
  });

  async function packAs(format: Format): Promise<string[]> {
    const out = path.join(dir, 'hostile', `pack.${format}`);
    const result = await runInProcess(['--rubrics', HOSTILE, 'pack', 'hostile-analyst', '--out', out, '--candidate', '<x>*y*']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return result.stdout.trim().split('\n');
  }

  it('HTML: no live tag from the rubric, braces kept literally, the long word can wrap', async () => {
    const [pack, handout] = await packAs('html');
    for (const file of [pack!, handout!]) {
      const html = readFileSync(file, 'utf8');
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img/i);
      expect(html).not.toContain('<h1>injected');
      for (const tag of ['<b>one</b>', '<b>bold</b>', '<i>and</i>', '<u>before</u>', '<em>yet</em>', '<x>']) expect(html).not.toContain(tag);
      expect(html).toContain('overflow-wrap: break-word');
    }
    const html = readFileSync(pack!, 'utf8');
    expect(html).toContain('&lt;script&gt;alert(&#x27;role&#x27;)&lt;/script&gt; Analyst {{role.title}}');
    expect(html).toContain('{{question}}');
    expect(html).toContain(LONG);
    expect(missingFrom(decodeHtml(html), interviewerTexts(rubric, ['screen', 'technical']))).toEqual([]);
  });

  it('Markdown: tables keep their columns, no emphasis, link or raw HTML comes from rubric text', async () => {
    const [pack, handout] = await packAs('md');
    const md = readFileSync(pack!, 'utf8');
    // Every table row has as many unescaped pipes as its header row.
    const lines = md.split('\n');
    for (const [i, line] of lines.entries()) {
      if (!line.startsWith('|') || lines[i - 1]?.startsWith('|')) continue;
      const columns = (line.match(/(?<!\\)\|/g) ?? []).length;
      for (let j = i + 1; lines[j]?.startsWith('|'); j++) expect((lines[j]!.match(/(?<!\\)\|/g) ?? []).length).toBe(columns);
    }
    expect(md).toContain('\\<script\\>');
    expect(md).not.toMatch(/(?<!\\)<(script|img|b|i|u|em|h1)[ >]/);
    expect(md).toContain('\\*starred\\* \\_level\\_');
    expect(md).toContain('\\[a link\\](http://example.com/x)');
    expect(md).toContain('{{role.title}}');
    expect(md).toContain(LONG);
    expect(missingFrom(unescapeMarkdown(md), interviewerTexts(rubric, ['screen', 'technical']))).toEqual([]);
    const handoutMd = readFileSync(handout!, 'utf8');
    expect(handoutMd).toContain('\n- Check the \\| events table\n');
    expect(handoutMd).toContain('\\# not a heading');
  });

  it('PDF: the text is there as written and every line stays inside the page', async () => {
    const [pack, handout] = await packAs('pdf');
    const facts = await readPdf(pack!);
    expect(facts.text).toContain("<script>alert('role')</script> Analyst {{role.title}}");
    expect(squash(facts.text)).toContain(LONG);
    expect(missingFrom(facts.text, interviewerTexts(rubric, ['screen', 'technical']))).toEqual([]);
    expect(leakedInto((await readPdf(handout!)).text, interviewerOnly(rubric))).toEqual([]);
    for (const file of [pack!, handout!]) {
      const doc = await getDocumentProxy(new Uint8Array(readFileSync(file)));
      for (let p = 1; p <= doc.numPages; p++) {
        const page = await doc.getPage(p);
        const [, , width] = page.view as [number, number, number, number];
        const content = await page.getTextContent();
        for (const item of content.items) {
          if (!('transform' in item)) continue;
          const x = item.transform[4] as number;
          expect(x).toBeGreaterThanOrEqual(54 - 0.5);
          expect(x + item.width).toBeLessThanOrEqual(width - 54 + 0.5);
        }
      }
    }
  });
});
