// `hirekit pack` through the built binary (run `npm run build` first): for every bundled rubric, every
// question, probe, anchor and flag of the chosen stages is in the pack in each format, and the candidate
// handouts hold none of the interviewer-only text. A hostile rubric renders safely in every format.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocumentProxy } from 'unpdf';
import type { Rubric } from '../../src/core/rubric.js';
import { allFlags, flagsFor, stageDimensions, stageQuestions } from '../../src/core/rubric.js';
import { loadRubricFile } from '../../src/io/rubrics.js';
import { FIXTURES, ROOT, runCli, tempDir } from '../helpers/cli.js';
import { pageSizes, readPdf } from '../helpers/pdf.js';

const BUNDLED = path.join(ROOT, 'rubrics');
const bundledFiles = readdirSync(BUNDLED).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(BUNDLED, f));

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('hirekit-pack-e2e-')));
afterAll(() => cleanup());

async function rubricOf(file: string): Promise<Rubric> {
  const report = await loadRubricFile(file, 'bundled');
  if (!report.loaded) throw new Error(`${file} does not load: ${report.errors[0]?.message ?? ''}`);
  return report.loaded.rubric;
}

/** Whitespace differs between formats (wrapping, table cells); the words must not. */
const squash = (text: string): string => text.replace(/\s+/g, '');

const decodeHtml = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&');

const unescapeMarkdown = (md: string): string => md.replace(/\\(.)/g, '$1');

type Format = 'pdf' | 'md' | 'html';

/** The text a reader sees in a written file, whatever its format. */
async function visibleText(file: string, format: Format): Promise<string> {
  if (format === 'pdf') return (await readPdf(file)).text;
  const raw = readFileSync(file, 'utf8');
  return format === 'html' ? decodeHtml(raw) : unescapeMarkdown(raw);
}

/** Everything the interviewers of the given stages must find in their pack. */
function interviewerTexts(rubric: Rubric, stageIds: readonly string[]): string[] {
  const stages = rubric.loop.filter((s) => stageIds.includes(s.id));
  const texts: string[] = [];
  for (const stage of stages) {
    for (const { question } of stageQuestions(rubric, stage)) texts.push(question.text, ...question.probes, ...question.listen_for);
    for (const dimension of stageDimensions(rubric, stage)) texts.push(...Object.values(dimension.anchors));
    for (const flag of flagsFor(rubric, stage.focus)) texts.push(flag.text);
  }
  return texts;
}

/** Text only interviewers may see: it must never reach a candidate handout. */
function interviewerOnly(rubric: Rubric): string[] {
  return [
    ...rubric.dimensions.flatMap((d) => [...Object.values(d.anchors), ...d.questions.flatMap((q) => [q.text, ...q.probes, ...q.listen_for])]),
    ...allFlags(rubric).map((f) => f.text),
    ...rubric.case_studies.flatMap((c) => [c.guide, ...c.strong, ...c.weak]),
  ];
}

function missingFrom(text: string, expected: readonly string[]): string[] {
  const haystack = squash(text);
  return expected.filter((t) => !haystack.includes(squash(t)));
}

function leakedInto(text: string, secrets: readonly string[]): string[] {
  const haystack = squash(text);
  return secrets.filter((t) => haystack.includes(squash(t)));
}

describe('hirekit pack for every bundled rubric', () => {
  it('finds the bundled rubrics', () => {
    expect(bundledFiles.length).toBeGreaterThan(0);
  });

  for (const file of bundledFiles) {
    const name = path.basename(file).replace(/\.ya?ml$/, '');
    for (const format of ['pdf', 'md', 'html'] as const) {
      it(`${name}: the whole loop as ${format} holds every question, probe, anchor and flag; handouts hold no interviewer text`, async () => {
        const rubric = await rubricOf(file);
        const out = path.join(dir, `${format}-${rubric.role.id}`, `pack.${format}`);
        const result = runCli(['pack', rubric.role.id, '--format', format, '--out', out, '--candidate', 'Zoë Łukasz']);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const written = result.stdout.trim().split('\n');
        expect(written[0]).toBe(out);
        const pack = await visibleText(out, format);
        expect(missingFrom(pack, interviewerTexts(rubric, rubric.loop.map((s) => s.id)))).toEqual([]);
        expect(pack).toContain('Zoë Łukasz');

        const cases = rubric.loop.flatMap((s) => (s.case_study ? [s.case_study] : []));
        expect(written.slice(1).map((f) => path.basename(f))).toEqual(cases.map((id) => `${rubric.role.id}-handout-${id}.${format}`));
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
    const result = runCli(['pack', rubric.role.id, '--stage', stage.id, '--out', out, '--interviewer', 'Ana Ruiz', '--handouts']);
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

  it('rejects an unknown stage with the list of stages, on one line with exit code 2', async () => {
    const rubric = await rubricOf(bundledFiles[0]!);
    const result = runCli(['pack', rubric.role.id, '--stage', 'no-such-stage', '--out', path.join(dir, 'x.pdf')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `hirekit: role ${rubric.role.id} has no stage 'no-such-stage'; its stages are: ${rubric.loop.map((s) => s.id).join(', ')}\n`,
    );
  });
});

describe('hirekit pack --paper', () => {
  const A4 = '595.28x841.89';
  const LETTER = '612x792';
  const packOn = (args: string[], env: Record<string, string> = {}) => {
    const out = path.join(dir, 'paper', `${args.join('')}-${Object.values(env).join('')}.pdf`);
    const result = runCli(['--rubrics', path.join(FIXTURES, 'rubrics'), 'pack', 'data-analyst', '--stage', 'technical', '--out', out, ...args], { env });
    return { result, out };
  };

  it('prints on A4 by default, on US Letter with --paper letter or HIREKIT_PAPER=letter, and the flag wins over the variable', async () => {
    const cases: Array<[string[], Record<string, string>, string]> = [
      [[], {}, A4],
      [['--paper', 'letter'], {}, LETTER],
      [['--paper', 'Letter'], {}, LETTER],
      [[], { HIREKIT_PAPER: 'letter' }, LETTER],
      [['--paper', 'a4'], { HIREKIT_PAPER: 'letter' }, A4],
    ];
    for (const [args, env, size] of cases) {
      const { result, out } = packOn(args, env);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      // The pack and the handout of the stage's case study, every page the same paper.
      const written = result.stdout.trim().split('\n');
      expect(written).toHaveLength(2);
      for (const file of written) expect(new Set(await pageSizes(file)), `${args.join(' ')} ${JSON.stringify(env)}`).toEqual(new Set([size]));
      expect(written[0]).toBe(out);
    }
  });

  it('rejects another paper size on one line naming the allowed values, with exit code 2', () => {
    const flag = packOn(['--paper', 'a3']).result;
    expect(flag.code).toBe(2);
    expect(flag.stdout).toBe('');
    expect(flag.stderr).toBe("hirekit: option '--paper <size>' argument 'a3' is invalid. Allowed choices are a4, letter; see hirekit --help\n");
    const variable = packOn([], { HIREKIT_PAPER: 'legal' }).result;
    expect(variable.code).toBe(2);
    expect(variable.stderr).toBe(
      "hirekit: option '--paper <size>' value 'legal' from env 'HIREKIT_PAPER' is invalid. Allowed choices are a4, letter; see hirekit --help\n",
    );
  });
});

describe('a hostile rubric renders safely and legibly in every format', () => {
  const HOSTILE = path.join(FIXTURES, 'rubrics-hostile');
  const LONG = 'Supercalifragilistic'.repeat(15);
  let rubric: Rubric;
  beforeAll(async () => {
    rubric = await rubricOf(path.join(HOSTILE, 'hostile-analyst.yaml'));
  });

  function packAs(format: Format): string[] {
    const out = path.join(dir, 'hostile', `pack.${format}`);
    const result = runCli(['--rubrics', HOSTILE, 'pack', 'hostile-analyst', '--out', out, '--candidate', '<x>*y*']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return result.stdout.trim().split('\n');
  }

  it('HTML: no live tag from the rubric, braces kept literally, the long word can wrap', () => {
    const [pack, handout] = packAs('html');
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

  it('Markdown: tables keep their columns, no emphasis, link or raw HTML comes from rubric text', () => {
    const [pack, handout] = packAs('md');
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
    const [pack, handout] = packAs('pdf');
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
