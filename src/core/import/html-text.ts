// ATS notes and answers may hold basic HTML (a rich-text editor's <p>, <br>, <ul>, <b>, entities). It is
// turned into plain text with htmlparser2, a streaming tokenizer that is linear in its input: tags go, entities
// are decoded, the content of script, style and similar elements is dropped whole, block elements become
// line breaks and list items "- " lines. Then terminal controls are stripped (core/text-safety.ts), since the
// text is printed and kept as evidence.
import { Parser } from 'htmlparser2';
import { stripTerminalControls } from '../text-safety.js';

/** Elements whose content is never text a reader wrote. */
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math', 'head', 'title']);
/** Elements that start and end a line of their own. */
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'blockquote', 'pre', 'ul', 'ol', 'table', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'footer', 'dl', 'dt', 'dd', 'hr', 'li']);

/** Whether a text looks like HTML at all: a tag or an entity. Plain text is left exactly as written. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][^>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(text);
}

export function htmlToText(html: string): string {
  if (!looksLikeHtml(html)) return tidy(stripTerminalControls(html));
  let out = '';
  let dropped = 0;
  const lists: Array<{ ordered: boolean; n: number }> = [];
  const newline = (): void => {
    if (out !== '' && !out.endsWith('\n')) out += '\n';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (DROPPED.has(name)) dropped++;
        if (dropped > 0) return;
        if (name === 'br') out += '\n';
        else if (name === 'ul' || name === 'ol') {
          newline();
          lists.push({ ordered: name === 'ol', n: 0 });
        } else if (name === 'li') {
          newline();
          const list = lists.at(-1);
          if (list) list.n++;
          out += list?.ordered ? `${list.n}. ` : '- ';
        } else if (BLOCKS.has(name)) newline();
        else if (name === 'td' || name === 'th') out += out.endsWith('\n') || out === '' ? '' : ' ';
      },
      ontext(text) {
        if (dropped === 0) out += text.replace(/[ \t\r\n\f]+/g, ' ');
      },
      onclosetag(name) {
        if (DROPPED.has(name)) {
          dropped = Math.max(0, dropped - 1);
          return;
        }
        if (dropped > 0) return;
        if (name === 'ul' || name === 'ol') lists.pop();
        if (BLOCKS.has(name)) newline();
        if (name === 'p') out += '\n';
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return tidy(stripTerminalControls(out.replace(/\u00a0/g, ' ')));
}

/** Trailing spaces off each line, at most one empty line in a row, nothing blank at either end. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/u, '').replace(/^ +(?=\S)/u, (m) => (m.length > 1 ? m : '')))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
