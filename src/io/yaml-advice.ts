// What to type instead: the YAML mistakes people make most when writing a rubric or an answers file by hand,
// each explained with the corrected line. The parser's own words ("Nested mappings are not allowed in compact
// mappings") are kept only for mistakes this file does not recognise.
import type { YAMLError } from 'yaml';
import { formatPath } from './yaml-schema.js';
import { pathAt, quoted, sourceLine, type YamlText } from './yaml-source.js';

export interface Advice {
  code: string;
  message: string;
}

/** `key:value` with no space: YAML reads it as one word. */
const NO_SPACE_AFTER_COLON = /^(\s*(?:- )?)([A-Za-z_][\w-]*):(?! |$)([^/\s].*)$/;

/** The words for a parser error, with the fix when the mistake is a known one. */
export function adviseSyntax(yaml: YamlText, error: YAMLError, line: number, col: number): Advice {
  const text = sourceLine(yaml, line);
  const where = formatPath(pathAt(yaml.doc, error.pos[0]));
  const prefix = where ? `${where}: ` : '';

  if (error.code === 'TAB_AS_INDENT' || /^ *\t/.test(text)) {
    const fixed = text.replace(/^[\t ]+/, (indent) => indent.replace(/\t/g, '  '));
    const shown = fixed.trim() === '' ? '(an empty line)' : fixed.trim();
    return { code: 'yaml-tab', message: `this line is indented with a tab; YAML indents with spaces only, so replace the tab with spaces (as many as the lines around it use): ${shown}` };
  }

  // `key:value` on this line or the one before (the parser notices it a line late).
  for (const candidate of [line, line - 1]) {
    const m = NO_SPACE_AFTER_COLON.exec(candidate >= 1 ? sourceLine(yaml, candidate) : '');
    if (m && (error.code === 'MULTILINE_IMPLICIT_KEY' || error.code === 'MISSING_CHAR' || error.code === 'BLOCK_AS_IMPLICIT_KEY')) {
      const fixed = `${m[1]}${m[2]}: ${m[3]}`;
      return { code: 'yaml-colon-space', message: `'${m[2]}:' needs a space after the colon, or YAML reads "${m[2]}:${m[3]}" as one word; type: ${fixed.trim()}` };
    }
  }

  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'BLOCK_IN_FLOW') {
    const value = valueFrom(text, col - 1);
    if (value.includes(': ')) {
      const fixed = `${text.slice(0, col - 1)}${quoted(value)}${text.slice(col - 1 + value.length)}`;
      return { code: 'yaml-colon-in-value', message: `${prefix}this value contains ": ", which YAML reads as a new key; put it in quotes: ${fixed.trim()}` };
    }
  }

  // The parser gives up on nesting hundreds deep with the engine's own words for it.
  if (/Maximum call stack size exceeded/.test(error.message)) {
    return { code: 'yaml-too-deep', message: `nested hundreds of levels deep ([ ], { } or indentation); a hirekit file nests a few levels, so this is not one (or it was generated wrongly)` };
  }

  const first = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
  const hint = error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'BLOCK_IN_FLOW' ? '; if a value holds ": " or starts with [ { & * ! | > % @ or a quote, put it in quotes' : '';
  return { code: 'yaml-syntax', message: `YAML syntax: ${first}${hint}` };
}

/**
 * The value that starts at `from` on a line: to the end of the line in a block, or to the next `,` `}` `]`
 * inside a flow collection ({ ... } or [ ... ]).
 */
function valueFrom(line: string, from: number): string {
  const before = line.slice(0, from);
  const inFlow = (before.match(/[{[]/g)?.length ?? 0) > (before.match(/[}\]]/g)?.length ?? 0);
  const rest = line.slice(from);
  const end = inFlow ? rest.search(/,|\s*[}\]]/) : rest.search(/\s+#|\s*$/);
  return (end < 0 ? rest : rest.slice(0, end)).trimEnd();
}

/**
 * A plain value followed on its line by ` #word`: YAML read everything from the `#` as a comment, so the
 * value was cut short ("What is your #1 priority" became "What is your"). `end` is where the value ends.
 */
export function adviseCutByComment(yaml: YamlText, end: number, value: string): Advice | undefined {
  const { line, col } = yaml.lineCounter.linePos(end);
  const text = sourceLine(yaml, line);
  const rest = text.slice(col - 1);
  const m = /^([ \t]+)#(\S.*)$/.exec(rest);
  if (!m?.[2]) return undefined;
  const start = text.length - rest.length - value.length;
  if (start < 0 || text.slice(start, start + value.length) !== value) return undefined;
  const whole = `${value}${m[1]}#${m[2]}`.trimEnd();
  const fixed = `${text.slice(0, start)}${quoted(whole)}`;
  return {
    code: 'yaml-hash-in-value',
    message: `this value contains " #", and YAML reads everything from the # on as a comment (the value was cut to ${JSON.stringify(value)}); put it in quotes: ${fixed.trim()}`,
  };
}
