// Lint that reads only the words of a rubric, so it runs on any rubric file, even one the schema refuses
// (a hiring manager then sees every problem in one run): questions on protected topics, and placeholder
// text a starter rubric (`hirekit new`) left for its author to replace.
import type { Finding, FindingPath } from './finding.js';
import { findProtectedTopic } from './protected-topics.js';

/** The marker `hirekit new` puts in every text its author must write. */
export const PLACEHOLDER = 'TODO';
const PLACEHOLDER_PATTERN = new RegExp(`\\b${PLACEHOLDER}\\b`);

export function lintRubricText(plain: unknown): Finding[] {
  return [...protectedTopics(plain), ...placeholders(plain)];
}

type Plain = Record<string, unknown>;
const isObject = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function protectedTopics(plain: unknown): Finding[] {
  if (!isObject(plain)) return [];
  const out: Finding[] = [];
  const check = (path: FindingPath, text: unknown, who: string): void => {
    if (typeof text !== 'string') return;
    const topic = findProtectedTopic(text);
    if (topic) out.push({ severity: 'warning', code: 'protected-topic', path, message: `${who} touches a protected topic (${topic.topic}: "${topic.match}"); ${topic.advice}` });
  };
  list(plain.dimensions).forEach((dimension, di) => {
    if (!isObject(dimension)) return;
    list(dimension.questions).forEach((question, qi) => {
      if (!isObject(question)) return;
      const base: FindingPath = ['dimensions', di, 'questions', qi];
      const who = `question '${typeof question.id === 'string' ? question.id : `${di + 1}.${qi + 1}`}'`;
      check([...base, 'text'], question.text, who);
      list(question.probes).forEach((probe, pi) => check([...base, 'probes', pi], probe, who));
    });
  });
  list(plain.case_studies).forEach((study, ci) => {
    if (isObject(study)) check(['case_studies', ci, 'brief'], study.brief, `case study '${typeof study.id === 'string' ? study.id : ci + 1}'`);
  });
  return out;
}

/** Every text that still holds the placeholder marker, in document order. */
function placeholders(plain: unknown): Finding[] {
  const out: Finding[] = [];
  const walk = (value: unknown, path: Array<string | number>): void => {
    if (typeof value === 'string') {
      if (PLACEHOLDER_PATTERN.test(value)) {
        out.push({ severity: 'warning', code: 'placeholder', path: [...path], message: `${pathText(path)} still holds placeholder text (${PLACEHOLDER}); write the real text before the rubric is used` });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, i]));
    } else if (isObject(value)) {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    }
  };
  walk(plain, []);
  return out;
}

function pathText(path: FindingPath): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('') || 'the rubric';
}
