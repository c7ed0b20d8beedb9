// Reads a PDF the way a test needs it: its text (in-process, via unpdf), page count, metadata and fonts.
import { readFile } from 'node:fs/promises';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';

export interface PdfFacts {
  pages: number;
  /** Text of each page. */
  pageTexts: string[];
  /** All text, pages joined, whitespace folded to single spaces. */
  text: string;
  title?: string;
  /** Base names of the fonts the file references, and whether each is embedded. */
  fonts: Array<{ name: string; embedded: boolean }>;
}

export async function readPdf(file: string): Promise<PdfFacts> {
  const bytes = new Uint8Array(await readFile(file));
  const doc = await getDocumentProxy(bytes.slice());
  const { totalPages, text } = await extractText(doc, { mergePages: false });
  const meta = await getMeta(doc);
  const info = meta.info as { Title?: string };
  return {
    pages: totalPages,
    pageTexts: text,
    text: text.join('\n').replace(/\s+/g, ' '),
    ...(info.Title ? { title: info.Title } : {}),
    fonts: fontsOf(Buffer.from(bytes).toString('latin1')),
  };
}

/** Font dictionaries straight from the file: a font is embedded when its descriptor has a FontFile. */
function fontsOf(raw: string): Array<{ name: string; embedded: boolean }> {
  const names = new Map<string, boolean>();
  for (const m of raw.matchAll(/\/Type\s*\/FontDescriptor([\s\S]*?)>>/g)) {
    const body = m[1] ?? '';
    const name = /\/FontName\s*\/([^\s/<>]+)/.exec(body)?.[1];
    if (name) names.set(name, /\/FontFile[23]?\s/.test(body));
  }
  for (const m of raw.matchAll(/\/Subtype\s*\/Type1[\s\S]*?\/BaseFont\s*\/([^\s/<>]+)/g)) {
    if (m[1] && !names.has(m[1])) names.set(m[1], false);
  }
  return [...names].map(([name, embedded]) => ({ name, embedded }));
}

/** Width x height in points of every page, e.g. "612x792" (US Letter) or "595.28x841.89" (A4). */
export async function pageSizes(file: string): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(await readFile(file)));
  const sizes: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const { width, height } = (await doc.getPage(p)).getViewport({ scale: 1 });
    sizes.push(`${+width.toFixed(2)}x${+height.toFixed(2)}`);
  }
  return sizes;
}

/** A run of text where the PDF placed it, in points from the top-left corner of its page. */
export interface PlacedText {
  text: string;
  x: number;
  width: number;
  top: number;
  bottom: number;
  size: number;
  /** The marked-content tag it was drawn under: 'H1'..'H3', 'P', 'TD', 'Artifact' (footers, running heads)... */
  tag: string;
}

export interface PlacedPage {
  width: number;
  height: number;
  items: PlacedText[];
}

/** Every non-blank text run of every page with its position and tag, read back with pdf.js. */
export async function placedText(bytes: Uint8Array): Promise<PlacedPage[]> {
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const pages: PlacedPage[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent({ includeMarkedContent: true });
    const tags: string[] = [];
    const items: PlacedText[] = [];
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') tags.push((item as { tag?: string }).tag ?? '');
        else if (item.type === 'endMarkedContent') tags.pop();
        continue;
      }
      if (!item.str.trim()) continue;
      const size = Math.hypot(item.transform[0] as number, item.transform[1] as number);
      const baseline = height - (item.transform[5] as number);
      items.push({ text: item.str, x: item.transform[4] as number, width: item.width, top: baseline - size * 0.93, bottom: baseline + size * 0.24, size, tag: tags[tags.length - 1] ?? '' });
    }
    pages.push({ width, height, items });
  }
  return pages;
}
