// Handlebars' errors, compile and render alike, as the one line a template author can act on:
// `FILE:LINE:COL  what is wrong` (see templates.ts).

/**
 * Handlebars' parser lists every token it could accept ("Expecting 'CLOSE_RAW_BLOCK', 'CLOSE', ... got
 * 'INVALID'"); a template author needs to hear which brace is missing.
 */
function explainParse(detail: string): string {
  const m = /^Expecting (.*), got '?([^']*)'?$/s.exec(detail.trim());
  if (!m) return detail.replace(/^Expecting /, 'expected ');
  const expected = (m[1] ?? '').split(/,\s*/).map((t) => t.replace(/'/g, ''));
  const found = m[2] ?? '';
  if (found === 'EOF') return "expected more: the template ends inside an open {{ tag or {{#block}}; close it";
  const what = found === 'INVALID' ? 'a character that cannot appear there' : `'${found.toLowerCase().replace(/_/g, ' ')}'`;
  if (expected.includes('CLOSE')) return `expected '}}' to close the tag, found ${what}`;
  if (expected.includes('OPEN_ENDBLOCK')) return `expected '{{/' closing the open block, found ${what}`;
  if (expected.includes('ID')) return `expected a field name and then '}}' in this tag, found ${what}`;
  return `expected ${expected.slice(0, 3).map((t) => t.toLowerCase().replace(/_/g, ' ')).join(', ')}${expected.length > 3 ? ' or similar' : ''}, found ${what}`;
}

/** One line `FILE:LINE:COL  what is wrong` for any handlebars failure, compile or render. */
export function templateError(file: string, text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const e = error as { lineNumber?: number; column?: number };
  const parse = /^Parse error on line (\d+):\n(.*)\n(-*)\^\n(.*)$/s.exec(raw);
  if (parse) {
    const line = Number(parse[1]);
    const shown = (parse[2] ?? '').slice(0, (parse[3] ?? '').length).replace(/^\.\.\./, '');
    return `${file}:${line}:${parseColumn(text, line, shown)}  template syntax error: ${explainParse(parse[4] ?? '')}`;
  }
  // Handlebars columns are 0-based; editors count from 1.
  const where = typeof e.lineNumber === 'number' ? `${e.lineNumber}:${(e.column ?? 0) + 1}` : '1:1';
  const message = raw.replace(/ - \d+:\d+$/, '');
  const missing = /^"([^"]+)" not defined in/.exec(message);
  const mismatch = /^(\S+) doesn't match (\S+)$/.exec(message);
  const explained = missing
    ? `unknown field or helper '${missing[1]}'; see docs/templates.md for the fields a template can use`
    : mismatch
      ? `block {{#${mismatch[1]}}} is closed by {{/${mismatch[2]}}}; close it with {{/${mismatch[1]}}}`
      : message.charAt(0).toLowerCase() + message.slice(1);
  return `${file}:${where}  ${explained}`;
}

/** Finds where on `line` the parser stopped, from the text it showed just before its caret. */
function parseColumn(text: string, line: number, shownBefore: string): number {
  const lineText = text.split('\n')[line - 1] ?? '';
  if (!shownBefore) return 1;
  for (let k = lineText.length; k > 0; k--) {
    const tail = lineText.slice(Math.max(0, k - shownBefore.length), k);
    if (shownBefore.endsWith(tail)) return k + 1;
  }
  return 1;
}
