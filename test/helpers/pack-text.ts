// What a reader sees in a written pack, and the rubric texts it must (or must never) hold.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Rubric } from '../../src/core/rubric.js';
import { allFlags, flagsFor, stageDimensions, stageQuestions } from '../../src/core/rubric.js';
import { loadRubricFile } from '../../src/io/rubrics.js';
import { ROOT } from './cli.js';
import { readPdf } from './pdf.js';

export const BUNDLED = path.join(ROOT, 'rubrics');
export const bundledFiles = readdirSync(BUNDLED).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(BUNDLED, f));

export async function rubricOf(file: string): Promise<Rubric> {
  const report = await loadRubricFile(file, 'bundled');
  if (!report.loaded) throw new Error(`${file} does not load: ${report.errors[0]?.message ?? ''}`);
  return report.loaded.rubric;
}

/** Whitespace differs between formats (wrapping, table cells); the words must not. */
export const squash = (text: string): string => text.replace(/\s+/g, '');

export const decodeHtml = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&');

export const unescapeMarkdown = (md: string): string => md.replace(/\\(.)/g, '$1');

export type Format = 'pdf' | 'md' | 'html';

/** The text a reader sees in a written file, whatever its format. */
export async function visibleText(file: string, format: Format): Promise<string> {
  if (format === 'pdf') return (await readPdf(file)).text;
  const raw = readFileSync(file, 'utf8');
  return format === 'html' ? decodeHtml(raw) : unescapeMarkdown(raw);
}

/** Everything the interviewers of the given stages must find in their pack. */
export function interviewerTexts(rubric: Rubric, stageIds: readonly string[]): string[] {
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
export function interviewerOnly(rubric: Rubric): string[] {
  return [
    ...rubric.dimensions.flatMap((d) => [...Object.values(d.anchors), ...d.questions.flatMap((q) => [q.text, ...q.probes, ...q.listen_for])]),
    ...allFlags(rubric).map((f) => f.text),
    ...rubric.case_studies.flatMap((c) => [c.guide, ...c.strong, ...c.weak]),
  ];
}

export function missingFrom(text: string, expected: readonly string[]): string[] {
  const haystack = squash(text);
  return expected.filter((t) => !haystack.includes(squash(t)));
}

export function leakedInto(text: string, secrets: readonly string[]): string[] {
  const haystack = squash(text);
  return secrets.filter((t) => haystack.includes(squash(t)));
}

