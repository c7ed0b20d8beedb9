// The one way hirekit writes YAML (scorecards, candidate files, decision files, pending answers): every
// string that any YAML reader could take for something else is quoted. YAML 1.1 readers (PyYAML, older
// tools a team may point at the folder) read `yes`, `on`, `y`, `12:30`, `1_000`, `0b101` and `2026-01-01` as
// booleans, numbers and dates; YAML 1.2 readers read `0o17` as 15; both read `1e3`, `0x1F`, `+12`, `.inf`,
// `null` and `~` as numbers or null. A name or a piece of evidence must come back as the text that was given.
import { Document, isPair, isScalar, parseDocument, visit, type Node } from 'yaml';

const VERSIONS = ['1.1', '1.2'] as const;

/** Words and shapes some YAML reader resolves to a non-string, checked on top of asking the parser itself. */
const LOOKS_TYPED = /^(?:[-+.]?\d|[-+]?\.(?:inf|nan)$|~$|(?:y|n|yes|no|true|false|on|off|null|nil)$|[<=]{1,2}$)/i;

/** True when a plain (unquoted) scalar with this text would not read back as this very string everywhere. */
export function needsQuotes(text: string): boolean {
  if (text === '' || text !== text.trim() || LOOKS_TYPED.test(text)) return true;
  if (text.includes('\n')) return false; // written as a block or quoted scalar, always a string
  for (const version of VERSIONS) {
    // parseDocument, not parse, and logLevel 'error': otherwise warnings (an unknown !!tag, a text such as
    // "{ a: b }" whose mapping key toJS would stringify) reach stderr as process warnings.
    const doc = parseDocument(text, { version, logLevel: 'error' });
    if (doc.errors.length > 0 || doc.warnings.length > 0) return true;
    try {
      if (doc.toJS() !== text) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/** Comments for a file people edit (a drafted import mapping): a header, and lines before or after a key. */
export interface YamlComments {
  header?: string;
  /** By the path of keys from the top: `before` is written as comment lines above the key, `after` at the end of its line. */
  at?: (path: readonly string[]) => { before?: string; after?: string } | undefined;
}

/** YAML text for plain data, with every ambiguous string double-quoted; no line folding. */
export function toYaml(value: unknown, comments: YamlComments = {}): string {
  const doc = new Document(value);
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && needsQuotes(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  const lines = (text: string): string => text.split('\n').map((line) => ` ${line}`).join('\n');
  if (comments.header) doc.commentBefore = lines(comments.header);
  const at = comments.at;
  if (at) {
    visit(doc, {
      Pair(_key, pair, path) {
        const keys = [...path.filter(isPair), pair].map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
        const comment = at(keys);
        if (comment?.before && isScalar(pair.key)) {
          (pair.key as Node).commentBefore = lines(comment.before);
          (pair.key as Node).spaceBefore = path.length <= 2;
        }
        if (comment?.after && isScalar(pair.value)) pair.value.comment = ` ${comment.after}`;
      },
    });
  }
  return doc.toString({ lineWidth: 0 });
}
