// The one way hirekit writes YAML (scorecards, candidate files, decision files, pending answers): every
// string that any YAML reader could take for something else is quoted. YAML 1.1 readers (PyYAML, older
// tools a team may point at the folder) read `yes`, `on`, `y`, `12:30`, `1_000`, `0b101` and `2026-01-01` as
// booleans, numbers and dates; YAML 1.2 readers read `0o17` as 15; both read `1e3`, `0x1F`, `+12`, `.inf`,
// `null` and `~` as numbers or null. A name or a piece of evidence must come back as the text that was given.
import { Document, isScalar, parseDocument, visit } from 'yaml';

const VERSIONS = ['1.1', '1.2'] as const;

/** Words and shapes some YAML reader resolves to a non-string, checked on top of asking the parser itself. */
const LOOKS_TYPED = /^(?:[-+.]?\d|[-+]?\.(?:inf|nan)$|~$|(?:y|n|yes|no|true|false|on|off|null|nil)$|[<=]{1,2}$)/i;

/** True when a plain (unquoted) scalar with this text would not read back as this very string everywhere. */
export function needsQuotes(text: string): boolean {
  if (text === '' || text !== text.trim() || LOOKS_TYPED.test(text)) return true;
  if (text.includes('\n')) return false; // written as a block or quoted scalar, always a string
  for (const version of VERSIONS) {
    // parseDocument, not parse: parse reports warnings (e.g. an unknown !!tag) on stderr as process warnings.
    const doc = parseDocument(text, { version });
    if (doc.errors.length > 0 || doc.warnings.length > 0) return true;
    try {
      if (doc.toJS() !== text) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/** YAML text for plain data, with every ambiguous string double-quoted; no line folding. */
export function toYaml(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && needsQuotes(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0 });
}
