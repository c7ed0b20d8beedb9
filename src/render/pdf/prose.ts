// Rubric prose (paragraphs and lists, see core/prose.ts) as PDF layout blocks.
import type { ProseSection } from '../../core/pack.js';
import { bullets, paragraph, type Block, type TextStyle } from './layout.js';

export function proseBlocks(sections: readonly ProseSection[], style: TextStyle = {}): Block[] {
  return sections.map((section) =>
    section.items
      ? bullets(
          section.items.map((item) => ({ marker: item.ordinal ? item.marker : item.nested ? '–' : '•', text: item.text, indent: item.nested ? 16 : 0 })),
          style,
        )
      : paragraph(section.paragraph ?? '', style),
  );
}
