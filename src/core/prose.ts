// Rubric text is written in YAML block scalars, where authors hard-wrap lines at will. Read it the way
// Markdown does: lines join into a paragraph, a blank line starts a new one, and a line that starts with
// a list marker ("- ", "* ", "• ", "1. ", "a) ") is its own item.

export interface ProseBlock {
  kind: 'paragraph' | 'item';
  /** The marker as written, for items ("-", "1.", ...). */
  marker?: string;
  text: string;
}

const ITEM = /^\s*([-*•]|\d{1,3}[.)]|[a-z][.)])\s+(.*)$/;

export function proseBlocks(text: string): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  let current: ProseBlock | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      current = undefined;
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      current = { kind: 'item', marker: item[1] ?? '-', text: item[2] ?? '' };
      blocks.push(current);
    } else if (current) {
      current.text = `${current.text} ${line}`;
    } else {
      current = { kind: 'paragraph', text: line };
      blocks.push(current);
    }
  }
  return blocks;
}
